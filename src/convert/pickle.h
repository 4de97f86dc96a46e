/* pickle: a minimal unpickler for the pickles torch.save writes for a state_dict (protocol 2).

   It reads only these opcodes, enough for collections.OrderedDict state_dicts of tensors and their
   _metadata: PROTO (<= 2), STOP, MARK, EMPTY_DICT, EMPTY_TUPLE, TUPLE, TUPLE1-3, NONE, NEWTRUE,
   NEWFALSE, BININT, BININT1, BININT2, LONG1, BINUNICODE, GLOBAL, BINPERSID, REDUCE, SETITEM, SETITEMS,
   BUILD, BINPUT, LONG_BINPUT, BINGET, LONG_BINGET. Nothing is imported or executed: GLOBAL yields a
   name, REDUCE a record of (callable, args), BINPERSID a record of the persistent id; the caller
   interprets them. The one class built as what it is, collections.OrderedDict called with no
   arguments, becomes a dict, because SETITEMS must be able to fill it. Any other opcode is an error. */
#ifndef NUTL_PICKLE_H
#define NUTL_PICKLE_H

#include <stddef.h>

enum pickle_kind {
    PICKLE_NONE,
    PICKLE_BOOL,
    PICKLE_INT,    /* i */
    PICKLE_STR,    /* s: UTF-8, NUL-terminated */
    PICKLE_TUPLE,  /* items[0..n) */
    PICKLE_DICT,   /* items: key, value, key, value, ... (n counts items, twice the entries) */
    PICKLE_GLOBAL, /* s: "module.name" */
    PICKLE_PERSID, /* items[0]: the persistent id */
    PICKLE_OBJECT, /* items[0]: the callable, items[1]: its argument tuple (from REDUCE) */
    PICKLE_MARK,   /* internal: a MARK on the stack; never in a loaded value */
};

struct pickle_value {
    enum pickle_kind kind;
    long long i;
    char *s;
    struct pickle_value **items;
    size_t n, cap;
    struct pickle_value *state; /* what BUILD set on a dict or object, or NULL */
};

struct pickle;

/* Returns the unpickled data of len bytes, or dies naming `what` (e.g. "x.pth: archive/data.pkl"),
   the byte offset and the problem: an unsupported opcode, a truncated stream, a malformed stack. */
struct pickle *pickle_load(const unsigned char *data, size_t len, const char *what);

/* Returns the value the pickle's STOP returned. */
const struct pickle_value *pickle_root(const struct pickle *p);

/* Returns 1 if v is a GLOBAL naming "module.name" exactly, else 0. */
int pickle_is_global(const struct pickle_value *v, const char *module_dot_name);

/* Frees p and every value in it. Returns nothing. */
void pickle_free(struct pickle *p);

#endif
