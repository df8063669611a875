/*
 * test_keys.c - key management through the standard API (spec 9.1-9.9):
 * the BAD_STATE answers before psa_crypto_init, attribute objects, import /
 * export / generate / copy / destroy / purge of every unstructured key type
 * wanted in this build with their documented errors, implied usage flags,
 * copy-policy intersection, psa_check_key_usage, lifetimes this release
 * does not store (persistent, other locations), key-store exhaustion (slot
 * pool and material arena) without leaks, volatile id allocation and a
 * multi-threaded smoke test.
 *
 * The test adapts to the configuration (citadel_config.h or the file named
 * by CIT_CONFIG_FILE): every type-specific part is guarded by PSA_WANT_*.
 */
#define _POSIX_C_SOURCE 200809L

#include "psa/crypto.h"
#include "citadel/citadel_config.h"
#include "test.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* ---- What this build offers ---- */

#if defined(PSA_WANT_KEY_TYPE_RAW_DATA)
#define WANT_RAW_DATA 1
#else
#define WANT_RAW_DATA 0
#endif
#if defined(PSA_WANT_KEY_TYPE_HMAC)
#define WANT_HMAC 1
#else
#define WANT_HMAC 0
#endif
#if defined(PSA_WANT_KEY_TYPE_DERIVE)
#define WANT_DERIVE 1
#else
#define WANT_DERIVE 0
#endif
#if defined(PSA_WANT_KEY_TYPE_PASSWORD)
#define WANT_PASSWORD 1
#else
#define WANT_PASSWORD 0
#endif
#if defined(PSA_WANT_KEY_TYPE_PASSWORD_HASH)
#define WANT_PASSWORD_HASH 1
#else
#define WANT_PASSWORD_HASH 0
#endif
#if defined(PSA_WANT_KEY_TYPE_PEPPER)
#define WANT_PEPPER 1
#else
#define WANT_PEPPER 0
#endif
#if defined(PSA_WANT_KEY_TYPE_AES)
#define WANT_AES 1
#else
#define WANT_AES 0
#endif

/* GEN_TYPE: a wanted type that takes a 16-byte key, for the generic tests. */
#if defined(PSA_WANT_KEY_TYPE_RAW_DATA)
#define GEN_TYPE PSA_KEY_TYPE_RAW_DATA
#elif defined(PSA_WANT_KEY_TYPE_HMAC)
#define GEN_TYPE PSA_KEY_TYPE_HMAC
#elif defined(PSA_WANT_KEY_TYPE_DERIVE)
#define GEN_TYPE PSA_KEY_TYPE_DERIVE
#elif defined(PSA_WANT_KEY_TYPE_AES)
#define GEN_TYPE PSA_KEY_TYPE_AES
#endif
#define GEN_LEN 16u

/* BIG_TYPE: a wanted type that takes keys of any length (to fill the arena). */
#if defined(PSA_WANT_KEY_TYPE_RAW_DATA)
#define BIG_TYPE PSA_KEY_TYPE_RAW_DATA
#elif defined(PSA_WANT_KEY_TYPE_HMAC)
#define BIG_TYPE PSA_KEY_TYPE_HMAC
#elif defined(PSA_WANT_KEY_TYPE_DERIVE)
#define BIG_TYPE PSA_KEY_TYPE_DERIVE
#elif defined(PSA_WANT_KEY_TYPE_PASSWORD)
#define BIG_TYPE PSA_KEY_TYPE_PASSWORD
#endif

/* HMAC-SHA-256 is computable: MAC calls can show that a key works. */
#if defined(PSA_WANT_KEY_TYPE_HMAC) && defined(PSA_WANT_ALG_HMAC) && defined(PSA_WANT_ALG_SHA_256)
#define HAVE_HMAC_SHA256 1
#endif

#define HMAC256 PSA_ALG_HMAC(PSA_ALG_SHA_256)

typedef struct {
    psa_key_type_t type;
    const char *name;
    int wanted;
} type_case_t;

static const type_case_t type_cases[] = {
    { PSA_KEY_TYPE_RAW_DATA, "RAW_DATA", WANT_RAW_DATA },
    { PSA_KEY_TYPE_HMAC, "HMAC", WANT_HMAC },
    { PSA_KEY_TYPE_DERIVE, "DERIVE", WANT_DERIVE },
    { PSA_KEY_TYPE_PASSWORD, "PASSWORD", WANT_PASSWORD },
    { PSA_KEY_TYPE_PASSWORD_HASH, "PASSWORD_HASH", WANT_PASSWORD_HASH },
    { PSA_KEY_TYPE_PEPPER, "PEPPER", WANT_PEPPER },
    { PSA_KEY_TYPE_AES, "AES", WANT_AES },
};
#define NUM_TYPE_CASES (sizeof(type_cases) / sizeof(type_cases[0]))

/* ---- Helpers ---- */

/* pattern fills buf with bytes that depend on seed (never all equal). */
static void pattern(uint8_t *buf, size_t len, uint32_t seed)
{
    uint32_t x = seed * 2654435761u + 0x9e3779b9u;
    size_t i;

    for (i = 0; i < len; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        buf[i] = (uint8_t)(x >> 7);
    }
    if (len > 1 && buf[0] == buf[1]) {
        buf[1] ^= 0x5a;
    }
}

static void set_attr(psa_key_attributes_t *a, psa_key_type_t type, size_t bits,
                     psa_key_usage_t usage, psa_algorithm_t alg)
{
    psa_reset_key_attributes(a);
    psa_set_key_type(a, type);
    psa_set_key_bits(a, bits);
    psa_set_key_usage_flags(a, usage);
    psa_set_key_algorithm(a, alg);
}

static psa_status_t import_as(psa_key_type_t type, psa_key_usage_t usage, psa_algorithm_t alg,
                              const uint8_t *data, size_t len, psa_key_id_t *id)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;

    set_attr(&a, type, 0, usage, alg);
    return psa_import_key(&a, data, len, id);
}

static int is_all(const uint8_t *p, size_t n, uint8_t v)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (p[i] != v) {
            return 0;
        }
    }
    return 1;
}

/* attr_is_default: the state of a freshly initialized attribute object (spec 9.1.1). */
static int attr_is_default(const psa_key_attributes_t *a)
{
    return psa_get_key_lifetime(a) == PSA_KEY_LIFETIME_VOLATILE &&
           psa_get_key_id(a) == PSA_KEY_ID_NULL && psa_get_key_type(a) == PSA_KEY_TYPE_NONE &&
           psa_get_key_bits(a) == 0 && psa_get_key_usage_flags(a) == 0 &&
           psa_get_key_algorithm(a) == PSA_ALG_NONE;
}

/* ---- Before psa_crypto_init (must run first) ---- */

