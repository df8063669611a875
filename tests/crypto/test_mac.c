/*
 * test_mac.c - the MAC API (psa_mac_*) at the PSA level, on both driver
 * paths: HMAC over every built hash HMAC is defined for, CMAC-AES and
 * CBC-MAC-AES through psa_mac_compute / psa_mac_verify and multi-part
 * sign / verify:
 *   - Wycheproof hmac_*_test.json and aes_cmac_test.json, RFC 4231
 *     (HMAC-SHA-256) and RFC 4493 (AES-CMAC) typed in;
 *   - differential against OpenSSL (EVP_MAC HMAC and CMAC, AES-CBC for
 *     CBC-MAC) with random keys, random splits and random truncations;
 *   - key policy (exact and at-least-this-length algorithms, usage flags,
 *     key type compatibility, truncation limits, unknown keys, wildcards);
 *   - the operation state machine; a key destroyed during an operation.
 */
#include <psa/crypto.h>
#include <citadel/citadel.h>
#include <citadel/citadel_config.h>

#include "test.h"

#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/provider.h>

/* Differential cases per algorithm per driver path. */
#define DIFF_CASES 1000

#define USAGE_SV (PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE)

typedef enum { KIND_HMAC, KIND_CMAC, KIND_CBC_MAC } mac_kind_t;

typedef struct {
    psa_algorithm_t alg; /* full-length algorithm */
    const char *name;
    mac_kind_t kind;
    size_t key_bytes;        /* AES key size; 0 for HMAC (random key lengths) */
    const char *ossl_param;  /* digest (HMAC) or cipher (CMAC, CBC-MAC) */
    const char *wycheproof;  /* HMAC: file under wycheproof/testvectors_v1/ */
    int available;           /* the oracle is usable */
} mac_info_t;

#define HMAC_ENTRY(hash, name, ossl, wp) \
    { PSA_ALG_HMAC(hash), "HMAC-" name, KIND_HMAC, 0, ossl, wp, 0 }

static mac_info_t macs[] = {
#if defined(PSA_WANT_ALG_HMAC) && defined(PSA_WANT_KEY_TYPE_HMAC)
#if defined(PSA_WANT_ALG_MD5)
    HMAC_ENTRY(PSA_ALG_MD5, "MD5", "MD5", NULL),
#endif
#if defined(PSA_WANT_ALG_RIPEMD160)
    HMAC_ENTRY(PSA_ALG_RIPEMD160, "RIPEMD-160", "RIPEMD160", NULL),
#endif
#if defined(PSA_WANT_ALG_SHA_1)
    HMAC_ENTRY(PSA_ALG_SHA_1, "SHA-1", "SHA1", "hmac_sha1_test.json"),
#endif
#if defined(PSA_WANT_ALG_SHA_224)
    HMAC_ENTRY(PSA_ALG_SHA_224, "SHA-224", "SHA224", "hmac_sha224_test.json"),
#endif
#if defined(PSA_WANT_ALG_SHA_256)
    HMAC_ENTRY(PSA_ALG_SHA_256, "SHA-256", "SHA256", "hmac_sha256_test.json"),
#endif
#if defined(PSA_WANT_ALG_SHA_384)
    HMAC_ENTRY(PSA_ALG_SHA_384, "SHA-384", "SHA384", "hmac_sha384_test.json"),
#endif
#if defined(PSA_WANT_ALG_SHA_512)
    HMAC_ENTRY(PSA_ALG_SHA_512, "SHA-512", "SHA512", "hmac_sha512_test.json"),
#endif
#if defined(PSA_WANT_ALG_SHA_512_224)
    HMAC_ENTRY(PSA_ALG_SHA_512_224, "SHA-512/224", "SHA512-224", "hmac_sha512_224_test.json"),
#endif
#if defined(PSA_WANT_ALG_SHA_512_256)
    HMAC_ENTRY(PSA_ALG_SHA_512_256, "SHA-512/256", "SHA512-256", "hmac_sha512_256_test.json"),
#endif
#if defined(PSA_WANT_ALG_SHA3_224)
    HMAC_ENTRY(PSA_ALG_SHA3_224, "SHA3-224", "SHA3-224", "hmac_sha3_224_test.json"),
#endif
#if defined(PSA_WANT_ALG_SHA3_256)
    HMAC_ENTRY(PSA_ALG_SHA3_256, "SHA3-256", "SHA3-256", "hmac_sha3_256_test.json"),
#endif
#if defined(PSA_WANT_ALG_SHA3_384)
    HMAC_ENTRY(PSA_ALG_SHA3_384, "SHA3-384", "SHA3-384", "hmac_sha3_384_test.json"),
#endif
#if defined(PSA_WANT_ALG_SHA3_512)
    HMAC_ENTRY(PSA_ALG_SHA3_512, "SHA3-512", "SHA3-512", "hmac_sha3_512_test.json"),
#endif
#endif /* HMAC */
#if defined(PSA_WANT_ALG_CMAC) && defined(PSA_WANT_KEY_TYPE_AES)
    { PSA_ALG_CMAC, "CMAC-AES-128", KIND_CMAC, 16, "AES-128-CBC", NULL, 0 },
    { PSA_ALG_CMAC, "CMAC-AES-192", KIND_CMAC, 24, "AES-192-CBC", NULL, 0 },
    { PSA_ALG_CMAC, "CMAC-AES-256", KIND_CMAC, 32, "AES-256-CBC", NULL, 0 },
#endif
#if defined(PSA_WANT_ALG_CBC_MAC) && defined(PSA_WANT_KEY_TYPE_AES)
    { PSA_ALG_CBC_MAC, "CBC-MAC-AES-128", KIND_CBC_MAC, 16, "AES-128-CBC", NULL, 0 },
    { PSA_ALG_CBC_MAC, "CBC-MAC-AES-192", KIND_CBC_MAC, 24, "AES-192-CBC", NULL, 0 },
    { PSA_ALG_CBC_MAC, "CBC-MAC-AES-256", KIND_CBC_MAC, 32, "AES-256-CBC", NULL, 0 },
#endif
    { 0, NULL, KIND_HMAC, 0, NULL, NULL, 0 }
};

typedef struct {
    unsigned long vectors;
    unsigned long diff;
} counts_t;

static counts_t counts[sizeof(macs) / sizeof(macs[0])];
static unsigned long cmac_vectors, cmac_rejected_keys, rfc_cases;
static int vectors_missing;
static const char *missing_reason = "";
static int current_path;

static EVP_MAC *ossl_hmac;
static EVP_MAC *ossl_cmac;
static OSSL_PROVIDER *legacy_provider;
static OSSL_PROVIDER *default_provider;

/* ---- Helpers ---- */

static psa_key_type_t key_type(const mac_info_t *m)
{
    return m->kind == KIND_HMAC ? PSA_KEY_TYPE_HMAC : PSA_KEY_TYPE_AES;
}

static size_t full_length(const mac_info_t *m)
{
    return m->kind == KIND_HMAC ? PSA_HASH_LENGTH(m->alg) : 16;
}

static size_t block_length(const mac_info_t *m)
{
    return m->kind == KIND_HMAC ? PSA_HASH_BLOCK_LENGTH(PSA_ALG_GET_HASH(m->alg)) : 16;
}

static psa_status_t import_key(psa_key_type_t type, const uint8_t *key, size_t key_len,
                               psa_algorithm_t policy, psa_key_usage_t usage, psa_key_id_t *id)
{
    psa_key_attributes_t attr = PSA_KEY_ATTRIBUTES_INIT;

    psa_set_key_type(&attr, type);
    psa_set_key_algorithm(&attr, policy);
    psa_set_key_usage_flags(&attr, usage);
    if (cit_test_rnd(2) == 0) {
        psa_set_key_bits(&attr, 8 * key_len);
    }
    return psa_import_key(&attr, key, key_len, id);
}

