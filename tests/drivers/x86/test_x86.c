/*
 * test_x86.c - tests of the x86-64 accelerator primitives (src/drivers/x86).
 *
 * Differential against OpenSSL's libcrypto and the builtin portable
 * compression functions: SHA-1/SHA-224/SHA-256 through the builtin streaming
 * code with the SHA-NI compression plugged in (random messages, random
 * splits), raw blocks from random states, AES-NI ECB for all key sizes
 * (random lengths, misaligned and aliased buffers, context copies), AES-NI
 * CBC chaining (cbc_mac) against chained single-block encrypt, the FIPS 197
 * Appendix C vectors, SHA-384/512/512-224/512-256 through the builtin
 * streaming code with the AVX2 compression plugged in (random messages,
 * random splits) and its raw blocks from random states, and the feature mask.
 * A feature the CPU lacks is reported as SKIPPED for its part; if none is
 * present the test skips.
 */
#include "x86.h"

#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "test.h"
#include "util.h"

#if defined(CIT_USE_X86)

#define NUM_MESSAGES 3000
#define MAX_MESSAGE 5000
#define NUM_RAW 500
#define MAX_RAW_BLOCKS 20
#define NUM_AES 300
#define MAX_AES_BLOCKS 40
#define NUM_SHA512_MESSAGES 2000
#define NUM_SHA512_RAW 500
#define MAX_SHA512_RAW_BLOCKS 8

/* Room for the largest message or block run plus a misalignment of up to 15. */
static uint8_t g_in[MAX_MESSAGE + 16];
static uint8_t g_out[MAX_AES_BLOCKS * 16 + 16];
static uint8_t g_want[MAX_AES_BLOCKS * 16];

/* ---------------------------------------------------------------- SHA */

static void openssl_digest(const EVP_MD *md, const uint8_t *in, size_t in_len, uint8_t *out)
{
    unsigned int out_len = 0;

    CHECK(EVP_Digest(in, in_len, out, &out_len, md, NULL) == 1);
}

/* split_len returns the size of the next chunk: tiny, small, whole blocks or large. */
static size_t split_len(size_t remaining)
{
    switch (cit_test_rand() % 4) {
    case 0:
        return cit_test_rand() % 8;
    case 1:
        return cit_test_rand() % 130;
    case 2:
        return 64 * (cit_test_rand() % 4);
    default:
        return cit_test_rand() % (remaining + 1);
    }
}

/* One random message: SHA-1, SHA-224 and SHA-256 with SHA-NI vs OpenSSL. */
static void sha_one_message(size_t len, size_t offset)
{
    const uint8_t *msg = g_in + offset;
    uint8_t got[32];
    uint8_t want[32];
    cit_sha256_ctx_t c256;
    cit_sha256_ctx_t c224;
    cit_sha1_ctx_t c1;
    size_t pos = 0;

    cit_test_rand_bytes(g_in + offset, len);
    cit_sha256_init(&c256);
    c256.blocks = cit_sha256_blocks_shani;
    cit_sha224_init(&c224);
    c224.blocks = cit_sha256_blocks_shani;
    cit_sha1_init(&c1);
    c1.blocks = cit_sha1_blocks_shani;
    while (pos < len) {
        size_t n = split_len(len - pos);

        if (n > len - pos) {
            n = len - pos;
        }
        cit_sha256_update(&c256, msg + pos, n);
        cit_sha256_update(&c224, msg + pos, n);
        cit_sha1_update(&c1, msg + pos, n);
        pos += n;
    }
    cit_sha256_finish(&c256, got, 32);
    openssl_digest(EVP_sha256(), msg, len, want);
    CHECK_MEM(got, want, 32);
    cit_sha256_finish(&c224, got, 28);
    openssl_digest(EVP_sha224(), msg, len, want);
    CHECK_MEM(got, want, 28);
    cit_sha1_finish(&c1, got);
    openssl_digest(EVP_sha1(), msg, len, want);
    CHECK_MEM(got, want, 20);
}

