/*
 * test_kdf.c - the key-derivation API (psa_key_derivation_*) at the PSA
 * level, on both driver paths: HKDF, HKDF-Extract and HKDF-Expand over every
 * built hash HMAC is defined for:
 *   - RFC 5869 Appendix A (typed in) through all three algorithms, and
 *     Wycheproof hkdf_sha1/256/384/512_test.json;
 *   - differential against OpenSSL's EVP_KDF "HKDF" with random inputs given
 *     as bytes or keys in random (valid) orders, output in random chunks;
 *   - output_key then export equals output_bytes; verify_bytes/verify_key;
 *   - every documented error and state transition: step order, duplicate and
 *     foreign steps, capacity, key usage/policy/type of inputs, the
 *     DERIVE / VERIFY_DERIVATION output rules, unsupported and non-KDF
 *     algorithms, calls before psa_crypto_init, psa_check_key_usage.
 * In a build without HKDF (the minimal configuration) it checks that the API
 * answers NOT_SUPPORTED and keeps its state rules.
 */
#include <psa/crypto.h>
#include <citadel/citadel.h>
#include <citadel/citadel_config.h>

#include "builtin.h"
#include "rfc5869.h"
#include "test.h"

#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/provider.h>

/* Differential cases per hash, per algorithm, per driver path. */
#define DIFF_CASES 200

#define STEP_SALT PSA_KEY_DERIVATION_INPUT_SALT
#define STEP_SECRET PSA_KEY_DERIVATION_INPUT_SECRET
#define STEP_INFO PSA_KEY_DERIVATION_INPUT_INFO

#define USAGE_DERIVE PSA_KEY_USAGE_DERIVE
#define USAGE_VERIFY PSA_KEY_USAGE_VERIFY_DERIVATION

#if defined(PSA_WANT_ALG_HKDF) && defined(PSA_WANT_ALG_SHA_256) && \
    defined(PSA_WANT_KEY_TYPE_DERIVE) && defined(PSA_WANT_KEY_TYPE_RAW_DATA)
#define TEST_HKDF_SHA256 1
#endif

enum { V_HKDF, V_EXTRACT, V_EXPAND, NUM_VARIANTS };

static const char *const variant_names[NUM_VARIANTS] = { "HKDF", "HKDF-Extract",
                                                         "HKDF-Expand" };

/* The variants the build has (-1 ends the list). */
static const int variants[] = {
#if defined(PSA_WANT_ALG_HKDF)
    V_HKDF,
#endif
#if defined(PSA_WANT_ALG_HKDF_EXTRACT)
    V_EXTRACT,
#endif
#if defined(PSA_WANT_ALG_HKDF_EXPAND)
    V_EXPAND,
#endif
    -1
};

typedef struct {
    psa_algorithm_t hash;
    const char *name;
    const char *ossl;        /* OpenSSL digest name */
    const char *wycheproof;  /* under wycheproof/testvectors_v1/, or NULL */
    int available;           /* OpenSSL computes HKDF over it */
} hash_info_t;

static hash_info_t hashes[] = {
#if defined(PSA_WANT_ALG_MD5)
    { PSA_ALG_MD5, "MD5", "MD5", NULL, 0 },
#endif
#if defined(PSA_WANT_ALG_RIPEMD160)
    { PSA_ALG_RIPEMD160, "RIPEMD-160", "RIPEMD160", NULL, 0 },
#endif
#if defined(PSA_WANT_ALG_SHA_1)
    { PSA_ALG_SHA_1, "SHA-1", "SHA1", "hkdf_sha1_test.json", 0 },
#endif
#if defined(PSA_WANT_ALG_SHA_224)
    { PSA_ALG_SHA_224, "SHA-224", "SHA224", NULL, 0 },
#endif
#if defined(PSA_WANT_ALG_SHA_256)
    { PSA_ALG_SHA_256, "SHA-256", "SHA256", "hkdf_sha256_test.json", 0 },
#endif
#if defined(PSA_WANT_ALG_SHA_384)
    { PSA_ALG_SHA_384, "SHA-384", "SHA384", "hkdf_sha384_test.json", 0 },
#endif
#if defined(PSA_WANT_ALG_SHA_512)
    { PSA_ALG_SHA_512, "SHA-512", "SHA512", "hkdf_sha512_test.json", 0 },
#endif
#if defined(PSA_WANT_ALG_SHA_512_224)
    { PSA_ALG_SHA_512_224, "SHA-512/224", "SHA512-224", NULL, 0 },
#endif
#if defined(PSA_WANT_ALG_SHA_512_256)
    { PSA_ALG_SHA_512_256, "SHA-512/256", "SHA512-256", NULL, 0 },
#endif
#if defined(PSA_WANT_ALG_SHA3_224)
    { PSA_ALG_SHA3_224, "SHA3-224", "SHA3-224", NULL, 0 },
#endif
#if defined(PSA_WANT_ALG_SHA3_256)
    { PSA_ALG_SHA3_256, "SHA3-256", "SHA3-256", NULL, 0 },
#endif
#if defined(PSA_WANT_ALG_SHA3_384)
    { PSA_ALG_SHA3_384, "SHA3-384", "SHA3-384", NULL, 0 },
#endif
#if defined(PSA_WANT_ALG_SHA3_512)
    { PSA_ALG_SHA3_512, "SHA3-512", "SHA3-512", NULL, 0 },
#endif
    { 0, NULL, NULL, NULL, 0 }
};

static unsigned long rfc_cases, wycheproof_cases, wycheproof_rejected, key_cases;
static unsigned long diff_cases[NUM_VARIANTS];
static int vectors_missing;
static const char *missing_reason = "";

static EVP_KDF *ossl_hkdf;
static OSSL_PROVIDER *default_provider;
static OSSL_PROVIDER *legacy_provider;

/* ---- Helpers ---- */

static psa_algorithm_t make_alg(int variant, psa_algorithm_t hash)
{
    switch (variant) {
    case V_HKDF:
        return PSA_ALG_HKDF(hash);
    case V_EXTRACT:
        return PSA_ALG_HKDF_EXTRACT(hash);
    default:
        return PSA_ALG_HKDF_EXPAND(hash);
    }
}

static psa_status_t import_key(psa_key_type_t type, const uint8_t *data, size_t len,
                               psa_algorithm_t policy, psa_key_usage_t usage, psa_key_id_t *id)
{
    psa_key_attributes_t attr = PSA_KEY_ATTRIBUTES_INIT;

    psa_set_key_type(&attr, type);
    psa_set_key_algorithm(&attr, policy);
    psa_set_key_usage_flags(&attr, usage);
    return psa_import_key(&attr, data, len, id);
}

/*
 * Gives one input as bytes or, if by_key and the data is not empty, as a key
 * (DERIVE for the secret, RAW_DATA otherwise) that is destroyed at once: the
 * operation must not need it later.
 */
static psa_status_t give(psa_key_derivation_operation_t *op, psa_algorithm_t alg,
                         psa_key_derivation_step_t step, const uint8_t *data, size_t len,
                         int by_key)
{
    psa_key_id_t id = 0;
    psa_status_t status;

    if (!by_key || len == 0) {
        return psa_key_derivation_input_bytes(op, step, data, len);
    }
    status = import_key(step == STEP_SECRET ? PSA_KEY_TYPE_DERIVE : PSA_KEY_TYPE_RAW_DATA, data,
                        len, alg, USAGE_DERIVE, &id);
    CHECK_STATUS(status, PSA_SUCCESS);
    if (status != PSA_SUCCESS) {
        return status;
    }
    status = psa_key_derivation_input_key(op, step, id);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    return status;
}

typedef struct {
    const uint8_t *salt;
    size_t salt_len;
    int salt_given;  /* HKDF: 0 omits the salt step */
    const uint8_t *ikm;  /* the PRK for HKDF-Expand */
    size_t ikm_len;
    const uint8_t *info;
    size_t info_len;
} kdf_inputs_t;

/*
 * Sets up alg and gives the inputs in a random valid order (HKDF: the info
 * anywhere), each as bytes or a key at random. Returns the first failure.
 */
static psa_status_t start(psa_key_derivation_operation_t *op, psa_algorithm_t alg,
                          const kdf_inputs_t *in)
{
    psa_status_t status = psa_key_derivation_setup(op, alg);
    size_t info_at = PSA_ALG_IS_HKDF(alg) ? cit_test_rnd(3) : 2;
    int step;

    for (step = 0; step < 3 && status == PSA_SUCCESS; step++) {
        if (PSA_ALG_IS_HKDF(alg) && info_at == (size_t)step) {
            status = give(op, alg, STEP_INFO, in->info, in->info_len, (int)cit_test_rnd(2));
        }
        if (status != PSA_SUCCESS) {
            break;
        }
        if (step == 0 && !PSA_ALG_IS_HKDF_EXPAND(alg) && in->salt_given) {
            status = give(op, alg, STEP_SALT, in->salt, in->salt_len, (int)cit_test_rnd(2));
        } else if (step == 1) {
            status = give(op, alg, STEP_SECRET, in->ikm, in->ikm_len, (int)cit_test_rnd(2));
        } else if (step == 2 && PSA_ALG_IS_HKDF_EXPAND(alg)) {
            status = give(op, alg, STEP_INFO, in->info, in->info_len, (int)cit_test_rnd(2));
        }
    }
    return status;
}

