/* args: command-line options of the nutl subcommands, described by a table. */
#ifndef NUTL_ARGS_H
#define NUTL_ARGS_H

typedef enum { ARG_STRING, ARG_INT, ARG_DOUBLE, ARG_SEED, ARG_FLAG } arg_kind;

typedef struct {
    const char *flag;   /* "--cfg" */
    arg_kind kind;
    void *dest;         /* const char **, int *, double *, uint64_t *, or int * set to 1 (ARG_FLAG) */
    int *given;         /* if not NULL, set to 1 when the option appears */
} arg_spec;

/* Parses argv into the destinations of specs (a table ended by a NULL flag). At most one argument
   without a flag goes to *positional (if positional is not NULL). Dies with "usage: ..." on an unknown
   option, a missing value, or a value that is not a number of the right kind. */
void args_parse(int argc, char **argv, const arg_spec *specs, const char **positional, const char *usage);

#endif
