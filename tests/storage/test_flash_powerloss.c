/*
 * test_flash_powerloss.c - the power-loss proof of the NOR flash store.
 *
 * A scripted workload (creates, overwrites, removes, the index filled with
 * small objects and tombstones compacted away, the medium filled until
 * INSUFFICIENT_STORAGE, churn; garbage collection and static wear-levelling
 * relocation many times over, and re-opens whose mount may repair) runs
 * once without cuts on a blank emulated NOR and counts its device steps S
 * (each program unit written and each erase is one step). Then, for every k
 * in 1..S, the workload runs with the power cut during step k: the emulator
 * leaves that operation partly done (a random subset of the program's units,
 * a random subset of the bits of the unit being programmed; an erase with
 * random bits back to 1, a partly erased prefix, a nearly erased block, or
 * nothing done) and fails everything after it; a cut in an erase is also
 * run once more with every interrupted-erase outcome, three times each.
 * The test then "reboots" (power on, re-open the store on the same image;
 * for one cut in four, with a second cut armed a few steps into that
 * recovery, and a third boot after it) and checks:
 *   - the interrupted operation returned an error (never a false success);
 *   - every object is exactly its value before or after the interrupted
 *     logical operation (only the object that operation touched may have
 *     the new value), none is corrupt (no DATA_CORRUPT), none is lost, and
 *     used() agrees;
 *   - the store keeps working: a removal, a set and an overwrite succeed
 *     and read back, then one more re-open shows every object again;
 *   - the store never tried to program a 0 bit back to 1.
 *
 * Geometries: 16 blocks of 4 KiB with a 16-byte program unit (every cut
 * point), and a tighter 8 blocks of 4 KiB with an 8-byte unit (every 6th
 * cut point and every erase).
 *
 * Running the prefix of the workload before step k is deterministic (the
 * emulator only uses randomness for the partial outcome of the cut), so
 * each cut starts from a snapshot of the image and the store state taken
 * before the logical operation containing step k, identical to running the
 * workload from a blank image up to there (checked by literal replay for a
 * few k).
 *
 * CIT_FLASH_PL_STRIDE=n tests every n-th cut point (6n-th in the second
 * geometry; erases always). The sanitizer build uses n = 4 and says so.
 */
#define _POSIX_C_SOURCE 200809L
#include "test.h"

#include "platform/linux/nor_emu.h"
#include "storage/flash_store.h"
#include "storage/storage.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_IMAGE (16u * 4096u)
#define NUM_KEYS 200u
#define SCRATCH_UID 0xFFFFu
#define MAX_LEN 1500u
#define MAX_OPS 4000u
#define WEAR_DELTA 2u

#if defined(__SANITIZE_ADDRESS__)
#define DEFAULT_STRIDE 4u
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DEFAULT_STRIDE 4u
#endif
#endif
#ifndef DEFAULT_STRIDE
#define DEFAULT_STRIDE 1u
#endif

#define OP_SET 1
#define OP_REMOVE 2
#define OP_REOPEN 3

typedef struct {
    uint8_t present;
    uint32_t version;
    uint32_t len;
} obj_t;

typedef struct {
    int kind;
    uint32_t key;
    uint32_t version;
    uint32_t len;
    psa_status_t ref_status; /* status in the run without cuts */
    uint64_t steps_before;   /* device steps before the operation */
} op_t;

typedef struct {
    cit_flash_store_t fs;
    obj_t model[NUM_KEYS];
    uint8_t image[]; /* image_size bytes */
} snap_t;

/* One device geometry under test. */
typedef struct {
    uint32_t block_size;
    uint32_t num_blocks;
    uint32_t unit;
    uint64_t stride; /* test every stride-th cut point (1: all) */
} config_t;

static config_t cfg;
static size_t image_size;
static uint8_t image[MAX_IMAGE];
static cit_nor_emu_t emu;
static cit_flash_store_t fs;
static cit_store_backend_t be;
static obj_t model[NUM_KEYS];
static op_t ops[MAX_OPS];
static size_t num_ops;
static snap_t *snaps[MAX_OPS];
static obj_t final_model[NUM_KEYS];
static uint64_t total_steps;

