/*
 * test_hkdf.c - HKDF (hkdf.c) and the builtin key-derivation entry points
 * (builtin_kdf.c) over every builtin hash HMAC is defined for:
 *   - RFC 5869 Appendix A typed in (PRK and OKM), and the RFC files under
 *     rfc/rfc5869_hkdf/;
 *   - Wycheproof hkdf_sha1/256/384/512_test.json (valid cases and the
 *     too-long outputs);
 *   - streamed output in random pieces equals one-shot output; the 255-block
 *     limit; contexts wiped;
 *   - differential against OpenSSL's EVP_KDF "HKDF" in its three modes
 *     (EXTRACT_AND_EXPAND, EXTRACT_ONLY, EXPAND_ONLY) with random inputs;
 *   - the driver entry points: step handling, the info limit, abort.
 */
#include "builtin.h"
#include "config_derive.h"
#include "rfc5869.h"
#include "test.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/provider.h>

/* Differential cases per hash and per mode. */
#define DIFF_CASES 1000

#define MAX_OKM (255 * CIT_HASH_MAX_DIGEST)

typedef struct {
    psa_algorithm_t hash;
    const char *name;
    const char *ossl;        /* OpenSSL digest name */
    const char *wycheproof;  /* file under wycheproof/testvectors_v1/, or NULL */
    int available;           /* OpenSSL computes HKDF over it */
} hash_info_t;

static hash_info_t hashes[] = {
    { PSA_ALG_MD5, "MD5", "MD5", NULL, 0 },
    { PSA_ALG_RIPEMD160, "RIPEMD-160", "RIPEMD160", NULL, 0 },
    { PSA_ALG_SHA_1, "SHA-1", "SHA1", "hkdf_sha1_test.json", 0 },
    { PSA_ALG_SHA_224, "SHA-224", "SHA224", NULL, 0 },
    { PSA_ALG_SHA_256, "SHA-256", "SHA256", "hkdf_sha256_test.json", 0 },
    { PSA_ALG_SHA_384, "SHA-384", "SHA384", "hkdf_sha384_test.json", 0 },
    { PSA_ALG_SHA_512, "SHA-512", "SHA512", "hkdf_sha512_test.json", 0 },
    { PSA_ALG_SHA_512_224, "SHA-512/224", "SHA512-224", NULL, 0 },
    { PSA_ALG_SHA_512_256, "SHA-512/256", "SHA512-256", NULL, 0 },
    { PSA_ALG_SHA3_224, "SHA3-224", "SHA3-224", NULL, 0 },
    { PSA_ALG_SHA3_256, "SHA3-256", "SHA3-256", NULL, 0 },
    { PSA_ALG_SHA3_384, "SHA3-384", "SHA3-384", NULL, 0 },
    { PSA_ALG_SHA3_512, "SHA3-512", "SHA3-512", NULL, 0 },
};

#define NUM_HASHES (sizeof(hashes) / sizeof(hashes[0]))

enum { MODE_FULL, MODE_EXTRACT, MODE_EXPAND, NUM_MODES };

static const char *const mode_names[NUM_MODES] = { "EXTRACT_AND_EXPAND", "EXTRACT_ONLY",
                                                   "EXPAND_ONLY" };

static unsigned long rfc_cases, rfc_file_cases, wycheproof_cases, wycheproof_rejected;
static unsigned long diff_cases[NUM_MODES];
static int vectors_missing;
static const char *missing_reason = "";

static EVP_KDF *ossl_hkdf;
static OSSL_PROVIDER *default_provider;
static OSSL_PROVIDER *legacy_provider;

/* ---- Helpers ---- */

static int is_zero(const void *p, size_t n)
{
    const uint8_t *b = (const uint8_t *)p;
    uint8_t acc = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        acc |= b[i];
    }
    return acc == 0;
}

static const cit_hash_desc_t *desc_of(psa_algorithm_t hash)
{
    const cit_hash_desc_t *d = cit_builtin_hash_desc(hash);

    CHECK(d != NULL);
    return d;
}

