/*
 * test_ps.c - the Protected Storage API (Secure Storage API 1.0, 5.4) on the
 * host file backend, in a fresh temporary directory: every documented
 * error, flags and write-once, offsets, create/set_extended, size limits
 * and a full medium (nothing leaks, nothing is lost), per-caller
 * namespaces, tamper detection (every byte of a sealed object), objects
 * copied between owners or uids, NO_CONFIDENTIALITY (clear yet
 * authenticated), rollback (old versions put back, also after remove and
 * across a protection downgrade), NO_REPLAY_PROTECTION (old versions
 * accepted), a power loss after every store write of every operation
 * (old or new value, never both, never neither), the hardware unique key
 * file, threads and processes sharing objects.
 *
 * The sealed-object and rollback-record layouts below mirror
 * docs/storage.md ("Protected Storage"); the test changes stored bytes
 * through the object store (whose own integrity check then passes), so
 * only Protected Storage's own checks stand between the change and the
 * caller.
 */
#define _DEFAULT_SOURCE 1
#include "test.h"

#include <psa/crypto.h>
#include <psa/protected_storage.h>
#include <citadel/citadel_config.h>

#include "crypto/core.h"
#include "platform/linux/store_file.h"
#include "platform/platform.h"
#include "storage/storage.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(PSA_WANT_ALG_GCM) && defined(PSA_WANT_KEY_TYPE_AES) && \
    defined(PSA_WANT_ALG_HKDF) && defined(PSA_WANT_KEY_TYPE_DERIVE) && \
    defined(PSA_WANT_ALG_SHA_256)

/* ---- Layouts (docs/storage.md) ---- */

#define HDR 60u
#define TAG 16u
#define OVERHEAD (HDR + TAG)
#define MAXD (CIT_STORE_MAX_OBJECT_SIZE - OVERHEAD)
#define OFF_FORMAT 4u
#define OFF_FLAGS 8u
#define OFF_OWNER 12u
#define OFF_UID 16u
#define OFF_SIZE 24u
#define OFF_CAPACITY 28u
#define OFF_DIVERSIFIER 32u
#define OFF_NONCE 48u
#define RR_LEN 40u
#define RR_STATE 5u
#define RR_COMMITTED 0x01u
#define RR_PENDING 0x02u

#define WO PSA_STORAGE_FLAG_WRITE_ONCE
#define NOCONF PSA_STORAGE_FLAG_NO_CONFIDENTIALITY
#define NRP PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION

static char dir[512];
static cit_store_file_t state;
static cit_store_backend_t backend;
static uint8_t big[CIT_STORE_MAX_OBJECT_SIZE + 64];
static uint8_t out[CIT_STORE_MAX_OBJECT_SIZE + 64];
static uint8_t raw[CIT_STORE_MAX_OBJECT_SIZE + 64];
static uint8_t raw2[CIT_STORE_MAX_OBJECT_SIZE + 64];

/* ---- Helpers ---- */

static void fill(uint8_t *p, size_t len, uint32_t seed)
{
    size_t i;

    for (i = 0; i < len; i++) {
        p[i] = (uint8_t)((i * 167u) ^ (seed * 0x9e3779b9u) ^ (seed >> 9) ^ (i >> 8) ^ 0x5a);
    }
}

static psa_status_t set_pattern(psa_storage_uid_t uid, size_t len, uint32_t seed,
                                psa_storage_create_flags_t flags)
{
    fill(big, len, seed);
    return psa_ps_set(uid, len, big, flags);
}

/* holds: uid (current owner) is exactly the pattern (len, seed) with these flags. */
static int holds(psa_storage_uid_t uid, size_t len, uint32_t seed, uint32_t flags)
{
    static uint8_t want[CIT_STORE_MAX_OBJECT_SIZE];
    struct psa_storage_info_t info;
    size_t got = 0;

    if (psa_ps_get_info(uid, &info) != PSA_SUCCESS || info.size != len ||
        info.capacity != len || info.flags != flags) {
        return 0;
    }
    fill(want, len, seed);
    if (psa_ps_get(uid, 0, sizeof(out), out, &got) != PSA_SUCCESS || got != len) {
        return 0;
    }
    return memcmp(out, want, len) == 0;
}

static void skey(cit_store_key_t *k, uint32_t space, int32_t owner, psa_storage_uid_t uid)
{
    k->space = space;
    k->owner = owner;
    k->uid = uid;
}

/* raw_get: the stored bytes of an object (0 if there is none). */
static size_t raw_get(uint32_t space, int32_t owner, psa_storage_uid_t uid, uint8_t *buf)
{
    cit_store_key_t k;
    uint32_t flags;
    size_t len = 0;

    skey(&k, space, owner, uid);
    if (cit_store_info(&k, &flags, &len) != PSA_SUCCESS) {
        return 0;
    }
    if (cit_store_read(&k, 0, buf, len) != PSA_SUCCESS) {
        return 0;
    }
    return len;
}

static int raw_exists(uint32_t space, int32_t owner, psa_storage_uid_t uid)
{
    cit_store_key_t k;
    uint32_t flags;
    size_t len;

    skey(&k, space, owner, uid);
    return cit_store_info(&k, &flags, &len) == PSA_SUCCESS;
}

static void raw_put(uint32_t space, int32_t owner, psa_storage_uid_t uid, const uint8_t *buf,
                    size_t len)
{
    cit_store_key_t k;

    skey(&k, space, owner, uid);
    CHECK_STATUS(cit_store_write(&k, 0, buf, len), PSA_SUCCESS);
}

static void raw_del(uint32_t space, int32_t owner, psa_storage_uid_t uid)
{
    cit_store_key_t k;

    skey(&k, space, owner, uid);
    (void)cit_store_remove(&k);
}

static int32_t me(void)
{
    return cit_storage_caller();
}

static size_t used_now(void)
{
    size_t used = 0;

    CHECK_STATUS(backend.ops->used(backend.ctx, &used), PSA_SUCCESS);
    return used;
}

static psa_status_t get_status(psa_storage_uid_t uid)
{
    size_t got = 0;

    return psa_ps_get(uid, 0, sizeof(out), out, &got);
}

static psa_status_t info_status(psa_storage_uid_t uid)
{
    struct psa_storage_info_t info;

    return psa_ps_get_info(uid, &info);
}

/* rr_state: the state byte of uid's rollback record, or -1 if there is none. */
static int rr_state(psa_storage_uid_t uid)
{
    uint8_t rr[RR_LEN + 8];
    size_t len = raw_get(CIT_SPACE_PS_META, me(), uid, rr);

    return len == RR_LEN ? rr[RR_STATE] : -1;
}

/* ---- Arguments and errors ---- */

