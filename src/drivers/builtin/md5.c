/*
 * md5.c - MD5 (RFC 1321). Broken as a collision-resistant hash; provided
 * for legacy protocols only.
 *
 * Portable C: all 64 steps unrolled with rotating variable names; message
 * words are read little-endian straight from the caller's buffer. The two
 * disjoint halves of G are added separately, so that the half not involving
 * the previous step's result stays off the critical path.
 *
 * Constant time: no branch or memory index depends on the message.
 */
#include "primitives.h"

#include "config_derive.h"
#include "md_buffer.h"
#include "util.h"

#if defined(CIT_NEED_MD5)

#define MD5_BLOCK 64u

/* ROTL32 rotates left by a constant 0 < n < 32. */
#define ROTL32(x, n) (((x) << (n)) | ((x) >> (32 - (n))))

/*
 * RFC 1321 3.4. G(x, y, z) = (x & z) | (y & ~z) is not written here: its two
 * halves are disjoint, so STEP_G adds them separately.
 */
#define MD5_F(x, y, z) ((((y) ^ (z)) & (x)) ^ (z))
#define MD5_H(x, y, z) ((x) ^ (y) ^ (z))
#define MD5_I(x, y, z) ((y) ^ ((x) | ~(z)))

/* STEP_F: a = b + ((a + F(b, c, d) + X[k] + T[i]) <<< s); likewise STEP_G, _H, _I. */
#define STEP_F(a, b, c, d, k, s, i)                                                        \
    do {                                                                                   \
        (a) += MD5_F((b), (c), (d)) + X(k) + T[i];                                         \
        (a) = ROTL32((a), s) + (b);                                                        \
    } while (0)

#define STEP_G(a, b, c, d, k, s, i)                                                        \
    do {                                                                                   \
        (a) += ((c) & ~(d)) + X(k) + T[i];                                                 \
        (a) += (b) & (d);                                                                  \
        (a) = ROTL32((a), s) + (b);                                                        \
    } while (0)

#define STEP_H(a, b, c, d, k, s, i)                                                        \
    do {                                                                                   \
        (a) += MD5_H((b), (c), (d)) + X(k) + T[i];                                         \
        (a) = ROTL32((a), s) + (b);                                                        \
    } while (0)

#define STEP_I(a, b, c, d, k, s, i)                                                        \
    do {                                                                                   \
        (a) += MD5_I((b), (c), (d)) + X(k) + T[i];                                         \
        (a) = ROTL32((a), s) + (b);                                                        \
    } while (0)

/* X reads message word k of the current block. */
#define X(k) cit_load_le32(data + 4 * (k))

/* RFC 1321 3.4: T[i] = floor(2^32 * abs(sin(i + 1))). */
static const uint32_t T[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};

