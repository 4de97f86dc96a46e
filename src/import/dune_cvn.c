#include "import/dune_cvn.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "core/classes.h"
#include "core/util.h"
#include "sim/readout.h"
#include "sim/sim_constants.h"

/* The .info lines used (0-based), as CVNZlibMaker writes them: label, neutrino and lepton energy,
   three reconstructed energies, event weight, PDG, protons, charged pions, pi0s, neutrons, two
   topology labels, total hits. */
enum { INFO_CODE = 0, INFO_ENU = 1, INFO_ELEP = 2, INFO_PDG = 7, INFO_PROTONS = 8, INFO_PIONS = 9,
       INFO_PI0 = 10, INFO_NEUTRONS = 11, INFO_HITS = 14, INFO_LINES = 15 };

void dune_cvn_read_info(const char *path, dune_cvn_truth *t)
{
    FILE *f = fopen(path, "r");
    if (!f) nutl_die("%s: cannot read: %s", path, strerror(errno));
    double v[INFO_LINES];
    char line[256];
    int n = 0;
    while (n < INFO_LINES && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        if (!util_parse_double(line, &v[n])) nutl_die("%s: line %d is not a number", path, n + 1);
        n++;
    }
    fclose(f);
    if (n < INFO_LINES) nutl_die("%s: truncated: %d lines, a DUNE CVN .info file has %d", path, n, INFO_LINES);
    *t = (dune_cvn_truth){(int)v[INFO_CODE], v[INFO_ENU], v[INFO_ELEP], (int)v[INFO_PDG], (int)v[INFO_PROTONS],
                          (int)v[INFO_PIONS], (int)v[INFO_PI0], (int)v[INFO_NEUTRONS], (long)v[INFO_HITS]};
    if (!(t->enu_gev > 0) || t->lepton_gev < 0 || t->lepton_gev > t->enu_gev || t->code < 0 || t->code > 15)
        nutl_die("%s: not a DUNE CVN event's truth (label %d, energies %g and %g GeV)", path, t->code, t->enu_gev,
                 t->lepton_gev);
}

int dune_cvn_class(const dune_cvn_truth *t, const char *path)
{
    static const int by_label[4] = {CLASS_NUMU_CC, CLASS_NUE_CC, -1, CLASS_NC};
    static const int pdg_of_label[4] = {14, 12, 16, 1};
    int label = t->code / 4;
    if (abs(t->nu_pdg) != pdg_of_label[label])
        nutl_die("%s: label %d (interaction %d) disagrees with neutrino PDG code %d", path, t->code, label, t->nu_pdg);
    return by_label[label];
}

const char *dune_cvn_mode(const dune_cvn_truth *t)
{
    static const char *name[4] = {"qe", "res", "dis", "other"};
    return name[t->code % 4];
}

void dune_cvn_read_map(const char *path, unsigned char *map)
{
    FILE *f = fopen(path, "rb");
    if (!f) nutl_die("%s: cannot read: %s", path, strerror(errno));
    unsigned char in[1 << 16];
    z_stream z = {0};
    if (inflateInit(&z) != Z_OK) nutl_die("%s: zlib cannot start", path);
    z.next_out = map;
    z.avail_out = DUNE_CVN_MAP_BYTES;
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.avail_in = (uInt)fread(in, 1, sizeof in, f);
        z.next_in = in;
        if (z.avail_in == 0) break;
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc == Z_BUF_ERROR && z.avail_out == 0) rc = Z_DATA_ERROR; /* more data than a map holds */
    }
    size_t got = DUNE_CVN_MAP_BYTES - z.avail_out;
    int extra = rc == Z_STREAM_END && (z.avail_in > 0 || fgetc(f) != EOF);
    inflateEnd(&z);
    fclose(f);
    if (rc == Z_DATA_ERROR || rc == Z_STREAM_ERROR || rc == Z_NEED_DICT || rc == Z_MEM_ERROR)
        nutl_die("%s: not a zlib stream of a DUNE CVN pixel map (corrupt or larger than 3 x 500 x 500)", path);
    if (rc != Z_STREAM_END) nutl_die("%s: truncated: the zlib stream ends early (%zu of %d bytes)", path, got,
                                     DUNE_CVN_MAP_BYTES);
    if (got != DUNE_CVN_MAP_BYTES || extra)
        nutl_die("%s: inflates to %zu bytes%s, a pixel map has %d", path, got, extra ? " and trailing data" : "",
                 DUNE_CVN_MAP_BYTES);
}

double dune_cvn_pitch_cm(int view)
{
    return view == 2 ? DUNE_PITCH_COLLECTION_CM : DUNE_PITCH_INDUCTION_CM;
}

double dune_cvn_cell_drift_cm(void)
{
    return DUNE_TICKS_PER_CELL * DUNE_TICK_US * DUNE_DRIFT_CM_PER_US;
}

int dune_cvn_grid_rows(void) { return (int)ceil(DUNE_CVN_TICKS * dune_cvn_cell_drift_cm()); }
int dune_cvn_grid_cols(int view) { return (int)ceil(DUNE_CVN_WIRES * dune_cvn_pitch_cm(view)); }

void dune_cvn_rebin(const unsigned char *map, int v, float *grid)
{
    int rows = dune_cvn_grid_rows(), cols = dune_cvn_grid_cols(v);
    double pitch = dune_cvn_pitch_cm(v), drift = dune_cvn_cell_drift_cm();
    memset(grid, 0, sizeof *grid * (size_t)rows * cols);
    const unsigned char *view = map + (size_t)v * DUNE_CVN_WIRES * DUNE_CVN_TICKS;
    for (int w = 0; w < DUNE_CVN_WIRES; w++) {
        int col = readout_centre_pixel(w, pitch);
        for (int t = 0; t < DUNE_CVN_TICKS; t++)
            if (view[w * DUNE_CVN_TICKS + t]) grid[(size_t)readout_centre_pixel(t, drift) * cols + col] += view[w * DUNE_CVN_TICKS + t];
    }
}
