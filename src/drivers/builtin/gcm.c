/*
 * gcm.c - GCM (NIST SP 800-38D) over any keyed AES context, with a portable
 * constant-time GHASH.
 *
 * Bit order. SP 800-38D reads a block X = x_0 x_1 ... x_127 (x_0 the most
 * significant bit of the first byte) as the polynomial sum x_i * a^i over
 * GF(2^128) = GF(2)[a] / (a^128 + a^7 + a^2 + a + 1). Loading the block as a
 * 128-bit big-endian integer V puts the coefficient of a^i at bit 127 - i:
 * the polynomial "reflected". The carry-less product of two reflected
 * values is the reflected 255-bit product, so bit 255 - j of the 256-bit
 * value 2 * clmul(Va, Vb) is the coefficient of a^j.
 *
 * The factor 2 (a one-bit shift of every product) is avoided by keeping H
 * premultiplied by a^-1 = a^127 + a^6 + a + 1: with H' = H * a^-1, bit
 * 255 - j of clmul(V, H') is the coefficient of a^j of V * H. In reflected
 * form, multiplying by a^-1 is a left shift by one with the polynomial
 * a^-1 (bits 127, 126, 121 and 0) folded in when the shifted-out bit was set.
 *
 * Reduction. The high 128 bits Zhi of the product hold a^0..a^127, the low
 * 128 bits L hold a^128..a^255. With a^128 = 1 + a + a^2 + a^7, and a
 * multiplication by a^k being a right shift by k of a reflected value,
 *     result = Zhi ^ L ^ L >> 1 ^ L >> 2 ^ L >> 7 ^ S ^ S >> 1 ^ S >> 2 ^ S >> 7
 * where S = L << 127 ^ L << 126 ^ L << 121 (mod 2^128) folds the terms the
 * shifts push past a^127 once more (S only has its top 7 bits set, so the
 * second fold stays below a^128).
 *
 * The 64 x 64 carry-less products use integer multiplication on operands
 * whose bits are spaced four apart (the "holes" technique): bits of class
 * k = 0..3 (positions congruent to k mod 4) of x and y multiply into
 * positions of class (i + j) mod 4, at most 15 partial products meet below
 * bit 60 and at most 16 above, so every count fits its 4-bit slot within
 * the low 64 bits and the low bit of each slot is the XOR of the products.
 * The high half of a 64 x 64 product is the low half of the product of the
 * bit-reversed operands, reversed. A 128 x 128 product is three 64 x 64
 * ones (Karatsuba), i.e. six integer 64-bit products of products.
 *
 * Constant-time: no table, no branch or index on the key, H or the data;
 * integer multiplication must have data-independent timing (true on
 * x86-64 and AArch64; on cores whose multiplier finishes early this code
 * is not constant-time). The CTR part encrypts counter blocks in batches
 * of up to eight through ctx->aes.encrypt, so a hardware AES keeps its
 * pipeline full; an accelerator may replace ctx->ghash after
 * cit_gcm_setkey (see src/drivers/x86/ghash_clmul.c).
 */
#include "primitives.h"
#include "config_derive.h"
#include "util.h"
#include "ct.h"

#if defined(CIT_NEED_GCM)

#define GCM_BLOCK 16
/* Counter blocks encrypted per call of ctx->aes.encrypt. */
#define GCM_BATCH 8

/* Portable layout of ctx->h: H' (high and low 64-bit words) for Karatsuba, and reversals. */
#define GH_HI 0      /* bits 127..64 of H' */
#define GH_LO 1      /* bits 63..0 of H' */
#define GH_MID 2     /* GH_HI ^ GH_LO */
#define GH_RHI 3     /* bit-reversed GH_HI */
#define GH_RLO 4     /* bit-reversed GH_LO */
#define GH_RMID 5    /* bit-reversed GH_MID */

/* a^-1 in reflected form: bits 127, 126, 121 (high word) and bit 0. */
#define GCM_XINV_HI 0xc200000000000000u