/* Expands prk in one call. */
static int expand_oneshot(const cit_hash_desc_t *desc, const uint8_t *prk, size_t prk_len,
                          const uint8_t *info, size_t info_len, uint8_t *okm, size_t okm_len)
{
    cit_hkdf_expand_ctx_t ctx;
    int ret;

    cit_hkdf_expand_init(&ctx, desc, prk, prk_len);
    ret = cit_hkdf_expand_output(&ctx, info, info_len, okm, okm_len);
    cit_hkdf_expand_wipe(&ctx);
    CHECK(is_zero(&ctx, sizeof(ctx)));
    return ret;
}

/* Expands prk in random pieces (many small and empty ones too). */
static int expand_split(const cit_hash_desc_t *desc, const uint8_t *prk, size_t prk_len,
                        const uint8_t *info, size_t info_len, uint8_t *okm, size_t okm_len)
{
    cit_hkdf_expand_ctx_t ctx;
    size_t off = 0;
    int ret = 0;

    cit_hkdf_expand_init(&ctx, desc, prk, prk_len);
    while (off < okm_len && ret == 0) {
        size_t n = cit_test_rnd(okm_len - off + 1);

        if (cit_test_rnd(3) == 0) {
            n = n % (desc->digest_size + 2);
        }
        ret = cit_hkdf_expand_output(&ctx, info, info_len, okm + off, n);
        off += n;
    }
    if (ret == 0) {
        ret = cit_hkdf_expand_output(&ctx, info, info_len, okm + off, 0);
    }
    cit_hkdf_expand_wipe(&ctx);
    return ret;
}

/* Full HKDF through the driver entry points (salt NULL: omitted). */
static psa_status_t driver_hkdf(psa_algorithm_t alg, const uint8_t *salt, size_t salt_len,
                                const uint8_t *ikm, size_t ikm_len, const uint8_t *info,
                                size_t info_len, uint8_t *out, size_t out_len)
{
    builtin_kdf_operation_t op;
    psa_status_t status = builtin_kdf_setup(&op, alg);

    /* HKDF takes the info at any time: give it first. */
    if (status == PSA_SUCCESS && PSA_ALG_IS_HKDF(alg)) {
        status = builtin_kdf_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_INFO, info, info_len);
    }
    if (status == PSA_SUCCESS && salt != NULL) {
        status = builtin_kdf_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SALT, salt, salt_len);
    }
    if (status == PSA_SUCCESS) {
        status = builtin_kdf_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SECRET, ikm, ikm_len);
    }
    if (status == PSA_SUCCESS && PSA_ALG_IS_HKDF_EXPAND(alg)) {
        status = builtin_kdf_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_INFO, info, info_len);
    }
    if (status == PSA_SUCCESS) {
        status = builtin_kdf_output_bytes(&op, out, out_len);
    }
    (void)builtin_kdf_abort(&op);
    CHECK(is_zero(&op, sizeof(op)));
    return status;
}

/* ---- RFC 5869 ---- */

static void check_rfc_case(psa_algorithm_t hash, const uint8_t *ikm, size_t ikm_len,
                           const uint8_t *salt, size_t salt_len, int salt_absent,
                           const uint8_t *info, size_t info_len, const uint8_t *prk_want,
                           size_t prk_len, const uint8_t *okm_want, size_t okm_len)
{
    const cit_hash_desc_t *desc = desc_of(hash);
    uint8_t prk[CIT_HASH_MAX_DIGEST], okm[256];

    if (desc == NULL) {
        return;
    }
    CHECK(prk_len == desc->digest_size && okm_len <= sizeof(okm));
    cit_hkdf_extract(desc, salt, salt_len, ikm, ikm_len, prk);
    CHECK_MEM(prk, prk_want, prk_len);
    CHECK(expand_oneshot(desc, prk, prk_len, info, info_len, okm, okm_len) == 0);
    CHECK_MEM(okm, okm_want, okm_len);
    memset(okm, 0, sizeof(okm));
    CHECK(expand_split(desc, prk, prk_len, info, info_len, okm, okm_len) == 0);
    CHECK_MEM(okm, okm_want, okm_len);

    /* The same through the driver: HKDF, HKDF-Extract, HKDF-Expand. */
    memset(okm, 0, sizeof(okm));
    CHECK_STATUS(driver_hkdf(PSA_ALG_HKDF(hash), salt_absent ? NULL : salt, salt_len, ikm,
                             ikm_len, info, info_len, okm, okm_len),
                 PSA_SUCCESS);
    CHECK_MEM(okm, okm_want, okm_len);
    memset(okm, 0, sizeof(okm));
    CHECK_STATUS(driver_hkdf(PSA_ALG_HKDF_EXTRACT(hash), salt, salt_len, ikm, ikm_len, NULL, 0,
                             okm, prk_len),
                 PSA_SUCCESS);
    CHECK_MEM(okm, prk_want, prk_len);
    memset(okm, 0, sizeof(okm));
    CHECK_STATUS(driver_hkdf(PSA_ALG_HKDF_EXPAND(hash), NULL, 0, prk_want, prk_len, info,
                             info_len, okm, okm_len),
                 PSA_SUCCESS);
    CHECK_MEM(okm, okm_want, okm_len);
}

