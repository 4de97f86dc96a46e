#!/usr/bin/python3
"""torch_train.py: one network trained with PyTorch as `nutl train` trains it, for the whole-training
parity test and the PyTorch peer ensembles (`make peer`).

  torch_train.py DATA_DIR --out RUNDIR --train-images N --seed S [--protocol P] [--member K]
                 [--max-epochs E] [--batch B] [--lr X] [--momentum X] [--decay X] [--threads T]
                 [--saturation-mev X] [--init-pth FILE] [--order FILE] [--keep-epochs]

The network is torchvision's resnet18(num_classes=3) as constructed after torch.manual_seed(S) (its own
initialisation: the paper's), or the state_dict FILE (--init-pth). The data, the subset and the
protocol are nutl train's: the first N events of the class-balanced order of DATA_DIR/train, inputs
min(E / saturation, 1) normalised with ImageNet's means and deviations, SGD with momentum on the mean
cross-entropy, batch B with the last partial batch left out, validation in eval mode after every epoch,
the learning rate divided by 10 after 3 epochs without a better validation loss, a stop after 6 (or
E epochs), the best-validation weights kept. Each epoch's order is a permutation drawn from S and the
epoch number, or the line "epoch E: i1 i2 ..." of FILE (--order; nutl train --order-out writes it).

RUNDIR (written as RUNDIR.partial, renamed when complete) gets what nutl-analyse reads: result.tsv,
predictions-val.tsv, predictions-test.tsv; and train.log (nutl's per-epoch line), best.pth (the
best-validation state_dict), final.pth (after the last epoch) and, with --keep-epochs, epoch-E.pth after
every epoch.
"""
import argparse
import os
import shutil
import sys
import time

import numpy as np
import torch
import torchvision

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import nutl_dataset  # noqa: E402

PATIENCE_DROP, PATIENCE_STOP = 3, 6  # src/nn/schedule.h


class Schedule:
    """nutl's schedule (src/nn/schedule.c): plateau /10 after 3 bad epochs, stop after 6, best kept."""

    def __init__(self, lr):
        self.lr, self.best_loss, self.best_epoch = lr, float("inf"), 0
        self.epochs = self.bad = self.bad_since_drop = 0

    def record(self, val_loss):
        """Returns True if val_loss is the best so far (counts the epoch, drops the rate when due)."""
        self.epochs += 1
        if val_loss < self.best_loss:
            self.best_loss, self.best_epoch, self.bad, self.bad_since_drop = val_loss, self.epochs, 0, 0
            return True
        self.bad += 1
        self.bad_since_drop += 1
        if self.bad_since_drop == PATIENCE_DROP:
            self.lr /= 10
            self.bad_since_drop = 0
        return False

    def should_stop(self, max_epochs):
        return self.bad >= PATIENCE_STOP or self.epochs >= max_epochs


def load_inputs(split, events, saturation):
    """Returns the network inputs of the given events of split as one float32 tensor."""
    return torch.from_numpy(np.stack([split.input(i, saturation) for i in events]))


def read_orders(path):
    """Returns {epoch: [event, ...]} from an --order-out file (the last line of an epoch wins)."""
    orders = {}
    with open(path) as f:
        for n, line in enumerate(f, 1):
            head, _, rest = line.partition(":")
            if not head.startswith("epoch ") or not rest.strip():
                sys.exit(f"torch_train: {path}:{n}: expected 'epoch E: i1 i2 ...'")
            orders[int(head.split()[1])] = [int(x) for x in rest.split()]
    return orders


def macro_f1(confusion):
    """Returns the paper's F1 (Eq. 1): the unweighted mean of the per-class F1 scores."""
    f1 = []
    for c in range(len(confusion)):
        tp, true, predicted = confusion[c][c], sum(confusion[c]), sum(row[c] for row in confusion)
        f1.append(2 * tp / (true + predicted) if true + predicted else 0.0)
    return sum(f1) / len(f1)