/* Reads len bytes in random chunks, checking the capacity as it goes down. */
static psa_status_t read_chunks(psa_key_derivation_operation_t *op, uint8_t *out, size_t len)
{
    size_t cap = 0, off = 0;
    psa_status_t status = psa_key_derivation_get_capacity(op, &cap);

    CHECK_STATUS(status, PSA_SUCCESS);
    while (status == PSA_SUCCESS && off < len) {
        size_t n = cit_test_rnd(4) == 0 ? cit_test_rnd(3) : 1 + cit_test_rnd(len - off);
        size_t now = 0;

        if (n > len - off) {
            n = len - off;
        }
        status = psa_key_derivation_output_bytes(op, out + off, n);
        off += n;
        CHECK_STATUS(psa_key_derivation_get_capacity(op, &now), PSA_SUCCESS);
        CHECK(status != PSA_SUCCESS || now == cap - off);
    }
    return status;
}

/* Full derivation: inputs, len bytes of output (chunked or not), abort. */
static psa_status_t derive(psa_algorithm_t alg, const kdf_inputs_t *in, uint8_t *out, size_t len,
                           int chunked)
{
    psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
    psa_status_t status = start(&op, alg, in);

    if (status == PSA_SUCCESS) {
        status = chunked ? read_chunks(&op, out, len)
                         : psa_key_derivation_output_bytes(&op, out, len);
    }
    CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);
    return status;
}

/* Initial capacity of an HKDF algorithm. */
static size_t full_capacity(psa_algorithm_t alg)
{
    size_t h = PSA_HASH_LENGTH(PSA_ALG_GET_HASH(alg));

    return PSA_ALG_IS_HKDF_EXTRACT(alg) ? h : 255 * h;
}

/* An operation in the error state refuses everything until abort. */
static void check_error_state(psa_key_derivation_operation_t *op)
{
    uint8_t b[4];
    size_t cap = 0;

    CHECK_STATUS(psa_key_derivation_get_capacity(op, &cap), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_key_derivation_set_capacity(op, 0), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_key_derivation_input_bytes(op, STEP_INFO, b, 1), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_key_derivation_output_bytes(op, b, 1), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_key_derivation_verify_bytes(op, b, 1), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_key_derivation_abort(op), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_get_capacity(op, &cap), PSA_ERROR_BAD_STATE);
}

/* ---- Before psa_crypto_init ---- */

static void test_before_init(void)
{
    psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
    psa_key_attributes_t attr = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t id = 5;
    uint8_t b[8] = { 0 };
    size_t cap = 0;

    CHECK_STATUS(psa_key_derivation_setup(&op, PSA_ALG_HKDF(PSA_ALG_SHA_256)),
                 PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_key_derivation_setup(&op, PSA_ALG_SHA_256), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_key_derivation_get_capacity(&op, &cap), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_key_derivation_set_capacity(&op, 0), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_key_derivation_input_bytes(&op, STEP_SECRET, b, 8), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_key_derivation_input_integer(&op, PSA_KEY_DERIVATION_INPUT_COST, 1),
                 PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_key_derivation_input_key(&op, STEP_SECRET, 0x7f000000u),
                 PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_key_derivation_output_bytes(&op, b, 8), PSA_ERROR_BAD_STATE);
    psa_set_key_type(&attr, PSA_KEY_TYPE_RAW_DATA);
    psa_set_key_bits(&attr, 64);
    CHECK_STATUS(psa_key_derivation_output_key(&attr, &op, &id), PSA_ERROR_BAD_STATE);
    CHECK(id == 0);
    CHECK_STATUS(psa_key_derivation_verify_bytes(&op, b, 8), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_key_derivation_verify_key(&op, 0x7f000000u), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_key_derivation_key_agreement(&op, STEP_SECRET, 0x7f000000u, b, 8),
                 PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);
}

/* ---- Inactive operations, algorithms that are not (built) KDFs ---- */

static void test_setup_errors(void)
{
    psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
    psa_key_derivation_operation_t z;
    uint8_t b[8] = { 0 };
    size_t cap = 0;
    static const psa_algorithm_t not_kdf[] = {
        0, PSA_ALG_SHA_256, PSA_ALG_HMAC(PSA_ALG_SHA_256), PSA_ALG_CMAC, PSA_ALG_GCM,
        PSA_ALG_ECDH, PSA_ALG_FFDH, PSA_ALG_ECDSA(PSA_ALG_SHA_256), PSA_ALG_CTR,
    };
    static const psa_algorithm_t unsupported[] = {
        PSA_ALG_TLS12_PRF(PSA_ALG_SHA_256), PSA_ALG_TLS12_PSK_TO_MS(PSA_ALG_SHA_256),
        PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256), PSA_ALG_PBKDF2_AES_CMAC_PRF_128,
        PSA_ALG_SP800_108_COUNTER_HMAC(PSA_ALG_SHA_256), PSA_ALG_SP800_108_COUNTER_CMAC,
        PSA_ALG_TLS12_ECJPAKE_TO_PMS,
        PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_SHA_256)),
        PSA_ALG_KEY_AGREEMENT(PSA_ALG_FFDH, PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256)),
        /* Hashes without an HMAC block size in spec Table 14, and unbuilt ones. */
        PSA_ALG_HKDF(PSA_ALG_SHA_256_192), PSA_ALG_HKDF(PSA_ALG_SHAKE256_512),
        PSA_ALG_HKDF_EXTRACT(PSA_ALG_SHAKE128_256), PSA_ALG_HKDF_EXPAND(PSA_ALG_SHAKE256_192),
        PSA_ALG_HKDF(PSA_ALG_SM3), PSA_ALG_HKDF(PSA_ALG_MD4),
#if !defined(PSA_WANT_ALG_HKDF)
        PSA_ALG_HKDF(PSA_ALG_SHA_256),
#endif
#if !defined(PSA_WANT_ALG_HKDF_EXTRACT)
        PSA_ALG_HKDF_EXTRACT(PSA_ALG_SHA_256),
#endif
#if !defined(PSA_WANT_ALG_HKDF_EXPAND)
        PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256),
#endif
#if !defined(PSA_WANT_ALG_SHA_1)
        PSA_ALG_HKDF(PSA_ALG_SHA_1),
#endif
    };
    size_t i;

    /* Inactive objects, however initialized. */
    memset(&z, 0, sizeof(z));
    CHECK_STATUS(psa_key_derivation_get_capacity(&z, &cap), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_key_derivation_input_bytes(&z, STEP_SECRET, b, 8), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_key_derivation_output_bytes(&z, b, 8), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_key_derivation_key_agreement(&z, STEP_SECRET, 1, b, 8),
                 PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_key_derivation_abort(&z), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_abort(&z), PSA_SUCCESS);
    check_error_state(&z); /* an inactive object answers like one in the error state */
    op = psa_key_derivation_operation_init();
    CHECK_STATUS(psa_key_derivation_set_capacity(&op, 0), PSA_ERROR_BAD_STATE);

    for (i = 0; i < sizeof(not_kdf) / sizeof(not_kdf[0]); i++) {
        CHECK_STATUS(psa_key_derivation_setup(&op, not_kdf[i]), PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_key_derivation_get_capacity(&op, &cap), PSA_ERROR_BAD_STATE);
    }
    for (i = 0; i < sizeof(unsupported) / sizeof(unsupported[0]); i++) {
        CHECK_STATUS(psa_key_derivation_setup(&op, unsupported[i]), PSA_ERROR_NOT_SUPPORTED);
        CHECK_STATUS(psa_key_derivation_get_capacity(&op, &cap), PSA_ERROR_BAD_STATE);
    }
    /* Malformed HKDF algorithms: no hash, the wildcard hash. */
    CHECK_STATUS(psa_key_derivation_setup(&op, PSA_ALG_HKDF(0)), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_key_derivation_setup(&op, PSA_ALG_HKDF(PSA_ALG_ANY_HASH)),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);
}

/* ---- Known answers ---- */

static void check_known(psa_algorithm_t alg, const kdf_inputs_t *in, const uint8_t *want,
                        size_t len)
{
    uint8_t *out = (uint8_t *)malloc(len + 1);

    CHECK(out != NULL);
    if (out == NULL) {
        return;
    }
    memset(out, 0, len + 1);
    CHECK_STATUS(derive(alg, in, out, len, 0), PSA_SUCCESS);
    CHECK_MEM(out, want, len);
    memset(out, 0, len + 1);
    CHECK_STATUS(derive(alg, in, out, len, 1), PSA_SUCCESS);
    CHECK_MEM(out, want, len);
    free(out);
}