static void test_rfc_typed(void)
{
    size_t i;

    for (i = 0; i < RFC5869_NUM_CASES; i++) {
        const rfc5869_case_t *c = &rfc5869_cases[i];
        size_t ikm_len, salt_len, info_len, prk_len, okm_len;
        uint8_t *ikm = cit_hex_decode(c->ikm, &ikm_len);
        uint8_t *salt = cit_hex_decode(c->salt, &salt_len);
        uint8_t *info = cit_hex_decode(c->info, &info_len);
        uint8_t *prk = cit_hex_decode(c->prk, &prk_len);
        uint8_t *okm = cit_hex_decode(c->okm, &okm_len);

        CHECK(ikm != NULL && salt != NULL && info != NULL && prk != NULL && okm != NULL);
        CHECK(okm_len == c->length);
        if (ikm != NULL && salt != NULL && info != NULL && prk != NULL && okm != NULL) {
            check_rfc_case(c->sha1 ? PSA_ALG_SHA_1 : PSA_ALG_SHA_256, ikm, ikm_len, salt,
                           salt_len, c->salt_absent, info, info_len, prk, prk_len, okm,
                           okm_len);
            rfc_cases++;
        }
        free(ikm);
        free(salt);
        free(info);
        free(prk);
        free(okm);
    }
}

/* The RFC files: "Name = value" lines, one case per COUNT. */
typedef struct {
    char hash[16];
    char *field[6]; /* IKM salt info L PRK OKM */
} rfc_record_t;

static const char *const rfc_fields[6] = { "IKM", "salt", "info", "L", "PRK", "OKM" };

static void rfc_record_run(rfc_record_t *r)
{
    size_t len[6], i;
    uint8_t *bytes[6] = { NULL, NULL, NULL, NULL, NULL, NULL };
    psa_algorithm_t hash = strcmp(r->hash, "SHA-1") == 0 ? PSA_ALG_SHA_1 : PSA_ALG_SHA_256;
    int ok = 1;

    for (i = 0; i < 6; i++) {
        if (r->field[i] == NULL) {
            ok = 0;
            continue;
        }
        if (i != 3) {
            bytes[i] = cit_hex_decode(r->field[i], &len[i]);
            ok &= bytes[i] != NULL;
        }
    }
    CHECK(ok);
    CHECK(strcmp(r->hash, "SHA-1") == 0 || strcmp(r->hash, "SHA-256") == 0);
    if (ok) {
        CHECK((size_t)strtoul(r->field[3], NULL, 10) == len[5]);
        check_rfc_case(hash, bytes[0], len[0], bytes[1], len[1], 0, bytes[2], len[2], bytes[4],
                       len[4], bytes[5], len[5]);
        rfc_file_cases++;
    }
    for (i = 0; i < 6; i++) {
        free(bytes[i]);
        free(r->field[i]);
        r->field[i] = NULL;
    }
    r->hash[0] = '\0';
}

