#include "convert/pickle.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

struct pickle {
    struct pickle_value *root;
    struct pickle_value **all; /* every value allocated, so pickle_free can free shared ones once */
    size_t n_all, cap_all;
};

struct reader {
    const unsigned char *data;
    size_t len, pos, op_pos;
    const char *what;
    struct pickle *p;
    struct pickle_value **stack;
    size_t depth, cap;
    struct pickle_value **memo;
    size_t n_memo;
};

static struct pickle_value mark = {.kind = PICKLE_MARK};

/* Dies with "<what>: pickle byte <offset of the current opcode>: <message>". Never returns. */
__attribute__((noreturn, format(printf, 2, 3)))
static void fail(const struct reader *r, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    nutl_die("%s: pickle byte %zu: %s", r->what, r->op_pos, msg);
}

/* Returns arr grown (realloc) so that it holds at least need elements of size bytes; *cap is updated. */
static void *grow(void *arr, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) return arr;
    size_t n = *cap ? *cap : 8;
    while (n < need) n *= 2;
    arr = realloc(arr, n * size);
    if (!arr) nutl_die("out of memory while unpickling");
    *cap = n;
    return arr;
}

/* Returns a new zeroed value of the given kind, owned by the pickle being read. */
static struct pickle_value *value_new(struct reader *r, enum pickle_kind kind)
{
    struct pickle *p = r->p;
    p->all = grow(p->all, &p->cap_all, p->n_all + 1, sizeof *p->all);
    struct pickle_value *v = nutl_calloc(sizeof *v, "a pickle value");
    v->kind = kind;
    p->all[p->n_all++] = v;
    return v;
}

/* Appends item to v's items. Returns nothing. */
static void value_append(struct pickle_value *v, struct pickle_value *item)
{
    v->items = grow(v->items, &v->cap, v->n + 1, sizeof *v->items);
    v->items[v->n++] = item;
}

/* Pushes v on the stack. Returns nothing. */
static void push(struct reader *r, struct pickle_value *v)
{
    r->stack = grow(r->stack, &r->cap, r->depth + 1, sizeof *r->stack);
    r->stack[r->depth++] = v;
}

/* Returns the value on top of the stack, or dies if there is none (or only a MARK). */
static struct pickle_value *top(const struct reader *r)
{
    if (!r->depth || r->stack[r->depth - 1] == &mark) fail(r, "stack underflow");
    return r->stack[r->depth - 1];
}

/* Returns the value on top of the stack and removes it; dies as top() does. */
static struct pickle_value *pop(struct reader *r)
{
    struct pickle_value *v = top(r);
    r->depth--;
    return v;
}

/* Returns the stack index of the topmost MARK, or dies if there is none. */
static size_t mark_index(const struct reader *r)
{
    for (size_t k = r->depth; k-- > 0;)
        if (r->stack[k] == &mark) return k;
    fail(r, "no MARK on the stack");
}

/* Returns a pointer to the next n bytes of the stream and consumes them; dies if fewer are left. */
static const unsigned char *take(struct reader *r, size_t n)
{
    if (r->len - r->pos < n) fail(r, "truncated pickle");
    const unsigned char *b = r->data + r->pos;
    r->pos += n;
    return b;
}

/* Returns the next n-byte little-endian unsigned integer (n <= 8) and consumes it. */
static uint64_t take_le(struct reader *r, size_t n)
{
    const unsigned char *b = take(r, n);
    uint64_t x = 0;
    for (size_t k = n; k-- > 0;) x = x << 8 | b[k];
    return x;
}

/* Returns a new PICKLE_INT holding x. */
static struct pickle_value *int_new(struct reader *r, long long x)
{
    struct pickle_value *v = value_new(r, PICKLE_INT);
    v->i = x;
    return v;
}

/* Returns a new PICKLE_STR (or, with that kind, PICKLE_GLOBAL) holding a NUL-terminated copy of the
   n bytes at s. */
static struct pickle_value *str_new(struct reader *r, enum pickle_kind kind, const void *s, size_t n)
{
    struct pickle_value *v = value_new(r, kind);
    v->s = nutl_calloc(n + 1, "a pickle string");
    memcpy(v->s, s, n);
    return v;
}

/* Returns the next '\n'-terminated line of the stream (without the newline) as a new PICKLE_STR. */
static struct pickle_value *take_line(struct reader *r)
{
    const unsigned char *start = r->data + r->pos;
    const unsigned char *nl = memchr(start, '\n', r->len - r->pos);
    if (!nl) fail(r, "truncated pickle");
    r->pos += (size_t)(nl - start) + 1;
    return str_new(r, PICKLE_STR, start, (size_t)(nl - start));
}

