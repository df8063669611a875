/*
 * test_aead.c - the AEAD API (psa_aead_*) at the PSA level, on both driver
 * paths (accelerators enabled, builtin only), with AES-GCM:
 *   - Wycheproof aes_gcm_test.json through psa_aead_encrypt/decrypt and the
 *     multi-part operation (random splits, with and without
 *     psa_aead_set_lengths), every valid result also at each shortened tag
 *     length (PSA_ALG_AEAD_WITH_SHORTENED_TAG: 4, 8, 12..15), invalid ones
 *     rejected with INVALID_SIGNATURE and the plaintext wiped;
 *   - differential against OpenSSL (EVP_aes_*_gcm): random keys, nonces of
 *     1..64 bytes or generated ones, AAD, text, tag lengths and policies;
 *   - every documented error and state transition: the order of calls,
 *     BAD_STATE entering the error state, setup on an active operation,
 *     buffer sizes and the size macros, tag checks, set_lengths enforcement,
 *     GCM limits, nonce lengths, a key destroyed during an operation;
 *   - key policy: usage flags, exact and at-least-this-length algorithms,
 *     invalid tag lengths, key types, unsupported AEAD algorithms,
 *     psa_check_key_usage and copy-policy intersection.
 * In a configuration without PSA_WANT_ALG_GCM the API must answer
 * PSA_ERROR_NOT_SUPPORTED; that is what this file tests there.
 */
#include <psa/crypto.h>
#include <citadel/citadel.h>
#include <citadel/citadel_config.h>

#include "test.h"

#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#define USAGE_ED (PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT)
#define GCM PSA_ALG_GCM

static psa_status_t import_key(psa_key_type_t type, const uint8_t *key, size_t key_len,
                               psa_algorithm_t policy, psa_key_usage_t usage, psa_key_id_t *id)
{
    psa_key_attributes_t attr = PSA_KEY_ATTRIBUTES_INIT;

    psa_set_key_type(&attr, type);
    psa_set_key_algorithm(&attr, policy);
    psa_set_key_usage_flags(&attr, usage);
    return psa_import_key(&attr, key, key_len, id);
}

static int all_zero(const uint8_t *p, size_t n)
{
    uint8_t acc = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        acc |= p[i];
    }
    return acc == 0;
}

#if defined(PSA_WANT_ALG_GCM) && defined(PSA_WANT_KEY_TYPE_AES)

#define MAX_TEXT 2100
#define DIFF_CASES 700

static const size_t gcm_tags[] = { 4, 8, 12, 13, 14, 15, 16 };

static unsigned long wp_valid, wp_invalid, wp_iv0, diff_cases, state_checks_runs;
static int vectors_missing;
static int current_path;

static psa_algorithm_t gcm_with_tag(size_t tag_len)
{
    return tag_len == 16 ? GCM : PSA_ALG_AEAD_WITH_SHORTENED_TAG(GCM, tag_len);
}

/* ---- Multi-part helpers with random splits ---- */

static size_t piece(size_t left)
{
    size_t n;

    switch (cit_test_rnd(5)) {
    case 0:
        n = 0;
        break;
    case 1:
        n = 1 + cit_test_rnd(17);
        break;
    case 2:
        n = 16 * (1 + cit_test_rnd(8)) + cit_test_rnd(3) - 1;
        break;
    case 3:
        n = cit_test_rnd(left + 1);
        break;
    default:
        n = left;
        break;
    }
    return n < left ? n : left;
}

static psa_status_t feed_ad(psa_aead_operation_t *op, const uint8_t *ad, size_t len)
{
    size_t off = 0;

    do {
        size_t n = piece(len - off);
        const uint8_t *p = (n == 0 && cit_test_rnd(2) == 0) ? NULL : ad + off;
        psa_status_t status = psa_aead_update_ad(op, p, n);

        if (status != PSA_SUCCESS) {
            return status;
        }
        off += n;
    } while (off < len || cit_test_rnd(4) == 0);
    return PSA_SUCCESS;
}

/* feed_text runs len bytes through psa_aead_update; *out_len is what came out. */
static psa_status_t feed_text(psa_aead_operation_t *op, const uint8_t *in, size_t len,
                              uint8_t *out, size_t out_cap, size_t *out_len)
{
    size_t off = 0;

    *out_len = 0;
    do {
        size_t n = piece(len - off);
        size_t got = 99;
        size_t room = out_cap - *out_len;
        size_t size = cit_test_rnd(2) ? room : (n < room ? n : room);
        const uint8_t *p = (n == 0 && cit_test_rnd(2) == 0) ? NULL : in + off;
        psa_status_t status = psa_aead_update(op, p, n, out + *out_len, size, &got);

        if (status != PSA_SUCCESS) {
            CHECK(got == 0);
            return status;
        }
        CHECK(got == n);
        CHECK(got <= PSA_AEAD_UPDATE_OUTPUT_SIZE(PSA_KEY_TYPE_AES, GCM, n));
        CHECK(got <= PSA_AEAD_UPDATE_OUTPUT_MAX_SIZE(n));
        *out_len += got;
        off += n;
    } while (off < len || cit_test_rnd(4) == 0);
    return PSA_SUCCESS;
}

/*
 * encrypt_multi: a multi-part encryption writing ct (len bytes) and the tag.
 * A nonce of length 0 with nonce == NULL means "generate one" into gen_nonce.
 */
static psa_status_t encrypt_multi(psa_key_id_t id, psa_algorithm_t alg, const uint8_t *nonce,
                                  size_t nonce_len, uint8_t *gen_nonce, const uint8_t *ad,
                                  size_t ad_len, const uint8_t *pt, size_t len, uint8_t *ct,
                                  uint8_t *tag, size_t tag_size, size_t *tag_len)
{
    psa_aead_operation_t op = PSA_AEAD_OPERATION_INIT;
    psa_status_t status;
    size_t n = 0, fin = 77;
    uint8_t last[16];

    *tag_len = 0;
    status = psa_aead_encrypt_setup(&op, id, alg);
    if (status == PSA_SUCCESS && cit_test_rnd(2) == 0) {
        status = psa_aead_set_lengths(&op, ad_len, len);
    }
    if (status == PSA_SUCCESS) {
        if (nonce == NULL) {
            size_t glen = 0;

            status = psa_aead_generate_nonce(&op, gen_nonce, PSA_AEAD_NONCE_MAX_SIZE, &glen);
            CHECK(status != PSA_SUCCESS || glen == 12);
        } else {
            status = psa_aead_set_nonce(&op, nonce, nonce_len);
        }
    }
    if (status == PSA_SUCCESS) {
        status = feed_ad(&op, ad, ad_len);
    }
    if (status == PSA_SUCCESS) {
        status = feed_text(&op, pt, len, ct, len, &n);
        CHECK(status != PSA_SUCCESS || n == len);
    }
    if (status == PSA_SUCCESS) {
        status = psa_aead_finish(&op, last, cit_test_rnd(2) ? sizeof(last) : 0, &fin, tag, tag_size,
                                 tag_len);
        CHECK(status != PSA_SUCCESS || fin == 0);
        CHECK(fin <= PSA_AEAD_FINISH_OUTPUT_SIZE(PSA_KEY_TYPE_AES, GCM));
        if (status == PSA_SUCCESS) {
            /* Terminated: inactive again. */
            CHECK_STATUS(psa_aead_update_ad(&op, ad, 0), PSA_ERROR_BAD_STATE);
        }
    }
    CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);
    return status;
}

