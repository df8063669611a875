/*
 * ripemd160.c - RIPEMD-160 (Dobbertin, Bosselaers, Preneel, 1996).
 *
 * Portable C: both lines of all five rounds unrolled with rotating variable
 * names (period five); message words are read little-endian straight from
 * the caller's buffer. Provided for legacy protocols.
 *
 * Constant time: no branch or memory index depends on the message (the word
 * selection and rotation amounts are fixed constants).
 */
#include "primitives.h"

#include "config_derive.h"
#include "md_buffer.h"
#include "util.h"

#if defined(CIT_NEED_RIPEMD160)

#define RMD_BLOCK 64u

/* ROTL32 rotates left by a constant 0 < n < 32. */
#define ROTL32(x, n) (((x) << (n)) | ((x) >> (32 - (n))))

/*
 * The five boolean functions. F4(x, y, z) = (x & z) | (y & ~z) has disjoint
 * halves and is written as their sum, so that the half without x (the newest
 * value) is added off the critical path.
 */
#define F1(x, y, z) ((x) ^ (y) ^ (z))
#define F2(x, y, z) ((((y) ^ (z)) & (x)) ^ (z))
#define F3(x, y, z) (((x) | ~(y)) ^ (z))
#define F4(x, y, z) (((x) & (z)) + ((y) & ~(z)))
#define F5(x, y, z) ((x) ^ ((y) | ~(z)))

/* Added constants: integer parts of 2^30 times sqrt(2), sqrt(3), sqrt(5), sqrt(7) (left)
 * and cbrt(2), cbrt(3), cbrt(5), cbrt(7) (right). */
#define KL0 0x00000000u
#define KL1 0x5a827999u
#define KL2 0x6ed9eba1u
#define KL3 0x8f1bbcdcu
#define KL4 0xa953fd4eu
#define KR0 0x50a28be6u
#define KR1 0x5c4dd124u
#define KR2 0x6d703ef3u
#define KR3 0x7a6d76e9u
#define KR4 0x00000000u

/* X reads message word r of the current block. */
#define X(r) cit_load_le32(data + 4 * (r))

/* STEP: a = ROTL_s(a + f(b, c, d) + X[r] + K) + e; c = ROTL_10(c). Names rotate by one. */
#define STEP(F, K, a, b, c, d, e, r, s)                                                    \
    do {                                                                                   \
        (a) += F((b), (c), (d)) + X(r) + (K);                                              \
        (a) = ROTL32((a), s) + (e);                                                        \
        (c) = ROTL32((c), 10);                                                             \
    } while (0)

/*
 * STEP2 performs step j of both lines: the left one on a..e with function FL,
 * constant KL, word rl and rotation sl; the right one on aa..ee likewise.
 * Interleaving the two independent lines keeps both dependency chains busy.
 */
#define STEP2(FL, KL, FR, KR, a, b, c, d, e, aa, bb, cc, dd, ee, rl, sl, rr, sr)           \
    do {                                                                                   \
        STEP(FL, KL, a, b, c, d, e, rl, sl);                                               \
        STEP(FR, KR, aa, bb, cc, dd, ee, rr, sr);                                          \
    } while (0)