static void test_arguments(void)
{
    struct psa_storage_info_t info;
    uint8_t buf[16] = { 1, 2, 3 };
    size_t len = 99;

    CHECK(PSA_PS_API_VERSION_MAJOR == 1 && PSA_PS_API_VERSION_MINOR == 0);
    CHECK(psa_ps_get_support() == PSA_STORAGE_SUPPORT_SET_EXTENDED);
    /* uid 0 is reserved for every function. */
    CHECK_STATUS(psa_ps_set(0, sizeof(buf), buf, 0), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_ps_set(0, 0, NULL, 0x80u), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_ps_get(0, 0, sizeof(buf), buf, &len), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_ps_get_info(0, &info), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_ps_remove(0), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_ps_create(0, 10, 0), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_ps_set_extended(0, 0, 1, buf), PSA_ERROR_INVALID_ARGUMENT);
    /* Missing objects. */
    CHECK_STATUS(psa_ps_get(1, 0, sizeof(buf), buf, &len), PSA_ERROR_DOES_NOT_EXIST);
    CHECK(len == 0);
    CHECK_STATUS(psa_ps_get_info(1, &info), PSA_ERROR_DOES_NOT_EXIST);
    CHECK_STATUS(psa_ps_remove(1), PSA_ERROR_DOES_NOT_EXIST);
    CHECK_STATUS(psa_ps_set_extended(1, 0, 1, buf), PSA_ERROR_DOES_NOT_EXIST);
    /* Pointers: NULL only with a zero length; a range must not wrap. */
    CHECK_STATUS(psa_ps_set(1, 5, NULL, 0), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_ps_set(1, 2, (const void *)(uintptr_t)UINTPTR_MAX, 0),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_ps_get(1, 0, 5, NULL, &len), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_ps_get(1, 0, 5, buf, NULL), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_ps_get_info(1, NULL), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_ps_set_extended(1, 0, 5, NULL), PSA_ERROR_INVALID_ARGUMENT);
    /* Flags this implementation does not know. */
    CHECK_STATUS(psa_ps_set(1, 3, buf, 1u << 3), PSA_ERROR_NOT_SUPPORTED);
    CHECK_STATUS(psa_ps_set(1, 3, buf, 0x80000000u), PSA_ERROR_NOT_SUPPORTED);
    CHECK_STATUS(psa_ps_create(1, 3, 1u << 3), PSA_ERROR_NOT_SUPPORTED);
    CHECK_STATUS(psa_ps_create(1, 3, WO), PSA_ERROR_NOT_SUPPORTED);
    CHECK_STATUS(psa_ps_create(1, 3, WO | NRP), PSA_ERROR_NOT_SUPPORTED);
    CHECK_STATUS(psa_ps_get_info(1, &info), PSA_ERROR_DOES_NOT_EXIST);
    /* Nothing was left behind by the failures. */
    CHECK(!raw_exists(CIT_SPACE_PS, me(), 1) && !raw_exists(CIT_SPACE_PS_META, me(), 1));
}

/* ---- set, get, get_info, remove ---- */

static void test_basic(void)
{
    static const uint32_t flag_sets[] = { 0, NOCONF, NRP, NOCONF | NRP };
    struct psa_storage_info_t info;
    uint8_t buf[64];
    size_t len = 0;
    size_t i;

    for (i = 0; i < sizeof(flag_sets) / sizeof(flag_sets[0]); i++) {
        psa_storage_uid_t uid = 0x10 + i;

        CHECK_STATUS(set_pattern(uid, 100, (uint32_t)i, flag_sets[i]), PSA_SUCCESS);
        CHECK(holds(uid, 100, (uint32_t)i, flag_sets[i]));
        /* Replacing sets size and capacity to the new length, and the new flags. */
        CHECK_STATUS(set_pattern(uid, 37, 50 + (uint32_t)i, flag_sets[(i + 1) % 4]),
                     PSA_SUCCESS);
        CHECK(holds(uid, 37, 50 + (uint32_t)i, flag_sets[(i + 1) % 4]));
        /* A replay-protected object has a settled record; the others have none. */
        if ((flag_sets[(i + 1) % 4] & NRP) == 0) {
            CHECK(rr_state(uid) == RR_COMMITTED);
        } else {
            CHECK(rr_state(uid) == -1);
        }
        CHECK_STATUS(psa_ps_remove(uid), PSA_SUCCESS);
        CHECK_STATUS(psa_ps_remove(uid), PSA_ERROR_DOES_NOT_EXIST);
        CHECK_STATUS(get_status(uid), PSA_ERROR_DOES_NOT_EXIST);
        CHECK(!raw_exists(CIT_SPACE_PS, me(), uid) && !raw_exists(CIT_SPACE_PS_META, me(), uid));
    }

    /* Partial reads. */
    CHECK_STATUS(set_pattern(0x20, 50, 7, 0), PSA_SUCCESS);
    fill(big, 50, 7);
    memset(buf, 0xee, sizeof(buf));
    CHECK_STATUS(psa_ps_get(0x20, 10, 5, buf, &len), PSA_SUCCESS);
    CHECK(len == 5 && memcmp(buf, big + 10, 5) == 0 && buf[5] == 0xee);
    memset(buf, 0xee, sizeof(buf));
    CHECK_STATUS(psa_ps_get(0x20, 45, sizeof(buf), buf, &len), PSA_SUCCESS);
    CHECK(len == 5 && memcmp(buf, big + 45, 5) == 0 && buf[5] == 0xee);
    /* offset == size and data_size 0: nothing copied, success. */
    memset(buf, 0xee, sizeof(buf));
    len = 77;
    CHECK_STATUS(psa_ps_get(0x20, 50, sizeof(buf), buf, &len), PSA_SUCCESS);
    CHECK(len == 0 && buf[0] == 0xee);
    len = 77;
    CHECK_STATUS(psa_ps_get(0x20, 0, 0, NULL, &len), PSA_SUCCESS);
    CHECK(len == 0);
    /* offset > size. */
    CHECK_STATUS(psa_ps_get(0x20, 51, sizeof(buf), buf, &len), PSA_ERROR_INVALID_ARGUMENT);
    CHECK(buf[0] == 0xee);
    CHECK_STATUS(psa_ps_get(0x20, SIZE_MAX, 1, buf, &len), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_ps_remove(0x20), PSA_SUCCESS);

    /* Zero-length objects exist. */
    CHECK_STATUS(psa_ps_set(0x21, 0, NULL, 0), PSA_SUCCESS);
    CHECK_STATUS(psa_ps_get_info(0x21, &info), PSA_SUCCESS);
    CHECK(info.size == 0 && info.capacity == 0 && info.flags == 0);
    CHECK_STATUS(psa_ps_get(0x21, 0, sizeof(buf), buf, &len), PSA_SUCCESS);
    CHECK(len == 0);
    CHECK_STATUS(psa_ps_get(0x21, 1, sizeof(buf), buf, &len), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_ps_remove(0x21), PSA_SUCCESS);

    /* Large uids. */
    CHECK_STATUS(set_pattern(UINT64_MAX, 10, 9, 0), PSA_SUCCESS);
    CHECK(holds(UINT64_MAX, 10, 9, 0));
    CHECK_STATUS(psa_ps_remove(UINT64_MAX), PSA_SUCCESS);
}

static void test_sizes(void)
{
    /* The largest object fits; one byte more does not. */
    CHECK_STATUS(set_pattern(0x30, MAXD, 1, 0), PSA_SUCCESS);
    CHECK(holds(0x30, MAXD, 1, 0));
    CHECK_STATUS(set_pattern(0x31, MAXD + 1, 1, 0), PSA_ERROR_INSUFFICIENT_STORAGE);
    CHECK_STATUS(psa_ps_set(0x31, SIZE_MAX, big, 0), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_ps_create(0x31, MAXD + 1, 0), PSA_ERROR_INSUFFICIENT_STORAGE);
    CHECK_STATUS(psa_ps_create(0x31, SIZE_MAX, 0), PSA_ERROR_INSUFFICIENT_STORAGE);
    CHECK_STATUS(info_status(0x31), PSA_ERROR_DOES_NOT_EXIST);
    /* Replacing with a too-large value keeps the old one. */
    CHECK_STATUS(set_pattern(0x30, MAXD + 1, 2, 0), PSA_ERROR_INSUFFICIENT_STORAGE);
    CHECK(holds(0x30, MAXD, 1, 0));
    CHECK_STATUS(psa_ps_remove(0x30), PSA_SUCCESS);
    CHECK_STATUS(psa_ps_create(0x30, MAXD, NOCONF), PSA_SUCCESS);
    CHECK_STATUS(psa_ps_remove(0x30), PSA_SUCCESS);
}

