/*
 * store_file.c - the host file backend of the object store (POSIX + flock).
 *
 * One directory, one file per object; the file format, atomic replacement
 * and streaming verification are in store_file_io.c (store_file_int.h).
 * This file holds the backend operations, recovery and accounting when the
 * store is opened, and the directory lock.
 *
 * Several processes may share the directory: every operation holds an
 * flock on citadel.lock (shared to look, exclusive to change), a change
 * writes a counter into that file, and a process that finds the counter
 * moved recounts the space used. Write-once and the capacity are checked
 * again under the exclusive lock, so they hold across processes too.
 */
#define _DEFAULT_SOURCE 1
#include "store_file_int.h"
#include "storage_dir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "platform/platform.h"
#include "util.h"

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
        kind = cit_sf_name_kind(e->d_name);
        if (kind == CIT_SF_NAME_TEMP && recover) {
            if (unlinkat(st->dir_fd, e->d_name, 0) != 0 && errno != ENOENT) {
                err = errno;
                break;
            }
            st->recovered++;
            removed = 1;
        } else if (kind == CIT_SF_NAME_OBJECT) {
            size_t charge;
            uint32_t flags;

            if (cit_sf_existing_file(st->dir_fd, e->d_name, NULL, &charge, &flags) == PSA_SUCCESS) {
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
    uint8_t h[CIT_STORE_FILE_HEADER_SIZE];
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
    status = cit_sf_open_object(st->dir_fd, key, &fd, h, &file_size);
    if (status == PSA_SUCCESS) {
        (void)close(fd);
        *flags = cit_load_le32(h + CIT_SF_HDR_FLAGS);
        *size = cit_load_le32(h + CIT_SF_HDR_SIZE);
    }
    op_end(st);
    return status;
}

static psa_status_t file_read(void *ctx, const cit_store_key_t *key, size_t offset, uint8_t *out,
                              size_t len)
{
    cit_store_file_t *st = (cit_store_file_t *)ctx;
    uint8_t h[CIT_STORE_FILE_HEADER_SIZE];
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
    status = cit_sf_open_object(st->dir_fd, key, &fd, h, &file_size);
    if (status != PSA_SUCCESS) {
        op_end(st);
        return status;
    }
    size = cit_load_le32(h + CIT_SF_HDR_SIZE);
    if (offset > size || len > size - offset) {
        status = PSA_ERROR_INVALID_ARGUMENT;
    } else if (file_size < 0 ||
               (uint64_t)file_size != (uint64_t)CIT_STORE_FILE_OVERHEAD + size) {
        status = PSA_ERROR_DATA_CORRUPT; /* truncated or extended */
    } else {
        status = cit_sf_read_verified(fd, h, offset, out, len);
    }
    (void)close(fd);
    op_end(st);
    if (status != PSA_SUCCESS && status != PSA_ERROR_INVALID_ARGUMENT && len != 0) {
        cit_zeroize(out, len);
    }
    return status;
}

/*
 * replace writes the object through its temporary file and renames it into
 * place (exclusive lock held); old is the charge of the file it replaces.
 */
static psa_status_t replace(cit_store_file_t *st, const cit_store_key_t *key, uint32_t flags,
                            const uint8_t *data, size_t len, size_t old)
{
    psa_status_t status = cit_sf_write_atomic(st->dir_fd, key, flags, data, len);

    if (status != PSA_SUCCESS) {
        return status;
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
    char name[CIT_STORE_FILE_NAME_LEN + 1];
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
        cit_sf_object_name(name, key, 0);
        if (cit_sf_existing_file(st->dir_fd, name, key, &old, &old_flags) ==
            PSA_ERROR_DOES_NOT_EXIST) {
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
    char name[CIT_STORE_FILE_NAME_LEN + 1];
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
    cit_sf_object_name(name, key, 0);
    if (status == PSA_SUCCESS) {
        status = cit_sf_existing_file(st->dir_fd, name, key, &old, &flags);
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
