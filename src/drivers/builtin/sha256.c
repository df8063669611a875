/*
 * sha256.c - SHA-224, SHA-256 and SHA-256/192 (FIPS 180-4; SHA-256/192 is
 * SHA-256 truncated to 24 bytes, chosen by the caller's out_len).
 *
 * Portable C, built like sha512.c: rotating variable names, rounds unrolled
 * in groups of 16 over a rolling 16-word schedule, blocks read in place,
 * Sigma0/Sigma1 factored as ROTR2(x ^ ROTR11(x) ^ ROTR20(x)) and
 * ROTR6(x ^ ROTR5(x) ^ ROTR19(x)), and Maj(a, b, c) = ((a ^ b) & (b ^ c)) ^ b
 * with b ^ c carried over from the previous round. On x86-64 the accelerator
 * driver substitutes a SHA-NI compression function through ctx->blocks.
 *
 * Constant time: no branch or memory index depends on the message.
 */
#include "primitives.h"

#include "config_derive.h"
#include "md_buffer.h"
#include "util.h"

#if defined(CIT_NEED_SHA256)

#define SHA256_BLOCK 64u

/* ROTR32 rotates right by a constant 0 < n < 32. */
#define ROTR32(x, n) (((x) >> (n)) | ((x) << (32 - (n))))
#define BSIG0(x) ROTR32((x) ^ ROTR32((x), 11) ^ ROTR32((x), 20), 2)
#define BSIG1(x) ROTR32((x) ^ ROTR32((x), 5) ^ ROTR32((x), 19), 6)
#define SSIG0(x) (ROTR32((x), 7) ^ ROTR32((x), 18) ^ ((x) >> 3))
#define SSIG1(x) (ROTR32((x), 17) ^ ROTR32((x), 19) ^ ((x) >> 10))
/* Ch(x, y, z) = (x AND y) XOR (NOT x AND z), in three operations. */
#define CH(x, y, z) ((((y) ^ (z)) & (x)) ^ (z))

/* W_LOAD reads message word i (0..15) of the current block. */
#define W_LOAD(i) (w[i] = cit_load_be32(data + 4 * (i)))
/* W_NEXT computes schedule word 16 * n + i (n >= 1) in place of the word 16 before it. */
#define W_NEXT(i) (w[i] += SSIG1(w[((i) + 14) & 15]) + w[((i) + 9) & 15] + SSIG0(w[((i) + 1) & 15]))

/*
 * ROUND is round 16 * n + i with k = K256 + 16 * n. The caller rotates the
 * variable names, so only d and h are written. wi yields the message word;
 * mx receives a ^ b, my holds b ^ c (the previous round's a ^ b).
 */
#define ROUND(a, b, c, d, e, f, g, h, i, wi, mx, my)                                       \
    do {                                                                                   \
        uint32_t t1_ = (h) + k[i] + (wi) + CH((e), (f), (g)) + BSIG1(e);                   \
        (d) += t1_;                                                                        \
        (mx) = (a) ^ (b);                                                                  \
        (h) = t1_ + BSIG0(a) + (((mx) & (my)) ^ (b));                                      \
    } while (0)

/* EIGHT performs rounds i..i+7 (i = 0 or 8 within the group of 16) with message macro WX. */
#define EIGHT(i, WX)                                                                       \
    do {                                                                                   \
        ROUND(a, b, c, d, e, f, g, h, (i) + 0, WX((i) + 0), x, y);                         \
        ROUND(h, a, b, c, d, e, f, g, (i) + 1, WX((i) + 1), y, x);                         \
        ROUND(g, h, a, b, c, d, e, f, (i) + 2, WX((i) + 2), x, y);                         \
        ROUND(f, g, h, a, b, c, d, e, (i) + 3, WX((i) + 3), y, x);                         \
        ROUND(e, f, g, h, a, b, c, d, (i) + 4, WX((i) + 4), x, y);                         \
        ROUND(d, e, f, g, h, a, b, c, (i) + 5, WX((i) + 5), y, x);                         \
        ROUND(c, d, e, f, g, h, a, b, (i) + 6, WX((i) + 6), x, y);                         \
        ROUND(b, c, d, e, f, g, h, a, (i) + 7, WX((i) + 7), y, x);                         \
    } while (0)

/*
 * FIPS 180-4 4.2.2: the first 32 bits of the fractional parts of the cube roots
 * of the first 64 primes.
 */
static const uint32_t K256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/* FIPS 180-4 5.3.3: fractional parts of the square roots of the first 8 primes. */
static const uint32_t IV256[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
};

/* FIPS 180-4 5.3.2: the second 32 bits of those of the 9th through 16th primes. */
static const uint32_t IV224[8] = {
    0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4,
};

static void sha256_start(cit_sha256_ctx_t *ctx, const uint32_t iv[8])
{
    memcpy(ctx->h, iv, sizeof(ctx->h));
    ctx->num_bytes = 0;
    ctx->blocks = cit_sha256_blocks;
}

/* see primitives.h */
void cit_sha256_blocks(uint32_t *state, const uint8_t *data, size_t num_blocks)
{
    uint32_t w[16];

    while (num_blocks-- > 0) {
        uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
        uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
        uint32_t x, y = b ^ c;
        const uint32_t *k = K256;
        unsigned n;

        EIGHT(0, W_LOAD);
        EIGHT(8, W_LOAD);
        for (n = 1; n < 4; n++) {
            k += 16;
            EIGHT(0, W_NEXT);
            EIGHT(8, W_NEXT);
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
        data += SHA256_BLOCK;
    }
}

/* see primitives.h */
void cit_sha256_init(cit_sha256_ctx_t *ctx)
{
    sha256_start(ctx, IV256);
}

/* see primitives.h */
void cit_sha224_init(cit_sha256_ctx_t *ctx)
{
    sha256_start(ctx, IV224);
}

/* sha256_compress is the cit_md_compress_fn of a cit_sha256_ctx_t: ctx->blocks over ctx->h. */
static void sha256_compress(void *vctx, const uint8_t *data, size_t num_blocks)
{
    cit_sha256_ctx_t *ctx = (cit_sha256_ctx_t *)vctx;

    ctx->blocks(ctx->h, data, num_blocks);
}

/* see primitives.h */
void cit_sha256_update(cit_sha256_ctx_t *ctx, const uint8_t *in, size_t in_len)
{
    cit_md_update(ctx, sha256_compress, ctx->buf, SHA256_BLOCK, &ctx->num_bytes, in, in_len);
}

/* see primitives.h */
void cit_sha256_finish(cit_sha256_ctx_t *ctx, uint8_t *out, size_t out_len)
{
    cit_md_pad(ctx, sha256_compress, ctx->buf, SHA256_BLOCK, &ctx->num_bytes, CIT_MD_LEN_BE64);
    cit_md_out32(out, ctx->h, out_len < 32 ? out_len : 32, 1);
    cit_zeroize(ctx, sizeof(*ctx));
}

/* see primitives.h */
void cit_sha256(const uint8_t *in, size_t in_len, uint8_t out[32])
{
    cit_sha256_ctx_t ctx;

    cit_sha256_init(&ctx);
    cit_sha256_update(&ctx, in, in_len);
    cit_sha256_finish(&ctx, out, 32);
}

#else
typedef int cit_sha256_unused_t;
#endif /* CIT_NEED_SHA256 */