static void test_write_once(void)
{
    struct psa_storage_info_t info;
    uint8_t b = 1;

    CHECK_STATUS(set_pattern(0x40, 20, 4, WO), PSA_SUCCESS);
    CHECK(holds(0x40, 20, 4, WO));
    CHECK_STATUS(set_pattern(0x40, 20, 5, 0), PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(set_pattern(0x40, 20, 5, WO), PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_ps_remove(0x40), PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_ps_set_extended(0x40, 0, 1, &b), PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_ps_set_extended(0x40, 0, 0, NULL), PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_ps_create(0x40, 10, 0), PSA_ERROR_ALREADY_EXISTS);
    CHECK(holds(0x40, 20, 4, WO));
    /* The store keeps the sealed object write-once too, whatever PS is asked. */
    {
        cit_store_key_t k;
        uint32_t sflags = 0;
        size_t slen = 0;

        skey(&k, CIT_SPACE_PS, me(), 0x40);
        CHECK_STATUS(cit_store_info(&k, &sflags, &slen), PSA_SUCCESS);
        CHECK((sflags & WO) != 0 && slen == OVERHEAD + 20);
        CHECK_STATUS(cit_store_write(&k, 0, raw, slen), PSA_ERROR_NOT_PERMITTED);
        CHECK_STATUS(cit_store_remove(&k), PSA_ERROR_NOT_PERMITTED);
    }
    /* With the other flags. */
    CHECK_STATUS(set_pattern(0x41, 20, 6, WO | NOCONF | NRP), PSA_SUCCESS);
    CHECK_STATUS(psa_ps_get_info(0x41, &info), PSA_SUCCESS);
    CHECK(info.flags == (WO | NOCONF | NRP));
    CHECK_STATUS(psa_ps_remove(0x41), PSA_ERROR_NOT_PERMITTED);
    CHECK(holds(0x41, 20, 6, WO | NOCONF | NRP));
    /* Write-once in one owner's namespace only. */
    cit_core_set_owner(0x77);
    CHECK_STATUS(set_pattern(0x40, 3, 7, 0), PSA_SUCCESS);
    CHECK_STATUS(psa_ps_remove(0x40), PSA_SUCCESS);
    cit_core_set_owner(CIT_OWNER_LOCAL);
}

/* ---- create and set_extended ---- */

static void test_create_extended(void)
{
    struct psa_storage_info_t info;
    uint8_t want[100];
    uint8_t buf[128];
    size_t len = 0;

    CHECK_STATUS(psa_ps_create(0x50, 100, 0), PSA_SUCCESS);
    CHECK_STATUS(psa_ps_get_info(0x50, &info), PSA_SUCCESS);
    CHECK(info.capacity == 100 && info.size == 0 && info.flags == 0);
    CHECK_STATUS(psa_ps_get(0x50, 0, sizeof(buf), buf, &len), PSA_SUCCESS);
    CHECK(len == 0);
    CHECK_STATUS(psa_ps_create(0x50, 100, 0), PSA_ERROR_ALREADY_EXISTS);
    CHECK_STATUS(psa_ps_create(0x50, 10, NRP), PSA_ERROR_ALREADY_EXISTS);
    /* The capacity is reserved in the store. */
    CHECK(raw_get(CIT_SPACE_PS, me(), 0x50, raw) == OVERHEAD + 100);

    fill(want, sizeof(want), 3);
    CHECK_STATUS(psa_ps_set_extended(0x50, 0, 10, want), PSA_SUCCESS);
    CHECK_STATUS(psa_ps_set_extended(0x50, 5, 20, want + 5), PSA_SUCCESS);
    CHECK_STATUS(psa_ps_get_info(0x50, &info), PSA_SUCCESS);
    CHECK(info.capacity == 100 && info.size == 25);
    /* No gaps; not beyond the capacity. */
    CHECK_STATUS(psa_ps_set_extended(0x50, 26, 1, want), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_ps_set_extended(0x50, 25, 76, want), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_ps_set_extended(0x50, SIZE_MAX, 1, want), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_ps_set_extended(0x50, 25, SIZE_MAX, want), PSA_ERROR_INVALID_ARGUMENT);
    /* Zero length: no change, even at size. */
    CHECK_STATUS(psa_ps_set_extended(0x50, 25, 0, NULL), PSA_SUCCESS);
    CHECK_STATUS(psa_ps_set_extended(0x50, 26, 0, NULL), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_ps_set_extended(0x50, 25, 75, want + 25), PSA_SUCCESS);
    CHECK_STATUS(psa_ps_get_info(0x50, &info), PSA_SUCCESS);
    CHECK(info.capacity == 100 && info.size == 100);
    CHECK_STATUS(psa_ps_get(0x50, 0, sizeof(buf), buf, &len), PSA_SUCCESS);
    CHECK(len == 100 && memcmp(buf, want, 100) == 0);
    /* Overwrite in the middle keeps the size. */
    CHECK_STATUS(psa_ps_set_extended(0x50, 40, 3, "abc"), PSA_SUCCESS);
    memcpy(want + 40, "abc", 3);
    CHECK_STATUS(psa_ps_get(0x50, 0, sizeof(buf), buf, &len), PSA_SUCCESS);
    CHECK(len == 100 && memcmp(buf, want, 100) == 0);
    CHECK(rr_state(0x50) == RR_COMMITTED);
    /* psa_ps_set replaces it: capacity becomes the new length. */
    CHECK_STATUS(set_pattern(0x50, 7, 8, 0), PSA_SUCCESS);
    CHECK(holds(0x50, 7, 8, 0));
    CHECK_STATUS(psa_ps_remove(0x50), PSA_SUCCESS);

    /* set_extended on an object made by set: overwrite, never extend. */
    CHECK_STATUS(set_pattern(0x51, 10, 9, NOCONF), PSA_SUCCESS);
    CHECK_STATUS(psa_ps_set_extended(0x51, 8, 2, "zz"), PSA_SUCCESS);
    CHECK_STATUS(psa_ps_set_extended(0x51, 9, 2, "zz"), PSA_ERROR_INVALID_ARGUMENT);
    fill(want, 10, 9);
    memcpy(want + 8, "zz", 2);
    CHECK_STATUS(psa_ps_get(0x51, 0, sizeof(buf), buf, &len), PSA_SUCCESS);
    CHECK(len == 10 && memcmp(buf, want, 10) == 0);
    CHECK_STATUS(psa_ps_get_info(0x51, &info), PSA_SUCCESS);
    CHECK(info.flags == NOCONF && info.size == 10 && info.capacity == 10);
    CHECK_STATUS(psa_ps_remove(0x51), PSA_SUCCESS);

    /* Capacity 0, and the flags kept across set_extended. */
    CHECK_STATUS(psa_ps_create(0x52, 0, NRP | NOCONF), PSA_SUCCESS);
    CHECK_STATUS(psa_ps_get_info(0x52, &info), PSA_SUCCESS);
    CHECK(info.capacity == 0 && info.size == 0 && info.flags == (NRP | NOCONF));
    CHECK_STATUS(psa_ps_set_extended(0x52, 0, 1, "x"), PSA_ERROR_INVALID_ARGUMENT);
    CHECK(rr_state(0x52) == -1);
    CHECK_STATUS(psa_ps_remove(0x52), PSA_SUCCESS);
    CHECK_STATUS(psa_ps_create(0x53, 16, NRP), PSA_SUCCESS);
    CHECK_STATUS(psa_ps_set_extended(0x53, 0, 4, "abcd"), PSA_SUCCESS);
    CHECK_STATUS(psa_ps_get_info(0x53, &info), PSA_SUCCESS);
    CHECK(info.capacity == 16 && info.size == 4 && info.flags == NRP);
    CHECK(rr_state(0x53) == -1);
    CHECK_STATUS(psa_ps_remove(0x53), PSA_SUCCESS);
}

/* ---- Namespaces ---- */

static void test_namespaces(void)
{
    size_t len;

    cit_core_set_owner(0x101);
    CHECK_STATUS(set_pattern(0x60, 30, 0xa, 0), PSA_SUCCESS);
    CHECK_STATUS(set_pattern(0x61, 30, 0xc, 0), PSA_SUCCESS);
    cit_core_set_owner(0x102);
    CHECK_STATUS(info_status(0x61), PSA_ERROR_DOES_NOT_EXIST);
    CHECK_STATUS(set_pattern(0x60, 31, 0xb, NRP), PSA_SUCCESS);
    CHECK(holds(0x60, 31, 0xb, NRP));
    cit_core_set_owner(0x101);
    CHECK(holds(0x60, 30, 0xa, 0));
    CHECK_STATUS(psa_ps_remove(0x60), PSA_SUCCESS);
    cit_core_set_owner(0x102);
    CHECK(holds(0x60, 31, 0xb, NRP));
    CHECK_STATUS(psa_ps_remove(0x61), PSA_ERROR_DOES_NOT_EXIST);

    /* Owner A's sealed object (and its record) copied into owner B's slot. */
    cit_core_set_owner(0x101);
    CHECK_STATUS(set_pattern(0x60, 30, 0xa, 0), PSA_SUCCESS);
    len = raw_get(CIT_SPACE_PS, 0x101, 0x60, raw);
    CHECK(len == OVERHEAD + 30);
    raw_put(CIT_SPACE_PS, 0x102, 0x60, raw, len);
    len = raw_get(CIT_SPACE_PS_META, 0x101, 0x60, raw);
    raw_put(CIT_SPACE_PS_META, 0x102, 0x60, raw, len);
    cit_core_set_owner(0x102);
    CHECK_STATUS(get_status(0x60), PSA_ERROR_INVALID_SIGNATURE);
    CHECK_STATUS(info_status(0x60), PSA_ERROR_INVALID_SIGNATURE);
    /* Even with the owner field rewritten to B: the key and the header disagree. */
    len = raw_get(CIT_SPACE_PS, 0x101, 0x60, raw);
    raw[OFF_OWNER + 3] = 0x02;
    raw_put(CIT_SPACE_PS, 0x102, 0x60, raw, len);
    CHECK_STATUS(get_status(0x60), PSA_ERROR_INVALID_SIGNATURE);
    /* A damaged object is refused by set, and remove discards it. */
    CHECK_STATUS(set_pattern(0x60, 5, 1, 0), PSA_ERROR_INVALID_SIGNATURE);
    CHECK_STATUS(psa_ps_remove(0x60), PSA_SUCCESS);
    CHECK_STATUS(get_status(0x60), PSA_ERROR_DOES_NOT_EXIST);
    /* Another uid's object of the same owner. */
    cit_core_set_owner(0x101);
    len = raw_get(CIT_SPACE_PS, 0x101, 0x60, raw);
    raw_put(CIT_SPACE_PS, 0x101, 0x62, raw, len);
    len = raw_get(CIT_SPACE_PS_META, 0x101, 0x60, raw);
    raw_put(CIT_SPACE_PS_META, 0x101, 0x62, raw, len);
    CHECK_STATUS(get_status(0x62), PSA_ERROR_INVALID_SIGNATURE);
    len = raw_get(CIT_SPACE_PS, 0x101, 0x60, raw);
    raw[OFF_UID + 7] = 0x62;
    raw_put(CIT_SPACE_PS, 0x101, 0x62, raw, len);
    CHECK_STATUS(get_status(0x62), PSA_ERROR_INVALID_SIGNATURE);
    CHECK_STATUS(psa_ps_remove(0x62), PSA_SUCCESS);
    CHECK(holds(0x60, 30, 0xa, 0));
    CHECK_STATUS(psa_ps_remove(0x60), PSA_SUCCESS);
    cit_core_set_owner(0x102);
    CHECK_STATUS(psa_ps_remove(0x60), PSA_ERROR_DOES_NOT_EXIST);
    cit_core_set_owner(CIT_OWNER_LOCAL);
}

/* ---- Tampering ---- */

/* tamper_every_byte: each single-bit change of uid's sealed object is refused, never read. */
static void tamper_every_byte(psa_storage_uid_t uid, size_t data_len, uint32_t seed,
                              uint32_t flags)
{
    size_t len = raw_get(CIT_SPACE_PS, me(), uid, raw);
    unsigned long refused = 0;
    size_t i;

    CHECK(len == OVERHEAD + data_len);
    for (i = 0; i < len; i++) {
        psa_status_t st;
        uint8_t buf[8];
        size_t got = 77;

        memcpy(raw2, raw, len);
        raw2[i] ^= (uint8_t)(1u << (i % 8));
        raw_put(CIT_SPACE_PS, me(), uid, raw2, len);
        memset(buf, 0xee, sizeof(buf));
        st = psa_ps_get(uid, 0, sizeof(buf), buf, &got);
        if (st == PSA_ERROR_INVALID_SIGNATURE || st == PSA_ERROR_DATA_CORRUPT) {
            refused++;
        } else {
            fprintf(stderr, "byte %zu of the sealed object: status %d\n", i, (int)st);
        }
        /* Nothing was written to the caller's buffer. */
        CHECK(buf[0] == 0xee && got == 0);
        CHECK(info_status(uid) == st);
        /* Diversifier, nonce, body or tag: an authentication failure. */
        if (i >= OFF_DIVERSIFIER) {
            CHECK_STATUS(st, PSA_ERROR_INVALID_SIGNATURE);
        }
    }
    CHECK(refused == len);
    /* A truncated or extended object. */
    raw_put(CIT_SPACE_PS, me(), uid, raw, len - 1);
    CHECK_STATUS(get_status(uid), PSA_ERROR_DATA_CORRUPT);
    memcpy(raw2, raw, len);
    raw2[len] = 0;
    raw_put(CIT_SPACE_PS, me(), uid, raw2, len + 1);
    CHECK_STATUS(get_status(uid), PSA_ERROR_DATA_CORRUPT);
    raw_put(CIT_SPACE_PS, me(), uid, raw, 10);
    CHECK_STATUS(get_status(uid), PSA_ERROR_DATA_CORRUPT);
    /* The original bytes are accepted again. */
    raw_put(CIT_SPACE_PS, me(), uid, raw, len);
    CHECK(holds(uid, data_len, seed, flags));
}

static void test_tamper(void)
{
    size_t len;

    CHECK_STATUS(set_pattern(0x70, 40, 0x70, 0), PSA_SUCCESS);
    tamper_every_byte(0x70, 40, 0x70, 0);
    CHECK_STATUS(set_pattern(0x71, 0, 0x71, 0), PSA_SUCCESS);
    tamper_every_byte(0x71, 0, 0x71, 0);
    CHECK_STATUS(set_pattern(0x72, 33, 0x72, NOCONF | NRP), PSA_SUCCESS);
    tamper_every_byte(0x72, 33, 0x72, NOCONF | NRP);
    CHECK_STATUS(psa_ps_create(0x73, 20, 0), PSA_SUCCESS);
    len = raw_get(CIT_SPACE_PS, me(), 0x73, raw);
    CHECK(len == OVERHEAD + 20);
    /* A change in the reserved (unused) part of the capacity is caught too. */
    raw[HDR + 19] ^= 1;
    raw_put(CIT_SPACE_PS, me(), 0x73, raw, len);
    CHECK_STATUS(get_status(0x73), PSA_ERROR_INVALID_SIGNATURE);
    CHECK_STATUS(psa_ps_set_extended(0x73, 0, 1, "a"), PSA_ERROR_INVALID_SIGNATURE);
    raw[HDR + 19] ^= 1;
    raw_put(CIT_SPACE_PS, me(), 0x73, raw, len);
    CHECK_STATUS(psa_ps_set_extended(0x73, 0, 1, "a"), PSA_SUCCESS);
    /* A damaged rollback record. */
    len = raw_get(CIT_SPACE_PS_META, me(), 0x70, raw);
    CHECK(len == RR_LEN);
    raw[0] ^= 1;
    raw_put(CIT_SPACE_PS_META, me(), 0x70, raw, len);
    CHECK_STATUS(get_status(0x70), PSA_ERROR_DATA_CORRUPT);
    raw[0] ^= 1;
    raw[RR_STATE] = 0x80;
    raw_put(CIT_SPACE_PS_META, me(), 0x70, raw, len);
    CHECK_STATUS(get_status(0x70), PSA_ERROR_DATA_CORRUPT);
    raw[RR_STATE] = RR_COMMITTED;
    raw_put(CIT_SPACE_PS_META, me(), 0x70, raw, len - 1);
    CHECK_STATUS(get_status(0x70), PSA_ERROR_DATA_CORRUPT);
    raw_put(CIT_SPACE_PS_META, me(), 0x70, raw, len);
    CHECK(holds(0x70, 40, 0x70, 0));
    CHECK_STATUS(psa_ps_remove(0x70), PSA_SUCCESS);
    CHECK_STATUS(psa_ps_remove(0x71), PSA_SUCCESS);
    CHECK_STATUS(psa_ps_remove(0x72), PSA_SUCCESS);
    CHECK_STATUS(psa_ps_remove(0x73), PSA_SUCCESS);
}

static int contains(const uint8_t *hay, size_t hay_len, const uint8_t *needle, size_t len)
{
    size_t i;

    for (i = 0; i + len <= hay_len; i++) {
        if (memcmp(hay + i, needle, len) == 0) {
            return 1;
        }
    }
    return 0;
}

static void test_no_confidentiality(void)
{
    static const uint8_t secret[] = "a public key, but nobody may change it";
    size_t n = sizeof(secret) - 1;
    size_t len;

    /* Clear text with the flag, ciphertext without it. */
    CHECK_STATUS(psa_ps_set(0x80, n, secret, NOCONF), PSA_SUCCESS);
    len = raw_get(CIT_SPACE_PS, me(), 0x80, raw);
    CHECK(len == OVERHEAD + n && memcmp(raw + HDR, secret, n) == 0);
    CHECK_STATUS(psa_ps_set(0x81, n, secret, 0), PSA_SUCCESS);
    len = raw_get(CIT_SPACE_PS, me(), 0x81, raw2);
    CHECK(len == OVERHEAD + n && !contains(raw2, len, secret, 8));
    /* Still authenticated: a changed letter is refused. */
    raw[HDR + 2] = 'X';
    raw_put(CIT_SPACE_PS, me(), 0x80, raw, OVERHEAD + n);
    CHECK_STATUS(get_status(0x80), PSA_ERROR_INVALID_SIGNATURE);
    /* Dropping the flag in the header (so the body would be "decrypted") is refused. */
    raw[HDR + 2] = secret[2];
    raw[OFF_FLAGS + 3] &= (uint8_t)~NOCONF;
    raw_put(CIT_SPACE_PS, me(), 0x80, raw, OVERHEAD + n);
    CHECK_STATUS(get_status(0x80), PSA_ERROR_INVALID_SIGNATURE);
    raw[OFF_FLAGS + 3] |= NOCONF;
    raw_put(CIT_SPACE_PS, me(), 0x80, raw, OVERHEAD + n);
    CHECK_STATUS(get_status(0x80), PSA_SUCCESS);
    CHECK(memcmp(out, secret, n) == 0);
    /* Every write uses a fresh key and nonce: the same data seals differently. */
    CHECK_STATUS(psa_ps_set(0x81, n, secret, 0), PSA_SUCCESS);
    CHECK(raw_get(CIT_SPACE_PS, me(), 0x81, raw) == len);
    CHECK(memcmp(raw + OFF_DIVERSIFIER, raw2 + OFF_DIVERSIFIER, 16) != 0);
    CHECK(memcmp(raw + OFF_NONCE, raw2 + OFF_NONCE, 12) != 0);
    CHECK(memcmp(raw + HDR, raw2 + HDR, n) != 0);
    CHECK_STATUS(psa_ps_remove(0x80), PSA_SUCCESS);
    CHECK_STATUS(psa_ps_remove(0x81), PSA_SUCCESS);
}

/* ---- Rollback ---- */

static void test_rollback(void)
{
    size_t len1, len2, rlen;
    uint8_t rr1[RR_LEN + 8];

    /* An older version put back is refused by every function that reads it. */
    CHECK_STATUS(set_pattern(0x90, 24, 1, 0), PSA_SUCCESS);
    len1 = raw_get(CIT_SPACE_PS, me(), 0x90, raw);
    rlen = raw_get(CIT_SPACE_PS_META, me(), 0x90, rr1);
    CHECK(rlen == RR_LEN);
    CHECK_STATUS(set_pattern(0x90, 24, 2, 0), PSA_SUCCESS);
    len2 = raw_get(CIT_SPACE_PS, me(), 0x90, raw2);
    raw_put(CIT_SPACE_PS, me(), 0x90, raw, len1);
    CHECK_STATUS(get_status(0x90), PSA_ERROR_DATA_CORRUPT);
    CHECK_STATUS(info_status(0x90), PSA_ERROR_DATA_CORRUPT);
    CHECK_STATUS(psa_ps_set_extended(0x90, 0, 1, "q"), PSA_ERROR_DATA_CORRUPT);
    CHECK_STATUS(set_pattern(0x90, 24, 3, 0), PSA_ERROR_DATA_CORRUPT);
    /* The old record too (the internal store is trusted; this is the worst case). */
    raw_put(CIT_SPACE_PS_META, me(), 0x90, rr1, rlen);
    CHECK(holds(0x90, 24, 1, 0));
    /* The current object is fine again once it is back. */
    CHECK_STATUS(set_pattern(0x90, 24, 2, 0), PSA_SUCCESS);
    len2 = raw_get(CIT_SPACE_PS, me(), 0x90, raw2);
    raw_put(CIT_SPACE_PS, me(), 0x90, raw, len1);
    CHECK_STATUS(get_status(0x90), PSA_ERROR_DATA_CORRUPT);
    raw_put(CIT_SPACE_PS, me(), 0x90, raw2, len2);
    CHECK(holds(0x90, 24, 2, 0));

    /* After remove and a new set, neither the removed value nor older ones come back. */
    CHECK_STATUS(psa_ps_remove(0x90), PSA_SUCCESS);
    raw_put(CIT_SPACE_PS, me(), 0x90, raw2, len2);
    CHECK_STATUS(get_status(0x90), PSA_ERROR_DATA_CORRUPT);
    CHECK_STATUS(psa_ps_remove(0x90), PSA_SUCCESS);
    CHECK_STATUS(set_pattern(0x90, 24, 4, 0), PSA_SUCCESS);
    raw_put(CIT_SPACE_PS, me(), 0x90, raw2, len2);
    CHECK_STATUS(get_status(0x90), PSA_ERROR_DATA_CORRUPT);
    raw_put(CIT_SPACE_PS, me(), 0x90, raw, len1);
    CHECK_STATUS(get_status(0x90), PSA_ERROR_DATA_CORRUPT);
    CHECK_STATUS(psa_ps_remove(0x90), PSA_SUCCESS);

    /* NO_REPLAY_PROTECTION: an older version is accepted, as the flag permits. */
    CHECK_STATUS(set_pattern(0x91, 24, 5, NRP), PSA_SUCCESS);
    len1 = raw_get(CIT_SPACE_PS, me(), 0x91, raw);
    CHECK_STATUS(set_pattern(0x91, 24, 6, NRP), PSA_SUCCESS);
    CHECK(rr_state(0x91) == -1);
    raw_put(CIT_SPACE_PS, me(), 0x91, raw, len1);
    CHECK(holds(0x91, 24, 5, NRP));

    /* A downgrade: an old unprotected version in place of a protected one is refused. */
    CHECK_STATUS(set_pattern(0x91, 24, 7, 0), PSA_SUCCESS);
    CHECK(rr_state(0x91) == RR_COMMITTED);
    len2 = raw_get(CIT_SPACE_PS, me(), 0x91, raw2);
    raw_put(CIT_SPACE_PS, me(), 0x91, raw, len1);
    CHECK_STATUS(get_status(0x91), PSA_ERROR_DATA_CORRUPT);
    raw_put(CIT_SPACE_PS, me(), 0x91, raw2, len2);
    CHECK(holds(0x91, 24, 7, 0));
    /* And the other way: once unprotected, the old protected version is not accepted. */
    CHECK_STATUS(set_pattern(0x91, 24, 8, NRP), PSA_SUCCESS);
    CHECK(rr_state(0x91) == -1);
    raw_put(CIT_SPACE_PS, me(), 0x91, raw2, len2);
    CHECK_STATUS(get_status(0x91), PSA_ERROR_DATA_CORRUPT);
    /* A damaged object is discarded by remove. */
    CHECK_STATUS(psa_ps_remove(0x91), PSA_SUCCESS);
    CHECK_STATUS(get_status(0x91), PSA_ERROR_DOES_NOT_EXIST);
}

/* ---- Power loss after every store write ---- */

/*
 * A medium that dies after `budget` changes (writes or removes): every
 * later change fails with STORAGE_FAILURE, as if power was lost; the first
 * refused PS object write is captured (what the medium might hold if the
 * power had failed after the write instead).
 */
typedef struct {
    long budget; /* changes allowed; -1: any number */
    long changes;
    int captured;
    size_t cap_len;
} fault_t;

static fault_t fault;
static uint8_t captured[CIT_STORE_MAX_OBJECT_SIZE];

static psa_status_t f_info(void *ctx, const cit_store_key_t *key, uint32_t *flags, size_t *size)
{
    (void)ctx;
    return backend.ops->info(backend.ctx, key, flags, size);
}

static psa_status_t f_read(void *ctx, const cit_store_key_t *key, size_t offset, uint8_t *o,
                           size_t len)
{
    (void)ctx;
    return backend.ops->read(backend.ctx, key, offset, o, len);
}

static int f_dead(void)
{
    if (fault.budget >= 0 && fault.changes >= fault.budget) {
        return 1;
    }
    fault.changes++;
    return 0;
}

static psa_status_t f_write(void *ctx, const cit_store_key_t *key, uint32_t flags,
                            const uint8_t *data, size_t len)
{
    (void)ctx;
    if (f_dead()) {
        if (!fault.captured && key->space == CIT_SPACE_PS && len <= sizeof(captured)) {
            memcpy(captured, data, len);
            fault.cap_len = len;
            fault.captured = 1;
        }
        return PSA_ERROR_STORAGE_FAILURE;
    }
    return backend.ops->write(backend.ctx, key, flags, data, len);
}

static psa_status_t f_remove(void *ctx, const cit_store_key_t *key)
{
    (void)ctx;
    if (f_dead()) {
        return PSA_ERROR_STORAGE_FAILURE;
    }
    return backend.ops->remove(backend.ctx, key);
}

static psa_status_t f_used(void *ctx, size_t *bytes)
{
    (void)ctx;
    return backend.ops->used(backend.ctx, bytes);
}

static const cit_store_backend_ops_t fault_ops = { f_info, f_read, f_write, f_remove, f_used };
static const cit_store_backend_t fault_backend = { &fault_ops, NULL };

/* One scenario: before and after states of uid, and the operation between them. */
typedef struct {
    const char *name;
    int old_exists;
    size_t old_len; /* the old object: pattern (old_len, old_seed), flags old_flags */
    uint32_t old_seed, old_flags;
    int new_exists;
    size_t new_len; /* the new object */
    uint32_t new_seed, new_flags;
    int kind; /* 0 set, 1 remove, 2 create (new: capacity new_len, size 0), 3 set_extended */
} scenario_t;

/* observe: 0 = absent, 1 = old value, 2 = new value, -1 = anything else. */
static int observe(const scenario_t *sc, psa_storage_uid_t uid)
{
    struct psa_storage_info_t info;
    psa_status_t st = psa_ps_get_info(uid, &info);

    if (st == PSA_ERROR_DOES_NOT_EXIST) {
        return (!sc->old_exists || !sc->new_exists) ? 0 : -1;
    }
    if (st != PSA_SUCCESS) {
        fprintf(stderr, "%s: get_info status %d\n", sc->name, (int)st);
        return -1;
    }
    if (sc->old_exists && holds(uid, sc->old_len, sc->old_seed, sc->old_flags)) {
        return 1;
    }
    if (sc->kind == 2) {
        return (info.capacity == sc->new_len && info.size == 0 && info.flags == sc->new_flags)
                   ? 2
                   : -1;
    }
    if (sc->kind == 3) {
        /* set_extended: the first 4 bytes changed to "EXT!" in the old object. */
        size_t got = 0;

        fill(big, sc->old_len, sc->old_seed);
        memcpy(big, "EXT!", 4);
        if (psa_ps_get(uid, 0, sizeof(out), out, &got) == PSA_SUCCESS && got == sc->old_len &&
            memcmp(out, big, got) == 0) {
            return 2;
        }
        return -1;
    }
    if (sc->new_exists && holds(uid, sc->new_len, sc->new_seed, sc->new_flags)) {
        return 2;
    }
    return -1;
}

static psa_status_t run_op(const scenario_t *sc, psa_storage_uid_t uid)
{
    switch (sc->kind) {
    case 0:
        return set_pattern(uid, sc->new_len, sc->new_seed, sc->new_flags);
    case 1:
        return psa_ps_remove(uid);
    case 2:
        return psa_ps_create(uid, sc->new_len, sc->new_flags);
    default:
        return psa_ps_set_extended(uid, 0, 4, "EXT!");
    }
}

static void power_loss_scenario(const scenario_t *sc, psa_storage_uid_t base)
{
    long k;

    for (k = 0; k < 8; k++) {
        psa_storage_uid_t uid = base + (psa_storage_uid_t)k;
        size_t old_len = 0;
        size_t new_len;
        psa_status_t st;
        int seen, again;
        int new_code = sc->new_exists ? 2 : 0;
        int both_unprotected = (sc->old_flags & NRP) != 0 && (sc->new_flags & NRP) != 0;

        if (sc->old_exists) {
            if (sc->kind == 3) {
                CHECK_STATUS(psa_ps_create(uid, sc->old_len, sc->old_flags), PSA_SUCCESS);
                fill(big, sc->old_len, sc->old_seed);
                CHECK_STATUS(psa_ps_set_extended(uid, 0, sc->old_len, big), PSA_SUCCESS);
            } else {
                CHECK_STATUS(set_pattern(uid, sc->old_len, sc->old_seed, sc->old_flags),
                             PSA_SUCCESS);
            }
            old_len = raw_get(CIT_SPACE_PS, me(), uid, raw);
        }
        /* The operation, with the power failing after k changes of the medium. */
        memset(&fault, 0, sizeof(fault));
        fault.budget = k;
        cit_store_set_backend(&fault_backend);
        st = run_op(sc, uid);
        cit_store_set_backend(&backend);
        if (fault.changes < k) {
            /* It finished before the power failed: it must have succeeded. */
            CHECK_STATUS(st, PSA_SUCCESS);
            seen = observe(sc, uid);
            if (seen != new_code) {
                fprintf(stderr, "%s: finished after %ld changes: state %d\n", sc->name,
                        fault.changes, seen);
            }
            CHECK(seen == new_code);
        } else {
            /* Restart: old or new, the same on every read, and settled. */
            seen = observe(sc, uid);
            again = observe(sc, uid);
            if (seen < 0 || seen != again) {
                fprintf(stderr, "%s: power loss after %ld changes: state %d then %d\n",
                        sc->name, k, seen, again);
            }
            CHECK(seen >= 0 && seen == again);
            if (st == PSA_SUCCESS && seen != new_code) {
                fprintf(stderr, "%s: success after %ld changes, but state %d\n", sc->name, k,
                        seen);
            }
            CHECK(st != PSA_SUCCESS || seen == new_code);
            CHECK(rr_state(uid) == -1 || rr_state(uid) == RR_COMMITTED);
            /*
             * Never both: the value not chosen cannot be put back (unless
             * neither value has replay protection).
             */
            if (!both_unprotected) {
                if (seen == 2 && sc->old_exists) {
                    new_len = raw_get(CIT_SPACE_PS, me(), uid, raw2);
                    raw_put(CIT_SPACE_PS, me(), uid, raw, old_len);
                    CHECK_STATUS(get_status(uid), PSA_ERROR_DATA_CORRUPT);
                    raw_put(CIT_SPACE_PS, me(), uid, raw2, new_len);
                    CHECK(observe(sc, uid) == 2);
                }
                if (seen == 0 && sc->old_exists && (sc->old_flags & NRP) == 0) {
                    raw_put(CIT_SPACE_PS, me(), uid, raw, old_len);
                    CHECK_STATUS(get_status(uid), PSA_ERROR_DATA_CORRUPT);
                    raw_del(CIT_SPACE_PS, me(), uid);
                    CHECK(observe(sc, uid) == 0);
                }
                if (seen == 1 && fault.captured) {
                    raw_put(CIT_SPACE_PS, me(), uid, captured, fault.cap_len);
                    if (get_status(uid) != PSA_ERROR_DATA_CORRUPT) {
                        fprintf(stderr, "%s: after %ld changes, the lost write is accepted\n",
                                sc->name, k);
                    }
                    CHECK_STATUS(get_status(uid), PSA_ERROR_DATA_CORRUPT);
                    raw_put(CIT_SPACE_PS, me(), uid, raw, old_len);
                    CHECK(observe(sc, uid) == 1);
                }
            }
        }
        /* Still usable, and nothing is left behind. */
        CHECK_STATUS(set_pattern(uid, 9, 99, 0), PSA_SUCCESS);
        CHECK(holds(uid, 9, 99, 0));
        CHECK_STATUS(psa_ps_remove(uid), PSA_SUCCESS);
        CHECK(!raw_exists(CIT_SPACE_PS, me(), uid) && !raw_exists(CIT_SPACE_PS_META, me(), uid));
        if (fault.changes < k) {
            break;
        }
    }
}

static void test_power_loss(void)
{
    static const scenario_t scenarios[] = {
        { "set over protected", 1, 40, 1, 0, 1, 50, 2, 0, 0 },
        { "set new protected", 0, 0, 0, 0, 1, 50, 3, 0, 0 },
        { "set new unprotected", 0, 0, 0, 0, 1, 50, 3, NRP, 0 },
        { "protected to unprotected", 1, 40, 4, 0, 1, 30, 5, NRP | NOCONF, 0 },
        { "unprotected to protected", 1, 40, 6, NRP, 1, 30, 7, 0, 0 },
        { "unprotected over unprotected", 1, 40, 6, NRP, 1, 30, 7, NRP, 0 },
        { "remove protected", 1, 40, 8, 0, 0, 0, 0, 0, 1 },
        { "remove unprotected", 1, 40, 8, NRP, 0, 0, 0, 0, 1 },
        { "create", 0, 0, 0, 0, 1, 64, 0, 0, 2 },
        { "set_extended", 1, 40, 9, 0, 1, 40, 0, 0, 3 },
    };
    size_t i;
    size_t used0 = used_now();

    for (i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++) {
        power_loss_scenario(&scenarios[i], 0x1000 + 0x10 * i);
    }
    CHECK(used_now() == used0);

    /* The case spelled out: the object is written, its record is not. */
    {
        size_t old_len;

        CHECK_STATUS(set_pattern(0xa0, 16, 1, 0), PSA_SUCCESS);
        old_len = raw_get(CIT_SPACE_PS, me(), 0xa0, raw);
        memset(&fault, 0, sizeof(fault));
        fault.budget = 2; /* record (pending), object; the final record is lost */
        cit_store_set_backend(&fault_backend);
        CHECK_STATUS(set_pattern(0xa0, 16, 2, 0), PSA_ERROR_STORAGE_FAILURE);
        cit_store_set_backend(&backend);
        CHECK(rr_state(0xa0) == (RR_COMMITTED | RR_PENDING));
        CHECK(holds(0xa0, 16, 2, 0));
        CHECK(rr_state(0xa0) == RR_COMMITTED);
        raw_put(CIT_SPACE_PS, me(), 0xa0, raw, old_len);
        CHECK_STATUS(get_status(0xa0), PSA_ERROR_DATA_CORRUPT);
        CHECK_STATUS(psa_ps_remove(0xa0), PSA_SUCCESS);
    }
}

/* ---- A full medium ---- */

static void test_full(void)
{
    size_t used0 = used_now();
    size_t used1;
    psa_storage_uid_t uid;
    psa_storage_uid_t last;
    psa_status_t st = PSA_SUCCESS;

    CHECK_STATUS(set_pattern(0xb00, 100, 1, 0), PSA_SUCCESS);
    for (uid = 0xb01; uid < 0xb40; uid++) {
        st = set_pattern(uid, MAXD, (uint32_t)uid, 0);
        if (st != PSA_SUCCESS) {
            break;
        }
    }
    CHECK_STATUS(st, PSA_ERROR_INSUFFICIENT_STORAGE);
    CHECK(uid > 0xb05);
    /* Top up with small objects until even those do not fit. */
    for (last = 0xc00; last < 0xd00; last++) {
        st = set_pattern(last, 500, (uint32_t)last, NRP);
        if (st != PSA_SUCCESS) {
            break;
        }
    }
    CHECK_STATUS(st, PSA_ERROR_INSUFFICIENT_STORAGE);
    used1 = used_now();
    /* Failures change nothing and leave nothing behind. */
    CHECK_STATUS(set_pattern(0xb00, 5000, 2, 0), PSA_ERROR_INSUFFICIENT_STORAGE);
    CHECK(holds(0xb00, 100, 1, 0));
    CHECK_STATUS(set_pattern(0xe00, 5000, 2, 0), PSA_ERROR_INSUFFICIENT_STORAGE);
    CHECK_STATUS(psa_ps_create(0xe01, 5000, 0), PSA_ERROR_INSUFFICIENT_STORAGE);
    CHECK_STATUS(get_status(0xe00), PSA_ERROR_DOES_NOT_EXIST);
    CHECK_STATUS(get_status(0xe01), PSA_ERROR_DOES_NOT_EXIST);
    CHECK(used_now() == used1);
    CHECK(!raw_exists(CIT_SPACE_PS_META, me(), 0xe00));
    /* Replacing with the same size still works when full. */
    CHECK_STATUS(set_pattern(0xb00, 100, 3, 0), PSA_SUCCESS);
    CHECK(holds(0xb00, 100, 3, 0));
    CHECK(holds(0xb01, MAXD, 0xb01, 0));
    /* Clean up: everything is given back. */
    for (; uid > 0xb00; uid--) {
        psa_status_t r = psa_ps_remove(uid - 1);

        CHECK(r == PSA_SUCCESS);
    }
    for (; last > 0xc00; last--) {
        CHECK_STATUS(psa_ps_remove(last - 1), PSA_SUCCESS);
    }
    CHECK(used_now() == used0);
}

/* ---- The hardware unique key ---- */

static int read_huk_file(const char *d, uint8_t huk[32], struct stat *sb)
{
    char path[1024];
    int fd;
    ssize_t n;

    snprintf(path, sizeof(path), "%s/huk", d);
    if (stat(path, sb) != 0) {
        return 0;
    }
    fd = open(path, O_RDONLY);
    if (fd < 0) {
        return 0;
    }
    n = read(fd, huk, 32);
    close(fd);
    return n == 32;
}

static void write_huk_file(const uint8_t *huk, size_t len)
{
    char path[1024];
    int fd;

    snprintf(path, sizeof(path), "%s/huk", dir);
    fd = open(path, O_WRONLY | O_TRUNC);
    CHECK(fd >= 0);
    CHECK(write(fd, huk, len) == (ssize_t)len);
    close(fd);
}

/* child_status: runs fn in a child process; returns its exit status (0: as expected). */
static int child_status(int (*fn)(void))
{
    pid_t pid = fork();
    int status = 0;

    if (pid == 0) {
        _exit(fn());
    }
    if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
        return -1;
    }
    return WEXITSTATUS(status);
}

