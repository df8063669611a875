/*
 * bench_psa.c - throughput benchmark written against the standard PSA Crypto API.
 *
 * This one source file is built unchanged against Citadel and against other PSA
 * implementations (e.g. Mbed TLS 2.28 as shipped by Debian). It includes only
 * <psa/crypto.h> and the C library. Algorithm identifiers that older headers may
 * lack are guarded with #ifdef; an algorithm missing from the headers, or rejected
 * at run time with PSA_ERROR_NOT_SUPPORTED, is reported as "n/a".
 *
 * Output (stdout), one line per case and message size:
 *     <case> TAB <size in bytes> TAB <MB/s, 1 MB = 10^6 bytes | n/a | ERR>
 * Lines starting with '#' are comments.
 *
 * Options:
 *     --filter SUBSTR   only cases whose name contains SUBSTR
 *     --case NAME       only the case named exactly NAME
 *     --time SECONDS    measuring time per case and size (default 0.2)
 *     --digest          instead of timing, print the output (hex) of one operation
 *                       on the fixed message, so implementations can be cross-checked
 *     --list            print the case names and exit
 *
 * Exit status: 0 if no case failed with an error other than NOT_SUPPORTED, else 1.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <psa/crypto.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

/* ---- Cases --------------------------------------------------------------------- */

/*
 * K_AEAD is one-shot psa_aead_encrypt (12-byte fixed nonce, no additional data):
 * Mbed TLS 2.28's libmbedcrypto has no multi-part AEAD. Its digest is the tag.
 */
enum kind { K_HASH, K_MAC, K_AEAD };

struct bench_case {
    const char *name;
    enum kind kind;
    psa_algorithm_t alg;     /* 0: not available in these headers */
    psa_key_type_t key_type; /* MAC and AEAD only; 0: not available */
    size_t key_len;          /* MAC and AEAD only, bytes */
};

static const struct bench_case cases[] = {
    { "md5", K_HASH, B_MD5, 0, 0 },
    { "ripemd160", K_HASH, B_RIPEMD160, 0, 0 },
    { "sha1", K_HASH, B_SHA_1, 0, 0 },
    { "sha224", K_HASH, B_SHA_224, 0, 0 },
    { "sha256", K_HASH, B_SHA_256, 0, 0 },
    { "sha384", K_HASH, B_SHA_384, 0, 0 },
    { "sha512", K_HASH, B_SHA_512, 0, 0 },
    { "sha512-224", K_HASH, B_SHA_512_224, 0, 0 },
    { "sha512-256", K_HASH, B_SHA_512_256, 0, 0 },
    { "sha3-224", K_HASH, B_SHA3_224, 0, 0 },
    { "sha3-256", K_HASH, B_SHA3_256, 0, 0 },
    { "sha3-384", K_HASH, B_SHA3_384, 0, 0 },
    { "sha3-512", K_HASH, B_SHA3_512, 0, 0 },
    { "hmac-sha1", K_MAC, B_HMAC(B_SHA_1), B_KT_HMAC, 32 },
    { "hmac-sha256", K_MAC, B_HMAC(B_SHA_256), B_KT_HMAC, 32 },
    { "hmac-sha512", K_MAC, B_HMAC(B_SHA_512), B_KT_HMAC, 32 },
    { "hmac-sha3-256", K_MAC, B_HMAC(B_SHA3_256), B_KT_HMAC, 32 },
    { "cmac-aes128", K_MAC, B_CMAC, B_KT_AES, 16 },
    { "cbcmac-aes128", K_MAC, B_CBC_MAC, B_KT_AES, 16 },
    { "aes128-gcm", K_AEAD, B_GCM, B_KT_AES, 16 },
};

static const size_t sizes[] = { 64, 1024, 16384 };

#define N_CASES (sizeof(cases) / sizeof(cases[0]))
#define N_SIZES (sizeof(sizes) / sizeof(sizes[0]))
#define MAX_MSG 16384
#define OUT_MAX 128

static uint8_t msg[MAX_MSG];
static uint8_t out[OUT_MAX];
static uint8_t aead_buf[MAX_MSG + 16];
static const uint8_t aead_nonce[12] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
static volatile uint8_t sink;

/* The state of the case being measured. */
static const struct bench_case *cur;
static psa_key_id_t cur_key;
static int have_key; /* no comparisons on psa_key_id_t: it may be a struct */

/* Same fixed message and keys as bench_openssl.c, for --digest cross-checks. */
static void fill_inputs(void)
{
    size_t i;
    for (i = 0; i < MAX_MSG; i++)
        msg[i] = (uint8_t)(i * 31u + 7u);
}

static void fill_key(uint8_t *key, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++)
        key[i] = (uint8_t)(0xa5u ^ (i * 17u));
}