/* ripemd160_blocks compresses num_blocks consecutive 64-byte blocks into state. */
static void ripemd160_blocks(uint32_t state[5], const uint8_t *data, size_t num_blocks)
{
    while (num_blocks-- > 0) {
        uint32_t a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];
        uint32_t aa = a, bb = b, cc = c, dd = d, ee = e;
        uint32_t t;

        /* Round 1: F1 / F5. */
        STEP2(F1, KL0, F5, KR0, a, b, c, d, e, aa, bb, cc, dd, ee, 0, 11, 5, 8);
        STEP2(F1, KL0, F5, KR0, e, a, b, c, d, ee, aa, bb, cc, dd, 1, 14, 14, 9);
        STEP2(F1, KL0, F5, KR0, d, e, a, b, c, dd, ee, aa, bb, cc, 2, 15, 7, 9);
        STEP2(F1, KL0, F5, KR0, c, d, e, a, b, cc, dd, ee, aa, bb, 3, 12, 0, 11);
        STEP2(F1, KL0, F5, KR0, b, c, d, e, a, bb, cc, dd, ee, aa, 4, 5, 9, 13);
        STEP2(F1, KL0, F5, KR0, a, b, c, d, e, aa, bb, cc, dd, ee, 5, 8, 2, 15);
        STEP2(F1, KL0, F5, KR0, e, a, b, c, d, ee, aa, bb, cc, dd, 6, 7, 11, 15);
        STEP2(F1, KL0, F5, KR0, d, e, a, b, c, dd, ee, aa, bb, cc, 7, 9, 4, 5);
        STEP2(F1, KL0, F5, KR0, c, d, e, a, b, cc, dd, ee, aa, bb, 8, 11, 13, 7);
        STEP2(F1, KL0, F5, KR0, b, c, d, e, a, bb, cc, dd, ee, aa, 9, 13, 6, 7);
        STEP2(F1, KL0, F5, KR0, a, b, c, d, e, aa, bb, cc, dd, ee, 10, 14, 15, 8);
        STEP2(F1, KL0, F5, KR0, e, a, b, c, d, ee, aa, bb, cc, dd, 11, 15, 8, 11);
        STEP2(F1, KL0, F5, KR0, d, e, a, b, c, dd, ee, aa, bb, cc, 12, 6, 1, 14);
        STEP2(F1, KL0, F5, KR0, c, d, e, a, b, cc, dd, ee, aa, bb, 13, 7, 10, 14);
        STEP2(F1, KL0, F5, KR0, b, c, d, e, a, bb, cc, dd, ee, aa, 14, 9, 3, 12);
        STEP2(F1, KL0, F5, KR0, a, b, c, d, e, aa, bb, cc, dd, ee, 15, 8, 12, 6);
        /* Round 2: F2 / F4. */
        STEP2(F2, KL1, F4, KR1, e, a, b, c, d, ee, aa, bb, cc, dd, 7, 7, 6, 9);
        STEP2(F2, KL1, F4, KR1, d, e, a, b, c, dd, ee, aa, bb, cc, 4, 6, 11, 13);
        STEP2(F2, KL1, F4, KR1, c, d, e, a, b, cc, dd, ee, aa, bb, 13, 8, 3, 15);
        STEP2(F2, KL1, F4, KR1, b, c, d, e, a, bb, cc, dd, ee, aa, 1, 13, 7, 7);
        STEP2(F2, KL1, F4, KR1, a, b, c, d, e, aa, bb, cc, dd, ee, 10, 11, 0, 12);
        STEP2(F2, KL1, F4, KR1, e, a, b, c, d, ee, aa, bb, cc, dd, 6, 9, 13, 8);
        STEP2(F2, KL1, F4, KR1, d, e, a, b, c, dd, ee, aa, bb, cc, 15, 7, 5, 9);
        STEP2(F2, KL1, F4, KR1, c, d, e, a, b, cc, dd, ee, aa, bb, 3, 15, 10, 11);
        STEP2(F2, KL1, F4, KR1, b, c, d, e, a, bb, cc, dd, ee, aa, 12, 7, 14, 7);
        STEP2(F2, KL1, F4, KR1, a, b, c, d, e, aa, bb, cc, dd, ee, 0, 12, 15, 7);
        STEP2(F2, KL1, F4, KR1, e, a, b, c, d, ee, aa, bb, cc, dd, 9, 15, 8, 12);
        STEP2(F2, KL1, F4, KR1, d, e, a, b, c, dd, ee, aa, bb, cc, 5, 9, 12, 7);
        STEP2(F2, KL1, F4, KR1, c, d, e, a, b, cc, dd, ee, aa, bb, 2, 11, 4, 6);
        STEP2(F2, KL1, F4, KR1, b, c, d, e, a, bb, cc, dd, ee, aa, 14, 7, 9, 15);
        STEP2(F2, KL1, F4, KR1, a, b, c, d, e, aa, bb, cc, dd, ee, 11, 13, 1, 13);
        STEP2(F2, KL1, F4, KR1, e, a, b, c, d, ee, aa, bb, cc, dd, 8, 12, 2, 11);
        /* Round 3: F3 / F3. */
        STEP2(F3, KL2, F3, KR2, d, e, a, b, c, dd, ee, aa, bb, cc, 3, 11, 15, 9);
        STEP2(F3, KL2, F3, KR2, c, d, e, a, b, cc, dd, ee, aa, bb, 10, 13, 5, 7);
        STEP2(F3, KL2, F3, KR2, b, c, d, e, a, bb, cc, dd, ee, aa, 14, 6, 1, 15);
        STEP2(F3, KL2, F3, KR2, a, b, c, d, e, aa, bb, cc, dd, ee, 4, 7, 3, 11);
        STEP2(F3, KL2, F3, KR2, e, a, b, c, d, ee, aa, bb, cc, dd, 9, 14, 7, 8);
        STEP2(F3, KL2, F3, KR2, d, e, a, b, c, dd, ee, aa, bb, cc, 15, 9, 14, 6);
        STEP2(F3, KL2, F3, KR2, c, d, e, a, b, cc, dd, ee, aa, bb, 8, 13, 6, 6);
        STEP2(F3, KL2, F3, KR2, b, c, d, e, a, bb, cc, dd, ee, aa, 1, 15, 9, 14);
        STEP2(F3, KL2, F3, KR2, a, b, c, d, e, aa, bb, cc, dd, ee, 2, 14, 11, 12);
        STEP2(F3, KL2, F3, KR2, e, a, b, c, d, ee, aa, bb, cc, dd, 7, 8, 8, 13);
        STEP2(F3, KL2, F3, KR2, d, e, a, b, c, dd, ee, aa, bb, cc, 0, 13, 12, 5);
        STEP2(F3, KL2, F3, KR2, c, d, e, a, b, cc, dd, ee, aa, bb, 6, 6, 2, 14);
        STEP2(F3, KL2, F3, KR2, b, c, d, e, a, bb, cc, dd, ee, aa, 13, 5, 10, 13);
        STEP2(F3, KL2, F3, KR2, a, b, c, d, e, aa, bb, cc, dd, ee, 11, 12, 0, 13);
        STEP2(F3, KL2, F3, KR2, e, a, b, c, d, ee, aa, bb, cc, dd, 5, 7, 4, 7);
        STEP2(F3, KL2, F3, KR2, d, e, a, b, c, dd, ee, aa, bb, cc, 12, 5, 13, 5);
        /* Round 4: F4 / F2. */
        STEP2(F4, KL3, F2, KR3, c, d, e, a, b, cc, dd, ee, aa, bb, 1, 11, 8, 15);
        STEP2(F4, KL3, F2, KR3, b, c, d, e, a, bb, cc, dd, ee, aa, 9, 12, 6, 5);
        STEP2(F4, KL3, F2, KR3, a, b, c, d, e, aa, bb, cc, dd, ee, 11, 14, 4, 8);
        STEP2(F4, KL3, F2, KR3, e, a, b, c, d, ee, aa, bb, cc, dd, 10, 15, 1, 11);
        STEP2(F4, KL3, F2, KR3, d, e, a, b, c, dd, ee, aa, bb, cc, 0, 14, 3, 14);
        STEP2(F4, KL3, F2, KR3, c, d, e, a, b, cc, dd, ee, aa, bb, 8, 15, 11, 14);
        STEP2(F4, KL3, F2, KR3, b, c, d, e, a, bb, cc, dd, ee, aa, 12, 9, 15, 6);
        STEP2(F4, KL3, F2, KR3, a, b, c, d, e, aa, bb, cc, dd, ee, 4, 8, 0, 14);
        STEP2(F4, KL3, F2, KR3, e, a, b, c, d, ee, aa, bb, cc, dd, 13, 9, 5, 6);
        STEP2(F4, KL3, F2, KR3, d, e, a, b, c, dd, ee, aa, bb, cc, 3, 14, 12, 9);
        STEP2(F4, KL3, F2, KR3, c, d, e, a, b, cc, dd, ee, aa, bb, 7, 5, 2, 12);
        STEP2(F4, KL3, F2, KR3, b, c, d, e, a, bb, cc, dd, ee, aa, 15, 6, 13, 9);
        STEP2(F4, KL3, F2, KR3, a, b, c, d, e, aa, bb, cc, dd, ee, 14, 8, 9, 12);
        STEP2(F4, KL3, F2, KR3, e, a, b, c, d, ee, aa, bb, cc, dd, 5, 6, 7, 5);
        STEP2(F4, KL3, F2, KR3, d, e, a, b, c, dd, ee, aa, bb, cc, 6, 5, 10, 15);
        STEP2(F4, KL3, F2, KR3, c, d, e, a, b, cc, dd, ee, aa, bb, 2, 12, 14, 8);
        /* Round 5: F5 / F1. */
        STEP2(F5, KL4, F1, KR4, b, c, d, e, a, bb, cc, dd, ee, aa, 4, 9, 12, 8);
        STEP2(F5, KL4, F1, KR4, a, b, c, d, e, aa, bb, cc, dd, ee, 0, 15, 15, 5);
        STEP2(F5, KL4, F1, KR4, e, a, b, c, d, ee, aa, bb, cc, dd, 5, 5, 10, 12);
        STEP2(F5, KL4, F1, KR4, d, e, a, b, c, dd, ee, aa, bb, cc, 9, 11, 4, 9);
        STEP2(F5, KL4, F1, KR4, c, d, e, a, b, cc, dd, ee, aa, bb, 7, 6, 1, 12);
        STEP2(F5, KL4, F1, KR4, b, c, d, e, a, bb, cc, dd, ee, aa, 12, 8, 5, 5);
        STEP2(F5, KL4, F1, KR4, a, b, c, d, e, aa, bb, cc, dd, ee, 2, 13, 8, 14);
        STEP2(F5, KL4, F1, KR4, e, a, b, c, d, ee, aa, bb, cc, dd, 10, 12, 7, 6);
        STEP2(F5, KL4, F1, KR4, d, e, a, b, c, dd, ee, aa, bb, cc, 14, 5, 6, 8);
        STEP2(F5, KL4, F1, KR4, c, d, e, a, b, cc, dd, ee, aa, bb, 1, 12, 2, 13);
        STEP2(F5, KL4, F1, KR4, b, c, d, e, a, bb, cc, dd, ee, aa, 3, 13, 13, 6);
        STEP2(F5, KL4, F1, KR4, a, b, c, d, e, aa, bb, cc, dd, ee, 8, 14, 14, 5);
        STEP2(F5, KL4, F1, KR4, e, a, b, c, d, ee, aa, bb, cc, dd, 11, 11, 0, 15);
        STEP2(F5, KL4, F1, KR4, d, e, a, b, c, dd, ee, aa, bb, cc, 6, 8, 3, 13);
        STEP2(F5, KL4, F1, KR4, c, d, e, a, b, cc, dd, ee, aa, bb, 15, 5, 9, 11);
        STEP2(F5, KL4, F1, KR4, b, c, d, e, a, bb, cc, dd, ee, aa, 13, 6, 11, 11);

        /* Combine the two lines (the names are back in place after 80 steps). */
        t = state[1] + c + dd;
        state[1] = state[2] + d + ee;
        state[2] = state[3] + e + aa;
        state[3] = state[4] + a + bb;
        state[4] = state[0] + b + cc;
        state[0] = t;
        data += RMD_BLOCK;
    }
}