static int child_reads_object(void)
{
    return holds(0xc1, 64, 0xc1, 0) ? 0 : 1;
}

/* A fresh directory with a permissive umask still gets a 0600 key; twice the same key. */
static int child_new_huk(void)
{
    char d2[600];
    uint8_t a[32], b[32], f[32];
    struct stat sb;

    snprintf(d2, sizeof(d2), "%s/fresh", dir);
    umask(0);
    setenv("CITADEL_STORAGE_DIR", d2, 1);
    if (cit_platform_huk(a) != 0 || cit_platform_huk(b) != 0 || memcmp(a, b, 32) != 0) {
        return 1;
    }
    if (!read_huk_file(d2, f, &sb) || memcmp(f, a, 32) != 0) {
        return 2;
    }
    if ((sb.st_mode & 0777) != 0600 || sb.st_size != 32) {
        return 3;
    }
    if (stat(d2, &sb) != 0 || (sb.st_mode & 0777) != 0700) {
        return 4;
    }
    return 0;
}

static void test_huk(void)
{
    uint8_t h1[32], h2[32], p[32], wrong[32];
    struct stat sb;

    /* Made on first use, mode 0600, 32 bytes, stable. */
    CHECK(read_huk_file(dir, h1, &sb));
    CHECK((sb.st_mode & 0777) == 0600 && sb.st_size == 32 && S_ISREG(sb.st_mode));
    CHECK(cit_platform_huk(p) == 0 && memcmp(p, h1, 32) == 0);
    CHECK_STATUS(set_pattern(0xc1, 64, 0xc1, 0), PSA_SUCCESS);
    CHECK(read_huk_file(dir, h2, &sb) && memcmp(h1, h2, 32) == 0);
    /* Another process (a re-init from scratch) reads the same key and the object. */
    CHECK(child_status(child_reads_object) == 0);
    CHECK(child_status(child_new_huk) == 0);
    /* The store re-opened: still readable. */
    cit_store_file_close(&state);
    CHECK_STATUS(cit_store_file_open(&backend, &state, dir), PSA_SUCCESS);
    cit_store_set_backend(&backend);
    CHECK(holds(0xc1, 64, 0xc1, 0));
    /* The objects depend on the key: another device's key cannot open them. */
    memcpy(wrong, h1, 32);
    wrong[0] ^= 1;
    write_huk_file(wrong, 32);
    CHECK_STATUS(get_status(0xc1), PSA_ERROR_INVALID_SIGNATURE);
    /* A damaged key file is an error, never silently replaced. */
    write_huk_file(h1, 31);
    CHECK_STATUS(get_status(0xc1), PSA_ERROR_STORAGE_FAILURE);
    CHECK_STATUS(set_pattern(0xc2, 4, 1, 0), PSA_ERROR_STORAGE_FAILURE);
    CHECK(cit_platform_huk(p) == -1);
    {
        char path[1024];

        snprintf(path, sizeof(path), "%s/huk", dir);
        CHECK(stat(path, &sb) == 0 && sb.st_size == 31);
    }
    write_huk_file(h1, 32);
    CHECK(holds(0xc1, 64, 0xc1, 0));
    CHECK_STATUS(psa_ps_remove(0xc1), PSA_SUCCESS);
    memset(p, 0, sizeof(p));
}

