/*
 * store_file_io.c - one object file of the host file backend (see
 * store_file_int.h). Each object is one file in the store directory, named
 * <space>-<owner>-<uid>.obj in fixed-width lower-case hex. Each file is
 *
 *   offset     size  field (integers little-endian)
 *        0        4  magic "CITS"
 *        4        2  format version (1)
 *        6        2  reserved, 0
 *        8        4  space
 *       12        4  owner
 *       16        8  uid
 *       24        4  flags
 *       28        4  payload size n
 *       32       32  SHA-256 of bytes 0..31 (header check)
 *       64        n  payload
 *     64+n       32  SHA-256 of bytes 0..63+n (object check)
 *
 * A write goes to <name>.tmp, which is fsync'ed and renamed over <name>;
 * then store_file.c fsyncs the directory: after an interruption at any
 * point the object is its old or its new file, whole. Opening the store
 * (store_file.c) removes the .tmp files that interrupted writes left
 * behind. info verifies the header check and that the header names the
 * object asked for; read streams the whole file through SHA-256 (fixed
 * stack buffer), copies the requested range on the way, and the caller
 * wipes it if the object check fails.
 *
 * Files are opened with O_NOFOLLOW and O_NONBLOCK: a link, a FIFO or a
 * directory in an object's place is DATA_CORRUPT, never followed or waited
 * on. The checks are unkeyed: they detect damage, not a forgery by someone
 * who can write the directory (mode 0700 keeps others out).
 */
#define _DEFAULT_SOURCE 1
#include "store_file_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config_derive.h"
#include "ct.h"
#include "primitives.h"
#include "util.h"

#if !defined(CIT_NEED_SHA256)
#error "the file storage backend checks objects with SHA-256: enable PSA_WANT_ALG_SHA_256"
#endif

#define HDR CIT_STORE_FILE_HEADER_SIZE
#define DIG CIT_STORE_FILE_DIGEST_SIZE
#define OVERHEAD CIT_STORE_FILE_OVERHEAD
#define NAME_LEN CIT_STORE_FILE_NAME_LEN
#define HEX_LEN 34u                /* the name without its 4-character suffix */
#define MAGIC 0x53544943u          /* "CITS" read as little-endian */
#define FORMAT_VERSION 1u
#define CHUNK 4096u                /* read buffer (stack) */

/* ---- Names ---- */

static void put_hex(char *p, uint64_t v, unsigned digits)
{
    static const char hex[] = "0123456789abcdef";
    unsigned i;

    for (i = 0; i < digits; i++) {
        p[digits - 1 - i] = hex[(v >> (4 * i)) & 15];
    }
}

/* see store_file_int.h */
void cit_sf_object_name(char name[NAME_LEN + 1], const cit_store_key_t *key, int temp)
{
    put_hex(name, key->space, 8);
    name[8] = '-';
    put_hex(name + 9, (uint32_t)key->owner, 8);
    name[17] = '-';
    put_hex(name + 18, key->uid, 16);
    memcpy(name + HEX_LEN, temp ? ".tmp" : ".obj", 5);
}

/* see store_file_int.h */
int cit_sf_name_kind(const char *name)
{
    size_t i;

    if (strlen(name) != NAME_LEN) {
        return CIT_SF_NAME_OTHER;
    }
    for (i = 0; i < HEX_LEN; i++) {
        char c = name[i];

        if (i == 8 || i == 17) {
            if (c != '-') {
                return CIT_SF_NAME_OTHER;
            }
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return CIT_SF_NAME_OTHER;
        }
    }
    if (strcmp(name + HEX_LEN, ".obj") == 0) {
        return CIT_SF_NAME_OBJECT;
    }
    if (strcmp(name + HEX_LEN, ".tmp") == 0) {
        return CIT_SF_NAME_TEMP;
    }
    return CIT_SF_NAME_OTHER;
}

/* ---- I/O ---- */

static psa_status_t errno_status(int err)
{
    if (err == ENOSPC || err == EDQUOT) {
        return PSA_ERROR_INSUFFICIENT_STORAGE;
    }
    return PSA_ERROR_STORAGE_FAILURE;
}