/* Failure reporting: the first few failures print their cut point. */
static unsigned long cut_failures;
static uint64_t cur_k;

/* ---- Values ---- */

static uint64_t mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

static void fill(uint8_t *p, size_t len, uint64_t key, uint64_t version)
{
    uint64_t s = mix(key * 1000003u + version);
    size_t i;

    for (i = 0; i < len; i++) {
        if ((i & 7u) == 0) {
            s = mix(s);
        }
        p[i] = (uint8_t)(s >> ((i & 7u) * 8u));
    }
}

static cit_store_key_t key_of(uint32_t key)
{
    cit_store_key_t k;

    k.space = (key % 3u == 0) ? CIT_SPACE_PS : CIT_SPACE_ITS;
    k.owner = (int32_t)(1 + key % 2u);
    k.uid = (key == SCRATCH_UID) ? SCRATCH_UID : 100u + key;
    return k;
}

/* ---- Running operations ---- */

/*
 * The store runs on a thin wrapper of the emulated device that notes, in
 * the reference run, which steps are erases (they are all tested, whatever
 * the stride).
 */
#define MAX_ERASES 4096u
static cit_nor_flash_t wrap;
static uint64_t erase_steps[MAX_ERASES];
static size_t num_erase_steps;
static int recording;

static int wrap_read(void *ctx, uint32_t addr, uint8_t *buf, size_t len)
{
    (void)ctx;
    return emu.dev.read(emu.dev.ctx, addr, buf, len);
}

static int wrap_program(void *ctx, uint32_t addr, const uint8_t *buf, size_t len)
{
    (void)ctx;
    return emu.dev.program(emu.dev.ctx, addr, buf, len);
}

static int wrap_erase(void *ctx, uint32_t block)
{
    (void)ctx;
    if (recording && num_erase_steps < MAX_ERASES) {
        erase_steps[num_erase_steps++] = emu.steps + 1u;
    }
    return emu.dev.erase(emu.dev.ctx, block);
}

/* open_store opens the store with a small wear delta, so relocation runs under cuts too. */
static psa_status_t open_store(void)
{
    psa_status_t status;

    wrap = emu.dev;
    wrap.read = wrap_read;
    wrap.program = wrap_program;
    wrap.erase = wrap_erase;
    wrap.ctx = NULL;
    status = cit_flash_store_open(&be, &fs, &wrap);

    fs.wear_delta = WEAR_DELTA;
    return status;
}

static psa_status_t store_set(uint32_t key, uint32_t version, uint32_t len)
{
    static uint8_t buf[MAX_LEN];
    cit_store_key_t k = key_of(key);

    fill(buf, len, key, version);
    return be.ops->write(be.ctx, &k, key, buf, len);
}

static psa_status_t store_remove(uint32_t key)
{
    cit_store_key_t k = key_of(key);

    return be.ops->remove(be.ctx, &k);
}

static psa_status_t run_op(const op_t *op)
{
    switch (op->kind) {
    case OP_SET:
        return store_set(op->key, op->version, op->len);
    case OP_REMOVE:
        return store_remove(op->key);
    default:
        return open_store();
    }
}

static void apply(obj_t *m, const op_t *op)
{
    if (op->kind == OP_SET) {
        m[op->key].present = 1;
        m[op->key].version = op->version;
        m[op->key].len = op->len;
    } else if (op->kind == OP_REMOVE) {
        m[op->key].present = 0;
    }
}

/* ---- The reference run: generate, execute and snapshot the workload ---- */

static uint32_t next_version = 1;
static uint32_t ref_gc;
static uint32_t ref_relocations;
static uint32_t ref_compactions;
static uint32_t ref_repairs;

