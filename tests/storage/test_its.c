/*
 * test_its.c - the Internal Trusted Storage API (Secure Storage API 1.0,
 * 5.3) on the host file backend, in a fresh temporary directory: every
 * documented error, flags and write-once, offsets, zero-length objects,
 * size limits and the capacity, per-caller namespaces and object spaces,
 * persistence across re-open, several users of one directory, a forked
 * child, damaged files (DATA_CORRUPT, never a crash or wrong data), recovery
 * of leftover temporary files, threads, and a random operation sequence
 * against a model.
 */
#define _DEFAULT_SOURCE 1
#include "test.h"

#include <psa/internal_trusted_storage.h>

#include "crypto/core.h"
#include "platform/linux/store_file.h"
#include "storage/storage.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX CIT_STORE_MAX_OBJECT_SIZE
#define CHARGE CIT_STORE_OBJECT_CHARGE
#define NUM_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

static char dir[512];
static cit_store_file_t state;
static cit_store_backend_t backend;
static uint8_t big[MAX + 1];
static uint8_t out[MAX + 64];

/* ---- Helpers ---- */

static void open_store(void)
{
    CHECK_STATUS(cit_store_file_open(&backend, &state, dir), PSA_SUCCESS);
    cit_store_set_backend(&backend);
}

static void reopen_store(void)
{
    cit_store_file_close(&state);
    open_store();
}

static size_t used_now(void)
{
    size_t used = 0;

    CHECK_STATUS(backend.ops->used(backend.ctx, &used), PSA_SUCCESS);
    return used;
}

/* fill writes a pattern that depends on seed and position. */
static void fill(uint8_t *p, size_t len, uint32_t seed)
{
    size_t i;

    for (i = 0; i < len; i++) {
        p[i] = (uint8_t)((i * 131u) ^ (seed * 0x9e3779b9u) ^ (seed >> 7) ^ (i >> 8));
    }
}

/* holds: the object uid of the current owner is exactly the pattern (len, seed). */
static int holds(psa_storage_uid_t uid, size_t len, uint32_t seed)
{
    static uint8_t want[MAX];
    struct psa_storage_info_t info;
    size_t got = 0;

    if (psa_its_get_info(uid, &info) != PSA_SUCCESS || info.size != len ||
        info.capacity != len) {
        return 0;
    }
    fill(want, len, seed);
    if (psa_its_get(uid, 0, sizeof(out), out, &got) != PSA_SUCCESS || got != len) {
        return 0;
    }
    return memcmp(out, want, len) == 0;
}

static psa_status_t set_pattern(psa_storage_uid_t uid, size_t len, uint32_t seed,
                                psa_storage_create_flags_t flags)
{
    fill(big, len, seed);
    return psa_its_set(uid, len, big, flags);
}

static void object_path(char *path, size_t size, uint32_t space, int32_t owner, uint64_t uid,
                        const char *suffix)
{
    snprintf(path, size, "%s/%08x-%08x-%016llx.%s", dir, (unsigned)space, (unsigned)owner,
             (unsigned long long)uid, suffix);
}

static void its_path(char *path, size_t size, uint64_t uid)
{
    object_path(path, size, CIT_SPACE_ITS, cit_storage_caller(), uid, "obj");
}

static long file_size(const char *path)
{
    struct stat sb;

    return stat(path, &sb) == 0 ? (long)sb.st_size : -1;
}

static void flip_byte(const char *path, long offset)
{
    int fd = open(path, O_RDWR);
    uint8_t b = 0;

    CHECK(fd >= 0);
    CHECK(pread(fd, &b, 1, offset) == 1);
    b ^= 0x20;
    CHECK(pwrite(fd, &b, 1, offset) == 1);
    close(fd);
}

static void write_file(const char *path, const void *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

    CHECK(fd >= 0);
    CHECK(len == 0 || write(fd, data, len) == (ssize_t)len);
    close(fd);
}

static void remove_tree(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;

    while (d != NULL && (e = readdir(d)) != NULL) {
        char sub[1024];
        struct stat sb;

        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
        if (lstat(sub, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            remove_tree(sub);
        } else {
            unlink(sub);
        }
    }
    if (d != NULL) {
        closedir(d);
    }
    rmdir(path);
}

/* count_files: entries of the store directory whose name ends with suffix. */
static int count_files(const char *suffix)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;

    while (d != NULL && (e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);

        if (l >= strlen(suffix) && strcmp(e->d_name + l - strlen(suffix), suffix) == 0) {
            n++;
        }
    }
    if (d != NULL) {
        closedir(d);
    }
    return n;
}

/* ---- API version, uid 0, pointers ---- */