/* gcm_bmul64 returns the low 64 bits of the carry-less product of x and y. */
static uint64_t gcm_bmul64(uint64_t x, uint64_t y)
{
    const uint64_t m0 = 0x1111111111111111u;
    const uint64_t m1 = m0 << 1;
    const uint64_t m2 = m0 << 2;
    const uint64_t m3 = m0 << 3;
    uint64_t x0 = x & m0, x1 = x & m1, x2 = x & m2, x3 = x & m3;
    uint64_t y0 = y & m0, y1 = y & m1, y2 = y & m2, y3 = y & m3;
    uint64_t z0 = (x0 * y0) ^ (x1 * y3) ^ (x2 * y2) ^ (x3 * y1);
    uint64_t z1 = (x0 * y1) ^ (x1 * y0) ^ (x2 * y3) ^ (x3 * y2);
    uint64_t z2 = (x0 * y2) ^ (x1 * y1) ^ (x2 * y0) ^ (x3 * y3);
    uint64_t z3 = (x0 * y3) ^ (x1 * y2) ^ (x2 * y1) ^ (x3 * y0);

    return (z0 & m0) | (z1 & m1) | (z2 & m2) | (z3 & m3);
}

/* gcm_rev64 reverses the bit order of x. */
static uint64_t gcm_rev64(uint64_t x)
{
    x = ((x >> 1) & 0x5555555555555555u) | ((x & 0x5555555555555555u) << 1);
    x = ((x >> 2) & 0x3333333333333333u) | ((x & 0x3333333333333333u) << 2);
    x = ((x >> 4) & 0x0f0f0f0f0f0f0f0fu) | ((x & 0x0f0f0f0f0f0f0f0fu) << 4);
    x = ((x >> 8) & 0x00ff00ff00ff00ffu) | ((x & 0x00ff00ff00ff00ffu) << 8);
    x = ((x >> 16) & 0x0000ffff0000ffffu) | ((x & 0x0000ffff0000ffffu) << 16);
    return (x >> 32) | (x << 32);
}

/* gcm_mul_ct sets (*hi, *lo) = (*hi, *lo) * H in GF(2^128), reflected, over the portable h[]. */
static void gcm_mul_ct(uint64_t *hi, uint64_t *lo, const uint64_t *h)
{
    uint64_t a0 = *lo, a1 = *hi, a2 = a0 ^ a1;
    uint64_t r0 = gcm_rev64(a0), r1 = gcm_rev64(a1), r2 = r0 ^ r1;
    /* Karatsuba: P0 = a0 h0, P1 = a1 h1, P2 = (a0 ^ a1)(h0 ^ h1), each 127 bits. */
    uint64_t p0l = gcm_bmul64(a0, h[GH_LO]);
    uint64_t p0h = gcm_rev64(gcm_bmul64(r0, h[GH_RLO])) >> 1;
    uint64_t p1l = gcm_bmul64(a1, h[GH_HI]);
    uint64_t p1h = gcm_rev64(gcm_bmul64(r1, h[GH_RHI])) >> 1;
    uint64_t p2l = gcm_bmul64(a2, h[GH_MID]);
    uint64_t p2h = gcm_rev64(gcm_bmul64(r2, h[GH_RMID])) >> 1;
    uint64_t z0, z1, z2, z3, s;

    p2l ^= p0l ^ p1l;
    p2h ^= p0h ^ p1h;
    z0 = p0l;
    z1 = p0h ^ p2l;
    z2 = p1l ^ p2h;
    z3 = p1h;

    /* Reduce: (z3, z2) ^= fold(z1, z0), see the file comment. */
    s = (z0 << 63) ^ (z0 << 62) ^ (z0 << 57);
    *hi = z3 ^ z1 ^ (z1 >> 1) ^ (z1 >> 2) ^ (z1 >> 7) ^ s ^ (s >> 1) ^ (s >> 2) ^ (s >> 7);
    *lo = z2 ^ z0 ^ (z0 >> 1) ^ (z1 << 63) ^ (z0 >> 2) ^ (z1 << 62) ^ (z0 >> 7) ^ (z1 << 57) ^
          (s << 63) ^ (s << 62) ^ (s << 57);
}