/* decrypt_multi: a multi-part decryption of len bytes of ct with the given tag. */
static psa_status_t decrypt_multi(psa_key_id_t id, psa_algorithm_t alg, const uint8_t *nonce,
                                  size_t nonce_len, const uint8_t *ad, size_t ad_len,
                                  const uint8_t *ct, size_t len, const uint8_t *tag,
                                  size_t tag_len, uint8_t *pt)
{
    psa_aead_operation_t op = PSA_AEAD_OPERATION_INIT;
    psa_status_t status;
    size_t n = 0, fin = 77;
    uint8_t last[16];

    status = psa_aead_decrypt_setup(&op, id, alg);
    if (status == PSA_SUCCESS && cit_test_rnd(2) == 0) {
        status = psa_aead_set_lengths(&op, ad_len, len);
    }
    if (status == PSA_SUCCESS) {
        status = psa_aead_set_nonce(&op, nonce, nonce_len);
    }
    if (status == PSA_SUCCESS) {
        status = feed_ad(&op, ad, ad_len);
    }
    if (status == PSA_SUCCESS) {
        status = feed_text(&op, ct, len, pt, len, &n);
        CHECK(status != PSA_SUCCESS || n == len);
    }
    if (status == PSA_SUCCESS) {
        status = psa_aead_verify(&op, last, cit_test_rnd(2) ? sizeof(last) : 0, &fin, tag, tag_len);
        CHECK(fin == 0);
        CHECK(PSA_AEAD_VERIFY_OUTPUT_SIZE(PSA_KEY_TYPE_AES, GCM) <=
              PSA_AEAD_VERIFY_OUTPUT_MAX_SIZE);
        if (status != PSA_SUCCESS) {
            /* A failed verify leaves the error state. */
            CHECK_STATUS(psa_aead_verify(&op, last, sizeof(last), &fin, tag, tag_len),
                         PSA_ERROR_BAD_STATE);
            CHECK_STATUS(psa_aead_update(&op, ct, 0, pt, 0, &n), PSA_ERROR_BAD_STATE);
        }
    }
    CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);
    return status;
}

/*
 * check_good: (alg, nonce, ad, pt) encrypts to (ct, tag) in one shot and
 * multi-part, and both decryptions give pt back.
 */
static void check_good(psa_key_id_t id, psa_algorithm_t alg, const uint8_t *nonce,
                       size_t nonce_len, const uint8_t *ad, size_t ad_len, const uint8_t *pt,
                       size_t len, const uint8_t *ct, const uint8_t *tag, size_t tag_len)
{
    static uint8_t buf[MAX_TEXT + 16], out[MAX_TEXT + 16];
    uint8_t t[16];
    size_t out_len = 0, got_tag = 0;

    memcpy(buf, ct, len);
    memcpy(buf + len, tag, tag_len);
    CHECK(PSA_AEAD_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, alg, len) == len + tag_len);
    CHECK(PSA_AEAD_DECRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, alg, len + tag_len) == (len ? len : 0));
    CHECK(PSA_AEAD_TAG_LENGTH(PSA_KEY_TYPE_AES, 128, alg) == tag_len);

    memset(out, 0xa5, sizeof(out));
    CHECK_STATUS(psa_aead_encrypt(id, alg, nonce, nonce_len, ad, ad_len, pt, len, out,
                                  cit_test_rnd(2) ? len + tag_len : sizeof(out), &out_len),
                 PSA_SUCCESS);
    CHECK(out_len == len + tag_len);
    CHECK_MEM(out, buf, len + tag_len);

    memset(out, 0xa5, sizeof(out));
    CHECK_STATUS(encrypt_multi(id, alg, nonce, nonce_len, NULL, ad, ad_len, pt, len, out, t,
                               cit_test_rnd(2) ? tag_len : sizeof(t), &got_tag),
                 PSA_SUCCESS);
    CHECK(got_tag == tag_len);
    CHECK_MEM(out, ct, len);
    CHECK_MEM(t, tag, tag_len);

    memset(out, 0xa5, sizeof(out));
    CHECK_STATUS(psa_aead_decrypt(id, alg, nonce, nonce_len, ad, ad_len, buf, len + tag_len, out,
                                  cit_test_rnd(2) ? len : sizeof(out), &out_len),
                 PSA_SUCCESS);
    CHECK(out_len == len);
    CHECK_MEM(out, pt, len);

    memset(out, 0xa5, sizeof(out));
    CHECK_STATUS(decrypt_multi(id, alg, nonce, nonce_len, ad, ad_len, ct, len, tag, tag_len, out),
                 PSA_SUCCESS);
    CHECK_MEM(out, pt, len);
}

/* check_bad: (ct, tag) is not authentic: both decryptions fail, the one-shot output is wiped. */
static void check_bad(psa_key_id_t id, psa_algorithm_t alg, const uint8_t *nonce,
                      size_t nonce_len, const uint8_t *ad, size_t ad_len, const uint8_t *ct,
                      size_t len, const uint8_t *tag, size_t tag_len)
{
    static uint8_t buf[MAX_TEXT + 16], out[MAX_TEXT + 16];
    size_t out_len = 99;

    memcpy(buf, ct, len);
    memcpy(buf + len, tag, tag_len);
    memset(out, 0xa5, sizeof(out));
    CHECK_STATUS(psa_aead_decrypt(id, alg, nonce, nonce_len, ad, ad_len, buf, len + tag_len, out,
                                  sizeof(out), &out_len),
                 PSA_ERROR_INVALID_SIGNATURE);
    CHECK(out_len == 0);
    CHECK(all_zero(out, len));
    CHECK_STATUS(decrypt_multi(id, alg, nonce, nonce_len, ad, ad_len, ct, len, tag, tag_len, out),
                 PSA_ERROR_INVALID_SIGNATURE);
}

/* ---- Wycheproof ---- */

static void wycheproof_case(const cit_json_t *t)
{
    const char *result = cit_json_str(t, "result");
    size_t kl, ivl, al, ml, cl, tl, i;
    uint8_t *key = cit_hex_decode(cit_json_str(t, "key"), &kl);
    uint8_t *iv = cit_hex_decode(cit_json_str(t, "iv"), &ivl);
    uint8_t *aad = cit_hex_decode(cit_json_str(t, "aad"), &al);
    uint8_t *msg = cit_hex_decode(cit_json_str(t, "msg"), &ml);
    uint8_t *ct = cit_hex_decode(cit_json_str(t, "ct"), &cl);
    uint8_t *tag = cit_hex_decode(cit_json_str(t, "tag"), &tl);
    psa_key_id_t id = 0;

    CHECK(key && iv && aad && msg && ct && tag && result);
    if (!(key && iv && aad && msg && ct && tag && result) || cl > MAX_TEXT || tl != 16) {
        CHECK(0);
        goto done;
    }
    /* Any tag length: the policy is the at-least-1 wildcard. */
    CHECK_STATUS(import_key(PSA_KEY_TYPE_AES, key, kl,
                            PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(GCM, 1), USAGE_ED, &id),
                 PSA_SUCCESS);
    if (ivl == 0) {
        /* A GCM nonce has at least one byte. */
        uint8_t out[MAX_TEXT + 16];
        size_t out_len = 0;
        psa_aead_operation_t op = PSA_AEAD_OPERATION_INIT;

        CHECK(strcmp(result, "invalid") == 0);
        CHECK_STATUS(psa_aead_encrypt(id, GCM, iv, 0, aad, al, msg, ml, out, sizeof(out),
                                      &out_len),
                     PSA_ERROR_INVALID_ARGUMENT);
        memcpy(out, ct, cl);
        memcpy(out + cl, tag, tl);
        CHECK_STATUS(psa_aead_decrypt(id, GCM, iv, 0, aad, al, out, cl + tl, out, sizeof(out),
                                      &out_len),
                     PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_aead_decrypt_setup(&op, id, GCM), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_set_nonce(&op, iv, 0), PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_aead_update_ad(&op, aad, al), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);
        wp_iv0++;
    } else if (strcmp(result, "valid") == 0) {
        CHECK(ml == cl);
        for (i = 0; i < sizeof(gcm_tags) / sizeof(gcm_tags[0]); i++) {
            check_good(id, gcm_with_tag(gcm_tags[i]), iv, ivl, aad, al, msg, ml, ct, tag,
                       gcm_tags[i]);
        }
        /* One flipped tag bit. */
        tag[cit_test_rnd(16)] ^= (uint8_t)(1u << cit_test_rnd(8));
        check_bad(id, GCM, iv, ivl, aad, al, ct, cl, tag, 16);
        wp_valid++;
    } else {
        CHECK(strcmp(result, "invalid") == 0);
        check_bad(id, GCM, iv, ivl, aad, al, ct, cl, tag, 16);
        wp_invalid++;
    }
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
done:
    free(key);
    free(iv);
    free(aad);
    free(msg);
    free(ct);
    free(tag);
}