static void test_version_and_arguments(void)
{
    struct psa_storage_info_t info;
    uint8_t buf[16] = { 1, 2, 3 };
    size_t len = 99;

    CHECK(PSA_ITS_API_VERSION_MAJOR == 1 && PSA_ITS_API_VERSION_MINOR == 0);
    /* uid 0 is reserved for every function. */
    CHECK_STATUS(psa_its_set(0, sizeof(buf), buf, 0), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_its_set(0, 0, NULL, 0), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_its_get(0, 0, sizeof(buf), buf, &len), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_its_get_info(0, &info), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_its_remove(0), PSA_ERROR_INVALID_ARGUMENT);
    /* A missing object. */
    CHECK_STATUS(psa_its_get(1, 0, sizeof(buf), buf, &len), PSA_ERROR_DOES_NOT_EXIST);
    CHECK_STATUS(psa_its_get_info(1, &info), PSA_ERROR_DOES_NOT_EXIST);
    CHECK_STATUS(psa_its_remove(1), PSA_ERROR_DOES_NOT_EXIST);
    /* Pointers: NULL only with a zero length; a range must not wrap. */
    CHECK_STATUS(psa_its_set(1, 5, NULL, 0), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_its_set(1, (size_t)-1, buf, 0), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_its_get_info(1, &info), PSA_ERROR_DOES_NOT_EXIST);
    CHECK_STATUS(psa_its_set(1, sizeof(buf), buf, 0), PSA_SUCCESS);
    CHECK_STATUS(psa_its_get(1, 0, 4, buf, NULL), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_its_get(1, 0, 4, NULL, &len), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_its_get(1, 0, (size_t)-1, buf, &len), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_its_get_info(1, NULL), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_its_get(1, 0, 0, NULL, &len), PSA_SUCCESS);
    CHECK(len == 0);
    /* None of that touched the object. */
    CHECK_STATUS(psa_its_get(1, 0, sizeof(out), out, &len), PSA_SUCCESS);
    CHECK(len == sizeof(buf) && memcmp(out, buf, sizeof(buf)) == 0);
    CHECK_STATUS(psa_its_remove(1), PSA_SUCCESS);
}

/* ---- Flags ---- */

