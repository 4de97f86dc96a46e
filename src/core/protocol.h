/* protocol: the presets in cfg/protocols/<name>.conf ("key = value" lines, '#' comments). */
#ifndef NUTL_PROTOCOL_H
#define NUTL_PROTOCOL_H

#define PROTOCOL_MAX_KEYS 64

typedef struct {
    char path[1024];
    int n;
    char key[PROTOCOL_MAX_KEYS][64];
    char value[PROTOCOL_MAX_KEYS][1024];
} protocol;

/* Reads the preset file at path into p; dies naming the file and line on a malformed line. */
void protocol_load(protocol *p, const char *path);

/* Returns the value of key (the whole text after '='), or dies naming the file and the missing key. */
const char *protocol_get(const protocol *p, const char *key);

/* Returns the value of key, or NULL if the preset does not set it (for optional keys). */
const char *protocol_find(const protocol *p, const char *key);

/* Returns the value of key as an integer, or dies if it is missing or not an integer. */
long protocol_get_long(const protocol *p, const char *key);

/* Splits the value of key on spaces into at most max integers in out; returns how many, or dies if
   one is not an integer or there are more than max. */
int protocol_get_longs(const protocol *p, const char *key, long *out, int max);

#endif