static psa_status_t mac_feed(psa_mac_operation_t *op, const uint8_t *msg, size_t len,
                             size_t block)
{
    cit_test_split_t s;
    size_t i, off = 0;

    cit_test_make_split(&s, len, block);
    for (i = 0; i < s.n; i++) {
        const uint8_t *p = (s.len[i] == 0 && cit_test_rnd(2) == 0) ? NULL : msg + off;
        psa_status_t status = psa_mac_update(op, p, s.len[i]);

        if (status != PSA_SUCCESS) {
            return status;
        }
        off += s.len[i];
    }
    return off == len ? PSA_SUCCESS : PSA_ERROR_CORRUPTION_DETECTED;
}

/* Multi-part sign with a random split. */
static psa_status_t sign_multi(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *msg,
                               size_t len, size_t block, uint8_t *mac, size_t mac_size,
                               size_t *mac_len)
{
    psa_mac_operation_t op = PSA_MAC_OPERATION_INIT;
    psa_status_t status = psa_mac_sign_setup(&op, key, alg);

    *mac_len = 0;
    if (status == PSA_SUCCESS) {
        status = mac_feed(&op, msg, len, block);
    }
    if (status == PSA_SUCCESS) {
        status = psa_mac_sign_finish(&op, mac, mac_size, mac_len);
    }
    CHECK_STATUS(psa_mac_abort(&op), PSA_SUCCESS);
    return status;
}

/* Multi-part verify with a random split. */
static psa_status_t verify_multi(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *msg,
                                 size_t len, size_t block, const uint8_t *mac, size_t mac_len)
{
    psa_mac_operation_t op = PSA_MAC_OPERATION_INIT;
    psa_status_t status = psa_mac_verify_setup(&op, key, alg);

    if (status == PSA_SUCCESS) {
        status = mac_feed(&op, msg, len, block);
    }
    if (status == PSA_SUCCESS) {
        status = psa_mac_verify_finish(&op, mac, mac_len);
        if (status != PSA_SUCCESS) {
            /* A failed verify_finish leaves the error state. */
            CHECK_STATUS(psa_mac_update(&op, msg, len), PSA_ERROR_BAD_STATE);
            CHECK_STATUS(psa_mac_verify_finish(&op, mac, mac_len), PSA_ERROR_BAD_STATE);
        }
    }
    CHECK_STATUS(psa_mac_abort(&op), PSA_SUCCESS);
    return status;
}

/*
 * A correct (alg, key, msg, tag): compute and multi-part sign give the tag,
 * single- and multi-part verify accept it. Returns the number of variants.
 */
static unsigned long check_good(psa_key_id_t key, psa_algorithm_t alg, size_t block,
                                const uint8_t *msg, size_t len, const uint8_t *tag,
                                size_t tag_len)
{
    uint8_t mac[PSA_MAC_MAX_SIZE];
    size_t mac_len = 0;
    size_t size = cit_test_rnd(2) ? tag_len : PSA_MAC_MAX_SIZE;

    CHECK_STATUS(psa_mac_compute(key, alg, len == 0 && cit_test_rnd(2) ? NULL : msg, len, mac, size,
                                 &mac_len),
                 PSA_SUCCESS);
    CHECK(mac_len == tag_len);
    CHECK_MEM(mac, tag, tag_len);
    memset(mac, 0, sizeof(mac));
    CHECK_STATUS(sign_multi(key, alg, msg, len, block, mac, size, &mac_len), PSA_SUCCESS);
    CHECK(mac_len == tag_len);
    CHECK_MEM(mac, tag, tag_len);
    CHECK_STATUS(psa_mac_verify(key, alg, msg, len, tag, tag_len), PSA_SUCCESS);
    CHECK_STATUS(verify_multi(key, alg, msg, len, block, tag, tag_len), PSA_SUCCESS);
    return 4;
}

/* A wrong tag: both verify paths return INVALID_SIGNATURE. */
static unsigned long check_bad(psa_key_id_t key, psa_algorithm_t alg, size_t block,
                               const uint8_t *msg, size_t len, const uint8_t *tag,
                               size_t tag_len)
{
    CHECK_STATUS(psa_mac_verify(key, alg, msg, len, tag, tag_len), PSA_ERROR_INVALID_SIGNATURE);
    CHECK_STATUS(verify_multi(key, alg, msg, len, block, tag, tag_len),
                 PSA_ERROR_INVALID_SIGNATURE);
    return 2;
}

/* ---- The oracle ---- */

static int oracle(const mac_info_t *m, const uint8_t *key, size_t key_len, const uint8_t *msg,
                  size_t len, uint8_t *out)
{
    size_t full = full_length(m), out_len = 0;
    int ok = 0;

    if (m->kind == KIND_CBC_MAC) {
        static const uint8_t zero_iv[16];
        EVP_CIPHER *c = EVP_CIPHER_fetch(NULL, m->ossl_param, NULL);
        EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
        uint8_t *buf = (uint8_t *)malloc(len + 32);
        int n1 = 0, n2 = 0;

        ok = c != NULL && ctx != NULL && buf != NULL && len % 16 == 0 && len > 0 &&
             EVP_EncryptInit_ex(ctx, c, NULL, key, zero_iv) == 1 &&
             EVP_CIPHER_CTX_set_padding(ctx, 0) == 1 &&
             EVP_EncryptUpdate(ctx, buf, &n1, msg, (int)len) == 1 &&
             EVP_EncryptFinal_ex(ctx, buf + n1, &n2) == 1 && (size_t)(n1 + n2) == len;
        if (ok) {
            memcpy(out, buf + len - 16, 16);
        }
        free(buf);
        EVP_CIPHER_CTX_free(ctx);
        EVP_CIPHER_free(c);
    } else {
        OSSL_PARAM params[2];
        EVP_MAC_CTX *ctx = EVP_MAC_CTX_new(m->kind == KIND_HMAC ? ossl_hmac : ossl_cmac);

        params[0] = OSSL_PARAM_construct_utf8_string(
            m->kind == KIND_HMAC ? OSSL_MAC_PARAM_DIGEST : OSSL_MAC_PARAM_CIPHER,
            (char *)m->ossl_param, 0);
        params[1] = OSSL_PARAM_construct_end();
        ok = ctx != NULL && EVP_MAC_init(ctx, key, key_len, params) == 1 &&
             EVP_MAC_update(ctx, msg, len) == 1 &&
             EVP_MAC_final(ctx, out, &out_len, PSA_MAC_MAX_SIZE) == 1 && out_len == full;
        EVP_MAC_CTX_free(ctx);
    }
    return ok;
}

/* ---- Wycheproof ---- */

static psa_algorithm_t with_length(psa_algorithm_t full_alg, size_t full, size_t tag_len)
{
    return tag_len == full ? full_alg : PSA_ALG_TRUNCATED_MAC(full_alg, tag_len);
}

