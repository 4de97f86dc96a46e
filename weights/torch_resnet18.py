#!/usr/bin/python3
"""torchvision ResNet18 helpers for the stand-in weights and the conversion tests (Debian python3-torch).

  checkpoint OUT.pth --seed S [--train-forwards K] [--classes C]
      torchvision.models.resnet18(num_classes=C) (default 1000) initialised from seed S, saved with
      torch.save as a state_dict:
      the same format as torchvision's published resnet18-f37072fd.pth. With K > 0, every BN layer
      first gets a random scale and shift and K train-mode forwards on random batches move its running
      mean and variance, so that no BN value is torchvision's trivial initial 1, 0, 0, 1; then each
      running variance is multiplied by a log-uniform factor in [3e-3, 1] (and the BN scale by its
      square root, keeping activations O(1)), spreading the variances as a trained network's are.
  logits IN.pth OUTDIR --inputs N --seed S
      N random 3x224x224 inputs as OUTDIR/input-<k>.raw (little-endian float32, CHW) and the model's
      eval-mode logits for each as OUTDIR/torch-<k>.txt (one value per line).
  step IN.pth OUTDIR --batch B --size P --lr LR --seed S
      One SGD step of the 3-class model IN.pth in train mode (momentum 0, weight decay 0, mean
      cross-entropy loss) on B random N(0,1) 3xPxP inputs with random labels drawn from seed S: the batch
      as OUTDIR/input.raw (little-endian float32, NCHW), the labels as OUTDIR/labels.txt (one a line),
      the loss before the step as OUTDIR/loss.txt and the updated state_dict (running statistics
      included) as OUTDIR/stepped.pth; the same step with every BN normalising as stock Darknet's CPU
      build does (the N-1 batch variance, darknet_cpu_bn) as OUTDIR/loss-unbiased.txt and
      OUTDIR/stepped-unbiased.pth.
"""
import argparse
import math
import os

import numpy as np
import torch
import torchvision

torch.set_num_threads(2)


def checkpoint(args):
    torch.manual_seed(args.seed)
    model = torchvision.models.resnet18(num_classes=args.classes)
    model.train()
    with torch.no_grad():
        for m in model.modules():
            if args.train_forwards and isinstance(m, torch.nn.BatchNorm2d):
                m.weight.uniform_(0.5, 1.5)
                m.bias.normal_(0.0, 0.2)
        for _ in range(args.train_forwards):
            # shifted and scaled so the running mean and variance move well away from 0 and 1
            model(torch.randn(4, 3, 64, 64) * 2.0 + 0.5)
        for m in model.modules():
            if args.train_forwards and isinstance(m, torch.nn.BatchNorm2d):
                f = torch.empty_like(m.running_var).uniform_(math.log(3e-3), 0.0).exp()
                m.running_var.mul_(f)
                m.weight.mul_(f.sqrt())
    torch.save(model.state_dict(), args.out)


def logits(args):
    model = torchvision.models.resnet18()
    model.load_state_dict(torch.load(args.pth))
    model.eval()
    gen = torch.Generator().manual_seed(args.seed)
    os.makedirs(args.outdir, exist_ok=True)
    for k in range(args.inputs):
        x = torch.randn(1, 3, 224, 224, generator=gen)
        x[0].numpy().astype('<f4').tofile(os.path.join(args.outdir, f'input-{k}.raw'))
        with torch.no_grad():
            y = model(x)[0].numpy()
        np.savetxt(os.path.join(args.outdir, f'torch-{k}.txt'), y, fmt='%.8g')


def darknet_cpu_bn(bn):
    """Returns bn, changed to normalise a training batch as stock Darknet's CPU forward_batchnorm_layer
    does: with the unbiased (N-1) batch variance (PyTorch: the biased one). Running statistics are
    updated as PyTorch's (the unbiased variance, weight bn.momentum)."""
    def forward(x):
        mean, var = x.mean((0, 2, 3)), x.var((0, 2, 3), unbiased=True)
        with torch.no_grad():
            bn.running_mean.mul_(1 - bn.momentum).add_(bn.momentum * mean)
            bn.running_var.mul_(1 - bn.momentum).add_(bn.momentum * var)
        c = (1, -1, 1, 1)
        return (x - mean.view(c)) / torch.sqrt(var.view(c) + bn.eps) * bn.weight.view(c) + bn.bias.view(c)
    bn.forward = forward
    return bn


def sgd_step(sd, x, y, lr, bn_unbiased):
    """Returns the loss before and the state_dict after one SGD step of the model with state_dict sd on
    the batch x, y (train mode; with bn_unbiased, every BN as darknet_cpu_bn)."""
    model = torchvision.models.resnet18(num_classes=sd['fc.bias'].numel())
    model.load_state_dict(sd)
    model.train()
    if bn_unbiased:
        for m in model.modules():
            if isinstance(m, torch.nn.BatchNorm2d):
                darknet_cpu_bn(m)
    opt = torch.optim.SGD(model.parameters(), lr=lr, momentum=0, weight_decay=0)
    loss = torch.nn.functional.cross_entropy(model(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item(), model.state_dict()


def step(args):
    sd = torch.load(args.pth)
    gen = torch.Generator().manual_seed(args.seed)
    x = torch.randn(args.batch, 3, args.size, args.size, generator=gen)
    y = torch.randint(0, sd['fc.bias'].numel(), (args.batch,), generator=gen)
    os.makedirs(args.outdir, exist_ok=True)
    x.numpy().astype('<f4').tofile(os.path.join(args.outdir, 'input.raw'))
    np.savetxt(os.path.join(args.outdir, 'labels.txt'), y.numpy(), fmt='%d')
    for suffix, unbiased in (('', False), ('-unbiased', True)):
        loss, stepped = sgd_step(sd, x, y, args.lr, unbiased)
        with open(os.path.join(args.outdir, f'loss{suffix}.txt'), 'w') as f:
            f.write(f'{loss:.8g}\n')
        torch.save(stepped, os.path.join(args.outdir, f'stepped{suffix}.pth'))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest='cmd', required=True)
    c = sub.add_parser('checkpoint')
    c.add_argument('out')
    c.add_argument('--seed', type=int, required=True)
    c.add_argument('--train-forwards', type=int, default=0)
    c.add_argument('--classes', type=int, default=1000)
    c.set_defaults(run=checkpoint)
    g = sub.add_parser('logits')
    g.add_argument('pth')
    g.add_argument('outdir')
    g.add_argument('--inputs', type=int, required=True)
    g.add_argument('--seed', type=int, required=True)
    g.set_defaults(run=logits)
    t = sub.add_parser('step')
    t.add_argument('pth')
    t.add_argument('outdir')
    t.add_argument('--batch', type=int, required=True)
    t.add_argument('--size', type=int, required=True)
    t.add_argument('--lr', type=float, required=True)
    t.add_argument('--seed', type=int, required=True)
    t.set_defaults(run=step)
    args = p.parse_args()
    args.run(args)


if __name__ == '__main__':
    main()
