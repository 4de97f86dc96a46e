/* --init kaiming is torchvision's ResNet initialisation: every convolution's weights N(0, 2 / fan_out)
   (kaiming_normal_, mode "fan_out", relu), batch norm at weight 1, bias 0, running statistics (0, 1),
   and the 512 -> 3 head nn.Linear's default, weights and biases uniform in +-1/sqrt(512). The sample
   statistics of each layer are held to 5 standard errors of the rule (so nutl's former N(0, 2 / fan_in),
   41 % off in std for a 3x3 convolution that doubles the channels, 4.6 times for the 7x7 stem, fails), the
   head to its bounds; one seed gives the same bytes twice, another seed other bytes.
   --init kaiming-fan-in is the paper's formula: every convolution N(0, 2 / fan_in), the head's weights
   N(0, 2 / 512) and its biases 0, batch norm as above; held to the same 5 standard errors, per layer,
   with fan_in (channels k k) and fan_out (filters k k) computed here from each layer's shape; for one
   seed both rules' convolutions hold the same deviates, each scaled by its rule's sigma. */
#include <string.h>

#include "../check.h"
#include "nn/init.h"
#include "nn/netcfg.h"
#include "nn/network_load.h"

/* Returns the sample mean and sets *sd to the sample standard deviation of x[0..n). */
static double sample_stats(const float *x, long n, double *sd)
{
    double sum = 0, sum2 = 0;
    for (long i = 0; i < n; i++) sum += x[i];
    double mean = sum / n;
    for (long i = 0; i < n; i++) sum2 += (x[i] - mean) * (x[i] - mean);
    *sd = sqrt(sum2 / (n - 1));
    return mean;
}

/* Checks x[0..n) against N(0, expected^2): mean and sd within 5 standard errors. */
static void check_normal(int i, const char *rule, const float *x, long n, double expected)
{
    double sd, mean = sample_stats(x, n, &sd);
    CHECK(fabs(mean) < 5 * expected / sqrt(n), "%s, layer %d: mean %g of N(0, %g^2)", rule, i, mean, expected);
    /* the sample sd of n normal values has relative standard error 1/sqrt(2n) */
    CHECK(fabs(sd / expected - 1) < 5 / sqrt(2.0 * n), "%s, layer %d: sd %g, the rule's %g", rule, i, sd, expected);
}

/* Checks a convolution: weights N(0, 2 / fan), fan = filters k k (kaiming) or channels k k (fan-in), batch
   norm at (1, 0) with statistics (0, 1). */
static void check_convolution(int i, const layer *l, enum init_rule rule)
{
    double fan_out = (double)l->out_c * l->size * l->size, fan_in = (double)l->c * l->size * l->size;
    check_normal(i, rule == INIT_KAIMING ? "kaiming" : "kaiming-fan-in", l->weights, layer_weights(l),
                 sqrt(2.0 / (rule == INIT_KAIMING ? fan_out : fan_in)));
    CHECK(l->batch_normalize, "layer %d: ResNet18's convolutions are batch-normalised", i);
    int off = 0;
    for (int k = 0; k < l->out_c; k++)
        off += !(l->scales[k] == 1 && l->biases[k] == 0 && l->rolling_mean[k] == 0 && l->rolling_variance[k] == 1);
    CHECK(off == 0, "layer %d: %d channels' batch norm not at (1, 0), statistics (0, 1)", i, off);
}

/* Checks x[0..n) against uniform(-b, b): inside the bounds, sd b/sqrt(3) to 5 standard errors. */
static void check_uniform(int i, const char *what, const float *x, long n, double b)
{
    double sd;
    sample_stats(x, n, &sd);
    long outside = 0;
    for (long k = 0; k < n; k++) outside += fabs(x[k]) > b;
    CHECK(outside == 0, "layer %d %s: %ld of %ld outside +-%g", i, what, outside, n, b);
    /* uniform: the sample variance has relative standard error sqrt(4/5 n) = 0.894/sqrt(n); sd half */
    if (n >= 100)
        CHECK(fabs(sd * sqrt(3.0) / b - 1) < 5 * 0.45 / sqrt(n), "layer %d %s: sd %g, uniform's %g", i, what, sd,
              b / sqrt(3.0));
}

/* Returns 1 if every stored parameter of a and b is identical. */
static int same_parameters(const network *a, const network *b)
{
    for (int i = 0; i < a->n; i++) {
        const layer *x = &a->layers[i], *y = &b->layers[i];
        if (!layer_parameters(x)) continue;
        if (memcmp(x->weights, y->weights, layer_weights(x) * sizeof(float)) ||
            memcmp(x->biases, y->biases, x->out_c * sizeof(float)))
            return 0;
    }
    return 1;
}