/* ref_op executes one operation without cuts, snapshotting the state before it. */
static psa_status_t ref_op(int kind, uint32_t key, uint32_t len)
{
    op_t *op;
    snap_t *s;

    if (num_ops >= MAX_OPS) {
        return PSA_ERROR_INSUFFICIENT_MEMORY;
    }
    op = &ops[num_ops];
    s = malloc(sizeof(*s) + image_size);
    if (s == NULL) {
        return PSA_ERROR_INSUFFICIENT_MEMORY;
    }
    snaps[num_ops] = s;
    memcpy(s->image, image, image_size);
    memcpy(&s->fs, &fs, sizeof(fs));
    memcpy(s->model, model, sizeof(model));
    op->kind = kind;
    op->key = key;
    op->version = next_version++;
    op->len = len;
    op->steps_before = emu.steps;
    if (kind == OP_REOPEN) {
        ref_gc += fs.num_gc;
        ref_relocations += fs.num_relocations;
        ref_compactions += fs.num_compactions;
    }
    op->ref_status = run_op(op);
    if (kind == OP_REOPEN) {
        ref_repairs += fs.num_mount_repairs;
    }
    num_ops++;
    if (op->ref_status == PSA_SUCCESS) {
        apply(model, op);
    } else if (!(kind == OP_SET && op->ref_status == PSA_ERROR_INSUFFICIENT_STORAGE)) {
        char msg[128];

        snprintf(msg, sizeof(msg), "reference op %zu (kind %d key %u len %u): status %d",
                 num_ops - 1, kind, (unsigned)key, (unsigned)len, (int)op->ref_status);
        cit_test_fail(__FILE__, __LINE__, msg);
    }
    return op->ref_status;
}

static uint32_t rnd(uint32_t n)
{
    return cit_test_rand() % n;
}

/* pick: a random key with the given presence among keys [lo, hi), or NUM_KEYS. */
static uint32_t pick(int present, uint32_t lo, uint32_t hi)
{
    uint32_t start = lo + rnd(hi - lo);
    uint32_t i;

    for (i = 0; i < hi - lo; i++) {
        uint32_t k = lo + (start - lo + i) % (hi - lo);

        if ((model[k].present != 0) == (present != 0)) {
            return k;
        }
    }
    return NUM_KEYS;
}

static void reference_workload(void)
{
    uint32_t i;
    uint32_t k;

    cit_test_rand_seed(2024);
    /* 1. Create 30 objects of 0..1500 bytes. */
    for (i = 0; i < 30; i++) {
        (void)ref_op(OP_SET, i, rnd(MAX_LEN + 1));
    }
    /* 2. Overwrite: collection starts. */
    for (i = 0; i < 110; i++) {
        (void)ref_op(OP_SET, rnd(30), rnd(MAX_LEN + 1));
    }
    (void)ref_op(OP_REOPEN, 0, 0);
    /* 3. Removals and re-creations. */
    for (i = 0; i < 12; i++) {
        k = pick(1, 0, 30);
        if (k < NUM_KEYS) {
            (void)ref_op(OP_REMOVE, k, 0);
        }
    }
    for (i = 0; i < 8; i++) {
        k = pick(0, 0, 30);
        if (k < NUM_KEYS) {
            (void)ref_op(OP_SET, k, rnd(MAX_LEN + 1));
        }
    }
    /* 4. Many small objects: fill the index, free entries, compact tombstones away. */
    for (k = 30; k < 30 + CIT_FLASH_MAX_OBJECTS; k++) {
        if (ref_op(OP_SET, k, rnd(33)) != PSA_SUCCESS) {
            break;
        }
    }
    for (i = 0; i < 24; i++) {
        k = pick(1, 30, 30 + CIT_FLASH_MAX_OBJECTS);
        if (k < NUM_KEYS) {
            (void)ref_op(OP_REMOVE, k, 0);
        }
    }
    for (k = 30 + CIT_FLASH_MAX_OBJECTS; k < 30 + CIT_FLASH_MAX_OBJECTS + 12; k++) {
        (void)ref_op(OP_SET, k, rnd(33));
    }
    (void)ref_op(OP_REOPEN, 0, 0);
    /* 5. Near full: drop most small objects, then big objects until the medium is full. */
    for (k = 30; k < 30 + CIT_FLASH_MAX_OBJECTS + 12; k++) {
        if (model[k].present && rnd(8) != 0) {
            (void)ref_op(OP_REMOVE, k, 0);
        }
    }
    for (i = 0; i < 40; i++) {
        k = pick(0, 0, 30);
        if (k == NUM_KEYS || ref_op(OP_SET, k, 1200 + rnd(MAX_LEN - 1199)) != PSA_SUCCESS) {
            break;
        }
    }
    for (i = 0; i < 6; i++) {
        k = pick(1, 0, 30);
        (void)ref_op(OP_SET, k, 1000 + rnd(MAX_LEN - 999));
    }
    for (i = 0; i < 5; i++) {
        k = pick(1, 0, 30);
        (void)ref_op(OP_REMOVE, k, 0);
        k = pick(0, 0, 30);
        (void)ref_op(OP_SET, k, 1200 + rnd(MAX_LEN - 1199));
    }
    (void)ref_op(OP_REOPEN, 0, 0);
    /* 6. Churn over everything. */
    for (i = 0; i < 120; i++) {
        k = rnd(NUM_KEYS - 20);
        if (model[k].present && rnd(4) == 0) {
            (void)ref_op(OP_REMOVE, k, 0);
        } else {
            (void)ref_op(OP_SET, k, (rnd(3) == 0) ? rnd(33) : rnd(MAX_LEN + 1));
        }
    }
    (void)ref_op(OP_REOPEN, 0, 0);
}

