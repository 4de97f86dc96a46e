#include "convert/torch_checkpoint.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "convert/pickle.h"
#include "core/util.h"

/* The largest data.pkl read: a state_dict's pickle holds names and shapes only (ResNet18's: 29 kB). */
#define PICKLE_MAX_BYTES (64u << 20)
/* The most elements a tensor or storage may have (2^36 floats, 256 GB: far beyond any network here), so
   that sizes and offsets computed from them cannot overflow. */
#define TENSOR_MAX_NUMEL (1LL << 36)

/* torch.<T>Storage class names and the dtype each holds (named in errors; only float32 is read). */
static const struct { const char *storage, *dtype; } storage_dtypes[] = {
    {"torch.FloatStorage", "float32"}, {"torch.DoubleStorage", "float64"},
    {"torch.HalfStorage", "float16"},  {"torch.BFloat16Storage", "bfloat16"},
    {"torch.LongStorage", "int64"},    {"torch.IntStorage", "int32"},
    {"torch.ShortStorage", "int16"},   {"torch.CharStorage", "int8"},
    {"torch.ByteStorage", "uint8"},    {"torch.BoolStorage", "bool"},
};

/* Returns a malloc'd copy of s. */
static char *str_dup(const char *s)
{
    char *d = nutl_calloc(strlen(s) + 1, "a string");
    return strcpy(d, s);
}

/* Returns the contents of the archive entry name (malloc'd, *len bytes), or NULL if the archive has no
   such entry; dies naming the entry if it says it holds more than max bytes (nothing is allocated for a
   size the archive merely claims) or cannot be read in full. */
static unsigned char *entry_read(const struct torch_checkpoint *cp, const char *name, zip_uint64_t max,
                                 size_t *len)
{
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(cp->zip, name, 0, &st) != 0) return NULL;
    if (!(st.valid & ZIP_STAT_SIZE)) nutl_die("%s: %s: size unknown", cp->path, name);
    if (st.size > max)
        nutl_die("%s: %s: %llu bytes, more than the %llu expected", cp->path, name, (unsigned long long)st.size,
                 (unsigned long long)max);
    zip_file_t *f = zip_fopen(cp->zip, name, 0);
    if (!f) nutl_die("%s: %s: cannot open: %s", cp->path, name, zip_strerror(cp->zip));
    unsigned char *buf = nutl_calloc(st.size, name);
    zip_int64_t got = zip_fread(f, buf, st.size);
    if (got < 0 || (zip_uint64_t)got != st.size)
        nutl_die("%s: %s: read failed (truncated or corrupt archive): %s", cp->path, name,
                 got < 0 ? zip_file_strerror(f) : "short read");
    if (zip_fclose(f) != 0) nutl_die("%s: %s: corrupt (checksum)", cp->path, name);
    *len = st.size;
    return buf;
}

/* Returns the archive's top folder with a trailing '/' (malloc'd): the one holding data.pkl. */
static char *folder_find(const struct torch_checkpoint *cp)
{
    zip_int64_t n = zip_get_num_entries(cp->zip, 0);
    for (zip_int64_t k = 0; k < n; k++) {
        const char *name = zip_get_name(cp->zip, (zip_uint64_t)k, 0);
        const char *slash = name ? strchr(name, '/') : NULL;
        if (slash && !strcmp(slash, "/data.pkl")) {
            char *folder = str_dup(name);
            folder[slash - name + 1] = '\0';
            return folder;
        }
    }
    nutl_die("%s: no <folder>/data.pkl in the archive (not a torch.save checkpoint?)", cp->path);
}

/* Returns a malloc'd "<folder><rest>" entry name. */
static char *entry_name(const struct torch_checkpoint *cp, const char *rest)
{
    char *name = nutl_calloc(strlen(cp->folder) + strlen(rest) + 1, "an entry name");
    return strcat(strcpy(name, cp->folder), rest);
}

/* Dies unless the archive is silent about byte order or says "little" (storages are read as
   little-endian, the host's order). Returns nothing. */
static void byteorder_check(const struct torch_checkpoint *cp)
{
    char *name = entry_name(cp, "byteorder");
    size_t len;
    unsigned char *b = entry_read(cp, name, 6, &len);
    if (b && !(len == 6 && !memcmp(b, "little", 6)))
        nutl_die("%s: storages are not little-endian (%s)", cp->path, name);
    free(b);
    free(name);
}