static void test_wycheproof(void)
{
    char *path = cit_vector_path("wycheproof/testvectors_v1/aes_gcm_test.json");
    cit_json_t *doc;
    const cit_json_t *groups;
    size_t g, k;

    if (path == NULL) {
        vectors_missing = 1;
        return;
    }
    doc = cit_json_parse_file(path);
    free(path);
    CHECK(doc != NULL);
    if (doc == NULL) {
        return;
    }
    groups = cit_json_get(doc, "testGroups");
    CHECK(groups != NULL && groups->type == CIT_JSON_ARRAY);
    for (g = 0; groups != NULL && g < groups->count; g++) {
        const cit_json_t *tests = cit_json_get(groups->items[g], "tests");

        CHECK(tests != NULL && cit_json_num(groups->items[g], "tagSize", 0) == 128);
        for (k = 0; tests != NULL && k < tests->count; k++) {
            wycheproof_case(tests->items[k]);
        }
    }
    cit_json_free(doc);
}

/* ---- Differential against OpenSSL ---- */

static int oracle(const uint8_t *key, size_t key_len, const uint8_t *iv, size_t iv_len,
                  const uint8_t *aad, size_t aad_len, const uint8_t *pt, size_t len, uint8_t *ct,
                  uint8_t tag[16])
{
    const EVP_CIPHER *cipher = key_len == 16   ? EVP_aes_128_gcm()
                               : key_len == 24 ? EVP_aes_192_gcm()
                                               : EVP_aes_256_gcm();
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int n = 0, ok;

    ok = c != NULL && EVP_EncryptInit_ex(c, cipher, NULL, NULL, NULL) == 1 &&
         EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_IVLEN, (int)iv_len, NULL) == 1 &&
         EVP_EncryptInit_ex(c, NULL, NULL, key, iv) == 1;
    if (ok && aad_len > 0) {
        ok = EVP_EncryptUpdate(c, NULL, &n, aad, (int)aad_len) == 1;
    }
    if (ok && len > 0) {
        ok = EVP_EncryptUpdate(c, ct, &n, pt, (int)len) == 1 && (size_t)n == len;
    }
    ok = ok && EVP_EncryptFinal_ex(c, ct + len, &n) == 1 &&
         EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, 16, tag) == 1;
    EVP_CIPHER_CTX_free(c);
    return ok;
}

static void test_differential(void)
{
    static uint8_t pt[MAX_TEXT], ct[MAX_TEXT], out[MAX_TEXT];
    uint8_t key[32], nonce[PSA_AEAD_NONCE_MAX_SIZE + 64], aad[100], want[16], tag[16];
    int i;

    for (i = 0; i < DIFF_CASES; i++) {
        size_t key_len = 16 + 8 * cit_test_rnd(3);
        size_t nonce_len = cit_test_rnd(3) == 0 ? 12 : 1 + cit_test_rnd(64);
        size_t aad_len = cit_test_rnd(101);
        size_t len = cit_test_rnd(3) == 0 ? cit_test_rnd(50) : cit_test_rnd(MAX_TEXT + 1);
        size_t t = gcm_tags[cit_test_rnd(sizeof(gcm_tags) / sizeof(gcm_tags[0]))];
        size_t tag_len = 0;
        psa_algorithm_t alg = gcm_with_tag(t), policy;
        psa_key_id_t id = 0;

        switch (cit_test_rnd(3)) {
        case 0:
            policy = PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(GCM, 1 + cit_test_rnd(t));
            break;
        case 1:
            policy = PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(GCM, t);
            break;
        default:
            policy = alg;
            break;
        }
        cit_test_rand_bytes(key, key_len);
        cit_test_rand_bytes(nonce, nonce_len);
        cit_test_rand_bytes(aad, aad_len);
        cit_test_rand_bytes(pt, len);
        CHECK_STATUS(import_key(PSA_KEY_TYPE_AES, key, key_len, policy, USAGE_ED, &id),
                     PSA_SUCCESS);
        if (i % 5 == 0) {
            /* A generated nonce: 12 random bytes, then the oracle follows it. */
            CHECK_STATUS(encrypt_multi(id, alg, NULL, 0, nonce, aad, aad_len, pt, len, out, tag,
                                       sizeof(tag), &tag_len),
                         PSA_SUCCESS);
            CHECK(tag_len == t);
            CHECK(oracle(key, key_len, nonce, 12, aad, aad_len, pt, len, ct, want));
            CHECK_MEM(out, ct, len);
            CHECK_MEM(tag, want, t);
            nonce_len = 12;
        } else {
            CHECK(oracle(key, key_len, nonce, nonce_len, aad, aad_len, pt, len, ct, want));
        }
        check_good(id, alg, nonce, nonce_len, aad, aad_len, pt, len, ct, want, t);
        if (i % 3 == 0) {
            /* A flipped bit in the ciphertext, the tag, the AAD or the nonce. */
            size_t where = cit_test_rnd(4);

            memcpy(tag, want, t);
            if (where == 0 && len > 0) {
                ct[cit_test_rnd(len)] ^= (uint8_t)(1u << cit_test_rnd(8));
            } else if (where == 1 && aad_len > 0) {
                aad[cit_test_rnd(aad_len)] ^= (uint8_t)(1u << cit_test_rnd(8));
            } else if (where == 2) {
                nonce[cit_test_rnd(nonce_len)] ^= (uint8_t)(1u << cit_test_rnd(8));
            } else {
                tag[cit_test_rnd(t)] ^= (uint8_t)(1u << cit_test_rnd(8));
            }
            check_bad(id, alg, nonce, nonce_len, aad, aad_len, ct, len, tag, t);
        }
        CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
        diff_cases++;
    }
}

/* ---- Policy ---- */

