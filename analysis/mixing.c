#include "mixing.h"

#include <stdio.h>
#include <string.h>

#include "core/records.h"

/* The fields a table may not mix and where a record holds them. */
static const struct {
    enum result_key key;
    size_t offset;
} fields[] = {
    {RESULT_BUILD, offsetof(record, build)},
    {RESULT_LIBRARIES, offsetof(record, libraries)},
    {RESULT_DATASET_ID, offsetof(record, dataset_id)},
    {RESULT_MACHINE_CLASS, offsetof(record, machine_class)},
};

int mixing_check(const study *s, char *why, size_t len)
{
    for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
        for (int i = 1; i < s->n_records; i++) {
            const char *first = (const char *)&s->records[0] + fields[k].offset;
            const char *other = (const char *)&s->records[i] + fields[k].offset;
            if (strcmp(first, other)) {
                snprintf(why, len, "records differ in %s: %s/result.tsv has '%s', %s/result.tsv has '%s'",
                         records_key_name(fields[k].key, -1, NULL, 0), s->records[0].dir, first, s->records[i].dir, other);
                return 1;
            }
        }
    return 0;
}