/* ---- Checking a recovered store ---- */

static void cut_fail(const char *what, uint32_t key, long status)
{
    char msg[256];

    cut_failures++;
    if (cut_failures <= 10) {
        snprintf(msg, sizeof(msg), "cut at step %llu: %s (key %u, status %ld)",
                 (unsigned long long)cur_k, what, (unsigned)key, status);
        cit_test_fail(__FILE__, __LINE__, msg);
    } else {
        cit_test_failures++;
    }
}

/* matches: does key hold exactly the value o (present or absent)? -1: error. */
static int matches(uint32_t key, const obj_t *o, const uint8_t *got, size_t got_len, int exists)
{
    static uint8_t want[MAX_LEN];

    if (!o->present) {
        return !exists;
    }
    if (!exists || got_len != o->len) {
        return 0;
    }
    fill(want, o->len, key, o->version);
    return memcmp(got, want, o->len) == 0;
}

/*
 * check_store: every key holds before[key] or, for key `changed` only,
 * after[key]; adopts the observed value into out. Returns 1 if all good.
 */
static int check_store(const obj_t *before, const obj_t *after, uint32_t changed, obj_t *out,
                       size_t extra_used)
{
    static uint8_t got[MAX_LEN];
    uint32_t key;
    size_t used = 0;
    size_t want_used = extra_used;
    int ok = 1;

    for (key = 0; key < NUM_KEYS; key++) {
        cit_store_key_t k = key_of(key);
        uint32_t flags = 0;
        size_t size = 0;
        int exists = 0;
        psa_status_t status;

        cit_test_checks++;
        status = be.ops->info(be.ctx, &k, &flags, &size);
        if (status == PSA_SUCCESS) {
            exists = 1;
            if (size > MAX_LEN || flags != key) {
                cut_fail("bad size or flags", key, (long)size);
                ok = 0;
                continue;
            }
            status = be.ops->read(be.ctx, &k, 0, got, size);
            if (status != PSA_SUCCESS) {
                cut_fail("read failed", key, (long)status);
                ok = 0;
                continue;
            }
        } else if (status != PSA_ERROR_DOES_NOT_EXIST) {
            cut_fail("info failed", key, (long)status);
            ok = 0;
            continue;
        }
        if (matches(key, &before[key], got, size, exists)) {
            out[key] = before[key];
        } else if (key == changed && matches(key, &after[key], got, size, exists)) {
            out[key] = after[key];
        } else {
            cut_fail(exists ? "object is neither its old nor its new value"
                            : "object lost",
                     key, (long)size);
            ok = 0;
            continue;
        }
        want_used += out[key].present ? out[key].len + CIT_STORE_OBJECT_CHARGE : 0u;
    }
    if (ok) {
        cit_test_checks++;
        if (be.ops->used(be.ctx, &used) != PSA_SUCCESS || used != want_used) {
            cut_fail("used() disagrees", 0, (long)used);
            ok = 0;
        }
    }
    return ok;
}

