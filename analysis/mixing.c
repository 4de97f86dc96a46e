#include "mixing.h"

#include <stdio.h>
#include <string.h>

/* The fields a table may not mix, as result.tsv names them and where a record holds them. */
static const struct {
    const char *key;
    size_t offset;
} fields[] = {
    {"build", offsetof(record, build)},
    {"libraries", offsetof(record, libraries)},
    {"dataset_id", offsetof(record, dataset_id)},
    {"machine_class", offsetof(record, machine_class)},
};

int mixing_check(const study *s, char *why, size_t len)
{
    for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
        for (int i = 1; i < s->n_records; i++) {
            const char *first = (const char *)&s->records[0] + fields[k].offset;
            const char *other = (const char *)&s->records[i] + fields[k].offset;
            if (strcmp(first, other)) {
                snprintf(why, len, "records differ in %s: %s/result.tsv has '%s', %s/result.tsv has '%s'",
                         fields[k].key, s->records[0].dir, first, s->records[i].dir, other);
                return 1;
            }
        }
    return 0;
}
