/*
 * test_aes.c - tests for the portable constant-time AES (aes_ct.c).
 *
 * FIPS 197 Appendix C vectors (always), the NIST CAVP AESAVS ECB files
 * (skipped visibly if the vector folder is missing), aliasing and tail
 * handling, invalid key lengths, and a differential test against OpenSSL.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "primitives.h"
#include "test.h"
#include "util.h"

#define MAX_BLOCKS 9

/* ---- FIPS 197 Appendix C ---- */

static const uint8_t fips_key[32] = {
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a,
    0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15,
    0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
};

static const uint8_t fips_pt[16] = {
    0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
    0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff,
};

static const uint8_t fips_ct128[16] = {
    0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30,
    0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a,
};

static const uint8_t fips_ct192[16] = {
    0xdd, 0xa9, 0x7c, 0xa4, 0x86, 0x4c, 0xdf, 0xe0,
    0x6e, 0xaf, 0x70, 0xa0, 0xec, 0x0d, 0x71, 0x91,
};

static const uint8_t fips_ct256[16] = {
    0x8e, 0xa2, 0xb7, 0xca, 0x51, 0x67, 0x45, 0xbf,
    0xea, 0xfc, 0x49, 0x90, 0x4b, 0x49, 0x60, 0x89,
};

static void test_fips197(void)
{
    static const struct {
        size_t key_len;
        uint32_t rounds;
        const uint8_t *ct;
    } cases[] = {
        { 16, 10, fips_ct128 },
        { 24, 12, fips_ct192 },
        { 32, 14, fips_ct256 },
    };
    size_t i, k;

    for (i = 0; i < CIT_ARRAY_LEN(cases); i++) {
        cit_aes_ctx_t ctx;
        uint8_t out[16];
        uint8_t many_in[16 * MAX_BLOCKS];
        uint8_t many_out[16 * MAX_BLOCKS];

        CHECK(cit_aes_ct_init(&ctx, fips_key, cases[i].key_len) == 0);
        CHECK(ctx.rounds == cases[i].rounds);
        ctx.encrypt(&ctx, fips_pt, out, 1);
        CHECK_MEM(out, cases[i].ct, 16);
        ctx.decrypt(&ctx, cases[i].ct, out, 1);
        CHECK_MEM(out, fips_pt, 16);

        /* The same block in every lane and in the tail. */
        for (k = 0; k < MAX_BLOCKS; k++) {
            memcpy(many_in + 16 * k, fips_pt, 16);
        }
        ctx.encrypt(&ctx, many_in, many_out, MAX_BLOCKS);
        for (k = 0; k < MAX_BLOCKS; k++) {
            CHECK_MEM(many_out + 16 * k, cases[i].ct, 16);
        }
        ctx.decrypt(&ctx, many_out, many_out, MAX_BLOCKS);
        CHECK_MEM(many_out, many_in, sizeof(many_in));

        /* num_blocks == 0 writes nothing. */
        memset(out, 0xA5, sizeof(out));
        ctx.encrypt(&ctx, fips_pt, out, 0);
        ctx.decrypt(&ctx, fips_pt, out, 0);
        CHECK(out[0] == 0xA5 && out[15] == 0xA5);

        cit_aes_wipe(&ctx);
    }
}

/* ---- NIST CAVP AESAVS ECB ---- */

typedef struct {
    size_t key_len;
    long num_records;
    long num_encrypt;
    long num_decrypt;
} cavp_state_t;