static void test_policy(void)
{
    static const psa_algorithm_t unsupported_on_aes[] = {
        PSA_ALG_CCM, PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 8),
    };
    uint8_t key[32], nonce[12], msg[40], out[80], tag[16];
    size_t out_len = 0, t, i;
    psa_key_id_t id = 0, id2 = 0;
    psa_aead_operation_t op = PSA_AEAD_OPERATION_INIT;
    psa_key_attributes_t attr = PSA_KEY_ATTRIBUTES_INIT;
    const psa_algorithm_t at12 = PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(GCM, 12);

    cit_test_rand_bytes(key, sizeof(key));
    cit_test_rand_bytes(nonce, sizeof(nonce));
    cit_test_rand_bytes(msg, sizeof(msg));

    /* Unknown keys. */
    CHECK_STATUS(psa_aead_encrypt(0, GCM, nonce, 12, NULL, 0, msg, 10, out, sizeof(out),
                                  &out_len),
                 PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_aead_decrypt(0x7fffff00u, GCM, nonce, 12, NULL, 0, msg, 30, out,
                                  sizeof(out), &out_len),
                 PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_aead_encrypt_setup(&op, 0x7fffff00u, GCM), PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_aead_set_nonce(&op, nonce, 12), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);

    /* Usage: ENCRYPT only, DECRYPT only. */
    CHECK_STATUS(import_key(PSA_KEY_TYPE_AES, key, 16, GCM, PSA_KEY_USAGE_ENCRYPT, &id),
                 PSA_SUCCESS);
    CHECK_STATUS(psa_aead_encrypt(id, GCM, nonce, 12, NULL, 0, msg, 10, out, sizeof(out),
                                  &out_len),
                 PSA_SUCCESS);
    CHECK(out_len == 26);
    CHECK_STATUS(psa_aead_decrypt(id, GCM, nonce, 12, NULL, 0, out, out_len, out, sizeof(out),
                                  &out_len),
                 PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_aead_decrypt_setup(&op, id, GCM), PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_aead_set_nonce(&op, nonce, 12), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_aead_encrypt_setup(&op, id, GCM), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);
    CHECK_STATUS(psa_check_key_usage(id, GCM, PSA_KEY_USAGE_ENCRYPT), PSA_SUCCESS);
    CHECK_STATUS(psa_check_key_usage(id, GCM, PSA_KEY_USAGE_DECRYPT), PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(import_key(PSA_KEY_TYPE_AES, key, 16, GCM, PSA_KEY_USAGE_DECRYPT, &id2),
                 PSA_SUCCESS);
    CHECK_STATUS(psa_aead_encrypt(id2, GCM, nonce, 12, NULL, 0, msg, 10, out, sizeof(out),
                                  &out_len),
                 PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_aead_encrypt_setup(&op, id2, GCM), PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_encrypt(id, GCM, nonce, 12, NULL, 0, msg, 10, out, sizeof(out),
                                  &out_len),
                 PSA_SUCCESS);
    CHECK_STATUS(psa_aead_decrypt(id2, GCM, nonce, 12, NULL, 0, out, out_len, out, sizeof(out),
                                  &out_len),
                 PSA_SUCCESS);
    CHECK(out_len == 10);
    CHECK_MEM(out, msg, 10);
    CHECK_STATUS(psa_check_key_usage(id2, GCM, PSA_KEY_USAGE_DECRYPT), PSA_SUCCESS);
    CHECK_STATUS(psa_check_key_usage(id2, GCM, PSA_KEY_USAGE_ENCRYPT), PSA_ERROR_NOT_PERMITTED);
    /* Exact policy GCM: no shortened tag, no other AEAD. */
    CHECK_STATUS(psa_aead_encrypt(id, gcm_with_tag(12), nonce, 12, NULL, 0, msg, 10, out,
                                  sizeof(out), &out_len),
                 PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_aead_encrypt(id, PSA_ALG_CCM, nonce, 12, NULL, 0, msg, 10, out,
                                  sizeof(out), &out_len),
                 PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_check_key_usage(id, gcm_with_tag(12), PSA_KEY_USAGE_ENCRYPT),
                 PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    CHECK_STATUS(psa_destroy_key(id2), PSA_SUCCESS);

    /* At-least-12 wildcard: tags 12..16 permitted, 4 and 8 not. */
    CHECK_STATUS(import_key(PSA_KEY_TYPE_AES, key, 32, at12, USAGE_ED, &id), PSA_SUCCESS);
    for (i = 0; i < sizeof(gcm_tags) / sizeof(gcm_tags[0]); i++) {
        psa_algorithm_t alg = gcm_with_tag(gcm_tags[i]);
        psa_status_t want = gcm_tags[i] >= 12 ? PSA_SUCCESS : PSA_ERROR_NOT_PERMITTED;

        CHECK_STATUS(psa_aead_encrypt(id, alg, nonce, 12, msg, 3, msg, 20, out, sizeof(out),
                                      &out_len),
                     want);
        CHECK_STATUS(psa_check_key_usage(id, alg, PSA_KEY_USAGE_DECRYPT), want);
        CHECK_STATUS(psa_aead_decrypt_setup(&op, id, alg), want);
        CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);
        if (want == PSA_SUCCESS) {
            CHECK(out_len == 20 + gcm_tags[i]);
            CHECK_STATUS(psa_aead_decrypt(id, alg, nonce, 12, msg, 3, out, out_len, out,
                                          sizeof(out), &out_len),
                         PSA_SUCCESS);
            CHECK_MEM(out, msg, 20);
        }
    }
    /* A wildcard is a policy, not an algorithm to use. */
    CHECK_STATUS(psa_aead_encrypt(id, at12, nonce, 12, NULL, 0, msg, 10, out, sizeof(out),
                                  &out_len),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_aead_encrypt_setup(&op, id, at12), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_check_key_usage(id, at12, PSA_KEY_USAGE_ENCRYPT),
                 PSA_ERROR_INVALID_ARGUMENT);
    /* Another AEAD base is not covered; CCM and ChaCha20-Poly1305 are not built (yet). */
    CHECK_STATUS(psa_aead_encrypt(id, PSA_ALG_CCM, nonce, 12, NULL, 0, msg, 10, out,
                                  sizeof(out), &out_len),
                 PSA_ERROR_NOT_PERMITTED);
    /* Usage flags that are not AEAD roles. */
    CHECK_STATUS(psa_check_key_usage(id, gcm_with_tag(12), PSA_KEY_USAGE_SIGN_MESSAGE),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_check_key_usage(id, gcm_with_tag(12), PSA_KEY_USAGE_DERIVE),
                 PSA_ERROR_INVALID_ARGUMENT);

    /* Copy-policy intersection of two wildcards: the stricter minimum. */
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    CHECK_STATUS(import_key(PSA_KEY_TYPE_AES, key, 16,
                            PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(GCM, 8),
                            USAGE_ED | PSA_KEY_USAGE_COPY, &id),
                 PSA_SUCCESS);
    psa_set_key_algorithm(&attr, at12);
    psa_set_key_usage_flags(&attr, USAGE_ED);
    CHECK_STATUS(psa_copy_key(id, &attr, &id2), PSA_SUCCESS);
    psa_reset_key_attributes(&attr);
    CHECK_STATUS(psa_get_key_attributes(id2, &attr), PSA_SUCCESS);
    CHECK(psa_get_key_algorithm(&attr) == at12);
    CHECK_STATUS(psa_aead_encrypt(id2, gcm_with_tag(8), nonce, 12, NULL, 0, msg, 10, out,
                                  sizeof(out), &out_len),
                 PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(psa_destroy_key(id2), PSA_SUCCESS);
    /* A wildcard and a specific algorithm it covers: the specific one. */
    psa_reset_key_attributes(&attr);
    psa_set_key_algorithm(&attr, gcm_with_tag(13));
    psa_set_key_usage_flags(&attr, USAGE_ED);
    CHECK_STATUS(psa_copy_key(id, &attr, &id2), PSA_SUCCESS);
    psa_reset_key_attributes(&attr);
    CHECK_STATUS(psa_get_key_attributes(id2, &attr), PSA_SUCCESS);
    CHECK(psa_get_key_algorithm(&attr) == gcm_with_tag(13));
    CHECK_STATUS(psa_destroy_key(id2), PSA_SUCCESS);
    /* ...and one it does not cover: nothing in common. */
    psa_reset_key_attributes(&attr);
    psa_set_key_algorithm(&attr, gcm_with_tag(4));
    psa_set_key_usage_flags(&attr, USAGE_ED);
    CHECK_STATUS(psa_copy_key(id, &attr, &id2), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);

    /* Tag lengths GCM does not define are invalid algorithms. */
    for (t = 0; t <= 20; t++) {
        psa_algorithm_t alg = PSA_ALG_AEAD_WITH_SHORTENED_TAG(GCM, t);
        int valid = t == 4 || t == 8 || (t >= 12 && t <= 16);

        if (valid) {
            continue;
        }
        CHECK_STATUS(import_key(PSA_KEY_TYPE_AES, key, 16, alg, USAGE_ED, &id), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_encrypt(id, alg, nonce, 12, NULL, 0, msg, 10, out, sizeof(out),
                                      &out_len),
                     PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_aead_decrypt(id, alg, nonce, 12, NULL, 0, msg, 30, out, sizeof(out),
                                      &out_len),
                     PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_aead_encrypt_setup(&op, id, alg), PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);
        CHECK_STATUS(psa_check_key_usage(id, alg, PSA_KEY_USAGE_ENCRYPT),
                     PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    }

    /* Key types: GCM needs a 16-byte block cipher; an HMAC key is not one. */
#if defined(PSA_WANT_KEY_TYPE_HMAC)
    CHECK_STATUS(import_key(PSA_KEY_TYPE_HMAC, key, 16, GCM, USAGE_ED, &id), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_encrypt(id, GCM, nonce, 12, NULL, 0, msg, 10, out, sizeof(out),
                                  &out_len),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_aead_decrypt_setup(&op, id, GCM), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);
    CHECK_STATUS(psa_check_key_usage(id, GCM, PSA_KEY_USAGE_ENCRYPT), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    /* Also when a wildcard policy covers the algorithm. */
    CHECK_STATUS(import_key(PSA_KEY_TYPE_HMAC, key, 16, at12, USAGE_ED, &id), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_encrypt(id, GCM, nonce, 12, NULL, 0, msg, 10, out, sizeof(out),
                                  &out_len),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
#endif
    /* AEAD algorithms this build does not run; ChaCha20-Poly1305 does not fit an AES key. */
    for (i = 0; i < sizeof(unsupported_on_aes) / sizeof(unsupported_on_aes[0]); i++) {
        psa_algorithm_t alg = unsupported_on_aes[i];

        CHECK_STATUS(import_key(PSA_KEY_TYPE_AES, key, 16, alg, USAGE_ED, &id), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_encrypt(id, alg, nonce, 12, NULL, 0, msg, 10, out, sizeof(out),
                                      &out_len),
                     PSA_ERROR_NOT_SUPPORTED);
        CHECK_STATUS(psa_aead_encrypt_setup(&op, id, alg), PSA_ERROR_NOT_SUPPORTED);
        CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);
        CHECK_STATUS(psa_check_key_usage(id, alg, PSA_KEY_USAGE_ENCRYPT),
                     PSA_ERROR_NOT_SUPPORTED);
        CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    }
    CHECK_STATUS(import_key(PSA_KEY_TYPE_AES, key, 16, PSA_ALG_CHACHA20_POLY1305, USAGE_ED, &id),
                 PSA_SUCCESS);
    CHECK_STATUS(psa_aead_encrypt(id, PSA_ALG_CHACHA20_POLY1305, nonce, 12, NULL, 0, msg, 10,
                                  out, sizeof(out), &out_len),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    /* An unknown AEAD-category value, and values that are not AEAD algorithms. */
    CHECK_STATUS(import_key(PSA_KEY_TYPE_AES, key, 16, 0x05500900u, USAGE_ED, &id), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_encrypt(id, 0x05500900u, nonce, 12, NULL, 0, msg, 10, out, sizeof(out),
                                  &out_len),
                 PSA_ERROR_NOT_SUPPORTED);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    CHECK_STATUS(import_key(PSA_KEY_TYPE_AES, key, 16, GCM, USAGE_ED, &id), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_encrypt(id, PSA_ALG_CMAC, nonce, 12, NULL, 0, msg, 10, out,
                                  sizeof(out), &out_len),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_aead_decrypt(id, PSA_ALG_SHA_256, nonce, 12, NULL, 0, msg, 30, out,
                                  sizeof(out), &out_len),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_aead_encrypt_setup(&op, id, PSA_ALG_NONE), PSA_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);
    /* Destroyed: the id is gone. */
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_encrypt(id, GCM, nonce, 12, NULL, 0, msg, 10, out, sizeof(out),
                                  &out_len),
                 PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_aead_decrypt_setup(&op, id, GCM), PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);
    (void)tag;
}

/* ---- State machine, buffers, lengths ---- */

/* setup_nonce: an operation set up with a 12-byte nonce (SUCCESS expected). */
static void setup_nonce(psa_aead_operation_t *op, psa_key_id_t id, psa_algorithm_t alg,
                        int encrypt, const uint8_t *nonce)
{
    CHECK_STATUS(encrypt ? psa_aead_encrypt_setup(op, id, alg)
                         : psa_aead_decrypt_setup(op, id, alg),
                 PSA_SUCCESS);
    CHECK_STATUS(psa_aead_set_nonce(op, nonce, 12), PSA_SUCCESS);
}

/* expect_error_state: every step of op now fails with BAD_STATE until abort. */
static void expect_error_state(psa_aead_operation_t *op, psa_key_id_t id)
{
    uint8_t buf[32];
    size_t a = 5, b = 5;

    memset(buf, 0, sizeof(buf));
    CHECK_STATUS(psa_aead_update_ad(op, buf, 1), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_aead_update(op, buf, 1, buf + 16, 16, &a), PSA_ERROR_BAD_STATE);
    CHECK(a == 0);
    CHECK_STATUS(psa_aead_finish(op, buf, 16, &a, buf + 16, 16, &b), PSA_ERROR_BAD_STATE);
    CHECK(a == 0 && b == 0);
    CHECK_STATUS(psa_aead_verify(op, buf, 16, &a, buf + 16, 16), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_aead_set_nonce(op, buf, 12), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_aead_generate_nonce(op, buf, sizeof(buf), &a), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_aead_set_lengths(op, 1, 1), PSA_ERROR_BAD_STATE);
    /* Still active: a setup is refused too. */
    CHECK_STATUS(psa_aead_encrypt_setup(op, id, GCM), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_aead_abort(op), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_abort(op), PSA_SUCCESS);
}

static void test_state_machine(void)
{
    uint8_t key[16], nonce[12], msg[100], ct[100], out[120], tag[16], want_tag[16], big[300];
    size_t n = 0, m = 0, tag_len = 0;
    psa_key_id_t id = 0, id2 = 0;
    psa_aead_operation_t op = PSA_AEAD_OPERATION_INIT, op2 = PSA_AEAD_OPERATION_INIT;

    cit_test_rand_bytes(key, sizeof(key));
    cit_test_rand_bytes(nonce, sizeof(nonce));
    cit_test_rand_bytes(msg, sizeof(msg));
    cit_test_rand_bytes(big, sizeof(big));
    CHECK_STATUS(import_key(PSA_KEY_TYPE_AES, key, 16,
                            PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(GCM, 4), USAGE_ED, &id),
                 PSA_SUCCESS);
    CHECK_STATUS(import_key(PSA_KEY_TYPE_AES, key, 16, GCM, USAGE_ED, &id2), PSA_SUCCESS);
    /* Reference: 100 bytes with 20 bytes of AAD. */
    CHECK_STATUS(psa_aead_encrypt(id, GCM, nonce, 12, msg, 20, msg, 100, out, sizeof(out), &n),
                 PSA_SUCCESS);
    CHECK(n == 116);
    memcpy(ct, out, 100);
    memcpy(want_tag, out + 100, 16);

    /* Inactive objects, however initialized. */
    {
        psa_aead_operation_t a = PSA_AEAD_OPERATION_INIT;
        psa_aead_operation_t b = psa_aead_operation_init();
        psa_aead_operation_t c;

        memset(&c, 0, sizeof(c));
        CHECK_STATUS(psa_aead_set_nonce(&a, nonce, 12), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_aead_generate_nonce(&b, out, sizeof(out), &n), PSA_ERROR_BAD_STATE);
        CHECK(n == 0);
        CHECK_STATUS(psa_aead_set_lengths(&c, 0, 0), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_aead_update_ad(&a, msg, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_aead_update(&b, msg, 1, out, sizeof(out), &n), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_aead_finish(&c, out, 16, &n, tag, 16, &m), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_aead_verify(&a, out, 16, &n, tag, 16), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_aead_abort(&a), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_abort(&b), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_abort(&c), PSA_SUCCESS);
    }

    /* The nonce twice (set/set, generate/set, set/generate, generate/generate). */
    setup_nonce(&op, id, GCM, 1, nonce);
    CHECK_STATUS(psa_aead_set_nonce(&op, nonce, 12), PSA_ERROR_BAD_STATE);
    expect_error_state(&op, id);
    CHECK_STATUS(psa_aead_encrypt_setup(&op, id, GCM), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_generate_nonce(&op, out, sizeof(out), &n), PSA_SUCCESS);
    CHECK(n == 12 && n == PSA_AEAD_NONCE_LENGTH(PSA_KEY_TYPE_AES, GCM));
    CHECK_STATUS(psa_aead_set_nonce(&op, nonce, 12), PSA_ERROR_BAD_STATE);
    expect_error_state(&op, id);
    setup_nonce(&op, id, GCM, 1, nonce);
    CHECK_STATUS(psa_aead_generate_nonce(&op, out, sizeof(out), &n), PSA_ERROR_BAD_STATE);
    CHECK(n == 0);
    expect_error_state(&op, id);
    CHECK_STATUS(psa_aead_encrypt_setup(&op, id, GCM), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_generate_nonce(&op, out, sizeof(out), &n), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_generate_nonce(&op, out, sizeof(out), &n), PSA_ERROR_BAD_STATE);
    expect_error_state(&op, id);

    /* Generated nonces: 12 bytes, fresh each time, exact-size buffer fine, smaller not. */
    {
        uint8_t n1[PSA_AEAD_NONCE_MAX_SIZE], n2[12];
        size_t l1 = 0, l2 = 0;

        CHECK_STATUS(psa_aead_encrypt_setup(&op, id, GCM), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_generate_nonce(&op, n1, sizeof(n1), &l1), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_encrypt_setup(&op, id, GCM), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_generate_nonce(&op, n2, sizeof(n2), &l2), PSA_SUCCESS);
        CHECK(l1 == 12 && l2 == 12 && memcmp(n1, n2, 12) != 0);
        CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_encrypt_setup(&op, id, GCM), PSA_SUCCESS);
        l1 = 7;
        CHECK_STATUS(psa_aead_generate_nonce(&op, n1, 11, &l1), PSA_ERROR_BUFFER_TOO_SMALL);
        CHECK(l1 == 0);
        expect_error_state(&op, id);
    }
    /* generate_nonce on a decryption: BAD_STATE. */
    CHECK_STATUS(psa_aead_decrypt_setup(&op, id, GCM), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_generate_nonce(&op, out, sizeof(out), &n), PSA_ERROR_BAD_STATE);
    expect_error_state(&op, id);

    /* Data before the nonce. */
    CHECK_STATUS(psa_aead_encrypt_setup(&op, id, GCM), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update(&op, msg, 10, out, sizeof(out), &n), PSA_ERROR_BAD_STATE);
    expect_error_state(&op, id);
    CHECK_STATUS(psa_aead_decrypt_setup(&op, id, GCM), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update_ad(&op, msg, 10), PSA_ERROR_BAD_STATE);
    expect_error_state(&op, id);
    CHECK_STATUS(psa_aead_encrypt_setup(&op, id, GCM), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_finish(&op, out, 16, &n, tag, 16, &m), PSA_ERROR_BAD_STATE);
    expect_error_state(&op, id);
    CHECK_STATUS(psa_aead_decrypt_setup(&op, id, GCM), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_verify(&op, out, 16, &n, want_tag, 16), PSA_ERROR_BAD_STATE);
    expect_error_state(&op, id);

    /* AAD after text. */
    setup_nonce(&op, id, GCM, 1, nonce);
    CHECK_STATUS(psa_aead_update(&op, msg, 10, out, sizeof(out), &n), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update_ad(&op, msg, 10), PSA_ERROR_BAD_STATE);
    expect_error_state(&op, id);
    /* Even after an empty update. */
    setup_nonce(&op, id, GCM, 0, nonce);
    CHECK_STATUS(psa_aead_update(&op, NULL, 0, NULL, 0, &n), PSA_SUCCESS);
    CHECK(n == 0);
    CHECK_STATUS(psa_aead_update_ad(&op, msg, 1), PSA_ERROR_BAD_STATE);
    expect_error_state(&op, id);

    /* set_lengths after the nonce, after update, twice. */
    setup_nonce(&op, id, GCM, 1, nonce);
    CHECK_STATUS(psa_aead_set_lengths(&op, 20, 100), PSA_ERROR_BAD_STATE);
    expect_error_state(&op, id);
    setup_nonce(&op, id, GCM, 1, nonce);
    CHECK_STATUS(psa_aead_update(&op, msg, 10, out, sizeof(out), &n), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_set_lengths(&op, 0, 100), PSA_ERROR_BAD_STATE);
    expect_error_state(&op, id);
    CHECK_STATUS(psa_aead_encrypt_setup(&op, id, GCM), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_set_lengths(&op, 20, 100), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_set_lengths(&op, 20, 100), PSA_ERROR_BAD_STATE);
    expect_error_state(&op, id);

    /* finish on a decryption, verify on an encryption. */
    setup_nonce(&op, id, GCM, 0, nonce);
    CHECK_STATUS(psa_aead_update_ad(&op, msg, 20), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update(&op, ct, 100, out, sizeof(out), &n), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_finish(&op, out, 16, &n, tag, 16, &m), PSA_ERROR_BAD_STATE);
    CHECK(n == 0 && m == 0);
    expect_error_state(&op, id);
    setup_nonce(&op, id, GCM, 1, nonce);
    CHECK_STATUS(psa_aead_update_ad(&op, msg, 20), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update(&op, msg, 100, out, sizeof(out), &n), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_verify(&op, out, 16, &n, want_tag, 16), PSA_ERROR_BAD_STATE);
    expect_error_state(&op, id);

    /* Setup on an active operation: BAD_STATE, and the operation carries on intact. */
    setup_nonce(&op, id, GCM, 1, nonce);
    /* (Which driver runs it: builtin when accelerators are off.) */
    CHECK(current_path == 1 || op.cit_driver == 1u);
    if (current_path == 1) {
        printf("   multi-part GCM runs on driver %u (1 builtin, 2 x86)\n",
               (unsigned)op.cit_driver);
    }
    CHECK_STATUS(psa_aead_update_ad(&op, msg, 20), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_encrypt_setup(&op, id2, GCM), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_aead_decrypt_setup(&op, id2, GCM), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_aead_encrypt_setup(&op, 0, 0), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_aead_update(&op, msg, 100, out, 100, &n), PSA_SUCCESS);
    CHECK(n == 100);
    CHECK_MEM(out, ct, 100);
    CHECK_STATUS(psa_aead_finish(&op, NULL, 0, &n, tag, 16, &m), PSA_SUCCESS);
    CHECK(n == 0 && m == 16);
    CHECK_MEM(tag, want_tag, 16);
    /* Finished: inactive; a new setup works. */
    CHECK_STATUS(psa_aead_update(&op, msg, 1, out, sizeof(out), &n), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_aead_finish(&op, out, 16, &n, tag, 16, &m), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);
    setup_nonce(&op, id, GCM, 0, nonce);
    CHECK_STATUS(psa_aead_update_ad(&op, msg, 20), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update(&op, ct, 100, out, 100, &n), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_verify(&op, NULL, 0, &n, want_tag, 16), PSA_SUCCESS);
    CHECK_MEM(out, msg, 100);
    CHECK_STATUS(psa_aead_verify(&op, NULL, 0, &n, want_tag, 16), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);

    /* Two operations at once are independent. */
    setup_nonce(&op, id, GCM, 1, nonce);
    setup_nonce(&op2, id2, GCM, 0, nonce);
    CHECK_STATUS(psa_aead_update_ad(&op, msg, 7), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update_ad(&op2, msg, 13), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update_ad(&op, msg + 7, 13), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update_ad(&op2, msg + 13, 7), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update(&op2, ct, 100, out, 100, &n), PSA_SUCCESS);
    CHECK_MEM(out, msg, 100);
    CHECK_STATUS(psa_aead_update(&op, msg, 100, out, 100, &n), PSA_SUCCESS);
    CHECK_MEM(out, ct, 100);
    CHECK_STATUS(psa_aead_verify(&op2, NULL, 0, &n, want_tag, 16), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_finish(&op, NULL, 0, &n, tag, sizeof(tag), &m), PSA_SUCCESS);
    CHECK_MEM(tag, want_tag, 16);

    /* Buffers too small: update output, finish tag; exact sizes work. */
    setup_nonce(&op, id, GCM, 1, nonce);
    n = 5;
    CHECK_STATUS(psa_aead_update(&op, msg, 100, out, 99, &n), PSA_ERROR_BUFFER_TOO_SMALL);
    CHECK(n == 0);
    expect_error_state(&op, id);
    setup_nonce(&op, id, GCM, 1, nonce);
    CHECK_STATUS(psa_aead_update_ad(&op, msg, 20), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update(&op, msg, 100, out, 100, &n), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_finish(&op, out, 16, &n, tag, 15, &m), PSA_ERROR_BUFFER_TOO_SMALL);
    CHECK(n == 0 && m == 0);
    expect_error_state(&op, id);
    setup_nonce(&op, id, gcm_with_tag(8), 1, nonce);
    CHECK_STATUS(psa_aead_update_ad(&op, msg, 20), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update(&op, msg, 100, out, 100, &n), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_finish(&op, NULL, 0, &n, tag, 8, &m), PSA_SUCCESS);
    CHECK(m == 8 && m == PSA_AEAD_TAG_LENGTH(PSA_KEY_TYPE_AES, 128, gcm_with_tag(8)));
    CHECK_MEM(tag, want_tag, 8);
    /* One-shot buffers. */
    CHECK_STATUS(psa_aead_encrypt(id, GCM, nonce, 12, msg, 20, msg, 100, out, 115, &n),
                 PSA_ERROR_BUFFER_TOO_SMALL);
    CHECK(n == 0);
    CHECK_STATUS(psa_aead_encrypt(id, gcm_with_tag(4), nonce, 12, msg, 20, msg, 100, out, 104,
                                  &n),
                 PSA_SUCCESS);
    CHECK(n == 104);
    CHECK_MEM(out + 100, want_tag, 4);
    memcpy(out, ct, 100);
    memcpy(out + 100, want_tag, 16);
    CHECK_STATUS(psa_aead_decrypt(id, GCM, nonce, 12, msg, 20, out, 116, big, 99, &n),
                 PSA_ERROR_BUFFER_TOO_SMALL);
    CHECK_STATUS(psa_aead_decrypt(id, GCM, nonce, 12, msg, 20, out, 116, big, 100, &n),
                 PSA_SUCCESS);
    CHECK(n == 100);
    CHECK_MEM(big, msg, 100);
    /* In place. */
    CHECK_STATUS(psa_aead_decrypt(id, GCM, nonce, 12, msg, 20, out, 116, out, 116, &n),
                 PSA_SUCCESS);
    CHECK_MEM(out, msg, 100);
    memcpy(out, msg, 100);
    CHECK_STATUS(psa_aead_encrypt(id, GCM, nonce, 12, msg, 20, out, 100, out, 116, &n),
                 PSA_SUCCESS);
    CHECK_MEM(out, ct, 100);
    CHECK_MEM(out + 100, want_tag, 16);
    /* Shorter than the tag: not authentic. */
    CHECK_STATUS(psa_aead_decrypt(id, GCM, nonce, 12, NULL, 0, out, 15, big, sizeof(big), &n),
                 PSA_ERROR_INVALID_SIGNATURE);
    CHECK_STATUS(psa_aead_decrypt(id, gcm_with_tag(4), nonce, 12, NULL, 0, out, 3, big,
                                  sizeof(big), &n),
                 PSA_ERROR_INVALID_SIGNATURE);

    /* Wrong tags: a flipped bit, a short tag, a long tag, no tag. */
    {
        uint8_t bad[17];

        memcpy(bad, want_tag, 16);
        bad[16] = 0;
        bad[cit_test_rnd(16)] ^= 0x10;
        setup_nonce(&op, id, GCM, 0, nonce);
        CHECK_STATUS(psa_aead_update_ad(&op, msg, 20), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_update(&op, ct, 100, out, 100, &n), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_verify(&op, NULL, 0, &n, bad, 16), PSA_ERROR_INVALID_SIGNATURE);
        expect_error_state(&op, id);
        memcpy(bad, want_tag, 16);
        setup_nonce(&op, id, GCM, 0, nonce);
        CHECK_STATUS(psa_aead_update_ad(&op, msg, 20), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_update(&op, ct, 100, out, 100, &n), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_verify(&op, NULL, 0, &n, bad, 15), PSA_ERROR_INVALID_SIGNATURE);
        expect_error_state(&op, id);
        setup_nonce(&op, id, GCM, 0, nonce);
        CHECK_STATUS(psa_aead_update_ad(&op, msg, 20), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_update(&op, ct, 100, out, 100, &n), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_verify(&op, NULL, 0, &n, bad, 17), PSA_ERROR_INVALID_SIGNATURE);
        expect_error_state(&op, id);
        setup_nonce(&op, id, GCM, 0, nonce);
        CHECK_STATUS(psa_aead_update_ad(&op, msg, 20), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_update(&op, ct, 100, out, 100, &n), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_verify(&op, NULL, 0, &n, NULL, 0), PSA_ERROR_INVALID_SIGNATURE);
        expect_error_state(&op, id);
        /* A shortened-tag algorithm wants exactly its length. */
        setup_nonce(&op, id, gcm_with_tag(12), 0, nonce);
        CHECK_STATUS(psa_aead_update_ad(&op, msg, 20), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_update(&op, ct, 100, out, 100, &n), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_verify(&op, NULL, 0, &n, want_tag, 16),
                     PSA_ERROR_INVALID_SIGNATURE);
        expect_error_state(&op, id);
        setup_nonce(&op, id, gcm_with_tag(12), 0, nonce);
        CHECK_STATUS(psa_aead_update_ad(&op, msg, 20), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_update(&op, ct, 100, out, 100, &n), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_verify(&op, NULL, 0, &n, want_tag, 12), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);
    }

    /* set_lengths: enforced both ways. */
    CHECK_STATUS(psa_aead_encrypt_setup(&op, id, GCM), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_set_lengths(&op, 20, 100), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_set_nonce(&op, nonce, 12), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update_ad(&op, msg, 15), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update_ad(&op, msg + 15, 6), PSA_ERROR_INVALID_ARGUMENT);
    expect_error_state(&op, id);
    CHECK_STATUS(psa_aead_encrypt_setup(&op, id, GCM), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_set_lengths(&op, 20, 100), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_set_nonce(&op, nonce, 12), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update_ad(&op, msg, 19), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update(&op, msg, 10, out, sizeof(out), &n), PSA_ERROR_INVALID_ARGUMENT);
    expect_error_state(&op, id);
    CHECK_STATUS(psa_aead_decrypt_setup(&op, id, GCM), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_set_lengths(&op, 20, 100), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_set_nonce(&op, nonce, 12), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update_ad(&op, msg, 20), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update(&op, ct, 60, out, sizeof(out), &n), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update(&op, ct + 60, 41, out, sizeof(out), &n),
                 PSA_ERROR_INVALID_ARGUMENT);
    expect_error_state(&op, id);
    CHECK_STATUS(psa_aead_encrypt_setup(&op, id, GCM), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_set_lengths(&op, 20, 100), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_set_nonce(&op, nonce, 12), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update_ad(&op, msg, 20), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update(&op, msg, 99, out, sizeof(out), &n), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_finish(&op, NULL, 0, &n, tag, 16, &m), PSA_ERROR_INVALID_ARGUMENT);
    expect_error_state(&op, id);
    CHECK_STATUS(psa_aead_encrypt_setup(&op, id, GCM), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_set_lengths(&op, 20, 0), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_set_nonce(&op, nonce, 12), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update_ad(&op, msg, 10), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_finish(&op, NULL, 0, &n, tag, 16, &m), PSA_ERROR_INVALID_ARGUMENT);
    expect_error_state(&op, id);
    CHECK_STATUS(psa_aead_decrypt_setup(&op, id, GCM), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_set_lengths(&op, 20, 100), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_set_nonce(&op, nonce, 12), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update_ad(&op, msg, 20), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update(&op, ct, 99, out, sizeof(out), &n), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_verify(&op, NULL, 0, &n, want_tag, 16), PSA_ERROR_INVALID_ARGUMENT);
    expect_error_state(&op, id);
    /* Exact lengths: the same result as without them. */
    CHECK_STATUS(psa_aead_decrypt_setup(&op, id, GCM), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_set_lengths(&op, 20, 100), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_set_nonce(&op, nonce, 12), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update_ad(&op, msg, 20), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_update(&op, ct, 100, out, sizeof(out), &n), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_verify(&op, NULL, 0, &n, want_tag, 16), PSA_SUCCESS);
    CHECK_MEM(out, msg, 100);
    /* GCM's own limits: 2^36 - 32 bytes of text, under 2^61 bytes of AAD. */
    if (sizeof(size_t) >= 8) {
        const uint64_t max_text = (((uint64_t)1) << 36) - 32;
        const uint64_t max_aad = (((uint64_t)1) << 61) - 1;

        CHECK_STATUS(psa_aead_encrypt_setup(&op, id, GCM), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_set_lengths(&op, (size_t)max_aad, (size_t)max_text), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_encrypt_setup(&op, id, GCM), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_set_lengths(&op, 0, (size_t)(max_text + 1)),
                     PSA_ERROR_INVALID_ARGUMENT);
        expect_error_state(&op, id);
        CHECK_STATUS(psa_aead_decrypt_setup(&op, id, GCM), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_set_lengths(&op, (size_t)(max_aad + 1), 0),
                     PSA_ERROR_INVALID_ARGUMENT);
        expect_error_state(&op, id);
    }

    /* Nonce lengths: 0 is invalid; 1, 128 and 257 bytes are fine (OpenSSL stops at 128). */
    CHECK_STATUS(psa_aead_encrypt_setup(&op, id, GCM), PSA_SUCCESS);
    CHECK_STATUS(psa_aead_set_nonce(&op, nonce, 0), PSA_ERROR_INVALID_ARGUMENT);
    expect_error_state(&op, id);
    CHECK_STATUS(psa_aead_encrypt(id, GCM, NULL, 0, NULL, 0, msg, 10, out, sizeof(out), &n),
                 PSA_ERROR_INVALID_ARGUMENT);
    {
        uint8_t want[16];

        CHECK_STATUS(psa_aead_encrypt(id, GCM, big, 128, NULL, 0, msg, 30, out, sizeof(out), &n),
                     PSA_SUCCESS);
        CHECK(oracle(key, 16, big, 128, NULL, 0, msg, 30, ct, want));
        CHECK_MEM(out, ct, 30);
        CHECK_MEM(out + 30, want, 16);
        CHECK_STATUS(psa_aead_encrypt(id, GCM, big, 257, NULL, 0, msg, 30, out, sizeof(out), &n),
                     PSA_SUCCESS);
        CHECK(n == 46);
        CHECK_STATUS(psa_aead_decrypt(id, GCM, big, 257, NULL, 0, out, 46, ct, sizeof(ct), &n),
                     PSA_SUCCESS);
        CHECK(n == 30);
        CHECK_MEM(ct, msg, 30);
        CHECK_STATUS(psa_aead_decrypt(id, GCM, big, 256, NULL, 0, out, 46, ct, sizeof(ct), &n),
                     PSA_ERROR_INVALID_SIGNATURE);
        CHECK_STATUS(psa_aead_encrypt(id, GCM, big, 1, NULL, 0, msg, 30, out, sizeof(out), &n),
                     PSA_SUCCESS);
        CHECK(oracle(key, 16, big, 1, NULL, 0, msg, 30, ct, want));
        CHECK_MEM(out, ct, 30);
        CHECK_MEM(out + 30, want, 16);
    }

    /*
     * A key destroyed while an operation runs: the operation fails from the
     * next step on (spec 9.9.2), abort still succeeds.
     */
    {
        psa_key_id_t victim = 0;

        CHECK_STATUS(import_key(PSA_KEY_TYPE_AES, key, 16, GCM, USAGE_ED, &victim), PSA_SUCCESS);
        setup_nonce(&op, victim, GCM, 1, nonce);
        CHECK_STATUS(psa_aead_update_ad(&op, msg, 20), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_update(&op, msg, 50, out, sizeof(out), &n), PSA_SUCCESS);
        CHECK_STATUS(psa_destroy_key(victim), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_update(&op, msg + 50, 50, out, sizeof(out), &n),
                     PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_aead_finish(&op, NULL, 0, &n, tag, 16, &m), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);
        CHECK_STATUS(import_key(PSA_KEY_TYPE_AES, key, 16, GCM, USAGE_ED, &victim), PSA_SUCCESS);
        setup_nonce(&op, victim, GCM, 0, nonce);
        CHECK_STATUS(psa_destroy_key(victim), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_update_ad(&op, msg, 20), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_aead_verify(&op, NULL, 0, &n, want_tag, 16), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_encrypt_setup(&op, victim, GCM), PSA_ERROR_INVALID_HANDLE);
        CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);
    }

    /* Size macros for GCM with AES. */
    CHECK(PSA_AEAD_NONCE_LENGTH(PSA_KEY_TYPE_AES, GCM) == 12);
    CHECK(PSA_AEAD_NONCE_LENGTH(PSA_KEY_TYPE_AES, GCM) <= PSA_AEAD_NONCE_MAX_SIZE);
    CHECK(PSA_AEAD_TAG_LENGTH(PSA_KEY_TYPE_AES, 256, GCM) == 16);
    CHECK(PSA_AEAD_TAG_LENGTH(PSA_KEY_TYPE_AES, 256, GCM) <= PSA_AEAD_TAG_MAX_SIZE);
    CHECK(PSA_AEAD_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, GCM, 100) == 116);
    CHECK(PSA_AEAD_ENCRYPT_OUTPUT_MAX_SIZE(100) >= 116);
    CHECK(PSA_AEAD_DECRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, GCM, 116) == 100);
    CHECK(PSA_AEAD_DECRYPT_OUTPUT_MAX_SIZE(116) >= 100);
    CHECK(PSA_AEAD_FINISH_OUTPUT_SIZE(PSA_KEY_TYPE_AES, GCM) <= PSA_AEAD_FINISH_OUTPUT_MAX_SIZE);

    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    CHECK_STATUS(psa_destroy_key(id2), PSA_SUCCESS);
    (void)tag_len;
    state_checks_runs++;
}

