/*
 * bench_openssl.c - the OpenSSL (3.x EVP) twin of bench_psa.c.
 *
 * Same cases, sizes, fixed message and keys, options and output format as
 * bench_psa.c (all in bench_common.h), so bench/report.py can put the results
 * side by side:
 *     <case> TAB <size in bytes> TAB <MB/s, 1 MB = 10^6 bytes | n/a | ERR>
 *
 * Each operation is one-shot, like psa_hash_compute / psa_mac_compute:
 *   hashes  EVP_Digest() with an EVP_MD fetched once up front;
 *   HMAC    EVP_MAC "HMAC", CMAC EVP_MAC "CMAC" (cipher AES-128-CBC): each operation
 *           is EVP_MAC_init with the key (the key schedule is redone per message,
 *           as in psa_mac_compute), EVP_MAC_update, EVP_MAC_final; the EVP_MAC_CTX
 *           is allocated once;
 *   CBC-MAC AES-128-CBC encryption, zero IV, no padding; the MAC is the last block;
 *   AES-GCM AES-128-GCM encryption with the 12-byte nonce of bench_common.h and no
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

/* Statuses (bench_common.h): 0 is success. */
#define R_OK 0
#define R_NOT_SUPPORTED 1
#define R_ERROR 2

#define BENCH_NOT_SUPPORTED R_NOT_SUPPORTED
#include "bench_common.h"

/* The digest names of bench_common.h's hashes, as EVP_MD_fetch knows them. */
static const char *const md_name[BH_COUNT] = {
    [BH_NONE] = NULL,
    [BH_MD5] = "MD5",
    [BH_RIPEMD160] = "RIPEMD160",
    [BH_SHA_1] = "SHA1",
    [BH_SHA_224] = "SHA224",
    [BH_SHA_256] = "SHA256",
    [BH_SHA_384] = "SHA384",
    [BH_SHA_512] = "SHA512",
    [BH_SHA_512_224] = "SHA512-224",
    [BH_SHA_512_256] = "SHA512-256",
    [BH_SHA3_224] = "SHA3-224",
    [BH_SHA3_256] = "SHA3-256",
    [BH_SHA3_384] = "SHA3-384",
    [BH_SHA3_512] = "SHA3-512",
};

static uint8_t key[KEY_MAX];

/* The state of the case being measured. */
static EVP_MD *cur_md;
static EVP_MAC *cur_mac;
static EVP_MAC_CTX *cur_mac_ctx;
static EVP_CIPHER *cur_cipher;
static EVP_CIPHER_CTX *cur_cipher_ctx;

static int bench_init(void)
{
    printf("# api\t%s\n", OpenSSL_version(OPENSSL_VERSION));
    return 0;
}

static int bench_op(size_t len, size_t *out_len)
{
    static const uint8_t zero_iv[16];
    unsigned int md_len = 0;
    int n = 0;

    switch (cur->kind) {
    case BK_HASH:
        if (!EVP_Digest(msg, len, out, &md_len, cur_md, NULL)) {
            return R_ERROR;
        }
        *out_len = md_len;
        return R_OK;
    case BK_HMAC:
    case BK_CMAC:
        if (!EVP_MAC_init(cur_mac_ctx, key, cur->key_len, NULL) ||
            !EVP_MAC_update(cur_mac_ctx, msg, len) ||
            !EVP_MAC_final(cur_mac_ctx, out, out_len, sizeof(out))) {
            return R_ERROR;
        }
        return R_OK;
    case BK_CBCMAC:
        if (!EVP_EncryptInit_ex2(cur_cipher_ctx, cur_cipher, key, zero_iv, NULL) ||
            !EVP_CIPHER_CTX_set_padding(cur_cipher_ctx, 0) ||
            !EVP_EncryptUpdate(cur_cipher_ctx, ct_buf, &n, msg, (int)len) ||
            n != (int)len || n < 16) {
            return R_ERROR;
        }
        memcpy(out, ct_buf + n - 16, 16);
        *out_len = 16;
        return R_OK;
    case BK_GCM:
        if (!EVP_EncryptInit_ex2(cur_cipher_ctx, cur_cipher, key, aead_nonce, NULL) ||
            !EVP_EncryptUpdate(cur_cipher_ctx, ct_buf, &n, msg, (int)len) || n != (int)len ||
            !EVP_EncryptFinal_ex(cur_cipher_ctx, ct_buf + n, &n) || n != 0 ||
            !EVP_CIPHER_CTX_ctrl(cur_cipher_ctx, EVP_CTRL_AEAD_GET_TAG, 16, out)) {
            return R_ERROR;
        }
        *out_len = 16;
        return R_OK;
    }
    return R_ERROR;
}

/* Fetch what the case needs; R_NOT_SUPPORTED if the library lacks it. */
static int bench_setup(void)
{
    OSSL_PARAM params[2];

    fill_key(key, sizeof(key));
    switch (cur->kind) {
    case BK_HASH:
        cur_md = EVP_MD_fetch(NULL, md_name[cur->hash], NULL);
        return cur_md != NULL ? R_OK : R_NOT_SUPPORTED;
    case BK_HMAC:
    case BK_CMAC:
        cur_mac = EVP_MAC_fetch(NULL, cur->kind == BK_HMAC ? "HMAC" : "CMAC", NULL);
        if (cur_mac == NULL) {
            return R_NOT_SUPPORTED;
        }
        cur_mac_ctx = EVP_MAC_CTX_new(cur_mac);
        if (cur_mac_ctx == NULL) {
            return R_ERROR;
        }
        if (cur->kind == BK_HMAC) {
            params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
                                                         (char *)md_name[cur->hash], 0);
        } else {
            params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER,
                                                         (char *)"AES-128-CBC", 0);
        }
        params[1] = OSSL_PARAM_construct_end();
        /* An unknown digest/cipher surfaces here. */
        if (!EVP_MAC_CTX_set_params(cur_mac_ctx, params)) {
            return R_NOT_SUPPORTED;
        }
        return R_OK;
    case BK_CBCMAC:
    case BK_GCM:
        cur_cipher = EVP_CIPHER_fetch(NULL, cur->kind == BK_GCM ? "AES-128-GCM" : "AES-128-CBC",
                                      NULL);
        if (cur_cipher == NULL) {
            return R_NOT_SUPPORTED;
        }
        cur_cipher_ctx = EVP_CIPHER_CTX_new();
        return cur_cipher_ctx != NULL ? R_OK : R_ERROR;
    }
    return R_ERROR;
}

static void bench_teardown(void)
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

static void bench_error(size_t len, int st)
{
    (void)st;
    fprintf(stderr, "%s/%lu: OpenSSL error\n", cur->name, (unsigned long)len);
    ERR_print_errors_fp(stderr);
}

int main(int argc, char **argv)
{
    return bench_main(argc, argv);
}