/* Returns a new tuple of the stack entries from index k on, which it removes. */
static struct pickle_value *tuple_from(struct reader *r, size_t k)
{
    struct pickle_value *t = value_new(r, PICKLE_TUPLE);
    for (size_t j = k; j < r->depth; j++) {
        if (r->stack[j] == &mark) fail(r, "MARK inside a tuple");
        value_append(t, r->stack[j]);
    }
    r->depth = k;
    return t;
}

/* Returns the result of REDUCE: a dict for collections.OrderedDict(), else an object record. */
static struct pickle_value *reduce(struct reader *r, struct pickle_value *callable,
                                   struct pickle_value *args)
{
    if (args->kind != PICKLE_TUPLE) fail(r, "REDUCE arguments are not a tuple");
    if (pickle_is_global(callable, "collections.OrderedDict") && args->n == 0)
        return value_new(r, PICKLE_DICT);
    struct pickle_value *o = value_new(r, PICKLE_OBJECT);
    value_append(o, callable);
    value_append(o, args);
    return o;
}

/* Returns d after checking that it is a dict; dies naming the opcode otherwise. */
static struct pickle_value *expect_dict(const struct reader *r, struct pickle_value *d, const char *op)
{
    if (d->kind != PICKLE_DICT) fail(r, "%s on something that is not a dict", op);
    return d;
}

/* Returns the memo index read as an n-byte operand, checked against the stream length (no pickle
   can memoize more values than it has bytes). */
static size_t memo_index(struct reader *r, size_t n)
{
    uint64_t idx = take_le(r, n);
    if (idx > r->len) fail(r, "memo index %llu out of range", (unsigned long long)idx);
    return (size_t)idx;
}

/* Stores v in memo entry idx, growing the memo (new entries empty). Returns nothing. */
static void memo_store(struct reader *r, size_t idx, struct pickle_value *v)
{
    if (idx >= r->n_memo) {
        size_t old = r->n_memo, cap = old;
        r->memo = grow(r->memo, &cap, idx + 1, sizeof *r->memo);
        memset(r->memo + old, 0, (cap - old) * sizeof *r->memo);
        r->n_memo = cap;
    }
    r->memo[idx] = v;
}

/* Pushes the integer of LONG1: an n-byte little-endian two's complement, n <= 8. */
static void op_long1(struct reader *r)
{
    size_t k = take_le(r, 1);
    if (k > 8) fail(r, "integer of %zu bytes", k);
    uint64_t x = take_le(r, k);
    if (k && k < 8 && (x >> (8 * k - 1) & 1)) x |= ~(uint64_t)0 << (8 * k);
    push(r, int_new(r, (long long)x));
}

/* Pushes the GLOBAL "module\nname\n" as one PICKLE_GLOBAL "module.name". */
static void op_global(struct reader *r)
{
    struct pickle_value *v = take_line(r), *w = take_line(r);
    size_t k = strlen(v->s);
    v->kind = PICKLE_GLOBAL;
    v->s = realloc(v->s, k + strlen(w->s) + 2);
    if (!v->s) nutl_die("out of memory while unpickling");
    v->s[k] = '.';
    strcpy(v->s + k + 1, w->s);
    push(r, v);
}

/* Executes a scalar opcode: None, booleans, integers, strings, globals. Returns 0, or -1 if op is
   not one of them. */
static int step_scalar(struct reader *r, unsigned char op)
{
    struct pickle_value *v;
    size_t k;
    switch (op) {
    case 'N': push(r, value_new(r, PICKLE_NONE)); return 0;
    case 0x88: case 0x89: /* NEWTRUE, NEWFALSE */
        v = value_new(r, PICKLE_BOOL);
        v->i = op == 0x88;
        push(r, v);
        return 0;
    case 'J': push(r, int_new(r, (int32_t)take_le(r, 4))); return 0;
    case 'K': push(r, int_new(r, (long long)take_le(r, 1))); return 0;
    case 'M': push(r, int_new(r, (long long)take_le(r, 2))); return 0;
    case 0x8a: op_long1(r); return 0;
    case 'X': /* BINUNICODE */
        k = take_le(r, 4);
        push(r, str_new(r, PICKLE_STR, take(r, k), k));
        return 0;
    case 'c': op_global(r); return 0;
    default: return -1;
    }
}