static void test_rfc_file(const char *rel)
{
    char *path = cit_vector_path(rel);
    char *text, *line, *next;
    rfc_record_t rec;
    int started = 0;
    size_t i;

    if (path == NULL) {
        vectors_missing = 1;
        missing_reason = "RFC 5869 vector files not found (set CIT_VECTORS_DIR)";
        return;
    }
    text = cit_read_file(path, NULL);
    free(path);
    CHECK(text != NULL);
    if (text == NULL) {
        return;
    }
    memset(&rec, 0, sizeof(rec));
    for (line = text; line != NULL; line = next) {
        char *eq;
        char *name = line, *value, *end;

        next = strchr(line, '\n');
        if (next != NULL) {
            *next++ = '\0';
        }
        eq = strchr(line, '=');
        if (line[0] == '#' || eq == NULL) {
            continue;
        }
        value = eq + 1;
        for (end = eq; end > name && (end[-1] == ' ' || end[-1] == '\t'); end--) {
        }
        *end = '\0';
        while (*value == ' ' || *value == '\t') {
            value++;
        }
        for (end = value + strlen(value); end > value && (end[-1] == ' ' || end[-1] == '\r');
             end--) {
        }
        *end = '\0';
        if (strcmp(name, "COUNT") == 0) {
            if (started) {
                rfc_record_run(&rec);
            }
            started = 1;
        } else if (strcmp(name, "Hash") == 0) {
            snprintf(rec.hash, sizeof(rec.hash), "%s", value);
        } else {
            for (i = 0; i < 6; i++) {
                if (strcmp(name, rfc_fields[i]) == 0) {
                    free(rec.field[i]);
                    rec.field[i] = (char *)malloc(strlen(value) + 1);
                    if (rec.field[i] != NULL) {
                        memcpy(rec.field[i], value, strlen(value) + 1);
                    }
                }
            }
        }
    }
    if (started) {
        rfc_record_run(&rec);
    }
    free(text);
}

/* ---- Wycheproof ---- */

static void wycheproof_case(const hash_info_t *h, const cit_json_t *t)
{
    const char *result = cit_json_str(t, "result");
    size_t size = (size_t)cit_json_num(t, "size", 0);
    size_t ikm_len, salt_len, info_len, okm_len;
    uint8_t *ikm = cit_hex_decode(cit_json_str(t, "ikm"), &ikm_len);
    uint8_t *salt = cit_hex_decode(cit_json_str(t, "salt"), &salt_len);
    uint8_t *info = cit_hex_decode(cit_json_str(t, "info"), &info_len);
    uint8_t *okm = cit_hex_decode(cit_json_str(t, "okm"), &okm_len);
    const cit_hash_desc_t *desc = desc_of(h->hash);
    uint8_t *out = (uint8_t *)malloc(size + 1);
    uint8_t prk[CIT_HASH_MAX_DIGEST];

    CHECK(result != NULL && ikm != NULL && salt != NULL && info != NULL && okm != NULL &&
          out != NULL && desc != NULL);
    if (result == NULL || ikm == NULL || salt == NULL || info == NULL || okm == NULL ||
        out == NULL || desc == NULL) {
        goto done;
    }
    cit_hkdf_extract(desc, salt, salt_len, ikm, ikm_len, prk);
    if (strcmp(result, "valid") == 0) {
        CHECK(okm_len == size);
        CHECK(expand_split(desc, prk, desc->digest_size, info, info_len, out, size) == 0);
        CHECK_MEM(out, okm, size);
        CHECK_STATUS(driver_hkdf(PSA_ALG_HKDF(h->hash), salt, salt_len, ikm, ikm_len, info,
                                 info_len, out, size),
                     PSA_SUCCESS);
        CHECK_MEM(out, okm, size);
        wycheproof_cases++;
    } else {
        /* The only invalid cases ask for more than 255 blocks. */
        CHECK(size > 255u * desc->digest_size);
        memset(out, 0xa5, size);
        CHECK(expand_oneshot(desc, prk, desc->digest_size, info, info_len, out, size) == -1);
        CHECK(out[0] == 0xa5 && out[size - 1] == 0xa5);
        CHECK_STATUS(driver_hkdf(PSA_ALG_HKDF(h->hash), salt, salt_len, ikm, ikm_len, info,
                                 info_len, out, size),
                     PSA_ERROR_INSUFFICIENT_DATA);
        wycheproof_rejected++;
    }
done:
    free(ikm);
    free(salt);
    free(info);
    free(okm);
    free(out);
}

static void test_wycheproof(void)
{
    size_t i, g, k;

    for (i = 0; i < NUM_HASHES; i++) {
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
                wycheproof_case(&hashes[i], tests->items[k]);
            }
        }
        cit_json_free(doc);
    }
}

/* ---- Limits and streaming ---- */

