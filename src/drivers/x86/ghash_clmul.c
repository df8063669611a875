/*
 * ghash_clmul.c - GHASH with PCLMULQDQ for the GCM mode of gcm.c.
 *
 * Representation as in gcm.c: a block is loaded as a 128-bit big-endian
 * integer (PSHUFB byte reversal), i.e. the reflected polynomial, and the
 * powers of H are kept premultiplied by a^-1 so that the carry-less product
 * of two reflected values needs no one-bit shift before reduction.
 *
 * Aggregated reduction: eight blocks X1..X8 are absorbed as
 *     Y' = (Y ^ X1) H^8 ^ X2 H^7 ^ ... ^ X8 H
 * with the eight 256-bit products (three PCLMULQDQ each, Karatsuba) summed
 * unreduced and reduced once. A tail of n < 8 blocks uses H^n..H^1 the same
 * way. ctx->h holds (H^i)' for i = 1..8 as 16-byte values at byte offset
 * 16 (i - 1), then the Karatsuba keys (high ^ low 64-bit half of (H^i)') at
 * byte offset 128 + 8 (i - 1).
 *
 * Reduction of Zhi:Zlo (reflected, Zlo holding a^128..a^255) by the
 * polynomial 1 + a + a^2 + a^7: the low 64 bits L0 of Zlo (the highest
 * degrees) fold into the next 64 bits up as L0 * c with c = 0xc2 << 56
 * (a^128 reduced, reflected and pre-shifted by one), which lines up with a
 * swap of Zlo's halves; two such steps leave a value to XOR into Zhi.
 *
 * Constant-time: PCLMULQDQ, PSHUFB and the XORs have data-independent timing;
 * nothing branches on or indexes by H or the data.
 */
#include "x86.h"

#if defined(CIT_USE_X86) && defined(CIT_NEED_GCM)

#include <immintrin.h>
#include <string.h>

#include "util.h"

#define CLMUL_POWERS 8
/* Byte offset of the Karatsuba keys in ctx->h. */
#define CLMUL_KEYS (16 * CLMUL_POWERS)

#define CIT_LOADU(p) _mm_loadu_si128((const __m128i *)(const void *)(p))
#define CIT_STOREU(p, v) _mm_storeu_si128((__m128i *)(void *)(p), (v))

CIT_STATIC_ASSERT(sizeof(((cit_gcm_ctx_t *)0)->h) >= CLMUL_KEYS + 8 * CLMUL_POWERS,
                  clmul_h_fits);

/* clmul_bswap turns 16 bytes as loaded into the big-endian 128-bit integer they encode. */
static inline __m128i clmul_bswap(__m128i x)
{
    const __m128i rev = _mm_set_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

    return _mm_shuffle_epi8(x, rev);
}

/*
 * CLMUL_ACC adds the unreduced product x * hp to (lo, hi, mid): lo and hi
 * get the low and high halves' products, mid the Karatsuba middle product
 * with the precomputed key kp (low lane).
 */
#define CLMUL_ACC(x, hp, kp)                                                          \
    do {                                                                              \
        __m128i x_ = (x);                                                             \
        __m128i h_ = (hp);                                                            \
        lo = _mm_xor_si128(lo, _mm_clmulepi64_si128(x_, h_, 0x00));                   \
        hi = _mm_xor_si128(hi, _mm_clmulepi64_si128(x_, h_, 0x11));                   \
        x_ = _mm_xor_si128(x_, _mm_shuffle_epi32(x_, 0x4e));                          \
        mid = _mm_xor_si128(mid, _mm_clmulepi64_si128(x_, (kp), 0x00));               \
    } while (0)

/* clmul_reduce returns the reduced sum of the products accumulated in (lo, hi, mid). */
static inline __m128i clmul_reduce(__m128i lo, __m128i hi, __m128i mid)
{
    const __m128i poly = _mm_set_epi64x(0, (long long)0xc200000000000000u);
    __m128i t;

    /* Karatsuba: the middle product is mid ^ lo ^ hi, straddling the two halves. */
    mid = _mm_xor_si128(mid, _mm_xor_si128(lo, hi));
    lo = _mm_xor_si128(lo, _mm_slli_si128(mid, 8));
    hi = _mm_xor_si128(hi, _mm_srli_si128(mid, 8));

    t = _mm_clmulepi64_si128(lo, poly, 0x00);
    lo = _mm_xor_si128(_mm_shuffle_epi32(lo, 0x4e), t);
    t = _mm_clmulepi64_si128(lo, poly, 0x00);
    lo = _mm_xor_si128(_mm_shuffle_epi32(lo, 0x4e), t);
    return _mm_xor_si128(hi, lo);
}

/* The i-th power (1..8) of H' and its Karatsuba key. */
#define CLMUL_H(i) CIT_LOADU(h + 16 * ((i) - 1))
#define CLMUL_K(i) _mm_loadl_epi64((const __m128i *)(const void *)(h + CLMUL_KEYS + 8 * ((i) - 1)))

/* CLMUL_BLOCK absorbs block j of `in` with the power p. */
#define CLMUL_BLOCK(j, p) CLMUL_ACC(clmul_bswap(CIT_LOADU(in + 16 * (j))), CLMUL_H(p), CLMUL_K(p))