/* Fills the dict below the topmost MARK with the key, value pairs above it (SETITEMS). */
static void op_setitems(struct reader *r)
{
    size_t k = mark_index(r);
    if (!k) fail(r, "SETITEMS without a dict");
    if ((r->depth - k - 1) % 2) fail(r, "SETITEMS with an odd number of items");
    struct pickle_value *d = expect_dict(r, r->stack[k - 1], "SETITEMS");
    for (size_t idx = k + 1; idx < r->depth; idx++) value_append(d, r->stack[idx]);
    r->depth = k;
}

/* Executes a container opcode: tuples, dicts and their items, REDUCE, BUILD, BINPERSID. Returns 0, or
   -1 if op is not one of them. */
static int step_container(struct reader *r, unsigned char op)
{
    struct pickle_value *v, *w;
    size_t k;
    switch (op) {
    case '}': push(r, value_new(r, PICKLE_DICT)); return 0;
    case ')': push(r, value_new(r, PICKLE_TUPLE)); return 0;
    case 't': /* TUPLE */
        k = mark_index(r);
        v = tuple_from(r, k + 1);
        r->depth = k;
        push(r, v);
        return 0;
    case 0x85: case 0x86: case 0x87: /* TUPLE1, TUPLE2, TUPLE3 */
        k = (size_t)(op - 0x84);
        if (r->depth < k) fail(r, "stack underflow");
        push(r, tuple_from(r, r->depth - k));
        return 0;
    case 'Q': /* BINPERSID */
        w = value_new(r, PICKLE_PERSID);
        value_append(w, pop(r));
        push(r, w);
        return 0;
    case 'R': /* REDUCE */
        w = pop(r);
        v = pop(r);
        push(r, reduce(r, v, w));
        return 0;
    case 's': /* SETITEM */
        w = pop(r);
        v = pop(r);
        expect_dict(r, top(r), "SETITEM");
        value_append(top(r), v);
        value_append(top(r), w);
        return 0;
    case 'u': op_setitems(r); return 0;
    case 'b': /* BUILD */
        w = pop(r);
        v = top(r);
        if (v->kind != PICKLE_DICT && v->kind != PICKLE_OBJECT) fail(r, "BUILD on a plain value");
        v->state = w;
        return 0;
    default: return -1;
    }
}

/* Executes the opcode op (already consumed): the stream's framing, the memo, or a scalar or container
   opcode. Returns 1 after STOP, else 0. */
static int step(struct reader *r, unsigned char op)
{
    size_t k;
    switch (op) {
    case 0x80: /* PROTO */
        if ((k = take_le(r, 1)) > 2) fail(r, "pickle protocol %zu (only protocols up to 2 are read)", k);
        return 0;
    case '.': /* STOP */
        r->p->root = pop(r);
        if (r->depth) fail(r, "values left on the stack at STOP");
        return 1;
    case '(': push(r, &mark); return 0;
    case 'q': case 'r': /* BINPUT, LONG_BINPUT */
        memo_store(r, memo_index(r, op == 'q' ? 1 : 4), top(r));
        return 0;
    case 'h': case 'j': /* BINGET, LONG_BINGET */
        k = memo_index(r, op == 'h' ? 1 : 4);
        if (k >= r->n_memo || !r->memo[k]) fail(r, "memo entry %zu was never stored", k);
        push(r, r->memo[k]);
        return 0;
    default:
        if (step_scalar(r, op) && step_container(r, op)) fail(r, "unsupported pickle opcode 0x%02x", op);
        return 0;
    }
}

struct pickle *pickle_load(const unsigned char *data, size_t len, const char *what)
{
    struct reader r = {.data = data, .len = len, .what = what};
    r.p = nutl_calloc(sizeof *r.p, "a pickle");
    do r.op_pos = r.pos;
    while (!step(&r, *take(&r, 1)));
    free(r.stack);
    free(r.memo);
    return r.p;
}

const struct pickle_value *pickle_root(const struct pickle *p)
{
    return p->root;
}

int pickle_is_global(const struct pickle_value *v, const char *module_dot_name)
{
    return v->kind == PICKLE_GLOBAL && !strcmp(v->s, module_dot_name);
}

void pickle_free(struct pickle *p)
{
    for (size_t k = 0; k < p->n_all; k++) {
        free(p->all[k]->s);
        free(p->all[k]->items);
        free(p->all[k]);
    }
    free(p->all);
    free(p);
}
