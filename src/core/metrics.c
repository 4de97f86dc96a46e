#include "core/metrics.h"

long confusion_true_events(const confusion *m, int i)
{
    long row = 0;
    for (int j = 0; j < N_CLASSES; j++) row += m->counts[i][j];
    return row;
}

void confusion_add(confusion *m, int t, int p)
{
    m->counts[t][p]++;
}

double confusion_class_f1(const confusion *m, int i)
{
    long tp = m->counts[i][i], fp = 0, fn = 0;
    for (int j = 0; j < N_CLASSES; j++) {
        if (j == i) continue;
        fp += m->counts[j][i];
        fn += m->counts[i][j];
    }
    long denominator = 2 * tp + fp + fn;
    return denominator ? 2.0 * tp / denominator : 0.0;
}

double confusion_macro_f1(const confusion *m)
{
    double sum = 0;
    for (int i = 0; i < N_CLASSES; i++) sum += confusion_class_f1(m, i);
    return sum / N_CLASSES;
}

double confusion_class_accuracy(const confusion *m, int i)
{
    long row = confusion_true_events(m, i);
    return row ? (double)m->counts[i][i] / row : 0.0;
}

double confusion_accuracy(const confusion *m)
{
    long all = 0, diagonal = 0;
    for (int i = 0; i < N_CLASSES; i++)
        for (int j = 0; j < N_CLASSES; j++) {
            all += m->counts[i][j];
            if (i == j) diagonal += m->counts[i][j];
        }
    return all ? (double)diagonal / all : 0.0;
}