static int variant_built(int v)
{
    size_t i;

    for (i = 0; variants[i] >= 0; i++) {
        if (variants[i] == v) {
            return 1;
        }
    }
    return 0;
}

static int hash_built(psa_algorithm_t hash)
{
    size_t i;

    for (i = 0; hashes[i].name != NULL; i++) {
        if (hashes[i].hash == hash) {
            return 1;
        }
    }
    return 0;
}

static void test_rfc(void)
{
    size_t i;

    for (i = 0; i < RFC5869_NUM_CASES; i++) {
        const rfc5869_case_t *c = &rfc5869_cases[i];
        psa_algorithm_t hash = c->sha1 ? PSA_ALG_SHA_1 : PSA_ALG_SHA_256;
        kdf_inputs_t in;
        size_t prk_len, okm_len;
        uint8_t *ikm, *salt, *info, *prk, *okm;

        if (!hash_built(hash)) {
            continue;
        }
        ikm = cit_hex_decode(c->ikm, &in.ikm_len);
        salt = cit_hex_decode(c->salt, &in.salt_len);
        info = cit_hex_decode(c->info, &in.info_len);
        prk = cit_hex_decode(c->prk, &prk_len);
        okm = cit_hex_decode(c->okm, &okm_len);
        CHECK(ikm != NULL && salt != NULL && info != NULL && prk != NULL && okm != NULL);
        if (ikm != NULL && salt != NULL && info != NULL && prk != NULL && okm != NULL) {
            in.ikm = ikm, in.salt = salt, in.info = info;
            in.salt_given = !c->salt_absent;
            if (variant_built(V_HKDF)) {
                check_known(PSA_ALG_HKDF(hash), &in, okm, okm_len);
            }
            if (variant_built(V_EXTRACT)) {
                in.salt_given = 1;
                check_known(PSA_ALG_HKDF_EXTRACT(hash), &in, prk, prk_len);
            }
            if (variant_built(V_EXPAND)) {
                in.ikm = prk, in.ikm_len = prk_len;
                check_known(PSA_ALG_HKDF_EXPAND(hash), &in, okm, okm_len);
            }
            rfc_cases += variants[0] >= 0;
        }
        free(ikm);
        free(salt);
        free(info);
        free(prk);
        free(okm);
    }
}

static void wycheproof_case(psa_algorithm_t hash, const cit_json_t *t)
{
    const char *result = cit_json_str(t, "result");
    size_t size = (size_t)cit_json_num(t, "size", 0);
    size_t okm_len;
    kdf_inputs_t in;
    uint8_t *ikm = cit_hex_decode(cit_json_str(t, "ikm"), &in.ikm_len);
    uint8_t *salt = cit_hex_decode(cit_json_str(t, "salt"), &in.salt_len);
    uint8_t *info = cit_hex_decode(cit_json_str(t, "info"), &in.info_len);
    uint8_t *okm = cit_hex_decode(cit_json_str(t, "okm"), &okm_len);

    CHECK(result != NULL && ikm != NULL && salt != NULL && info != NULL && okm != NULL);
    if (result == NULL || ikm == NULL || salt == NULL || info == NULL || okm == NULL) {
        goto done;
    }
    in.ikm = ikm, in.salt = salt, in.info = info;
    in.salt_given = in.salt_len != 0 || cit_test_rnd(2) == 0;
    if (strcmp(result, "valid") == 0) {
        CHECK(okm_len == size);
        check_known(PSA_ALG_HKDF(hash), &in, okm, size);
        wycheproof_cases++;
    } else {
        /* Too long: INSUFFICIENT_DATA, the capacity drops to 0, no error state. */
        psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
        uint8_t *out = (uint8_t *)malloc(size);
        size_t cap = 1;

        CHECK(out != NULL && size > full_capacity(PSA_ALG_HKDF(hash)));
        CHECK_STATUS(start(&op, PSA_ALG_HKDF(hash), &in), PSA_SUCCESS);
        if (out != NULL) {
            memset(out, 0x5a, size);
            CHECK_STATUS(psa_key_derivation_output_bytes(&op, out, size),
                         PSA_ERROR_INSUFFICIENT_DATA);
            CHECK(out[0] == 0x5a && out[size - 1] == 0x5a);
        }
        CHECK_STATUS(psa_key_derivation_get_capacity(&op, &cap), PSA_SUCCESS);
        CHECK(cap == 0);
        CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);
        free(out);
        wycheproof_rejected++;
    }
done:
    free(ikm);
    free(salt);
    free(info);
    free(okm);
}

static void test_wycheproof(void)
{
    size_t i, g, k;

    if (!variant_built(V_HKDF)) {
        return;
    }
    for (i = 0; hashes[i].name != NULL; i++) {
        char rel[160];
        char *path;
        cit_json_t *doc;
        const cit_json_t *groups;

        if (hashes[i].wycheproof == NULL) {
            continue;
        }
        snprintf(rel, sizeof(rel), "wycheproof/testvectors_v1/%s", hashes[i].wycheproof);
        path = cit_vector_path(rel);
        if (path == NULL) {
            vectors_missing = 1;
            missing_reason = "Wycheproof vectors not found (set CIT_VECTORS_DIR)";
            continue;
        }
        doc = cit_json_parse_file(path);
        free(path);
        CHECK(doc != NULL);
        groups = cit_json_get(doc, "testGroups");
        CHECK(groups != NULL && groups->type == CIT_JSON_ARRAY);
        for (g = 0; groups != NULL && g < groups->count; g++) {
            const cit_json_t *tests = cit_json_get(groups->items[g], "tests");

            CHECK(tests != NULL);
            for (k = 0; tests != NULL && k < tests->count; k++) {
                wycheproof_case(hashes[i].hash, tests->items[k]);
            }
        }
        cit_json_free(doc);
    }
}

/* ---- Differential against OpenSSL ---- */

static int oracle(const char *digest, int variant, const kdf_inputs_t *in, uint8_t *out,
                  size_t out_len)
{
    static const char *const modes[NUM_VARIANTS] = { "EXTRACT_AND_EXPAND", "EXTRACT_ONLY",
                                                     "EXPAND_ONLY" };
    EVP_KDF_CTX *kctx = EVP_KDF_CTX_new(ossl_hkdf);
    OSSL_PARAM params[6], *p = params;
    uint8_t dummy = 0;
    int ok;

    if (kctx == NULL) {
        return 0;
    }
    *p++ = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, (char *)digest, 0);
    *p++ = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_MODE, (char *)modes[variant], 0);
    *p++ = OSSL_PARAM_construct_octet_string(
        OSSL_KDF_PARAM_KEY, in->ikm_len != 0 ? (void *)in->ikm : &dummy, in->ikm_len);
    if (variant != V_EXPAND) {
        *p++ = OSSL_PARAM_construct_octet_string(
            OSSL_KDF_PARAM_SALT, in->salt_len != 0 ? (void *)in->salt : &dummy, in->salt_len);
    }
    if (variant != V_EXTRACT) {
        *p++ = OSSL_PARAM_construct_octet_string(
            OSSL_KDF_PARAM_INFO, in->info_len != 0 ? (void *)in->info : &dummy, in->info_len);
    }
    *p = OSSL_PARAM_construct_end();
    ok = EVP_KDF_derive(kctx, out, out_len, params) == 1;
    EVP_KDF_CTX_free(kctx);
    return ok;
}

static void test_differential(void)
{
    static uint8_t okm[255 * PSA_HASH_MAX_SIZE], want[255 * PSA_HASH_MAX_SIZE];
    uint8_t ikm[300], salt[300], info[300];
    size_t i, v, c;

    for (i = 0; hashes[i].name != NULL; i++) {
        const hash_info_t *h = &hashes[i];
        size_t digest = PSA_HASH_LENGTH(h->hash);
        size_t block = PSA_HASH_BLOCK_LENGTH(h->hash);

        if (!h->available) {
            continue;
        }
        for (v = 0; variants[v] >= 0; v++) {
            int variant = variants[v];
            psa_algorithm_t alg = make_alg(variant, h->hash);

            for (c = 0; c < DIFF_CASES; c++) {
                kdf_inputs_t in;
                size_t len;

                in.ikm_len = cit_test_random_length(block, sizeof(ikm));
                in.salt_len = cit_test_random_length(block, sizeof(salt));
                in.info_len = cit_test_random_length(block, sizeof(info));
                if (variant == V_EXPAND && in.ikm_len < digest) {
                    in.ikm_len = digest + cit_test_rnd(block);
                }
                in.salt_given = variant != V_HKDF || in.salt_len != 0 || cit_test_rnd(2) == 0;
                cit_test_rand_bytes(ikm, in.ikm_len);
                cit_test_rand_bytes(salt, in.salt_len);
                cit_test_rand_bytes(info, in.info_len);
                in.ikm = ikm, in.salt = salt, in.info = info;
                len = variant == V_EXTRACT ? digest
                                           : (cit_test_rnd(10) == 0 ? 255 * digest : 1 + cit_test_rnd(3 * digest));
                if (!oracle(h->ossl, variant, &in, want, len)) {
                    CHECK(!"OpenSSL HKDF failed");
                    continue;
                }
                memset(okm, 0, len);
                CHECK_STATUS(derive(alg, &in, okm, len, 1), PSA_SUCCESS);
                CHECK_MEM(okm, want, len);
                diff_cases[variant]++;
            }
        }
    }
}

