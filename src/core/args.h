/* args: the command line of every nutl subcommand, described by a table of options: parsed, checked and
   explained (--help) in one place. */
#ifndef NUTL_ARGS_H
#define NUTL_ARGS_H

typedef enum { ARG_STRING, ARG_INT, ARG_LONG, ARG_DOUBLE, ARG_SEED, ARG_FLAG } arg_kind;

typedef struct {
    const char *flag;   /* "--cfg" */
    arg_kind kind;
    void *dest;         /* const char **, int *, long *, double *, uint64_t *, or int * set to 1 (ARG_FLAG) */
    int *given;         /* if not NULL, set to 1 when the option appears */
    const char *help;   /* for --help: the value's name, two spaces, what it is ("FILE  the network") */
} arg_spec;

/* Parses argv into the destinations of specs (a table ended by a NULL flag). The arguments without a
   flag fill operands[0 .. n_operands - 1] in order. --help (or -h) prints usage and every option's help
   to stdout and exits 0. Dies with a one-line message naming the usage on an unknown option, a missing
   value, a value that is not a number of the right kind, or one argument too many. */
void args_parse(int argc, char **argv, const arg_spec *specs, const char **operands, int n_operands,
                const char *usage);

#endif
