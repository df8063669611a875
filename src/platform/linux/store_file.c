/*
 * store_file.c - the host file backend of the object store (POSIX + flock).
 *
 * One directory, one file per object, named <space>-<owner>-<uid>.obj in
 * fixed-width lower-case hex. Each file is
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
 * A write goes to <name>.tmp, which is fsync'ed, renamed over <name>, and
 * then the directory is fsync'ed: after an interruption at any point the
 * object is its old or its new file, whole. Opening the store removes the
 * .tmp files that interrupted writes left behind. info verifies the header
 * check and that the header names the object asked for; read streams the
 * whole file through SHA-256 (fixed stack buffer), copies the requested
 * range on the way, and wipes it if the object check fails.
 *
 * Files are opened with O_NOFOLLOW and O_NONBLOCK: a link, a FIFO or a
 * directory in an object's place is DATA_CORRUPT, never followed or waited
 * on. The checks are unkeyed: they detect damage, not a forgery by someone
 * who can write the directory (mode 0700 keeps others out).
 *
 * Several processes may share the directory: every operation holds an
 * flock on citadel.lock (shared to look, exclusive to change), a change
 * writes a counter into that file, and a process that finds the counter
 * moved recounts the space used. Write-once and the capacity are checked
 * again under the exclusive lock, so they hold across processes too.
 */
#define _DEFAULT_SOURCE 1
#include "store_file.h"
#include "storage_dir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config_derive.h"
#include "ct.h"
#include "platform/platform.h"
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

enum { NAME_OTHER, NAME_OBJECT, NAME_TEMP };

/* ---- Names ---- */

static void put_hex(char *p, uint64_t v, unsigned digits)
{
    static const char hex[] = "0123456789abcdef";
    unsigned i;

    for (i = 0; i < digits; i++) {
        p[digits - 1 - i] = hex[(v >> (4 * i)) & 15];
    }
}

static void object_name(char name[NAME_LEN + 1], const cit_store_key_t *key, int temp)
{
    put_hex(name, key->space, 8);
    name[8] = '-';
    put_hex(name + 9, (uint32_t)key->owner, 8);
    name[17] = '-';
    put_hex(name + 18, key->uid, 16);
    memcpy(name + HEX_LEN, temp ? ".tmp" : ".obj", 5);
}