/* ---- output_key ---- */

static void test_output_key(void)
{
#if defined(TEST_HKDF_SHA256)
    static const struct {
        psa_key_type_t type;
        size_t bits;
    } kinds[] = {
        { PSA_KEY_TYPE_RAW_DATA, 8 },
        { PSA_KEY_TYPE_RAW_DATA, 1000 },
        { PSA_KEY_TYPE_DERIVE, 256 },
#if defined(PSA_WANT_KEY_TYPE_HMAC)
        { PSA_KEY_TYPE_HMAC, 512 },
#endif
#if defined(PSA_WANT_KEY_TYPE_AES)
        { PSA_KEY_TYPE_AES, 128 },
        { PSA_KEY_TYPE_AES, 192 },
        { PSA_KEY_TYPE_AES, 256 },
#endif
#if defined(PSA_WANT_KEY_TYPE_PASSWORD)
        { PSA_KEY_TYPE_PASSWORD, 96 },
#endif
#if defined(PSA_WANT_KEY_TYPE_PEPPER)
        { PSA_KEY_TYPE_PEPPER, 128 },
#endif
    };
    const psa_algorithm_t alg = PSA_ALG_HKDF(PSA_ALG_SHA_256);
    uint8_t ikm[32], info[20], stream[2 * 8160], exported[1024];
    kdf_inputs_t in;
    size_t k;

    cit_test_rand_bytes(ikm, sizeof(ikm));
    cit_test_rand_bytes(info, sizeof(info));
    in.ikm = ikm, in.ikm_len = sizeof(ikm);
    in.salt = info, in.salt_len = 5, in.salt_given = 1;
    in.info = info, in.info_len = sizeof(info);

    /* Reference stream; then keys of each kind carved out of it, mixed with bytes. */
    CHECK_STATUS(derive(alg, &in, stream, 8160, 0), PSA_SUCCESS);
    for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
        psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
        psa_key_attributes_t attr = PSA_KEY_ATTRIBUTES_INIT;
        psa_key_attributes_t got = PSA_KEY_ATTRIBUTES_INIT;
        psa_key_id_t key_id = 0, secret = 0;
        size_t skip = cit_test_rnd(100), n = 0, bytes = kinds[k].bits / 8, cap = 0;
        uint8_t tail[16];

        CHECK_STATUS(psa_key_derivation_setup(&op, alg), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_input_bytes(&op, STEP_SALT, info, 5), PSA_SUCCESS);
        CHECK_STATUS(import_key(PSA_KEY_TYPE_DERIVE, ikm, sizeof(ikm), alg, USAGE_DERIVE,
                                &secret),
                     PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_input_key(&op, STEP_SECRET, secret), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_input_bytes(&op, STEP_INFO, info, sizeof(info)),
                     PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_output_bytes(&op, exported, skip), PSA_SUCCESS);
        CHECK_MEM(exported, stream, skip);
        psa_set_key_type(&attr, kinds[k].type);
        psa_set_key_bits(&attr, kinds[k].bits);
        psa_set_key_usage_flags(&attr, PSA_KEY_USAGE_EXPORT);
        CHECK_STATUS(psa_key_derivation_output_key(&attr, &op, &key_id), PSA_SUCCESS);
        CHECK_STATUS(psa_export_key(key_id, exported, sizeof(exported), &n), PSA_SUCCESS);
        CHECK(n == bytes);
        CHECK_MEM(exported, stream + skip, bytes);
        CHECK_STATUS(psa_get_key_attributes(key_id, &got), PSA_SUCCESS);
        CHECK(psa_get_key_type(&got) == kinds[k].type && psa_get_key_bits(&got) == kinds[k].bits);
        CHECK_STATUS(psa_key_derivation_get_capacity(&op, &cap), PSA_SUCCESS);
        CHECK(cap == 8160 - skip - bytes);
        CHECK_STATUS(psa_key_derivation_output_bytes(&op, tail, sizeof(tail)), PSA_SUCCESS);
        CHECK_MEM(tail, stream + skip + bytes, sizeof(tail));
        CHECK_STATUS(psa_destroy_key(key_id), PSA_SUCCESS);
        CHECK_STATUS(psa_destroy_key(secret), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);
        key_cases++;
    }
#endif
}

/* ---- Input steps: order, duplicates, foreign steps ---- */

#if defined(TEST_HKDF_SHA256)
/* A fresh operation for alg; the result of giving `first` then `second`. */
static psa_status_t two_steps(psa_algorithm_t alg, psa_key_derivation_step_t first,
                              psa_key_derivation_step_t second, int check_error)
{
    psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
    uint8_t data[32] = { 9 };
    psa_status_t status;

    CHECK_STATUS(psa_key_derivation_setup(&op, alg), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_input_bytes(&op, first, data, sizeof(data)), PSA_SUCCESS);
    status = psa_key_derivation_input_bytes(&op, second, data, sizeof(data));
    if (status != PSA_SUCCESS && check_error) {
        check_error_state(&op);
    }
    CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);
    return status;
}
#endif