static void cavp_record(const cit_rsp_record_t *rec, void *arg)
{
    cavp_state_t *st = (cavp_state_t *)arg;
    const char *key_hex = cit_rsp_get(rec, "KEY");
    const char *pt_hex = cit_rsp_get(rec, "PLAINTEXT");
    const char *ct_hex = cit_rsp_get(rec, "CIPHERTEXT");
    uint8_t *key, *pt, *ct, *out;
    size_t key_len = 0, pt_len = 0, ct_len = 0, n, k;
    int decrypt;
    cit_aes_ctx_t ctx;

    if (key_hex == NULL || pt_hex == NULL || ct_hex == NULL) {
        return;
    }
    decrypt = strstr(rec->section, "DECRYPT") != NULL;
    CHECK(decrypt || strstr(rec->section, "ENCRYPT") != NULL);
    key = cit_hex_decode(key_hex, &key_len);
    pt = cit_hex_decode(pt_hex, &pt_len);
    ct = cit_hex_decode(ct_hex, &ct_len);
    CHECK(key != NULL && pt != NULL && ct != NULL);
    if (key == NULL || pt == NULL || ct == NULL) {
        free(key);
        free(pt);
        free(ct);
        return;
    }
    CHECK(key_len == st->key_len);
    CHECK(pt_len == ct_len && pt_len % 16 == 0 && pt_len > 0);
    n = pt_len / 16;
    out = (uint8_t *)malloc(pt_len);
    CHECK(out != NULL);
    if (out != NULL && cit_aes_ct_init(&ctx, key, key_len) == 0) {
        st->num_records++;
        if (decrypt) {
            st->num_decrypt++;
            ctx.decrypt(&ctx, ct, out, n);
            CHECK_MEM(out, pt, pt_len);
            /* One block at a time gives the same result. */
            for (k = 0; k < n; k++) {
                ctx.decrypt(&ctx, ct + 16 * k, out + 16 * k, 1);
            }
            CHECK_MEM(out, pt, pt_len);
        } else {
            st->num_encrypt++;
            ctx.encrypt(&ctx, pt, out, n);
            CHECK_MEM(out, ct, ct_len);
            for (k = 0; k < n; k++) {
                ctx.encrypt(&ctx, pt + 16 * k, out + 16 * k, 1);
            }
            CHECK_MEM(out, ct, ct_len);
        }
        cit_aes_wipe(&ctx);
    } else {
        CHECK(0);
    }
    free(out);
    free(key);
    free(pt);
    free(ct);
}

static void test_cavp(void)
{
    static const char *const kinds[] = {
        "ECBGFSbox", "ECBKeySbox", "ECBVarKey", "ECBVarTxt", "ECBMMT",
    };
    static const unsigned bits[] = { 128, 192, 256 };
    long total = 0;
    size_t i, j;

    for (i = 0; i < CIT_ARRAY_LEN(kinds); i++) {
        for (j = 0; j < CIT_ARRAY_LEN(bits); j++) {
            char rel[96];
            char *path;
            cavp_state_t st;
            long n;

            snprintf(rel, sizeof(rel), "nist/cavp/aes/ECB/%s%u.rsp", kinds[i], bits[j]);
            path = cit_vector_path(rel);
            if (path == NULL) {
                char why[160];

                /* Only skip once everything else has run and passed. */
                if (cit_test_end("aes (without CAVP)") != 0) {
                    exit(1);
                }
                snprintf(why, sizeof(why), "CAVP AES vector file missing: %s", rel);
                cit_test_skip(why);
                return;
            }
            memset(&st, 0, sizeof(st));
            st.key_len = bits[j] / 8;
            n = cit_rsp_foreach(path, cavp_record, &st);
            CHECK(n > 0);
            CHECK(st.num_records > 0 && st.num_encrypt > 0 && st.num_decrypt > 0);
            total += st.num_records;
            free(path);
        }
    }
    printf("aes: %ld CAVP ECB records\n", total);
}

/* ---- OpenSSL reference ---- */

static void ossl_ecb(int enc, const uint8_t *key, size_t key_len, const uint8_t *in,
                     uint8_t *out, size_t num_blocks)
{
    const EVP_CIPHER *cipher = key_len == 16   ? EVP_aes_128_ecb()
                               : key_len == 24 ? EVP_aes_192_ecb()
                                               : EVP_aes_256_ecb();
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int len = 0, fin = 0;

    CHECK(c != NULL);
    if (c == NULL) {
        return;
    }
    CHECK(EVP_CipherInit_ex(c, cipher, NULL, key, NULL, enc) == 1);
    CHECK(EVP_CIPHER_CTX_set_padding(c, 0) == 1);
    CHECK(EVP_CipherUpdate(c, out, &len, in, (int)(16 * num_blocks)) == 1);
    CHECK(EVP_CipherFinal_ex(c, out + len, &fin) == 1);
    CHECK((size_t)(len + fin) == 16 * num_blocks);
    EVP_CIPHER_CTX_free(c);
}

