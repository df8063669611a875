/*
 * sha1.c - SHA-1 (FIPS 180-4).
 *
 * Portable C: all 80 rounds unrolled with rotating variable names (period
 * five), a rolling 16-word message schedule, and blocks read in place. On
 * x86-64 the accelerator driver substitutes a SHA-NI compression function
 * through ctx->blocks.
 *
 * Constant time: no branch or memory index depends on the message.
 */
#include "primitives.h"

#include "config_derive.h"
#include "md_buffer.h"
#include "util.h"

#if defined(CIT_NEED_SHA1)

#define SHA1_BLOCK 64u

/* ROTL32 rotates left by a constant 0 < n < 32. */
#define ROTL32(x, n) (((x) << (n)) | ((x) >> (32 - (n))))

/* The round functions of FIPS 180-4 4.1.1, each in as few operations as possible. */
#define F_CH(x, y, z) ((((y) ^ (z)) & (x)) ^ (z))
#define F_PARITY(x, y, z) ((x) ^ (y) ^ (z))
#define F_MAJ(x, y, z) (((x) & (y)) | (((x) | (y)) & (z)))

#define K0 0x5a827999u
#define K1 0x6ed9eba1u
#define K2 0x8f1bbcdcu
#define K3 0xca62c1d6u

/* W_LOAD reads message word i (0..15); W_NEXT computes word i >= 16 in place. */
#define W_LOAD(i) (w[i] = cit_load_be32(data + 4 * (i)))
#define W_NEXT(i)                                                                          \
    (w[(i) & 15] = ROTL32(w[((i) + 13) & 15] ^ w[((i) + 8) & 15] ^ w[((i) + 2) & 15] ^     \
                          w[(i) & 15], 1))

/* ROUND: e += ROTL5(a) + f(b, c, d) + K + W; b = ROTL30(b). Names rotate by one. */
#define ROUND(a, b, c, d, e, F, K, wi)                                                     \
    do {                                                                                   \
        (e) += ROTL32((a), 5) + F((b), (c), (d)) + (K) + (wi);                             \
        (b) = ROTL32((b), 30);                                                             \
    } while (0)

/* FIVE performs rounds i..i+4, after which the names are back in place. */
#define FIVE(i, F, K, WX)                                                                  \
    do {                                                                                   \
        ROUND(a, b, c, d, e, F, K, WX((i) + 0));                                           \
        ROUND(e, a, b, c, d, F, K, WX((i) + 1));                                           \
        ROUND(d, e, a, b, c, F, K, WX((i) + 2));                                           \
        ROUND(c, d, e, a, b, F, K, WX((i) + 3));                                           \
        ROUND(b, c, d, e, a, F, K, WX((i) + 4));                                           \
    } while (0)

/* TWENTY performs rounds i..i+19 (i >= 20), all with scheduled words. */
#define TWENTY(i, F, K)                                                                    \
    do {                                                                                   \
        FIVE((i) + 0, F, K, W_NEXT);                                                       \
        FIVE((i) + 5, F, K, W_NEXT);                                                       \
        FIVE((i) + 10, F, K, W_NEXT);                                                      \
        FIVE((i) + 15, F, K, W_NEXT);                                                      \
    } while (0)

/* FIPS 180-4 5.3.1. */
static const uint32_t IV1[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};

/* see primitives.h */
void cit_sha1_blocks(uint32_t *state, const uint8_t *data, size_t num_blocks)
{
    uint32_t w[16];

    while (num_blocks-- > 0) {
        uint32_t a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];

        FIVE(0, F_CH, K0, W_LOAD);
        FIVE(5, F_CH, K0, W_LOAD);
        FIVE(10, F_CH, K0, W_LOAD);
        ROUND(a, b, c, d, e, F_CH, K0, W_LOAD(15));
        ROUND(e, a, b, c, d, F_CH, K0, W_NEXT(16));
        ROUND(d, e, a, b, c, F_CH, K0, W_NEXT(17));
        ROUND(c, d, e, a, b, F_CH, K0, W_NEXT(18));
        ROUND(b, c, d, e, a, F_CH, K0, W_NEXT(19));
        TWENTY(20, F_PARITY, K1);
        TWENTY(40, F_MAJ, K2);
        TWENTY(60, F_PARITY, K3);

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        data += SHA1_BLOCK;
    }
}

/* see primitives.h */
void cit_sha1_init(cit_sha1_ctx_t *ctx)
{
    memcpy(ctx->h, IV1, sizeof(ctx->h));
    ctx->num_bytes = 0;
    ctx->blocks = cit_sha1_blocks;
}

/* sha1_compress is the cit_md_compress_fn of a cit_sha1_ctx_t: ctx->blocks over ctx->h. */
static void sha1_compress(void *vctx, const uint8_t *data, size_t num_blocks)
{
    cit_sha1_ctx_t *ctx = (cit_sha1_ctx_t *)vctx;

    ctx->blocks(ctx->h, data, num_blocks);
}

/* see primitives.h */
void cit_sha1_update(cit_sha1_ctx_t *ctx, const uint8_t *in, size_t in_len)
{
    cit_md_update(ctx, sha1_compress, ctx->buf, SHA1_BLOCK, &ctx->num_bytes, in, in_len);
}

/* see primitives.h */
void cit_sha1_finish(cit_sha1_ctx_t *ctx, uint8_t out[20])
{
    cit_md_pad(ctx, sha1_compress, ctx->buf, SHA1_BLOCK, &ctx->num_bytes, CIT_MD_LEN_BE64);
    cit_md_out32(out, ctx->h, 20, 1);
    cit_zeroize(ctx, sizeof(*ctx));
}

/* see primitives.h */
void cit_sha1(const uint8_t *in, size_t in_len, uint8_t out[20])
{
    cit_sha1_ctx_t ctx;

    cit_sha1_init(&ctx);
    cit_sha1_update(&ctx, in, in_len);
    cit_sha1_finish(&ctx, out);
}

#else
typedef int cit_sha1_unused_t;
#endif /* CIT_NEED_SHA1 */
