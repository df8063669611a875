/*
 * bench_openssl.c - the OpenSSL (3.x EVP) twin of bench_psa.c.
 *
 * Same cases, sizes, fixed message and keys, options and output format as
 * bench_psa.c, so bench/report.py can put the results side by side:
 *     <case> TAB <size in bytes> TAB <MB/s, 1 MB = 10^6 bytes | n/a | ERR>
 *
 * Each operation is one-shot, like psa_hash_compute / psa_mac_compute:
 *   hashes  EVP_Digest() with an EVP_MD fetched once up front;
 *   HMAC    EVP_MAC "HMAC", CMAC EVP_MAC "CMAC" (cipher AES-128-CBC): each operation
 *           is EVP_MAC_init with the key (the key schedule is redone per message,
 *           as in psa_mac_compute), EVP_MAC_update, EVP_MAC_final; the EVP_MAC_CTX
 *           is allocated once;
 *   CBC-MAC AES-128-CBC encryption, zero IV, no padding; the MAC is the last block;
 *   AES-GCM AES-128-GCM encryption with the 12-byte nonce of bench_psa.c and no
 *           additional data: EVP_EncryptInit_ex2 with the key (the key schedule is
 *           redone per message, as in psa_aead_encrypt), one update, final, the tag
 *           (which is what --digest prints).
 * Algorithms the library cannot fetch are reported as "n/a".
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum kind { K_HASH, K_HMAC, K_CMAC, K_CBCMAC, K_GCM };

struct bench_case {
    const char *name;
    enum kind kind;
    const char *md;     /* digest name: the hash, or HMAC's hash */
    size_t key_len;     /* MAC and AEAD only, bytes */
};

static const struct bench_case cases[] = {
    { "md5", K_HASH, "MD5", 0 },
    { "ripemd160", K_HASH, "RIPEMD160", 0 },
    { "sha1", K_HASH, "SHA1", 0 },
    { "sha224", K_HASH, "SHA224", 0 },
    { "sha256", K_HASH, "SHA256", 0 },
    { "sha384", K_HASH, "SHA384", 0 },
    { "sha512", K_HASH, "SHA512", 0 },
    { "sha512-224", K_HASH, "SHA512-224", 0 },
    { "sha512-256", K_HASH, "SHA512-256", 0 },
    { "sha3-224", K_HASH, "SHA3-224", 0 },
    { "sha3-256", K_HASH, "SHA3-256", 0 },
    { "sha3-384", K_HASH, "SHA3-384", 0 },
    { "sha3-512", K_HASH, "SHA3-512", 0 },
    { "hmac-sha1", K_HMAC, "SHA1", 32 },
    { "hmac-sha256", K_HMAC, "SHA256", 32 },
    { "hmac-sha512", K_HMAC, "SHA512", 32 },
    { "hmac-sha3-256", K_HMAC, "SHA3-256", 32 },
    { "cmac-aes128", K_CMAC, NULL, 16 },
    { "cbcmac-aes128", K_CBCMAC, NULL, 16 },
    { "aes128-gcm", K_GCM, NULL, 16 },
};

static const size_t sizes[] = { 64, 1024, 16384 };

#define N_CASES (sizeof(cases) / sizeof(cases[0]))
#define N_SIZES (sizeof(sizes) / sizeof(sizes[0]))
#define MAX_MSG 16384
#define OUT_MAX 128

/* Operation results, as in the PSA twin. */
#define R_OK 0
#define R_NOT_SUPPORTED 1
#define R_ERROR 2

static uint8_t msg[MAX_MSG];
static uint8_t out[OUT_MAX];
static uint8_t cbc_buf[MAX_MSG + 16];
static const uint8_t aead_nonce[12] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
static uint8_t key[64];
static volatile uint8_t sink;

/* The state of the case being measured. */
static const struct bench_case *cur;
static EVP_MD *cur_md;
static EVP_MAC *cur_mac;
static EVP_MAC_CTX *cur_mac_ctx;
static EVP_CIPHER *cur_cipher;
static EVP_CIPHER_CTX *cur_cipher_ctx;

/* Same fixed message and keys as bench_psa.c, for --digest cross-checks. */
static void fill_inputs(void)
{
    size_t i;
    for (i = 0; i < MAX_MSG; i++)
        msg[i] = (uint8_t)(i * 31u + 7u);
}

static void fill_key(uint8_t *k, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++)
        k[i] = (uint8_t)(0xa5u ^ (i * 17u));
}