/* check_scratch: the scratch object holds (version, 64 bytes). */
static int check_scratch(uint32_t version)
{
    uint8_t got[64];
    uint8_t want[64];
    cit_store_key_t k = key_of(SCRATCH_UID);

    cit_test_checks++;
    fill(want, sizeof(want), SCRATCH_UID, version);
    if (be.ops->read(be.ctx, &k, 0, got, sizeof(got)) != PSA_SUCCESS ||
        memcmp(got, want, sizeof(got)) != 0) {
        cut_fail("scratch object after recovery", SCRATCH_UID, 0);
        return 0;
    }
    return 1;
}

/* after_recovery: the store keeps working: remove, set, overwrite, re-open, check again. */
static void after_recovery(obj_t *m, uint32_t version)
{
    obj_t expect[NUM_KEYS];
    uint32_t biggest = NUM_KEYS;
    uint32_t other = NUM_KEYS;
    uint32_t key;
    psa_status_t status;

    for (key = 0; key < NUM_KEYS; key++) {
        if (m[key].present && (biggest == NUM_KEYS || m[key].len > m[biggest].len)) {
            biggest = key;
        }
    }
    if (biggest < NUM_KEYS) {
        cit_test_checks++;
        status = store_remove(biggest);
        if (status != PSA_SUCCESS) {
            cut_fail("remove after recovery", biggest, (long)status);
            return;
        }
        m[biggest].present = 0;
    }
    for (key = 0; key < NUM_KEYS; key++) {
        if (m[key].present) {
            other = key;
            break;
        }
    }
    cit_test_checks++;
    status = store_set(SCRATCH_UID, version, 64);
    if (status != PSA_SUCCESS) {
        cut_fail("set after recovery", SCRATCH_UID, (long)status);
        return;
    }
    if (other < NUM_KEYS) {
        cit_test_checks++;
        status = store_set(other, version, 32);
        if (status != PSA_SUCCESS) {
            cut_fail("overwrite after recovery", other, (long)status);
            return;
        }
        m[other].version = version;
        m[other].len = 32;
    }
    if (!check_scratch(version)) {
        return;
    }
    cit_test_checks++;
    status = open_store();
    if (status != PSA_SUCCESS) {
        cut_fail("second re-open", 0, (long)status);
        return;
    }
    if (check_store(m, m, NUM_KEYS, expect, 64 + CIT_STORE_OBJECT_CHARGE)) {
        (void)check_scratch(version);
    }
}

/* ---- One cut ---- */

static unsigned long nested_cuts;
static int last_cut_in_erase;
static uint64_t total_cuts;
static uint64_t total_runs;

static void restore(size_t i)
{
    memcpy(image, snaps[i]->image, image_size);
    memcpy(&fs, &snaps[i]->fs, sizeof(fs));
    be.ctx = &fs;
}

