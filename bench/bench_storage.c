/*
 * bench_storage.c - psa_its_set / psa_its_get throughput on both storage
 * backends: the file backend (a temporary directory) and the flash backend
 * on a RAM-backed emulated NOR (16 blocks of 64 KiB, 16-byte program unit).
 *
 * For objects of 16 B, 1 KiB and 16 KiB, each case overwrites (set) or reads
 * (get) one of 8 objects in turn for --time seconds. The flash figures are
 * the store's own cost (CRC, copies, collection) on RAM; for a real part add
 * its timings for the device work, reported per operation (program units
 * written, erases) so it can be estimated, e.g. units x program time +
 * erases x block erase time.
 *
 * Output: one line per backend, size and operation:
 *     <backend> TAB <size> TAB <set|get> TAB <ops/s> TAB <MB/s> [TAB units/op TAB erases/op]
 * Options: --time SECONDS (default 0.2), --dir DIR (file backend directory,
 * default a new one under $TMPDIR, removed at the end).
 * Built by CMake as bench_storage (it uses Citadel's internal interfaces).
 */
#define _POSIX_C_SOURCE 200809L

#include <psa/crypto.h>
#include <psa/internal_trusted_storage.h>

#include "platform/linux/nor_emu.h"
#include "platform/linux/store_file.h"
#include "storage/flash_store.h"
#include "storage/storage.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define NUM_UIDS 8u
#define FLASH_BLOCK (64u * 1024u)
#define FLASH_BLOCKS 16u
#define FLASH_UNIT 16u

static uint8_t data[16384];
static uint8_t out[16384];
static uint8_t image[FLASH_BLOCK * FLASH_BLOCKS];

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* run: one case; returns operations per second, or -1 on an error. */
static double run(int set, size_t size, double seconds, unsigned long *count)
{
    double start = now();
    double elapsed = 0;
    unsigned long n = 0;

    while (elapsed < seconds) {
        unsigned i;

        for (i = 0; i < 16; i++) {
            psa_storage_uid_t uid = 1 + (n % NUM_UIDS);
            psa_status_t status;
            size_t got = 0;

            data[0] = (uint8_t)n;
            if (set) {
                status = psa_its_set(uid, size, data, PSA_STORAGE_FLAG_NONE);
            } else {
                status = psa_its_get(uid, 0, size, out, &got);
            }
            if (status != PSA_SUCCESS || (!set && got != size)) {
                fprintf(stderr, "%s of %zu bytes failed: %d\n", set ? "set" : "get", size,
                        (int)status);
                return -1;
            }
            n++;
        }
        elapsed = now() - start;
    }
    *count = n;
    return (double)n / elapsed;
}

/* bench_backend runs every case on the selected backend (emu: device counters, or NULL). */
static int bench_backend(const char *name, const cit_nor_emu_t *emu, double seconds)
{
    static const size_t sizes[] = {16, 1024, 16384};
    size_t s;
    int op;

    for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
        unsigned u;

        /* Create the objects first: the cases measure replacement and reads. */
        for (u = 0; u < NUM_UIDS; u++) {
            if (psa_its_set(1 + u, sizes[s], data, PSA_STORAGE_FLAG_NONE) != PSA_SUCCESS) {
                fprintf(stderr, "%s: cannot create the objects\n", name);
                return -1;
            }
        }
        for (op = 1; op >= 0; op--) {
            uint64_t units = emu != NULL ? emu->num_units : 0;
            uint64_t erases = emu != NULL ? emu->num_erases : 0;
            unsigned long n = 0;
            double rate = run(op, sizes[s], seconds, &n);

            if (rate < 0) {
                return -1;
            }
            printf("%s\t%zu\t%s\t%.0f\t%.1f", name, sizes[s], op ? "set" : "get", rate,
                   rate * (double)sizes[s] / 1e6);
            if (emu != NULL && n != 0) {
                printf("\t%.1f\t%.4f", (double)(emu->num_units - units) / (double)n,
                       (double)(emu->num_erases - erases) / (double)n);
            }
            printf("\n");
        }
        for (u = 0; u < NUM_UIDS; u++) {
            (void)psa_its_remove(1 + u);
        }
    }
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

/*
 * bench_persistent: latency of opening a persistent key and computing the
 * first MAC with it (psa_purge_key drops the RAM copy, so every round loads
 * the record from the backend), against the same MAC with the key cached.
 */