static void test_steps(void)
{
#if defined(TEST_HKDF_SHA256)
    psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
    const psa_algorithm_t hkdf = PSA_ALG_HKDF(PSA_ALG_SHA_256);
    static const psa_key_derivation_step_t foreign[] = {
        PSA_KEY_DERIVATION_INPUT_PASSWORD, PSA_KEY_DERIVATION_INPUT_OTHER_SECRET,
        PSA_KEY_DERIVATION_INPUT_LABEL, PSA_KEY_DERIVATION_INPUT_SEED,
        PSA_KEY_DERIVATION_INPUT_COST, PSA_KEY_DERIVATION_INPUT_CONTEXT, 0, 0x7777,
    };
    uint8_t data[32] = { 9 }, out[32], ref[32];
    size_t i;

    /* HKDF: salt only before the secret; each step once; info any time before output. */
    CHECK_STATUS(two_steps(hkdf, STEP_SECRET, STEP_SALT, 1), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(two_steps(hkdf, STEP_SALT, STEP_SALT, 1), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(two_steps(hkdf, STEP_SECRET, STEP_SECRET, 1), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(two_steps(hkdf, STEP_INFO, STEP_INFO, 1), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(two_steps(hkdf, STEP_INFO, STEP_SALT, 0), PSA_SUCCESS);
    CHECK_STATUS(two_steps(hkdf, STEP_INFO, STEP_SECRET, 0), PSA_SUCCESS);
    CHECK_STATUS(two_steps(hkdf, STEP_SECRET, STEP_INFO, 0), PSA_SUCCESS);
    for (i = 0; i < sizeof(foreign) / sizeof(foreign[0]); i++) {
        CHECK_STATUS(two_steps(hkdf, STEP_SALT, foreign[i], 1), PSA_ERROR_INVALID_ARGUMENT);
    }

    /* Output needs the secret and the info (the salt is optional). */
    CHECK_STATUS(psa_key_derivation_setup(&op, hkdf), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_output_bytes(&op, out, 1), PSA_ERROR_BAD_STATE);
    check_error_state(&op);
    CHECK_STATUS(psa_key_derivation_setup(&op, hkdf), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_input_bytes(&op, STEP_SECRET, data, 32), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_verify_bytes(&op, out, 1), PSA_ERROR_BAD_STATE);
    check_error_state(&op);
    CHECK_STATUS(psa_key_derivation_setup(&op, hkdf), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_input_bytes(&op, STEP_INFO, data, 3), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_output_bytes(&op, out, 1), PSA_ERROR_BAD_STATE);
    check_error_state(&op);

    /* No input once output started; output with zero length. */
    CHECK_STATUS(psa_key_derivation_setup(&op, hkdf), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_input_bytes(&op, STEP_SECRET, data, 32), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_input_bytes(&op, STEP_INFO, data, 0), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_output_bytes(&op, out, 0), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_output_bytes(&op, out, sizeof(out)), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_input_bytes(&op, STEP_SALT, data, 3), PSA_ERROR_BAD_STATE);
    check_error_state(&op);

    /* The same stream whatever the order of the info. */
    {
        kdf_inputs_t in;

        in.ikm = data, in.ikm_len = 32, in.salt = data, in.salt_len = 7, in.salt_given = 1;
        in.info = data, in.info_len = 11;
        CHECK_STATUS(derive(hkdf, &in, ref, sizeof(ref), 0), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_setup(&op, hkdf), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_input_bytes(&op, STEP_INFO, data, 11), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_input_bytes(&op, STEP_SALT, data, 7), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_input_bytes(&op, STEP_SECRET, data, 32), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_output_bytes(&op, out, sizeof(out)), PSA_SUCCESS);
        CHECK_MEM(out, ref, sizeof(out));
        CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);
    }

    /* Numeric inputs: HKDF has none. */
    CHECK_STATUS(psa_key_derivation_setup(&op, hkdf), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_input_integer(&op, PSA_KEY_DERIVATION_INPUT_COST, 1000),
                 PSA_ERROR_INVALID_ARGUMENT);
    check_error_state(&op);
    CHECK_STATUS(psa_key_derivation_setup(&op, hkdf), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_input_integer(&op, STEP_SALT, 1), PSA_ERROR_INVALID_ARGUMENT);
    check_error_state(&op);

    /* A key-agreement input on a plain KDF. */
    CHECK_STATUS(psa_key_derivation_setup(&op, hkdf), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_key_agreement(&op, STEP_SECRET, 1, data, 32),
                 PSA_ERROR_INVALID_ARGUMENT);
    check_error_state(&op);

    /* Info longer than Citadel keeps: NOT_SUPPORTED (error state). */
    {
        static uint8_t big[CIT_HKDF_INFO_MAX_SIZE + 1];

        CHECK_STATUS(psa_key_derivation_setup(&op, hkdf), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_input_bytes(&op, STEP_INFO, big, sizeof(big)),
                     PSA_ERROR_NOT_SUPPORTED);
        check_error_state(&op);
        CHECK_STATUS(psa_key_derivation_setup(&op, hkdf), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_input_bytes(&op, STEP_INFO, big, sizeof(big) - 1),
                     PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);
    }

#if defined(PSA_WANT_ALG_HKDF_EXTRACT)
    {
        const psa_algorithm_t ext = PSA_ALG_HKDF_EXTRACT(PSA_ALG_SHA_256);

        /* Salt, then secret: both required, in this order; no info. */
        CHECK_STATUS(two_steps(ext, STEP_SALT, STEP_SECRET, 0), PSA_SUCCESS);
        CHECK_STATUS(two_steps(ext, STEP_SALT, STEP_SALT, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(two_steps(ext, STEP_SALT, STEP_INFO, 1), PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_key_derivation_setup(&op, ext), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_input_bytes(&op, STEP_SECRET, data, 32),
                     PSA_ERROR_BAD_STATE);
        check_error_state(&op);
        CHECK_STATUS(psa_key_derivation_setup(&op, ext), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_input_bytes(&op, STEP_SALT, data, 32), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_output_bytes(&op, out, 1), PSA_ERROR_BAD_STATE);
        check_error_state(&op);
    }
#endif
#if defined(PSA_WANT_ALG_HKDF_EXPAND)
    {
        const psa_algorithm_t exp = PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256);

        /* Secret (the PRK, at least HashLen bytes), then info; no salt. */
        CHECK_STATUS(two_steps(exp, STEP_SECRET, STEP_INFO, 0), PSA_SUCCESS);
        CHECK_STATUS(two_steps(exp, STEP_SECRET, STEP_SECRET, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(two_steps(exp, STEP_SECRET, STEP_SALT, 1), PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_key_derivation_setup(&op, exp), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_input_bytes(&op, STEP_INFO, data, 32),
                     PSA_ERROR_BAD_STATE);
        check_error_state(&op);
        CHECK_STATUS(psa_key_derivation_setup(&op, exp), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_input_bytes(&op, STEP_SECRET, data, 31),
                     PSA_ERROR_INVALID_ARGUMENT);
        check_error_state(&op);
        CHECK_STATUS(psa_key_derivation_setup(&op, exp), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_input_bytes(&op, STEP_SECRET, data, 32), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_output_bytes(&op, out, 1), PSA_ERROR_BAD_STATE);
        check_error_state(&op);
    }
#endif
#endif /* TEST_HKDF_SHA256 */
}

/* ---- Capacity ---- */

static void test_capacity(void)
{
    size_t v, i;

    for (v = 0; variants[v] >= 0; v++) {
        for (i = 0; hashes[i].name != NULL; i++) {
            psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
            psa_algorithm_t alg = make_alg(variants[v], hashes[i].hash);
            uint8_t data[64] = { 3 }, out[80];
            size_t cap = 0, full = full_capacity(alg);
            size_t digest = PSA_HASH_LENGTH(hashes[i].hash);

            CHECK_STATUS(psa_key_derivation_setup(&op, alg), PSA_SUCCESS);
            CHECK_STATUS(psa_key_derivation_get_capacity(&op, &cap), PSA_SUCCESS);
            CHECK(cap == full);
            /* Higher (or unlimited) is refused; the operation stays valid. */
            CHECK_STATUS(psa_key_derivation_set_capacity(&op, full + 1),
                         PSA_ERROR_INVALID_ARGUMENT);
            CHECK_STATUS(psa_key_derivation_set_capacity(
                             &op, PSA_KEY_DERIVATION_UNLIMITED_CAPACITY),
                         PSA_ERROR_INVALID_ARGUMENT);
            CHECK_STATUS(psa_key_derivation_set_capacity(&op, full), PSA_SUCCESS);
            CHECK_STATUS(psa_key_derivation_set_capacity(
                             &op, digest + 5 < full ? digest + 5 : full),
                         PSA_SUCCESS);
            if (variants[v] != V_EXPAND) {
                CHECK_STATUS(psa_key_derivation_input_bytes(&op, STEP_SALT, data, 10),
                             PSA_SUCCESS);
            }
            CHECK_STATUS(psa_key_derivation_input_bytes(&op, STEP_SECRET, data, digest),
                         PSA_SUCCESS);
            if (variants[v] != V_EXTRACT) {
                CHECK_STATUS(psa_key_derivation_input_bytes(&op, STEP_INFO, data, 10),
                             PSA_SUCCESS);
            }
            CHECK_STATUS(psa_key_derivation_get_capacity(&op, &cap), PSA_SUCCESS);
            CHECK(cap == (digest + 5 < full ? digest + 5 : full));
            CHECK_STATUS(psa_key_derivation_output_bytes(&op, out, 3), PSA_SUCCESS);
            CHECK_STATUS(psa_key_derivation_set_capacity(&op, cap), PSA_ERROR_INVALID_ARGUMENT);
            CHECK_STATUS(psa_key_derivation_set_capacity(&op, cap - 3), PSA_SUCCESS);
            /* Asking for more than is left: nothing written, capacity 0, no error state. */
            memset(out, 0xee, sizeof(out));
            CHECK_STATUS(psa_key_derivation_output_bytes(&op, out, cap - 2),
                         PSA_ERROR_INSUFFICIENT_DATA);
            CHECK(out[0] == 0xee);
            CHECK_STATUS(psa_key_derivation_get_capacity(&op, &cap), PSA_SUCCESS);
            CHECK(cap == 0);
            CHECK_STATUS(psa_key_derivation_output_bytes(&op, out, 1),
                         PSA_ERROR_INSUFFICIENT_DATA);
            CHECK_STATUS(psa_key_derivation_output_bytes(&op, out, 0),
                         PSA_ERROR_INSUFFICIENT_DATA);
            CHECK_STATUS(psa_key_derivation_verify_bytes(&op, out, 1),
                         PSA_ERROR_INSUFFICIENT_DATA);
            CHECK_STATUS(psa_key_derivation_set_capacity(&op, 0), PSA_SUCCESS);
            CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);

            /* Exactly the whole capacity, then nothing more. */
            if (variants[v] != V_EXPAND) {
                kdf_inputs_t in;
                static uint8_t all[255 * PSA_HASH_MAX_SIZE + 1];

                in.ikm = data, in.ikm_len = 40, in.salt = data, in.salt_len = 3;
                in.salt_given = 1, in.info = data, in.info_len = 4;
                CHECK_STATUS(start(&op, alg, &in), PSA_SUCCESS);
                CHECK_STATUS(psa_key_derivation_output_bytes(&op, all, full), PSA_SUCCESS);
                CHECK_STATUS(psa_key_derivation_get_capacity(&op, &cap), PSA_SUCCESS);
                CHECK(cap == 0);
                CHECK_STATUS(psa_key_derivation_output_bytes(&op, all, 1),
                             PSA_ERROR_INSUFFICIENT_DATA);
                CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);
            }
        }
    }
}

/* ---- Input keys: usage, policy, type ---- */

static void test_input_keys(void)
{
#if defined(TEST_HKDF_SHA256)
    const psa_algorithm_t hkdf = PSA_ALG_HKDF(PSA_ALG_SHA_256);
    psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
    uint8_t k32[32];
    psa_key_id_t id = 0;

    cit_test_rand_bytes(k32, sizeof(k32));

    /* Unknown key. */
    CHECK_STATUS(psa_key_derivation_setup(&op, hkdf), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_input_key(&op, STEP_SECRET, 0x7ffffff0u),
                 PSA_ERROR_INVALID_HANDLE);
    check_error_state(&op);

    /* Neither DERIVE nor VERIFY_DERIVATION. */
    CHECK_STATUS(import_key(PSA_KEY_TYPE_DERIVE, k32, 32, hkdf,
                            PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_SIGN_MESSAGE, &id),
                 PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_setup(&op, hkdf), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_input_key(&op, STEP_SECRET, id), PSA_ERROR_NOT_PERMITTED);
    check_error_state(&op);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);

    /* The key's policy is another algorithm. */
    CHECK_STATUS(import_key(PSA_KEY_TYPE_DERIVE, k32, 32,
                            PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256), USAGE_DERIVE, &id),
                 PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_setup(&op, hkdf), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_input_key(&op, STEP_SECRET, id), PSA_ERROR_NOT_PERMITTED);
    check_error_state(&op);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
#if defined(PSA_WANT_ALG_SHA_1)
    CHECK_STATUS(import_key(PSA_KEY_TYPE_DERIVE, k32, 32, PSA_ALG_HKDF(PSA_ALG_SHA_1),
                            USAGE_DERIVE, &id),
                 PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_setup(&op, hkdf), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_input_key(&op, STEP_SECRET, id), PSA_ERROR_NOT_PERMITTED);
    check_error_state(&op);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
#endif
    CHECK_STATUS(import_key(PSA_KEY_TYPE_DERIVE, k32, 32, PSA_ALG_NONE, USAGE_DERIVE, &id),
                 PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_setup(&op, hkdf), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_input_key(&op, STEP_SECRET, id), PSA_ERROR_NOT_PERMITTED);
    check_error_state(&op);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);

    /* Key types: DERIVE only as the secret, RAW_DATA only as salt or info. */
    {
        static const struct {
            psa_key_type_t type;
            psa_key_derivation_step_t step;
            psa_status_t want;
        } cases[] = {
            { PSA_KEY_TYPE_DERIVE, STEP_SECRET, PSA_SUCCESS },
            { PSA_KEY_TYPE_RAW_DATA, STEP_SECRET, PSA_ERROR_INVALID_ARGUMENT },
            { PSA_KEY_TYPE_DERIVE, STEP_SALT, PSA_ERROR_INVALID_ARGUMENT },
            { PSA_KEY_TYPE_DERIVE, STEP_INFO, PSA_ERROR_INVALID_ARGUMENT },
            { PSA_KEY_TYPE_RAW_DATA, STEP_SALT, PSA_SUCCESS },
            { PSA_KEY_TYPE_RAW_DATA, STEP_INFO, PSA_SUCCESS },
#if defined(PSA_WANT_KEY_TYPE_HMAC)
            { PSA_KEY_TYPE_HMAC, STEP_SECRET, PSA_ERROR_INVALID_ARGUMENT },
#endif
#if defined(PSA_WANT_KEY_TYPE_PASSWORD)
            { PSA_KEY_TYPE_PASSWORD, STEP_SECRET, PSA_ERROR_INVALID_ARGUMENT },
#endif
#if defined(PSA_WANT_KEY_TYPE_PEPPER)
            { PSA_KEY_TYPE_PEPPER, STEP_SALT, PSA_ERROR_INVALID_ARGUMENT },
#endif
#if defined(PSA_WANT_KEY_TYPE_AES)
            { PSA_KEY_TYPE_AES, STEP_SECRET, PSA_ERROR_INVALID_ARGUMENT },
#endif
        };
        size_t i;

        for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
            CHECK_STATUS(import_key(cases[i].type, k32, 32, hkdf, USAGE_DERIVE, &id),
                         PSA_SUCCESS);
            CHECK_STATUS(psa_key_derivation_setup(&op, hkdf), PSA_SUCCESS);
            CHECK_STATUS(psa_key_derivation_input_key(&op, cases[i].step, id), cases[i].want);
            if (cases[i].want != PSA_SUCCESS) {
                check_error_state(&op);
            }
            CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);
            CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
        }
    }

    /* A step out of order through a valid key is BAD_STATE too. */
    CHECK_STATUS(import_key(PSA_KEY_TYPE_RAW_DATA, k32, 32, hkdf, USAGE_DERIVE, &id),
                 PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_setup(&op, hkdf), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_input_bytes(&op, STEP_SECRET, k32, 32), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_input_key(&op, STEP_SALT, id), PSA_ERROR_BAD_STATE);
    check_error_state(&op);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);