static void run_cut(uint64_t k, size_t i, int erase_mode, uint64_t seed)
{
    const op_t *op = &ops[i];
    const obj_t *before = snaps[i]->model;
    const obj_t *after = (i + 1 < num_ops) ? snaps[i + 1]->model : final_model;
    obj_t seen[NUM_KEYS];
    psa_status_t status;

    cur_k = k;
    restore(i);
    cit_nor_emu_power_on(&emu);
    emu.steps = op->steps_before;
    cit_nor_emu_set_cut(&emu, k - op->steps_before, seed);
    emu.erase_mode = erase_mode;
    status = run_op(op);
    emu.erase_mode = -1;
    last_cut_in_erase = emu.cut_in_erase;
    cit_test_checks++;
    if (emu.powered || status == PSA_SUCCESS) {
        cut_fail("operation did not fail at the cut", op->key, (long)status);
        return;
    }
    /* Reboot; one time in four, power fails again a few steps into the recovery. */
    cit_nor_emu_power_on(&emu);
    if (mix(k ^ cfg.unit) % 4u == 0) {
        cit_nor_emu_set_cut(&emu, 1u + mix(k) % 6u, k ^ 0x5555u);
        status = open_store();
        if (!emu.powered) {
            nested_cuts++;
            cit_test_checks++;
            if (status == PSA_SUCCESS) {
                cut_fail("open did not fail at the nested cut", 0, (long)status);
                return;
            }
        }
        cit_nor_emu_power_on(&emu);
    }
    status = open_store();
    cit_test_checks++;
    if (status != PSA_SUCCESS) {
        cut_fail("re-open after the cut", 0, (long)status);
        return;
    }
    if (!check_store(before, after, op->kind == OP_REOPEN ? NUM_KEYS : op->key, seen, 0)) {
        return;
    }
    after_recovery(seen, 0x40000000u + (uint32_t)k);
    cit_test_checks++;
    if (emu.num_overprograms != 0) {
        cut_fail("a program tried to set a bit back to 1", 0, (long)emu.num_overprograms);
        emu.num_overprograms = 0;
    }
}

/* blank_device: a blank emulated NOR of the current geometry, the store opened on it. */
static void blank_device(void)
{
    memset(image, 0xFF, image_size);
    CHECK(cit_nor_emu_init_ram(&emu, image, cfg.block_size, cfg.num_blocks, cfg.unit) ==
          CIT_NOR_OK);
    CHECK_STATUS(open_store(), PSA_SUCCESS);
}

/* replay_check: running ops 0..i-1 from a blank image gives exactly snapshot i. */
static void replay_check(size_t i)
{
    size_t j;

    blank_device();
    for (j = 0; j < i; j++) {
        CHECK_STATUS(run_op(&ops[j]), ops[j].ref_status);
    }
    CHECK(emu.steps == ops[i].steps_before);
    CHECK(memcmp(image, snaps[i]->image, image_size) == 0);
    CHECK(memcmp(&fs, &snaps[i]->fs, sizeof(fs)) == 0);
}