static size_t random_key_len(void)
{
    static const size_t lens[] = { 16, 24, 32 };

    return lens[cit_test_rand() % 3];
}

/* Random num_blocks 1..9 with in == out, against separate buffers. */
static void test_aliasing(void)
{
    unsigned iter;

    for (iter = 0; iter < 300; iter++) {
        uint8_t key[32], pt[16 * MAX_BLOCKS], buf[16 * MAX_BLOCKS], ref[16 * MAX_BLOCKS];
        size_t key_len = random_key_len();
        size_t n = 1 + cit_test_rand() % MAX_BLOCKS;
        cit_aes_ctx_t ctx;

        cit_test_rand_bytes(key, sizeof(key));
        cit_test_rand_bytes(pt, sizeof(pt));
        CHECK(cit_aes_ct_init(&ctx, key, key_len) == 0);
        ctx.encrypt(&ctx, pt, ref, n);
        memcpy(buf, pt, sizeof(buf));
        ctx.encrypt(&ctx, buf, buf, n);
        CHECK_MEM(buf, ref, 16 * n);
        /* Blocks past num_blocks are untouched. */
        CHECK_MEM(buf + 16 * n, pt + 16 * n, sizeof(buf) - 16 * n);
        ctx.decrypt(&ctx, buf, buf, n);
        CHECK_MEM(buf, pt, sizeof(buf));
        cit_aes_wipe(&ctx);
    }
}

static void test_differential(void)
{
    unsigned iter;

    for (iter = 0; iter < 3000; iter++) {
        uint8_t key[32], in[16 * MAX_BLOCKS], ours[16 * MAX_BLOCKS], theirs[16 * MAX_BLOCKS];
        size_t key_len = random_key_len();
        size_t n = 1 + cit_test_rand() % MAX_BLOCKS;
        cit_aes_ctx_t ctx;

        cit_test_rand_bytes(key, sizeof(key));
        cit_test_rand_bytes(in, sizeof(in));
        CHECK(cit_aes_ct_init(&ctx, key, key_len) == 0);

        ctx.encrypt(&ctx, in, ours, n);
        ossl_ecb(1, key, key_len, in, theirs, n);
        CHECK_MEM(ours, theirs, 16 * n);

        ctx.decrypt(&ctx, in, ours, n);
        ossl_ecb(0, key, key_len, in, theirs, n);
        CHECK_MEM(ours, theirs, 16 * n);

        cit_aes_wipe(&ctx);
    }
}

static void test_invalid_and_wipe(void)
{
    static const size_t bad[] = { 0, 1, 8, 15, 17, 20, 23, 25, 31, 33, 48, 64 };
    uint8_t key[64] = { 0 };
    cit_aes_ctx_t ctx, copy;
    const uint8_t *p;
    size_t i, nonzero = 0;

    for (i = 0; i < CIT_ARRAY_LEN(bad); i++) {
        memset(&ctx, 0x5A, sizeof(ctx));
        memcpy(&copy, &ctx, sizeof(ctx));
        CHECK(cit_aes_ct_init(&ctx, key, bad[i]) == -1);
        CHECK_MEM(&ctx, &copy, sizeof(ctx));
    }

    CHECK(cit_aes_ct_init(&ctx, fips_key, 32) == 0);
    cit_aes_wipe(&ctx);
    p = (const uint8_t *)&ctx;
    for (i = 0; i < sizeof(ctx); i++) {
        nonzero |= p[i];
    }
    CHECK(nonzero == 0);
}

int main(void)
{
    cit_test_rand_seed(0xAE5C7u);
    test_fips197();
    test_invalid_and_wipe();
    test_aliasing();
    test_differential();
    test_cavp();
    return cit_test_end("aes");
}
