#include "nn/schedule.h"

#include <math.h>

schedule schedule_start(double learning_rate)
{
    return (schedule){.learning_rate = learning_rate, .best_val_loss = HUGE_VAL};
}

int schedule_record(schedule *s, double val_loss)
{
    s->epochs_done++;
    if (val_loss < s->best_val_loss) {
        s->best_val_loss = val_loss;
        s->best_epoch = s->epochs_done;
        s->bad_epochs = s->bad_since_drop = 0;
        return 1;
    }
    s->bad_epochs++;
    if (++s->bad_since_drop == SCHEDULE_PATIENCE_DROP) {
        s->learning_rate /= 10;
        s->bad_since_drop = 0;
    }
    return 0;
}

int schedule_should_stop(const schedule *s, int max_epochs)
{
    return s->bad_epochs >= SCHEDULE_PATIENCE_STOP || s->epochs_done >= max_epochs;
}
