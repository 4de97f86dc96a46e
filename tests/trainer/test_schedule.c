/* The learning-rate schedule and stopping rule on a synthetic sequence of validation losses. */
#include "../check.h"
#include "nn/schedule.h"

int main(void)
{
    /* epoch:        1    2    3    4    5    6    7    8    9   10   11   12   13 */
    double loss[] = {1.0, 0.8, 0.9, 0.85, 0.81, 0.7, 0.75, 0.72, 0.71, 0.70, 0.74, 0.76, 0.5};
    /* best at 1, 2, then 3 bad (3,4,5) -> drop after epoch 5; best at 6; bad 7..12: drop after 9 and
       after 12, and stop after 12 (6 bad epochs); epoch 13 never runs. 0.70 at epoch 10 equals the
       best, which is not an improvement. */
    double want_lr[] = {1e-3, 1e-3, 1e-3, 1e-3, 1e-4, 1e-4, 1e-4, 1e-4, 1e-5, 1e-5, 1e-5, 1e-6};
    int want_best[] = {1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0};
    schedule s = schedule_start(1e-3);
    int epoch = 0;
    while (!schedule_should_stop(&s, 100)) {
        int best = schedule_record(&s, loss[epoch]);
        REQUIRE(best == want_best[epoch], "epoch %d: best %d", epoch + 1, best);
        REQUIRE(fabs(s.learning_rate - want_lr[epoch]) < 1e-12, "epoch %d: lr %g, want %g", epoch + 1,
              s.learning_rate, want_lr[epoch]);
        epoch++;
    }
    REQUIRE(epoch == 12, "stopped after %d epochs, want 12", epoch);
    REQUIRE(s.best_epoch == 6 && s.best_val_loss == 0.7, "best epoch %d loss %g", s.best_epoch, s.best_val_loss);
    schedule t = schedule_start(1e-3);
    schedule_record(&t, 1.0);
    schedule_record(&t, 0.9);
    REQUIRE(schedule_should_stop(&t, 2) && !schedule_should_stop(&t, 3), "max_epochs");
    printf("stopped after %d epochs, best %d, final lr %g\n", epoch, s.best_epoch, s.learning_rate);
    return 0;
}
