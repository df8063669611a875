/*
 * sha512.c - SHA-384, SHA-512, SHA-512/224 and SHA-512/256 (FIPS 180-4).
 *
 * Portable C tuned for 64-bit cores. The eight working variables live in
 * locals whose roles rotate through macro arguments (no moves); rounds are
 * unrolled in groups of 16 over a rolling 16-word message schedule; blocks
 * are read straight from the caller's buffer. Two well-known identities cut
 * the work per round:
 *  - Sigma0/Sigma1 are factored as ROTR28(x ^ ROTR6(x) ^ ROTR11(x)) and
 *    ROTR14(x ^ ROTR4(x) ^ ROTR27(x)): one copy less than three independent
 *    rotates on two-operand ISAs, and still only four operations deep;
 *  - Maj(a, b, c) = ((a ^ b) & (b ^ c)) ^ b, where b ^ c is the previous
 *    round's a ^ b, carried in x / y.
 *
 * Constant time: no branch or memory index depends on the message; the only
 * branches depend on lengths.
 */
#include "primitives.h"

#include "config_derive.h"
#include "md_buffer.h"
#include "util.h"

#if defined(CIT_NEED_SHA512)

#define SHA512_BLOCK 128u

/* ROTR64 rotates right by a constant 0 < n < 64. */
#define ROTR64(x, n) (((x) >> (n)) | ((x) << (64 - (n))))
#define BSIG0(x) ROTR64((x) ^ ROTR64((x), 6) ^ ROTR64((x), 11), 28)
#define BSIG1(x) ROTR64((x) ^ ROTR64((x), 4) ^ ROTR64((x), 27), 14)
#define SSIG0(x) (ROTR64((x), 1) ^ ROTR64((x), 8) ^ ((x) >> 7))
#define SSIG1(x) (ROTR64((x), 19) ^ ROTR64((x), 61) ^ ((x) >> 6))
/* Ch(x, y, z) = (x AND y) XOR (NOT x AND z), in three operations. */
#define CH(x, y, z) ((((y) ^ (z)) & (x)) ^ (z))

/* W_LOAD reads message word i (0..15) of the current block. */
#define W_LOAD(i) (w[i] = cit_load_be64(data + 8 * (i)))
/* W_NEXT computes schedule word 16 * n + i (n >= 1) in place of the word 16 before it. */
#define W_NEXT(i) (w[i] += SSIG1(w[((i) + 14) & 15]) + w[((i) + 9) & 15] + SSIG0(w[((i) + 1) & 15]))

/*
 * ROUND is round 16 * n + i with k = K512 + 16 * n. The caller rotates the
 * variable names, so only d and h are written. wi yields the message word;
 * mx receives a ^ b, my holds b ^ c (the previous round's a ^ b).
 */
#define ROUND(a, b, c, d, e, f, g, h, i, wi, mx, my)                                       \
    do {                                                                                   \
        uint64_t t1_ = (h) + k[i] + (wi) + CH((e), (f), (g)) + BSIG1(e);                   \
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
 * FIPS 180-4 4.2.3: the first 64 bits of the fractional parts of the cube roots
 * of the first 80 primes.
 */
static const uint64_t K512[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

/* FIPS 180-4 5.3.5: fractional parts of the square roots of the first 8 primes. */
static const uint64_t IV512[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
    0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};

/* FIPS 180-4 5.3.4: the same for the 9th through 16th primes. */
static const uint64_t IV384[8] = {
    0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL, 0x9159015a3070dd17ULL, 0x152fecd8f70e5939ULL,
    0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL, 0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL,
};

/* FIPS 180-4 5.3.6.1: generated by the SHA-512/t IV generation function, t = 224. */
static const uint64_t IV512_224[8] = {
    0x8c3d37c819544da2ULL, 0x73e1996689dcd4d6ULL, 0x1dfab7ae32ff9c82ULL, 0x679dd514582f9fcfULL,
    0x0f6d2b697bd44da8ULL, 0x77e36f7304c48942ULL, 0x3f9d85a86a1d36c8ULL, 0x1112e6ad91d692a1ULL,
};

/* FIPS 180-4 5.3.6.2: t = 256. */
static const uint64_t IV512_256[8] = {
    0x22312194fc2bf72cULL, 0x9f555fa3c84c64c2ULL, 0x2393b86b6f53b151ULL, 0x963877195940eabdULL,
    0x96283ee2a88effe3ULL, 0xbe5e1e2553863992ULL, 0x2b0199fc2c85b8aaULL, 0x0eb72ddc81c52ca2ULL,
};

static void sha512_start(cit_sha512_ctx_t *ctx, const uint64_t iv[8])
{
    memcpy(ctx->h, iv, sizeof(ctx->h));
    ctx->num_bytes = 0;
    ctx->blocks = cit_sha512_blocks;
}

/* see primitives.h */
void cit_sha512_blocks(uint64_t *state, const uint8_t *data, size_t num_blocks)
{
    uint64_t w[16];

    while (num_blocks-- > 0) {
        uint64_t a = state[0], b = state[1], c = state[2], d = state[3];
        uint64_t e = state[4], f = state[5], g = state[6], h = state[7];
        uint64_t x, y = b ^ c;
        const uint64_t *k = K512;
        unsigned n;

        EIGHT(0, W_LOAD);
        EIGHT(8, W_LOAD);
        for (n = 1; n < 5; n++) {
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
        data += SHA512_BLOCK;
    }
}

/* see primitives.h */
void cit_sha512_init(cit_sha512_ctx_t *ctx)
{
    sha512_start(ctx, IV512);
}

/* see primitives.h */
void cit_sha384_init(cit_sha512_ctx_t *ctx)
{
    sha512_start(ctx, IV384);
}

/* see primitives.h */
void cit_sha512_224_init(cit_sha512_ctx_t *ctx)
{
    sha512_start(ctx, IV512_224);
}

/* see primitives.h */
void cit_sha512_256_init(cit_sha512_ctx_t *ctx)
{
    sha512_start(ctx, IV512_256);
}

/* sha512_compress is the cit_md_compress_fn of a cit_sha512_ctx_t: ctx->blocks over ctx->h. */
static void sha512_compress(void *vctx, const uint8_t *data, size_t num_blocks)
{
    cit_sha512_ctx_t *ctx = (cit_sha512_ctx_t *)vctx;

    ctx->blocks(ctx->h, data, num_blocks);
}

/* see primitives.h */
void cit_sha512_update(cit_sha512_ctx_t *ctx, const uint8_t *in, size_t in_len)
{
    cit_md_update(ctx, sha512_compress, ctx->buf, SHA512_BLOCK, &ctx->num_bytes, in, in_len);
}

/* see primitives.h */
void cit_sha512_finish(cit_sha512_ctx_t *ctx, uint8_t *out, size_t out_len)
{
    cit_md_pad(ctx, sha512_compress, ctx->buf, SHA512_BLOCK, &ctx->num_bytes, CIT_MD_LEN_BE128);
    cit_md_out64_be(out, ctx->h, out_len < 64 ? out_len : 64);
    cit_zeroize(ctx, sizeof(*ctx));
}

/* see primitives.h */
void cit_sha512(const uint8_t *in, size_t in_len, uint8_t out[64])
{
    cit_sha512_ctx_t ctx;

    cit_sha512_init(&ctx);
    cit_sha512_update(&ctx, in, in_len);
    cit_sha512_finish(&ctx, out, 64);
}

#else
typedef int cit_sha512_unused_t;
#endif /* CIT_NEED_SHA512 */
