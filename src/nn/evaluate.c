#include "nn/evaluate.h"

#include <math.h>
#include <stdlib.h>

#include "core/records.h"
#include "core/util.h"

static int argmax(const float *p, int n)
{
    int best = 0;
    for (int i = 1; i < n; i++)
        if (p[i] > p[best]) best = i;
    return best;
}

/* Writes the predictions line of event (probabilities p, predicted class) of d to f. */
static void write_prediction(FILE *f, const dataset *d, int event, const float *p, int predicted)
{
    prediction line = {.event_id = dataset_event_id(d, event), .true_class = dataset_class(d, event),
                       .predicted_class = predicted, .energy_gev = dataset_energy(d, event)};
    for (int c = 0; c < N_CLASSES; c++) line.p[c] = p[c];
    records_put_prediction(f, &line);
}

evaluation evaluate_split(network *net, const dataset *d, input_transform t, FILE *predictions)
{
    evaluation e = {0};
    int n = dataset_events(d);
    int *order = nutl_calloc((size_t)n * sizeof *order, "evaluation order");
    for (int i = 0; i < n; i++) order[i] = i;
    float *labels = nutl_calloc((size_t)net->batch * N_CLASSES * sizeof(float), "labels");
    if (predictions)
        fprintf(predictions, "%s\n", records_prediction_header());
    loader *l = loader_start(d, order, n, net->batch, t);
    net->train = 0;
    int count, first = 0;
    while ((count = loader_next(l, net->input, labels)) > 0) {
        float *p = network_predict(net, net->input);
        for (int k = 0; k < count; k++) {
            int event = first + k, truth = dataset_class(d, event);
            const float *pk = p + k * N_CLASSES;
            int predicted = argmax(pk, N_CLASSES);
            e.loss -= log(fmax(pk[truth], 1e-30));
            confusion_add(&e.matrix, truth, predicted);
            if (predictions) write_prediction(predictions, d, event, pk, predicted);
        }
        first += count;
    }
    loader_stop(l);
    free(labels);
    free(order);
    e.events = n;
    e.loss = n ? e.loss / n : 0;
    return e;
}

evaluation evaluate_to_file(network *net, const dataset *d, input_transform t, const char *path)
{
    FILE *f = atomic_open(path);
    evaluation e = evaluate_split(net, d, t, f);
    atomic_commit(f, path);
    return e;
}
