/* digest: SHA-256 of files, the identity of datasets, weights and configurations in result records. */
#ifndef NUTL_DIGEST_H
#define NUTL_DIGEST_H

/* Writes into hex (65 bytes) the SHA-256 of the file at path; dies naming the file if unreadable. */
void file_sha256(const char *path, char hex[65]);

#endif
