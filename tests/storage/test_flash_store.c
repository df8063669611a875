/*
 * test_flash_store.c - the NOR flash object store (flash_store.c) on the
 * emulated NOR (nor_emu.c): set/get/overwrite/remove, partial reads,
 * limits, many objects (index full, tombstone compaction), near-full
 * behaviour (a failed write changes nothing, removals always fit), garbage
 * collection, wear statistics after a long workload, persistence across
 * reopen (RAM and file images), record corruption -> DATA_CORRUPT, and
 * recovery from a device error without reopening.
 */
#define _POSIX_C_SOURCE 200809L
#include "test.h"

#include <psa/internal_trusted_storage.h>

#include "platform/linux/nor_emu.h"
#include "storage/flash_store.h"
#include "storage/storage.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BLOCK_SIZE 4096u
#define NUM_BLOCKS 16u
#define UNIT 16u
#define MAX_VALUE 4096u

static uint8_t image[BLOCK_SIZE * NUM_BLOCKS];
static cit_nor_emu_t emu;
static cit_flash_store_t fs;
static cit_store_backend_t be;

/* ---- Helpers ---- */

static cit_store_key_t key_of(uint32_t space, int32_t owner, uint64_t uid)
{
    cit_store_key_t k;

    k.space = space;
    k.owner = owner;
    k.uid = uid;
    return k;
}

static uint64_t mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

/* fill: deterministic contents of (uid, version). */
static void fill(uint8_t *p, size_t len, uint64_t uid, uint64_t version)
{
    uint64_t s = mix(uid * 1000003u + version);
    size_t i;

    for (i = 0; i < len; i++) {
        if ((i & 7u) == 0) {
            s = mix(s);
        }
        p[i] = (uint8_t)(s >> ((i & 7u) * 8u));
    }
}

/* fresh: a blank device with the given geometry and the store opened on it. */
static void fresh(uint32_t block_size, uint32_t num_blocks, uint32_t unit)
{
    memset(image, 0xFF, sizeof(image));
    CHECK(cit_nor_emu_init_ram(&emu, image, block_size, num_blocks, unit) == CIT_NOR_OK);
    CHECK_STATUS(cit_flash_store_open(&be, &fs, &emu.dev), PSA_SUCCESS);
}

static void reopen(void)
{
    cit_nor_emu_power_on(&emu);
    CHECK_STATUS(cit_flash_store_open(&be, &fs, &emu.dev), PSA_SUCCESS);
}

static psa_status_t put(uint64_t uid, uint64_t version, size_t len)
{
    static uint8_t buf[MAX_VALUE];
    cit_store_key_t k = key_of(CIT_SPACE_ITS, 1, uid);

    fill(buf, len, uid, version);
    return be.ops->write(be.ctx, &k, 0, buf, len);
}

/* check_obj: the object is (version, len), or absent when len == SIZE_MAX. */
static void check_obj(uint64_t uid, uint64_t version, size_t len)
{
    static uint8_t want[MAX_VALUE];
    static uint8_t got[MAX_VALUE];
    cit_store_key_t k = key_of(CIT_SPACE_ITS, 1, uid);
    uint32_t flags = 0;
    size_t size = 0;

    if (len == (size_t)-1) {
        CHECK_STATUS(be.ops->info(be.ctx, &k, &flags, &size), PSA_ERROR_DOES_NOT_EXIST);
        return;
    }
    CHECK_STATUS(be.ops->info(be.ctx, &k, &flags, &size), PSA_SUCCESS);
    CHECK(size == len);
    fill(want, len, uid, version);
    CHECK_STATUS(be.ops->read(be.ctx, &k, 0, got, len), PSA_SUCCESS);
    CHECK(memcmp(got, want, len) == 0);
}

static void check_no_overprogram(void)
{
    CHECK(emu.num_overprograms == 0);
}

/* ---- Tests ---- */

