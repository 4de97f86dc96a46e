#include "core/digest.h"

#include <errno.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <string.h>

#include "core/util.h"

void file_sha256(const char *path, char hex[65])
{
    FILE *f = fopen(path, "rb");
    if (!f) nutl_die("%s: cannot read: %s", path, strerror(errno));
    struct sha256_ctx sha;
    sha256_init(&sha);
    unsigned char buf[1 << 16], digest[SHA256_DIGEST_SIZE];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) sha256_update(&sha, n, buf);
    if (ferror(f)) nutl_die("%s: read error", path);
    fclose(f);
    sha256_digest(&sha, sizeof digest, digest);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++) sprintf(hex + 2 * i, "%02x", digest[i]);
}