#if defined(PSA_WANT_ALG_HKDF_EXPAND)
    /* HKDF-Expand: a PRK key shorter than HashLen. */
    CHECK_STATUS(import_key(PSA_KEY_TYPE_DERIVE, k32, 20, PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256),
                            USAGE_DERIVE, &id),
                 PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_setup(&op, PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256)),
                 PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_input_key(&op, STEP_SECRET, id), PSA_ERROR_INVALID_ARGUMENT);
    check_error_state(&op);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
#endif
#endif /* TEST_HKDF_SHA256 */
}

/* ---- Output rules: DERIVE vs VERIFY_DERIVATION, output_key, verification ---- */

#if defined(TEST_HKDF_SHA256)
/*
 * Sets up HKDF-SHA-256 with a secret key of the given usage (0: the secret as
 * bytes) and a salt key of the given usage (0: the salt as bytes).
 */
static void start_with(psa_key_derivation_operation_t *op, psa_key_usage_t secret_usage,
                       psa_key_usage_t salt_usage)
{
    const psa_algorithm_t hkdf = PSA_ALG_HKDF(PSA_ALG_SHA_256);
    static const uint8_t secret[32] = { 0x42, 1, 2, 3 }, salt[16] = { 0x5a };
    psa_key_id_t id = 0;

    CHECK_STATUS(psa_key_derivation_setup(op, hkdf), PSA_SUCCESS);
    if (salt_usage != 0) {
        CHECK_STATUS(import_key(PSA_KEY_TYPE_RAW_DATA, salt, sizeof(salt), hkdf, salt_usage,
                                &id),
                     PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_input_key(op, STEP_SALT, id), PSA_SUCCESS);
        CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    } else {
        CHECK_STATUS(psa_key_derivation_input_bytes(op, STEP_SALT, salt, sizeof(salt)),
                     PSA_SUCCESS);
    }
    if (secret_usage != 0) {
        CHECK_STATUS(import_key(PSA_KEY_TYPE_DERIVE, secret, sizeof(secret), hkdf, secret_usage,
                                &id),
                     PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_input_key(op, STEP_SECRET, id), PSA_SUCCESS);
        CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    } else {
        CHECK_STATUS(psa_key_derivation_input_bytes(op, STEP_SECRET, secret, sizeof(secret)),
                     PSA_SUCCESS);
    }
    CHECK_STATUS(psa_key_derivation_input_bytes(op, STEP_INFO, salt, 4), PSA_SUCCESS);
}
#endif