static void run_all(void)
{
    int path;

    for (path = 1; path >= 0; path--) {
        current_path = path;
        citadel_set_accelerators(path);
        cit_test_rand_seed(0x41454144u + (uint64_t)path);
        printf("== driver path: %s\n", path ? "accelerators enabled" : "builtin only");
        test_wycheproof();
        test_differential();
        test_policy();
        test_state_machine();
        printf("   checks so far: %lu, failures: %lu\n", cit_test_checks, cit_test_failures);
    }
    citadel_set_accelerators(1);
    printf("cases over both paths: Wycheproof valid %lu (each at 7 tag lengths, one-shot and "
           "multi-part, encrypt and decrypt, plus a modified tag), invalid %lu, "
           "zero-length nonce %lu; OpenSSL differential %lu; state-machine runs %lu\n",
           wp_valid, wp_invalid, wp_iv0, diff_cases, state_checks_runs);
}

#else /* GCM not wanted */

/* Without GCM, every AEAD entry point answers NOT_SUPPORTED and no operation starts. */
static void run_all(void)
{
#if defined(PSA_WANT_KEY_TYPE_AES)
    static const psa_algorithm_t algs[] = {
        PSA_ALG_GCM, PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 12), PSA_ALG_CCM,
    };
    uint8_t key[16], nonce[12], msg[32], out[64], tag[16];
    size_t n = 7, m = 7, i;
    psa_key_id_t id = 0;
    psa_aead_operation_t op = PSA_AEAD_OPERATION_INIT;

    memset(key, 0x11, sizeof(key));
    memset(nonce, 0x22, sizeof(nonce));
    memset(msg, 0x33, sizeof(msg));
    for (i = 0; i < sizeof(algs) / sizeof(algs[0]); i++) {
        psa_algorithm_t alg = algs[i];

        CHECK_STATUS(import_key(PSA_KEY_TYPE_AES, key, 16, alg, USAGE_ED, &id), PSA_SUCCESS);
        CHECK_STATUS(psa_aead_encrypt(id, alg, nonce, 12, msg, 5, msg, 20, out, sizeof(out), &n),
                     PSA_ERROR_NOT_SUPPORTED);
        CHECK(n == 0);
        CHECK_STATUS(psa_aead_decrypt(id, alg, nonce, 12, msg, 5, msg, 32, out, sizeof(out), &n),
                     PSA_ERROR_NOT_SUPPORTED);
        CHECK_STATUS(psa_aead_encrypt_setup(&op, id, alg), PSA_ERROR_NOT_SUPPORTED);
        CHECK_STATUS(psa_aead_set_nonce(&op, nonce, 12), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_aead_decrypt_setup(&op, id, alg), PSA_ERROR_NOT_SUPPORTED);
        CHECK_STATUS(psa_aead_generate_nonce(&op, out, sizeof(out), &n), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_aead_update(&op, msg, 1, out, sizeof(out), &n), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_aead_finish(&op, out, 16, &n, tag, 16, &m), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);
        CHECK_STATUS(psa_check_key_usage(id, alg, PSA_KEY_USAGE_ENCRYPT), PSA_ERROR_NOT_SUPPORTED);
        CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    }
    (void)all_zero;