/* gcm_ghash_ct is the portable cit_ghash_fn. */
static void gcm_ghash_ct(const cit_gcm_ctx_t *ctx, uint8_t y[16], const uint8_t *in,
                         size_t num_blocks)
{
    uint64_t hi = cit_load_be64(y);
    uint64_t lo = cit_load_be64(y + 8);

    for (; num_blocks > 0; num_blocks--, in += GCM_BLOCK) {
        hi ^= cit_load_be64(in);
        lo ^= cit_load_be64(in + 8);
        gcm_mul_ct(&hi, &lo, ctx->h);
    }
    cit_store_be64(y, hi);
    cit_store_be64(y + 8, lo);
}

/* gcm_inc32 increments the last 32 bits of a counter block modulo 2^32. */
static void gcm_inc32(uint8_t block[16])
{
    cit_store_be32(block + 12, cit_load_be32(block + 12) + 1u);
}

/* gcm_prefix copies the fixed first 12 bytes of the counter block into num_blocks blocks. */
static void gcm_prefix(const cit_gcm_ctx_t *ctx, uint8_t *out, size_t num_blocks)
{
    size_t i, j;

    for (i = 0; i < num_blocks; i++, out += GCM_BLOCK) {
        for (j = 0; j < 12; j++) {
            out[j] = ctx->ctr[j];
        }
    }
}

/*
 * gcm_counters sets the counter field (the last 4 bytes) of num_blocks blocks
 * at out, whose prefix gcm_prefix has written, and advances ctx->ctr.
 */
static void gcm_counters(cit_gcm_ctx_t *ctx, uint8_t *out, size_t num_blocks)
{
    /*
     * The loop runs on a public block index: for IVs other than 96 bits the
     * counter derives from H, and a loop test on counter values would trip
     * constant-time checkers. Callers pass at most one batch; the bound also
     * lets compilers prove the stores stay inside the batch buffer.
     */
    uint32_t c = cit_load_be32(ctx->ctr + 12);
    size_t i;

    if (num_blocks > GCM_BATCH) {
        num_blocks = GCM_BATCH;
    }
    for (i = 0; i < num_blocks; i++) {
        /* The barrier stops the counter from becoming the loop's induction variable. */
        cit_store_be32(out + GCM_BLOCK * i + 12, cit_ct_barrier_u32(c) + (uint32_t)i);
    }
    c += (uint32_t)num_blocks;
    cit_store_be32(ctx->ctr + 12, c);
}

/*
 * gcm_xor sets out = in ^ ks for len (a multiple of 8) bytes; out may equal
 * in. (The byte-order helpers compile to plain 64-bit loads and stores; a
 * memcpy would be a library call in this freestanding code.)
 */
static void gcm_xor(uint8_t *out, const uint8_t *in, const uint8_t *ks, size_t len)
{
    size_t i;

    for (i = 0; i < len; i += 8) {
        cit_store_le64(out + i, cit_load_le64(in + i) ^ cit_load_le64(ks + i));
    }
}

/* gcm_end_aad closes the AAD on the first text byte (or at finish): pads its last block. */
static void gcm_end_aad(cit_gcm_ctx_t *ctx)
{
    if (ctx->phase != 0) {
        return;
    }
    if (ctx->buf_len > 0) {
        memset(ctx->buf + ctx->buf_len, 0, GCM_BLOCK - ctx->buf_len);
        ctx->ghash(ctx, ctx->y, ctx->buf, 1);
        ctx->buf_len = 0;
    }
    ctx->phase = 1;
}

/*
 * gcm_partial runs len bytes (within the current keystream block) through
 * the keystream in ctx->ks, collecting the ciphertext in ctx->buf; GHASH
 * takes the block once it is complete.
 */
static void gcm_partial(cit_gcm_ctx_t *ctx, const uint8_t *in, uint8_t *out, size_t len,
                        int decrypt)
{
    size_t i;

    if (len > GCM_BLOCK - ctx->ks_used) {
        len = GCM_BLOCK - ctx->ks_used; /* callers never ask for more */
    }
    for (i = 0; i < len; i++) {
        uint8_t c = in[i];
        uint8_t p = (uint8_t)(c ^ ctx->ks[ctx->ks_used + i]);

        ctx->buf[ctx->ks_used + i] = decrypt ? c : p;
        out[i] = p;
    }
    ctx->ks_used += (uint32_t)len;
    if (ctx->ks_used == GCM_BLOCK) {
        ctx->ghash(ctx, ctx->y, ctx->buf, 1);
    }
}

