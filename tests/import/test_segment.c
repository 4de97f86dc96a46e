/* nutl import deposits on one straight segment whose pixels are worked out by hand: rows are drift x,
   columns the wire coordinate (u = z cos 35.9 + y sin 35.9, v = z cos 35.9 - y sin 35.9, w = z), the crop
   is nutl's rule, and the segment's 4 MeV is shared in proportion to its length in each pixel. Also the
   event's truth line and its index entry (class, energy, event id). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "sim/dataset.h"

enum { SIDE = 224 };

/* One expected pixel: view (0 u, 1 v, 2 w), row and column on the detector's 1 cm grid, MeV. */
typedef struct {
    int view, row, col;
    double mev;
} pixel;

static void put_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    REQUIRE(f, "cannot write %s", path);
    fputs(text, f);
    fclose(f);
}

/* Returns 1 if the file holds the line (without its newline). */
static int has_line(const char *path, const char *line)
{
    char buf[1024];
    FILE *f = fopen(path, "r");
    int found = 0;
    while (f && fgets(buf, sizeof buf, f)) found |= !strncmp(buf, line, strlen(line)) && buf[strlen(line)] == '\n';
    if (f) fclose(f);
    return found;
}

int main(void)
{
    char dir[1024], tsv[1100], split[1100], command[4096], truth[1200];
    const char *scratch = getenv("NUTL_TEST_TMP");
    snprintf(dir, sizeof dir, "%s/test_segment.XXXXXX", scratch ? scratch : "/tmp");
    REQUIRE(mkdtemp(dir), "mkdtemp %s", dir);
    snprintf(tsv, sizeof tsv, "%s/one.tsv", dir);
    snprintf(split, sizeof split, "%s/split", dir);
    /* Event 7, CC nu_e at 2.5 GeV, vertex at the segment's start; the segment goes 2 cm in drift and 3 cm
       up: from (x, y, z) = (5.5, 0, 10.5) to (7.5, 3, 10.5) cm, 4 MeV. */
    put_file(tsv, "# one segment\n"
                  "event_id\tx_start\ty_start\tz_start\tx_end\ty_end\tz_end\tde_mev\n"
                  "#event\t7\tnue_cc\t2.5\t5.5\t0\t10.5\n"
                  "7\t5.5\t0\t10.5\t7.5\t3\t10.5\t4\n");
    snprintf(command, sizeof command, "bin/nutl import deposits %s --out %s >/dev/null", tsv, split);
    REQUIRE(system(command) == 0, "%s", command);

    /* Along the segment (t from 0 to 1): x = 5.5 + 2t crosses rows 6 and 7 at t = 1/4, 3/4.
       u = 10.5 c + 3 s t (c = cos 35.9, s = sin 35.9: u from 8.505 to 10.265) crosses columns 9 and 10 at
       t = (9 - 10.5 c) / 3s = 0.2811 and (10 - 10.5 c) / 3s = 0.8496; v = 10.5 c - 3 s t (8.505 down to
       6.746) crosses 8 and 7 at t = (10.5 c - 8) / 3s = 0.2873 and (10.5 c - 7) / 3s = 0.8558; w = 10.5
       stays in column 10. Each pixel gets 4 MeV times the t-interval inside it. */
    double c = cos(35.9 * M_PI / 180), s = sin(35.9 * M_PI / 180), u0 = 10.5 * c, e = 4;
    double tu9 = (9 - u0) / (3 * s), tu10 = (10 - u0) / (3 * s), tv8 = (u0 - 8) / (3 * s), tv7 = (u0 - 7) / (3 * s);
    const pixel expected[] = {
        {0, 5, 8, e * 0.25}, {0, 6, 8, e * (tu9 - 0.25)}, {0, 6, 9, e * (0.75 - tu9)}, {0, 7, 9, e * (tu10 - 0.75)},
        {0, 7, 10, e * (1 - tu10)},
        {1, 5, 8, e * 0.25}, {1, 6, 8, e * (tv8 - 0.25)}, {1, 6, 7, e * (0.75 - tv8)}, {1, 7, 7, e * (tv7 - 0.75)},
        {1, 7, 6, e * (1 - tv7)},
        {2, 5, 10, e * 0.25}, {2, 6, 10, e * 0.5}, {2, 7, 10, e * 0.25},
    };
    /* The crop: each window starts 112 cells before the energy-weighted mean (drift 6.5, u 10.5 c + 1.5 s
       = 9.385, v 10.5 c - 1.5 s = 7.626, w 10.5), the vertex being well inside (>= 16 cells) already:
       the first drift cell is 6 - 112 = -106, the first wire cells 9 - 112, 7 - 112 and 10 - 112. */
    const int drift0 = -106, wire0[3] = {-103, -105, -102};

    dataset *d = dataset_open(split);
    REQUIRE(dataset_events(d) == 1 && dataset_width(d) == SIDE, "events %d, side %d", dataset_events(d), dataset_width(d));
    CHECK(dataset_event_id(d, 0) == 7 && dataset_class(d, 0) == 1 && dataset_energy(d, 0) == 2.5,
          "index: id %lld, class %d, energy %g", (long long)dataset_event_id(d, 0), dataset_class(d, 0), dataset_energy(d, 0));
    float *img = calloc(3 * SIDE * SIDE, sizeof *img);
    dataset_read_image(d, 0, img);
    int n_expected = sizeof expected / sizeof expected[0], nonzero = 0;
    for (int p = 0; p < 3 * SIDE * SIDE; p++) nonzero += img[p] != 0;
    CHECK(nonzero == n_expected, "%d non-zero pixels, expected %d", nonzero, n_expected);
    for (int i = 0; i < n_expected; i++) {
        const pixel *x = &expected[i];
        int row = x->row - drift0, col = x->col - wire0[x->view];
        double got = img[(x->view * SIDE + row) * SIDE + col];
        printf("view %d row %3d col %3d: %.6f MeV, by hand %.6f\n", x->view, row, col, got, x->mev);
        CHECK(fabs(got - x->mev) < 1e-5, "view %d cell (%d, %d): %g MeV, by hand %g", x->view, x->row, x->col, got, x->mev);
    }
    snprintf(truth, sizeof truth, "%s/truth.tsv", split);
    CHECK(has_line(truth, "7\tnue_cc\t2.500000\t0.004000\t0.004000\t1\t5\t5\t3\t5.500\t0.000\t10.500"),
          "truth.tsv lacks the event's line");
    free(img);
    dataset_close(d);
    return check_status();
}
