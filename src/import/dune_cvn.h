/* dune_cvn: the DUNE CVN example sample (Phys. Rev. D 102, 092003; datasets/dune-cvn/README.md) read as
   nutl images. Each event is a pixel map, eventN.gz: zlib-compressed uint8[3][500][500], views U, V, Z
   (= nutl's u, v, w), indexed [view][wire][time]; a value is ceil(hit integral / (1000/255 ADC ticks)),
   saturating at 255 (dunereco CVNImageUtils). Its truth is eventN.info, one value a line, in the order
   dunereco's CVNZlibMaker writes them. Cell sizes (cm) and their sources: DUNE_CVN_* below and
   docs/validate.md. */
#ifndef NUTL_DUNE_CVN_H
#define NUTL_DUNE_CVN_H

#define DUNE_CVN_VIEWS 3
#define DUNE_CVN_WIRES 500
#define DUNE_CVN_TICKS 500
#define DUNE_CVN_MAP_BYTES (DUNE_CVN_VIEWS * DUNE_CVN_WIRES * DUNE_CVN_TICKS)

/* The cells' sizes (wire pitch, time cell) and the map's units: DUNE_* in sim/sim_constants.h, shared
   with `--response dune`. A time cell: the map spans +-1600 ticks around the view's mean hit time in 500
   cells (dunereco CVNMapper.fcl TimeResolution 1600, TdcWidth 500; Boundary.cxx, PixelMap.cxx). */

/* An event's truth, as the .info file records it. */
typedef struct {
    int code;           /* dunereco's label: code / 4 = 0 numu CC, 1 nue CC, 2 nutau CC, 3 NC; code % 4 = mode */
    double enu_gev;     /* neutrino energy */
    double lepton_gev;  /* outgoing lepton energy (for NC, the outgoing neutrino's) */
    int nu_pdg;         /* +-12, +-14, +-16; 1 for NC (the sample does not record NC's flavour) */
    int n_proton, n_charged_pion, n_pi0, n_neutron; /* as dunereco counts them: >= 100 sim::IDEs (simide.h) */
    long total_hits;    /* hits in the whole pixel map before the 500-wire cut */
} dune_cvn_truth;

/* Reads an eventN.info file into *t; dies naming the file if it is missing, has fewer lines than the
   fields used, or a field is not a number. */
void dune_cvn_read_info(const char *path, dune_cvn_truth *t);

/* Returns the nutl class of t (enum event_class) or -1 for nutau CC (not one of the paper's classes);
   dies naming path if the label code and the neutrino's PDG code disagree. */
int dune_cvn_class(const dune_cvn_truth *t, const char *path);

/* Returns the interaction mode name of t: "qe", "res", "dis" or "other" (code % 4). */
const char *dune_cvn_mode(const dune_cvn_truth *t);

/* Reads an eventN.gz pixel map into map (DUNE_CVN_MAP_BYTES); dies naming the file if it is missing,
   is not a zlib stream, or does not inflate to exactly that many bytes. */
void dune_cvn_read_map(const char *path, unsigned char *map);

/* Returns the wire pitch (cm) of view v (0 U, 1 V, 2 Z). */
double dune_cvn_pitch_cm(int view);

/* Returns the drift length (cm) of one time cell. */
double dune_cvn_cell_drift_cm(void);

/* Return the rows (drift) and the columns (wire coordinate) of the 1 cm grid view v is rebinned into:
   enough 1 cm pixels to hold its 500 x 500 cells. */
int dune_cvn_grid_rows(void);
int dune_cvn_grid_cols(int view);

/* Writes view v of map into grid (dune_cvn_grid_rows() x dune_cvn_grid_cols(v) floats, row = drift
   cm, column = wire-coordinate cm, in map units): each cell's value goes whole to the 1 cm pixel
   holding the cell's centre (2 or 3 wires and 1 or 2 time cells a pixel), so the grid's sum equals the
   view's and a thin track stays one pixel wide (sharing cells by overlap area would widen it). */
void dune_cvn_rebin(const unsigned char *map, int v, float *grid);

#endif