/* gcm_crypt is CTR plus GHASH of the ciphertext (the input when decrypting). */
static void gcm_crypt(cit_gcm_ctx_t *ctx, const uint8_t *in, uint8_t *out, size_t len,
                      int decrypt)
{
    uint8_t cb[GCM_BATCH * GCM_BLOCK];
    uint8_t ks[GCM_BATCH * GCM_BLOCK];
    size_t n;

    if (len == 0) {
        return;
    }
    gcm_end_aad(ctx);
    ctx->text_len += len;

    /* First use up the keystream block left over from the previous call. */
    if (ctx->ks_used < GCM_BLOCK) {
        n = GCM_BLOCK - ctx->ks_used;
        if (n > len) {
            n = len;
        }
        gcm_partial(ctx, in, out, n, decrypt);
        in += n;
        out += n;
        len -= n;
    }

    /* Whole blocks, up to GCM_BATCH at a time. */
    if (len >= GCM_BLOCK) {
        gcm_prefix(ctx, cb, GCM_BATCH);
    }
    while (len >= GCM_BLOCK) {
        n = len / GCM_BLOCK;
        if (n > GCM_BATCH) {
            n = GCM_BATCH;
        }
        gcm_counters(ctx, cb, n);
        ctx->aes.encrypt(&ctx->aes, cb, ks, n);
        if (decrypt) {
            ctx->ghash(ctx, ctx->y, in, n);
        }
        gcm_xor(out, in, ks, GCM_BLOCK * n);
        if (!decrypt) {
            ctx->ghash(ctx, ctx->y, out, n);
        }
        in += GCM_BLOCK * n;
        out += GCM_BLOCK * n;
        len -= GCM_BLOCK * n;
    }

    /* A final partial block keeps the rest of its keystream for the next call. */
    if (len > 0) {
        gcm_prefix(ctx, ctx->ks, 1);
        gcm_counters(ctx, ctx->ks, 1);
        ctx->aes.encrypt(&ctx->aes, ctx->ks, ctx->ks, 1);
        ctx->ks_used = 0;
        gcm_partial(ctx, in, out, len, decrypt);
    }
    /* The counter blocks too: for IVs other than 96 bits they derive from H. */
    cit_zeroize(cb, sizeof(cb));
    cit_zeroize(ks, sizeof(ks));
}

/* see primitives.h */
int cit_gcm_setkey(cit_gcm_ctx_t *ctx, cit_aes_init_fn aes_init, const uint8_t *key,
                   size_t key_len)
{
    uint8_t hb[GCM_BLOCK];
    uint64_t hi, lo, mask;

    memset(ctx, 0, sizeof(*ctx));
    if (aes_init(&ctx->aes, key, key_len) != 0) {
        cit_zeroize(ctx, sizeof(*ctx));
        return -1;
    }
    /* H = E_K(0^128), then H' = H * a^-1 (reflected: shift left, fold a^-1 in). */
    memset(hb, 0, sizeof(hb));
    ctx->aes.encrypt(&ctx->aes, hb, hb, 1);
    hi = cit_load_be64(hb);
    lo = cit_load_be64(hb + 8);
    mask = 0u - (hi >> 63);
    hi = (hi << 1) | (lo >> 63);
    lo = lo << 1;
    hi ^= mask & GCM_XINV_HI;
    lo ^= mask & 1u;

    ctx->h[GH_HI] = hi;
    ctx->h[GH_LO] = lo;
    ctx->h[GH_MID] = hi ^ lo;
    ctx->h[GH_RHI] = gcm_rev64(hi);
    ctx->h[GH_RLO] = gcm_rev64(lo);
    ctx->h[GH_RMID] = gcm_rev64(hi ^ lo);
    ctx->ghash = gcm_ghash_ct;
    ctx->ks_used = GCM_BLOCK;

    cit_zeroize(hb, sizeof(hb));
    hi = lo = mask = 0;
    return 0;
}