/* ---- Threads and processes ---- */

#define SHARED_UID 0xd0u
#define ROUNDS 40

/* A shared object always holds 48 equal bytes; each writer uses its own byte value. */
static int shared_round(uint8_t value, int *bad)
{
    uint8_t v[48], r[48];
    size_t got = 0;
    size_t i;
    psa_status_t st;

    memset(v, value, sizeof(v));
    if (psa_ps_set(SHARED_UID, sizeof(v), v, 0) != PSA_SUCCESS) {
        (*bad)++;
    }
    st = psa_ps_get(SHARED_UID, 0, sizeof(r), r, &got);
    if (st != PSA_SUCCESS || got != sizeof(r)) {
        (*bad)++;
        return 0;
    }
    for (i = 1; i < sizeof(r); i++) {
        if (r[i] != r[0]) {
            (*bad)++;
        }
    }
    return 1;
}

typedef struct {
    int id;
    int bad;
} worker_t;

static void *thread_main(void *arg)
{
    worker_t *w = (worker_t *)arg;
    int i;

    for (i = 0; i < ROUNDS; i++) {
        shared_round((uint8_t)(0x10 * w->id + i), &w->bad);
    }
    return NULL;
}

static int child_hammer(void)
{
    int bad = 0;
    int i;

    for (i = 0; i < ROUNDS; i++) {
        shared_round((uint8_t)(0x80 + i), &bad);
    }
    return bad == 0 ? 0 : 1;
}

