/* The minimal unpickler: Python's own protocol-2 pickle of an OrderedDict, a hand-assembled pickle
   with the opcodes torch.save adds (GLOBAL of a storage type, BINPERSID, LONG1, TUPLE1-3, SETITEM,
   BUILD, LONG_BINPUT/LONG_BINGET), and broken pickles, each of which must end the process with
   status 1 (run in a child). */
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../check.h"
#include "convert/pickle.h"

/* pickle.dumps(OrderedDict(a=7, b=t, c=t), protocol=2) with t = (300, -5, -32768, None, True, False,
   'x'): c's value is a BINGET of b's. */
static const unsigned char python_dict[] =
    "\x80\x02" "ccollections\nOrderedDict\nq\x00)Rq\x01(X\x01\x00\x00\x00" "aq\x02K\x07"
    "X\x01\x00\x00\x00" "bq\x03(M,\x01J\xfb\xff\xff\xffJ\x00\x80\xff\xffN\x88\x89"
    "X\x01\x00\x00\x00" "xq\x04tq\x05X\x01\x00\x00\x00" "cq\x06h\x05u.";

/* {'k': (persid((torch.FloatStorage, 1)), 2**32, -32768)} with BUILD(state {}), returned as (d, d)
   through memo entry 5. */
static const unsigned char torch_like[] =
    "\x80\x02}r\x05\x00\x00\x00X\x01\x00\x00\x00k" "ctorch\nFloatStorage\nK\x01\x86Q"
    "\x8a\x05\x00\x00\x00\x00\x01\x8a\x02\x00\x80\x87" "s}bj\x05\x00\x00\x00\x86.";

/* Returns 1 if pickle_load ends the process with status 1 on the len bytes at data. */
static int load_fails(const unsigned char *data, size_t len)
{
    fflush(stdout); /* or the child would print what is still buffered when it exits */
    pid_t pid = fork();
    if (pid == 0) {
        freopen("/dev/null", "w", stderr);
        pickle_load(data, len, "test");
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 1;
}

static void check_python_dict(void)
{
    struct pickle *p = pickle_load(python_dict, sizeof python_dict - 1, "python_dict");
    const struct pickle_value *d = pickle_root(p);
    REQUIRE(d->kind == PICKLE_DICT && d->n == 6, "kind %d, %zu items", d->kind, d->n);
    REQUIRE(!strcmp(d->items[0]->s, "a") && d->items[1]->i == 7, "a = %lld", d->items[1]->i);
    const struct pickle_value *t = d->items[3];
    REQUIRE(t->kind == PICKLE_TUPLE && t->n == 7, "b: kind %d, %zu items", t->kind, t->n);
    REQUIRE(t->items[0]->i == 300 && t->items[1]->i == -5 && t->items[2]->i == -32768, "b's integers");
    REQUIRE(t->items[3]->kind == PICKLE_NONE && t->items[4]->i == 1 && t->items[5]->i == 0, "None, bools");
    REQUIRE(t->items[6]->kind == PICKLE_STR && !strcmp(t->items[6]->s, "x"), "b's string");
    REQUIRE(d->items[5] == t, "c is b through the memo");
    pickle_free(p);
}

static void check_torch_like(void)
{
    struct pickle *p = pickle_load(torch_like, sizeof torch_like - 1, "torch_like");
    const struct pickle_value *pair = pickle_root(p);
    REQUIRE(pair->kind == PICKLE_TUPLE && pair->n == 2 && pair->items[0] == pair->items[1], "(d, d)");
    const struct pickle_value *d = pair->items[0];
    REQUIRE(d->kind == PICKLE_DICT && d->n == 2 && d->state && d->state->kind == PICKLE_DICT, "d, state");
    const struct pickle_value *v = d->items[1];
    REQUIRE(v->kind == PICKLE_TUPLE && v->n == 3, "k: kind %d, %zu items", v->kind, v->n);
    const struct pickle_value *id = v->items[0];
    REQUIRE(id->kind == PICKLE_PERSID && id->items[0]->kind == PICKLE_TUPLE && id->items[0]->n == 2,
          "persistent id: a pair");
    REQUIRE(pickle_is_global(id->items[0]->items[0], "torch.FloatStorage") && id->items[0]->items[1]->i == 1,
          "persistent id (torch.FloatStorage, 1)");
    REQUIRE(v->items[1]->i == 4294967296LL && v->items[2]->i == -32768, "LONG1: %lld, %lld",
          v->items[1]->i, v->items[2]->i);
    pickle_free(p);
    printf("python and torch-like pickles read\n");
}

int main(void)
{
    check_python_dict();
    check_torch_like();
    static const unsigned char frame[] = "\x80\x04\x95\x00\x00\x00\x00\x00\x00\x00\x00.";
    static const unsigned char underflow[] = "\x80\x02R.";
    static const unsigned char unstored[] = "\x80\x02h\x03.";
    static const unsigned char leftover[] = "\x80\x02K\x01K\x02.";
    REQUIRE(load_fails(python_dict, 60), "a truncated pickle is refused");
    REQUIRE(load_fails(frame, sizeof frame - 1), "protocol 4 is refused");
    REQUIRE(load_fails(underflow, sizeof underflow - 1), "REDUCE on an empty stack is refused");
    REQUIRE(load_fails(unstored, sizeof unstored - 1), "BINGET of an unstored memo entry is refused");
    REQUIRE(load_fails(leftover, sizeof leftover - 1), "values left at STOP are refused");
    printf("broken pickles refused\n");
    return 0;
}