/* see primitives.h */
void cit_ripemd160_init(cit_ripemd160_ctx_t *ctx)
{
    ctx->h[0] = 0x67452301;
    ctx->h[1] = 0xefcdab89;
    ctx->h[2] = 0x98badcfe;
    ctx->h[3] = 0x10325476;
    ctx->h[4] = 0xc3d2e1f0;
    ctx->num_bytes = 0;
}

/* ripemd160_compress is the cit_md_compress_fn of a cit_ripemd160_ctx_t. */
static void ripemd160_compress(void *vctx, const uint8_t *data, size_t num_blocks)
{
    cit_ripemd160_ctx_t *ctx = (cit_ripemd160_ctx_t *)vctx;

    ripemd160_blocks(ctx->h, data, num_blocks);
}

/* see primitives.h */
void cit_ripemd160_update(cit_ripemd160_ctx_t *ctx, const uint8_t *in, size_t in_len)
{
    cit_md_update(ctx, ripemd160_compress, ctx->buf, RMD_BLOCK, &ctx->num_bytes, in, in_len);
}

/* see primitives.h */
void cit_ripemd160_finish(cit_ripemd160_ctx_t *ctx, uint8_t out[20])
{
    cit_md_pad(ctx, ripemd160_compress, ctx->buf, RMD_BLOCK, &ctx->num_bytes, CIT_MD_LEN_LE64);
    cit_md_out32(out, ctx->h, 20, 0);
    cit_zeroize(ctx, sizeof(*ctx));
}

#else
typedef int cit_ripemd160_unused_t;
#endif /* CIT_NEED_RIPEMD160 */
