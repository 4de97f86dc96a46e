/* torch_checkpoint: the tensors of a state_dict saved by torch.save (PyTorch >= 1.6 zip format).

   The archive holds <folder>/data.pkl, a pickled dict name -> torch._utils._rebuild_tensor_v2(storage,
   offset, size, stride, ...), whose storages are persistent ids ('storage', torch.<T>Storage, key,
   location, numel) naming the raw little-endian entry <folder>/data/<key>. Opening reads only the
   pickle; a tensor's data is read when asked for, after its dtype, layout and storage size are checked. */
#ifndef NUTL_TORCH_CHECKPOINT_H
#define NUTL_TORCH_CHECKPOINT_H

#include <stddef.h>

#define TORCH_MAX_DIMS 4

struct torch_tensor {
    char *name;          /* state_dict key, e.g. "layer1.0.bn1.running_var" */
    const char *dtype;   /* "float32", "float64", "int64", ... */
    char *storage_key;   /* the archive entry <folder>/data/<storage_key> */
    long long storage_numel, offset;
    int ndim;
    long long shape[TORCH_MAX_DIMS], stride[TORCH_MAX_DIMS];
};

struct torch_checkpoint {
    char *path;
    struct zip *zip;
    char *folder;        /* the archive's top folder, with its trailing '/' */
    struct torch_tensor *tensors; /* in the state_dict's order */
    size_t n;
};

/* Returns the opened checkpoint with its tensor list, or dies with a one-line message naming path and
   the problem (not a zip archive or truncated, no data.pkl, not a dict of tensors, unknown storage). */
struct torch_checkpoint *torch_checkpoint_open(const char *path);

/* Returns the tensor called name, or NULL if the checkpoint has none. */
const struct torch_tensor *torch_checkpoint_find(const struct torch_checkpoint *cp, const char *name);

/* Returns the number of elements of t (1 for a 0-dimensional tensor). */
long long torch_tensor_numel(const struct torch_tensor *t);

/* Returns t's elements (malloc'd, the caller frees) in row-major order, or dies naming the checkpoint
   and the tensor if it is not float32, not contiguous, or its storage entry is missing, of the wrong
   size, unreadable or too short for it. */
float *torch_tensor_read_f32(const struct torch_checkpoint *cp, const struct torch_tensor *t);

/* Closes the archive and frees cp. Returns nothing. */
void torch_checkpoint_close(struct torch_checkpoint *cp);

#endif