static void test_before_init(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    uint8_t data[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
    uint8_t out[16];
    size_t out_len = 99;
    psa_key_id_t id = 1234;

    set_attr(&a, PSA_KEY_TYPE_RAW_DATA, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    CHECK_STATUS(psa_import_key(&a, data, sizeof(data), &id), PSA_ERROR_BAD_STATE);
    CHECK(id == PSA_KEY_ID_NULL);

    id = 1234;
    psa_set_key_bits(&a, 128);
    CHECK_STATUS(psa_generate_key(&a, &id), PSA_ERROR_BAD_STATE);
    CHECK(id == PSA_KEY_ID_NULL);

    CHECK_STATUS(psa_export_key(0x7f000000u, out, sizeof(out), &out_len), PSA_ERROR_BAD_STATE);
    CHECK(out_len == 0);
    CHECK_STATUS(psa_export_public_key(0x7f000000u, out, sizeof(out), &out_len),
                 PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_destroy_key(0x7f000000u), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_destroy_key(1), PSA_ERROR_BAD_STATE);
    /* PSA_KEY_ID_NULL: "do nothing and return PSA_SUCCESS" (spec 9.9.2). */
    CHECK_STATUS(psa_destroy_key(PSA_KEY_ID_NULL), PSA_SUCCESS);
    CHECK_STATUS(psa_purge_key(0x7f000000u), PSA_ERROR_BAD_STATE);

    psa_set_key_type(&a, PSA_KEY_TYPE_AES);
    CHECK_STATUS(psa_get_key_attributes(0x7f000000u, &a), PSA_ERROR_BAD_STATE);
    CHECK(attr_is_default(&a));

    id = 1234;
    set_attr(&a, PSA_KEY_TYPE_NONE, 0, 0, PSA_ALG_NONE);
    CHECK_STATUS(psa_copy_key(0x7f000000u, &a, &id), PSA_ERROR_BAD_STATE);
    CHECK(id == PSA_KEY_ID_NULL);
    CHECK_STATUS(psa_check_key_usage(0x7f000000u, PSA_ALG_NONE, PSA_KEY_USAGE_EXPORT),
                 PSA_ERROR_BAD_STATE);

    CHECK_STATUS(psa_generate_random(out, sizeof(out)), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_generate_random(out, 0), PSA_ERROR_BAD_STATE);
}

static void test_init(void)
{
    CHECK_STATUS(psa_crypto_init(), PSA_SUCCESS);
    /* Idempotent (spec 8.2): further calls succeed and change nothing. */
    CHECK_STATUS(psa_crypto_init(), PSA_SUCCESS);
    CHECK_STATUS(psa_crypto_init(), PSA_SUCCESS);
}

/* ---- Attribute objects (spec 9.1, 9.6, 9.7) ---- */

static void test_attributes(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_attributes_t b;
    psa_key_attributes_t c;
    static psa_key_attributes_t s;
    const psa_key_location_t loc = (psa_key_location_t)0x800001u;

    b = psa_key_attributes_init();
    memset(&c, 0, sizeof(c));
    CHECK(attr_is_default(&a));
    CHECK(attr_is_default(&b));
    CHECK(attr_is_default(&c));
    CHECK(attr_is_default(&s));

    psa_set_key_type(&a, PSA_KEY_TYPE_HMAC);
    psa_set_key_bits(&a, 256);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_EXPORT);
    psa_set_key_algorithm(&a, HMAC256);
    CHECK(psa_get_key_type(&a) == PSA_KEY_TYPE_HMAC);
    CHECK(psa_get_key_bits(&a) == 256);
    CHECK(psa_get_key_usage_flags(&a) == (PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_EXPORT));
    CHECK(psa_get_key_algorithm(&a) == HMAC256);
    CHECK(psa_get_key_lifetime(&a) == PSA_KEY_LIFETIME_VOLATILE);
    CHECK(psa_get_key_id(&a) == PSA_KEY_ID_NULL);
    /* Setters overwrite. */
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_VERIFY_MESSAGE);
    CHECK(psa_get_key_usage_flags(&a) == PSA_KEY_USAGE_VERIFY_MESSAGE);
    psa_set_key_bits(&a, 0);
    CHECK(psa_get_key_bits(&a) == 0);

    /* psa_set_key_id on a volatile lifetime makes it persistent (spec 9.7.2). */
    psa_set_key_id(&a, 42);
    CHECK(psa_get_key_id(&a) == 42);
    CHECK(psa_get_key_lifetime(&a) == PSA_KEY_LIFETIME_PERSISTENT);
    /* ... keeping the location. */
    psa_reset_key_attributes(&b);
    psa_set_key_lifetime(&b, PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
                                 PSA_KEY_PERSISTENCE_VOLATILE, loc));
    psa_set_key_id(&b, 7);
    CHECK(psa_get_key_id(&b) == 7);
    CHECK(PSA_KEY_LIFETIME_GET_PERSISTENCE(psa_get_key_lifetime(&b)) ==
          PSA_KEY_PERSISTENCE_DEFAULT);
    CHECK(PSA_KEY_LIFETIME_GET_LOCATION(psa_get_key_lifetime(&b)) == loc);
    /* An already persistent lifetime is kept. */
    psa_reset_key_attributes(&b);
    psa_set_key_lifetime(&b, PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(0x80u, loc));
    psa_set_key_id(&b, 9);
    CHECK(psa_get_key_lifetime(&b) ==
          PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(0x80u, loc));
    CHECK(psa_get_key_id(&b) == 9);
    /* A persistent lifetime keeps the id; a volatile one clears it (spec 9.6). */
    psa_set_key_lifetime(&a, PSA_KEY_LIFETIME_PERSISTENT);
    CHECK(psa_get_key_id(&a) == 42);
    psa_set_key_lifetime(&a, PSA_KEY_LIFETIME_VOLATILE);
    CHECK(psa_get_key_id(&a) == PSA_KEY_ID_NULL);
    CHECK(psa_get_key_lifetime(&a) == PSA_KEY_LIFETIME_VOLATILE);
    psa_set_key_id(&a, 43);
    psa_set_key_lifetime(&a, PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
                                 PSA_KEY_PERSISTENCE_VOLATILE, loc));
    CHECK(psa_get_key_id(&a) == PSA_KEY_ID_NULL);
    CHECK(PSA_KEY_LIFETIME_IS_VOLATILE(psa_get_key_lifetime(&a)));

    /* Reset returns to the initial state. */
    psa_set_key_id(&a, 44);
    psa_reset_key_attributes(&a);
    CHECK(attr_is_default(&a));
}

#if defined(GEN_TYPE)

/* ---- Lifetimes (persistent keys in depth: test_persistent.c) ---- */