#else
    (void)import_key;
    (void)all_zero;
#endif
    printf("GCM is not configured: the AEAD API answers NOT_SUPPORTED\n");
}

#endif /* PSA_WANT_ALG_GCM */

int main(void)
{
    uint8_t buf[32];
    size_t n = 3;
    psa_aead_operation_t op = PSA_AEAD_OPERATION_INIT;

    /* Before psa_crypto_init: BAD_STATE. */
    memset(buf, 0, sizeof(buf));
    CHECK_STATUS(psa_aead_encrypt(1, PSA_ALG_GCM, buf, 12, NULL, 0, buf, 1, buf, sizeof(buf), &n),
                 PSA_ERROR_BAD_STATE);
    CHECK(n == 0);
    CHECK_STATUS(psa_aead_decrypt(1, PSA_ALG_GCM, buf, 12, NULL, 0, buf, 17, buf, sizeof(buf),
                                  &n),
                 PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_aead_encrypt_setup(&op, 1, PSA_ALG_GCM), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_aead_decrypt_setup(&op, 1, PSA_ALG_GCM), PSA_ERROR_BAD_STATE);
    CHECK_STATUS(psa_aead_abort(&op), PSA_SUCCESS);

    CHECK_STATUS(psa_crypto_init(), PSA_SUCCESS);
    run_all();
#if defined(PSA_WANT_ALG_GCM) && defined(PSA_WANT_KEY_TYPE_AES)
    if (vectors_missing && cit_test_failures == 0) {
        (void)cit_test_end("aead_api");
        cit_test_skip("Wycheproof aes_gcm_test.json not found (set CIT_VECTORS_DIR)");
    }
#endif
    return cit_test_end("aead_api");
}
