/* nutl records result|predictions: the keys of result.tsv or the columns of a predictions file, one a
   line, as core/records.h defines them (for scripts and tests that check a record). */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "core/args.h"
#include "core/records.h"
#include "core/util.h"

/* Prints every key of result.tsv, per-class keys once per class, in the order the file has them. */
static void print_result_keys(void)
{
    char buf[RECORDS_KEY_MAX];
    for (int k = 0; k < N_RESULT_KEYS; k++)
        for (int c = 0; c < (records_per_class(k) ? N_CLASSES : 1); c++) puts(records_key_name(k, c, buf, sizeof buf));
}

int cmd_records(int argc, char **argv)
{
    static const char usage[] = "nutl records result|predictions";
    const char *which = NULL;
    const arg_spec specs[] = {{NULL, 0, NULL, NULL, NULL}};
    args_parse(argc, argv, specs, &which, 1, usage);
    if (!which || (strcmp(which, "result") && strcmp(which, "predictions"))) nutl_die("usage: %s", usage);
    if (!strcmp(which, "result")) {
        print_result_keys();
        return 0;
    }
    char header[256];
    snprintf(header, sizeof header, "%s", records_prediction_header());
    for (char *save, *col = strtok_r(header, "\t", &save); col; col = strtok_r(NULL, "\t", &save)) puts(col);
    return 0;
}