/* Returns v's integer value; dies naming the tensor and the field if v is not an integer. */
static long long int_get(const struct torch_checkpoint *cp, const char *tensor, const char *field,
                         const struct pickle_value *v)
{
    if (v->kind != PICKLE_INT) nutl_die("%s: tensor '%s': %s is not an integer", cp->path, tensor, field);
    return v->i;
}

/* Fills dims[] from the integer tuple v (at most TORCH_MAX_DIMS); returns how many there are. Dies
   naming the tensor if v is not such a tuple. */
static int dims_get(const struct torch_checkpoint *cp, const char *tensor, const char *field,
                    const struct pickle_value *v, long long *dims)
{
    if (v->kind != PICKLE_TUPLE) nutl_die("%s: tensor '%s': %s is not a tuple", cp->path, tensor, field);
    if (v->n > TORCH_MAX_DIMS)
        nutl_die("%s: tensor '%s' has %zu dimensions (at most %d read)", cp->path, tensor, v->n,
                 TORCH_MAX_DIMS);
    for (size_t k = 0; k < v->n; k++) {
        dims[k] = int_get(cp, tensor, field, v->items[k]);
        if (dims[k] < 0 || dims[k] > TENSOR_MAX_NUMEL)
            nutl_die("%s: tensor '%s': %s %lld is out of range", cp->path, tensor, field, dims[k]);
    }
    return (int)v->n;
}

/* Fills t's storage fields from the persistent id ('storage', torch.<T>Storage, key, location, numel).
   Returns nothing; dies naming the tensor on anything else. */
static void storage_parse(const struct torch_checkpoint *cp, struct torch_tensor *t,
                          const struct pickle_value *persid)
{
    const struct pickle_value *id = persid->kind == PICKLE_PERSID ? persid->items[0] : NULL;
    if (!id || id->kind != PICKLE_TUPLE || id->n != 5 || id->items[0]->kind != PICKLE_STR ||
        strcmp(id->items[0]->s, "storage") || id->items[2]->kind != PICKLE_STR)
        nutl_die("%s: tensor '%s': storage is not a ('storage', type, key, location, numel) id",
                 cp->path, t->name);
    for (size_t k = 0; k < sizeof storage_dtypes / sizeof storage_dtypes[0]; k++)
        if (pickle_is_global(id->items[1], storage_dtypes[k].storage)) t->dtype = storage_dtypes[k].dtype;
    if (!t->dtype) nutl_die("%s: tensor '%s': unknown storage type", cp->path, t->name);
    t->storage_key = str_dup(id->items[2]->s);
    t->storage_numel = int_get(cp, t->name, "storage size", id->items[4]);
    if (t->storage_numel < 0 || t->storage_numel > TENSOR_MAX_NUMEL)
        nutl_die("%s: tensor '%s': storage size %lld is out of range", cp->path, t->name, t->storage_numel);
}

/* Fills t from the state_dict entry name -> v, which must be _rebuild_tensor_v2(storage, offset, size,
   stride, ...). Returns nothing; dies naming the tensor otherwise. */
static void tensor_parse(const struct torch_checkpoint *cp, struct torch_tensor *t,
                         const struct pickle_value *name, const struct pickle_value *v)
{
    if (name->kind != PICKLE_STR) nutl_die("%s: state_dict has a key that is not a string", cp->path);
    t->name = str_dup(name->s);
    if (v->kind != PICKLE_OBJECT || !pickle_is_global(v->items[0], "torch._utils._rebuild_tensor_v2") ||
        v->items[1]->n < 4)
        nutl_die("%s: state_dict entry '%s' is not a plain tensor", cp->path, t->name);
    const struct pickle_value *const *args = (const struct pickle_value *const *)v->items[1]->items;
    storage_parse(cp, t, args[0]);
    t->offset = int_get(cp, t->name, "storage offset", args[1]);
    if (t->offset < 0 || t->offset > TENSOR_MAX_NUMEL)
        nutl_die("%s: tensor '%s': storage offset %lld is out of range", cp->path, t->name, t->offset);
    t->ndim = dims_get(cp, t->name, "size", args[2], t->shape);
    if (dims_get(cp, t->name, "stride", args[3], t->stride) != t->ndim)
        nutl_die("%s: tensor '%s': size and stride differ in length", cp->path, t->name);
    long long numel = 1;
    for (int d = 0; d < t->ndim; d++)
        if (__builtin_mul_overflow(numel, t->shape[d], &numel) || numel > TENSOR_MAX_NUMEL)
            nutl_die("%s: tensor '%s' has more than %lld elements", cp->path, t->name, TENSOR_MAX_NUMEL);
}