/* Checks the 512 -> 3 head: uniform in +-1/sqrt(512) (kaiming), or weights N(0, 2 / 512) and biases 0
   (fan-in). */
static void check_head(int i, const layer *l, enum init_rule rule)
{
    if (rule == INIT_KAIMING) {
        double bound = 1 / sqrt((double)l->inputs);
        check_uniform(i, "weights", l->weights, layer_weights(l), bound);
        check_uniform(i, "biases", l->biases, l->outputs, bound);
        return;
    }
    check_normal(i, "kaiming-fan-in head", l->weights, layer_weights(l), sqrt(2.0 / l->inputs));
    int nonzero = 0;
    for (int k = 0; k < l->outputs; k++) nonzero += l->biases[k] != 0;
    CHECK(nonzero == 0, "kaiming-fan-in, layer %d: %d head biases not 0", i, nonzero);
}

/* Checks every layer of three networks initialised by rule (seeds 42, 42, 43). */
static void check_rule(const netcfg *c, enum init_rule rule)
{
    network_shape shape = {.batch = 1, .width = 32, .height = 32, .outputs = 3};
    network *a = network_load(c, shape), *b = network_load(c, shape), *other = network_load(c, shape);
    init_network(a, 0, 42, rule);
    init_network(b, 0, 42, rule);
    init_network(other, 0, 43, rule);
    int convolutions = 0, connected = 0;
    for (int i = 0; i < a->n; i++) {
        const layer *l = &a->layers[i];
        if (l->type == CONVOLUTIONAL) check_convolution(i, l, rule), convolutions++;
        if (l->type == CONNECTED) check_head(i, l, rule), connected++;
    }
    REQUIRE(convolutions == 20 && connected == 1, "%d convolutions, %d connected: ResNet18 has 20 and 1", convolutions,
          connected);
    CHECK(same_parameters(a, b), "one seed, two initialisations differ");
    CHECK(!same_parameters(a, other), "seeds 42 and 43 give the same weights");
    printf("%s: 20 convolutions, batch norm and the head checked against the rule; seeds 42, 42, 43\n",
           rule == INIT_KAIMING ? "kaiming" : "kaiming-fan-in");
    network_free(a);
    network_free(b);
    network_free(other);
}

/* Checks that both rules' convolutions hold the same standard normal deviates for one seed, each scaled
   by its rule's sigma (so a fan-in network differs from its Kaiming twin by the scale alone). */
static void check_same_deviates(const netcfg *c)
{
    network_shape shape = {.batch = 1, .width = 32, .height = 32, .outputs = 3};
    network *a = network_load(c, shape), *b = network_load(c, shape);
    init_network(a, 0, 42, INIT_KAIMING);
    init_network(b, 0, 42, INIT_KAIMING_FAN_IN);
    long off = 0;
    for (int i = 0; i < a->n; i++) {
        const layer *l = &a->layers[i], *m = &b->layers[i];
        if (l->type != CONVOLUTIONAL) continue;
        double s_out = sqrt(2.0 / ((double)l->out_c * l->size * l->size));
        double s_in = sqrt(2.0 / ((double)l->c * l->size * l->size));
        for (long k = 0; k < layer_weights(l); k++) {
            double za = l->weights[k] / s_out, zb = m->weights[k] / s_in;
            off += fabs(za - zb) > 1e-6 * (1 + fabs(za));  /* float rounding of each is ~6e-8 relative */
        }
    }
    CHECK(off == 0, "%ld convolution weights are not the same deviate under both rules", off);
    printf("both rules: the convolutions' deviates identical, scaled by each rule's sigma\n");
    network_free(a);
    network_free(b);
}

int main(void)
{
    static netcfg c;
    netcfg_read(&c, "cfg/resnet18.cfg");
    check_rule(&c, INIT_KAIMING);
    check_rule(&c, INIT_KAIMING_FAN_IN);
    check_same_deviates(&c);
    CHECK(init_rule_parse("kaiming") == INIT_KAIMING && init_rule_parse("kaiming-fan-in") == INIT_KAIMING_FAN_IN &&
              init_rule_parse("kaiming-fan-out") < 0 && init_rule_parse("pretrained") < 0,
          "init_rule_parse: the --init names");
    return check_status();
}