/* write_all: 0, or the errno of the failure. */
static int write_all(int fd, const uint8_t *p, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, p, len);

        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return errno;
        }
        if (n == 0) {
            return EIO;
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

/* read_full reads up to len bytes, stopping early only at end of file: 0 or errno; *got. */
static int read_full(int fd, uint8_t *p, size_t len, size_t *got)
{
    *got = 0;
    while (*got < len) {
        ssize_t n = read(fd, p + *got, len - *got);

        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return errno;
        }
        if (n == 0) {
            break;
        }
        *got += (size_t)n;
    }
    return 0;
}

static void put16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static uint32_t get16(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8);
}

/* ---- Header ---- */

static void header_encode(uint8_t h[HDR], const cit_store_key_t *key, uint32_t flags,
                          uint32_t size)
{
    cit_store_le32(h, MAGIC);
    put16(h + 4, FORMAT_VERSION);
    put16(h + 6, 0);
    cit_store_le32(h + 8, key->space);
    cit_store_le32(h + 12, (uint32_t)key->owner);
    cit_store_le64(h + 16, key->uid);
    cit_store_le32(h + CIT_SF_HDR_FLAGS, flags);
    cit_store_le32(h + CIT_SF_HDR_SIZE, size);
    cit_sha256(h, 32, h + 32);
}

/* header_valid: 1 if h is a version-1 header whose check holds. */
static int header_valid(const uint8_t h[HDR])
{
    uint8_t digest[DIG];

    if (cit_load_le32(h) != MAGIC || get16(h + 4) != FORMAT_VERSION || get16(h + 6) != 0) {
        return 0;
    }
    cit_sha256(h, 32, digest);
    return cit_ct_memcmp(digest, h + 32, DIG) == 0;
}

/* header_names: 1 if the header belongs to key (a file copied to another name is not). */
static int header_names(const uint8_t h[HDR], const cit_store_key_t *key)
{
    return cit_load_le32(h + 8) == key->space && cit_load_le32(h + 12) == (uint32_t)key->owner &&
           cit_load_le64(h + 16) == key->uid;
}

/* see store_file_int.h */
psa_status_t cit_sf_open_object(int dir_fd, const cit_store_key_t *key, int *fd, uint8_t h[HDR],
                                off_t *file_size)
{
    char name[NAME_LEN + 1];
    struct stat sb;
    size_t got;
    int err;

    cit_sf_object_name(name, key, 0);
    *fd = openat(dir_fd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (*fd < 0) {
        if (errno == ENOENT) {
            return PSA_ERROR_DOES_NOT_EXIST;
        }
        return errno == ELOOP ? PSA_ERROR_DATA_CORRUPT : PSA_ERROR_STORAGE_FAILURE;
    }
    if (fstat(*fd, &sb) != 0) {
        (void)close(*fd);
        return PSA_ERROR_STORAGE_FAILURE;
    }
    if (!S_ISREG(sb.st_mode)) {
        (void)close(*fd);
        return PSA_ERROR_DATA_CORRUPT;
    }
    err = read_full(*fd, h, HDR, &got);
    if (err != 0) {
        (void)close(*fd);
        return PSA_ERROR_STORAGE_FAILURE;
    }
    if (got != HDR || !header_valid(h) || !header_names(h, key)) {
        (void)close(*fd);
        return PSA_ERROR_DATA_CORRUPT;
    }
    *file_size = sb.st_size;
    return PSA_SUCCESS;
}

/* see store_file_int.h */
psa_status_t cit_sf_existing_file(int dir_fd, const char *name, const cit_store_key_t *key,
                                  size_t *charge, uint32_t *flags)
{
    uint8_t h[HDR];
    struct stat sb;
    size_t got = 0;
    size_t payload = 0;
    int fd;

    *charge = CIT_STORE_OBJECT_CHARGE;
    *flags = 0;
    fd = openat(dir_fd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
        /* ELOOP (a symbolic link), EACCES...: there is a name, charged at the minimum. */
        return errno == ENOENT ? PSA_ERROR_DOES_NOT_EXIST : PSA_SUCCESS;
    }
    if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)) {
        if (read_full(fd, h, HDR, &got) == 0 && got == HDR && header_valid(h)) {
            payload = cit_load_le32(h + CIT_SF_HDR_SIZE);
            payload = payload > CIT_STORE_CAPACITY ? CIT_STORE_CAPACITY : payload;
            if (key != NULL && header_names(h, key)) {
                *flags = cit_load_le32(h + CIT_SF_HDR_FLAGS);
            }
        } else if ((uint64_t)sb.st_size > OVERHEAD) {
            uint64_t rest = (uint64_t)sb.st_size - OVERHEAD;

            payload = rest > CIT_STORE_CAPACITY ? CIT_STORE_CAPACITY : (size_t)rest;
        }
    }
    (void)close(fd);
    *charge = payload + CIT_STORE_OBJECT_CHARGE;
    return PSA_SUCCESS;
}