/* Returns the opened archive; dies naming path if it is missing, not a zip archive or truncated. */
static struct zip *archive_open(const char *path)
{
    int code;
    struct zip *z = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!z) {
        zip_error_t err;
        zip_error_init_with_code(&err, code);
        nutl_die("%s: cannot read as a zip archive (truncated, or not a torch.save checkpoint?): %s",
                 path, zip_error_strerror(&err));
    }
    return z;
}

struct torch_checkpoint *torch_checkpoint_open(const char *path)
{
    struct torch_checkpoint *cp = nutl_calloc(sizeof *cp, "a checkpoint");
    cp->path = str_dup(path);
    cp->zip = archive_open(path);
    cp->folder = folder_find(cp);
    byteorder_check(cp);

    char *pkl_name = entry_name(cp, "data.pkl");
    size_t len;
    unsigned char *pkl = entry_read(cp, pkl_name, PICKLE_MAX_BYTES, &len);
    char what[4096];
    snprintf(what, sizeof what, "%s: %s", path, pkl_name);
    struct pickle *p = pickle_load(pkl, len, what);
    const struct pickle_value *root = pickle_root(p);
    if (root->kind != PICKLE_DICT)
        nutl_die("%s: %s does not hold a state_dict (a dict of tensors)", path, pkl_name);

    cp->n = root->n / 2;
    cp->tensors = nutl_calloc(cp->n * sizeof *cp->tensors, "the tensor list");
    for (size_t k = 0; k < cp->n; k++)
        tensor_parse(cp, &cp->tensors[k], root->items[2 * k], root->items[2 * k + 1]);
    pickle_free(p);
    free(pkl);
    free(pkl_name);
    return cp;
}

const struct torch_tensor *torch_checkpoint_find(const struct torch_checkpoint *cp, const char *name)
{
    for (size_t k = 0; k < cp->n; k++)
        if (!strcmp(cp->tensors[k].name, name)) return &cp->tensors[k];
    return NULL;
}

long long torch_tensor_numel(const struct torch_tensor *t)
{
    long long n = 1;
    for (int d = 0; d < t->ndim; d++) n *= t->shape[d];
    return n;
}

/* Returns 1 if t's strides are row-major for its shape (ignoring size-1 dimensions, as torch does). */
static int tensor_contiguous(const struct torch_tensor *t)
{
    long long expect = 1;
    for (int d = t->ndim; d-- > 0;) {
        if (t->shape[d] != 1 && t->stride[d] != expect) return 0;
        expect *= t->shape[d];
    }
    return 1;
}

float *torch_tensor_read_f32(const struct torch_checkpoint *cp, const struct torch_tensor *t)
{
    if (strcmp(t->dtype, "float32"))
        nutl_die("%s: tensor '%s' is %s; only float32 tensors are converted", cp->path, t->name, t->dtype);
    if (!tensor_contiguous(t)) nutl_die("%s: tensor '%s' is not contiguous", cp->path, t->name);
    long long numel = torch_tensor_numel(t);
    if (t->offset < 0 || numel < 0 || t->offset + numel > t->storage_numel)
        nutl_die("%s: tensor '%s' extends past the end of its storage", cp->path, t->name);

    char rest[1024];
    snprintf(rest, sizeof rest, "data/%s", t->storage_key);
    char *name = entry_name(cp, rest);
    size_t len;
    unsigned char *storage = entry_read(cp, name, (zip_uint64_t)t->storage_numel * sizeof(float), &len);
    if (!storage) nutl_die("%s: tensor '%s': storage %s missing from the archive", cp->path, t->name, name);
    if (len != (size_t)t->storage_numel * sizeof(float))
        nutl_die("%s: tensor '%s': storage %s holds %zu bytes, expected %lld", cp->path, t->name, name,
                 len, t->storage_numel * (long long)sizeof(float));
    float *out = nutl_calloc((size_t)numel * sizeof *out, t->name);
    memcpy(out, storage + (size_t)t->offset * sizeof(float), (size_t)numel * sizeof *out);
    free(storage);
    free(name);
    return out;
}

void torch_checkpoint_close(struct torch_checkpoint *cp)
{
    for (size_t k = 0; k < cp->n; k++) {
        free(cp->tensors[k].name);
        free(cp->tensors[k].storage_key);
    }
    free(cp->tensors);
    zip_discard(cp->zip);
    free(cp->folder);
    free(cp->path);
    free(cp);
}
