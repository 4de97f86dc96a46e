#include "core/protocol.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

static char *trim(char *s)
{
    while (isspace((unsigned char)*s)) s++;
    char *end = s + strlen(s);
    while (end > s && isspace((unsigned char)end[-1])) *--end = 0;
    return s;
}

void protocol_load(protocol *p, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) nutl_die("%s: cannot read protocol preset: %s", path, strerror(errno));
    memset(p, 0, sizeof *p);
    snprintf(p->path, sizeof p->path, "%s", path);
    char line[2048];
    for (int lineno = 1; fgets(line, sizeof line, f); lineno++) {
        char *hash = strchr(line, '#');
        if (hash) *hash = 0;
        char *s = trim(line);
        if (!*s) continue;
        char *eq = strchr(s, '=');
        if (!eq) nutl_die("%s:%d: expected 'key = value'", path, lineno);
        *eq = 0;
        char *key = trim(s), *value = trim(eq + 1);
        if (!*key || strlen(key) >= sizeof p->key[0] || strlen(value) >= sizeof p->value[0])
            nutl_die("%s:%d: malformed key or value too long", path, lineno);
        if (p->n == PROTOCOL_MAX_KEYS) nutl_die("%s:%d: too many keys", path, lineno);
        strcpy(p->key[p->n], key);
        strcpy(p->value[p->n], value);
        p->n++;
    }
    fclose(f);
}

const char *protocol_find(const protocol *p, const char *key)
{
    for (int i = 0; i < p->n; i++)
        if (!strcmp(p->key[i], key)) return p->value[i];
    return NULL;
}

const char *protocol_get(const protocol *p, const char *key)
{
    const char *value = protocol_find(p, key);
    if (!value) nutl_die("%s: missing key '%s'", p->path, key);
    return value;
}

static long parse_long(const protocol *p, const char *key, const char *text, char **end)
{
    errno = 0;
    long v = strtol(text, end, 10);
    if (*end == text || errno || (**end && !isspace((unsigned char)**end)))
        nutl_die("%s: key '%s': '%s' is not an integer", p->path, key, text);
    return v;
}

long protocol_get_long(const protocol *p, const char *key)
{
    const char *text = protocol_get(p, key);
    char *end;
    long v = parse_long(p, key, text, &end);
    if (*end) nutl_die("%s: key '%s': '%s' is not one integer", p->path, key, text);
    return v;
}

int protocol_get_longs(const protocol *p, const char *key, long *out, int max)
{
    const char *s = protocol_get(p, key);
    int n = 0;
    for (;;) {
        while (isspace((unsigned char)*s)) s++;
        if (!*s) return n;
        if (n == max) nutl_die("%s: key '%s': more than %d values", p->path, key, max);
        char *end;
        out[n++] = parse_long(p, key, s, &end);
        s = end;
    }
}