/* Runs one Wycheproof MAC test; returns 1 if it ran. */
static int wycheproof_case(psa_key_type_t type, psa_algorithm_t full_alg, size_t full,
                           size_t block, size_t tag_len, const cit_json_t *t)
{
    const char *key_s = cit_json_str(t, "key"), *msg_s = cit_json_str(t, "msg");
    const char *tag_s = cit_json_str(t, "tag"), *result = cit_json_str(t, "result");
    uint8_t *key, *msg, *tag;
    size_t key_len = 0, msg_len = 0, tlen = 0;
    psa_algorithm_t alg = with_length(full_alg, full, tag_len);
    psa_key_id_t id = 0;
    int ran = 0;

    key = cit_hex_decode(key_s, &key_len);
    msg = cit_hex_decode(msg_s, &msg_len);
    tag = cit_hex_decode(tag_s, &tlen);
    CHECK(key != NULL && msg != NULL && tag != NULL && result != NULL);
    if (key == NULL || msg == NULL || tag == NULL || result == NULL) {
        goto done;
    }
    CHECK_STATUS(import_key(type, key, key_len, alg, USAGE_SV, &id), PSA_SUCCESS);
    if (strcmp(result, "valid") == 0) {
        CHECK(tlen == tag_len);
        check_good(id, alg, block, msg, msg_len, tag, tlen);
    } else {
        uint8_t mac[PSA_MAC_MAX_SIZE];
        size_t mac_len = 0;

        CHECK(strcmp(result, "invalid") == 0);
        check_bad(id, alg, block, msg, msg_len, tag, tlen);
        /* The computed tag is not the given one. */
        CHECK_STATUS(psa_mac_compute(id, alg, msg, msg_len, mac, sizeof(mac), &mac_len),
                     PSA_SUCCESS);
        CHECK(mac_len != tlen || memcmp(mac, tag, tlen) != 0);
    }
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    ran = 1;
done:
    free(key);
    free(msg);
    free(tag);
    return ran;
}

static cit_json_t *load_wycheproof(const char *file)
{
    char rel[160];
    char *path;
    cit_json_t *doc;

    snprintf(rel, sizeof(rel), "wycheproof/testvectors_v1/%s", file);
    path = cit_vector_path(rel);
    if (path == NULL) {
        vectors_missing = 1;
        missing_reason = "Wycheproof vectors not found (set CIT_VECTORS_DIR)";
        return NULL;
    }
    doc = cit_json_parse_file(path);
    CHECK(doc != NULL);
    free(path);
    return doc;
}

static void test_wycheproof_hmac(void)
{
    size_t i, g, k;

    for (i = 0; macs[i].name != NULL; i++) {
        const mac_info_t *m = &macs[i];
        cit_json_t *doc;
        const cit_json_t *groups;

        if (m->wycheproof == NULL) {
            continue;
        }
        doc = load_wycheproof(m->wycheproof);
        if (doc == NULL) {
            continue;
        }
        groups = cit_json_get(doc, "testGroups");
        CHECK(groups != NULL && groups->type == CIT_JSON_ARRAY);
        for (g = 0; groups != NULL && g < groups->count; g++) {
            const cit_json_t *grp = groups->items[g];
            const cit_json_t *tests = cit_json_get(grp, "tests");
            size_t tag_bits = (size_t)cit_json_num(grp, "tagSize", 0);

            CHECK(tests != NULL && tag_bits % 8 == 0 && tag_bits / 8 <= full_length(m));
            for (k = 0; tests != NULL && k < tests->count; k++) {
                counts[i].vectors += (unsigned long)wycheproof_case(
                    PSA_KEY_TYPE_HMAC, m->alg, full_length(m), block_length(m), tag_bits / 8,
                    tests->items[k]);
            }
        }
        cit_json_free(doc);
    }
}

static void test_wycheproof_cmac(void)
{
#if defined(PSA_WANT_ALG_CMAC) && defined(PSA_WANT_KEY_TYPE_AES)
    cit_json_t *doc = load_wycheproof("aes_cmac_test.json");
    const cit_json_t *groups;
    size_t g, k;

    if (doc == NULL) {
        return;
    }
    groups = cit_json_get(doc, "testGroups");
    CHECK(groups != NULL && groups->type == CIT_JSON_ARRAY);
    for (g = 0; groups != NULL && g < groups->count; g++) {
        const cit_json_t *grp = groups->items[g];
        const cit_json_t *tests = cit_json_get(grp, "tests");
        size_t key_bits = (size_t)cit_json_num(grp, "keySize", 0);
        size_t tag_bits = (size_t)cit_json_num(grp, "tagSize", 0);

        CHECK(tests != NULL && tag_bits % 8 == 0 && tag_bits / 8 <= 16);
        for (k = 0; tests != NULL && k < tests->count; k++) {
            if (key_bits == 128 || key_bits == 192 || key_bits == 256) {
                cmac_vectors += (unsigned long)wycheproof_case(
                    PSA_KEY_TYPE_AES, PSA_ALG_CMAC, 16, 16, tag_bits / 8, tests->items[k]);
            } else {
                /* Not an AES key size: rejected at import. */
                size_t key_len = 0;
                uint8_t *key = cit_hex_decode(cit_json_str(tests->items[k], "key"), &key_len);
                psa_key_id_t id = 0;

                CHECK(key != NULL);
                CHECK(strcmp(cit_json_str(tests->items[k], "result"), "invalid") == 0);
                CHECK_STATUS(import_key(PSA_KEY_TYPE_AES, key, key_len, PSA_ALG_CMAC, USAGE_SV,
                                        &id),
                             PSA_ERROR_INVALID_ARGUMENT);
                CHECK(id == 0);
                cmac_rejected_keys++;
                free(key);
            }
        }
    }
    cit_json_free(doc);
#endif
}

/* ---- RFC 4231 (HMAC-SHA-256) and RFC 4493 (AES-CMAC), typed in ---- */

#if (defined(PSA_WANT_ALG_HMAC) && defined(PSA_WANT_ALG_SHA_256) && \
     defined(PSA_WANT_KEY_TYPE_HMAC)) || \
    (defined(PSA_WANT_ALG_CMAC) && defined(PSA_WANT_KEY_TYPE_AES))
#define HAVE_KNOWN_ANSWERS 1
#endif

#if defined(HAVE_KNOWN_ANSWERS)
typedef struct {
    const char *key;
    const char *msg; /* hex */
    const char *tag; /* hex; shorter than the full MAC = truncated */
} known_t;

static void run_known(psa_key_type_t type, psa_algorithm_t full_alg, size_t full, size_t block,
                      const known_t *kat, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        size_t key_len = 0, msg_len = 0, tag_len = 0;
        uint8_t *key = cit_hex_decode(kat[i].key, &key_len);
        uint8_t *msg = cit_hex_decode(kat[i].msg, &msg_len);
        uint8_t *tag = cit_hex_decode(kat[i].tag, &tag_len);
        psa_algorithm_t alg;
        psa_key_id_t id = 0;

        CHECK(key != NULL && msg != NULL && tag != NULL);
        if (key != NULL && msg != NULL && tag != NULL) {
            alg = with_length(full_alg, full, tag_len);
            CHECK_STATUS(import_key(type, key, key_len, alg, USAGE_SV, &id), PSA_SUCCESS);
            check_good(id, alg, block, msg, msg_len, tag, tag_len);
            tag[tag_len - 1] ^= 0x80;
            check_bad(id, alg, block, msg, msg_len, tag, tag_len);
            CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
            rfc_cases++;
        }
        free(key);
        free(msg);
        free(tag);
    }
}
#endif /* HAVE_KNOWN_ANSWERS */

/* RFC 4231 test cases 6 and 7: 131 bytes of 0xaa. */
#define AA_20 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define AA_131 AA_20 AA_20 AA_20 AA_20 AA_20 AA_20 "aaaaaaaaaaaaaaaaaaaaaa"