static void test_output_rules(void)
{
#if defined(TEST_HKDF_SHA256)
    const psa_algorithm_t hkdf = PSA_ALG_HKDF(PSA_ALG_SHA_256);
    psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
    psa_key_attributes_t attr = PSA_KEY_ATTRIBUTES_INIT;
    uint8_t ref[200], out[200];
    psa_key_id_t key_id = 0, hash_key = 0;
    size_t cap = 0, n = 0;

    /* Reference output: every input by bytes. */
    start_with(&op, 0, 0);
    CHECK_STATUS(psa_key_derivation_output_bytes(&op, ref, sizeof(ref)), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);

    psa_set_key_type(&attr, PSA_KEY_TYPE_RAW_DATA);
    psa_set_key_bits(&attr, 128);
    psa_set_key_usage_flags(&attr, PSA_KEY_USAGE_EXPORT);

    /* Keys with DERIVE (with or without VERIFY_DERIVATION): the same stream, all outputs. */
    start_with(&op, USAGE_DERIVE | USAGE_VERIFY, USAGE_DERIVE);
    CHECK_STATUS(psa_key_derivation_output_bytes(&op, out, 10), PSA_SUCCESS);
    CHECK_MEM(out, ref, 10);
    CHECK_STATUS(psa_key_derivation_verify_bytes(&op, ref + 10, 10), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_output_key(&attr, &op, &key_id), PSA_SUCCESS);
    CHECK_STATUS(psa_export_key(key_id, out, sizeof(out), &n), PSA_SUCCESS);
    CHECK(n == 16);
    CHECK_MEM(out, ref + 20, 16);
    CHECK_STATUS(psa_destroy_key(key_id), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);

    /* The secret as bytes: output_bytes yes, output_key NOT_PERMITTED (error state). */
    start_with(&op, 0, USAGE_DERIVE);
    CHECK_STATUS(psa_key_derivation_output_bytes(&op, out, 5), PSA_SUCCESS);
    CHECK_MEM(out, ref, 5);
    key_id = 99;
    CHECK_STATUS(psa_key_derivation_output_key(&attr, &op, &key_id), PSA_ERROR_NOT_PERMITTED);
    CHECK(key_id == 0);
    check_error_state(&op);

    /* A secret key with VERIFY_DERIVATION only: verification only. */
    start_with(&op, USAGE_VERIFY, 0);
    CHECK_STATUS(psa_key_derivation_verify_bytes(&op, ref, 7), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_get_capacity(&op, &cap), PSA_SUCCESS);
    CHECK(cap == 8160 - 7);
    CHECK_STATUS(psa_key_derivation_verify_bytes(&op, ref + 7, 150), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_output_bytes(&op, out, 1), PSA_ERROR_NOT_PERMITTED);
    check_error_state(&op);
    start_with(&op, USAGE_VERIFY, 0);
    CHECK_STATUS(psa_key_derivation_output_key(&attr, &op, &key_id), PSA_ERROR_NOT_PERMITTED);
    check_error_state(&op);

    /* A salt key with VERIFY_DERIVATION only makes the whole operation verify-only. */
    start_with(&op, USAGE_DERIVE, USAGE_VERIFY);
    CHECK_STATUS(psa_key_derivation_output_bytes(&op, out, 1), PSA_ERROR_NOT_PERMITTED);
    check_error_state(&op);
    start_with(&op, USAGE_DERIVE, USAGE_VERIFY);
    CHECK_STATUS(psa_key_derivation_verify_bytes(&op, ref, 33), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);

    /* Mismatch: INVALID_SIGNATURE and the error state (first, middle and last byte). */
    {
        size_t pos[3] = { 0, 70, 129 };
        size_t j;

        for (j = 0; j < 3; j++) {
            memcpy(out, ref, 130);
            out[pos[j]] ^= 0x01;
            start_with(&op, USAGE_VERIFY, 0);
            CHECK_STATUS(psa_key_derivation_verify_bytes(&op, out, 130),
                         PSA_ERROR_INVALID_SIGNATURE);
            check_error_state(&op);
        }
    }
    /* Verification beyond the capacity. */
    start_with(&op, USAGE_VERIFY, 0);
    CHECK_STATUS(psa_key_derivation_set_capacity(&op, 10), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_verify_bytes(&op, ref, 11), PSA_ERROR_INSUFFICIENT_DATA);
    CHECK_STATUS(psa_key_derivation_get_capacity(&op, &cap), PSA_SUCCESS);
    CHECK(cap == 0);
    CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);

    /* output_key: attributes the key store refuses, production parameters. */
    {
        static const struct {
            psa_key_type_t type;
            size_t bits;
            psa_status_t want;
        } bad[] = {
            { PSA_KEY_TYPE_RAW_DATA, 0, PSA_ERROR_INVALID_ARGUMENT },
            { PSA_KEY_TYPE_RAW_DATA, 12, PSA_ERROR_INVALID_ARGUMENT },
            { PSA_KEY_TYPE_NONE, 128, PSA_ERROR_INVALID_ARGUMENT },
            { PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), 256,
              PSA_ERROR_INVALID_ARGUMENT },
            { PSA_KEY_TYPE_RSA_PUBLIC_KEY, 2048, PSA_ERROR_INVALID_ARGUMENT },
            { PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256, PSA_ERROR_NOT_SUPPORTED },
#if defined(PSA_WANT_KEY_TYPE_AES)
            { PSA_KEY_TYPE_AES, 100, PSA_ERROR_INVALID_ARGUMENT },
            { PSA_KEY_TYPE_AES, 136, PSA_ERROR_INVALID_ARGUMENT },
#endif
            { PSA_KEY_TYPE_RAW_DATA, 8 * 4096, PSA_ERROR_NOT_SUPPORTED },
        };
        const psa_custom_key_parameters_t custom = { 1 };
        const psa_custom_key_parameters_t dflt = PSA_CUSTOM_KEY_PARAMETERS_INIT;
        psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
        size_t i;

        for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
            psa_set_key_type(&a, bad[i].type);
            psa_set_key_bits(&a, bad[i].bits);
            start_with(&op, USAGE_DERIVE, 0);
            key_id = 7;
            CHECK_STATUS(psa_key_derivation_output_key(&a, &op, &key_id), bad[i].want);
            CHECK(key_id == 0);
            check_error_state(&op);
        }
        start_with(&op, USAGE_DERIVE, 0);
        CHECK_STATUS(psa_key_derivation_output_key_custom(&attr, &op, &custom, NULL, 0, &key_id),
                     PSA_ERROR_INVALID_ARGUMENT);
        check_error_state(&op);
        start_with(&op, USAGE_DERIVE, 0);
        CHECK_STATUS(psa_key_derivation_output_key_custom(&attr, &op, &dflt, ref, 3, &key_id),
                     PSA_ERROR_INVALID_ARGUMENT);
        check_error_state(&op);
        /* Default parameters: the same as output_key. */
        start_with(&op, USAGE_DERIVE, 0);
        CHECK_STATUS(psa_key_derivation_output_key_custom(&attr, &op, &dflt, NULL, 0, &key_id),
                     PSA_SUCCESS);
        CHECK_STATUS(psa_export_key(key_id, out, sizeof(out), &n), PSA_SUCCESS);
        CHECK(n == 16);
        CHECK_MEM(out, ref, 16);
        CHECK_STATUS(psa_destroy_key(key_id), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);
        /* A volatile key with an id, a persistent lifetime without one. */
        psa_set_key_type(&a, PSA_KEY_TYPE_RAW_DATA);
        psa_set_key_bits(&a, 128);
        psa_set_key_lifetime(&a, PSA_KEY_LIFETIME_PERSISTENT);
        start_with(&op, USAGE_DERIVE, 0);
        CHECK_STATUS(psa_key_derivation_output_key(&a, &op, &key_id),
                     PSA_ERROR_INVALID_ARGUMENT);
        check_error_state(&op);
    }

    /* A key larger than the capacity: INSUFFICIENT_DATA, no key, capacity 0. */
    start_with(&op, USAGE_DERIVE, 0);
    CHECK_STATUS(psa_key_derivation_set_capacity(&op, 15), PSA_SUCCESS);
    key_id = 3;
    CHECK_STATUS(psa_key_derivation_output_key(&attr, &op, &key_id),
                 PSA_ERROR_INSUFFICIENT_DATA);
    CHECK(key_id == 0);
    CHECK_STATUS(psa_key_derivation_get_capacity(&op, &cap), PSA_SUCCESS);
    CHECK(cap == 0);
    CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);

    /* PASSWORD_HASH keys: policy NONE or the operation's algorithm, then verify_key. */
#if defined(PSA_WANT_KEY_TYPE_PASSWORD_HASH)
    {
        psa_key_attributes_t ph = PSA_KEY_ATTRIBUTES_INIT;
        psa_key_id_t other = 0;

        psa_set_key_type(&ph, PSA_KEY_TYPE_PASSWORD_HASH);
        psa_set_key_bits(&ph, 256);
        psa_set_key_usage_flags(&ph, USAGE_VERIFY | PSA_KEY_USAGE_EXPORT);
        psa_set_key_algorithm(&ph, PSA_ALG_HMAC(PSA_ALG_SHA_256));
        start_with(&op, USAGE_DERIVE, 0);
        CHECK_STATUS(psa_key_derivation_output_key(&ph, &op, &hash_key),
                     PSA_ERROR_INVALID_ARGUMENT);
        check_error_state(&op);
        psa_set_key_algorithm(&ph, PSA_ALG_NONE);
        start_with(&op, USAGE_DERIVE, 0);
        CHECK_STATUS(psa_key_derivation_output_key(&ph, &op, &other), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);
        psa_set_key_algorithm(&ph, hkdf);
        start_with(&op, USAGE_DERIVE, 0);
        CHECK_STATUS(psa_key_derivation_output_key(&ph, &op, &hash_key), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);
        CHECK_STATUS(psa_export_key(hash_key, out, sizeof(out), &n), PSA_SUCCESS);
        CHECK(n == 32);
        CHECK_MEM(out, ref, 32);

        /* verify_key matches (also with a verify-only secret), then the stream goes on. */
        start_with(&op, USAGE_VERIFY, 0);
        CHECK_STATUS(psa_key_derivation_verify_key(&op, hash_key), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_verify_bytes(&op, ref + 32, 10), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);
        /* Mismatch after skipping a byte. */
        start_with(&op, USAGE_DERIVE, 0);
        CHECK_STATUS(psa_key_derivation_output_bytes(&op, out, 1), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_verify_key(&op, hash_key), PSA_ERROR_INVALID_SIGNATURE);
        check_error_state(&op);
        /* The expected key's policy permits no algorithm: NOT_PERMITTED. */
        start_with(&op, USAGE_DERIVE, 0);
        CHECK_STATUS(psa_key_derivation_verify_key(&op, other), PSA_ERROR_NOT_PERMITTED);
        check_error_state(&op);
        CHECK_STATUS(psa_destroy_key(other), PSA_SUCCESS);
        /* Without VERIFY_DERIVATION: NOT_PERMITTED. */
        CHECK_STATUS(import_key(PSA_KEY_TYPE_PASSWORD_HASH, ref, 32, hkdf, USAGE_DERIVE, &other),
                     PSA_SUCCESS);
        start_with(&op, USAGE_DERIVE, 0);
        CHECK_STATUS(psa_key_derivation_verify_key(&op, other), PSA_ERROR_NOT_PERMITTED);
        check_error_state(&op);
        CHECK_STATUS(psa_destroy_key(other), PSA_SUCCESS);
        /* Not a PASSWORD_HASH key: INVALID_ARGUMENT. */
        CHECK_STATUS(import_key(PSA_KEY_TYPE_RAW_DATA, ref, 32, hkdf, USAGE_VERIFY, &other),
                     PSA_SUCCESS);
        start_with(&op, USAGE_DERIVE, 0);
        CHECK_STATUS(psa_key_derivation_verify_key(&op, other), PSA_ERROR_INVALID_ARGUMENT);
        check_error_state(&op);
        CHECK_STATUS(psa_destroy_key(other), PSA_SUCCESS);
        /* Unknown key. */
        start_with(&op, USAGE_DERIVE, 0);
        CHECK_STATUS(psa_key_derivation_verify_key(&op, 0x7ffffff1u), PSA_ERROR_INVALID_HANDLE);
        check_error_state(&op);
        /* Longer than the capacity. */
        start_with(&op, USAGE_DERIVE, 0);
        CHECK_STATUS(psa_key_derivation_set_capacity(&op, 31), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_verify_key(&op, hash_key), PSA_ERROR_INSUFFICIENT_DATA);
        CHECK_STATUS(psa_key_derivation_get_capacity(&op, &cap), PSA_SUCCESS);
        CHECK(cap == 0);
        CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);
        /* Before the inputs are complete. */
        CHECK_STATUS(psa_key_derivation_setup(&op, hkdf), PSA_SUCCESS);
        CHECK_STATUS(psa_key_derivation_verify_key(&op, hash_key), PSA_ERROR_BAD_STATE);
        check_error_state(&op);
        CHECK_STATUS(psa_destroy_key(hash_key), PSA_SUCCESS);
    }