static void test_limits(void)
{
    static uint8_t full[MAX_OKM + 1], part[MAX_OKM + 1];
    size_t i;

    for (i = 0; i < NUM_HASHES; i++) {
        const cit_hash_desc_t *desc = desc_of(hashes[i].hash);
        size_t max = 255u * (desc != NULL ? desc->digest_size : 0);
        uint8_t prk[CIT_HASH_MAX_DIGEST], info[40], b;
        cit_hkdf_expand_ctx_t ctx;
        size_t off;

        if (desc == NULL) {
            continue;
        }
        cit_test_rand_bytes(prk, sizeof(prk));
        cit_test_rand_bytes(info, sizeof(info));
        /* Exactly 255 blocks are fine; one byte more is refused, in one piece or later. */
        CHECK(expand_oneshot(desc, prk, desc->digest_size, info, sizeof(info), full, max) == 0);
        CHECK(expand_oneshot(desc, prk, desc->digest_size, info, sizeof(info), part, max + 1) ==
              -1);
        cit_hkdf_expand_init(&ctx, desc, prk, desc->digest_size);
        for (off = 0; off < max;) {
            size_t n = 1 + cit_test_rnd(3 * desc->digest_size);

            if (n > max - off) {
                n = max - off;
            }
            CHECK(cit_hkdf_expand_output(&ctx, info, sizeof(info), part + off, n) == 0);
            off += n;
        }
        CHECK_MEM(part, full, max);
        CHECK(cit_hkdf_expand_output(&ctx, info, sizeof(info), &b, 0) == 0);
        CHECK(cit_hkdf_expand_output(&ctx, info, sizeof(info), &b, 1) == -1);
        cit_hkdf_expand_wipe(&ctx);
        CHECK(is_zero(&ctx, sizeof(ctx)));

        /* A PRK of any length (HMAC hashes a long one) and an empty info. */
        CHECK(expand_split(desc, info, sizeof(info), NULL, 0, part, 100) == 0);
        CHECK(expand_oneshot(desc, info, sizeof(info), NULL, 0, full, 100) == 0);
        CHECK_MEM(part, full, 100);
    }
}

/* ---- The driver entry points ---- */

static void test_driver(void)
{
    static const uint8_t ikm[32] = { 1, 2, 3 };
    static uint8_t info[CIT_HKDF_INFO_MAX_SIZE + 1];
    psa_algorithm_t alg = PSA_ALG_HKDF(PSA_ALG_SHA_256);
    builtin_kdf_operation_t op;
    uint8_t out[64], ref[64];

    CHECK(builtin_kdf_supported(alg));
    CHECK(builtin_kdf_supported(PSA_ALG_HKDF_EXTRACT(PSA_ALG_SHA3_512)));
    CHECK(builtin_kdf_supported(PSA_ALG_HKDF_EXPAND(PSA_ALG_MD5)));
    CHECK(!builtin_kdf_supported(PSA_ALG_TLS12_PRF(PSA_ALG_SHA_256)));
    CHECK(!builtin_kdf_supported(PSA_ALG_HKDF(PSA_ALG_SM3)));
    CHECK_STATUS(builtin_kdf_setup(&op, PSA_ALG_HKDF(PSA_ALG_SM3)), PSA_ERROR_NOT_SUPPORTED);
    CHECK_STATUS(builtin_kdf_setup(&op, PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256)),
                 PSA_ERROR_NOT_SUPPORTED);

    /* Output before the secret, a second salt or secret: BAD_STATE. */
    CHECK_STATUS(builtin_kdf_setup(&op, alg), PSA_SUCCESS);
    CHECK_STATUS(builtin_kdf_output_bytes(&op, out, 1), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(builtin_kdf_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SALT, ikm, 3),
                 PSA_SUCCESS);
    CHECK_STATUS(builtin_kdf_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SALT, ikm, 3),
                 PSA_ERROR_BAD_STATE);
    CHECK_STATUS(builtin_kdf_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_LABEL, ikm, 3),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(builtin_kdf_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SECRET, ikm, 32),
                 PSA_SUCCESS);
    CHECK_STATUS(builtin_kdf_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SECRET, ikm, 32),
                 PSA_ERROR_BAD_STATE);
    CHECK_STATUS(builtin_kdf_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SALT, ikm, 3),
                 PSA_ERROR_BAD_STATE);

    /* The info limit: CIT_HKDF_INFO_MAX_SIZE bytes work, one more is NOT_SUPPORTED. */
    cit_test_rand_bytes(info, sizeof(info));
    CHECK_STATUS(builtin_kdf_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_INFO, info,
                                         sizeof(info)),
                 PSA_ERROR_NOT_SUPPORTED);
    CHECK_STATUS(builtin_kdf_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_INFO, info,
                                         CIT_HKDF_INFO_MAX_SIZE),
                 PSA_SUCCESS);
    CHECK_STATUS(builtin_kdf_output_bytes(&op, out, sizeof(out)), PSA_SUCCESS);
    CHECK_STATUS(driver_hkdf(alg, ikm, 3, ikm, 32, info, CIT_HKDF_INFO_MAX_SIZE, ref,
                             sizeof(ref)),
                 PSA_SUCCESS);
    CHECK_MEM(out, ref, sizeof(out));
    CHECK_STATUS(builtin_kdf_abort(&op), PSA_SUCCESS);
    CHECK(is_zero(&op, sizeof(op)));

    /* HKDF-Extract: one block of output, then INSUFFICIENT_DATA; no info step. */
    CHECK_STATUS(builtin_kdf_setup(&op, PSA_ALG_HKDF_EXTRACT(PSA_ALG_SHA_256)), PSA_SUCCESS);
    CHECK_STATUS(builtin_kdf_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_INFO, ikm, 3),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(builtin_kdf_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SECRET, ikm, 32),
                 PSA_SUCCESS);
    CHECK_STATUS(builtin_kdf_output_bytes(&op, out, 20), PSA_SUCCESS);
    CHECK_STATUS(builtin_kdf_output_bytes(&op, out + 20, 13), PSA_ERROR_INSUFFICIENT_DATA);
    CHECK_STATUS(builtin_kdf_output_bytes(&op, out + 20, 12), PSA_SUCCESS);
    cit_hkdf_extract(desc_of(PSA_ALG_SHA_256), NULL, 0, ikm, 32, ref);
    CHECK_MEM(out, ref, 32);
    CHECK_STATUS(builtin_kdf_abort(&op), PSA_SUCCESS);

    /* HKDF-Expand: no salt step. */
    CHECK_STATUS(builtin_kdf_setup(&op, PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256)), PSA_SUCCESS);
    CHECK_STATUS(builtin_kdf_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SALT, ikm, 3),
                 PSA_ERROR_BAD_STATE);
    CHECK_STATUS(builtin_kdf_abort(&op), PSA_SUCCESS);
}

