/*
 * bench_psa.c - throughput benchmark written against the standard PSA Crypto API.
 *
 * This one source file is built unchanged against Citadel and against other PSA
 * implementations (e.g. Mbed TLS 2.28 as shipped by Debian). It includes only
 * <psa/crypto.h>, bench_common.h and the C library. Algorithm identifiers that
 * older headers may lack are guarded with #ifdef; an algorithm missing from the
 * headers, or rejected at run time with PSA_ERROR_NOT_SUPPORTED, is reported as
 * "n/a". The cases, options and output are bench_common.h's (shared with
 * bench_openssl.c).
 *
 * Hashes use psa_hash_compute, MACs psa_mac_compute. AES-GCM is one-shot
 * psa_aead_encrypt (Mbed TLS 2.28's libmbedcrypto has no multi-part AEAD); its
 * digest is the tag.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <psa/crypto.h>

#define BENCH_NOT_SUPPORTED ((int)PSA_ERROR_NOT_SUPPORTED)
#include "bench_common.h"

/* ---- Algorithm identifiers that may be absent from older headers -------------- */

#ifdef PSA_ALG_MD5
#define B_MD5 PSA_ALG_MD5
#else
#define B_MD5 0
#endif
#ifdef PSA_ALG_RIPEMD160
#define B_RIPEMD160 PSA_ALG_RIPEMD160
#else
#define B_RIPEMD160 0
#endif
#ifdef PSA_ALG_SHA_1
#define B_SHA_1 PSA_ALG_SHA_1
#else
#define B_SHA_1 0
#endif
#ifdef PSA_ALG_SHA_224
#define B_SHA_224 PSA_ALG_SHA_224
#else
#define B_SHA_224 0
#endif
#ifdef PSA_ALG_SHA_256
#define B_SHA_256 PSA_ALG_SHA_256
#else
#define B_SHA_256 0
#endif
#ifdef PSA_ALG_SHA_384
#define B_SHA_384 PSA_ALG_SHA_384
#else
#define B_SHA_384 0
#endif
#ifdef PSA_ALG_SHA_512
#define B_SHA_512 PSA_ALG_SHA_512
#else
#define B_SHA_512 0
#endif
#ifdef PSA_ALG_SHA_512_224
#define B_SHA_512_224 PSA_ALG_SHA_512_224
#else
#define B_SHA_512_224 0
#endif
#ifdef PSA_ALG_SHA_512_256
#define B_SHA_512_256 PSA_ALG_SHA_512_256
#else
#define B_SHA_512_256 0
#endif
#ifdef PSA_ALG_SHA3_224
#define B_SHA3_224 PSA_ALG_SHA3_224
#else
#define B_SHA3_224 0
#endif
#ifdef PSA_ALG_SHA3_256
#define B_SHA3_256 PSA_ALG_SHA3_256
#else
#define B_SHA3_256 0
#endif
#ifdef PSA_ALG_SHA3_384
#define B_SHA3_384 PSA_ALG_SHA3_384
#else
#define B_SHA3_384 0
#endif
#ifdef PSA_ALG_SHA3_512
#define B_SHA3_512 PSA_ALG_SHA3_512
#else
#define B_SHA3_512 0
#endif

#ifdef PSA_ALG_HMAC
#define B_HMAC(h) ((h) != 0 ? PSA_ALG_HMAC(h) : 0)
#else
#define B_HMAC(h) 0
#endif
#ifdef PSA_ALG_CMAC
#define B_CMAC PSA_ALG_CMAC
#else
#define B_CMAC 0
#endif
#ifdef PSA_ALG_CBC_MAC
#define B_CBC_MAC PSA_ALG_CBC_MAC
#else
#define B_CBC_MAC 0
#endif

#ifdef PSA_ALG_GCM
#define B_GCM PSA_ALG_GCM
#else
#define B_GCM 0
#endif

#ifdef PSA_KEY_TYPE_HMAC
#define B_KT_HMAC PSA_KEY_TYPE_HMAC
#else
#define B_KT_HMAC 0
#endif
#ifdef PSA_KEY_TYPE_AES
#define B_KT_AES PSA_KEY_TYPE_AES
#else
#define B_KT_AES 0
#endif

