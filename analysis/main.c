/* nutl-analyse: result records of one protocol -> Tables I-III, ensemble statistics, energy bias and
   the data of Figures 3-7 and the verdicts (verdicts.md), in paper-figures/<protocol>/ (the figures
   themselves: plots/render). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "mixing.h"
#include "paper.h"
#include "peer.h"
#include "report.h"
#include "study.h"
#include "verdict.h"
#include "core/args.h"
#include "core/util.h"

static const char usage[] =
    "nutl-analyse --protocol NAME [--runs DIR] [--out DIR] [--conf FILE] [--paper DIR]"
    " [--energy-bins LOW:HIGH:N] [--allow-mixed] [--peer DIR]";

typedef struct {
    const char *protocol, *runs, *out, *conf, *paper, *bins, *peer;
    int allow_mixed;
} options;

/* Returns the options from argv; prints the usage and exits on --help; dies on a bad argument. */
static options parse_options(int argc, char **argv)
{
    options o = {NULL, NULL, NULL, NULL, "analysis/paper", "1:4:6", NULL, 0};
    const arg_spec specs[] = {
        {"--protocol", ARG_STRING, &o.protocol, NULL, "NAME  the protocol analysed (required)"},
        {"--runs", ARG_STRING, &o.runs, NULL, "DIR  its result records (default runs/NAME)"},
        {"--out", ARG_STRING, &o.out, NULL, "DIR  the tables and figure data (default paper-figures/NAME)"},
        {"--conf", ARG_STRING, &o.conf, NULL, "FILE  its preset (default cfg/protocols/NAME.conf)"},
        {"--paper", ARG_STRING, &o.paper, NULL, "DIR  the paper's values (default analysis/paper)"},
        {"--energy-bins", ARG_STRING, &o.bins, NULL, "LOW:HIGH:N  Fig. 6's true-energy bins in GeV (default 1:4:6)"},
        {"--allow-mixed", ARG_FLAG, &o.allow_mixed, NULL,
         " combine records that differ in build, libraries, dataset or machine class (refused by default)"},
        {"--peer", ARG_STRING, &o.peer, NULL,
         "DIR  only print nutl's ensembles beside those PyTorch trained in DIR (make peer)"},
        {NULL, 0, NULL, NULL, NULL},
    };
    args_parse(argc - 1, argv + 1, specs, NULL, 0, usage);
    if (!o.protocol) nutl_die("--protocol is required (usage: %s)", usage);
    return o;
}

/* Fills edges from "LOW:HIGH:N" (N equal bins); returns N, or dies naming the bad text. */
static int parse_bins(const char *text, double *edges)
{
    double low, high;
    int n, used = 0;
    if (sscanf(text, "%lf:%lf:%d%n", &low, &high, &n, &used) != 3 || text[used] || n < 1 ||
        n > ENERGY_MAX_BINS || !(high > low))
        nutl_die("--energy-bins '%s': expected LOW:HIGH:N with LOW < HIGH and 1 <= N <= %d", text, ENERGY_MAX_BINS);
    for (int i = 0; i <= n; i++) edges[i] = low + (high - low) * i / n;
    return n;
}

/* Returns given if set, else fmt filled with name in buf. */
static const char *path_or(char *buf, size_t len, const char *given, const char *fmt, const char *name)
{
    if (given) return given;
    snprintf(buf, len, fmt, name);
    return buf;
}

/* Creates dir and its parents as needed; dies naming it if that fails. */
static void make_dirs(const char *dir)
{
    char path[1200];
    snprintf(path, sizeof path, "%s", dir);
    for (char *p = path + 1;; p++) {
        if (*p && *p != '/') continue;
        char end = *p;
        *p = 0;
        if (mkdir(path, 0777) && errno != EEXIST) nutl_die("%s: cannot create: %s", path, strerror(errno));
        if (!(*p = end)) break;
    }
}

/* Prints nutl's ensembles of study s beside the peer's in dir; returns 0, or dies if no cell has
   networks on both sides. */
static int compare_peer(study *s, const paper_ref *paper, const char *conf_path, const char *dir)
{
    static study peer;
    study_load(&peer, s->name, conf_path, dir);
    if (!peer_compare(s, &peer, paper, stdout))
        nutl_die("%s: no cell has finished networks both here and in %s", s->runs, dir);
    study_free(&peer);
    study_free(s);
    return 0;
}

int main(int argc, char **argv)
{
    options o = parse_options(argc, argv);
    char runs[1024], out[1024], conf[1024], data[1100];
    const char *runs_dir = path_or(runs, sizeof runs, o.runs, "runs/%s", o.protocol);
    const char *out_dir = path_or(out, sizeof out, o.out, "paper-figures/%s", o.protocol);
    const char *conf_path = path_or(conf, sizeof conf, o.conf, "cfg/protocols/%s.conf", o.protocol);
    double edges[ENERGY_MAX_BINS + 1];
    int n_bins = parse_bins(o.bins, edges);

    static study s;
    static paper_ref paper;
    static report r;
    study_load(&s, o.protocol, conf_path, runs_dir);
    char mixed[4096] = "";
    if (mixing_check(&s, mixed, sizeof mixed)) {
        if (!o.allow_mixed) nutl_die("%s; --allow-mixed combines them anyway", mixed);
        fprintf(stderr, "nutl-analyse: %s; combined anyway (--allow-mixed), as every table says\n", mixed);
    }
    paper_load(&paper, o.paper);
    if (o.peer) return compare_peer(&s, &paper, conf_path, o.peer);
    snprintf(data, sizeof data, "%s/data", out_dir);
    make_dirs(data);
    report_prepare(&r, &s, &paper, out_dir, edges, n_bins);
    snprintf(r.mixed, sizeof r.mixed, "%s", mixed);
    report_tables(&r);
    report_figures(&r);
    verdict_write(out_dir);
    fprintf(stderr, "nutl-analyse: %s: %d networks in %d cells (%ld expected), %d malformed skipped; wrote %s\n",
            s.name, s.n_records, s.n_cells, s.n_cells * s.members, s.n_skipped, out_dir);
    fprintf(stderr, "nutl-analyse: build %s; dataset_id %s; machine class %s\n", *s.builds ? s.builds : "none",
            *s.datasets ? s.datasets : "none", *s.machines ? s.machines : "none");
    study_free(&s);
    return 0;
}