/* name_kind classifies a directory entry; anything not named by this file is left alone. */
static int name_kind(const char *name)
{
    size_t i;

    if (strlen(name) != NAME_LEN) {
        return NAME_OTHER;
    }
    for (i = 0; i < HEX_LEN; i++) {
        char c = name[i];

        if (i == 8 || i == 17) {
            if (c != '-') {
                return NAME_OTHER;
            }
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return NAME_OTHER;
        }
    }
    if (strcmp(name + HEX_LEN, ".obj") == 0) {
        return NAME_OBJECT;
    }
    if (strcmp(name + HEX_LEN, ".tmp") == 0) {
        return NAME_TEMP;
    }
    return NAME_OTHER;
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
    cit_store_le32(h + 24, flags);
    cit_store_le32(h + 28, size);
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

/*
 * open_object opens the object file of key and reads and checks its header:
 * DOES_NOT_EXIST, DATA_CORRUPT (not a regular file, short or bad header,
 * header of another object) or STORAGE_FAILURE. On success *fd is open at
 * the payload and *file_size is the file's size.
 */
static psa_status_t open_object(const cit_store_file_t *st, const cit_store_key_t *key, int *fd,
                                uint8_t h[HDR], off_t *file_size)
{
    char name[NAME_LEN + 1];
    struct stat sb;
    size_t got;
    int err;

    object_name(name, key, 0);
    *fd = openat(st->dir_fd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
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

/*
 * existing_file looks at the file `name` as it stands: *charge, the bytes
 * it is charged (its payload size from a valid header, else what its length
 * implies, plus CIT_STORE_OBJECT_CHARGE), and *flags, its flags if its
 * header is valid and names key (else 0). DOES_NOT_EXIST if there is none.
 */
static psa_status_t existing_file(const cit_store_file_t *st, const char *name,
                                  const cit_store_key_t *key, size_t *charge, uint32_t *flags)
{
    uint8_t h[HDR];
    struct stat sb;
    size_t got = 0;
    size_t payload = 0;
    int fd;

    *charge = CIT_STORE_OBJECT_CHARGE;
    *flags = 0;
    fd = openat(st->dir_fd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
        /* ELOOP (a symbolic link), EACCES...: there is a name, charged at the minimum. */
        return errno == ENOENT ? PSA_ERROR_DOES_NOT_EXIST : PSA_SUCCESS;
    }
    if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)) {
        if (read_full(fd, h, HDR, &got) == 0 && got == HDR && header_valid(h)) {
            payload = cit_load_le32(h + 28);
            payload = payload > CIT_STORE_CAPACITY ? CIT_STORE_CAPACITY : payload;
            if (key != NULL && header_names(h, key)) {
                *flags = cit_load_le32(h + 24);
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

static size_t add_sat(size_t a, size_t b)
{
    return a + b < a ? (size_t)-1 : a + b;
}

/* ---- Directory scan: recovery and accounting ---- */

/*
 * scan sums the charges of the object files into st->used and, if recover
 * is set, removes the temporary files of interrupted writes (counted in
 * st->recovered). The caller holds the lock exclusively when recovering.
 */
static psa_status_t scan(cit_store_file_t *st, int recover)
{
    struct dirent *e;
    size_t used = 0;
    DIR *d;
    int fd;
    int err = 0;
    int removed = 0;

    fd = openat(st->dir_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        return PSA_ERROR_STORAGE_FAILURE;
    }
    d = fdopendir(fd);
    if (d == NULL) {
        (void)close(fd);
        return PSA_ERROR_STORAGE_FAILURE;
    }
    for (;;) {
        int kind;

        errno = 0;
        e = readdir(d);
        if (e == NULL) {
            err = errno;
            break;
        }
        kind = name_kind(e->d_name);
        if (kind == NAME_TEMP && recover) {
            if (unlinkat(st->dir_fd, e->d_name, 0) != 0 && errno != ENOENT) {
                err = errno;
                break;
            }
            st->recovered++;
            removed = 1;
        } else if (kind == NAME_OBJECT) {
            size_t charge;
            uint32_t flags;

            if (existing_file(st, e->d_name, NULL, &charge, &flags) == PSA_SUCCESS) {
                used = add_sat(used, charge);
            }
        }
    }
    (void)closedir(d);
    if (err == 0 && removed && fsync(st->dir_fd) != 0) {
        err = errno;
    }
    if (err != 0) {
        return PSA_ERROR_STORAGE_FAILURE;
    }
    st->used = used;
    return PSA_SUCCESS;
}

/* ---- Locking and the change counter ---- */

static uint64_t read_change(const cit_store_file_t *st)
{
    uint8_t b[8];

    return pread(st->lock_fd, b, sizeof(b), 0) == (ssize_t)sizeof(b) ? cit_load_le64(b) : 0;
}

/* note_change tells the other users of the directory to recount (exclusive lock held). */
static void note_change(cit_store_file_t *st)
{
    uint8_t b[8];

    st->change++;
    cit_store_le64(b, st->change);
    if (pwrite(st->lock_fd, b, sizeof(b), 0) != (ssize_t)sizeof(b)) {
        st->change = 0; /* unknown: recount at the next operation */
    }
}

/* open_lock_file opens (creating) the lock file of the directory dir_fd: fd or -1. */
static int open_lock_file(int dir_fd)
{
    return openat(dir_fd, CIT_STORE_FILE_LOCK_NAME, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
                  0600);
}

/*
 * A child process after fork() shares its parent's open file descriptions,
 * and so its flock locks: it opens its own.
 */
static psa_status_t reopen_after_fork(cit_store_file_t *st)
{
    int dir_fd = openat(st->dir_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int lock_fd;

    if (dir_fd < 0) {
        return PSA_ERROR_STORAGE_FAILURE;
    }
    lock_fd = open_lock_file(dir_fd);
    if (lock_fd < 0) {
        (void)close(dir_fd);
        return PSA_ERROR_STORAGE_FAILURE;
    }
    (void)close(st->lock_fd);
    (void)close(st->dir_fd);
    st->dir_fd = dir_fd;
    st->lock_fd = lock_fd;
    st->fork_gen = cit_platform_fork_generation();
    return PSA_SUCCESS;
}

/* op_begin takes the directory lock (shared or exclusive) for one operation. */
static psa_status_t op_begin(cit_store_file_t *st, int exclusive)
{
    if (st == NULL || st->dir_fd < 0 || st->lock_fd < 0) {
        return PSA_ERROR_STORAGE_FAILURE;
    }
    if (st->fork_gen != cit_platform_fork_generation() && reopen_after_fork(st) != PSA_SUCCESS) {
        return PSA_ERROR_STORAGE_FAILURE;
    }
    while (flock(st->lock_fd, exclusive ? LOCK_EX : LOCK_SH) != 0) {
        if (errno != EINTR) {
            return PSA_ERROR_STORAGE_FAILURE;
        }
    }
    return PSA_SUCCESS;
}

static void op_end(const cit_store_file_t *st)
{
    (void)flock(st->lock_fd, LOCK_UN);
}

/* refresh_used recounts st->used if another user changed the directory (lock held). */
static psa_status_t refresh_used(cit_store_file_t *st)
{
    uint64_t change = read_change(st);
    psa_status_t status = PSA_SUCCESS;

    if (change != st->change) {
        status = scan(st, 0);
        if (status == PSA_SUCCESS) {
            st->change = change;
        }
    }
    return status;
}

/* ---- Backend operations ---- */

static psa_status_t file_info(void *ctx, const cit_store_key_t *key, uint32_t *flags,
                              size_t *size)
{
    cit_store_file_t *st = (cit_store_file_t *)ctx;
    uint8_t h[HDR];
    off_t file_size;
    psa_status_t status;
    int fd;

    if (key == NULL || flags == NULL || size == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    status = op_begin(st, 0);
    if (status != PSA_SUCCESS) {
        return status;
    }
    status = open_object(st, key, &fd, h, &file_size);
    if (status == PSA_SUCCESS) {
        (void)close(fd);
        *flags = cit_load_le32(h + 24);
        *size = cit_load_le32(h + 28);
    }
    op_end(st);
    return status;
}

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

/* read_verified streams the payload and the check of an open object (see file_read). */
static psa_status_t read_verified(int fd, const uint8_t h[HDR], size_t offset, uint8_t *out,
                                  size_t len)
{
    uint8_t buf[CHUNK];
    uint8_t digest[DIG];
    cit_sha256_ctx_t sha;
    size_t size = cit_load_le32(h + 28);
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

static psa_status_t file_read(void *ctx, const cit_store_key_t *key, size_t offset, uint8_t *out,
                              size_t len)
{
    cit_store_file_t *st = (cit_store_file_t *)ctx;
    uint8_t h[HDR];
    off_t file_size;
    size_t size;
    psa_status_t status;
    int fd;

    if (key == NULL || (out == NULL && len != 0)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    status = op_begin(st, 0);
    if (status != PSA_SUCCESS) {
        return status;
    }
    status = open_object(st, key, &fd, h, &file_size);
    if (status != PSA_SUCCESS) {
        op_end(st);
        return status;
    }
    size = cit_load_le32(h + 28);
    if (offset > size || len > size - offset) {
        status = PSA_ERROR_INVALID_ARGUMENT;
    } else if (file_size < 0 || (uint64_t)file_size != (uint64_t)OVERHEAD + size) {
        status = PSA_ERROR_DATA_CORRUPT; /* truncated or extended */
    } else {
        status = read_verified(fd, h, offset, out, len);
    }
    (void)close(fd);
    op_end(st);
    if (status != PSA_SUCCESS && status != PSA_ERROR_INVALID_ARGUMENT && len != 0) {
        cit_zeroize(out, len);
    }
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

/*
 * replace writes the object through its temporary file and renames it into
 * place (exclusive lock held); old is the charge of the file it replaces.
 */
static psa_status_t replace(cit_store_file_t *st, const cit_store_key_t *key, uint32_t flags,
                            const uint8_t *data, size_t len, size_t old)
{
    char name[NAME_LEN + 1];
    char temp[NAME_LEN + 1];
    int fd;
    int err;

    object_name(name, key, 0);
    object_name(temp, key, 1);
    fd = openat(st->dir_fd, temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        return errno_status(errno);
    }
    err = write_temp(fd, key, flags, data, len);
    if (close(fd) != 0 && err == 0) {
        err = errno;
    }
    if (err == 0 && renameat(st->dir_fd, temp, st->dir_fd, name) != 0) {
        err = errno;
    }
    if (err != 0) {
        (void)unlinkat(st->dir_fd, temp, 0);
        return errno_status(err);
    }
    st->used = add_sat(st->used >= old ? st->used - old : 0, len + CIT_STORE_OBJECT_CHARGE);
    note_change(st);
    /* The rename is durable once the directory is. */
    return fsync(st->dir_fd) == 0 ? PSA_SUCCESS : PSA_ERROR_STORAGE_FAILURE;
}

/*
 * file_write checks write-once and the capacity again under the directory
 * lock, so that they hold across processes sharing the directory too.
 */
static psa_status_t file_write(void *ctx, const cit_store_key_t *key, uint32_t flags,
                               const uint8_t *data, size_t len)
{
    cit_store_file_t *st = (cit_store_file_t *)ctx;
    char name[NAME_LEN + 1];
    size_t old = 0;
    uint32_t old_flags = 0;
    psa_status_t status;

    if (key == NULL || (data == NULL && len != 0)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    if (len > CIT_STORE_CAPACITY - CIT_STORE_OBJECT_CHARGE) {
        return PSA_ERROR_INSUFFICIENT_STORAGE;
    }
    status = op_begin(st, 1);
    if (status != PSA_SUCCESS) {
        return status;
    }
    status = refresh_used(st);
    if (status == PSA_SUCCESS) {
        object_name(name, key, 0);
        if (existing_file(st, name, key, &old, &old_flags) == PSA_ERROR_DOES_NOT_EXIST) {
            old = 0;
        }
        if ((old_flags & PSA_STORAGE_FLAG_WRITE_ONCE) != 0) {
            status = PSA_ERROR_NOT_PERMITTED;
        } else if ((st->used >= old ? st->used - old : 0) >
                   CIT_STORE_CAPACITY - CIT_STORE_OBJECT_CHARGE - len) {
            status = PSA_ERROR_INSUFFICIENT_STORAGE;
        } else {
            status = replace(st, key, flags, data, len, old);
        }
    }
    op_end(st);
    return status;
}

static psa_status_t file_remove(void *ctx, const cit_store_key_t *key)
{
    cit_store_file_t *st = (cit_store_file_t *)ctx;
    char name[NAME_LEN + 1];
    size_t old;
    uint32_t flags;
    psa_status_t status;

    if (key == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    status = op_begin(st, 1);
    if (status != PSA_SUCCESS) {
        return status;
    }
    status = refresh_used(st);
    object_name(name, key, 0);
    if (status == PSA_SUCCESS) {
        status = existing_file(st, name, key, &old, &flags);
    }
    if (status == PSA_SUCCESS && (flags & PSA_STORAGE_FLAG_WRITE_ONCE) != 0) {
        status = PSA_ERROR_NOT_PERMITTED;
    }
    if (status == PSA_SUCCESS && unlinkat(st->dir_fd, name, 0) != 0) {
        status = errno == ENOENT ? PSA_ERROR_DOES_NOT_EXIST : PSA_ERROR_STORAGE_FAILURE;
    }
    if (status == PSA_SUCCESS) {
        st->used = st->used >= old ? st->used - old : 0;
        note_change(st);
        if (fsync(st->dir_fd) != 0) {
            status = PSA_ERROR_STORAGE_FAILURE;
        }
    }
    op_end(st);
    return status;
}

static psa_status_t file_used(void *ctx, size_t *bytes)
{
    cit_store_file_t *st = (cit_store_file_t *)ctx;
    psa_status_t status;

    if (bytes == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    status = op_begin(st, 0);
    if (status != PSA_SUCCESS) {
        return status;
    }
    status = refresh_used(st);
    *bytes = st->used;
    op_end(st);
    return status;
}

static const cit_store_backend_ops_t file_ops = {
    file_info, file_read, file_write, file_remove, file_used,
};

/* ---- Open and close ---- */

/* see store_file.h */
psa_status_t cit_store_file_open(cit_store_backend_t *out, cit_store_file_t *state,
                                 const char *dir)
{
    psa_status_t status;

    if (out == NULL || state == NULL || dir == NULL || dir[0] == '\0') {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    /* The fork handlers keep fork_gen meaningful. */
    cit_platform_lock_init();
    state->dir_fd = -1;
    state->lock_fd = -1;
    state->fork_gen = cit_platform_fork_generation();
    state->change = 0;
    state->used = 0;
    state->recovered = 0;
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
        return PSA_ERROR_STORAGE_FAILURE;
    }
    state->dir_fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (state->dir_fd < 0) {
        return PSA_ERROR_STORAGE_FAILURE;
    }
    state->lock_fd = open_lock_file(state->dir_fd);
    status = op_begin(state, 1);
    if (status != PSA_SUCCESS) {
        cit_store_file_close(state);
        return status;
    }
    /* Exclusive: no write is in progress anywhere, so every temporary file is a leftover. */
    status = scan(state, 1);
    state->change = read_change(state);
    op_end(state);
    if (status != PSA_SUCCESS) {
        cit_store_file_close(state);
        return status;
    }
    out->ops = &file_ops;
    out->ctx = state;
    return PSA_SUCCESS;
}

/* see store_file.h */
void cit_store_file_close(cit_store_file_t *state)
{
    if (state == NULL) {
        return;
    }
    if (state->lock_fd >= 0) {
        (void)close(state->lock_fd);
        state->lock_fd = -1;
    }
    if (state->dir_fd >= 0) {
        (void)close(state->dir_fd);
        state->dir_fd = -1;
    }
}

/* ---- The platform default ---- */

static cit_store_file_t default_state = { -1, -1, 0, 0, 0, 0 };
static cit_store_backend_t default_backend;

/* see platform.h */
const cit_store_backend_t *cit_platform_store_default(void)
{
    if (default_state.dir_fd < 0) {
        const char *dir = getenv("CITADEL_STORAGE_DIR");

        if (dir == NULL || dir[0] == '\0') {
            dir = CIT_LINUX_STORAGE_DIR_DEFAULT;
        }
        if (cit_store_file_open(&default_backend, &default_state, dir) != PSA_SUCCESS) {
            return NULL;
        }
    }
    return &default_backend;
}