/* The identifiers of bench_common.h's hashes in these headers (0: absent). */
static const psa_algorithm_t hash_alg[BH_COUNT] = {
    [BH_NONE] = 0,
    [BH_MD5] = B_MD5,
    [BH_RIPEMD160] = B_RIPEMD160,
    [BH_SHA_1] = B_SHA_1,
    [BH_SHA_224] = B_SHA_224,
    [BH_SHA_256] = B_SHA_256,
    [BH_SHA_384] = B_SHA_384,
    [BH_SHA_512] = B_SHA_512,
    [BH_SHA_512_224] = B_SHA_512_224,
    [BH_SHA_512_256] = B_SHA_512_256,
    [BH_SHA3_224] = B_SHA3_224,
    [BH_SHA3_256] = B_SHA3_256,
    [BH_SHA3_384] = B_SHA3_384,
    [BH_SHA3_512] = B_SHA3_512,
};

/* The state of the case being measured. */
static psa_algorithm_t cur_alg; /* 0: not available in these headers */
static psa_key_id_t cur_key;
static int have_key; /* no comparisons on psa_key_id_t: it may be a struct */

/* case_alg: the algorithm of case c in these headers, or 0. */
static psa_algorithm_t case_alg(const struct bench_case *c)
{
    switch (c->kind) {
    case BK_HASH:
        return hash_alg[c->hash];
    case BK_HMAC:
        return B_HMAC(hash_alg[c->hash]);
    case BK_CMAC:
        return B_CMAC;
    case BK_CBCMAC:
        return B_CBC_MAC;
    case BK_GCM:
        return B_GCM;
    }
    return 0;
}

static int bench_init(void)
{
    psa_status_t st = psa_crypto_init();

    if (st != PSA_SUCCESS) {
        fprintf(stderr, "psa_crypto_init failed: %d\n", (int)st);
        return 1;
    }
#if defined(PSA_CRYPTO_API_VERSION_MAJOR) && defined(PSA_CRYPTO_API_VERSION_MINOR)
    printf("# api\tPSA Crypto API %d.%d (headers)\n", PSA_CRYPTO_API_VERSION_MAJOR,
           PSA_CRYPTO_API_VERSION_MINOR);
#endif
    return 0;
}

static int bench_op(size_t len, size_t *out_len)
{
    size_t ct_len = 0;
    psa_status_t st;

    if (cur->kind == BK_HASH) {
        return psa_hash_compute(cur_alg, msg, len, out, sizeof(out), out_len);
    }
    if (cur->kind != BK_GCM) {
        return psa_mac_compute(cur_key, cur_alg, msg, len, out, sizeof(out), out_len);
    }
    st = psa_aead_encrypt(cur_key, cur_alg, aead_nonce, sizeof(aead_nonce), NULL, 0, msg, len,
                          ct_buf, sizeof(ct_buf), &ct_len);
    if (st != PSA_SUCCESS) {
        return st;
    }
    if (ct_len != len + 16) {
        return PSA_ERROR_CORRUPTION_DETECTED;
    }
    memcpy(out, ct_buf + len, 16); /* the tag */
    *out_len = 16;
    return PSA_SUCCESS;
}

/* bench_setup imports the key of a MAC or AEAD case. */
static int bench_setup(void)
{
    psa_key_attributes_t attr = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_type_t key_type = cur->kind == BK_HMAC ? B_KT_HMAC : B_KT_AES;
    uint8_t key[KEY_MAX];
    psa_status_t st;

    have_key = 0;
    cur_alg = case_alg(cur);
    if (cur_alg == 0) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    if (cur->kind == BK_HASH) {
        return PSA_SUCCESS;
    }
    if (key_type == 0) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    fill_key(key, cur->key_len);
    psa_set_key_type(&attr, key_type);
    psa_set_key_bits(&attr, cur->key_len * 8);
    psa_set_key_usage_flags(&attr, cur->kind == BK_GCM ? PSA_KEY_USAGE_ENCRYPT
                                                       : PSA_KEY_USAGE_SIGN_MESSAGE);
    psa_set_key_algorithm(&attr, cur_alg);
    st = psa_import_key(&attr, key, cur->key_len, &cur_key);
    have_key = st == PSA_SUCCESS;
    psa_reset_key_attributes(&attr);
    memset(key, 0, sizeof(key));
    return st;
}

static void bench_teardown(void)
{
    if (have_key) {
        (void)psa_destroy_key(cur_key);
    }
    have_key = 0;
}

static void bench_error(size_t len, int st)
{
    fprintf(stderr, "%s/%lu: error %d\n", cur->name, (unsigned long)len, st);
}

int main(int argc, char **argv)
{
    return bench_main(argc, argv);
}