static void test_lifetimes(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    uint8_t data[GEN_LEN], out[GEN_LEN];
    psa_key_id_t id, src = PSA_KEY_ID_NULL;
    size_t len = 0;

    pattern(data, sizeof(data), 1);

    /* Persistent keys at both ends of the application id range. */
    set_attr(&a, GEN_TYPE, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    psa_set_key_id(&a, 1);
    id = 77;
    CHECK_STATUS(psa_import_key(&a, data, sizeof(data), &id), PSA_SUCCESS);
    CHECK(id == 1);
    psa_set_key_id(&a, PSA_KEY_ID_USER_MAX);
    CHECK_STATUS(psa_import_key(&a, data, sizeof(data), &id), PSA_SUCCESS);
    CHECK(id == PSA_KEY_ID_USER_MAX);
    CHECK_STATUS(psa_export_key(PSA_KEY_ID_USER_MAX, out, sizeof(out), &len), PSA_SUCCESS);
    CHECK(len == sizeof(data) && memcmp(out, data, len) == 0);
    /* The id is taken now. */
    psa_set_key_bits(&a, 8 * GEN_LEN);
    id = 77;
    CHECK_STATUS(psa_generate_key(&a, &id), PSA_ERROR_ALREADY_EXISTS);
    CHECK(id == PSA_KEY_ID_NULL);

    /* A persistent lifetime without a valid id: the id is not valid for the lifetime. */
    set_attr(&a, GEN_TYPE, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    psa_set_key_lifetime(&a, PSA_KEY_LIFETIME_PERSISTENT);
    CHECK_STATUS(psa_import_key(&a, data, sizeof(data), &id), PSA_ERROR_INVALID_ARGUMENT);
    psa_set_key_id(&a, 0x80000000u);
    CHECK_STATUS(psa_import_key(&a, data, sizeof(data), &id), PSA_ERROR_INVALID_ARGUMENT);

    /* A volatile key in another location: no such location in this build. */
    set_attr(&a, GEN_TYPE, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    psa_set_key_lifetime(&a, PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
                                 PSA_KEY_PERSISTENCE_VOLATILE,
                                 PSA_KEY_LOCATION_PRIMARY_SECURE_ELEMENT));
    CHECK_STATUS(psa_import_key(&a, data, sizeof(data), &id), PSA_ERROR_NOT_SUPPORTED);
    CHECK(id == PSA_KEY_ID_NULL);
    psa_set_key_bits(&a, 8 * GEN_LEN);
    CHECK_STATUS(psa_generate_key(&a, &id), PSA_ERROR_NOT_SUPPORTED);

    /* Copying into a persistent key, and onto a taken id. */
    CHECK_STATUS(import_as(GEN_TYPE, PSA_KEY_USAGE_COPY | PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE,
                           data, sizeof(data), &src),
                 PSA_SUCCESS);
    set_attr(&a, PSA_KEY_TYPE_NONE, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    psa_set_key_id(&a, 5);
    id = 77;
    CHECK_STATUS(psa_copy_key(src, &a, &id), PSA_SUCCESS);
    CHECK(id == 5);
    id = 77;
    CHECK_STATUS(psa_copy_key(src, &a, &id), PSA_ERROR_ALREADY_EXISTS);
    CHECK(id == PSA_KEY_ID_NULL);
    CHECK_STATUS(psa_destroy_key(src), PSA_SUCCESS);

    /* Destroyed persistent keys are gone. */
    CHECK_STATUS(psa_destroy_key(1), PSA_SUCCESS);
    CHECK_STATUS(psa_destroy_key(5), PSA_SUCCESS);
    CHECK_STATUS(psa_destroy_key(PSA_KEY_ID_USER_MAX), PSA_SUCCESS);
    CHECK_STATUS(psa_get_key_attributes(1, &a), PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_destroy_key(1), PSA_ERROR_INVALID_HANDLE);
}

/* ---- Import and export (spec 9.9.1, 9.9.3) ---- */

static void round_trip(psa_key_type_t type, const char *name, size_t len)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    uint8_t *data = malloc(len + 1);
    uint8_t *out = malloc(len + 16);
    size_t out_len = 0;
    psa_key_id_t id = PSA_KEY_ID_NULL;
    psa_status_t status;

    CHECK(data != NULL && out != NULL);
    if (data == NULL || out == NULL) {
        free(data);
        free(out);
        return;
    }
    pattern(data, len, (uint32_t)(type * 131u + len));

    status = import_as(type, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, data, len, &id);
    CHECK_STATUS(status, PSA_SUCCESS);
    if (status != PSA_SUCCESS) {
        fprintf(stderr, "  import of %s, %lu bytes\n", name, (unsigned long)len);
        free(data);
        free(out);
        return;
    }
    CHECK(id >= PSA_KEY_ID_VENDOR_MIN && id <= PSA_KEY_ID_VENDOR_MAX);

    CHECK_STATUS(psa_get_key_attributes(id, &a), PSA_SUCCESS);
    CHECK(psa_get_key_type(&a) == type);
    CHECK(psa_get_key_bits(&a) == 8 * len);
    CHECK(psa_get_key_lifetime(&a) == PSA_KEY_LIFETIME_VOLATILE);
    CHECK(psa_get_key_usage_flags(&a) == PSA_KEY_USAGE_EXPORT);
    CHECK(psa_get_key_algorithm(&a) == PSA_ALG_NONE);
    CHECK(psa_get_key_id(&a) == id);
    psa_reset_key_attributes(&a);

    CHECK(PSA_EXPORT_KEY_OUTPUT_SIZE(type, 8 * len) >= len);
    memset(out, 0xee, len + 16);
    CHECK_STATUS(psa_export_key(id, out, len + 16, &out_len), PSA_SUCCESS);
    CHECK(out_len == len);
    CHECK_MEM(out, data, len);
    memset(out, 0xee, len + 16);
    CHECK_STATUS(psa_export_key(id, out, len, &out_len), PSA_SUCCESS);
    CHECK(out_len == len);
    CHECK_MEM(out, data, len);

    /* One byte short. */
    out_len = 99;
    CHECK_STATUS(psa_export_key(id, out, len - 1, &out_len), PSA_ERROR_BUFFER_TOO_SMALL);
    CHECK(out_len == 0);
    /* No public part. */
    CHECK_STATUS(psa_export_public_key(id, out, len + 16, &out_len), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);

    /* The exported form imports to an equal key; an exact bits attribute is accepted. */
    set_attr(&a, type, 8 * len, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    CHECK_STATUS(psa_import_key(&a, data, len, &id), PSA_SUCCESS);
    CHECK_STATUS(psa_export_key(id, out, len, &out_len), PSA_SUCCESS);
    CHECK(out_len == len);
    CHECK_MEM(out, data, len);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);

    /* A bits attribute that disagrees with the data. */
    set_attr(&a, type, 8 * len + 8, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    id = 77;
    CHECK_STATUS(psa_import_key(&a, data, len, &id), PSA_ERROR_INVALID_ARGUMENT);
    CHECK(id == PSA_KEY_ID_NULL);
    if (len > 1) {
        set_attr(&a, type, 8 * len - 8, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
        CHECK_STATUS(psa_import_key(&a, data, len, &id), PSA_ERROR_INVALID_ARGUMENT);
    }
    set_attr(&a, type, 8 * len - 1, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    CHECK_STATUS(psa_import_key(&a, data, len, &id), PSA_ERROR_INVALID_ARGUMENT);

    free(data);
    free(out);
}

static void test_import_export(void)
{
    static const size_t raw_lens[] = { 1, 2, 15, 16, 17, 32, 64, 65, 200, CIT_MAX_KEY_BYTES };
    static const size_t aes_lens[] = { 16, 24, 32 };
    size_t t, i;

    for (t = 0; t < NUM_TYPE_CASES; t++) {
        const type_case_t *tc = &type_cases[t];

        if (!tc->wanted) {
            continue;
        }
        if (tc->type == PSA_KEY_TYPE_AES) {
            for (i = 0; i < sizeof(aes_lens) / sizeof(aes_lens[0]); i++) {
                round_trip(tc->type, tc->name, aes_lens[i]);
            }
        } else {
            for (i = 0; i < sizeof(raw_lens) / sizeof(raw_lens[0]); i++) {
                round_trip(tc->type, tc->name, raw_lens[i]);
            }
        }
    }
}

static void test_import_errors(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    uint8_t data[CIT_MAX_KEY_BYTES + 1];
    uint8_t out[64];
    size_t out_len = 0;
    psa_key_id_t id = 77;
    size_t t;

    pattern(data, sizeof(data), 2);

#if defined(PSA_WANT_KEY_TYPE_AES)
    /* AES keys are 16, 24 or 32 bytes (384/512 bits only for XTS). */
    CHECK_STATUS(import_as(PSA_KEY_TYPE_AES, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, data, 17, &id),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK(id == PSA_KEY_ID_NULL);
    CHECK_STATUS(import_as(PSA_KEY_TYPE_AES, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, data, 15, &id),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(import_as(PSA_KEY_TYPE_AES, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, data, 8, &id),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(import_as(PSA_KEY_TYPE_AES, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, data, 0, &id),
                 PSA_ERROR_INVALID_ARGUMENT);
    /* 100 bits declared for a 16-byte key: mismatch. */
    set_attr(&a, PSA_KEY_TYPE_AES, 100, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    CHECK_STATUS(psa_import_key(&a, data, 16, &id), PSA_ERROR_INVALID_ARGUMENT);
    set_attr(&a, PSA_KEY_TYPE_AES, 256, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    CHECK_STATUS(psa_import_key(&a, data, 16, &id), PSA_ERROR_INVALID_ARGUMENT);
    CHECK(id == PSA_KEY_ID_NULL);
#endif

    /* Zero-length keys are rejected for every type (spec 9.9.1). */
    for (t = 0; t < NUM_TYPE_CASES; t++) {
        if (type_cases[t].wanted) {
            CHECK_STATUS(import_as(type_cases[t].type, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, data,
                                   0, &id),
                         PSA_ERROR_INVALID_ARGUMENT);
        } else {
            /* Types left out of this build. */
            CHECK_STATUS(import_as(type_cases[t].type, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, data,
                                   16, &id),
                         PSA_ERROR_NOT_SUPPORTED);
            CHECK(id == PSA_KEY_ID_NULL);
        }
    }

    /* Above the implementation-defined maximum size of a raw-bytes key. */
#if defined(BIG_TYPE)
    CHECK_STATUS(import_as(BIG_TYPE, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, data,
                           CIT_MAX_KEY_BYTES + 1, &id),
                 PSA_ERROR_NOT_SUPPORTED);
    CHECK(id == PSA_KEY_ID_NULL);
#endif

    /* The key type NONE is invalid. */
    CHECK_STATUS(import_as(PSA_KEY_TYPE_NONE, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, data, 16, &id),
                 PSA_ERROR_INVALID_ARGUMENT);

    /* Types not implemented in this release. */
    CHECK_STATUS(import_as(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1),
                           PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, data, 32, &id),
                 PSA_ERROR_NOT_SUPPORTED);
    CHECK(id == PSA_KEY_ID_NULL);
    CHECK_STATUS(import_as(PSA_KEY_TYPE_CHACHA20, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, data, 32,
                           &id),
                 PSA_ERROR_NOT_SUPPORTED);
    CHECK(id == PSA_KEY_ID_NULL);

    /* Export without the EXPORT usage; unknown ids. */
    CHECK_STATUS(import_as(GEN_TYPE,
                           PSA_KEY_USAGE_COPY | PSA_KEY_USAGE_SIGN_MESSAGE |
                               PSA_KEY_USAGE_VERIFY_MESSAGE | PSA_KEY_USAGE_ENCRYPT,
                           PSA_ALG_NONE, data, GEN_LEN, &id),
                 PSA_SUCCESS);
    out_len = 99;
    CHECK_STATUS(psa_export_key(id, out, sizeof(out), &out_len), PSA_ERROR_NOT_PERMITTED);
    CHECK(out_len == 0);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    CHECK_STATUS(psa_export_key(0x7f7f7f7fu, out, sizeof(out), &out_len),
                 PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_export_key(PSA_KEY_ID_NULL, out, sizeof(out), &out_len),
                 PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_export_public_key(0x7f7f7f7fu, out, sizeof(out), &out_len),
                 PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_get_key_attributes(PSA_KEY_ID_NULL, &a), PSA_ERROR_INVALID_HANDLE);
    CHECK(attr_is_default(&a));
}

/* ---- Generation (spec 9.9.1) ---- */

static void generate_case(psa_key_type_t type, const char *name, size_t bits)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    size_t len = bits / 8;
    uint8_t *k1 = malloc(len);
    uint8_t *k2 = malloc(len);
    size_t l1 = 0, l2 = 0;
    psa_key_id_t id1 = PSA_KEY_ID_NULL, id2 = PSA_KEY_ID_NULL;
    psa_status_t status;

    CHECK(k1 != NULL && k2 != NULL);
    if (k1 == NULL || k2 == NULL) {
        free(k1);
        free(k2);
        return;
    }
    set_attr(&a, type, bits, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    status = psa_generate_key(&a, &id1);
    CHECK_STATUS(status, PSA_SUCCESS);
    if (status != PSA_SUCCESS) {
        fprintf(stderr, "  generate %s, %lu bits\n", name, (unsigned long)bits);
    }
    CHECK_STATUS(psa_generate_key(&a, &id2), PSA_SUCCESS);
    CHECK(id1 != id2);

    CHECK_STATUS(psa_get_key_attributes(id1, &a), PSA_SUCCESS);
    CHECK(psa_get_key_type(&a) == type);
    CHECK(psa_get_key_bits(&a) == bits);
    CHECK(psa_get_key_usage_flags(&a) == PSA_KEY_USAGE_EXPORT);
    psa_reset_key_attributes(&a);

    CHECK_STATUS(psa_export_key(id1, k1, len, &l1), PSA_SUCCESS);
    CHECK_STATUS(psa_export_key(id2, k2, len, &l2), PSA_SUCCESS);
    CHECK(l1 == len && l2 == len);
    if (len >= 16) {
        /* Collision or constant output: probability 2^-128 for a working RNG. */
        CHECK(memcmp(k1, k2, len) != 0);
        CHECK(!is_all(k1, len, 0x00) && !is_all(k1, len, 0xff));
    }
    CHECK_STATUS(psa_destroy_key(id1), PSA_SUCCESS);
    CHECK_STATUS(psa_destroy_key(id2), PSA_SUCCESS);
    free(k1);
    free(k2);
}

static void test_generate(void)
{
    static const size_t raw_bits[] = { 8, 128, 256, 1000, 8 * CIT_MAX_KEY_BYTES };
    static const size_t aes_bits[] = { 128, 192, 256 };
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_custom_key_parameters_t custom = PSA_CUSTOM_KEY_PARAMETERS_INIT;
    const uint8_t custom_data[4] = { 1, 0, 1, 0 };
    psa_key_id_t id = 77;
    size_t t, i;
    psa_status_t status;

    for (t = 0; t < NUM_TYPE_CASES; t++) {
        const type_case_t *tc = &type_cases[t];

        if (!tc->wanted) {
            set_attr(&a, tc->type, 128, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
            CHECK_STATUS(psa_generate_key(&a, &id), PSA_ERROR_NOT_SUPPORTED);
            continue;
        }
        if (tc->type == PSA_KEY_TYPE_AES) {
            for (i = 0; i < sizeof(aes_bits) / sizeof(aes_bits[0]); i++) {
                generate_case(tc->type, tc->name, aes_bits[i]);
            }
        } else {
            for (i = 0; i < sizeof(raw_bits) / sizeof(raw_bits[0]); i++) {
                generate_case(tc->type, tc->name, raw_bits[i]);
            }
        }
        /* Size 0 must be rejected (spec 9.9.1); so must a size that is not whole bytes. */
        set_attr(&a, tc->type, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
        id = 77;
        CHECK_STATUS(psa_generate_key(&a, &id), PSA_ERROR_INVALID_ARGUMENT);
        CHECK(id == PSA_KEY_ID_NULL);
        psa_set_key_bits(&a, 12);
        CHECK_STATUS(psa_generate_key(&a, &id), PSA_ERROR_INVALID_ARGUMENT);
    }

#if defined(PSA_WANT_KEY_TYPE_AES)
    set_attr(&a, PSA_KEY_TYPE_AES, 100, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    CHECK_STATUS(psa_generate_key(&a, &id), PSA_ERROR_INVALID_ARGUMENT);
    psa_set_key_bits(&a, 64);
    CHECK_STATUS(psa_generate_key(&a, &id), PSA_ERROR_INVALID_ARGUMENT);
    psa_set_key_bits(&a, 136);
    CHECK_STATUS(psa_generate_key(&a, &id), PSA_ERROR_INVALID_ARGUMENT);
    CHECK(id == PSA_KEY_ID_NULL);
#endif
#if defined(BIG_TYPE)
    set_attr(&a, BIG_TYPE, 8 * (CIT_MAX_KEY_BYTES + 1), PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    CHECK_STATUS(psa_generate_key(&a, &id), PSA_ERROR_NOT_SUPPORTED);
#endif

    /* Not implemented: a key pair; a public key (invalid to generate, or not supported). */
    set_attr(&a, PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256, PSA_KEY_USAGE_EXPORT,
             PSA_ALG_NONE);
    CHECK_STATUS(psa_generate_key(&a, &id), PSA_ERROR_NOT_SUPPORTED);
    set_attr(&a, PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), 256, PSA_KEY_USAGE_EXPORT,
             PSA_ALG_NONE);
    status = psa_generate_key(&a, &id);
    CHECK(status == PSA_ERROR_INVALID_ARGUMENT || status == PSA_ERROR_NOT_SUPPORTED);
    set_attr(&a, PSA_KEY_TYPE_CHACHA20, 256, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    CHECK_STATUS(psa_generate_key(&a, &id), PSA_ERROR_NOT_SUPPORTED);
    set_attr(&a, PSA_KEY_TYPE_NONE, 128, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    CHECK_STATUS(psa_generate_key(&a, &id), PSA_ERROR_INVALID_ARGUMENT);

    /* psa_generate_key_custom: default parameters work, anything else is invalid. */
    set_attr(&a, GEN_TYPE, 8 * GEN_LEN, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    CHECK_STATUS(psa_generate_key_custom(&a, &custom, NULL, 0, &id), PSA_SUCCESS);
    CHECK_STATUS(psa_get_key_attributes(id, &a), PSA_SUCCESS);
    CHECK(psa_get_key_bits(&a) == 8 * GEN_LEN);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    set_attr(&a, GEN_TYPE, 8 * GEN_LEN, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    CHECK_STATUS(psa_generate_key_custom(&a, &custom, custom_data, 0, &id), PSA_SUCCESS);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    id = 77;
    CHECK_STATUS(psa_generate_key_custom(&a, &custom, custom_data, sizeof(custom_data), &id),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK(id == PSA_KEY_ID_NULL);
    custom.flags = 1;
    CHECK_STATUS(psa_generate_key_custom(&a, &custom, NULL, 0, &id), PSA_ERROR_INVALID_ARGUMENT);
    custom.flags = 0x80000000u;
    CHECK_STATUS(psa_generate_key_custom(&a, &custom, NULL, 0, &id), PSA_ERROR_INVALID_ARGUMENT);
    CHECK(id == PSA_KEY_ID_NULL);
}

/* ---- Implied usage flags (spec 9.8.2) ---- */

static void check_stored_usage(psa_key_usage_t requested, psa_key_usage_t expected)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    uint8_t data[GEN_LEN];
    psa_key_id_t id = PSA_KEY_ID_NULL;

    pattern(data, sizeof(data), 3);
    CHECK_STATUS(import_as(GEN_TYPE, requested, PSA_ALG_NONE, data, sizeof(data), &id),
                 PSA_SUCCESS);
    CHECK_STATUS(psa_get_key_attributes(id, &a), PSA_SUCCESS);
    CHECK(psa_get_key_usage_flags(&a) == expected);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    psa_reset_key_attributes(&a);

    /* The same holds for generated keys. */
    set_attr(&a, GEN_TYPE, 8 * GEN_LEN, requested, PSA_ALG_NONE);
    CHECK_STATUS(psa_generate_key(&a, &id), PSA_SUCCESS);
    CHECK_STATUS(psa_get_key_attributes(id, &a), PSA_SUCCESS);
    CHECK(psa_get_key_usage_flags(&a) == expected);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
}

static void test_implied_usage(void)
{
    check_stored_usage(PSA_KEY_USAGE_SIGN_HASH,
                       PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_SIGN_MESSAGE);
    check_stored_usage(PSA_KEY_USAGE_VERIFY_HASH,
                       PSA_KEY_USAGE_VERIFY_HASH | PSA_KEY_USAGE_VERIFY_MESSAGE);
    check_stored_usage(PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH | PSA_KEY_USAGE_EXPORT,
                       PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH |
                           PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE |
                           PSA_KEY_USAGE_EXPORT);
    /* The implication goes one way only. */
    check_stored_usage(PSA_KEY_USAGE_SIGN_MESSAGE, PSA_KEY_USAGE_SIGN_MESSAGE);
    check_stored_usage(PSA_KEY_USAGE_VERIFY_MESSAGE, PSA_KEY_USAGE_VERIFY_MESSAGE);
    check_stored_usage(PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT,
                       PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT);
    check_stored_usage(0, 0);
}

/* ---- psa_copy_key (spec 9.9.1) ---- */

static void test_copy(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    uint8_t data[GEN_LEN], out[GEN_LEN + 8];
    size_t out_len = 0;
    psa_key_id_t src = PSA_KEY_ID_NULL, nocopy = PSA_KEY_ID_NULL, dst = 77;
    const psa_key_usage_t src_usage = PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_COPY |
                                      PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE;

    pattern(data, sizeof(data), 4);
    CHECK_STATUS(import_as(GEN_TYPE, src_usage, PSA_ALG_NONE, data, sizeof(data), &src),
                 PSA_SUCCESS);
    CHECK_STATUS(import_as(GEN_TYPE, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, data, sizeof(data),
                           &nocopy),
                 PSA_SUCCESS);

    /* The source must permit COPY. */
    set_attr(&a, PSA_KEY_TYPE_NONE, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    CHECK_STATUS(psa_copy_key(nocopy, &a, &dst), PSA_ERROR_NOT_PERMITTED);
    CHECK(dst == PSA_KEY_ID_NULL);
    CHECK_STATUS(psa_copy_key(0x7f7f7f7fu, &a, &dst), PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_copy_key(PSA_KEY_ID_NULL, &a, &dst), PSA_ERROR_INVALID_HANDLE);

    /* Usage flags intersect; type and size come from the source. */
    set_attr(&a, PSA_KEY_TYPE_NONE, 0,
             PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_ENCRYPT,
             PSA_ALG_NONE);
    CHECK_STATUS(psa_copy_key(src, &a, &dst), PSA_SUCCESS);
    CHECK(dst != src && dst != PSA_KEY_ID_NULL);
    CHECK_STATUS(psa_get_key_attributes(dst, &a), PSA_SUCCESS);
    CHECK(psa_get_key_usage_flags(&a) == (PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_SIGN_MESSAGE));
    CHECK(psa_get_key_type(&a) == GEN_TYPE);
    CHECK(psa_get_key_bits(&a) == 8 * GEN_LEN);
    CHECK(psa_get_key_lifetime(&a) == PSA_KEY_LIFETIME_VOLATILE);
    CHECK_STATUS(psa_export_key(dst, out, sizeof(out), &out_len), PSA_SUCCESS);
    CHECK(out_len == GEN_LEN);
    CHECK_MEM(out, data, GEN_LEN);
    /* The copy has no COPY usage of its own. */
    {
        psa_key_id_t dst2 = 77;

        CHECK_STATUS(psa_copy_key(dst, &a, &dst2), PSA_ERROR_NOT_PERMITTED);
        CHECK(dst2 == PSA_KEY_ID_NULL);
    }
    CHECK_STATUS(psa_destroy_key(dst), PSA_SUCCESS);
    /* The source is unaffected by its copy's destruction. */
    CHECK_STATUS(psa_export_key(src, out, sizeof(out), &out_len), PSA_SUCCESS);
    CHECK_MEM(out, data, GEN_LEN);

    /* Matching explicit type and size are accepted. */
    set_attr(&a, GEN_TYPE, 8 * GEN_LEN, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_COPY, PSA_ALG_NONE);
    CHECK_STATUS(psa_copy_key(src, &a, &dst), PSA_SUCCESS);
    /* A copy of a copy. */
    {
        psa_key_id_t dst2 = PSA_KEY_ID_NULL;

        set_attr(&a, PSA_KEY_TYPE_NONE, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
        CHECK_STATUS(psa_copy_key(dst, &a, &dst2), PSA_SUCCESS);
        CHECK_STATUS(psa_export_key(dst2, out, sizeof(out), &out_len), PSA_SUCCESS);
        CHECK_MEM(out, data, GEN_LEN);
        CHECK_STATUS(psa_destroy_key(dst2), PSA_SUCCESS);
    }
    CHECK_STATUS(psa_destroy_key(dst), PSA_SUCCESS);

    /* Usage without EXPORT: the copy cannot be exported. */
    set_attr(&a, PSA_KEY_TYPE_NONE, 0, PSA_KEY_USAGE_SIGN_MESSAGE, PSA_ALG_NONE);
    CHECK_STATUS(psa_copy_key(src, &a, &dst), PSA_SUCCESS);
    CHECK_STATUS(psa_export_key(dst, out, sizeof(out), &out_len), PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_destroy_key(dst), PSA_SUCCESS);

    /* Type or size different from the source. */
    set_attr(&a, GEN_TYPE == PSA_KEY_TYPE_AES ? PSA_KEY_TYPE_RAW_DATA : PSA_KEY_TYPE_AES, 0,
             PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    dst = 77;
    CHECK_STATUS(psa_copy_key(src, &a, &dst), PSA_ERROR_INVALID_ARGUMENT);
    CHECK(dst == PSA_KEY_ID_NULL);
    set_attr(&a, GEN_TYPE, 8 * GEN_LEN + 64, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    CHECK_STATUS(psa_copy_key(src, &a, &dst), PSA_ERROR_INVALID_ARGUMENT);
    set_attr(&a, PSA_KEY_TYPE_NONE, 8, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    CHECK_STATUS(psa_copy_key(src, &a, &dst), PSA_ERROR_INVALID_ARGUMENT);
    CHECK(dst == PSA_KEY_ID_NULL);

    CHECK_STATUS(psa_destroy_key(src), PSA_SUCCESS);
    CHECK_STATUS(psa_destroy_key(nocopy), PSA_SUCCESS);
}

#if defined(PSA_WANT_KEY_TYPE_HMAC)

/* copy_alg: the permitted algorithm of a copy of a key with policy src_alg under copy_alg. */
static psa_status_t copy_alg(psa_algorithm_t src_alg, psa_algorithm_t req_alg,
                             psa_algorithm_t *result)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    uint8_t data[32];
    psa_key_id_t src = PSA_KEY_ID_NULL, dst = PSA_KEY_ID_NULL;
    psa_status_t status;

    *result = 0xffffffffu;
    pattern(data, sizeof(data), 5);
    CHECK_STATUS(import_as(PSA_KEY_TYPE_HMAC,
                           PSA_KEY_USAGE_COPY | PSA_KEY_USAGE_SIGN_MESSAGE |
                               PSA_KEY_USAGE_VERIFY_MESSAGE,
                           src_alg, data, sizeof(data), &src),
                 PSA_SUCCESS);
    set_attr(&a, PSA_KEY_TYPE_NONE, 0, PSA_KEY_USAGE_SIGN_MESSAGE, req_alg);
    status = psa_copy_key(src, &a, &dst);
    if (status == PSA_SUCCESS) {
        CHECK_STATUS(psa_get_key_attributes(dst, &a), PSA_SUCCESS);
        *result = psa_get_key_algorithm(&a);
        CHECK_STATUS(psa_destroy_key(dst), PSA_SUCCESS);
    } else {
        CHECK(dst == PSA_KEY_ID_NULL);
    }
    CHECK_STATUS(psa_destroy_key(src), PSA_SUCCESS);
    return status;
}

static void test_copy_policy(void)
{
    const psa_algorithm_t wild16 = PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(HMAC256, 16);
    const psa_algorithm_t wild24 = PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(HMAC256, 24);
    const psa_algorithm_t trunc20 = PSA_ALG_TRUNCATED_MAC(HMAC256, 20);
    const psa_algorithm_t trunc10 = PSA_ALG_TRUNCATED_MAC(HMAC256, 10);
    psa_algorithm_t r;

    /* Same algorithm (or the same wildcard): kept. */
    CHECK_STATUS(copy_alg(HMAC256, HMAC256, &r), PSA_SUCCESS);
    CHECK(r == HMAC256);
    CHECK_STATUS(copy_alg(wild16, wild16, &r), PSA_SUCCESS);
    CHECK(r == wild16);
    /* A wildcard and a specific algorithm it includes: the specific one, either way round. */
    CHECK_STATUS(copy_alg(wild16, trunc20, &r), PSA_SUCCESS);
    CHECK(r == trunc20);
    CHECK_STATUS(copy_alg(trunc20, wild16, &r), PSA_SUCCESS);
    CHECK(r == trunc20);
    CHECK_STATUS(copy_alg(wild16, HMAC256, &r), PSA_SUCCESS);
    CHECK(r == HMAC256);
    /* Two minimum-length wildcards: the stricter one is the intersection. */
    CHECK_STATUS(copy_alg(wild16, wild24, &r), PSA_SUCCESS);
    CHECK(r == wild24);
    CHECK_STATUS(copy_alg(wild24, wild16, &r), PSA_SUCCESS);
    CHECK(r == wild24);
    /* Nothing in common. */
    CHECK_STATUS(copy_alg(wild16, trunc10, &r), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(copy_alg(trunc10, wild16, &r), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(copy_alg(HMAC256, PSA_ALG_HMAC(PSA_ALG_SHA_384), &r),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(copy_alg(trunc20, trunc10, &r), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(copy_alg(HMAC256, PSA_ALG_CMAC, &r), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(copy_alg(PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_1), 10),
                          trunc20, &r),
                 PSA_ERROR_INVALID_ARGUMENT);
}

/* ---- psa_check_key_usage (spec 9.8.2) ---- */

static void test_check_key_usage(void)
{
    uint8_t data[32];
    psa_key_id_t k = PSA_KEY_ID_NULL, w = PSA_KEY_ID_NULL;

    pattern(data, sizeof(data), 6);
    CHECK_STATUS(import_as(PSA_KEY_TYPE_HMAC, PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_EXPORT,
                           HMAC256, data, sizeof(data), &k),
                 PSA_SUCCESS);

    /* Key-management usage flags take PSA_ALG_NONE. */
    CHECK_STATUS(psa_check_key_usage(k, PSA_ALG_NONE, PSA_KEY_USAGE_EXPORT), PSA_SUCCESS);
    CHECK_STATUS(psa_check_key_usage(k, PSA_ALG_NONE, PSA_KEY_USAGE_COPY),
                 PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_check_key_usage(k, HMAC256, PSA_KEY_USAGE_EXPORT),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_check_key_usage(k, HMAC256, PSA_KEY_USAGE_COPY),
                 PSA_ERROR_INVALID_ARGUMENT);

    /* Cryptographic usage flags take a specific algorithm of a fitting family. */
#if defined(HAVE_HMAC_SHA256)
    CHECK_STATUS(psa_check_key_usage(k, HMAC256, PSA_KEY_USAGE_SIGN_MESSAGE), PSA_SUCCESS);
#endif
    CHECK_STATUS(psa_check_key_usage(k, HMAC256, PSA_KEY_USAGE_VERIFY_MESSAGE),
                 PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_check_key_usage(k, PSA_ALG_NONE, PSA_KEY_USAGE_SIGN_MESSAGE),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_check_key_usage(k, PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(HMAC256, 16),
                                     PSA_KEY_USAGE_SIGN_MESSAGE),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_check_key_usage(k, PSA_ALG_HMAC(PSA_ALG_ANY_HASH), PSA_KEY_USAGE_SIGN_MESSAGE),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_check_key_usage(k, HMAC256, PSA_KEY_USAGE_ENCRYPT),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_check_key_usage(k, HMAC256, PSA_KEY_USAGE_DERIVE),
                 PSA_ERROR_INVALID_ARGUMENT);
    /* HMAC on an HMAC key fits, but CMAC does not (key not compatible with alg). */
    CHECK_STATUS(psa_check_key_usage(k, PSA_ALG_CMAC, PSA_KEY_USAGE_SIGN_MESSAGE),
                 PSA_ERROR_INVALID_ARGUMENT);
    /* A truncation longer than the MAC is not a valid algorithm. */
    CHECK_STATUS(psa_check_key_usage(k, PSA_ALG_TRUNCATED_MAC(HMAC256, 33),
                                     PSA_KEY_USAGE_SIGN_MESSAGE),
                 PSA_ERROR_INVALID_ARGUMENT);
    /* Permitted algorithm differs. */
#if defined(PSA_WANT_ALG_SHA_384)
    CHECK_STATUS(psa_check_key_usage(k, PSA_ALG_HMAC(PSA_ALG_SHA_384), PSA_KEY_USAGE_SIGN_MESSAGE),
                 PSA_ERROR_NOT_PERMITTED);
#endif
    CHECK_STATUS(psa_check_key_usage(k, PSA_ALG_TRUNCATED_MAC(HMAC256, 16),
                                     PSA_KEY_USAGE_SIGN_MESSAGE),
                 PSA_ERROR_NOT_PERMITTED);

    /* A wildcard policy permits the specific algorithms it covers. */
    CHECK_STATUS(import_as(PSA_KEY_TYPE_HMAC, PSA_KEY_USAGE_VERIFY_MESSAGE,
                           PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(HMAC256, 16), data, sizeof(data),
                           &w),
                 PSA_SUCCESS);
#if defined(HAVE_HMAC_SHA256)
    CHECK_STATUS(psa_check_key_usage(w, PSA_ALG_TRUNCATED_MAC(HMAC256, 20),
                                     PSA_KEY_USAGE_VERIFY_MESSAGE),
                 PSA_SUCCESS);
    CHECK_STATUS(psa_check_key_usage(w, HMAC256, PSA_KEY_USAGE_VERIFY_MESSAGE), PSA_SUCCESS);
#endif
    CHECK_STATUS(psa_check_key_usage(w, PSA_ALG_TRUNCATED_MAC(HMAC256, 10),
                                     PSA_KEY_USAGE_VERIFY_MESSAGE),
                 PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_check_key_usage(w, PSA_ALG_TRUNCATED_MAC(HMAC256, 20),
                                     PSA_KEY_USAGE_SIGN_MESSAGE),
                 PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_check_key_usage(w, PSA_ALG_NONE, PSA_KEY_USAGE_EXPORT),
                 PSA_ERROR_NOT_PERMITTED);

    /* Unknown keys. */
    CHECK_STATUS(psa_check_key_usage(0x7f7f7f7fu, HMAC256, PSA_KEY_USAGE_SIGN_MESSAGE),
                 PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_check_key_usage(PSA_KEY_ID_NULL, PSA_ALG_NONE, PSA_KEY_USAGE_EXPORT),
                 PSA_ERROR_INVALID_HANDLE);

    CHECK_STATUS(psa_destroy_key(k), PSA_SUCCESS);
    CHECK_STATUS(psa_check_key_usage(k, PSA_ALG_NONE, PSA_KEY_USAGE_EXPORT),
                 PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_destroy_key(w), PSA_SUCCESS);
}

#endif /* PSA_WANT_KEY_TYPE_HMAC */

/* ---- Destroy and purge (spec 9.9.2) ---- */

static void test_destroy_purge(void)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    uint8_t data[GEN_LEN], out[GEN_LEN];
    size_t out_len = 0;
    psa_key_id_t id = PSA_KEY_ID_NULL, other = PSA_KEY_ID_NULL, dst = PSA_KEY_ID_NULL;
    psa_key_usage_t usage = PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_COPY | PSA_KEY_USAGE_CACHE;
    psa_algorithm_t alg = PSA_ALG_NONE;
    psa_key_type_t type = GEN_TYPE;
#if defined(HAVE_HMAC_SHA256)
    uint8_t mac1[32], mac2[32];
    size_t mac_len = 0;
    static const uint8_t msg[] = "citadel";

    type = PSA_KEY_TYPE_HMAC;
    alg = HMAC256;
    usage |= PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE;
#endif

    CHECK_STATUS(psa_destroy_key(PSA_KEY_ID_NULL), PSA_SUCCESS);
    CHECK_STATUS(psa_destroy_key(0x7f7f7f7fu), PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_destroy_key(PSA_KEY_ID_USER_MIN), PSA_ERROR_INVALID_HANDLE);

    pattern(data, sizeof(data), 7);
    CHECK_STATUS(import_as(type, usage, alg, data, sizeof(data), &id), PSA_SUCCESS);
    CHECK_STATUS(import_as(type, usage, alg, data, sizeof(data), &other), PSA_SUCCESS);

    /* Purging a volatile key succeeds and leaves it usable. */
    CHECK_STATUS(psa_purge_key(id), PSA_SUCCESS);
    CHECK_STATUS(psa_purge_key(id), PSA_SUCCESS);
    CHECK_STATUS(psa_export_key(id, out, sizeof(out), &out_len), PSA_SUCCESS);
    CHECK(out_len == sizeof(data));
    CHECK_MEM(out, data, sizeof(data));
#if defined(HAVE_HMAC_SHA256)
    CHECK_STATUS(psa_mac_compute(id, alg, msg, sizeof(msg), mac1, sizeof(mac1), &mac_len),
                 PSA_SUCCESS);
    CHECK(mac_len == 32);
    CHECK_STATUS(psa_mac_compute(other, alg, msg, sizeof(msg), mac2, sizeof(mac2), &mac_len),
                 PSA_SUCCESS);
    CHECK_MEM(mac1, mac2, 32);
#endif
    CHECK_STATUS(psa_purge_key(0x7f7f7f7fu), PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_purge_key(PSA_KEY_ID_NULL), PSA_ERROR_INVALID_HANDLE);

    /* Destroy: once; the id is then invalid everywhere. */
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    CHECK_STATUS(psa_destroy_key(id), PSA_ERROR_INVALID_HANDLE);
    psa_set_key_type(&a, PSA_KEY_TYPE_AES);
    CHECK_STATUS(psa_get_key_attributes(id, &a), PSA_ERROR_INVALID_HANDLE);
    CHECK(attr_is_default(&a));
    out_len = 99;
    CHECK_STATUS(psa_export_key(id, out, sizeof(out), &out_len), PSA_ERROR_INVALID_HANDLE);
    CHECK(out_len == 0);
    CHECK_STATUS(psa_export_public_key(id, out, sizeof(out), &out_len), PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_purge_key(id), PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_check_key_usage(id, PSA_ALG_NONE, PSA_KEY_USAGE_EXPORT),
                 PSA_ERROR_INVALID_HANDLE);
    set_attr(&a, PSA_KEY_TYPE_NONE, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    CHECK_STATUS(psa_copy_key(id, &a, &dst), PSA_ERROR_INVALID_HANDLE);
    CHECK(dst == PSA_KEY_ID_NULL);
#if defined(HAVE_HMAC_SHA256)
    {
        psa_mac_operation_t op = PSA_MAC_OPERATION_INIT;

        CHECK_STATUS(psa_mac_compute(id, alg, msg, sizeof(msg), mac1, sizeof(mac1), &mac_len),
                     PSA_ERROR_INVALID_HANDLE);
        CHECK_STATUS(psa_mac_verify(id, alg, msg, sizeof(msg), mac2, 32),
                     PSA_ERROR_INVALID_HANDLE);
        CHECK_STATUS(psa_mac_sign_setup(&op, id, alg), PSA_ERROR_INVALID_HANDLE);
        CHECK_STATUS(psa_mac_abort(&op), PSA_SUCCESS);
    }
#endif

    /* The other key with the same material is untouched. */
    CHECK_STATUS(psa_export_key(other, out, sizeof(out), &out_len), PSA_SUCCESS);
    CHECK_MEM(out, data, sizeof(data));
    CHECK_STATUS(psa_destroy_key(other), PSA_SUCCESS);
    CHECK_STATUS(psa_destroy_key(other), PSA_ERROR_INVALID_HANDLE);
}

#if defined(HAVE_HMAC_SHA256)
/*
 * Spec 9.9.2: "If a key is currently in use in a multi-part operation, then
 * destroying the key will cause the multi-part operation to fail."
 */
static void test_destroy_in_use(void)
{
    psa_mac_operation_t op = PSA_MAC_OPERATION_INIT;
    uint8_t data[32], mac[32];
    size_t mac_len = 0;
    psa_key_id_t k = PSA_KEY_ID_NULL;
    psa_status_t s1, s2;

    pattern(data, sizeof(data), 11);
    CHECK_STATUS(import_as(PSA_KEY_TYPE_HMAC, PSA_KEY_USAGE_SIGN_MESSAGE, HMAC256, data,
                           sizeof(data), &k),
                 PSA_SUCCESS);
    CHECK_STATUS(psa_mac_sign_setup(&op, k, HMAC256), PSA_SUCCESS);
    CHECK_STATUS(psa_mac_update(&op, data, sizeof(data)), PSA_SUCCESS);
    CHECK_STATUS(psa_destroy_key(k), PSA_SUCCESS);
    s1 = psa_mac_update(&op, data, sizeof(data));
    s2 = psa_mac_sign_finish(&op, mac, sizeof(mac), &mac_len);
    CHECK(s1 != PSA_SUCCESS || s2 != PSA_SUCCESS);
    if (s1 == PSA_SUCCESS && s2 == PSA_SUCCESS) {
        fprintf(stderr, "  a MAC operation went on after its key was destroyed (spec 9.9.2)\n");
    }
    CHECK_STATUS(psa_mac_abort(&op), PSA_SUCCESS);
    CHECK_STATUS(psa_destroy_key(k), PSA_ERROR_INVALID_HANDLE);
}
#endif

/* ---- Key store exhaustion (spec: PSA_ERROR_INSUFFICIENT_MEMORY) ---- */

/* The store allocates key material in 16-byte units (docs/ARCHITECTURE.md). */
#define UNITS(n) (((size_t)(n) + 15u) / 16u)

static size_t expected_fill(size_t len)
{
    size_t by_arena = UNITS(CIT_KEY_ARENA_SIZE) / UNITS(len);

    return by_arena < CIT_KEY_SLOT_COUNT ? by_arena : (size_t)CIT_KEY_SLOT_COUNT;
}

/* fill imports keys of len bytes until the store is full; returns how many fit. */
static size_t fill(psa_key_type_t type, size_t len, psa_key_id_t *ids, size_t max)
{
    uint8_t *data = malloc(len);
    size_t n = 0;
    psa_status_t status = PSA_SUCCESS;

    CHECK(data != NULL);
    if (data == NULL) {
        return 0;
    }
    while (n < max) {
        psa_key_id_t id = 77;

        pattern(data, len, (uint32_t)n);
        status = import_as(type, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_COPY, PSA_ALG_NONE, data,
                           len, &id);
        if (status != PSA_SUCCESS) {
            CHECK(id == PSA_KEY_ID_NULL);
            break;
        }
        ids[n++] = id;
    }
    CHECK_STATUS(status, PSA_ERROR_INSUFFICIENT_MEMORY);
    /* Every stored key still holds its own material. */
    {
        uint8_t *out = malloc(len);
        size_t i, out_len = 0;

        CHECK(out != NULL);
        for (i = 0; out != NULL && i < n; i++) {
            pattern(data, len, (uint32_t)i);
            CHECK_STATUS(psa_export_key(ids[i], out, len, &out_len), PSA_SUCCESS);
            CHECK(out_len == len);
            CHECK(memcmp(out, data, len) == 0);
        }
        free(out);
    }
    free(data);
    return n;
}

static void destroy_all(psa_key_id_t *ids, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        CHECK_STATUS(psa_destroy_key(ids[i]), PSA_SUCCESS);
        ids[i] = PSA_KEY_ID_NULL;
    }
}

static void test_pool(void)
{
    psa_key_id_t ids[CIT_KEY_SLOT_COUNT + 1];
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    uint8_t data[GEN_LEN];
    psa_key_id_t extra = 77;
    size_t n1, n2;

    pattern(data, sizeof(data), 8);

    /* Small keys: the slot pool runs out (unless the arena is smaller). */
    n1 = fill(GEN_TYPE, GEN_LEN, ids, CIT_KEY_SLOT_COUNT + 1);
    CHECK(n1 == expected_fill(GEN_LEN));
    if (n1 != expected_fill(GEN_LEN)) {
        fprintf(stderr, "  small keys: %lu fit, expected %lu\n", (unsigned long)n1,
                (unsigned long)expected_fill(GEN_LEN));
    }
    /* Every creation path reports the exhaustion. */
    set_attr(&a, GEN_TYPE, 8 * GEN_LEN, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    CHECK_STATUS(psa_generate_key(&a, &extra), PSA_ERROR_INSUFFICIENT_MEMORY);
    CHECK(extra == PSA_KEY_ID_NULL);
    if (n1 > 0) {
        set_attr(&a, PSA_KEY_TYPE_NONE, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
        extra = 77;
        CHECK_STATUS(psa_copy_key(ids[0], &a, &extra), PSA_ERROR_INSUFFICIENT_MEMORY);
        CHECK(extra == PSA_KEY_ID_NULL);
    }
    /* One destroy makes room for exactly one key. */
    if (n1 > 0) {
        CHECK_STATUS(psa_destroy_key(ids[n1 - 1]), PSA_SUCCESS);
        CHECK_STATUS(import_as(GEN_TYPE, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, data, sizeof(data),
                               &ids[n1 - 1]),
                     PSA_SUCCESS);
        CHECK_STATUS(import_as(GEN_TYPE, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, data, sizeof(data),
                               &extra),
                     PSA_ERROR_INSUFFICIENT_MEMORY);
    }
    destroy_all(ids, n1);
    /* No leak: the same number fits again. */
    n2 = fill(GEN_TYPE, GEN_LEN, ids, CIT_KEY_SLOT_COUNT + 1);
    CHECK(n2 == n1);
    destroy_all(ids, n2);

#if defined(BIG_TYPE)
    /* Keys of the maximum size: the material arena runs out. */
    n1 = fill(BIG_TYPE, CIT_MAX_KEY_BYTES, ids, CIT_KEY_SLOT_COUNT + 1);
    CHECK(n1 == expected_fill(CIT_MAX_KEY_BYTES));
    if (n1 != expected_fill(CIT_MAX_KEY_BYTES)) {
        fprintf(stderr, "  large keys: %lu fit, expected %lu\n", (unsigned long)n1,
                (unsigned long)expected_fill(CIT_MAX_KEY_BYTES));
    }
    set_attr(&a, BIG_TYPE, 8 * CIT_MAX_KEY_BYTES, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
    extra = 77;
    CHECK_STATUS(psa_generate_key(&a, &extra), PSA_ERROR_INSUFFICIENT_MEMORY);
    CHECK(extra == PSA_KEY_ID_NULL);
    /* Free every other key: the holes are reused by keys of the same size. */
    {
        size_t i;

        for (i = 0; i < n1; i += 2) {
            CHECK_STATUS(psa_destroy_key(ids[i]), PSA_SUCCESS);
            ids[i] = PSA_KEY_ID_NULL;
        }
        for (i = 0; i < n1; i += 2) {
            CHECK_STATUS(psa_generate_key(&a, &ids[i]), PSA_SUCCESS);
        }
        CHECK_STATUS(psa_generate_key(&a, &extra), PSA_ERROR_INSUFFICIENT_MEMORY);
    }
    destroy_all(ids, n1);
    n2 = fill(BIG_TYPE, CIT_MAX_KEY_BYTES, ids, CIT_KEY_SLOT_COUNT + 1);
    CHECK(n2 == n1);
    destroy_all(ids, n2);
#endif

    /* And the store works normally afterwards. */
    n1 = fill(GEN_TYPE, GEN_LEN, ids, CIT_KEY_SLOT_COUNT + 1);
    CHECK(n1 == expected_fill(GEN_LEN));
    destroy_all(ids, n1);
}

/* ---- Volatile identifiers ---- */

static void test_volatile_ids(void)
{
    uint8_t data[GEN_LEN];
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t seen[64];
    psa_key_id_t id = PSA_KEY_ID_NULL;
    size_t i, j;

    pattern(data, sizeof(data), 9);
    /* Destroy-then-create, many times: never the same id twice in a row (or at all here). */
    for (i = 0; i < 64; i++) {
        CHECK_STATUS(import_as(GEN_TYPE, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, data, sizeof(data),
                               &id),
                     PSA_SUCCESS);
        CHECK(id >= PSA_KEY_ID_VENDOR_MIN && id <= PSA_KEY_ID_VENDOR_MAX);
        seen[i] = id;
        for (j = 0; j < i; j++) {
            CHECK(seen[j] != id);
        }
        CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
        CHECK_STATUS(psa_get_key_attributes(seen[i], &a), PSA_ERROR_INVALID_HANDLE);
    }
}

/* ---- Threads ---- */

#define WORKERS 4
#define WORKER_ROUNDS 2000

typedef struct {
    uint32_t index;
    psa_key_id_t shared;
    const uint8_t *shared_data;
    unsigned long failures;
    unsigned long out_of_memory;
    unsigned long completed;
} worker_t;

#if defined(HAVE_HMAC_SHA256)
#define WORK_TYPE PSA_KEY_TYPE_HMAC
#define WORK_ALG HMAC256
#define WORK_USAGE (PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE)
#else
#define WORK_TYPE GEN_TYPE
#define WORK_ALG PSA_ALG_NONE
#define WORK_USAGE 0
#endif

/* A creation call may run out of store; anything else but success is a failure. */
static int creation_ok(worker_t *w, psa_status_t status)
{
    if (status == PSA_SUCCESS) {
        return 1;
    }
    if (status == PSA_ERROR_INSUFFICIENT_MEMORY) {
        w->out_of_memory++;
    } else {
        w->failures++;
    }
    return 0;
}

static void worker_round(worker_t *w, uint32_t round)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    uint8_t data[GEN_LEN], out[GEN_LEN];
    size_t out_len = 0;
    psa_key_id_t id = PSA_KEY_ID_NULL, copy = PSA_KEY_ID_NULL;
    const psa_key_usage_t usage = PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_COPY | WORK_USAGE;

    pattern(data, sizeof(data), (w->index << 20) ^ round);
    if (!creation_ok(w, import_as(WORK_TYPE, usage, WORK_ALG, data, sizeof(data), &id))) {
        return;
    }
    if (psa_export_key(id, out, sizeof(out), &out_len) != PSA_SUCCESS ||
        out_len != sizeof(data) || memcmp(out, data, sizeof(data)) != 0) {
        w->failures++;
    }
    if (psa_get_key_attributes(id, &a) != PSA_SUCCESS || psa_get_key_bits(&a) != 8 * GEN_LEN ||
        psa_get_key_type(&a) != WORK_TYPE || psa_get_key_usage_flags(&a) != usage) {
        w->failures++;
    }
#if defined(HAVE_HMAC_SHA256)
    {
        uint8_t m1[32], m2[32];
        size_t l1 = 0, l2 = 0;

        if (psa_mac_compute(id, WORK_ALG, out, sizeof(out), m1, sizeof(m1), &l1) != PSA_SUCCESS ||
            psa_mac_compute(id, WORK_ALG, data, sizeof(data), m2, sizeof(m2), &l2) !=
                PSA_SUCCESS ||
            l1 != 32 || l2 != 32 || memcmp(m1, m2, 32) != 0 ||
            psa_mac_verify(id, WORK_ALG, data, sizeof(data), m1, l1) != PSA_SUCCESS) {
            w->failures++;
        }
    }
#endif
    /* Everybody reads the shared key at the same time. */
    if (psa_export_key(w->shared, out, sizeof(out), &out_len) != PSA_SUCCESS ||
        out_len != GEN_LEN || memcmp(out, w->shared_data, GEN_LEN) != 0) {
        w->failures++;
    }
    if (round % 4 == 0) {
        set_attr(&a, PSA_KEY_TYPE_NONE, 0, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
        if (creation_ok(w, psa_copy_key(id, &a, &copy))) {
            if (psa_export_key(copy, out, sizeof(out), &out_len) != PSA_SUCCESS ||
                memcmp(out, data, sizeof(data)) != 0 || psa_destroy_key(copy) != PSA_SUCCESS) {
                w->failures++;
            }
        }
    }
    if (round % 8 == 1) {
        set_attr(&a, WORK_TYPE, 8 * GEN_LEN, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE);
        if (creation_ok(w, psa_generate_key(&a, &copy))) {
            if (psa_destroy_key(copy) != PSA_SUCCESS) {
                w->failures++;
            }
        }
    }
    if (psa_destroy_key(id) != PSA_SUCCESS ||
        psa_export_key(id, out, sizeof(out), &out_len) != PSA_ERROR_INVALID_HANDLE) {
        w->failures++;
    }
    w->completed++;
}

static void *worker_main(void *arg)
{
    worker_t *w = (worker_t *)arg;
    uint32_t round;

    for (round = 0; round < WORKER_ROUNDS; round++) {
        worker_round(w, round);
    }
    return NULL;
}

typedef struct {
    psa_key_id_t key;
    psa_status_t status;
} destroyer_t;

static void *destroyer_main(void *arg)
{
    destroyer_t *d = (destroyer_t *)arg;

    d->status = psa_destroy_key(d->key);
    return NULL;
}

static void test_threads(void)
{
    pthread_t th[WORKERS];
    worker_t w[WORKERS];
    destroyer_t d[WORKERS];
    uint8_t shared_data[GEN_LEN];
    psa_key_id_t shared = PSA_KEY_ID_NULL;
    unsigned long oom = 0;
    int started[WORKERS];
    size_t i, r;

    pattern(shared_data, sizeof(shared_data), 10);
    CHECK_STATUS(import_as(GEN_TYPE, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, shared_data,
                           sizeof(shared_data), &shared),
                 PSA_SUCCESS);
    for (i = 0; i < WORKERS; i++) {
        memset(&w[i], 0, sizeof(w[i]));
        w[i].index = (uint32_t)i;
        w[i].shared = shared;
        w[i].shared_data = shared_data;
        started[i] = pthread_create(&th[i], NULL, worker_main, &w[i]) == 0;
        CHECK(started[i]);
    }
    for (i = 0; i < WORKERS; i++) {
        if (started[i]) {
            CHECK(pthread_join(th[i], NULL) == 0);
            CHECK(w[i].failures == 0);
            CHECK(w[i].completed + w[i].out_of_memory >= WORKER_ROUNDS);
            if (w[i].failures != 0) {
                fprintf(stderr, "  worker %lu: %lu failures\n", (unsigned long)i,
                        w[i].failures);
            }
            oom += w[i].out_of_memory;
        }
    }
    if (oom != 0) {
        printf("threads: %lu creations reported INSUFFICIENT_MEMORY\n", oom);
    }
    CHECK_STATUS(psa_destroy_key(shared), PSA_SUCCESS);

    /* Racing destroys of one key: exactly one succeeds. */
    for (r = 0; r < 50; r++) {
        psa_key_id_t k = PSA_KEY_ID_NULL;
        size_t ok = 0, invalid = 0;

        CHECK_STATUS(import_as(GEN_TYPE, PSA_KEY_USAGE_EXPORT, PSA_ALG_NONE, shared_data,
                               sizeof(shared_data), &k),
                     PSA_SUCCESS);
        for (i = 0; i < WORKERS; i++) {
            d[i].key = k;
            d[i].status = PSA_ERROR_GENERIC_ERROR;
            started[i] = pthread_create(&th[i], NULL, destroyer_main, &d[i]) == 0;
            CHECK(started[i]);
        }
        for (i = 0; i < WORKERS; i++) {
            if (started[i]) {
                CHECK(pthread_join(th[i], NULL) == 0);
                ok += d[i].status == PSA_SUCCESS;
                invalid += d[i].status == PSA_ERROR_INVALID_HANDLE;
            }
        }
        CHECK(ok == 1);
        CHECK(ok + invalid == WORKERS);
    }
}

#endif /* GEN_TYPE */

int main(void)
{
    char dir[] = "/tmp/citadel-keys-XXXXXX";

    /* Persistent keys go to a private store. */
    if (mkdtemp(dir) == NULL) {
        cit_test_skip("cannot create a temporary storage directory");
    }
    setenv("CITADEL_STORAGE_DIR", dir, 1);
    /* Before psa_crypto_init: must come first. */
    test_before_init();
    test_init();
    test_attributes();
#if defined(GEN_TYPE)
    test_lifetimes();
    test_import_export();
    test_import_errors();
    test_generate();
    test_implied_usage();
    test_copy();
#if defined(PSA_WANT_KEY_TYPE_HMAC)
    test_copy_policy();
    test_check_key_usage();
#endif
    test_destroy_purge();
#if defined(HAVE_HMAC_SHA256)
    test_destroy_in_use();
#endif
    test_volatile_ids();
    test_threads();
    /* Last: every earlier test destroyed its keys, so the whole store is free. */
    test_pool();
#else
    printf("no key type wanted in this build: key tests left out\n");
#endif
    return cit_test_end("keys");
}