/* ---- Differential against OpenSSL ---- */

static int ossl_hkdf_run(const char *digest, int mode, const uint8_t *key, size_t key_len,
                         const uint8_t *salt, size_t salt_len, const uint8_t *info,
                         size_t info_len, uint8_t *out, size_t out_len)
{
    EVP_KDF_CTX *kctx = EVP_KDF_CTX_new(ossl_hkdf);
    OSSL_PARAM params[6], *p = params;
    uint8_t dummy = 0;
    int ok;

    if (kctx == NULL) {
        return 0;
    }
    *p++ = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, (char *)digest, 0);
    *p++ = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_MODE, (char *)mode_names[mode], 0);
    *p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY,
                                             key_len != 0 ? (void *)key : &dummy, key_len);
    if (mode != MODE_EXPAND) {
        *p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT,
                                                 salt_len != 0 ? (void *)salt : &dummy,
                                                 salt_len);
    }
    if (mode != MODE_EXTRACT) {
        *p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO,
                                                 info_len != 0 ? (void *)info : &dummy,
                                                 info_len);
    }
    *p = OSSL_PARAM_construct_end();
    ok = EVP_KDF_derive(kctx, out, out_len, params) == 1;
    EVP_KDF_CTX_free(kctx);
    return ok;
}

static void test_differential(void)
{
    static uint8_t okm[MAX_OKM], want[MAX_OKM];
    uint8_t ikm[400], salt[400], info[400];
    size_t i, c;
    int mode;

    for (i = 0; i < NUM_HASHES; i++) {
        const hash_info_t *h = &hashes[i];
        const cit_hash_desc_t *desc = desc_of(h->hash);
        size_t digest, block;

        if (!h->available || desc == NULL) {
            continue;
        }
        digest = desc->digest_size;
        block = desc->block_size;
        for (mode = 0; mode < NUM_MODES; mode++) {
            for (c = 0; c < DIFF_CASES; c++) {
                size_t ikm_len = cit_test_random_length(block, sizeof(ikm));
                size_t salt_len = cit_test_random_length(block, sizeof(salt));
                size_t info_len = cit_test_random_length(block, sizeof(info));
                size_t okm_len = cit_test_rnd(8) == 0 ? 255 * digest : 1 + cit_test_rnd(4 * digest);
                uint8_t prk[CIT_HASH_MAX_DIGEST];
                psa_algorithm_t alg;
                int omit_salt = mode == MODE_EXPAND || (mode == MODE_FULL && salt_len == 0 &&
                                                        cit_test_rnd(2) == 0);

                if (mode == MODE_EXPAND && ikm_len < digest) {
                    ikm_len = digest + cit_test_rnd(block); /* a PRK is at least HashLen bytes */
                }
                if (mode == MODE_EXTRACT) {
                    okm_len = digest;
                }
                cit_test_rand_bytes(ikm, ikm_len);
                cit_test_rand_bytes(salt, salt_len);
                cit_test_rand_bytes(info, info_len);
                if (!ossl_hkdf_run(h->ossl, mode, ikm, ikm_len, salt, salt_len, info, info_len,
                                   want, okm_len)) {
                    CHECK(!"OpenSSL HKDF failed");
                    continue;
                }
                memset(okm, 0, okm_len);
                if (mode == MODE_EXPAND) {
                    CHECK(expand_split(desc, ikm, ikm_len, info, info_len, okm, okm_len) == 0);
                    alg = PSA_ALG_HKDF_EXPAND(h->hash);
                } else {
                    cit_hkdf_extract(desc, salt, salt_len, ikm, ikm_len, prk);
                    if (mode == MODE_EXTRACT) {
                        memcpy(okm, prk, digest);
                        alg = PSA_ALG_HKDF_EXTRACT(h->hash);
                    } else {
                        CHECK(expand_split(desc, prk, digest, info, info_len, okm, okm_len) ==
                              0);
                        alg = PSA_ALG_HKDF(h->hash);
                    }
                }
                CHECK_MEM(okm, want, okm_len);
                memset(okm, 0, okm_len);
                CHECK_STATUS(driver_hkdf(alg, omit_salt ? NULL : salt, salt_len, ikm, ikm_len,
                                         info, info_len, okm, okm_len),
                             PSA_SUCCESS);
                CHECK_MEM(okm, want, okm_len);
                diff_cases[mode]++;
            }
        }
    }
}