static void test_flags(void)
{
    struct psa_storage_info_t info;
    size_t len;

    CHECK_STATUS(set_pattern(2, 10, 2, 1u << 3), PSA_ERROR_NOT_SUPPORTED);
    CHECK_STATUS(set_pattern(2, 10, 2, 0x80000000u), PSA_ERROR_NOT_SUPPORTED);
    CHECK_STATUS(psa_its_get_info(2, &info), PSA_ERROR_DOES_NOT_EXIST);
    /* The lower-protection requests are accepted; ITS applies full protection and says so. */
    CHECK_STATUS(set_pattern(2, 10, 2,
                             PSA_STORAGE_FLAG_NO_CONFIDENTIALITY |
                                 PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION),
                 PSA_SUCCESS);
    CHECK_STATUS(psa_its_get_info(2, &info), PSA_SUCCESS);
    CHECK(info.flags == PSA_STORAGE_FLAG_NONE);
    CHECK(holds(2, 10, 2));
    /* An unsupported flag on an existing object leaves it alone. */
    CHECK_STATUS(set_pattern(2, 20, 3, 1u << 4), PSA_ERROR_NOT_SUPPORTED);
    CHECK(holds(2, 10, 2));
    CHECK_STATUS(psa_its_remove(2), PSA_SUCCESS);

    /* Write-once: neither replaced nor removed, whatever the new flags. */
    CHECK_STATUS(set_pattern(3, 33, 3, PSA_STORAGE_FLAG_WRITE_ONCE), PSA_SUCCESS);
    CHECK_STATUS(psa_its_get_info(3, &info), PSA_SUCCESS);
    CHECK(info.flags == PSA_STORAGE_FLAG_WRITE_ONCE && info.size == 33 && info.capacity == 33);
    CHECK_STATUS(set_pattern(3, 5, 4, 0), PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(set_pattern(3, 5, 4, PSA_STORAGE_FLAG_WRITE_ONCE), PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(set_pattern(3, MAX + 1, 4, 0), PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(set_pattern(3, 5, 4, 1u << 5), PSA_ERROR_NOT_SUPPORTED);
    CHECK_STATUS(psa_its_remove(3), PSA_ERROR_NOT_PERMITTED);
    CHECK(holds(3, 33, 3));
    /* Also an empty one, and also after re-opening the store. */
    CHECK_STATUS(psa_its_set(4, 0, NULL, PSA_STORAGE_FLAG_WRITE_ONCE), PSA_SUCCESS);
    reopen_store();
    CHECK_STATUS(psa_its_set(4, 1, "x", 0), PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_its_remove(4), PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_its_remove(3), PSA_ERROR_NOT_PERMITTED);
    CHECK(holds(3, 33, 3));
    CHECK_STATUS(psa_its_get(4, 0, 10, out, &len), PSA_SUCCESS);
    CHECK(len == 0);
}

/* ---- Reads: offsets, sizes, untouched bytes ---- */

static void test_offsets(void)
{
    uint8_t want[100];
    uint8_t buf[128];
    struct psa_storage_info_t info;
    size_t len;

    fill(want, sizeof(want), 10);
    CHECK_STATUS(set_pattern(10, 100, 10, 0), PSA_SUCCESS);
    CHECK_STATUS(psa_its_get_info(10, &info), PSA_SUCCESS);
    CHECK(info.size == 100 && info.capacity == 100 && info.flags == 0);
    /* A range in the middle; the bytes beyond *p_data_length stay as they were. */
    memset(buf, 0xa5, sizeof(buf));
    CHECK_STATUS(psa_its_get(10, 10, 20, buf, &len), PSA_SUCCESS);
    CHECK(len == 20 && memcmp(buf, want + 10, 20) == 0 && buf[20] == 0xa5);
    /* Asking for more than there is returns the rest. */
    memset(buf, 0xa5, sizeof(buf));
    CHECK_STATUS(psa_its_get(10, 90, 50, buf, &len), PSA_SUCCESS);
    CHECK(len == 10 && memcmp(buf, want + 90, 10) == 0 && buf[10] == 0xa5);
    /* At the end: nothing, successfully; beyond it: INVALID_ARGUMENT. */
    memset(buf, 0xa5, sizeof(buf));
    len = 77;
    CHECK_STATUS(psa_its_get(10, 100, 50, buf, &len), PSA_SUCCESS);
    CHECK(len == 0 && buf[0] == 0xa5);
    CHECK_STATUS(psa_its_get(10, 101, 50, buf, &len), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_its_get(10, (size_t)-1, 1, buf, &len), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_its_get(10, 50, 0, buf, &len), PSA_SUCCESS);
    CHECK(len == 0 && buf[0] == 0xa5);
    /* Replaced by a shorter value: the old size no longer counts. */
    CHECK_STATUS(set_pattern(10, 7, 11, 0), PSA_SUCCESS);
    CHECK(holds(10, 7, 11));
    CHECK_STATUS(psa_its_get(10, 8, 1, buf, &len), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_its_remove(10), PSA_SUCCESS);
    CHECK_STATUS(psa_its_get(10, 0, 1, buf, &len), PSA_ERROR_DOES_NOT_EXIST);
    CHECK_STATUS(psa_its_get_info(10, &info), PSA_ERROR_DOES_NOT_EXIST);
    CHECK_STATUS(psa_its_remove(10), PSA_ERROR_DOES_NOT_EXIST);
    /* Created again after removal; the largest uid works like any other. */
    CHECK_STATUS(set_pattern(10, 3, 12, 0), PSA_SUCCESS);
    CHECK(holds(10, 3, 12));
    CHECK_STATUS(psa_its_remove(10), PSA_SUCCESS);
    CHECK_STATUS(set_pattern(UINT64_MAX, 64, 13, 0), PSA_SUCCESS);
    CHECK(holds(UINT64_MAX, 64, 13));
    CHECK_STATUS(psa_its_remove(UINT64_MAX), PSA_SUCCESS);
}

static void test_zero_length(void)
{
    struct psa_storage_info_t info;
    uint8_t buf[8];
    size_t len = 5;

    CHECK_STATUS(psa_its_set(20, 0, NULL, 0), PSA_SUCCESS);
    CHECK_STATUS(psa_its_get_info(20, &info), PSA_SUCCESS);
    CHECK(info.size == 0 && info.capacity == 0 && info.flags == 0);
    memset(buf, 0x5a, sizeof(buf));
    CHECK_STATUS(psa_its_get(20, 0, sizeof(buf), buf, &len), PSA_SUCCESS);
    CHECK(len == 0 && buf[0] == 0x5a);
    CHECK_STATUS(psa_its_get(20, 1, sizeof(buf), buf, &len), PSA_ERROR_INVALID_ARGUMENT);
    /* A non-NULL pointer with length 0 is the same. */
    CHECK_STATUS(psa_its_set(20, 0, buf, 0), PSA_SUCCESS);
    CHECK_STATUS(set_pattern(20, 8, 20, 0), PSA_SUCCESS);
    CHECK(holds(20, 8, 20));
    CHECK_STATUS(psa_its_set(20, 0, NULL, 0), PSA_SUCCESS);
    CHECK(holds(20, 0, 0));
    CHECK_STATUS(psa_its_remove(20), PSA_SUCCESS);
}

/* ---- Sizes and capacity ---- */

static void test_sizes(void)
{
    struct psa_storage_info_t info;

    CHECK_STATUS(set_pattern(30, MAX, 30, 0), PSA_SUCCESS);
    CHECK(holds(30, MAX, 30));
    CHECK_STATUS(set_pattern(31, MAX + 1, 31, 0), PSA_ERROR_INSUFFICIENT_STORAGE);
    CHECK_STATUS(psa_its_get_info(31, &info), PSA_ERROR_DOES_NOT_EXIST);
    CHECK_STATUS(set_pattern(30, MAX + 1, 32, 0), PSA_ERROR_INSUFFICIENT_STORAGE);
    CHECK(holds(30, MAX, 30));
    CHECK_STATUS(psa_its_remove(30), PSA_SUCCESS);
}

static void test_capacity(void)
{
    size_t base = used_now();
    size_t k = 0;
    size_t i;
    size_t room;
    psa_status_t s;

    /* Fill with the largest objects until the store refuses. */
    for (;;) {
        s = set_pattern(100 + k, MAX, (uint32_t)(100 + k), 0);
        if (s != PSA_SUCCESS) {
            break;
        }
        k++;
    }
    CHECK_STATUS(s, PSA_ERROR_INSUFFICIENT_STORAGE);
    CHECK(base + k * (MAX + CHARGE) <= CIT_STORE_CAPACITY);
    CHECK(base + (k + 1) * (MAX + CHARGE) > CIT_STORE_CAPACITY);
    CHECK(used_now() == base + k * (MAX + CHARGE));
    printf("capacity: %lu objects of %u bytes fit in %u\n", (unsigned long)k, (unsigned)MAX,
           (unsigned)CIT_STORE_CAPACITY);
    /* Fill the rest exactly; then even an empty object is refused. */
    room = CIT_STORE_CAPACITY - used_now();
    CHECK(room >= CHARGE);
    if (room >= CHARGE) {
        CHECK_STATUS(set_pattern(99, room - CHARGE + 1, 99, 0), PSA_ERROR_INSUFFICIENT_STORAGE);
        CHECK_STATUS(set_pattern(99, room - CHARGE, 99, 0), PSA_SUCCESS);
    }
    CHECK(used_now() == CIT_STORE_CAPACITY);
    CHECK_STATUS(psa_its_set(98, 0, NULL, 0), PSA_ERROR_INSUFFICIENT_STORAGE);
    /* Replacing an object is charged its new size minus its old one. */
    CHECK_STATUS(set_pattern(100, MAX, 1000, 0), PSA_SUCCESS);
    CHECK_STATUS(set_pattern(99, room - CHARGE + 1, 98, 0), PSA_ERROR_INSUFFICIENT_STORAGE);
    CHECK_STATUS(set_pattern(99, 1, 97, 0), PSA_SUCCESS);
    CHECK_STATUS(set_pattern(99, room - CHARGE, 99, 0), PSA_SUCCESS);
    /* Full survives a re-open, with the same accounting. */
    reopen_store();
    CHECK(used_now() == CIT_STORE_CAPACITY);
    CHECK_STATUS(psa_its_set(98, 1, "z", 0), PSA_ERROR_INSUFFICIENT_STORAGE);
    /* Nothing was lost on the way. */
    CHECK(holds(100, MAX, 1000));
    for (i = 1; i < k; i++) {
        CHECK(holds(100 + i, MAX, (uint32_t)(100 + i)));
    }
    CHECK(holds(99, room - CHARGE, 99));
    CHECK(holds(3, 33, 3));
    /* Removing frees the space. */
    CHECK_STATUS(psa_its_remove(101), PSA_SUCCESS);
    CHECK_STATUS(set_pattern(98, MAX, 98, 0), PSA_SUCCESS);
    CHECK_STATUS(psa_its_set(97, 0, NULL, 0), PSA_ERROR_INSUFFICIENT_STORAGE);
    CHECK_STATUS(psa_its_remove(98), PSA_SUCCESS);
    CHECK_STATUS(psa_its_remove(99), PSA_SUCCESS);
    for (i = 0; i < k; i++) {
        if (i != 1) {
            CHECK_STATUS(psa_its_remove(100 + i), PSA_SUCCESS);
        }
    }
    CHECK(used_now() == base);
}

/* ---- Namespaces and spaces ---- */

static void test_namespaces(void)
{
    static const int32_t others[] = { 7, -1, INT32_MIN, INT32_MAX };
    cit_store_key_t k = { CIT_SPACE_KEYS, CIT_OWNER_LOCAL, 60 };
    struct psa_storage_info_t info;
    uint8_t rec[4];
    size_t i;

    CHECK_STATUS(set_pattern(50, 40, 50, 0), PSA_SUCCESS);
    for (i = 0; i < NUM_ELEMS(others); i++) {
        cit_core_set_owner(others[i]);
        CHECK(cit_storage_caller() == others[i]);
        CHECK_STATUS(psa_its_get_info(50, &info), PSA_ERROR_DOES_NOT_EXIST);
        CHECK_STATUS(psa_its_remove(50), PSA_ERROR_DOES_NOT_EXIST);
        /* The same uid is a different object, even where the first is write-once. */
        CHECK_STATUS(set_pattern(50, 12, 51 + (uint32_t)i, 0), PSA_SUCCESS);
        CHECK(holds(50, 12, 51 + (uint32_t)i));
        CHECK_STATUS(set_pattern(3, 9, 60, 0), PSA_SUCCESS);
        CHECK_STATUS(psa_its_remove(3), PSA_SUCCESS);
    }
    cit_core_set_owner(CIT_OWNER_LOCAL);
    CHECK(holds(50, 40, 50));
    CHECK(holds(3, 33, 3));
    for (i = 0; i < NUM_ELEMS(others); i++) {
        cit_core_set_owner(others[i]);
        CHECK(holds(50, 12, 51 + (uint32_t)i));
        CHECK_STATUS(psa_its_remove(50), PSA_SUCCESS);
    }
    cit_core_set_owner(CIT_OWNER_LOCAL);
    CHECK(holds(50, 40, 50));
    CHECK_STATUS(psa_its_remove(50), PSA_SUCCESS);
    /* Spaces: a key record with the same owner and uid is not an ITS object. */
    CHECK_STATUS(cit_store_write(&k, 0, (const uint8_t *)"key!", 4), PSA_SUCCESS);
    CHECK_STATUS(psa_its_get_info(60, &info), PSA_ERROR_DOES_NOT_EXIST);
    CHECK_STATUS(set_pattern(60, 5, 60, 0), PSA_SUCCESS);
    CHECK_STATUS(psa_its_remove(60), PSA_SUCCESS);
    CHECK_STATUS(cit_store_read(&k, 0, rec, sizeof(rec)), PSA_SUCCESS);
    CHECK(memcmp(rec, "key!", 4) == 0);
    CHECK_STATUS(cit_store_read(&k, 1, rec, sizeof(rec)), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(cit_store_remove(&k), PSA_SUCCESS);
}

/* ---- Persistence and several users of one directory ---- */

static void test_persistence(void)
{
    cit_store_file_t st2;
    cit_store_backend_t be2;
    cit_store_key_t k = { CIT_SPACE_ITS, CIT_OWNER_LOCAL, 71 };
    size_t used;
    uint32_t flags;
    size_t size;

    CHECK_STATUS(set_pattern(70, 5000, 70, 0), PSA_SUCCESS);
    CHECK_STATUS(set_pattern(71, 0, 71, 0), PSA_SUCCESS);
    used = used_now();
    reopen_store();
    CHECK(used_now() == used);
    CHECK(holds(70, 5000, 70));
    CHECK(holds(71, 0, 71));
    CHECK(holds(3, 33, 3));
    /* A second user of the directory sees the same objects and its changes count here. */
    CHECK_STATUS(cit_store_file_open(&be2, &st2, dir), PSA_SUCCESS);
    CHECK_STATUS(be2.ops->info(be2.ctx, &k, &flags, &size), PSA_SUCCESS);
    CHECK(size == 0 && flags == 0);
    fill(big, 1000, 72);
    CHECK_STATUS(be2.ops->write(be2.ctx, &k, 0, big, 1000), PSA_SUCCESS);
    CHECK(used_now() == used + 1000);
    CHECK(holds(71, 1000, 72));
    /* Write-once holds for the second user too (checked under the directory lock). */
    k.uid = 3;
    CHECK_STATUS(be2.ops->write(be2.ctx, &k, 0, big, 1), PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(be2.ops->remove(be2.ctx, &k), PSA_ERROR_NOT_PERMITTED);
    CHECK(holds(3, 33, 3));
    k.uid = 71;
    CHECK_STATUS(be2.ops->remove(be2.ctx, &k), PSA_SUCCESS);
    CHECK(used_now() == used - CHARGE);
    cit_store_file_close(&st2);
    CHECK_STATUS(be2.ops->info(be2.ctx, &k, &flags, &size), PSA_ERROR_STORAGE_FAILURE);
    CHECK_STATUS(psa_its_remove(70), PSA_SUCCESS);
    CHECK_STATUS(cit_store_file_open(&be2, NULL, dir), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(cit_store_file_open(NULL, &st2, dir), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(cit_store_file_open(&be2, &st2, NULL), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(cit_store_file_open(&be2, &st2, "/proc/citadel-no/such"),
                 PSA_ERROR_STORAGE_FAILURE);
}

/* A child process after fork() keeps using the store it inherited (with its own lock). */
static void test_fork(void)
{
    size_t used = used_now();
    int status = 0;
    pid_t pid = fork();

    if (pid == 0) {
        int inherited = state.lock_fd;
        int ok = set_pattern(73, 2000, 73, 0) == PSA_SUCCESS && holds(73, 2000, 73);

        /* The child opened its own lock file description. */
        _exit(ok && state.lock_fd != inherited ? 0 : 1);
    }
    CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(holds(73, 2000, 73));
    CHECK(used_now() == used + 2000 + CHARGE);
    CHECK_STATUS(psa_its_remove(73), PSA_SUCCESS);
}

/* ---- Damaged files ---- */

static void check_corrupt_read(psa_storage_uid_t uid, size_t size)
{
    size_t len = 1234;
    size_t i;
    int wiped = 1;

    memset(out, 0xaa, size + 16);
    CHECK_STATUS(psa_its_get(uid, 0, size, out, &len), PSA_ERROR_DATA_CORRUPT);
    for (i = 0; i < size; i++) {
        wiped &= out[i] == 0 || out[i] == 0xaa;
    }
    CHECK(wiped);
    CHECK(out[size] == 0xaa);
    if (size > 10) {
        CHECK_STATUS(psa_its_get(uid, size - 10, 10, out, &len), PSA_ERROR_DATA_CORRUPT);
    }
    CHECK_STATUS(psa_its_get(uid, 0, 0, out, &len), PSA_ERROR_DATA_CORRUPT);
}

static void test_corruption(void)
{
    struct psa_storage_info_t info;
    char path[1024];
    char other[1024];
    uint8_t junk[300];
    long size;
    int round;

    its_path(path, sizeof(path), 80);
    CHECK_STATUS(set_pattern(80, 1000, 80, 0), PSA_SUCCESS);
    size = file_size(path);
    CHECK(size == (long)(CIT_STORE_FILE_OVERHEAD + 1000));
    /* A payload byte: reads fail and wipe; the metadata is intact, so it can be replaced. */
    flip_byte(path, CIT_STORE_FILE_HEADER_SIZE + 500);
    check_corrupt_read(80, 1000);
    CHECK_STATUS(psa_its_get_info(80, &info), PSA_SUCCESS);
    CHECK(info.size == 1000);
    CHECK_STATUS(set_pattern(80, 1000, 81, 0), PSA_SUCCESS);
    CHECK(holds(80, 1000, 81));
    /* The object check itself. */
    flip_byte(path, size - 1);
    check_corrupt_read(80, 1000);
    flip_byte(path, size - 1);
    CHECK(holds(80, 1000, 81));
    /* Header bytes: magic, flags, size, owner, header check. Flags unknown: nothing changes. */
    {
        static const long header_bytes[] = { 0, 5, 9, 13, 20, 24, 28, 31, 40, 63 };
        size_t i;

        for (i = 0; i < NUM_ELEMS(header_bytes); i++) {
            flip_byte(path, header_bytes[i]);
            CHECK_STATUS(psa_its_get_info(80, &info), PSA_ERROR_DATA_CORRUPT);
            check_corrupt_read(80, 1000);
            CHECK_STATUS(set_pattern(80, 10, 82, 0), PSA_ERROR_DATA_CORRUPT);
            CHECK_STATUS(psa_its_remove(80), PSA_ERROR_DATA_CORRUPT);
            flip_byte(path, header_bytes[i]);
            CHECK(holds(80, 1000, 81));
        }
    }
    /* Truncated, extended. */
    CHECK(truncate(path, CIT_STORE_FILE_HEADER_SIZE + 500) == 0);
    check_corrupt_read(80, 1000);
    CHECK_STATUS(psa_its_get_info(80, &info), PSA_SUCCESS);
    CHECK(truncate(path, 10) == 0);
    CHECK_STATUS(psa_its_get_info(80, &info), PSA_ERROR_DATA_CORRUPT);
    check_corrupt_read(80, 1000);
    CHECK(truncate(path, 0) == 0);
    CHECK_STATUS(psa_its_get_info(80, &info), PSA_ERROR_DATA_CORRUPT);
    check_corrupt_read(80, 1000);
    CHECK(unlink(path) == 0);
    reopen_store();
    CHECK_STATUS(set_pattern(80, 1000, 83, 0), PSA_SUCCESS);
    CHECK(truncate(path, size + 1) == 0);
    check_corrupt_read(80, 1000);
    CHECK_STATUS(set_pattern(80, 1000, 84, 0), PSA_SUCCESS);
    CHECK(holds(80, 1000, 84));
    /* Another object's (valid) file under this name. */
    CHECK_STATUS(set_pattern(81, 1000, 85, 0), PSA_SUCCESS);
    its_path(other, sizeof(other), 81);
    CHECK(rename(other, path) == 0);
    CHECK_STATUS(psa_its_get_info(80, &info), PSA_ERROR_DATA_CORRUPT);
    check_corrupt_read(80, 1000);
    CHECK_STATUS(psa_its_get_info(81, &info), PSA_ERROR_DOES_NOT_EXIST);
    /* Not a regular file: a directory, a symbolic link. */
    CHECK(unlink(path) == 0);
    CHECK(mkdir(path, 0700) == 0);
    CHECK_STATUS(psa_its_get_info(80, &info), PSA_ERROR_DATA_CORRUPT);
    check_corrupt_read(80, 1000);
    CHECK(rmdir(path) == 0);
    CHECK(symlink("/etc/passwd", path) == 0);
    CHECK_STATUS(psa_its_get_info(80, &info), PSA_ERROR_DATA_CORRUPT);
    check_corrupt_read(80, 1000);
    CHECK(unlink(path) == 0);
    CHECK(mkfifo(path, 0600) == 0); /* must not block */
    CHECK_STATUS(psa_its_get_info(80, &info), PSA_ERROR_DATA_CORRUPT);
    check_corrupt_read(80, 1000);
    CHECK_STATUS(set_pattern(80, 10, 87, 0), PSA_ERROR_DATA_CORRUPT);
    reopen_store();
    CHECK(unlink(path) == 0);
    reopen_store();
    /* Random contents, random lengths. */
    cit_test_rand_seed(80);
    for (round = 0; round < 300; round++) {
        size_t n = cit_test_rand() % sizeof(junk);

        cit_test_rand_bytes(junk, n);
        write_file(path, junk, n);
        CHECK_STATUS(psa_its_get_info(80, &info), PSA_ERROR_DATA_CORRUPT);
        check_corrupt_read(80, 1000);
    }
    /* Random damage to a real file: one byte anywhere. */
    for (round = 0; round < 300; round++) {
        psa_status_t s;
        long at;

        unlink(path);
        reopen_store();
        CHECK_STATUS(set_pattern(80, 700, 86, 0), PSA_SUCCESS);
        at = (long)(cit_test_rand() % (uint32_t)(CIT_STORE_FILE_OVERHEAD + 700));
        flip_byte(path, at);
        check_corrupt_read(80, 700);
        s = psa_its_get_info(80, &info);
        CHECK(at < (long)CIT_STORE_FILE_HEADER_SIZE ? s == PSA_ERROR_DATA_CORRUPT
                                                    : s == PSA_SUCCESS);
    }
    /* A damaged store still opens; the other objects are fine. */
    reopen_store();
    CHECK(holds(3, 33, 3));
    unlink(path);
    reopen_store();
}

/* ---- Recovery of interrupted writes ---- */

static void test_recovery(void)
{
    char path[1024];
    char notes[1024];

    CHECK_STATUS(set_pattern(90, 300, 90, 0), PSA_SUCCESS);
    /* An interrupted replacement of 90 and an interrupted creation of 91. */
    object_path(path, sizeof(path), CIT_SPACE_ITS, 0, 90, "tmp");
    write_file(path, "partial", 7);
    object_path(path, sizeof(path), CIT_SPACE_ITS, 0, 91, "tmp");
    write_file(path, "", 0);
    snprintf(notes, sizeof(notes), "%s/notes.tmp", dir);
    write_file(notes, "keep", 4);
    CHECK(count_files(".tmp") == 3);
    reopen_store();
    CHECK(state.recovered == 2);
    CHECK(count_files(".tmp") == 1);
    CHECK(file_size(notes) == 4);
    CHECK(holds(90, 300, 90));
    {
        struct psa_storage_info_t info;

        CHECK_STATUS(psa_its_get_info(91, &info), PSA_ERROR_DOES_NOT_EXIST);
    }
    unlink(notes);
    CHECK_STATUS(psa_its_remove(90), PSA_SUCCESS);
    reopen_store();
    CHECK(state.recovered == 0);
}

/* ---- Threads ---- */

#define THREADS 4
#define THREAD_ROUNDS 200
#define SHARED_UID 500u
#define SHARED_LEN 3000u

typedef struct {
    int id;
    unsigned long failures;
} worker_t;

/* Each worker updates its own object and a shared one; nobody may see a mixed shared value. */
static void *worker_main(void *arg)
{
    worker_t *w = (worker_t *)arg;
    uint8_t mine[256];
    uint8_t buf[SHARED_LEN];
    int r;

    for (r = 0; r < THREAD_ROUNDS; r++) {
        size_t len = 0;
        size_t i;

        memset(mine, (uint8_t)(w->id * 16 + r % 16), sizeof(mine));
        memset(buf, (uint8_t)(w->id * 16 + r % 16), sizeof(buf));
        if (psa_its_set(600 + (psa_storage_uid_t)w->id, sizeof(mine), mine, 0) != PSA_SUCCESS ||
            psa_its_set(SHARED_UID, (size_t)(r % 3) * 1000 + 1, buf, 0) != PSA_SUCCESS) {
            w->failures++;
        }
        memset(buf, 0, sizeof(buf));
        if (psa_its_get(SHARED_UID, 0, sizeof(buf), buf, &len) != PSA_SUCCESS || len == 0) {
            w->failures++;
            continue;
        }
        for (i = 1; i < len; i++) {
            if (buf[i] != buf[0]) {
                w->failures++;
                break;
            }
        }
        if (psa_its_get(600 + (psa_storage_uid_t)w->id, 0, sizeof(mine), buf, &len) !=
                PSA_SUCCESS ||
            len != sizeof(mine) || memcmp(buf, mine, len) != 0) {
            w->failures++;
        }
    }
    return NULL;
}

static void test_threads(void)
{
    pthread_t th[THREADS];
    worker_t w[THREADS];
    int started[THREADS];
    int i;

    for (i = 0; i < THREADS; i++) {
        w[i].id = i;
        w[i].failures = 0;
        started[i] = pthread_create(&th[i], NULL, worker_main, &w[i]) == 0;
        CHECK(started[i]);
    }
    for (i = 0; i < THREADS; i++) {
        if (started[i]) {
            CHECK(pthread_join(th[i], NULL) == 0);
            CHECK(w[i].failures == 0);
        }
        CHECK_STATUS(psa_its_remove(600 + (psa_storage_uid_t)i), PSA_SUCCESS);
    }
    CHECK_STATUS(psa_its_remove(SHARED_UID), PSA_SUCCESS);
}

/* ---- A random sequence against a model ---- */

#define MODEL_UIDS 12
#define MODEL_MAX 3000

typedef struct {
    int exists;
    size_t len;
    uint32_t seed;
} model_t;

static void test_model(void)
{
    static uint8_t want[MODEL_MAX];
    model_t m[MODEL_UIDS];
    size_t base = used_now();
    size_t total = 0;
    int op;

    memset(m, 0, sizeof(m));
    cit_test_rand_seed(4242);
    for (op = 0; op < 3000; op++) {
        unsigned u = cit_test_rand() % MODEL_UIDS;
        psa_storage_uid_t uid = 1000 + u;
        unsigned what = cit_test_rand() % 4;
        size_t len = 0;

        if (what == 0) {
            size_t n = cit_test_rand() % MODEL_MAX;
            uint32_t seed = cit_test_rand();

            CHECK_STATUS(set_pattern(uid, n, seed, 0), PSA_SUCCESS);
            m[u].exists = 1;
            m[u].len = n;
            m[u].seed = seed;
        } else if (what == 1) {
            CHECK_STATUS(psa_its_remove(uid),
                         m[u].exists ? PSA_SUCCESS : PSA_ERROR_DOES_NOT_EXIST);
            m[u].exists = 0;
        } else {
            size_t off = cit_test_rand() % (MODEL_MAX + 10);
            size_t want_len = cit_test_rand() % (MODEL_MAX + 10);
            psa_status_t s = psa_its_get(uid, off, want_len, out, &len);

            if (!m[u].exists) {
                CHECK_STATUS(s, PSA_ERROR_DOES_NOT_EXIST);
            } else if (off > m[u].len) {
                CHECK_STATUS(s, PSA_ERROR_INVALID_ARGUMENT);
            } else {
                size_t n = m[u].len - off < want_len ? m[u].len - off : want_len;

                CHECK_STATUS(s, PSA_SUCCESS);
                CHECK(len == n);
                fill(want, m[u].len, m[u].seed);
                CHECK(memcmp(out, want + off, n) == 0);
            }
        }
    }
    for (op = 0; op < MODEL_UIDS; op++) {
        if (m[op].exists) {
            total += m[op].len + CHARGE;
        }
    }
    CHECK(used_now() == base + total);
    reopen_store();
    CHECK(used_now() == base + total);
    for (op = 0; op < MODEL_UIDS; op++) {
        if (m[op].exists) {
            CHECK(holds(1000 + (psa_storage_uid_t)op, m[op].len, m[op].seed));
            CHECK_STATUS(psa_its_remove(1000 + (psa_storage_uid_t)op), PSA_SUCCESS);
        }
    }
}

/* ---- The platform default ---- */

static void test_default_backend(void)
{
    char path[1024];
    struct stat sb;

    snprintf(path, sizeof(path), "%s/default", dir);
    setenv("CITADEL_STORAGE_DIR", path, 1);
    cit_store_set_backend(NULL);
    CHECK_STATUS(set_pattern(5, 100, 5, 0), PSA_SUCCESS);
    CHECK(holds(5, 100, 5));
    CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0700);
    /* The ITS objects of the other store are not here. */
    {
        struct psa_storage_info_t info;

        CHECK_STATUS(psa_its_get_info(3, &info), PSA_ERROR_DOES_NOT_EXIST);
    }
    CHECK_STATUS(psa_its_remove(5), PSA_SUCCESS);
    cit_store_set_backend(&backend);
    CHECK(holds(3, 33, 3));
}

int main(void)
{
    const char *tmp = getenv("TMPDIR");

    snprintf(dir, sizeof(dir), "%s/citadel-its-XXXXXX", tmp != NULL && tmp[0] ? tmp : "/tmp");
    if (mkdtemp(dir) == NULL) {
        cit_test_skip("cannot create a temporary directory");
    }
    open_store();
    test_version_and_arguments();
    test_flags();
    test_offsets();
    test_zero_length();
    test_sizes();
    test_capacity();
    test_namespaces();
    test_persistence();
    test_fork();
    test_corruption();
    test_recovery();
    test_threads();
    test_model();
    test_default_backend();
    cit_store_file_close(&state);
    remove_tree(dir);
    return cit_test_end("test_its");
}