/* ---- Verified read, atomic write ---- */

/* copy_overlap copies the part of chunk [pos, pos + n) that lies in [offset, offset + len). */
static void copy_overlap(uint8_t *out, size_t offset, size_t len, const uint8_t *chunk,
                         size_t pos, size_t n)
{
    size_t from;
    size_t to;

    if (len == 0 || pos + n <= offset || pos >= offset + len) {
        return;
    }
    from = pos > offset ? pos : offset;
    to = pos + n < offset + len ? pos + n : offset + len;
    memcpy(out + (from - offset), chunk + (from - pos), to - from);
}

/* see store_file_int.h */
psa_status_t cit_sf_read_verified(int fd, const uint8_t h[HDR], size_t offset, uint8_t *out,
                                  size_t len)
{
    uint8_t buf[CHUNK];
    uint8_t digest[DIG];
    cit_sha256_ctx_t sha;
    size_t size = cit_load_le32(h + CIT_SF_HDR_SIZE);
    size_t pos = 0;
    size_t got;
    psa_status_t status = PSA_ERROR_DATA_CORRUPT;

    cit_sha256_init(&sha);
    cit_sha256_update(&sha, h, HDR);
    while (pos < size) {
        size_t n = size - pos < CHUNK ? size - pos : CHUNK;

        if (read_full(fd, buf, n, &got) != 0) {
            status = PSA_ERROR_STORAGE_FAILURE;
            goto exit;
        }
        if (got != n) {
            goto exit;
        }
        cit_sha256_update(&sha, buf, n);
        copy_overlap(out, offset, len, buf, pos, n);
        pos += n;
    }
    /* The check, then nothing more. */
    if (read_full(fd, buf, DIG + 1, &got) != 0) {
        status = PSA_ERROR_STORAGE_FAILURE;
        goto exit;
    }
    if (got != DIG) {
        goto exit;
    }
    cit_sha256_finish(&sha, digest, DIG);
    if (cit_ct_memcmp(digest, buf, DIG) == 0) {
        status = PSA_SUCCESS;
    }
exit:
    cit_zeroize(&sha, sizeof(sha));
    cit_zeroize(buf, sizeof(buf));
    return status;
}

/* write_temp writes the whole object file to the open temporary file fd: 0 or errno. */
static int write_temp(int fd, const cit_store_key_t *key, uint32_t flags, const uint8_t *data,
                      size_t len)
{
    uint8_t h[HDR];
    uint8_t digest[DIG];
    cit_sha256_ctx_t sha;
    int err;

    header_encode(h, key, flags, (uint32_t)len);
    cit_sha256_init(&sha);
    cit_sha256_update(&sha, h, HDR);
    if (len != 0) {
        cit_sha256_update(&sha, data, len);
    }
    cit_sha256_finish(&sha, digest, DIG);
    err = write_all(fd, h, HDR);
    if (err == 0 && len != 0) {
        err = write_all(fd, data, len);
    }
    if (err == 0) {
        err = write_all(fd, digest, DIG);
    }
    if (err == 0 && fsync(fd) != 0) {
        err = errno;
    }
    return err;
}

/* see store_file_int.h */
psa_status_t cit_sf_write_atomic(int dir_fd, const cit_store_key_t *key, uint32_t flags,
                                 const uint8_t *data, size_t len)
{
    char name[NAME_LEN + 1];
    char temp[NAME_LEN + 1];
    int fd;
    int err;

    cit_sf_object_name(name, key, 0);
    cit_sf_object_name(temp, key, 1);
    fd = openat(dir_fd, temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        return errno_status(errno);
    }
    err = write_temp(fd, key, flags, data, len);
    if (close(fd) != 0 && err == 0) {
        err = errno;
    }
    if (err == 0 && renameat(dir_fd, temp, dir_fd, name) != 0) {
        err = errno;
    }
    if (err != 0) {
        (void)unlinkat(dir_fd, temp, 0);
        return errno_status(err);
    }
    return PSA_SUCCESS;
}
