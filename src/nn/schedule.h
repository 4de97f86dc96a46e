/* schedule: the paper's learning-rate schedule and stopping rule (Sec. III B), epoch by epoch:
   divide the rate by 10 when the validation loss has not improved for 3 epochs, stop when it has not
   improved for 6 epochs, keep the weights of the best epoch. */
#ifndef NUTL_SCHEDULE_H
#define NUTL_SCHEDULE_H

enum { SCHEDULE_PATIENCE_DROP = 3, SCHEDULE_PATIENCE_STOP = 6 };

typedef struct {
    double learning_rate;
    double best_val_loss;   /* lowest validation loss so far (HUGE_VAL before the first epoch) */
    int best_epoch;         /* epoch (from 1) that reached it; 0 before the first epoch */
    int epochs_done;
    int bad_epochs;         /* epochs since the best one */
    int bad_since_drop;     /* epochs without improvement since the best one or the last drop */
} schedule;

/* Returns the schedule at the start of training with the given initial learning rate. */
schedule schedule_start(double learning_rate);

/* Records the validation loss of the epoch just finished. Returns 1 if it is the best so far (save
   the weights), 0 otherwise; lowers the learning rate by 10 when 3 epochs in a row did not improve. */
int schedule_record(schedule *s, double val_loss);

/* Returns 1 when training should stop: 6 epochs without improvement, or max_epochs done. */
int schedule_should_stop(const schedule *s, int max_epochs);

#endif