/* md5_blocks compresses num_blocks consecutive 64-byte blocks into state. */
static void md5_blocks(uint32_t state[4], const uint8_t *data, size_t num_blocks)
{
    while (num_blocks-- > 0) {
        uint32_t a = state[0], b = state[1], c = state[2], d = state[3];

        /* Round 1. */
        STEP_F(a, b, c, d, 0, 7, 0);
        STEP_F(d, a, b, c, 1, 12, 1);
        STEP_F(c, d, a, b, 2, 17, 2);
        STEP_F(b, c, d, a, 3, 22, 3);
        STEP_F(a, b, c, d, 4, 7, 4);
        STEP_F(d, a, b, c, 5, 12, 5);
        STEP_F(c, d, a, b, 6, 17, 6);
        STEP_F(b, c, d, a, 7, 22, 7);
        STEP_F(a, b, c, d, 8, 7, 8);
        STEP_F(d, a, b, c, 9, 12, 9);
        STEP_F(c, d, a, b, 10, 17, 10);
        STEP_F(b, c, d, a, 11, 22, 11);
        STEP_F(a, b, c, d, 12, 7, 12);
        STEP_F(d, a, b, c, 13, 12, 13);
        STEP_F(c, d, a, b, 14, 17, 14);
        STEP_F(b, c, d, a, 15, 22, 15);
        /* Round 2. */
        STEP_G(a, b, c, d, 1, 5, 16);
        STEP_G(d, a, b, c, 6, 9, 17);
        STEP_G(c, d, a, b, 11, 14, 18);
        STEP_G(b, c, d, a, 0, 20, 19);
        STEP_G(a, b, c, d, 5, 5, 20);
        STEP_G(d, a, b, c, 10, 9, 21);
        STEP_G(c, d, a, b, 15, 14, 22);
        STEP_G(b, c, d, a, 4, 20, 23);
        STEP_G(a, b, c, d, 9, 5, 24);
        STEP_G(d, a, b, c, 14, 9, 25);
        STEP_G(c, d, a, b, 3, 14, 26);
        STEP_G(b, c, d, a, 8, 20, 27);
        STEP_G(a, b, c, d, 13, 5, 28);
        STEP_G(d, a, b, c, 2, 9, 29);
        STEP_G(c, d, a, b, 7, 14, 30);
        STEP_G(b, c, d, a, 12, 20, 31);
        /* Round 3. */
        STEP_H(a, b, c, d, 5, 4, 32);
        STEP_H(d, a, b, c, 8, 11, 33);
        STEP_H(c, d, a, b, 11, 16, 34);
        STEP_H(b, c, d, a, 14, 23, 35);
        STEP_H(a, b, c, d, 1, 4, 36);
        STEP_H(d, a, b, c, 4, 11, 37);
        STEP_H(c, d, a, b, 7, 16, 38);
        STEP_H(b, c, d, a, 10, 23, 39);
        STEP_H(a, b, c, d, 13, 4, 40);
        STEP_H(d, a, b, c, 0, 11, 41);
        STEP_H(c, d, a, b, 3, 16, 42);
        STEP_H(b, c, d, a, 6, 23, 43);
        STEP_H(a, b, c, d, 9, 4, 44);
        STEP_H(d, a, b, c, 12, 11, 45);
        STEP_H(c, d, a, b, 15, 16, 46);
        STEP_H(b, c, d, a, 2, 23, 47);
        /* Round 4. */
        STEP_I(a, b, c, d, 0, 6, 48);
        STEP_I(d, a, b, c, 7, 10, 49);
        STEP_I(c, d, a, b, 14, 15, 50);
        STEP_I(b, c, d, a, 5, 21, 51);
        STEP_I(a, b, c, d, 12, 6, 52);
        STEP_I(d, a, b, c, 3, 10, 53);
        STEP_I(c, d, a, b, 10, 15, 54);
        STEP_I(b, c, d, a, 1, 21, 55);
        STEP_I(a, b, c, d, 8, 6, 56);
        STEP_I(d, a, b, c, 15, 10, 57);
        STEP_I(c, d, a, b, 6, 15, 58);
        STEP_I(b, c, d, a, 13, 21, 59);
        STEP_I(a, b, c, d, 4, 6, 60);
        STEP_I(d, a, b, c, 11, 10, 61);
        STEP_I(c, d, a, b, 2, 15, 62);
        STEP_I(b, c, d, a, 9, 21, 63);

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        data += MD5_BLOCK;
    }
}

/* see primitives.h */
void cit_md5_init(cit_md5_ctx_t *ctx)
{
    ctx->h[0] = 0x67452301;
    ctx->h[1] = 0xefcdab89;
    ctx->h[2] = 0x98badcfe;
    ctx->h[3] = 0x10325476;
    ctx->num_bytes = 0;
}

/* md5_compress is the cit_md_compress_fn of a cit_md5_ctx_t: md5_blocks over ctx->h. */
static void md5_compress(void *vctx, const uint8_t *data, size_t num_blocks)
{
    cit_md5_ctx_t *ctx = (cit_md5_ctx_t *)vctx;

    md5_blocks(ctx->h, data, num_blocks);
}

/* see primitives.h */
void cit_md5_update(cit_md5_ctx_t *ctx, const uint8_t *in, size_t in_len)
{
    cit_md_update(ctx, md5_compress, ctx->buf, MD5_BLOCK, &ctx->num_bytes, in, in_len);
}

/* see primitives.h */
void cit_md5_finish(cit_md5_ctx_t *ctx, uint8_t out[16])
{
    cit_md_pad(ctx, md5_compress, ctx->buf, MD5_BLOCK, &ctx->num_bytes, CIT_MD_LEN_LE64);
    cit_md_out32(out, ctx->h, 16, 0);
    cit_zeroize(ctx, sizeof(*ctx));
}

#else
typedef int cit_md5_unused_t;
#endif /* CIT_NEED_MD5 */