static int do_op(size_t len, size_t *out_len)
{
    static const uint8_t zero_iv[16];
    unsigned int md_len = 0;
    int n = 0;

    switch (cur->kind) {
    case K_HASH:
        if (!EVP_Digest(msg, len, out, &md_len, cur_md, NULL))
            return R_ERROR;
        *out_len = md_len;
        return R_OK;
    case K_HMAC:
    case K_CMAC:
        if (!EVP_MAC_init(cur_mac_ctx, key, cur->key_len, NULL) ||
            !EVP_MAC_update(cur_mac_ctx, msg, len) ||
            !EVP_MAC_final(cur_mac_ctx, out, out_len, sizeof(out)))
            return R_ERROR;
        return R_OK;
    case K_CBCMAC:
        if (!EVP_EncryptInit_ex2(cur_cipher_ctx, cur_cipher, key, zero_iv, NULL) ||
            !EVP_CIPHER_CTX_set_padding(cur_cipher_ctx, 0) ||
            !EVP_EncryptUpdate(cur_cipher_ctx, cbc_buf, &n, msg, (int)len) ||
            n != (int)len || n < 16)
            return R_ERROR;
        memcpy(out, cbc_buf + n - 16, 16);
        *out_len = 16;
        return R_OK;
    case K_GCM:
        if (!EVP_EncryptInit_ex2(cur_cipher_ctx, cur_cipher, key, aead_nonce, NULL) ||
            !EVP_EncryptUpdate(cur_cipher_ctx, cbc_buf, &n, msg, (int)len) || n != (int)len ||
            !EVP_EncryptFinal_ex(cur_cipher_ctx, cbc_buf + n, &n) || n != 0 ||
            !EVP_CIPHER_CTX_ctrl(cur_cipher_ctx, EVP_CTRL_AEAD_GET_TAG, 16, out))
            return R_ERROR;
        *out_len = 16;
        return R_OK;
    }
    return R_ERROR;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Identical to bench_psa.c's run_for(). */
static int run_for(size_t len, double budget, double *mbps)
{
    unsigned long batch = 1, i;
    double ops = 0.0, t0, t, t1;
    size_t out_len = 0;
    int r;

    t0 = t = now();
    do {
        for (i = 0; i < batch; i++) {
            r = do_op(len, &out_len);
            if (r != R_OK)
                return r;
        }
        sink ^= out[0];
        ops += (double)batch;
        t1 = now();
        if (t1 - t < 1e-3 && batch < (1ul << 24))
            batch *= 2;
        t = t1;
    } while (t - t0 < budget);
    *mbps = ops * (double)len / (t - t0) / 1e6;
    return R_OK;
}

/* Fetch what the case needs; R_NOT_SUPPORTED if the library lacks it. */
static int setup_case(void)
{
    OSSL_PARAM params[2];

    fill_key(key, sizeof(key));
    switch (cur->kind) {
    case K_HASH:
        cur_md = EVP_MD_fetch(NULL, cur->md, NULL);
        return cur_md != NULL ? R_OK : R_NOT_SUPPORTED;
    case K_HMAC:
    case K_CMAC:
        cur_mac = EVP_MAC_fetch(NULL, cur->kind == K_HMAC ? "HMAC" : "CMAC", NULL);
        if (cur_mac == NULL)
            return R_NOT_SUPPORTED;
        cur_mac_ctx = EVP_MAC_CTX_new(cur_mac);
        if (cur_mac_ctx == NULL)
            return R_ERROR;
        if (cur->kind == K_HMAC)
            params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
                                                         (char *)cur->md, 0);
        else
            params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER,
                                                         (char *)"AES-128-CBC", 0);
        params[1] = OSSL_PARAM_construct_end();
        /* An unknown digest/cipher surfaces here. */
        if (!EVP_MAC_CTX_set_params(cur_mac_ctx, params))
            return R_NOT_SUPPORTED;
        return R_OK;
    case K_CBCMAC:
    case K_GCM:
        cur_cipher = EVP_CIPHER_fetch(NULL, cur->kind == K_GCM ? "AES-128-GCM" : "AES-128-CBC",
                                      NULL);
        if (cur_cipher == NULL)
            return R_NOT_SUPPORTED;
        cur_cipher_ctx = EVP_CIPHER_CTX_new();
        return cur_cipher_ctx != NULL ? R_OK : R_ERROR;
    }
    return R_ERROR;
}

static void teardown_case(void)
{
    EVP_MD_free(cur_md);
    cur_md = NULL;
    EVP_MAC_CTX_free(cur_mac_ctx);
    cur_mac_ctx = NULL;
    EVP_MAC_free(cur_mac);
    cur_mac = NULL;
    EVP_CIPHER_CTX_free(cur_cipher_ctx);
    cur_cipher_ctx = NULL;
    EVP_CIPHER_free(cur_cipher);
    cur_cipher = NULL;
    OPENSSL_cleanse(key, sizeof(key));
    ERR_clear_error();
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
    int digest_mode = 0, failed = 0, a, r;
    size_t c, s, i;

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

    fill_inputs();
    printf("# api\t%s\n", OpenSSL_version(OPENSSL_VERSION));
    printf("# mode\t%s\n", digest_mode ? "digest" : "throughput");

    for (c = 0; c < N_CASES; c++) {
        cur = &cases[c];
        if (filter != NULL && strstr(cur->name, filter) == NULL)
            continue;
        if (only != NULL && strcmp(cur->name, only) != 0)
            continue;
        r = setup_case();
        for (s = 0; s < N_SIZES; s++) {
            size_t len = sizes[s], out_len = 0;
            double mbps = 0.0;

            /* One operation first: tells unsupported apart and warms caches. */
            if (r == R_OK)
                r = do_op(len, &out_len);
            if (r == R_OK && digest_mode) {
                printf("%s\t%lu\t", cur->name, (unsigned long)len);
                for (i = 0; i < out_len; i++)
                    printf("%02x", out[i]);
                printf("\n");
                continue;
            }
            if (r == R_OK)
                r = run_for(len, budget * 0.25, &mbps); /* warm-up */
            if (r == R_OK)
                r = run_for(len, budget, &mbps);
            if (r == R_OK) {
                printf("%s\t%lu\t%.2f\n", cur->name, (unsigned long)len, mbps);
            } else if (r == R_NOT_SUPPORTED) {
                printf("%s\t%lu\tn/a\n", cur->name, (unsigned long)len);
            } else {
                fprintf(stderr, "%s/%lu: OpenSSL error\n", cur->name, (unsigned long)len);
                ERR_print_errors_fp(stderr);
                printf("%s\t%lu\tERR\n", cur->name, (unsigned long)len);
                failed = 1;
            }
            fflush(stdout);
        }
        teardown_case();
    }
    return failed;
}