static void test_open_arguments(void)
{
    cit_nor_flash_t dev;

    memset(image, 0xFF, sizeof(image));
    CHECK(cit_nor_emu_init_ram(&emu, image, BLOCK_SIZE, NUM_BLOCKS, UNIT) == CIT_NOR_OK);
    CHECK_STATUS(cit_flash_store_open(NULL, &fs, &emu.dev), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(cit_flash_store_open(&be, NULL, &emu.dev), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(cit_flash_store_open(&be, &fs, NULL), PSA_ERROR_INVALID_ARGUMENT);
    dev = emu.dev;
    dev.program = NULL;
    CHECK_STATUS(cit_flash_store_open(&be, &fs, &dev), PSA_ERROR_INVALID_ARGUMENT);
    dev = emu.dev;
    dev.program_unit = 12;
    CHECK_STATUS(cit_flash_store_open(&be, &fs, &dev), PSA_ERROR_NOT_SUPPORTED);
    dev = emu.dev;
    dev.program_unit = 128;
    CHECK_STATUS(cit_flash_store_open(&be, &fs, &dev), PSA_ERROR_NOT_SUPPORTED);
    dev = emu.dev;
    dev.num_blocks = 1;
    CHECK_STATUS(cit_flash_store_open(&be, &fs, &dev), PSA_ERROR_NOT_SUPPORTED);
    dev = emu.dev;
    dev.num_blocks = CIT_FLASH_MAX_BLOCKS + 1u;
    CHECK_STATUS(cit_flash_store_open(&be, &fs, &dev), PSA_ERROR_NOT_SUPPORTED);
    dev = emu.dev;
    dev.block_size = 256;
    CHECK_STATUS(cit_flash_store_open(&be, &fs, &dev), PSA_ERROR_NOT_SUPPORTED);
    /* Every supported program unit works. */
    {
        uint32_t unit;

        for (unit = 1; unit <= 64; unit *= 2) {
            fresh(BLOCK_SIZE, NUM_BLOCKS, unit);
            CHECK_STATUS(put(1, 1, 100), PSA_SUCCESS);
            CHECK_STATUS(put(2, 1, 0), PSA_SUCCESS);
            CHECK_STATUS(put(1, 2, 33), PSA_SUCCESS);
            reopen();
            check_obj(1, 2, 33);
            check_obj(2, 1, 0);
            check_no_overprogram();
        }
    }
}

static void test_basic(void)
{
    cit_store_key_t k1 = key_of(CIT_SPACE_ITS, 1, 7);
    cit_store_key_t k2 = key_of(CIT_SPACE_PS, 1, 7);
    cit_store_key_t k3 = key_of(CIT_SPACE_ITS, 2, 7);
    cit_store_key_t k4 = key_of(CIT_SPACE_ITS, 1, 0x8000000000000007ull);
    uint8_t data[300];
    uint8_t out[300];
    uint32_t flags = 0;
    size_t size = 0;
    size_t used = 0;

    fresh(BLOCK_SIZE, NUM_BLOCKS, UNIT);
    fill(data, sizeof(data), 1, 1);
    CHECK_STATUS(be.ops->info(be.ctx, &k1, &flags, &size), PSA_ERROR_DOES_NOT_EXIST);
    CHECK_STATUS(be.ops->read(be.ctx, &k1, 0, out, 1), PSA_ERROR_DOES_NOT_EXIST);
    CHECK_STATUS(be.ops->remove(be.ctx, &k1), PSA_ERROR_DOES_NOT_EXIST);
    CHECK_STATUS(be.ops->used(be.ctx, &used), PSA_SUCCESS);
    CHECK(used == 0);

    CHECK_STATUS(be.ops->write(be.ctx, &k1, 0x5u, data, 300), PSA_SUCCESS);
    CHECK_STATUS(be.ops->write(be.ctx, &k2, 0x2u, data, 10), PSA_SUCCESS);
    CHECK_STATUS(be.ops->write(be.ctx, &k3, 0, data + 1, 20), PSA_SUCCESS);
    CHECK_STATUS(be.ops->write(be.ctx, &k4, 0, NULL, 0), PSA_SUCCESS);
    CHECK_STATUS(be.ops->info(be.ctx, &k1, &flags, &size), PSA_SUCCESS);
    CHECK(flags == 0x5u && size == 300);
    CHECK_STATUS(be.ops->info(be.ctx, &k2, &flags, &size), PSA_SUCCESS);
    CHECK(flags == 0x2u && size == 10);
    CHECK_STATUS(be.ops->info(be.ctx, &k4, &flags, &size), PSA_SUCCESS);
    CHECK(flags == 0 && size == 0);
    CHECK_STATUS(be.ops->read(be.ctx, &k4, 0, NULL, 0), PSA_SUCCESS);
    CHECK_STATUS(be.ops->used(be.ctx, &used), PSA_SUCCESS);
    CHECK(used == 330 + 4 * CIT_STORE_OBJECT_CHARGE);

    /* Whole and partial reads. */
    CHECK_STATUS(be.ops->read(be.ctx, &k1, 0, out, 300), PSA_SUCCESS);
    CHECK_MEM(out, data, 300);
    CHECK_STATUS(be.ops->read(be.ctx, &k1, 17, out, 100), PSA_SUCCESS);
    CHECK_MEM(out, data + 17, 100);
    CHECK_STATUS(be.ops->read(be.ctx, &k1, 300, out, 0), PSA_SUCCESS);
    CHECK_STATUS(be.ops->read(be.ctx, &k1, 299, out, 1), PSA_SUCCESS);
    CHECK(out[0] == data[299]);
    CHECK_STATUS(be.ops->read(be.ctx, &k1, 301, out, 0), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(be.ops->read(be.ctx, &k1, 200, out, 101), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(be.ops->read(be.ctx, &k1, 0, NULL, 1), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(be.ops->read(be.ctx, &k3, 0, out, 20), PSA_SUCCESS);
    CHECK_MEM(out, data + 1, 20);

    /* Argument checks. */
    CHECK_STATUS(be.ops->write(be.ctx, NULL, 0, data, 1), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(be.ops->write(be.ctx, &k1, 0, NULL, 1), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(be.ops->info(be.ctx, &k1, NULL, &size), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(be.ops->info(be.ctx, NULL, &flags, &size), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(be.ops->remove(be.ctx, NULL), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(be.ops->used(be.ctx, NULL), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(be.ops->read(NULL, &k1, 0, out, 1), PSA_ERROR_INVALID_ARGUMENT);

    /* Overwrite (other size, other flags), remove, re-create. */
    CHECK_STATUS(be.ops->write(be.ctx, &k1, 0x1u, data + 5, 77), PSA_SUCCESS);
    CHECK_STATUS(be.ops->info(be.ctx, &k1, &flags, &size), PSA_SUCCESS);
    CHECK(flags == 0x1u && size == 77);
    CHECK_STATUS(be.ops->read(be.ctx, &k1, 0, out, 77), PSA_SUCCESS);
    CHECK_MEM(out, data + 5, 77);
    CHECK_STATUS(be.ops->remove(be.ctx, &k1), PSA_SUCCESS);
    CHECK_STATUS(be.ops->info(be.ctx, &k1, &flags, &size), PSA_ERROR_DOES_NOT_EXIST);
    CHECK_STATUS(be.ops->read(be.ctx, &k1, 0, out, 0), PSA_ERROR_DOES_NOT_EXIST);
    CHECK_STATUS(be.ops->remove(be.ctx, &k1), PSA_ERROR_DOES_NOT_EXIST);
    CHECK_STATUS(be.ops->used(be.ctx, &used), PSA_SUCCESS);
    CHECK(used == 30 + 3 * CIT_STORE_OBJECT_CHARGE);
    /* The others are untouched. */
    CHECK_STATUS(be.ops->read(be.ctx, &k2, 0, out, 10), PSA_SUCCESS);
    CHECK_MEM(out, data, 10);

    reopen();
    CHECK_STATUS(be.ops->info(be.ctx, &k1, &flags, &size), PSA_ERROR_DOES_NOT_EXIST);
    CHECK_STATUS(be.ops->used(be.ctx, &used), PSA_SUCCESS);
    CHECK(used == 30 + 3 * CIT_STORE_OBJECT_CHARGE);
    CHECK_STATUS(be.ops->write(be.ctx, &k1, 0, data, 3), PSA_SUCCESS);
    reopen();
    CHECK_STATUS(be.ops->read(be.ctx, &k1, 0, out, 3), PSA_SUCCESS);
    CHECK_MEM(out, data, 3);
    CHECK_STATUS(be.ops->read(be.ctx, &k3, 0, out, 20), PSA_SUCCESS);
    CHECK_MEM(out, data + 1, 20);
    check_no_overprogram();
}

static void test_limits(void)
{
    static uint8_t big[BLOCK_SIZE + 16];
    cit_store_key_t k = key_of(CIT_SPACE_ITS, 1, 42);
    size_t max;

    fresh(BLOCK_SIZE, NUM_BLOCKS, UNIT);
    max = cit_flash_store_max_object(&fs);
    printf("  block %u B, unit %u B: largest object %zu B\n", BLOCK_SIZE, UNIT, max);
    CHECK(max >= BLOCK_SIZE - 192 && max < BLOCK_SIZE);
    fill(big, sizeof(big), 42, 1);
    CHECK_STATUS(be.ops->write(be.ctx, &k, 0, big, max + 1), PSA_ERROR_INSUFFICIENT_STORAGE);
    CHECK_STATUS(be.ops->write(be.ctx, &k, 0, big, CIT_STORE_MAX_OBJECT_SIZE + 1u),
                 PSA_ERROR_INSUFFICIENT_STORAGE);
    CHECK_STATUS(be.ops->info(be.ctx, &k, &(uint32_t){0}, &(size_t){0}),
                 PSA_ERROR_DOES_NOT_EXIST);
    CHECK_STATUS(be.ops->write(be.ctx, &k, 0, big, max), PSA_SUCCESS);
    CHECK_STATUS(put(43, 1, max), PSA_SUCCESS);
    CHECK_STATUS(put(42, 2, max), PSA_SUCCESS);
    reopen();
    check_obj(42, 2, max);
    check_obj(43, 1, max);
    check_no_overprogram();
}

static void test_many_objects(void)
{
    uint64_t i;
    uint32_t compactions;

    fresh(BLOCK_SIZE, NUM_BLOCKS, UNIT);
    for (i = 0; i < CIT_FLASH_MAX_OBJECTS; i++) {
        CHECK_STATUS(put(1000 + i, 1, (size_t)(i % 50)), PSA_SUCCESS);
    }
    /* The index is full of live objects: a new key does not fit, the old ones can change. */
    CHECK_STATUS(put(5000, 1, 10), PSA_ERROR_INSUFFICIENT_STORAGE);
    check_obj(5000, 1, (size_t)-1);
    CHECK_STATUS(put(1000, 2, 60), PSA_SUCCESS);
    /* Removed objects leave tombstones; new keys make the store compact them away. */
    for (i = 0; i < 20; i++) {
        CHECK_STATUS(be.ops->remove(be.ctx, &(cit_store_key_t){CIT_SPACE_ITS, 1, 1010 + i}),
                     PSA_SUCCESS);
    }
    compactions = fs.num_compactions;
    for (i = 0; i < 20; i++) {
        CHECK_STATUS(put(6000 + i, 1, 40), PSA_SUCCESS);
    }
    CHECK(fs.num_compactions > compactions);
    CHECK_STATUS(put(7000, 1, 10), PSA_ERROR_INSUFFICIENT_STORAGE);
    printf("  %u objects, %u compactions\n", (unsigned)CIT_FLASH_MAX_OBJECTS,
           (unsigned)fs.num_compactions);
    reopen();
    for (i = 0; i < CIT_FLASH_MAX_OBJECTS; i++) {
        if (i == 0) {
            check_obj(1000, 2, 60);
        } else if (i >= 10 && i < 30) {
            check_obj(1000 + i, 1, (size_t)-1);
        } else {
            check_obj(1000 + i, 1, (size_t)(i % 50));
        }
    }
    for (i = 0; i < 20; i++) {
        check_obj(6000 + i, 1, 40);
    }
    check_no_overprogram();
}

static void test_near_full(void)
{
    uint64_t n = 0;
    uint64_t i;
    uint64_t again = 0;
    size_t used = 0;
    psa_status_t status;

    fresh(BLOCK_SIZE, NUM_BLOCKS, UNIT);
    for (;;) {
        status = put(100 + n, 1, 1000);
        if (status != PSA_SUCCESS) {
            break;
        }
        n++;
    }
    CHECK_STATUS(status, PSA_ERROR_INSUFFICIENT_STORAGE);
    printf("  full after %llu objects of 1000 B (%u B of flash)\n", (unsigned long long)n,
           BLOCK_SIZE * NUM_BLOCKS);
    CHECK(n >= 40);
    /* The failed write changed nothing. */
    check_obj(100 + n, 1, (size_t)-1);
    CHECK_STATUS(be.ops->used(be.ctx, &used), PSA_SUCCESS);
    CHECK(used == n * (1000 + CIT_STORE_OBJECT_CHARGE));
    /*
     * 1000-byte records pack three to a block and the collector keeps one
     * block spare, so a full store cannot hold a second copy of one: the
     * replacement fails and changes nothing. With one object gone it works.
     */
    status = put(100, 2, 1000);
    if (status != PSA_SUCCESS) {
        CHECK_STATUS(status, PSA_ERROR_INSUFFICIENT_STORAGE);
        check_obj(100, 1, 1000);
    }
    CHECK_STATUS(be.ops->remove(be.ctx, &(cit_store_key_t){CIT_SPACE_ITS, 1, 100 + n - 1}),
                 PSA_SUCCESS);
    n--;
    for (i = 0; i < n; i += 3) {
        CHECK_STATUS(put(100 + i, 2, 1000), PSA_SUCCESS);
    }
    /* Small objects still fit in the slack; a full store fails cleanly. */
    for (i = 0; i < 200; i++) {
        status = put(900 + i, 1, 16);
        if (status != PSA_SUCCESS) {
            CHECK_STATUS(status, PSA_ERROR_INSUFFICIENT_STORAGE);
            break;
        }
    }
    reopen();
    for (i = 0; i < n; i++) {
        check_obj(100 + i, (i % 3 == 0) ? 2 : 1, 1000);
    }
    /* Removing always works, even on a full store. */
    for (i = 0; i < n; i++) {
        CHECK_STATUS(be.ops->remove(be.ctx, &(cit_store_key_t){CIT_SPACE_ITS, 1, 100 + i}),
                     PSA_SUCCESS);
    }
    for (i = 0; i < 200; i++) {
        (void)be.ops->remove(be.ctx, &(cit_store_key_t){CIT_SPACE_ITS, 1, 900 + i});
    }
    CHECK_STATUS(be.ops->used(be.ctx, &used), PSA_SUCCESS);
    CHECK(used == 0);
    /* And the space comes back. */
    while (put(3000 + again, 1, 1000) == PSA_SUCCESS) {
        again++;
    }
    printf("  after removing everything: %llu objects of 1000 B fit again\n",
           (unsigned long long)again);
    CHECK(again >= n);
    reopen();
    for (i = 0; i < again; i++) {
        check_obj(3000 + i, 1, 1000);
    }
    check_no_overprogram();
}

static void test_gc(void)
{
    uint64_t version[12];
    size_t len[12];
    unsigned i;
    unsigned k;
    uint32_t collections = 0;

    fresh(BLOCK_SIZE, NUM_BLOCKS, UNIT);
    cit_test_rand_seed(11);
    for (k = 0; k < 12; k++) {
        version[k] = 0;
        len[k] = (size_t)-1;
    }
    for (i = 0; i < 4000; i++) {
        k = cit_test_rand() % 12u;
        if (cit_test_rand() % 8u == 0 && len[k] != (size_t)-1) {
            CHECK_STATUS(be.ops->remove(be.ctx, &(cit_store_key_t){CIT_SPACE_ITS, 1, k}),
                         PSA_SUCCESS);
            len[k] = (size_t)-1;
        } else {
            size_t l = cit_test_rand() % 1500u;

            CHECK_STATUS(put(k, ++version[k], l), PSA_SUCCESS);
            len[k] = l;
        }
        if (i % 500 == 499) {
            collections += fs.num_gc;
            reopen();
        }
    }
    collections += fs.num_gc;
    for (k = 0; k < 12; k++) {
        check_obj(k, version[k], len[k]);
    }
    printf("  4000 writes/removes, reopened every 500: %u collections, %llu erases\n",
           (unsigned)collections, (unsigned long long)emu.num_erases);
    CHECK(collections > 100);
    check_no_overprogram();
}

static void test_wear(void)
{
    uint64_t i;
    uint64_t hot_version = 0;
    uint32_t lo;
    uint32_t hi;
    uint32_t relocations = 0;

    fresh(BLOCK_SIZE, NUM_BLOCKS, UNIT);
    /* Static data: about half the device, written once. */
    for (i = 0; i < 24; i++) {
        CHECK_STATUS(put(500 + i, 1, 1200), PSA_SUCCESS);
    }
    cit_test_rand_seed(5);
    for (i = 0; i < 40000; i++) {
        hot_version++;
        CHECK_STATUS(put(1 + (i % 3), hot_version, 200 + cit_test_rand() % 800u), PSA_SUCCESS);
        if (i % 10000 == 9999) {
            relocations += fs.num_relocations;
            reopen();
        }
    }
    relocations += fs.num_relocations;
    cit_nor_emu_wear(&emu, &lo, &hi);
    printf("  40000 writes over 24 static objects: %llu erases, per block min %u max %u "
           "(wear delta %u), %u relocations\n",
           (unsigned long long)emu.num_erases, (unsigned)lo, (unsigned)hi,
           (unsigned)CIT_FLASH_WEAR_DELTA, (unsigned)relocations);
    CHECK(relocations > 0);
    CHECK(lo > 0);
    CHECK(hi - lo <= 2u * CIT_FLASH_WEAR_DELTA + 4u);
    for (i = 0; i < 24; i++) {
        check_obj(500 + i, 1, 1200);
    }
    check_no_overprogram();
}

static void test_file_image(void)
{
    char path[512];
    const char *tmp = getenv("TMPDIR");
    cit_nor_emu_t femu;
    cit_flash_store_t fst;
    cit_store_backend_t fbe;
    uint8_t data[700];
    uint8_t out[700];
    cit_store_key_t k = key_of(CIT_SPACE_KEYS, 3, 99);

    snprintf(path, sizeof(path), "%s/cit_flash_%ld.img", tmp != NULL ? tmp : "/tmp",
             (long)getpid());
    (void)unlink(path);
    fill(data, sizeof(data), 99, 1);
    CHECK(cit_nor_emu_init_file(&femu, path, BLOCK_SIZE, 8, 8) == CIT_NOR_OK);
    CHECK_STATUS(cit_flash_store_open(&fbe, &fst, &femu.dev), PSA_SUCCESS);
    CHECK_STATUS(fbe.ops->write(fbe.ctx, &k, 0, data, sizeof(data)), PSA_SUCCESS);
    cit_nor_emu_close(&femu);
    /* Another geometry cannot open the image... */
    CHECK(cit_nor_emu_init_file(&femu, path, BLOCK_SIZE, 4, 8) == CIT_NOR_ERROR);
    CHECK(cit_nor_emu_init_file(&femu, path, BLOCK_SIZE * 2, 4, 8) == CIT_NOR_OK);
    CHECK_STATUS(cit_flash_store_open(&fbe, &fst, &femu.dev), PSA_ERROR_STORAGE_FAILURE);
    cit_nor_emu_close(&femu);
    /* ...and the data is still there for the right one. */
    CHECK(cit_nor_emu_init_file(&femu, path, BLOCK_SIZE, 8, 8) == CIT_NOR_OK);
    CHECK_STATUS(cit_flash_store_open(&fbe, &fst, &femu.dev), PSA_SUCCESS);
    CHECK_STATUS(fbe.ops->read(fbe.ctx, &k, 0, out, sizeof(out)), PSA_SUCCESS);
    CHECK_MEM(out, data, sizeof(out));
    cit_nor_emu_close(&femu);
    (void)unlink(path);
}

/* find_last: offset of the last occurrence of needle (n bytes) in the image. */
static size_t find_last(const uint8_t *needle, size_t n)
{
    size_t i;

    for (i = sizeof(image) - n + 1; i-- > 0;) {
        if (memcmp(image + i, needle, n) == 0) {
            return i;
        }
    }
    return (size_t)-1;
}

static void test_corruption(void)
{
    uint8_t data[500];
    uint8_t out[500];
    uint8_t zero[500];
    cit_store_key_t k = key_of(CIT_SPACE_ITS, 1, 77);
    uint32_t flags;
    size_t size;
    size_t at;

    fresh(BLOCK_SIZE, NUM_BLOCKS, UNIT);
    memset(zero, 0, sizeof(zero));
    CHECK_STATUS(put(76, 1, 300), PSA_SUCCESS);
    fill(data, sizeof(data), 77, 1);
    CHECK_STATUS(be.ops->write(be.ctx, &k, 0, data, sizeof(data)), PSA_SUCCESS);
    CHECK_STATUS(put(78, 1, 300), PSA_SUCCESS);
    at = find_last(data, sizeof(data));
    CHECK(at != (size_t)-1);
    if (at == (size_t)-1) {
        return;
    }
    /* A bit of the payload flips (a 1 -> 0, as a disturbed NOR cell would). */
    image[at + 321] = (uint8_t)(image[at + 321] ^ 0x10u);
    CHECK_STATUS(be.ops->info(be.ctx, &k, &flags, &size), PSA_SUCCESS);
    memset(out, 0xAA, sizeof(out));
    CHECK_STATUS(be.ops->read(be.ctx, &k, 0, out, sizeof(out)), PSA_ERROR_DATA_CORRUPT);
    CHECK_MEM(out, zero, sizeof(out));
    /* A read of an intact range still checks the whole object. */
    memset(out, 0xAA, sizeof(out));
    CHECK_STATUS(be.ops->read(be.ctx, &k, 0, out, 10), PSA_ERROR_DATA_CORRUPT);
    CHECK_MEM(out, zero, 10);
    CHECK_STATUS(be.ops->read(be.ctx, &k, 0, NULL, 0), PSA_ERROR_DATA_CORRUPT);
    check_obj(76, 1, 300);
    check_obj(78, 1, 300);
    reopen();
    CHECK_STATUS(be.ops->read(be.ctx, &k, 0, out, sizeof(out)), PSA_ERROR_DATA_CORRUPT);
    CHECK_MEM(out, zero, sizeof(out));
    check_obj(76, 1, 300);
    check_obj(78, 1, 300);
    /* Replacing the object heals it. */
    CHECK_STATUS(be.ops->write(be.ctx, &k, 0, data, 100), PSA_SUCCESS);
    CHECK_STATUS(be.ops->read(be.ctx, &k, 0, out, 100), PSA_SUCCESS);
    CHECK_MEM(out, data, 100);
    /* A damaged record header (its size field) is caught by info and read. */
    at = find_last(data, 100);
    CHECK(at != (size_t)-1 && at >= fs.rec_hdr);
    if (at == (size_t)-1 || at < fs.rec_hdr) {
        return;
    }
    /* The record header precedes the payload; byte 36 is the low byte of the size. */
    image[at - fs.rec_hdr + 36] = (uint8_t)(image[at - fs.rec_hdr + 36] ^ 0x01u);
    CHECK_STATUS(be.ops->info(be.ctx, &k, &flags, &size), PSA_ERROR_DATA_CORRUPT);
    memset(out, 0xAA, sizeof(out));
    CHECK_STATUS(be.ops->read(be.ctx, &k, 0, out, 100), PSA_ERROR_DATA_CORRUPT);
    CHECK_MEM(out, zero, 100);
}

/* wipe_case: a replaced and a removed payload are gone from the image (or not, if told). */
static void wipe_case(int reprogram)
{
    uint8_t secret[200];
    uint8_t other[200];
    cit_store_key_t k1 = key_of(CIT_SPACE_KEYS, 1, 1);
    cit_store_key_t k2 = key_of(CIT_SPACE_KEYS, 1, 2);

    fresh(BLOCK_SIZE, NUM_BLOCKS, UNIT);
    if (!reprogram) {
        emu.dev.flags = 0;
        reopen();
    }
    fill(secret, sizeof(secret), 0x5EC, 1);
    fill(other, sizeof(other), 0x5EC, 2);
    CHECK_STATUS(be.ops->write(be.ctx, &k1, 0, secret, sizeof(secret)), PSA_SUCCESS);
    CHECK_STATUS(be.ops->write(be.ctx, &k2, 0, secret, sizeof(secret)), PSA_SUCCESS);
    CHECK(find_last(secret, sizeof(secret)) != (size_t)-1);
    CHECK_STATUS(be.ops->write(be.ctx, &k1, 0, other, sizeof(other)), PSA_SUCCESS);
    CHECK_STATUS(be.ops->remove(be.ctx, &k2), PSA_SUCCESS);
    CHECK((find_last(secret, sizeof(secret)) == (size_t)-1) == (reprogram != 0));
    reopen();
    CHECK_STATUS(be.ops->info(be.ctx, &k2, &(uint32_t){0}, &(size_t){0}),
                 PSA_ERROR_DOES_NOT_EXIST);
    CHECK_STATUS(be.ops->read(be.ctx, &k1, 0, secret, sizeof(other)), PSA_SUCCESS);
    CHECK_MEM(secret, other, sizeof(other));
    check_no_overprogram();
}

static void test_wipe(void)
{
    wipe_case(1);
    wipe_case(0);
}

static void test_device_error(void)
{
    uint64_t v;

    fresh(BLOCK_SIZE, NUM_BLOCKS, UNIT);
    CHECK_STATUS(put(1, 1, 100), PSA_SUCCESS);
    /* Power fails in the middle of a write: the next call fails too... */
    cit_nor_emu_set_cut(&emu, 3, 1);
    CHECK_STATUS(put(1, 2, 600), PSA_ERROR_STORAGE_FAILURE);
    CHECK_STATUS(put(2, 1, 10), PSA_ERROR_STORAGE_FAILURE);
    /* ...until power is back: then the store re-mounts by itself. */
    cit_nor_emu_power_on(&emu);
    check_obj(1, 1, 100);
    check_obj(2, 1, (size_t)-1);
    for (v = 2; v < 200; v++) {
        CHECK_STATUS(put(1, v, 600), PSA_SUCCESS);
    }
    check_obj(1, 199, 600);
    CHECK(fs.num_gc > 0);
    check_no_overprogram();
}

/* test_its_api: psa_its_* through the object store on this backend. */
static void test_its_api(void)
{
    static uint8_t data[3000];
    static uint8_t out[3000];
    struct psa_storage_info_t info;
    size_t got = 0;

    fresh(BLOCK_SIZE, NUM_BLOCKS, UNIT);
    cit_store_set_backend(&be);
    fill(data, sizeof(data), 9, 9);
    CHECK_STATUS(psa_its_set(9, sizeof(data), data, PSA_STORAGE_FLAG_NONE), PSA_SUCCESS);
    CHECK_STATUS(psa_its_set(10, 5, data, PSA_STORAGE_FLAG_WRITE_ONCE), PSA_SUCCESS);
    CHECK_STATUS(psa_its_get_info(9, &info), PSA_SUCCESS);
    CHECK(info.size == sizeof(data) && info.flags == PSA_STORAGE_FLAG_NONE);
    CHECK_STATUS(psa_its_get(9, 100, sizeof(out), out, &got), PSA_SUCCESS);
    CHECK(got == sizeof(data) - 100);
    CHECK_MEM(out, data + 100, got);
    CHECK_STATUS(psa_its_set(10, 6, data, PSA_STORAGE_FLAG_NONE), PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_its_remove(10), PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_its_set(11, cit_flash_store_max_object(&fs) + 1u, data,
                             PSA_STORAGE_FLAG_NONE),
                 PSA_ERROR_INSUFFICIENT_STORAGE);
    CHECK_STATUS(psa_its_remove(9), PSA_SUCCESS);
    CHECK_STATUS(psa_its_get_info(9, &info), PSA_ERROR_DOES_NOT_EXIST);
    reopen();
    CHECK_STATUS(psa_its_get_info(10, &info), PSA_SUCCESS);
    CHECK(info.size == 5 && info.flags == PSA_STORAGE_FLAG_WRITE_ONCE);
    cit_store_set_backend(NULL);
}

int main(void)
{
    printf("test_flash_store: CIT_FLASH_MAX_OBJECTS %u, CIT_FLASH_MAX_BLOCKS %u, "
           "state %zu bytes\n",
           (unsigned)CIT_FLASH_MAX_OBJECTS, (unsigned)CIT_FLASH_MAX_BLOCKS, sizeof(fs));
    test_open_arguments();
    test_basic();
    test_limits();
    test_many_objects();
    test_near_full();
    test_gc();
    test_wear();
    test_file_image();
    test_corruption();
    test_wipe();
    test_device_error();
    test_its_api();
    return cit_test_end("test_flash_store");
}