/* ghash_clmul is the cit_ghash_fn over PCLMULQDQ. */
static void ghash_clmul(const cit_gcm_ctx_t *ctx, uint8_t y[16], const uint8_t *in,
                        size_t num_blocks)
{
    const uint8_t *h = (const uint8_t *)ctx->h;
    __m128i acc = clmul_bswap(CIT_LOADU(y));
    __m128i lo, hi, mid;
    size_t i;

    for (; num_blocks >= 8; num_blocks -= 8, in += 128) {
        lo = hi = mid = _mm_setzero_si128();
        CLMUL_ACC(_mm_xor_si128(acc, clmul_bswap(CIT_LOADU(in))), CLMUL_H(8), CLMUL_K(8));
        CLMUL_BLOCK(1, 7);
        CLMUL_BLOCK(2, 6);
        CLMUL_BLOCK(3, 5);
        CLMUL_BLOCK(4, 4);
        CLMUL_BLOCK(5, 3);
        CLMUL_BLOCK(6, 2);
        CLMUL_BLOCK(7, 1);
        acc = clmul_reduce(lo, hi, mid);
    }
    if (num_blocks > 0) {
        lo = hi = mid = _mm_setzero_si128();
        CLMUL_ACC(_mm_xor_si128(acc, clmul_bswap(CIT_LOADU(in))), CLMUL_H(num_blocks),
                  CLMUL_K(num_blocks));
        for (i = 1; i < num_blocks; i++) {
            CLMUL_BLOCK(i, num_blocks - i);
        }
        acc = clmul_reduce(lo, hi, mid);
    }
    CIT_STOREU(y, clmul_bswap(acc));
}

/* clmul_mul returns a * b (both reflected, b premultiplied by a^-1, with key kb). */
static __m128i clmul_mul(__m128i a, __m128i b, __m128i kb)
{
    __m128i lo = _mm_setzero_si128(), hi = _mm_setzero_si128(), mid = _mm_setzero_si128();

    CLMUL_ACC(a, b, kb);
    return clmul_reduce(lo, hi, mid);
}

/* clmul_xinv returns v * a^-1 (reflected: shift left by one, fold a^-1 in on carry-out). */
static __m128i clmul_xinv(__m128i v)
{
    const __m128i xinv = _mm_set_epi64x((long long)0xc200000000000000u, 1);
    __m128i carry = _mm_srli_epi64(v, 63);                     /* top bit of each lane */
    __m128i mask = _mm_sub_epi64(_mm_setzero_si128(),          /* all-ones if bit 127 */
                                 _mm_shuffle_epi32(carry, 0xee));

    v = _mm_or_si128(_mm_slli_epi64(v, 1), _mm_slli_si128(carry, 8));
    return _mm_xor_si128(v, _mm_and_si128(mask, xinv));
}

/* clmul_key returns the Karatsuba key (high ^ low half, low lane) of v. */
static __m128i clmul_key(__m128i v)
{
    return _mm_move_epi64(_mm_xor_si128(v, _mm_shuffle_epi32(v, 0x4e)));
}

/* see x86.h */
void cit_gcm_use_clmul(cit_gcm_ctx_t *ctx)
{
    uint8_t *h = (uint8_t *)ctx->h;
    uint8_t hb[16];
    __m128i p[CLMUL_POWERS + 1], x[CLMUL_POWERS + 1], k[CLMUL_POWERS + 1];
    size_t i;

    memset(hb, 0, sizeof(hb));
    ctx->aes.encrypt(&ctx->aes, hb, hb, 1);
    memset(ctx->h, 0, sizeof(ctx->h));

    /*
     * H^i (p), premultiplied by a^-1 (x), and Karatsuba keys (k), as a tree of
     * depth three: H^2; then H^3, H^4; then H^5..H^8 = H^4 * H^1..H^4.
     */
    p[1] = clmul_bswap(CIT_LOADU(hb));
    x[1] = clmul_xinv(p[1]);
    k[1] = clmul_key(x[1]);
    p[2] = clmul_mul(p[1], x[1], k[1]);
    x[2] = clmul_xinv(p[2]);
    k[2] = clmul_key(x[2]);
    p[3] = clmul_mul(p[2], x[1], k[1]);
    p[4] = clmul_mul(p[2], x[2], k[2]);
    for (i = 3; i <= 4; i++) {
        x[i] = clmul_xinv(p[i]);
        k[i] = clmul_key(x[i]);
    }
    for (i = 5; i <= CLMUL_POWERS; i++) {
        p[i] = clmul_mul(p[4], x[i - 4], k[i - 4]);
        x[i] = clmul_xinv(p[i]);
        k[i] = clmul_key(x[i]);
    }
    for (i = 1; i <= CLMUL_POWERS; i++) {
        CIT_STOREU(h + 16 * (i - 1), x[i]);
        _mm_storel_epi64((__m128i *)(void *)(h + CLMUL_KEYS + 8 * (i - 1)), k[i]);
    }
    ctx->ghash = ghash_clmul;
    cit_zeroize(hb, sizeof(hb));
    cit_zeroize(p, sizeof(p));
    cit_zeroize(x, sizeof(x));
    cit_zeroize(k, sizeof(k));
}

#else
typedef int cit_x86_ghash_clmul_unused_t;
#endif /* CIT_USE_X86 && CIT_NEED_GCM */
