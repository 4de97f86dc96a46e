/* weights: network parameters on disk in Darknet's weights format (readable by Darknet's own
   load_weights), written atomically and read with every size checked; and training checkpoints. */
#ifndef NUTL_WEIGHTS_H
#define NUTL_WEIGHTS_H

#include <stdint.h>

#include "darknet.h"
#include "nn/schedule.h"

/* Writes the parameters of every layer of net to path (through path.tmp and a rename); dies naming
   the file if it cannot be written completely. */
void weights_save(network *net, const char *path);

/* Loads layers [0, cutoff) of net from the Darknet weights file at path. Dies naming the file if it is
   missing, has no Darknet header, or holds fewer floats than those layers need. Returns how many
   floats the file holds beyond them (0 for a file saved from this very network, the head's size
   for a pretrained file loaded up to its head). */
long weights_load(network *net, const char *path, int cutoff);

/* Returns the number of floats Darknet's format stores for layer l (0 for layers without parameters). */
long layer_stored_floats(const layer *l);

/* Everything a run needs to go on after a kill exactly as if it had not stopped: the parameters, the
   momentum buffers, batch-norm statistics, the schedule and the images seen. */
typedef struct {
    char run_key[256];   /* what the run is (seed, init, scheme, size, events): another run's checkpoint is refused */
    schedule sched;
    uint64_t seen;
    double train_seconds;      /* time spent in training epochs so far */
    uint64_t images_trained;   /* images passed through SGD so far */
} checkpoint_state;

/* Writes net and state to path atomically; dies naming the file on failure. */
void checkpoint_save(network *net, const checkpoint_state *state, const char *path);

/* Returns 0 if path does not exist. Otherwise loads it into net and state and returns 1; dies naming
   the file if it is truncated, corrupted (SHA-256 mismatch), made by another network shape, or
   belongs to another run (run_key differs from state->run_key on entry). */
int checkpoint_load(network *net, checkpoint_state *state, const char *path);

#endif
