/* Macro F1 (the paper's Eq. 1) and class accuracies of the paper's Table III confusion matrices,
   against values worked out by hand below. */
#include "../check.h"
#include "core/metrics.h"

static confusion matrix(const long m[3][3])
{
    confusion c = {0};
    for (int t = 0; t < 3; t++)
        for (int p = 0; p < 3; p++) c.counts[t][p] = m[t][p];
    return c;
}

static void check_close(double got, double want, const char *what)
{
    REQUIRE(fabs(got - want) < 5e-7, "%s: got %.9f, want %.9f", what, got, want);
    printf("%-28s %.6f\n", what, got);
}

int main(void)
{
    /* Kaiming, best of the 100k ensemble (rows true numu_cc, nue_cc, nc; columns predicted).
       numu: Tp 5839, Fp 276+337 = 613, Fn 386+487 = 873 -> F1 = 11678/13164 = 0.887116378
       nue:  Tp 5586, Fp 386+624 = 1010, Fn 276+712 = 988 -> F1 = 11172/13170 = 0.848291572
       nc:   Tp 5753, Fp 487+712 = 1199, Fn 337+624 = 961 -> F1 = 11506/13666 = 0.841943509
       macro = (0.887116378 + 0.848291572 + 0.841943509) / 3 = 0.859117153 */
    const long kaiming[3][3] = {{5839, 386, 487}, {276, 5586, 712}, {337, 624, 5753}};
    /* Transfer learning:
       numu: Tp 6262, Fp 111+228 = 339, Fn 163+287 = 450 -> 12524/13313 = 0.940734620
       nue:  Tp 6160, Fp 163+367 = 530, Fn 111+303 = 414 -> 12320/13264 = 0.928829915
       nc:   Tp 6119, Fp 287+303 = 590, Fn 228+367 = 595 -> 12238/13423 = 0.911718692
       macro = 0.927094409 */
    const long transfer[3][3] = {{6262, 163, 287}, {111, 6160, 303}, {228, 367, 6119}};
    confusion k = matrix(kaiming), t = matrix(transfer);
    check_close(confusion_class_f1(&k, 0), 11678.0 / 13164, "kaiming F1 numu_cc");
    check_close(confusion_class_f1(&k, 1), 11172.0 / 13170, "kaiming F1 nue_cc");
    check_close(confusion_class_f1(&k, 2), 11506.0 / 13666, "kaiming F1 nc");
    check_close(confusion_macro_f1(&k), 0.859117153, "kaiming macro F1");
    check_close(confusion_macro_f1(&t), 0.927094409, "transfer macro F1");
    /* accuracies = diagonal / row total (6712, 6574, 6714) */
    check_close(confusion_class_accuracy(&k, 0), 5839.0 / 6712, "kaiming accuracy numu_cc");
    check_close(confusion_class_accuracy(&t, 2), 6119.0 / 6714, "transfer accuracy nc");
    check_close(confusion_accuracy(&t), (6262.0 + 6160 + 6119) / 20000, "transfer overall accuracy");
    confusion empty = {0};
    REQUIRE(confusion_macro_f1(&empty) == 0 && confusion_class_accuracy(&empty, 1) == 0, "empty matrix");
    return 0;
}
