/* The verdicts of make report, from hand-written TSVs: which cells count, which are within 2 sigma,
   Table II's repeated row counted once, Table III's two-proportion z computed by hand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../check.h"
#include "verdict.h"

/* Writes text to dir/name. */
static void put_file(const char *dir, const char *name, const char *text)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    CHECK(f && fputs(text, f) >= 0 && fclose(f) == 0, "cannot write %s", path);
}

/* Returns 1 if file dir/name has line. */
static int has_line(const char *dir, const char *name, const char *line)
{
    char path[1024], buf[2048];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    CHECK(f, "cannot read %s", path);
    int found = 0;
    while (!found && fgets(buf, sizeof buf, f)) found = !strncmp(buf, line, strlen(line)) && buf[strlen(line)] == '\n';
    fclose(f);
    if (!found) fprintf(stderr, "%s lacks the line: %s\n", path, line);
    return found;
}

int main(void)
{
    char dir[1024];
    const char *scratch = getenv("NUTL_TEST_TMP"); /* tests/run's scratch folder */
    snprintf(dir, sizeof dir, "%s/test_verdict.XXXXXX", scratch ? scratch : "/tmp");
    CHECK(mkdtemp(dir), "mkdtemp %s", dir);
    /* Table I: pulls 1.5 (within), -2.5 (beyond), NA twice (no paper value; one network). */
    put_file(dir, "table1.tsv", "# TABLE I\ninit\ttrain_images\tnetworks\tpull\n"
             "kaiming\t1000\t3\t1.5\nkaiming\t2000\t3\t-2.5\nkaiming\t150\t3\tNA\nkaiming\t100000\t1\tNA\n");
    /* Table II: all weights at 100k twice (both blocks): one cell; exactly 2 sigma counts as within. */
    put_file(dir, "table2.tsv", "init\tscheme\ttrain_images\tnetworks\tpull\n"
             "pretrained\tall\t100000\t2\t-2\npretrained\tclassifier\t100000\t2\t0.3\npretrained\tall\t100000\t2\t-2\n");
    /* Table III, one row each: ours 40/50 against 800/1000: pooled 840/1050 = 0.8, z = 0; ours 5/50
       against 150/1000: pooled 155/1050, se = sqrt(p(1-p)(1/50 + 1/1000)) = 0.05148, z = -0.971;
       ours 5/50 against 50/1000: z = (0.1 - 0.05)/sqrt(p(1-p) 0.021), p = 55/1050: z = 1.545.
       Second row: the paper's 600/1000 against our 10/50: z = -5.59. NA rows (no network) do not count. */
    put_file(dir, "table3.tsv",
             "network\ttrue_class\tpred_numu_cc\tpred_nue_cc\tpred_nc\tf1\tpaper_pred_numu_cc\tpaper_pred_nue_cc\tpaper_pred_nc\tpaper_f1\n"
             "kaiming\tnumu_cc\t40\t5\t5\t0.5\t800\t150\t50\t0.8\n"
             "kaiming\tnue_cc\t20\t10\t20\t0.5\t200\t600\t200\t0.8\n"
             "pretrained\tnc\tNA\tNA\tNA\tNA\t10\t10\t980\t0.9\n");
    verdict_write(dir);
    int ok = has_line(dir, "verdicts.md",
                      "- Table I: 1 of 2 cells within 2σ of the paper (testing F1, ensemble mean against the paper's); "
                      "largest deviation 2.5σ (kaiming 2000); 2 more without a comparison (no paper value at that "
                      "size, or one network).") &&
             has_line(dir, "verdicts.md",
                      "- Table II: 2 of 2 cells within 2σ of the paper (testing F1, ensemble mean against the "
                      "paper's); largest deviation 2.0σ (pretrained all 100000).") &&
             has_line(dir, "verdicts.md",
                      "- Table III: 3 of 6 cells within 2σ of the paper (each cell's share of its true class, "
                      "two-proportion z test); largest deviation 5.6σ (kaiming true nue_cc predicted nue_cc); "
                      "3 more without a comparison (no finished network).");
    /* A table without its pull column is refused, naming the file (in a child: nutl_die exits). */
    put_file(dir, "table1.tsv", "init\ttrain_images\tnetworks\n");
    char err[1100], expected[1200], cmd[1200];
    snprintf(err, sizeof err, "%s/stderr", dir);
    pid_t child = fork();
    if (child == 0) {
        CHECK(freopen(err, "w", stderr), "cannot write %s", err);
        verdict_write(dir);
        _exit(0);
    }
    int status;
    CHECK(waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 1,
          "a table without its pull column was not refused");
    snprintf(expected, sizeof expected, "nutl: %s/table1.tsv: no column 'pull'", dir);
    ok = ok && has_line(dir, "stderr", expected);
    snprintf(cmd, sizeof cmd, "rm -r %s", dir);
    CHECK(!system(cmd), "%s", cmd);
    CHECK(ok, "verdict lines differ (above)");
    return 0;
}