/* Raw compression from a random state: SHA-NI vs the portable blocks. */
static void sha_one_raw(size_t num_blocks, size_t offset)
{
    uint32_t s_got[8];
    uint32_t s_want[8];

    cit_test_rand_bytes(g_in + offset, 64 * num_blocks);
    cit_test_rand_bytes((uint8_t *)s_want, sizeof(s_want));
    memcpy(s_got, s_want, sizeof(s_got));
    cit_sha256_blocks(s_want, g_in + offset, num_blocks);
    cit_sha256_blocks_shani(s_got, g_in + offset, num_blocks);
    CHECK_MEM(s_got, s_want, sizeof(s_got));

    cit_test_rand_bytes((uint8_t *)s_want, sizeof(s_want));
    memcpy(s_got, s_want, sizeof(s_got));
    cit_sha1_blocks(s_want, g_in + offset, num_blocks);
    cit_sha1_blocks_shani(s_got, g_in + offset, num_blocks);
    /* Words past h[4] must be untouched. */
    CHECK_MEM(s_got, s_want, sizeof(s_got));
}

static void test_sha(void)
{
    static const uint8_t abc_sha256[32] = {
        0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae,
        0x22, 0x23, 0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61,
        0xf2, 0x00, 0x15, 0xad
    };
    static const uint8_t abc_sha1[20] = {
        0xa9, 0x99, 0x3e, 0x36, 0x47, 0x06, 0x81, 0x6a, 0xba, 0x3e, 0x25, 0x71, 0x78, 0x50,
        0xc2, 0x6c, 0x9c, 0xd0, 0xd8, 0x9d
    };
    cit_sha256_ctx_t c256;
    cit_sha1_ctx_t c1;
    uint8_t out[32];
    uint32_t state[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    const uint32_t state0[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    size_t i;

    /* FIPS 180 "abc" (one block), typed in. */
    cit_sha256_init(&c256);
    c256.blocks = cit_sha256_blocks_shani;
    cit_sha256_update(&c256, (const uint8_t *)"abc", 3);
    cit_sha256_finish(&c256, out, 32);
    CHECK_MEM(out, abc_sha256, 32);
    cit_sha1_init(&c1);
    c1.blocks = cit_sha1_blocks_shani;
    cit_sha1_update(&c1, (const uint8_t *)"abc", 3);
    cit_sha1_finish(&c1, out);
    CHECK_MEM(out, abc_sha1, 20);

    /* Zero blocks is a no-op (data is not read). */
    cit_sha256_blocks_shani(state, NULL, 0);
    cit_sha1_blocks_shani(state, NULL, 0);
    CHECK_MEM(state, state0, sizeof(state));

    for (i = 0; i < NUM_RAW; i++) {
        sha_one_raw(cit_test_rand() % (MAX_RAW_BLOCKS + 1), cit_test_rand() % 16);
    }
    /* Boundary lengths around the padding block, then random ones. */
    for (i = 0; i <= 200; i++) {
        sha_one_message(i, i % 16);
    }
    for (i = 0; i < NUM_MESSAGES; i++) {
        sha_one_message(cit_test_rand() % (MAX_MESSAGE + 1), cit_test_rand() % 16);
    }
}

/* ---------------------------------------------------------------- AES */

static const EVP_CIPHER *openssl_ecb(size_t key_len)
{
    return key_len == 16 ? EVP_aes_128_ecb() : key_len == 24 ? EVP_aes_192_ecb() :
                                                               EVP_aes_256_ecb();
}

/* openssl_aes runs AES-ECB over len bytes with OpenSSL (enc = 1 or 0). */
static void openssl_aes(const uint8_t *key, size_t key_len, int enc, const uint8_t *in,
                        size_t len, uint8_t *out)
{
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int out_len = 0;

    CHECK(ctx != NULL);
    if (ctx == NULL) {
        return;
    }
    CHECK(EVP_CipherInit_ex(ctx, openssl_ecb(key_len), NULL, key, NULL, enc) == 1);
    CHECK(EVP_CIPHER_CTX_set_padding(ctx, 0) == 1);
    CHECK(EVP_CipherUpdate(ctx, out, &out_len, in, (int)len) == 1);
    CHECK((size_t)out_len == len);
    EVP_CIPHER_CTX_free(ctx);
}

/* FIPS 197 Appendix C: key 00 01 02 ..., plaintext 00 11 22 ... ff. */
static void test_aes_fips197(void)
{
    static const uint8_t ct128[16] = {
        0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30,
        0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a
    };
    static const uint8_t ct192[16] = {
        0xdd, 0xa9, 0x7c, 0xa4, 0x86, 0x4c, 0xdf, 0xe0,
        0x6e, 0xaf, 0x70, 0xa0, 0xec, 0x0d, 0x71, 0x91
    };
    static const uint8_t ct256[16] = {
        0x8e, 0xa2, 0xb7, 0xca, 0x51, 0x67, 0x45, 0xbf,
        0xea, 0xfc, 0x49, 0x90, 0x4b, 0x49, 0x60, 0x89
    };
    static const uint8_t *const cts[3] = { ct128, ct192, ct256 };
    uint8_t key[32];
    uint8_t pt[16];
    uint8_t buf[16];
    cit_aes_ctx_t ctx;
    size_t k;
    size_t i;

    for (i = 0; i < 32; i++) {
        key[i] = (uint8_t)i;
    }
    for (i = 0; i < 16; i++) {
        pt[i] = (uint8_t)(0x11 * i);
    }
    for (k = 0; k < 3; k++) {
        CHECK(cit_aes_ni_init(&ctx, key, 16 + 8 * k) == 0);
        CHECK(ctx.rounds == 10 + 2 * k);
        ctx.encrypt(&ctx, pt, buf, 1);
        CHECK_MEM(buf, cts[k], 16);
        ctx.decrypt(&ctx, buf, buf, 1);
        CHECK_MEM(buf, pt, 16);
    }
    cit_aes_wipe(&ctx);
}

/* One random run of AES-NI ECB against OpenSSL for a key size. */
static void aes_one(size_t key_len)
{
    uint8_t key[32];
    cit_aes_ctx_t ctx;
    cit_aes_ctx_t copy;
    size_t num_blocks = 1 + cit_test_rand() % MAX_AES_BLOCKS;
    size_t len = 16 * num_blocks;
    size_t in_off = cit_test_rand() % 16;
    size_t out_off = cit_test_rand() % 16;
    uint8_t *in = g_in + in_off;
    uint8_t *out = g_out + out_off;

    cit_test_rand_bytes(key, key_len);
    cit_test_rand_bytes(in, len);
    CHECK(cit_aes_ni_init(&ctx, key, key_len) == 0);
    CHECK(ctx.rounds == 6 + key_len / 4);

    openssl_aes(key, key_len, 1, in, len, g_want);
    ctx.encrypt(&ctx, in, out, num_blocks);
    CHECK_MEM(out, g_want, len);
    openssl_aes(key, key_len, 0, in, len, g_want);
    ctx.decrypt(&ctx, in, out, num_blocks);
    CHECK_MEM(out, g_want, len);

    /* In place, through a copy of the context (a clone is a memcpy). */
    memcpy(&copy, &ctx, sizeof(copy));
    cit_aes_wipe(&ctx);
    memcpy(out, in, len);
    openssl_aes(key, key_len, 1, in, len, g_want);
    copy.encrypt(&copy, out, out, num_blocks);
    CHECK_MEM(out, g_want, len);
    copy.decrypt(&copy, out, out, num_blocks);
    CHECK_MEM(out, in, len);
    cit_aes_wipe(&copy);
}

/*
 * One random run of AES-NI CBC chaining (ctx.cbc_mac): num_blocks blocks from
 * a random state and misaligned input must equal num_blocks calls of encrypt
 * with XOR; then the same through a copy of the context, and zero blocks.
 */
static void aes_cbc_one(size_t key_len, size_t num_blocks)
{
    uint8_t key[32];
    uint8_t state[16];
    uint8_t want[16];
    cit_aes_ctx_t ctx;
    cit_aes_ctx_t copy;
    const uint8_t *in = g_in + cit_test_rand() % 16;
    size_t b;
    size_t j;

    cit_test_rand_bytes(key, key_len);
    cit_test_rand_bytes(g_in, 16 * num_blocks + 16);
    cit_test_rand_bytes(state, sizeof(state));
    memcpy(want, state, sizeof(want));
    CHECK(cit_aes_ni_init(&ctx, key, key_len) == 0);
    CHECK(ctx.cbc_mac != NULL);
    for (b = 0; b < num_blocks; b++) {
        for (j = 0; j < 16; j++) {
            want[j] ^= in[16 * b + j];
        }
        ctx.encrypt(&ctx, want, want, 1);
    }
    memcpy(&copy, &ctx, sizeof(copy));
    ctx.cbc_mac(&ctx, state, in, num_blocks);
    CHECK_MEM(state, want, 16);
    ctx.cbc_mac(&ctx, state, NULL, 0);
    CHECK_MEM(state, want, 16);
    cit_aes_wipe(&ctx);

    /* Two calls splitting the run, through the copy (a clone is a memcpy). */
    cit_test_rand_bytes(g_want, 16);
    memcpy(want, g_want, 16);
    memcpy(state, g_want, 16);
    for (b = 0; b < num_blocks; b++) {
        for (j = 0; j < 16; j++) {
            want[j] ^= in[16 * b + j];
        }
        copy.encrypt(&copy, want, want, 1);
    }
    j = cit_test_rand() % (num_blocks + 1);
    copy.cbc_mac(&copy, state, in, j);
    copy.cbc_mac(&copy, state, in + 16 * j, num_blocks - j);
    CHECK_MEM(state, want, 16);
    cit_aes_wipe(&copy);
}

/* AES-NI CBC chaining for every key size and 1..40 blocks, then random runs. */
static void test_aes_cbc(void)
{
    size_t k;
    size_t n;

    for (k = 0; k < 3; k++) {
        for (n = 1; n <= MAX_AES_BLOCKS; n++) {
            aes_cbc_one(16 + 8 * k, n);
            aes_cbc_one(16 + 8 * k, 1 + cit_test_rand() % MAX_AES_BLOCKS);
        }
    }
}

static void test_aes(void)
{
    static const size_t bad_lengths[] = { 0, 1, 8, 15, 17, 20, 23, 25, 31, 33, 48, 64 };
    static const uint8_t key[64] = { 0 };
    cit_aes_ctx_t ctx;
    size_t i;

    test_aes_fips197();
    for (i = 0; i < CIT_ARRAY_LEN(bad_lengths); i++) {
        CHECK(cit_aes_ni_init(&ctx, key, bad_lengths[i]) == -1);
    }
    for (i = 0; i < NUM_AES; i++) {
        aes_one(16);
        aes_one(24);
        aes_one(32);
    }
    test_aes_cbc();
}

/* ---------------------------------------------------------------- SHA-512 */

/* The four SHA-512 family members: builtin init, digest length, OpenSSL twin. */
typedef struct {
    void (*init)(cit_sha512_ctx_t *ctx);
    size_t len;
    const EVP_MD *(*md)(void);
} sha512_alg_t;

static const sha512_alg_t g_sha512_algs[4] = {
    { cit_sha384_init, 48, EVP_sha384 },
    { cit_sha512_init, 64, EVP_sha512 },
    { cit_sha512_224_init, 28, EVP_sha512_224 },
    { cit_sha512_256_init, 32, EVP_sha512_256 },
};

/* One random message: all four with the AVX2 compression vs OpenSSL, same random splits. */
static void sha512_one_message(size_t len, size_t offset)
{
    const uint8_t *msg = g_in + offset;
    cit_sha512_ctx_t ctx[4];
    uint8_t got[64];
    uint8_t want[64];
    size_t pos = 0;
    size_t i;

    cit_test_rand_bytes(g_in + offset, len);
    for (i = 0; i < 4; i++) {
        g_sha512_algs[i].init(&ctx[i]);
        ctx[i].blocks = cit_sha512_blocks_avx2;
    }
    while (pos < len) {
        size_t n = split_len(len - pos);

        if (n > len - pos) {
            n = len - pos;
        }
        for (i = 0; i < 4; i++) {
            cit_sha512_update(&ctx[i], msg + pos, n);
        }
        pos += n;
    }
    for (i = 0; i < 4; i++) {
        cit_sha512_finish(&ctx[i], got, g_sha512_algs[i].len);
        openssl_digest(g_sha512_algs[i].md(), msg, len, want);
        CHECK_MEM(got, want, g_sha512_algs[i].len);
    }
}

/* Raw compression of num_blocks blocks from a random state: AVX2 vs the portable blocks. */
static void sha512_one_raw(size_t num_blocks, size_t offset)
{
    uint64_t s_got[8];
    uint64_t s_want[8];

    cit_test_rand_bytes(g_in + offset, 128 * num_blocks);
    cit_test_rand_bytes((uint8_t *)s_want, sizeof(s_want));
    memcpy(s_got, s_want, sizeof(s_got));
    cit_sha512_blocks(s_want, g_in + offset, num_blocks);
    cit_sha512_blocks_avx2(s_got, g_in + offset, num_blocks);
    CHECK_MEM(s_got, s_want, sizeof(s_got));
}

static void test_sha512(void)
{
    /* FIPS 180-4 example "abc" (one block), typed in. */
    static const uint8_t abc_sha512[64] = {
        0xdd, 0xaf, 0x35, 0xa1, 0x93, 0x61, 0x7a, 0xba, 0xcc, 0x41, 0x73, 0x49, 0xae, 0x20,
        0x41, 0x31, 0x12, 0xe6, 0xfa, 0x4e, 0x89, 0xa9, 0x7e, 0xa2, 0x0a, 0x9e, 0xee, 0xe6,
        0x4b, 0x55, 0xd3, 0x9a, 0x21, 0x92, 0x99, 0x2a, 0x27, 0x4f, 0xc1, 0xa8, 0x36, 0xba,
        0x3c, 0x23, 0xa3, 0xfe, 0xeb, 0xbd, 0x45, 0x4d, 0x44, 0x23, 0x64, 0x3c, 0xe8, 0x0e,
        0x2a, 0x9a, 0xc9, 0x4f, 0xa5, 0x4c, 0xa4, 0x9f
    };
    cit_sha512_ctx_t ctx;
    uint8_t out[64];
    uint64_t state[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    const uint64_t state0[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    size_t i;

    cit_sha512_init(&ctx);
    ctx.blocks = cit_sha512_blocks_avx2;
    cit_sha512_update(&ctx, (const uint8_t *)"abc", 3);
    cit_sha512_finish(&ctx, out, 64);
    CHECK_MEM(out, abc_sha512, 64);

    /* Zero blocks is a no-op (data is not read). */
    cit_sha512_blocks_avx2(state, NULL, 0);
    CHECK_MEM(state, state0, sizeof(state));

    /* Every count up to the maximum (odd and even, one pair or several), then random. */
    for (i = 1; i <= MAX_SHA512_RAW_BLOCKS; i++) {
        sha512_one_raw(i, i % 16);
    }
    for (i = 0; i < NUM_SHA512_RAW; i++) {
        sha512_one_raw(1 + cit_test_rand() % MAX_SHA512_RAW_BLOCKS, cit_test_rand() % 16);
    }
    /* Long runs: many pipelined pairs, odd and even. */
    sha512_one_raw(MAX_MESSAGE / 128, 3);
    sha512_one_raw(MAX_MESSAGE / 128 - 1, 0);
    /* Boundary lengths around the padding block(s), then random ones. */
    for (i = 0; i <= 400; i++) {
        sha512_one_message(i, i % 16);
    }
    for (i = 0; i < NUM_SHA512_MESSAGES; i++) {
        sha512_one_message(cit_test_rand() % (MAX_MESSAGE + 1), cit_test_rand() % 16);
    }
}

/* ---------------------------------------------------------------- main */

int main(void)
{
    uint32_t features = cit_x86_features();

    const uint32_t avx2_bmi2 = CIT_X86_AVX2 | CIT_X86_BMI2;

    printf("x86 features: sha=%d aes=%d avx2=%d bmi2=%d\n", (features & CIT_X86_SHA) != 0,
           (features & CIT_X86_AES) != 0, (features & CIT_X86_AVX2) != 0,
           (features & CIT_X86_BMI2) != 0);
    CHECK((features & ~(CIT_X86_SHA | CIT_X86_AES | avx2_bmi2)) == 0);
    CHECK(cit_x86_features() == features);
    cit_x86_set_mask(0);
    CHECK(cit_x86_features() == 0);
    cit_x86_set_mask(CIT_X86_SHA);
    CHECK(cit_x86_features() == (features & CIT_X86_SHA));
    cit_x86_set_mask(0xffffffffu);
    CHECK(cit_x86_features() == features);

    if ((features & (CIT_X86_SHA | CIT_X86_AES)) == 0 && (features & avx2_bmi2) != avx2_bmi2) {
        cit_test_skip("none of SHA-NI, AES-NI, AVX2 + BMI2 available");
    }
    cit_test_rand_seed(0x78363634u);
    if ((features & CIT_X86_SHA) != 0) {
        test_sha();
    } else {
        printf("SKIPPED: SHA-NI not available\n");
    }
    if ((features & CIT_X86_AES) != 0) {
        test_aes();
    } else {
        printf("SKIPPED: AES-NI not available\n");
    }
    if ((features & avx2_bmi2) == avx2_bmi2) {
        test_sha512();
    } else {
        printf("SKIPPED: AVX2 not available\n");
    }
    return cit_test_end("x86");
}

#else /* !CIT_USE_X86 */

int main(void)
{
    cit_test_skip("the x86 driver is not configured (CIT_USE_X86)");
    return 0;
}

#endif /* CIT_USE_X86 */