#endif
    (void)hash_key;

    /* Setup on an active operation: BAD_STATE, and the operation is unchanged. */
    start_with(&op, USAGE_DERIVE, 0);
    CHECK_STATUS(psa_key_derivation_output_bytes(&op, out, 9), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_setup(&op, hkdf), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_key_derivation_setup(&op, PSA_ALG_SHA_256), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_key_derivation_output_bytes(&op, out + 9, 20), PSA_SUCCESS);
    CHECK_MEM(out, ref, 29);
    CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_abort(&op), PSA_SUCCESS);
#endif /* TEST_HKDF_SHA256 */
}

/* ---- psa_check_key_usage ---- */

static void test_check_key_usage(void)
{
#if defined(TEST_HKDF_SHA256)
    const psa_algorithm_t hkdf = PSA_ALG_HKDF(PSA_ALG_SHA_256);
    uint8_t k[32] = { 1 };
    psa_key_id_t d = 0, r = 0, v = 0;

    CHECK_STATUS(import_key(PSA_KEY_TYPE_DERIVE, k, 32, hkdf, USAGE_DERIVE, &d), PSA_SUCCESS);
    CHECK_STATUS(import_key(PSA_KEY_TYPE_RAW_DATA, k, 32, hkdf, USAGE_VERIFY, &r), PSA_SUCCESS);
    CHECK_STATUS(psa_check_key_usage(d, hkdf, USAGE_DERIVE), PSA_SUCCESS);
    CHECK_STATUS(psa_check_key_usage(d, hkdf, USAGE_VERIFY), PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_check_key_usage(r, hkdf, USAGE_VERIFY), PSA_SUCCESS);
    CHECK_STATUS(psa_check_key_usage(r, hkdf, USAGE_DERIVE), PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_check_key_usage(d, PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256), USAGE_DERIVE),
                 variant_built(V_EXPAND) ? PSA_ERROR_NOT_PERMITTED : PSA_ERROR_NOT_SUPPORTED);
    CHECK_STATUS(psa_check_key_usage(d, hkdf, PSA_KEY_USAGE_DERIVE_PUBLIC),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_check_key_usage(d, hkdf, PSA_KEY_USAGE_SIGN_MESSAGE),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_check_key_usage(d, PSA_ALG_HKDF(PSA_ALG_ANY_HASH), USAGE_DERIVE),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_check_key_usage(d, PSA_ALG_HKDF(PSA_ALG_SHA_256_192), USAGE_DERIVE),
                 PSA_ERROR_NOT_SUPPORTED);
    CHECK_STATUS(psa_check_key_usage(d, PSA_ALG_TLS12_PRF(PSA_ALG_SHA_256), USAGE_DERIVE),
                 PSA_ERROR_NOT_SUPPORTED);
    CHECK_STATUS(psa_check_key_usage(0x7ffffff2u, hkdf, USAGE_DERIVE), PSA_ERROR_INVALID_HANDLE);
#if defined(PSA_WANT_KEY_TYPE_HMAC)
    CHECK_STATUS(import_key(PSA_KEY_TYPE_HMAC, k, 32, hkdf, USAGE_DERIVE, &v), PSA_SUCCESS);
    CHECK_STATUS(psa_check_key_usage(v, hkdf, USAGE_DERIVE), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_destroy_key(v), PSA_SUCCESS);
#endif
#if defined(PSA_WANT_KEY_TYPE_PASSWORD_HASH)
    CHECK_STATUS(import_key(PSA_KEY_TYPE_PASSWORD_HASH, k, 32, hkdf, USAGE_VERIFY, &v),
                 PSA_SUCCESS);
    CHECK_STATUS(psa_check_key_usage(v, hkdf, USAGE_VERIFY), PSA_SUCCESS);
    CHECK_STATUS(psa_destroy_key(v), PSA_SUCCESS);
#endif
    (void)v;
    CHECK_STATUS(psa_destroy_key(d), PSA_SUCCESS);
    CHECK_STATUS(psa_destroy_key(r), PSA_SUCCESS);
#endif
}

/* ---- OpenSSL setup ---- */

static void setup_oracle(void)
{
    static const uint8_t key[32] = { 7 };
    uint8_t out[64];
    size_t i;
    kdf_inputs_t in;

    in.ikm = key, in.ikm_len = 32, in.salt = key, in.salt_len = 5, in.salt_given = 1;
    in.info = key, in.info_len = 3;
    ossl_hkdf = EVP_KDF_fetch(NULL, "HKDF", NULL);
    CHECK(ossl_hkdf != NULL);
    for (i = 0; hashes[i].name != NULL && ossl_hkdf != NULL; i++) {
        hash_info_t *h = &hashes[i];

        h->available = oracle(h->ossl, V_HKDF, &in, out, 40);
        if (!h->available && legacy_provider == NULL) {
            /* RIPEMD-160 may live in the legacy provider only. */
            default_provider = OSSL_PROVIDER_load(NULL, "default");
            legacy_provider = OSSL_PROVIDER_load(NULL, "legacy");
            h->available = oracle(h->ossl, V_HKDF, &in, out, 40);
        }
        if (!h->available) {
            printf("note: OpenSSL cannot compute HKDF-%s: its differential is skipped\n",
                   h->name);
        }
    }
}

static void release_oracle(void)
{
    EVP_KDF_free(ossl_hkdf);
    if (legacy_provider != NULL) {
        OSSL_PROVIDER_unload(legacy_provider);
    }
    if (default_provider != NULL) {
        OSSL_PROVIDER_unload(default_provider);
    }
}

int main(void)
{
    int path;
    size_t v;

    test_before_init();
    CHECK_STATUS(psa_crypto_init(), PSA_SUCCESS);
    {
        char report[512];

        (void)citadel_config_report(report, sizeof(report));
        CHECK((strstr(report, " HKDF") != NULL) == (variants[0] >= 0));
    }
    setup_oracle();
    for (path = 1; path >= 0; path--) {
        citadel_set_accelerators(path);
        cit_test_rand_seed(0x4b4446u + (uint64_t)path);
        printf("== driver path: %s\n", path ? "accelerators enabled" : "builtin only");
        test_setup_errors();
        test_rfc();
        test_wycheproof();
        test_differential();
        test_output_key();
        test_steps();
        test_capacity();
        test_input_keys();
        test_output_rules();
        test_check_key_usage();
        printf("   checks so far: %lu, failures: %lu\n", cit_test_checks, cit_test_failures);
    }
    citadel_set_accelerators(1);
    release_oracle();

    printf("cases (both paths): RFC 5869 %lu (each through every built HKDF variant), "
           "Wycheproof %lu valid + %lu too long, output_key kinds %lu\n",
           rfc_cases, wycheproof_cases, wycheproof_rejected, key_cases);
    for (v = 0; variants[v] >= 0; v++) {
        printf("  OpenSSL differential %-13s %lu cases\n", variant_names[variants[v]],
               diff_cases[variants[v]]);
    }
    if (variants[0] < 0) {
        printf("  no HKDF algorithm in this build: checked NOT_SUPPORTED and the state rules\n");
    }
    if (vectors_missing && cit_test_failures == 0) {
        cit_test_end("kdf_api");
        cit_test_skip(missing_reason);
    }
    return cit_test_end("kdf_api");
}