static void setup_oracle(void)
{
    static const uint8_t key[32] = { 7 };
    uint8_t out[64];
    size_t i;

    ossl_hkdf = EVP_KDF_fetch(NULL, "HKDF", NULL);
    CHECK(ossl_hkdf != NULL);
    for (i = 0; i < NUM_HASHES && ossl_hkdf != NULL; i++) {
        hash_info_t *h = &hashes[i];

        h->available = ossl_hkdf_run(h->ossl, MODE_FULL, key, 32, key, 5, key, 3, out, 40);
        if (!h->available && legacy_provider == NULL) {
            /* RIPEMD-160 may live in the legacy provider only. */
            default_provider = OSSL_PROVIDER_load(NULL, "default");
            legacy_provider = OSSL_PROVIDER_load(NULL, "legacy");
            h->available = ossl_hkdf_run(h->ossl, MODE_FULL, key, 32, key, 5, key, 3, out, 40);
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
    int mode;

    cit_test_rand_seed(0x484b4446u);
    setup_oracle();
    test_rfc_typed();
    test_rfc_file("rfc/rfc5869_hkdf/rfc-5869-HKDF-SHA256.txt");
    test_rfc_file("rfc/rfc5869_hkdf/rfc-5869-HKDF-SHA1.txt");
    test_wycheproof();
    test_limits();
    test_driver();
    test_differential();
    release_oracle();

    printf("RFC 5869 typed-in cases: %lu, RFC files: %lu, Wycheproof: %lu valid + %lu "
           "too-long rejected\n",
           rfc_cases, rfc_file_cases, wycheproof_cases, wycheproof_rejected);
    for (mode = 0; mode < NUM_MODES; mode++) {
        printf("OpenSSL differential %-18s %lu cases\n", mode_names[mode], diff_cases[mode]);
    }
    if (vectors_missing && cit_test_failures == 0) {
        cit_test_end("hkdf");
        cit_test_skip(missing_reason);
    }
    return cit_test_end("hkdf");
}