static void test_rfc(void)
{
#if defined(PSA_WANT_ALG_HMAC) && defined(PSA_WANT_ALG_SHA_256) && \
    defined(PSA_WANT_KEY_TYPE_HMAC)
    static const known_t rfc4231[] = {
        { "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265",
          "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" },
        { "4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f",
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
        { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
          "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
          "dddddddddddddddddddddddd",
          "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe" },
        { "0102030405060708090a0b0c0d0e0f10111213141516171819",
          "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd"
          "cdcdcdcdcdcdcdcdcdcdcdcd",
          "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b" },
        /* Test case 5: truncated to 128 bits. */
        { "0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c", "546573742057697468205472756e636174696f6e",
          "a3b6167473100ee06e0c796c2955552b" },
        { AA_131,
          "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d"
          "2048617368204b6579204669727374",
          "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54" },
        { AA_131,
          "5468697320697320612074657374207573696e672061206c6172676572207468616e20626c6f63"
          "6b2d73697a65206b657920616e642061206c6172676572207468616e20626c6f636b2d73697a65"
          "20646174612e20546865206b6579206e6565647320746f20626520686173686564206265666f72"
          "65206265696e6720757365642062792074686520484d414320616c676f726974686d2e",
          "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2" },
    };
    run_known(PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_256), 32, 64, rfc4231,
              sizeof(rfc4231) / sizeof(rfc4231[0]));
#endif
#if defined(PSA_WANT_ALG_CMAC) && defined(PSA_WANT_KEY_TYPE_AES)
    {
        static const known_t rfc4493[] = {
            { "2b7e151628aed2a6abf7158809cf4f3c", "", "bb1d6929e95937287fa37d129b756746" },
            { "2b7e151628aed2a6abf7158809cf4f3c", "6bc1bee22e409f96e93d7e117393172a",
              "070a16b46b4d4144f79bdd9dd04a287c" },
            { "2b7e151628aed2a6abf7158809cf4f3c",
              "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411",
              "dfa66747de9ae63030ca32611497c827" },
            { "2b7e151628aed2a6abf7158809cf4f3c",
              "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411"
              "e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710",
              "51f0bebf7e3b9d92fc49741779363cfe" },
        };
        run_known(PSA_KEY_TYPE_AES, PSA_ALG_CMAC, 16, 16, rfc4493,
                  sizeof(rfc4493) / sizeof(rfc4493[0]));
    }
#endif
}

/* ---- Differential ---- */

static void test_differential(void)
{
    size_t i;
    int n;

    for (i = 0; macs[i].name != NULL; i++) {
        const mac_info_t *m = &macs[i];
        size_t full = full_length(m), block = block_length(m);

        if (!m->available) {
            printf("  note: %s differential skipped (OpenSSL lacks %s)\n", m->name,
                   m->ossl_param);
            continue;
        }
        for (n = 0; n < DIFF_CASES; n++) {
            size_t key_len = m->key_bytes != 0 ? m->key_bytes : 1 + cit_test_rnd(2 * block + 20);
            size_t len, t;
            uint8_t key[2 * 144 + 20], want[PSA_MAC_MAX_SIZE], bad[PSA_MAC_MAX_SIZE + 1];
            uint8_t *msg;
            psa_algorithm_t alg, policy;
            psa_key_id_t id = 0;
            int whole = 1;

            if (m->kind == KIND_CBC_MAC) {
                len = 16 * (1 + cit_test_rnd(cit_test_rnd(4) == 0 ? 70 : 12));
                if (cit_test_rnd(8) == 0) {
                    len = cit_test_rnd(2) ? 0 : len - 1 - cit_test_rnd(15); /* not a whole number of blocks */
                    whole = 0;
                }
            } else {
                len = cit_test_rnd(3) == 0 ? cit_test_rnd(1201) : cit_test_rnd(300);
            }
            msg = (uint8_t *)malloc(len + 1);
            if (msg == NULL) {
                CHECK(0);
                return;
            }
            cit_test_rand_bytes(key, key_len);
            cit_test_rand_bytes(msg, len);
            /* Full length, or truncated to 4..full bytes. */
            t = cit_test_rnd(3) == 0 ? full : 4 + cit_test_rnd(full - 3);
            alg = cit_test_rnd(2) ? with_length(m->alg, full, t) : PSA_ALG_TRUNCATED_MAC(m->alg, t);
            switch (cit_test_rnd(4)) {
            case 0:
                policy = PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(m->alg, 4 + cit_test_rnd(t - 3));
                break;
            case 1:
                policy = PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(m->alg, t);
                break;
            default:
                policy = alg;
                break;
            }
            CHECK_STATUS(import_key(key_type(m), key, key_len, policy, USAGE_SV, &id),
                         PSA_SUCCESS);
            if (!whole) {
                uint8_t mac[PSA_MAC_MAX_SIZE];
                size_t mac_len = 0;

                CHECK_STATUS(psa_mac_compute(id, alg, msg, len, mac, sizeof(mac), &mac_len),
                             PSA_ERROR_INVALID_ARGUMENT);
                CHECK_STATUS(sign_multi(id, alg, msg, len, block, mac, sizeof(mac), &mac_len),
                             PSA_ERROR_INVALID_ARGUMENT);
                memset(mac, 0, sizeof(mac));
                CHECK_STATUS(psa_mac_verify(id, alg, msg, len, mac, t),
                             PSA_ERROR_INVALID_ARGUMENT);
                CHECK_STATUS(verify_multi(id, alg, msg, len, block, mac, t),
                             PSA_ERROR_INVALID_ARGUMENT);
                counts[i].diff += 4;
            } else if (oracle(m, key, key_len, msg, len, want)) {
                counts[i].diff += check_good(id, alg, block, msg, len, want, t);
                if (n % 2 == 0) {
                    size_t bit = cit_test_rnd(8 * t);
                    memcpy(bad, want, t);
                    bad[bit / 8] ^= (uint8_t)(1u << (bit % 8));
                    counts[i].diff += check_bad(id, alg, block, msg, len, bad, t);
                }
                if (n % 4 == 1) {
                    /* Wrong lengths: one byte short, one byte long. */
                    memcpy(bad, want, full);
                    bad[t] = want[t < full ? t : 0];
                    CHECK_STATUS(psa_mac_verify(id, alg, msg, len, want, t - 1),
                                 PSA_ERROR_INVALID_SIGNATURE);
                    CHECK_STATUS(psa_mac_verify(id, alg, msg, len, bad, t + 1),
                                 PSA_ERROR_INVALID_SIGNATURE);
                    counts[i].diff += 2;
                }
            } else {
                CHECK(0); /* the oracle failed */
            }
            CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
            free(msg);
        }
    }
}

/* ---- Policy ---- */