/* see primitives.h */
void cit_gcm_start(cit_gcm_ctx_t *ctx, const uint8_t *iv, size_t iv_len)
{
    memset(ctx->y, 0, sizeof(ctx->y));
    if (iv_len == 12) {
        /* J0 = IV || 0^31 || 1 */
        memcpy(ctx->j0, iv, 12);
        cit_store_be32(ctx->j0 + 12, 1u);
    } else {
        /* J0 = GHASH(IV || 0^(s + 64) || [len(IV)]_64) */
        uint8_t last[GCM_BLOCK];
        size_t whole = iv_len / GCM_BLOCK;
        size_t rest = iv_len % GCM_BLOCK;

        ctx->ghash(ctx, ctx->y, iv, whole);
        if (rest > 0) {
            memset(last, 0, sizeof(last));
            memcpy(last, iv + GCM_BLOCK * whole, rest);
            ctx->ghash(ctx, ctx->y, last, 1);
        }
        memset(last, 0, 8);
        cit_store_be64(last + 8, (uint64_t)iv_len * 8u);
        ctx->ghash(ctx, ctx->y, last, 1);
        memcpy(ctx->j0, ctx->y, GCM_BLOCK);
        memset(ctx->y, 0, sizeof(ctx->y));
    }
    memcpy(ctx->ctr, ctx->j0, GCM_BLOCK);
    gcm_inc32(ctx->ctr);
    memset(ctx->ks, 0, sizeof(ctx->ks));
    memset(ctx->buf, 0, sizeof(ctx->buf));
    ctx->aad_len = 0;
    ctx->text_len = 0;
    ctx->ks_used = GCM_BLOCK;
    ctx->buf_len = 0;
    ctx->phase = 0;
}

/* see primitives.h */
void cit_gcm_aad(cit_gcm_ctx_t *ctx, const uint8_t *aad, size_t len)
{
    size_t n;

    if (len == 0) {
        return;
    }
    ctx->aad_len += len;
    if (ctx->buf_len > 0) {
        n = GCM_BLOCK - ctx->buf_len;
        if (n > len) {
            n = len;
        }
        memcpy(ctx->buf + ctx->buf_len, aad, n);
        ctx->buf_len += (uint32_t)n;
        aad += n;
        len -= n;
        if (ctx->buf_len < GCM_BLOCK) {
            return;
        }
        ctx->ghash(ctx, ctx->y, ctx->buf, 1);
        ctx->buf_len = 0;
    }
    n = len / GCM_BLOCK;
    ctx->ghash(ctx, ctx->y, aad, n);
    aad += GCM_BLOCK * n;
    len -= GCM_BLOCK * n;
    memcpy(ctx->buf, aad, len);
    ctx->buf_len = (uint32_t)len;
}

/* see primitives.h */
void cit_gcm_encrypt(cit_gcm_ctx_t *ctx, const uint8_t *in, uint8_t *out, size_t len)
{
    gcm_crypt(ctx, in, out, len, 0);
}

/* see primitives.h */
void cit_gcm_decrypt(cit_gcm_ctx_t *ctx, const uint8_t *in, uint8_t *out, size_t len)
{
    gcm_crypt(ctx, in, out, len, 1);
}

/* see primitives.h */
void cit_gcm_finish(cit_gcm_ctx_t *ctx, uint8_t tag[16])
{
    uint8_t blk[GCM_BLOCK];
    size_t i;

    gcm_end_aad(ctx);
    if (ctx->ks_used < GCM_BLOCK) {
        memset(ctx->buf + ctx->ks_used, 0, GCM_BLOCK - ctx->ks_used);
        ctx->ghash(ctx, ctx->y, ctx->buf, 1);
        ctx->ks_used = GCM_BLOCK;
    }
    /* [len(A)]_64 || [len(C)]_64, in bits */
    cit_store_be64(blk, ctx->aad_len * 8u);
    cit_store_be64(blk + 8, ctx->text_len * 8u);
    ctx->ghash(ctx, ctx->y, blk, 1);

    /* T = E_K(J0) ^ S */
    ctx->aes.encrypt(&ctx->aes, ctx->j0, blk, 1);
    for (i = 0; i < GCM_BLOCK; i++) {
        tag[i] = (uint8_t)(blk[i] ^ ctx->y[i]);
    }
    cit_zeroize(blk, sizeof(blk));
}

#else
typedef int cit_gcm_unused_t;
#endif /* CIT_NEED_GCM */