static psa_status_t do_op(size_t len, size_t *out_len)
{
    size_t ct_len = 0;
    psa_status_t st;

    if (cur->kind == K_HASH)
        return psa_hash_compute(cur->alg, msg, len, out, sizeof(out), out_len);
    if (cur->kind == K_MAC)
        return psa_mac_compute(cur_key, cur->alg, msg, len, out, sizeof(out), out_len);
    st = psa_aead_encrypt(cur_key, cur->alg, aead_nonce, sizeof(aead_nonce), NULL, 0, msg, len,
                          aead_buf, sizeof(aead_buf), &ct_len);
    if (st != PSA_SUCCESS)
        return st;
    if (ct_len != len + 16)
        return PSA_ERROR_CORRUPTION_DETECTED;
    memcpy(out, aead_buf + len, 16); /* the tag */
    *out_len = 16;
    return PSA_SUCCESS;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/*
 * Repeat the operation for at least `budget` seconds. The clock is read once per
 * batch; the batch doubles while it takes less than a millisecond, so the clock's
 * own cost stays negligible even for 64-byte messages.
 */
static psa_status_t run_for(size_t len, double budget, double *mbps)
{
    unsigned long batch = 1, i;
    double ops = 0.0, t0, t, t1;
    size_t out_len = 0;
    psa_status_t st;

    t0 = t = now();
    do {
        for (i = 0; i < batch; i++) {
            st = do_op(len, &out_len);
            if (st != PSA_SUCCESS)
                return st;
        }
        sink ^= out[0];
        ops += (double)batch;
        t1 = now();
        if (t1 - t < 1e-3 && batch < (1ul << 24))
            batch *= 2;
        t = t1;
    } while (t - t0 < budget);
    *mbps = ops * (double)len / (t - t0) / 1e6;
    return PSA_SUCCESS;
}

static psa_status_t setup_key(void)
{
    psa_key_attributes_t attr = PSA_KEY_ATTRIBUTES_INIT;
    uint8_t key[64];
    psa_status_t st;

    have_key = 0;
    if (cur->kind == K_HASH)
        return PSA_SUCCESS;
    if (cur->key_type == 0)
        return PSA_ERROR_NOT_SUPPORTED;
    fill_key(key, cur->key_len);
    psa_set_key_type(&attr, cur->key_type);
    psa_set_key_bits(&attr, cur->key_len * 8);
    psa_set_key_usage_flags(&attr, cur->kind == K_MAC ? PSA_KEY_USAGE_SIGN_MESSAGE
                                                      : PSA_KEY_USAGE_ENCRYPT);
    psa_set_key_algorithm(&attr, cur->alg);
    st = psa_import_key(&attr, key, cur->key_len, &cur_key);
    have_key = st == PSA_SUCCESS;
    psa_reset_key_attributes(&attr);
    memset(key, 0, sizeof(key));
    return st;
}

static void teardown_key(void)
{
    if (have_key)
        (void)psa_destroy_key(cur_key);
    have_key = 0;
}

static void usage(const char *prog)
{
    fprintf(stderr,
            "usage: %s [--filter SUBSTR] [--case NAME] [--time SECONDS] [--digest] "
            "[--list]\n",
            prog);
}

int main(int argc, char **argv)
{
    const char *filter = NULL, *only = NULL;
    double budget = 0.2;
    int digest_mode = 0, failed = 0, a;
    size_t c, s, i;
    psa_status_t st;

    for (a = 1; a < argc; a++) {
        if (strcmp(argv[a], "--filter") == 0 && a + 1 < argc) {
            filter = argv[++a];
        } else if (strcmp(argv[a], "--case") == 0 && a + 1 < argc) {
            only = argv[++a];
        } else if (strcmp(argv[a], "--time") == 0 && a + 1 < argc) {
            char *end;
            budget = strtod(argv[++a], &end);
            if (*end != '\0' || !(budget > 0.0)) {
                usage(argv[0]);
                return 2;
            }
        } else if (strcmp(argv[a], "--digest") == 0) {
            digest_mode = 1;
        } else if (strcmp(argv[a], "--list") == 0) {
            for (c = 0; c < N_CASES; c++)
                printf("%s\n", cases[c].name);
            return 0;
        } else {
            usage(argv[0]);
            return 2;
        }
    }

    st = psa_crypto_init();
    if (st != PSA_SUCCESS) {
        fprintf(stderr, "psa_crypto_init failed: %d\n", (int)st);
        return 1;
    }
    fill_inputs();
#if defined(PSA_CRYPTO_API_VERSION_MAJOR) && defined(PSA_CRYPTO_API_VERSION_MINOR)
    printf("# api\tPSA Crypto API %d.%d (headers)\n", PSA_CRYPTO_API_VERSION_MAJOR,
           PSA_CRYPTO_API_VERSION_MINOR);
#endif
    printf("# mode\t%s\n", digest_mode ? "digest" : "throughput");

    for (c = 0; c < N_CASES; c++) {
        cur = &cases[c];
        if (filter != NULL && strstr(cur->name, filter) == NULL)
            continue;
        if (only != NULL && strcmp(cur->name, only) != 0)
            continue;
        st = cur->alg == 0 ? PSA_ERROR_NOT_SUPPORTED : setup_key();
        for (s = 0; s < N_SIZES; s++) {
            size_t len = sizes[s], out_len = 0;
            double mbps = 0.0;

            /* One operation first: tells unsupported apart and warms caches. */
            if (st == PSA_SUCCESS)
                st = do_op(len, &out_len);
            if (st == PSA_SUCCESS && digest_mode) {
                printf("%s\t%lu\t", cur->name, (unsigned long)len);
                for (i = 0; i < out_len; i++)
                    printf("%02x", out[i]);
                printf("\n");
                continue;
            }
            if (st == PSA_SUCCESS)
                st = run_for(len, budget * 0.25, &mbps); /* warm-up */
            if (st == PSA_SUCCESS)
                st = run_for(len, budget, &mbps);
            if (st == PSA_SUCCESS) {
                printf("%s\t%lu\t%.2f\n", cur->name, (unsigned long)len, mbps);
            } else if (st == PSA_ERROR_NOT_SUPPORTED) {
                printf("%s\t%lu\tn/a\n", cur->name, (unsigned long)len);
            } else {
                fprintf(stderr, "%s/%lu: error %d\n", cur->name, (unsigned long)len,
                        (int)st);
                printf("%s\t%lu\tERR\n", cur->name, (unsigned long)len);
                failed = 1;
            }
            fflush(stdout);
        }
        teardown_key();
    }
    return failed;
}