static void test_policy(void)
{
    uint8_t msg[50], mac[PSA_MAC_MAX_SIZE], key32[32];
    size_t mac_len = 0, t;
    psa_key_id_t id = 0, id2 = 0;
    psa_mac_operation_t op = PSA_MAC_OPERATION_INIT;

    cit_test_rand_bytes(msg, sizeof(msg));
    cit_test_rand_bytes(key32, sizeof(key32));

    /* Unknown keys. */
    CHECK_STATUS(psa_mac_compute(0, PSA_ALG_CMAC, msg, 1, mac, sizeof(mac), &mac_len),
                 PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_mac_verify(0x12345u, PSA_ALG_CMAC, msg, 1, mac, 16),
                 PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_mac_sign_setup(&op, 0x7fffff00u, PSA_ALG_HMAC(PSA_ALG_SHA_256)),
                 PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_mac_update(&op, msg, 1), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_mac_verify_setup(&op, 0x7fffff00u, PSA_ALG_HMAC(PSA_ALG_SHA_256)),
                 PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_mac_abort(&op), PSA_SUCCESS);

#if defined(PSA_WANT_ALG_HMAC) && defined(PSA_WANT_ALG_SHA_256) && \
    defined(PSA_WANT_KEY_TYPE_HMAC)
    {
        const psa_algorithm_t hs = PSA_ALG_HMAC(PSA_ALG_SHA_256);
        const psa_algorithm_t at16 = PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(hs, 16);
        uint8_t full[32];
        size_t full_len = 0;

        /* At-least-16 policy: truncations to 16..32 and the full algorithm. */
        CHECK_STATUS(import_key(PSA_KEY_TYPE_HMAC, key32, 32, at16, USAGE_SV, &id), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_compute(id, hs, msg, sizeof(msg), full, sizeof(full), &full_len),
                     PSA_SUCCESS);
        CHECK(full_len == 32);
        for (t = 16; t <= 32; t++) {
            psa_algorithm_t alg = PSA_ALG_TRUNCATED_MAC(hs, t);
            CHECK_STATUS(psa_mac_compute(id, alg, msg, sizeof(msg), mac, sizeof(mac), &mac_len),
                         PSA_SUCCESS);
            CHECK(mac_len == t);
            CHECK(PSA_MAC_LENGTH(PSA_KEY_TYPE_HMAC, 256, alg) == t);
            CHECK_MEM(mac, full, t);
            CHECK_STATUS(psa_mac_verify(id, alg, msg, sizeof(msg), full, t), PSA_SUCCESS);
        }
        for (t = 4; t < 16; t++) {
            psa_algorithm_t alg = PSA_ALG_TRUNCATED_MAC(hs, t);
            CHECK_STATUS(psa_mac_compute(id, alg, msg, sizeof(msg), mac, sizeof(mac), &mac_len),
                         PSA_ERROR_NOT_PERMITTED);
            CHECK_STATUS(psa_mac_verify(id, alg, msg, sizeof(msg), full, t),
                         PSA_ERROR_NOT_PERMITTED);
            CHECK_STATUS(psa_mac_sign_setup(&op, id, alg), PSA_ERROR_NOT_PERMITTED);
            CHECK_STATUS(psa_mac_update(&op, msg, 1), PSA_ERROR_BAD_STATE);
        }
#if defined(PSA_WANT_ALG_SHA_512)
        CHECK_STATUS(psa_mac_compute(id, PSA_ALG_HMAC(PSA_ALG_SHA_512), msg, sizeof(msg), mac,
                                     sizeof(mac), &mac_len),
                     PSA_ERROR_NOT_PERMITTED);
#endif
        /* A wildcard is not an algorithm to compute with. */
        CHECK_STATUS(psa_mac_compute(id, at16, msg, sizeof(msg), mac, sizeof(mac), &mac_len),
                     PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_mac_verify(id, at16, msg, sizeof(msg), full, 32),
                     PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_mac_sign_setup(&op, id, at16), PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_mac_verify_setup(&op, id, PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(hs, 32)),
                     PSA_ERROR_INVALID_ARGUMENT);
        /* Not a MAC algorithm. */
        CHECK_STATUS(psa_mac_compute(id, PSA_ALG_SHA_256, msg, sizeof(msg), mac, sizeof(mac),
                                     &mac_len),
                     PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_mac_sign_setup(&op, id, 0), PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_mac_abort(&op), PSA_SUCCESS);
        CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);

        /* Exact policy HMAC-SHA-256: no other hash, no truncation. */
        CHECK_STATUS(import_key(PSA_KEY_TYPE_HMAC, key32, 32, hs, USAGE_SV, &id), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_compute(id, hs, msg, sizeof(msg), mac, sizeof(mac), &mac_len),
                     PSA_SUCCESS);
        CHECK_MEM(mac, full, 32);
#if defined(PSA_WANT_ALG_SHA_512)
        CHECK_STATUS(psa_mac_compute(id, PSA_ALG_HMAC(PSA_ALG_SHA_512), msg, sizeof(msg), mac,
                                     sizeof(mac), &mac_len),
                     PSA_ERROR_NOT_PERMITTED);
        CHECK_STATUS(psa_mac_verify_setup(&op, id, PSA_ALG_HMAC(PSA_ALG_SHA_512)),
                     PSA_ERROR_NOT_PERMITTED);
#endif
        CHECK_STATUS(psa_mac_compute(id, PSA_ALG_HMAC(PSA_ALG_SHA_1), msg, sizeof(msg), mac,
                                     sizeof(mac), &mac_len),
                     PSA_ERROR_NOT_PERMITTED);
        CHECK_STATUS(psa_mac_compute(id, PSA_ALG_TRUNCATED_MAC(hs, 16), msg, sizeof(msg), mac,
                                     sizeof(mac), &mac_len),
                     PSA_ERROR_NOT_PERMITTED);
        CHECK_STATUS(psa_mac_compute(id, PSA_ALG_CMAC, msg, sizeof(msg), mac, sizeof(mac),
                                     &mac_len),
                     PSA_ERROR_NOT_PERMITTED);
        CHECK_STATUS(psa_mac_compute(id, at16, msg, sizeof(msg), mac, sizeof(mac), &mac_len),
                     PSA_ERROR_INVALID_ARGUMENT);

        /* Usage flags: sign needs SIGN_MESSAGE, verify needs VERIFY_MESSAGE. */
        CHECK_STATUS(import_key(PSA_KEY_TYPE_HMAC, key32, 32, hs, PSA_KEY_USAGE_VERIFY_MESSAGE,
                                &id2),
                     PSA_SUCCESS);
        CHECK_STATUS(psa_mac_compute(id2, hs, msg, sizeof(msg), mac, sizeof(mac), &mac_len),
                     PSA_ERROR_NOT_PERMITTED);
        CHECK_STATUS(psa_mac_sign_setup(&op, id2, hs), PSA_ERROR_NOT_PERMITTED);
        CHECK_STATUS(psa_mac_update(&op, msg, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_mac_verify(id2, hs, msg, sizeof(msg), full, 32), PSA_SUCCESS);
        CHECK_STATUS(psa_destroy_key(id2), PSA_SUCCESS);
        CHECK_STATUS(import_key(PSA_KEY_TYPE_HMAC, key32, 32, hs, PSA_KEY_USAGE_SIGN_MESSAGE, &id2),
                     PSA_SUCCESS);
        CHECK_STATUS(psa_mac_verify(id2, hs, msg, sizeof(msg), full, 32), PSA_ERROR_NOT_PERMITTED);
        CHECK_STATUS(psa_mac_verify_setup(&op, id2, hs), PSA_ERROR_NOT_PERMITTED);
        CHECK_STATUS(psa_mac_compute(id2, hs, msg, sizeof(msg), mac, sizeof(mac), &mac_len),
                     PSA_SUCCESS);
        CHECK_MEM(mac, full, 32);
        CHECK_STATUS(psa_destroy_key(id2), PSA_SUCCESS);
        /* SIGN_HASH / VERIFY_HASH imply the message usages. */
        CHECK_STATUS(import_key(PSA_KEY_TYPE_HMAC, key32, 32, hs,
                                PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH, &id2),
                     PSA_SUCCESS);
        CHECK_STATUS(psa_mac_compute(id2, hs, msg, sizeof(msg), mac, sizeof(mac), &mac_len),
                     PSA_SUCCESS);
        CHECK_STATUS(psa_mac_verify(id2, hs, msg, sizeof(msg), full, 32), PSA_SUCCESS);
        CHECK_STATUS(psa_destroy_key(id2), PSA_SUCCESS);
        CHECK_STATUS(import_key(PSA_KEY_TYPE_HMAC, key32, 32, hs,
                                PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_ENCRYPT, &id2),
                     PSA_SUCCESS);
        CHECK_STATUS(psa_mac_compute(id2, hs, msg, sizeof(msg), mac, sizeof(mac), &mac_len),
                     PSA_ERROR_NOT_PERMITTED);
        CHECK_STATUS(psa_mac_verify(id2, hs, msg, sizeof(msg), full, 32), PSA_ERROR_NOT_PERMITTED);
        CHECK_STATUS(psa_destroy_key(id2), PSA_SUCCESS);

        /* Truncation beyond the MAC length: invalid; below 4 bytes: not supported. */
        CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
        CHECK_STATUS(import_key(PSA_KEY_TYPE_HMAC, key32, 32, PSA_ALG_TRUNCATED_MAC(hs, 33),
                                USAGE_SV, &id),
                     PSA_SUCCESS);
        CHECK_STATUS(psa_mac_compute(id, PSA_ALG_TRUNCATED_MAC(hs, 33), msg, sizeof(msg), mac,
                                     sizeof(mac), &mac_len),
                     PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_mac_verify_setup(&op, id, PSA_ALG_TRUNCATED_MAC(hs, 33)),
                     PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
        for (t = 1; t < 4; t++) {
            CHECK_STATUS(import_key(PSA_KEY_TYPE_HMAC, key32, 32, PSA_ALG_TRUNCATED_MAC(hs, t),
                                    USAGE_SV, &id),
                         PSA_SUCCESS);
            CHECK_STATUS(psa_mac_compute(id, PSA_ALG_TRUNCATED_MAC(hs, t), msg, sizeof(msg), mac,
                                         sizeof(mac), &mac_len),
                         PSA_ERROR_NOT_SUPPORTED);
            CHECK_STATUS(psa_mac_verify(id, PSA_ALG_TRUNCATED_MAC(hs, t), msg, sizeof(msg), full,
                                        t),
                         PSA_ERROR_NOT_SUPPORTED);
            CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
        }
        /* The smallest supported truncation, 4 bytes. */
        CHECK_STATUS(import_key(PSA_KEY_TYPE_HMAC, key32, 32, PSA_ALG_TRUNCATED_MAC(hs, 4),
                                USAGE_SV, &id),
                     PSA_SUCCESS);
        CHECK_STATUS(psa_mac_compute(id, PSA_ALG_TRUNCATED_MAC(hs, 4), msg, sizeof(msg), mac, 4,
                                     &mac_len),
                     PSA_SUCCESS);
        CHECK(mac_len == 4);
        CHECK_MEM(mac, full, 4);
        CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);

        /* CMAC with an HMAC key whose policy is CMAC: the key type is wrong. */
        CHECK_STATUS(import_key(PSA_KEY_TYPE_HMAC, key32, 16, PSA_ALG_CMAC, USAGE_SV, &id),
                     PSA_SUCCESS);
        CHECK_STATUS(psa_mac_compute(id, PSA_ALG_CMAC, msg, sizeof(msg), mac, sizeof(mac),
                                     &mac_len),
                     PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_mac_sign_setup(&op, id, PSA_ALG_CMAC), PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_mac_verify_setup(&op, id, PSA_ALG_CMAC), PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
        CHECK_STATUS(import_key(PSA_KEY_TYPE_HMAC, key32, 16, PSA_ALG_CBC_MAC, USAGE_SV, &id),
                     PSA_SUCCESS);
        CHECK_STATUS(psa_mac_compute(id, PSA_ALG_CBC_MAC, msg, 32, mac, sizeof(mac), &mac_len),
                     PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    }
#endif
#if defined(PSA_WANT_KEY_TYPE_AES)
    /* HMAC with an AES key whose policy is that HMAC: the key type is wrong. */
    CHECK_STATUS(import_key(PSA_KEY_TYPE_AES, key32, 16, PSA_ALG_HMAC(PSA_ALG_SHA_256), USAGE_SV,
                            &id),
                 PSA_SUCCESS);
    CHECK_STATUS(psa_mac_compute(id, PSA_ALG_HMAC(PSA_ALG_SHA_256), msg, sizeof(msg), mac,
                                 sizeof(mac), &mac_len),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_mac_sign_setup(&op, id, PSA_ALG_HMAC(PSA_ALG_SHA_256)),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
#endif
#if defined(PSA_WANT_ALG_CMAC) && defined(PSA_WANT_KEY_TYPE_AES)
    {
        uint8_t full[16];
        size_t full_len = 0;

        CHECK_STATUS(import_key(PSA_KEY_TYPE_AES, key32, 16,
                                PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_CMAC, 8), USAGE_SV, &id),
                     PSA_SUCCESS);
        CHECK_STATUS(psa_mac_compute(id, PSA_ALG_CMAC, msg, sizeof(msg), full, sizeof(full),
                                     &full_len),
                     PSA_SUCCESS);
        CHECK(full_len == 16);
        for (t = 8; t <= 16; t++) {
            CHECK_STATUS(psa_mac_compute(id, PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, t), msg,
                                         sizeof(msg), mac, t, &mac_len),
                         PSA_SUCCESS);
            CHECK(mac_len == t);
            CHECK_MEM(mac, full, t);
        }
        CHECK_STATUS(psa_mac_compute(id, PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 7), msg, sizeof(msg),
                                     mac, sizeof(mac), &mac_len),
                     PSA_ERROR_NOT_PERMITTED);
        /* CBC-MAC is another algorithm: not permitted by a CMAC policy. */
        CHECK_STATUS(psa_mac_compute(id, PSA_ALG_CBC_MAC, msg, 32, mac, sizeof(mac), &mac_len),
                     PSA_ERROR_NOT_PERMITTED);
        CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
        /* Truncated CMAC longer than the block: invalid. */
        CHECK_STATUS(import_key(PSA_KEY_TYPE_AES, key32, 16,
                                PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 17), USAGE_SV, &id),
                     PSA_SUCCESS);
        CHECK_STATUS(psa_mac_compute(id, PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 17), msg,
                                     sizeof(msg), mac, sizeof(mac), &mac_len),
                     PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    }