static void test_concurrency(void)
{
    pthread_t th[4];
    worker_t w[4];
    pid_t pids[2];
    int i;

    for (i = 0; i < 4; i++) {
        w[i].id = i;
        w[i].bad = 0;
        CHECK(pthread_create(&th[i], NULL, thread_main, &w[i]) == 0);
    }
    for (i = 0; i < 4; i++) {
        CHECK(pthread_join(th[i], NULL) == 0);
        CHECK(w[i].bad == 0);
    }
    /* Two processes on the same directory, besides this one. */
    for (i = 0; i < 2; i++) {
        pids[i] = fork();
        if (pids[i] == 0) {
            _exit(child_hammer());
        }
    }
    {
        int b = 0;

        for (i = 0; i < ROUNDS; i++) {
            shared_round((uint8_t)(0xc0 + i), &b);
        }
        CHECK(b == 0);
    }
    for (i = 0; i < 2; i++) {
        int status = 0;

        CHECK(pids[i] > 0 && waitpid(pids[i], &status, 0) == pids[i]);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    CHECK_STATUS(get_status(SHARED_UID), PSA_SUCCESS);
    CHECK_STATUS(psa_ps_remove(SHARED_UID), PSA_SUCCESS);
}

static void remove_dir(const char *d)
{
    char cmd[1200];

    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", d);
    if (system(cmd) != 0) {
        fprintf(stderr, "note: could not remove %s\n", d);
    }
}

int main(void)
{
    const char *tmp = getenv("TMPDIR");

    snprintf(dir, sizeof(dir), "%s/citadel-ps-XXXXXX", tmp != NULL && tmp[0] ? tmp : "/tmp");
    if (mkdtemp(dir) == NULL) {
        cit_test_skip("cannot create a temporary directory");
    }
    /* The HUK and the PS lock file live in the storage directory. */
    setenv("CITADEL_STORAGE_DIR", dir, 1);
    CHECK_STATUS(psa_crypto_init(), PSA_SUCCESS);
    CHECK_STATUS(cit_store_file_open(&backend, &state, dir), PSA_SUCCESS);
    cit_store_set_backend(&backend);

    test_arguments();
    test_basic();
    test_sizes();
    test_write_once();
    test_create_extended();
    test_namespaces();
    test_tamper();
    test_no_confidentiality();
    test_rollback();
    test_power_loss();
    test_full();
    test_huk();
    test_concurrency();

    cit_store_set_backend(NULL);
    cit_store_file_close(&state);
    remove_dir(dir);
    return cit_test_end("ps");
}

#else
int main(void)
{
    cit_test_skip("Protected Storage needs AES-GCM, HKDF and SHA-256 in the configuration");
    return 77;
}
#endif