def evaluate(model, x, split, batch, predictions=None):
    """Returns (mean cross-entropy, confusion matrix) of the model in eval mode on all of split; writes
    the per-event lines of nutl's predictions format to the open file predictions if given."""
    model.eval()
    with torch.no_grad():
        p = torch.cat([torch.softmax(model(x[i:i + batch]), 1) for i in range(0, len(x), batch)]).numpy()
    truth = split.classes
    loss = float(np.mean(-np.log(np.maximum(p[np.arange(len(p)), truth].astype(np.float64), 1e-30))))
    predicted = p.argmax(1)
    confusion = [[int(np.sum((truth == t) & (predicted == q))) for q in range(3)] for t in range(3)]
    if predictions:
        names = nutl_dataset.CLASSES
        predictions.write("event_id\ttrue_class\ttrue_energy_gev\tp_numu_cc\tp_nue_cc\tp_nc\tpredicted_class\n")
        for i in range(len(p)):
            predictions.write(f"{split.event_ids[i]}\t{names[truth[i]]}\t{split.energies[i]:.4f}\t{p[i][0]:.6f}\t"
                              f"{p[i][1]:.6f}\t{p[i][2]:.6f}\t{names[predicted[i]]}\n")
    return loss, confusion


def train_epoch(model, opt, x, y, order, batch):
    """One epoch of SGD over the events order (positions in x); returns the mean training loss."""
    model.train()
    losses = []
    for b in range(len(order) // batch):
        idx = torch.tensor(order[b * batch:(b + 1) * batch])
        loss = torch.nn.functional.cross_entropy(model(x[idx]), y[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return sum(losses) / len(losses)


def epoch_order(args, epoch, subset, orders):
    """Returns the epoch's training order as positions in subset, the last partial batch dropped."""
    if orders is not None:
        if epoch not in orders:
            sys.exit(f"torch_train: {args.order}: no line for epoch {epoch}")
        where = {e: k for k, e in enumerate(subset)}
        order = [where[e] for e in orders[epoch]]
    else:
        order = np.random.default_rng([args.seed, epoch]).permutation(len(subset)).tolist()
    return order[:len(order) // args.batch * args.batch]


def write_result(path, args, sched, val, test, seconds, images):
    """Writes result.tsv with the keys nutl-analyse reads (analysis/record.c) and the protocol's."""
    rows = [("protocol", args.protocol), ("init", "kaiming" if not args.init_pth else "weights"),
            ("scheme", "all"), ("train_images", args.train_images), ("member", args.member),
            ("seed", args.seed), ("epochs", sched.epochs), ("best_epoch", sched.best_epoch),
            ("best_val_loss", f"{sched.best_loss:.6f}"), ("val_loss", f"{val[0]:.6f}"),
            ("val_f1", f"{macro_f1(val[1]):.6f}"), ("test_loss", f"{test[0]:.6f}"),
            ("test_f1", f"{macro_f1(test[1]):.6f}")]
    rows += [(f"test_acc_{name}", f"{test[1][c][c] / max(sum(test[1][c]), 1):.6f}")
             for c, name in enumerate(nutl_dataset.CLASSES)]
    rows += [("test_confusion", " ".join(str(v) for row in test[1] for v in row)),
             ("train_seconds", f"{seconds:.1f}"), ("train_images_per_second", f"{images / max(seconds, 1e-9):.2f}"),
             ("threads", args.threads), ("device", "cpu"),
             ("build", f"pytorch {torch.__version__}; torchvision {torchvision.__version__}; dev/torch_train.py"),
             ("pretrained_source", "none"),
             ("libraries", f"PyTorch {torch.__version__}; torchvision {torchvision.__version__}; numpy {np.__version__}"),
             ("machine_class", f"cpu; PyTorch; threads {args.threads}"),
             ("dataset_id", nutl_dataset.dataset_id(args.data_dir)), ("learning_rate", f"{args.lr:g}"), ("momentum", f"{args.momentum:g}"),
             ("weight_decay", f"{args.decay:g}"), ("batch", args.batch),
             ("input_saturation_mev", f"{args.saturation_mev:g}"), ("input_normalization", "imagenet")]
    with open(path, "w") as f:
        f.writelines(f"{k}\t{v}\n" for k, v in rows)


def train(args):
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    splits = {}
    for name in ("train", "val", "test"):
        try:
            splits[name] = nutl_dataset.Split(os.path.join(args.data_dir, name))
        except nutl_dataset.DatasetError as e:
            sys.exit(f"torch_train: {e}")
    tr = splits["train"]
    if not args.batch <= args.train_images <= tr.events:
        sys.exit(f"torch_train: {args.data_dir}/train: --train-images {args.train_images} is outside "
                 f"[{args.batch}, {tr.events}]")
    args.saturation_mev = args.saturation_mev or tr.default_saturation()
    subset = nutl_dataset.balanced_order(tr.classes)[:args.train_images]
    x = load_inputs(tr, subset, args.saturation_mev)
    y = torch.from_numpy(tr.classes[subset])
    xv = load_inputs(splits["val"], range(splits["val"].events), args.saturation_mev)
    xt = load_inputs(splits["test"], range(splits["test"].events), args.saturation_mev)
    orders = read_orders(args.order) if args.order else None

    model = torchvision.models.resnet18(num_classes=3)
    if args.init_pth:
        model.load_state_dict(torch.load(args.init_pth))
    opt = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum, weight_decay=args.decay)
    partial = args.out + ".partial"
    shutil.rmtree(partial, ignore_errors=True)
    os.makedirs(partial)
    sched, best, seconds, images = Schedule(args.lr), None, 0.0, 0
    with open(os.path.join(partial, "train.log"), "w") as log:
        while not sched.should_stop(args.max_epochs):
            epoch, lr = sched.epochs + 1, sched.lr
            for g in opt.param_groups:
                g["lr"] = lr
            order = epoch_order(args, epoch, subset, orders)
            start = time.monotonic()
            train_loss = train_epoch(model, opt, x, y, order, args.batch)
            seconds += time.monotonic() - start
            images += len(order)
            val_loss, confusion = evaluate(model, xv, splits["val"], args.batch)
            improved = sched.record(val_loss)
            if improved:
                best = {k: v.clone() for k, v in model.state_dict().items()}
            if args.keep_epochs:
                torch.save(model.state_dict(), os.path.join(partial, f"epoch-{epoch}.pth"))
            log.write(f"epoch {epoch}  lr {lr:.0e}  train_loss {train_loss:.5f}  val_loss {val_loss:.5f}  "
                      f"val_f1 {macro_f1(confusion):.4f}{'  best' if improved else ''}\n")
            log.flush()
            print(f"{args.out}: epoch {epoch} train_loss {train_loss:.5f} val_loss {val_loss:.5f}", flush=True)
    torch.save(model.state_dict(), os.path.join(partial, "final.pth"))
    torch.save(best, os.path.join(partial, "best.pth"))
    model.load_state_dict(best)
    with open(os.path.join(partial, "predictions-val.tsv"), "w") as f:
        val = evaluate(model, xv, splits["val"], args.batch, f)
    with open(os.path.join(partial, "predictions-test.tsv"), "w") as f:
        test = evaluate(model, xt, splits["test"], args.batch, f)
    write_result(os.path.join(partial, "result.tsv"), args, sched, val, test, seconds, images)
    os.rename(partial, args.out)
    print(f"{args.out}: done, best epoch {sched.best_epoch}, val F1 {macro_f1(val[1]):.4f}, "
          f"test F1 {macro_f1(test[1]):.4f}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("data_dir")
    p.add_argument("--out", required=True)
    p.add_argument("--train-images", type=int, required=True)
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--protocol", default="none")
    p.add_argument("--member", type=int, default=1)
    p.add_argument("--max-epochs", type=int, default=100)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--lr", type=float, default=0.001)
    p.add_argument("--momentum", type=float, default=0.9)
    p.add_argument("--decay", type=float, default=0.0)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--saturation-mev", type=float, default=0.0)
    p.add_argument("--init-pth")
    p.add_argument("--order")
    p.add_argument("--keep-epochs", action="store_true")
    args = p.parse_args()
    if os.path.exists(os.path.join(args.out, "result.tsv")):
        print(f"{args.out}: already complete")
        return
    train(args)


if __name__ == "__main__":
    main()