/* run_config: the reference run, then every (stride-th) cut point, for one geometry. */
static void run_config(const config_t *c, const char *why)
{
    uint64_t k;
    uint64_t next_k;
    size_t e;
    uint64_t tested = 0;
    uint64_t erase_cuts = 0;
    uint64_t erase_variants = 0;
    unsigned long failures_before = cut_failures;
    size_t i;
    size_t sets = 0;
    size_t removes = 0;
    size_t full = 0;
    clock_t t0 = clock();

    cfg = *c;
    image_size = (size_t)cfg.block_size * cfg.num_blocks;
    num_ops = 0;
    next_version = 1;
    ref_gc = ref_relocations = ref_compactions = ref_repairs = 0;
    nested_cuts = 0;
    memset(model, 0, sizeof(model));
    printf("geometry: %u blocks of %u B, program unit %u B\n", (unsigned)cfg.num_blocks,
           (unsigned)cfg.block_size, (unsigned)cfg.unit);
    /* The reference run. */
    blank_device();
    num_erase_steps = 0;
    recording = 1;
    reference_workload();
    recording = 0;
    memcpy(final_model, model, sizeof(model));
    total_steps = emu.steps;
    for (i = 0; i < num_ops; i++) {
        sets += ops[i].kind == OP_SET;
        removes += ops[i].kind == OP_REMOVE;
        full += ops[i].ref_status == PSA_ERROR_INSUFFICIENT_STORAGE;
    }
    printf("  workload: %zu operations (%zu sets, %zu removes, %zu refused as full, %zu "
           "re-opens), %llu device steps, %llu erases, %u collections, %u relocations, "
           "%u compactions, %u blocks erased by re-opens\n",
           num_ops, sets, removes, full, num_ops - sets - removes,
           (unsigned long long)total_steps, (unsigned long long)emu.num_erases,
           (unsigned)(ref_gc + fs.num_gc), (unsigned)(ref_relocations + fs.num_relocations),
           (unsigned)(ref_compactions + fs.num_compactions), (unsigned)ref_repairs);
    CHECK(emu.num_overprograms == 0);
    CHECK(full > 0);
    CHECK(num_ops > 0 && num_ops < MAX_OPS);

    /* Snapshots equal a literal replay from a blank image. */
    replay_check(num_ops / 3);
    replay_check(num_ops - 1);

    if (cfg.stride != 1) {
        printf("  testing one cut point in %llu (%s), and every erase\n",
               (unsigned long long)cfg.stride, why);
    }
    i = 0;
    e = 0;
    for (k = 1; k <= total_steps; k = next_k) {
        /* The next point: the next stride point or the next erase, whichever comes first. */
        next_k = k + cfg.stride - (k - 1) % cfg.stride;
        while (e < num_erase_steps && erase_steps[e] <= k) {
            e++;
        }
        if (e < num_erase_steps && erase_steps[e] < next_k) {
            next_k = erase_steps[e];
        }
        while (i + 1 < num_ops && ops[i + 1].steps_before < k) {
            i++;
        }
        run_cut(k, i, -1, k);
        tested++;
        if (last_cut_in_erase) {
            /* An interrupted erase: every outcome, a few times each. */
            int mode;
            uint64_t seed;

            erase_cuts++;
            for (mode = 0; mode < CIT_NOR_EMU_ERASE_MODES; mode++) {
                for (seed = 1; seed <= 3; seed++) {
                    run_cut(k, i, mode, k * 16u + seed);
                    erase_variants++;
                }
            }
        }
    }
    printf("  cut points tested: %llu of %llu, of which %llu in an erase (each also run with "
           "every interrupted-erase outcome: %llu more runs); nested cuts during recovery: "
           "%lu; failures: %lu; %.1f s\n",
           (unsigned long long)tested, (unsigned long long)total_steps,
           (unsigned long long)erase_cuts, (unsigned long long)erase_variants, nested_cuts,
           cut_failures - failures_before, (double)(clock() - t0) / CLOCKS_PER_SEC);
    CHECK(cut_failures == failures_before);
    CHECK(tested >= 1000);
    CHECK(erase_cuts == num_erase_steps);
    total_cuts += tested;
    total_runs += tested + erase_variants;
    for (i = 0; i < num_ops; i++) {
        free(snaps[i]);
        snaps[i] = NULL;
    }
}

int main(void)
{
    const char *env = getenv("CIT_FLASH_PL_STRIDE");
    uint64_t stride = DEFAULT_STRIDE;
    const char *why = (DEFAULT_STRIDE != 1) ? "sanitizer build" : "";
    config_t c;

    if (env != NULL && atoi(env) > 0) {
        stride = (uint64_t)atoi(env);
        why = "CIT_FLASH_PL_STRIDE";
    }
    /* 16 blocks of 4 KiB, 16-byte program unit: every cut point. */
    c.block_size = 4096;
    c.num_blocks = 16;
    c.unit = 16;
    c.stride = stride;
    run_config(&c, why);
    /* A tighter device, 8 blocks of 4 KiB with an 8-byte program unit: every 6th point. */
    c.num_blocks = 8;
    c.unit = 8;
    c.stride = 6 * stride;
    run_config(&c, env != NULL ? "6 x CIT_FLASH_PL_STRIDE" : "second geometry");
    printf("total: %llu cut points tested (%llu runs with the erase outcomes), %lu failures\n",
           (unsigned long long)total_cuts, (unsigned long long)total_runs, cut_failures);
    return cit_test_end("test_flash_powerloss");
}