#endif
    /* A destroyed key's id is unknown. */
#if defined(PSA_WANT_KEY_TYPE_AES)
    CHECK_STATUS(import_key(PSA_KEY_TYPE_AES, key32, 32, PSA_ALG_CMAC, USAGE_SV, &id),
                 PSA_SUCCESS);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    CHECK_STATUS(psa_mac_compute(id, PSA_ALG_CMAC, msg, sizeof(msg), mac, sizeof(mac), &mac_len),
                 PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_mac_verify_setup(&op, id, PSA_ALG_CMAC), PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_mac_abort(&op), PSA_SUCCESS);
#endif
    (void)id;
    (void)id2;
    (void)t;
}

/*
 * HMAC is only defined for the hashes of the spec's Table 14 (it needs an
 * HMAC block size): SHA-256/192 and the SHAKE-based hashes are not
 * supported with HMAC, as the spec recommends.
 */
static void test_hmac_undefined_hashes(void)
{
#if defined(PSA_WANT_ALG_HMAC) && defined(PSA_WANT_KEY_TYPE_HMAC)
    static const psa_algorithm_t hashes[] = {
        PSA_ALG_SHA_256_192, PSA_ALG_SHAKE128_256, PSA_ALG_SHAKE256_192, PSA_ALG_SHAKE256_256,
        PSA_ALG_SHAKE256_512, PSA_ALG_ASCON_HASH256,
    };
    uint8_t key[32], msg[20], mac[PSA_MAC_MAX_SIZE];
    size_t i, mac_len = 0;

    cit_test_rand_bytes(key, sizeof(key));
    cit_test_rand_bytes(msg, sizeof(msg));
    for (i = 0; i < sizeof(hashes) / sizeof(hashes[0]); i++) {
        psa_algorithm_t alg = PSA_ALG_HMAC(hashes[i]);
        psa_key_id_t id = 0;
        psa_mac_operation_t op = PSA_MAC_OPERATION_INIT;

        CHECK_STATUS(import_key(PSA_KEY_TYPE_HMAC, key, sizeof(key), alg, USAGE_SV, &id),
                     PSA_SUCCESS);
        CHECK_STATUS(psa_mac_compute(id, alg, msg, sizeof(msg), mac, sizeof(mac), &mac_len),
                     PSA_ERROR_NOT_SUPPORTED);
        CHECK_STATUS(psa_mac_verify_setup(&op, id, alg), PSA_ERROR_NOT_SUPPORTED);
        CHECK_STATUS(psa_mac_update(&op, msg, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    }
#endif
}

/* ---- State machine ---- */

static void test_state_machine(void)
{
    const mac_info_t *m = NULL;
    size_t i;

    /* Inactive objects, however initialized. */
    {
        psa_mac_operation_t a = PSA_MAC_OPERATION_INIT;
        psa_mac_operation_t b = psa_mac_operation_init();
        psa_mac_operation_t c;
        uint8_t buf[PSA_MAC_MAX_SIZE];
        size_t len = 5;

        memset(&c, 0, sizeof(c));
        memset(buf, 0, sizeof(buf));
        CHECK_STATUS(psa_mac_update(&a, buf, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_mac_update(&b, buf, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_mac_update(&c, buf, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_mac_sign_finish(&a, buf, sizeof(buf), &len), PSA_ERROR_BAD_STATE);
        CHECK(len == 0);
        CHECK_STATUS(psa_mac_verify_finish(&b, buf, 16), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_mac_abort(&a), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_abort(&b), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_abort(&c), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_abort(&c), PSA_SUCCESS);
    }

    /* The rest runs on every built algorithm. */
    for (i = 0; macs[i].name != NULL; i++) {
        uint8_t key[64], msg[96], tag[PSA_MAC_MAX_SIZE], out[PSA_MAC_MAX_SIZE];
        uint8_t key2[64];
        size_t full, key_len, tag_len = 0, out_len = 0, block;
        psa_key_id_t id = 0, id2 = 0;
        psa_mac_operation_t op = PSA_MAC_OPERATION_INIT;
        psa_mac_operation_t op2 = PSA_MAC_OPERATION_INIT;

        m = &macs[i];
        full = full_length(m);
        block = block_length(m);
        key_len = m->key_bytes != 0 ? m->key_bytes : 32;
        cit_test_rand_bytes(key, sizeof(key));
        cit_test_rand_bytes(key2, sizeof(key2));
        cit_test_rand_bytes(msg, sizeof(msg));
        CHECK_STATUS(import_key(key_type(m), key, key_len, m->alg, USAGE_SV, &id), PSA_SUCCESS);
        CHECK_STATUS(import_key(key_type(m), key2, key_len, m->alg, USAGE_SV, &id2), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_compute(id, m->alg, msg, sizeof(msg), tag, sizeof(tag), &tag_len),
                     PSA_SUCCESS);
        CHECK(tag_len == full);
        CHECK(PSA_MAC_LENGTH(key_type(m), 8 * key_len, m->alg) == full);

        /* sign_finish on a verify operation: BAD_STATE, then the error state. */
        CHECK_STATUS(psa_mac_verify_setup(&op, id, m->alg), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_update(&op, msg, sizeof(msg)), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_sign_finish(&op, out, sizeof(out), &out_len), PSA_ERROR_BAD_STATE);
        CHECK(out_len == 0);
        CHECK_STATUS(psa_mac_update(&op, msg, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_mac_verify_finish(&op, tag, tag_len), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_mac_abort(&op), PSA_SUCCESS);
        /* verify_finish on a sign operation: BAD_STATE, then the error state. */
        CHECK_STATUS(psa_mac_sign_setup(&op, id, m->alg), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_update(&op, msg, sizeof(msg)), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_verify_finish(&op, tag, tag_len), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_mac_sign_finish(&op, out, sizeof(out), &out_len), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_mac_sign_setup(&op, id, m->alg), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_mac_abort(&op), PSA_SUCCESS);

        /* Setup on an active operation: BAD_STATE, the first operation is intact. */
        CHECK_STATUS(psa_mac_sign_setup(&op, id, m->alg), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_update(&op, msg, 48), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_sign_setup(&op, id2, m->alg), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_mac_verify_setup(&op, id2, m->alg), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_mac_sign_setup(&op, 0, 0), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_mac_update(&op, msg + 48, sizeof(msg) - 48), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_sign_finish(&op, out, full, &out_len), PSA_SUCCESS);
        CHECK(out_len == full);
        CHECK_MEM(out, tag, full);
        /* After finish: inactive. */
        CHECK_STATUS(psa_mac_update(&op, msg, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_mac_sign_finish(&op, out, sizeof(out), &out_len), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_mac_abort(&op), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_verify_setup(&op, id, m->alg), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_update(&op, msg, 48), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_verify_setup(&op, id, m->alg), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_mac_update(&op, msg + 48, sizeof(msg) - 48), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_verify_finish(&op, tag, tag_len), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_verify_finish(&op, tag, tag_len), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_mac_abort(&op), PSA_SUCCESS);

        /* Two operations at once are independent. */
        CHECK_STATUS(psa_mac_sign_setup(&op, id, m->alg), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_verify_setup(&op2, id, m->alg), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_update(&op, msg, 10), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_update(&op2, msg, 50), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_update(&op, msg + 10, sizeof(msg) - 10), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_update(&op2, msg + 50, sizeof(msg) - 50), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_verify_finish(&op2, tag, tag_len), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_sign_finish(&op, out, sizeof(out), &out_len), PSA_SUCCESS);
        CHECK_MEM(out, tag, full);

        /* sign_finish with too small a buffer: BUFFER_TOO_SMALL, then the error state. */
        CHECK_STATUS(psa_mac_sign_setup(&op, id, m->alg), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_update(&op, msg, sizeof(msg)), PSA_SUCCESS);
        out_len = 5;
        CHECK_STATUS(psa_mac_sign_finish(&op, out, full - 1, &out_len),
                     PSA_ERROR_BUFFER_TOO_SMALL);
        CHECK(out_len == 0);
        CHECK_STATUS(psa_mac_update(&op, msg, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_mac_sign_finish(&op, out, sizeof(out), &out_len), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_mac_abort(&op), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_sign_setup(&op, id, m->alg), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_update(&op, msg, sizeof(msg)), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_sign_finish(&op, out, full, &out_len), PSA_SUCCESS);
        CHECK_MEM(out, tag, full);
        /* A truncated MAC needs only its own length of buffer. */
        {
            psa_algorithm_t alg10 = PSA_ALG_TRUNCATED_MAC(m->alg, 10);
            psa_key_id_t id10 = 0;

            CHECK_STATUS(import_key(key_type(m), key, key_len, alg10, USAGE_SV, &id10),
                         PSA_SUCCESS);
            CHECK_STATUS(psa_mac_compute(id10, alg10, msg, sizeof(msg), out, 10, &out_len),
                         PSA_SUCCESS);
            CHECK(out_len == 10);
            CHECK_MEM(out, tag, 10);
            CHECK_STATUS(psa_mac_compute(id10, alg10, msg, sizeof(msg), out, 9, &out_len),
                         PSA_ERROR_BUFFER_TOO_SMALL);
            CHECK_STATUS(psa_mac_verify(id10, alg10, msg, sizeof(msg), tag, 10), PSA_SUCCESS);
            CHECK_STATUS(psa_mac_verify(id10, alg10, msg, sizeof(msg), tag, full),
                         full == 10 ? PSA_SUCCESS : PSA_ERROR_INVALID_SIGNATURE);
            CHECK_STATUS(psa_destroy_key(id10), PSA_SUCCESS);
        }

        /* verify_finish with a wrong tag: INVALID_SIGNATURE, then the error state. */
        tag[0] ^= 1;
        CHECK_STATUS(psa_mac_verify_setup(&op, id, m->alg), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_update(&op, msg, sizeof(msg)), PSA_SUCCESS);
        CHECK_STATUS(psa_mac_verify_finish(&op, tag, tag_len), PSA_ERROR_INVALID_SIGNATURE);
        tag[0] ^= 1;
        CHECK_STATUS(psa_mac_verify_finish(&op, tag, tag_len), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_mac_update(&op, msg, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_mac_abort(&op), PSA_SUCCESS);
        /* Wrong lengths (short, long, empty). */
        CHECK_STATUS(psa_mac_verify(id, m->alg, msg, sizeof(msg), tag, tag_len - 1),
                     PSA_ERROR_INVALID_SIGNATURE);
        memcpy(out, tag, tag_len);
        out[tag_len < sizeof(out) ? tag_len : 0] = 0;
        if (tag_len < sizeof(out)) {
            CHECK_STATUS(psa_mac_verify(id, m->alg, msg, sizeof(msg), out, tag_len + 1),
                         PSA_ERROR_INVALID_SIGNATURE);
        }
        CHECK_STATUS(psa_mac_verify(id, m->alg, msg, sizeof(msg), NULL, 0),
                     PSA_ERROR_INVALID_SIGNATURE);
        CHECK_STATUS(psa_mac_verify(id, m->alg, msg, sizeof(msg), tag, tag_len), PSA_SUCCESS);
        /* The wrong key. */
        CHECK_STATUS(psa_mac_verify(id2, m->alg, msg, sizeof(msg), tag, tag_len),
                     PSA_ERROR_INVALID_SIGNATURE);

        /* CBC-MAC over a partial block: an error at finish, then the error state. */
        if (m->kind == KIND_CBC_MAC) {
            CHECK_STATUS(psa_mac_sign_setup(&op, id, m->alg), PSA_SUCCESS);
            CHECK_STATUS(psa_mac_update(&op, msg, 33), PSA_SUCCESS);
            CHECK_STATUS(psa_mac_sign_finish(&op, out, sizeof(out), &out_len),
                         PSA_ERROR_INVALID_ARGUMENT);
            CHECK(out_len == 0);
            CHECK_STATUS(psa_mac_update(&op, msg, 15), PSA_ERROR_BAD_STATE);
            CHECK_STATUS(psa_mac_abort(&op), PSA_SUCCESS);
            CHECK_STATUS(psa_mac_verify_setup(&op, id, m->alg), PSA_SUCCESS);
            CHECK_STATUS(psa_mac_update(&op, msg, 17), PSA_SUCCESS);
            CHECK_STATUS(psa_mac_verify_finish(&op, tag, 16), PSA_ERROR_INVALID_ARGUMENT);
            CHECK_STATUS(psa_mac_verify_finish(&op, tag, 16), PSA_ERROR_BAD_STATE);
            CHECK_STATUS(psa_mac_abort(&op), PSA_SUCCESS);
            /* The empty message has no last block either. */
            CHECK_STATUS(psa_mac_compute(id, m->alg, NULL, 0, out, sizeof(out), &out_len),
                         PSA_ERROR_INVALID_ARGUMENT);
        }

        /*
         * A key destroyed while an operation runs. Citadel keys the operation
         * at setup, so the operation may complete; the spec says destroying
         * a key in use makes the operation fail. Either way: no crash, a
         * correct tag if it succeeds, and the id is gone afterwards.
         */
        {
            psa_status_t s;

            CHECK_STATUS(psa_mac_sign_setup(&op, id2, m->alg), PSA_SUCCESS);
            CHECK_STATUS(psa_mac_update(&op, msg, 30), PSA_SUCCESS);
            CHECK_STATUS(psa_destroy_key(id2), PSA_SUCCESS);
            s = psa_mac_update(&op, msg + 30, sizeof(msg) - 30);
            if (s == PSA_SUCCESS) {
                s = psa_mac_sign_finish(&op, out, sizeof(out), &out_len);
            }
            if (s == PSA_SUCCESS) {
                uint8_t want[PSA_MAC_MAX_SIZE];
                if (m->available && oracle(m, key2, key_len, msg, sizeof(msg), want)) {
                    CHECK_MEM(out, want, full);
                }
            }
            if (current_path == 1 && i == 0) {
                printf("  note: a MAC operation whose key is destroyed mid-way %s (status %d)\n",
                       s == PSA_SUCCESS ? "completes" : "fails", (int)s);
            }
            CHECK_STATUS(psa_mac_abort(&op), PSA_SUCCESS);
            CHECK_STATUS(psa_mac_sign_setup(&op, id2, m->alg), PSA_ERROR_INVALID_HANDLE);
            CHECK_STATUS(psa_mac_verify(id2, m->alg, msg, sizeof(msg), tag, tag_len),
                         PSA_ERROR_INVALID_HANDLE);
            CHECK_STATUS(psa_mac_abort(&op), PSA_SUCCESS);
        }
        CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
        (void)block;
    }
}

/* ---- OpenSSL setup ---- */

static void setup_oracles(void)
{
    size_t i;
    uint8_t key[32] = { 1 }, msg[32] = { 2 }, out[PSA_MAC_MAX_SIZE];

    ossl_hmac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    ossl_cmac = EVP_MAC_fetch(NULL, "CMAC", NULL);
    for (i = 0; macs[i].name != NULL; i++) {
        mac_info_t *m = &macs[i];

        m->available = oracle(m, key, m->key_bytes != 0 ? m->key_bytes : 20, msg, 32, out);
        if (!m->available && m->kind == KIND_HMAC && legacy_provider == NULL) {
            /* MD5 / RIPEMD-160 may live in the legacy provider only. */
            default_provider = OSSL_PROVIDER_load(NULL, "default");
            legacy_provider = OSSL_PROVIDER_load(NULL, "legacy");
            m->available = oracle(m, key, 20, msg, 32, out);
        }
        if (!m->available) {
            printf("note: OpenSSL cannot compute %s (legacy provider %s): its differential "
                   "is skipped\n",
                   m->name, legacy_provider != NULL ? "loaded" : "not available");
        }
    }
}

static void release_oracles(void)
{
    EVP_MAC_free(ossl_hmac);
    EVP_MAC_free(ossl_cmac);
    if (legacy_provider != NULL) {
        OSSL_PROVIDER_unload(legacy_provider);
    }
    if (default_provider != NULL) {
        OSSL_PROVIDER_unload(default_provider);
    }
}

int main(void)
{
    size_t i;
    int path;

    CHECK_STATUS(psa_crypto_init(), PSA_SUCCESS);
    setup_oracles();
    for (path = 1; path >= 0; path--) {
        current_path = path;
        citadel_set_accelerators(path);
        cit_test_rand_seed(0x4d4143u + (uint64_t)path);
        printf("== driver path: %s\n", path ? "accelerators enabled" : "builtin only");
        test_rfc();
        test_wycheproof_hmac();
        test_wycheproof_cmac();
        test_differential();
        test_policy();
        test_hmac_undefined_hashes();
        test_state_machine();
        printf("   checks so far: %lu, failures: %lu\n", cit_test_checks, cit_test_failures);
    }
    citadel_set_accelerators(1);

    printf("cases (both paths; a differential case counts each checked computation: "
           "compute, multi-part sign, verify, multi-part verify, bad tags, bad lengths)\n");
    printf("  RFC 4231/4493 known answers: %lu, Wycheproof AES-CMAC: %lu (+%lu keys rejected)\n",
           rfc_cases, cmac_vectors, cmac_rejected_keys);
    for (i = 0; macs[i].name != NULL; i++) {
        printf("  %-17s Wycheproof %4lu  differential %5lu\n", macs[i].name, counts[i].vectors,
               counts[i].diff);
    }
    release_oracles();
    if (vectors_missing && cit_test_failures == 0) {
        cit_test_end("mac_api");
        cit_test_skip(missing_reason);
    }
    return cit_test_end("mac_api");
}