static int bench_persistent(const char *name)
{
    enum { ROUNDS = 201 };
    static double cold[ROUNDS], warm[ROUNDS];
    static const uint8_t key[32] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t id = 0x5eed;
    uint8_t mac[32];
    size_t len;
    int i;

    psa_set_key_id(&a, id);
    psa_set_key_type(&a, PSA_KEY_TYPE_HMAC);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_SIGN_MESSAGE);
    psa_set_key_algorithm(&a, PSA_ALG_HMAC(PSA_ALG_SHA_256));
    (void)psa_destroy_key(id);
    if (psa_import_key(&a, key, sizeof(key), &id) != PSA_SUCCESS) {
        fprintf(stderr, "%s: cannot create the persistent key\n", name);
        return 1;
    }
    for (i = 0; i < ROUNDS; i++) {
        double t0, t1;

        if (psa_purge_key(id) != PSA_SUCCESS) {
            return 1;
        }
        t0 = now();
        if (psa_mac_compute(id, PSA_ALG_HMAC(PSA_ALG_SHA_256), data, 64, mac, sizeof(mac),
                            &len) != PSA_SUCCESS) {
            fprintf(stderr, "%s: MAC with the persistent key failed\n", name);
            return 1;
        }
        t1 = now();
        (void)psa_mac_compute(id, PSA_ALG_HMAC(PSA_ALG_SHA_256), data, 64, mac, sizeof(mac), &len);
        warm[i] = now() - t1;
        cold[i] = t1 - t0;
    }
    qsort(cold, ROUNDS, sizeof(double), cmp_double);
    qsort(warm, ROUNDS, sizeof(double), cmp_double);
    printf("%s\tkey-open+first-mac\t%.1f us (median; cached key: %.1f us)\n", name,
           cold[ROUNDS / 2] * 1e6, warm[ROUNDS / 2] * 1e6);
    (void)psa_destroy_key(id);
    return 0;
}

static void remove_dir(const char *dir)
{
    char path[1024];
    DIR *d = opendir(dir);
    struct dirent *e;

    if (d == NULL) {
        return;
    }
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
            (void)unlink(path);
        }
    }
    closedir(d);
    (void)rmdir(dir);
}

int main(int argc, char **argv)
{
    static cit_flash_store_t flash_state;
    cit_store_file_t file_state;
    cit_store_backend_t backend;
    cit_nor_emu_t emu;
    double seconds = 0.2;
    char dir[512];
    const char *tmp = getenv("TMPDIR");
    int own_dir = 1;
    int i;
    int rc = 0;

    snprintf(dir, sizeof(dir), "%s/citadel-bench-XXXXXX", tmp != NULL && tmp[0] ? tmp : "/tmp");
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--time") == 0 && i + 1 < argc) {
            seconds = atof(argv[++i]);
        } else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
            snprintf(dir, sizeof(dir), "%s", argv[++i]);
            own_dir = 0;
        } else {
            fprintf(stderr, "usage: %s [--time SECONDS] [--dir DIR]\n", argv[0]);
            return 2;
        }
    }
    for (i = 0; i < (int)sizeof(data); i++) {
        data[i] = (uint8_t)(i * 131 + 7);
    }
    printf("# psa_its_set/psa_its_get, %u objects overwritten or read in turn, %.2f s per case\n",
           NUM_UIDS, seconds);
    printf("# flash: RAM-backed emulated NOR, %u blocks of %u KiB, %u-byte program unit;\n"
           "#        last columns: program units written and erases per operation\n",
           FLASH_BLOCKS, FLASH_BLOCK / 1024u, FLASH_UNIT);
    printf("# backend\tsize\top\tops/s\tMB/s\n");
    if (psa_crypto_init() != PSA_SUCCESS) {
        fprintf(stderr, "psa_crypto_init failed\n");
        return 1;
    }

    /* File backend. */
    if (own_dir && mkdtemp(dir) == NULL) {
        fprintf(stderr, "cannot create a temporary directory\n");
        return 1;
    }
    if (cit_store_file_open(&backend, &file_state, dir) != PSA_SUCCESS) {
        fprintf(stderr, "cannot open the file store in %s\n", dir);
        rc = 1;
    } else {
        cit_store_set_backend(&backend);
        rc |= bench_backend("file", NULL, seconds) != 0;
        rc |= bench_persistent("file") != 0;
        cit_store_set_backend(NULL);
        cit_store_file_close(&file_state);
    }
    if (own_dir) {
        remove_dir(dir);
    }

    /* Flash backend on an emulated NOR in RAM. */
    memset(image, 0xFF, sizeof(image));
    if (cit_nor_emu_init_ram(&emu, image, FLASH_BLOCK, FLASH_BLOCKS, FLASH_UNIT) != CIT_NOR_OK ||
        cit_flash_store_open(&backend, &flash_state, &emu.dev) != PSA_SUCCESS) {
        fprintf(stderr, "cannot open the flash store\n");
        return 1;
    }
    cit_store_set_backend(&backend);
    rc |= bench_backend("flash", &emu, seconds) != 0;
    rc |= bench_persistent("flash") != 0;
    cit_store_set_backend(NULL);
    return rc;
}
