#include "confusion.h"

#include <math.h>

long confusion_true_events(const long m[9], int c)
{
    return m[3 * c] + m[3 * c + 1] + m[3 * c + 2];
}

double confusion_macro_f1(const long m[9])
{
    double sum = 0;
    for (int c = 0; c < 3; c++) {
        long tp = m[4 * c], predicted = m[c] + m[3 + c] + m[6 + c];
        long denominator = predicted + confusion_true_events(m, c);
        if (denominator > 0) sum += 2.0 * tp / denominator;
    }
    return sum / 3;
}

double confusion_accuracy(const long m[9], int c)
{
    long n = confusion_true_events(m, c);
    return n ? (double)m[4 * c] / n : NAN;
}
