/*
 * aes_ct.c - portable constant-time AES-128/192/256 (FIPS 197), bitsliced.
 *
 * Constant-time status: no table lookup and no branch depends on the key or
 * on the data. The S-box is a boolean circuit (Boyar and Peralta, "A depth-16
 * circuit for the AES S-box", 2011) evaluated on 64-bit words; the inverse
 * S-box wraps that circuit in the inverse affine map on both sides. The key
 * schedule uses the same circuit for SubWord.
 *
 * Bitsliced layout (ideas from Kasper and Schwabe, "Faster and Timing-Attack
 * Resistant AES-GCM", 2009): four blocks are processed together as eight
 * 64-bit words q[0..7]. Word q[b] holds bit b of each of the 64 state bytes;
 * the byte in row r, column c of lane (block) l sits at bit position
 *     16 * r + 4 * c + l.
 * A row thus fills one 16-bit chunk of a word: ShiftRows rotates each chunk
 * by whole columns, and a 16-bit rotation of the whole word moves every row
 * to the next one, which is what MixColumns needs.
 *
 * Round keys are stored bitsliced in the same layout with the key replicated
 * in all four lanes: 8 words per round key, at most 15 round keys, i.e. the
 * 120 words of ctx->rk. Decryption is the straightforward inverse cipher
 * (FIPS 197 section 5.3) and uses the same round keys in reverse order.
 */
#include "primitives.h"
#include "config_derive.h"
#include "util.h"
#include "ct.h"

#if defined(CIT_NEED_AES)

#define AES_CT_WORDS_PER_RK 8

CIT_STATIC_ASSERT(sizeof(((cit_aes_ctx_t *)0)->rk) >= 15 * AES_CT_WORDS_PER_RK * 8,
                  aes_ct_rk_fits);

/*
 * aes_ct_swapmove exchanges the bits of *a selected by (mask << shift) with
 * the bits of *b selected by mask.
 */
static void aes_ct_swapmove(uint64_t *a, uint64_t *b, uint64_t mask, unsigned shift)
{
    uint64_t t = ((*a >> shift) ^ *b) & mask;

    *b ^= t;
    *a ^= t << shift;
}

/*
 * aes_ct_ortho transposes, within every byte position, the 8x8 bit matrix
 * formed by the eight words (word i, bit j <-> word j, bit i). It is an
 * involution.
 */
static void aes_ct_ortho(uint64_t q[8])
{
    const uint64_t m1 = 0x5555555555555555u;
    const uint64_t m2 = 0x3333333333333333u;
    const uint64_t m4 = 0x0F0F0F0F0F0F0F0Fu;

    aes_ct_swapmove(&q[0], &q[1], m1, 1);
    aes_ct_swapmove(&q[2], &q[3], m1, 1);
    aes_ct_swapmove(&q[4], &q[5], m1, 1);
    aes_ct_swapmove(&q[6], &q[7], m1, 1);

    aes_ct_swapmove(&q[0], &q[2], m2, 2);
    aes_ct_swapmove(&q[1], &q[3], m2, 2);
    aes_ct_swapmove(&q[4], &q[6], m2, 2);
    aes_ct_swapmove(&q[5], &q[7], m2, 2);

    aes_ct_swapmove(&q[0], &q[4], m4, 4);
    aes_ct_swapmove(&q[1], &q[5], m4, 4);
    aes_ct_swapmove(&q[2], &q[6], m4, 4);
    aes_ct_swapmove(&q[3], &q[7], m4, 4);
}

/* aes_ct_spread moves byte j of the low 32 bits of x to byte 2j. */
static uint64_t aes_ct_spread(uint64_t x)
{
    x &= 0xFFFFFFFFu;
    x = (x | (x << 16)) & 0x0000FFFF0000FFFFu;
    x = (x | (x << 8)) & 0x00FF00FF00FF00FFu;
    return x;
}

/* aes_ct_gather is the inverse of aes_ct_spread (even bytes to the low half). */
static uint64_t aes_ct_gather(uint64_t x)
{
    x &= 0x00FF00FF00FF00FFu;
    x = (x | (x >> 8)) & 0x0000FFFF0000FFFFu;
    x = (x | (x >> 16)) & 0x00000000FFFFFFFFu;
    return x;
}

/*
 * aes_ct_load bitslices four 16-byte blocks. Before the transposition, word
 * l (l < 4) holds bytes 0,8,1,9,2,10,3,11 of block l (columns 0 and 2) and
 * word l + 4 holds bytes 4,12,5,13,6,14,7,15 (columns 1 and 3); byte m of
 * word i then lands at bit 8m + i of every q[b], which is 16r + 4c + l.
 */
static void aes_ct_load(uint64_t q[8], const uint8_t in[64])
{
    unsigned l;

    for (l = 0; l < 4; l++) {
        uint64_t x0 = cit_load_le64(in + 16 * l);
        uint64_t x1 = cit_load_le64(in + 16 * l + 8);

        q[l] = aes_ct_spread(x0) | (aes_ct_spread(x1) << 8);
        q[l + 4] = aes_ct_spread(x0 >> 32) | (aes_ct_spread(x1 >> 32) << 8);
    }
    aes_ct_ortho(q);
}

/*
 * aes_ct_store is the inverse of aes_ct_load; it clobbers q. (All eight
 * words are computed before the stores so that compilers emit whole-word
 * stores.)
 */
static void aes_ct_store(uint8_t out[64], uint64_t q[8])
{
    uint64_t x[8];
    unsigned l;

    aes_ct_ortho(q);
    for (l = 0; l < 4; l++) {
        x[2 * l] = aes_ct_gather(q[l]) | (aes_ct_gather(q[l + 4]) << 32);
        x[2 * l + 1] = aes_ct_gather(q[l] >> 8) | (aes_ct_gather(q[l + 4] >> 8) << 32);
    }
    for (l = 0; l < 8; l++) {
        q[l] = x[l];
    }
    for (l = 0; l < 8; l++) {
        cit_store_le64(out + 8 * l, q[l]);
    }
}

/*
 * aes_ct_sbox applies the AES S-box to every byte: the Boyar-Peralta
 * depth-16 circuit (113 gates). U0 and S0 are the most significant bits.
 */
static void aes_ct_sbox(uint64_t q[8])
{
    uint64_t u0 = q[7], u1 = q[6], u2 = q[5], u3 = q[4];
    uint64_t u4 = q[3], u5 = q[2], u6 = q[1], u7 = q[0];
    uint64_t t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14;
    uint64_t t15, t16, t17, t18, t19, t20, t21, t22, t23, t24, t25, t26, t27;
    uint64_t m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15;
    uint64_t m16, m17, m18, m19, m20, m21, m22, m23, m24, m25, m26, m27, m28;
    uint64_t m29, m30, m31, m32, m33, m34, m35, m36, m37, m38, m39, m40, m41;
    uint64_t m42, m43, m44, m45, m46, m47, m48, m49, m50, m51, m52, m53, m54;
    uint64_t m55, m56, m57, m58, m59, m60, m61, m62, m63;
    uint64_t l0, l1, l2, l3, l4, l5, l6, l7, l8, l9, l10, l11, l12, l13, l14;
    uint64_t l15, l16, l17, l18, l19, l20, l21, l22, l23, l24, l25, l26, l27;
    uint64_t l28, l29;

    /* Top linear transformation. */
    t1 = u0 ^ u3;
    t2 = u0 ^ u5;
    t3 = u0 ^ u6;
    t4 = u3 ^ u5;
    t5 = u4 ^ u6;
    t6 = t1 ^ t5;
    t7 = u1 ^ u2;
    t8 = u7 ^ t6;
    t9 = u7 ^ t7;
    t10 = t6 ^ t7;
    t11 = u1 ^ u5;
    t12 = u2 ^ u5;
    t13 = t3 ^ t4;
    t14 = t6 ^ t11;
    t15 = t5 ^ t11;
    t16 = t5 ^ t12;
    t17 = t9 ^ t16;
    t18 = u3 ^ u7;
    t19 = t7 ^ t18;
    t20 = t1 ^ t19;
    t21 = u6 ^ u7;
    t22 = t7 ^ t21;
    t23 = t2 ^ t22;
    t24 = t2 ^ t10;
    t25 = t20 ^ t17;
    t26 = t3 ^ t16;
    t27 = t1 ^ t12;

    /* Shared non-linear middle: inversion in GF(2^8). */
    m1 = t13 & t6;
    m2 = t23 & t8;
    m3 = t14 ^ m1;
    m4 = t19 & u7;
    m5 = m4 ^ m1;
    m6 = t3 & t16;
    m7 = t22 & t9;
    m8 = t26 ^ m6;
    m9 = t20 & t17;
    m10 = m9 ^ m6;
    m11 = t1 & t15;
    m12 = t4 & t27;
    m13 = m12 ^ m11;
    m14 = t2 & t10;
    m15 = m14 ^ m11;
    m16 = m3 ^ m2;
    m17 = m5 ^ t24;
    m18 = m8 ^ m7;
    m19 = m10 ^ m15;
    m20 = m16 ^ m13;
    m21 = m17 ^ m15;
    m22 = m18 ^ m13;
    m23 = m19 ^ t25;
    m24 = m22 ^ m23;
    m25 = m22 & m20;
    m26 = m21 ^ m25;
    m27 = m20 ^ m21;
    m28 = m23 ^ m25;
    m29 = m28 & m27;
    m30 = m26 & m24;
    m31 = m20 & m23;
    m32 = m27 & m31;
    m33 = m27 ^ m25;
    m34 = m21 & m22;
    m35 = m24 & m34;
    m36 = m24 ^ m25;
    m37 = m21 ^ m29;
    m38 = m32 ^ m33;
    m39 = m23 ^ m30;
    m40 = m35 ^ m36;
    m41 = m38 ^ m40;
    m42 = m37 ^ m39;
    m43 = m37 ^ m38;
    m44 = m39 ^ m40;
    m45 = m42 ^ m41;
    m46 = m44 & t6;
    m47 = m40 & t8;
    m48 = m39 & u7;
    m49 = m43 & t16;
    m50 = m38 & t9;
    m51 = m37 & t17;
    m52 = m42 & t15;
    m53 = m45 & t27;
    m54 = m41 & t10;
    m55 = m44 & t13;
    m56 = m40 & t23;
    m57 = m39 & t19;
    m58 = m43 & t3;
    m59 = m38 & t22;
    m60 = m37 & t20;
    m61 = m42 & t1;
    m62 = m45 & t4;
    m63 = m41 & t2;

    /* Bottom linear transformation (includes the affine map). */
    l0 = m61 ^ m62;
    l1 = m50 ^ m56;
    l2 = m46 ^ m48;
    l3 = m47 ^ m55;
    l4 = m54 ^ m58;
    l5 = m49 ^ m61;
    l6 = m62 ^ l5;
    l7 = m46 ^ l3;
    l8 = m51 ^ m59;
    l9 = m52 ^ m53;
    l10 = m53 ^ l4;
    l11 = m60 ^ l2;
    l12 = m48 ^ m51;
    l13 = m50 ^ l0;
    l14 = m52 ^ m61;
    l15 = m55 ^ l1;
    l16 = m56 ^ l0;
    l17 = m57 ^ l1;
    l18 = m58 ^ l8;
    l19 = m63 ^ l4;
    l20 = l0 ^ l1;
    l21 = l1 ^ l7;
    l22 = l3 ^ l12;
    l23 = l18 ^ l2;
    l24 = l15 ^ l9;
    l25 = l6 ^ l10;
    l26 = l7 ^ l9;
    l27 = l8 ^ l10;
    l28 = l11 ^ l14;
    l29 = l11 ^ l17;

    q[7] = l6 ^ l24;
    q[6] = ~(l16 ^ l26);
    q[5] = ~(l19 ^ l28);
    q[4] = l6 ^ l21;
    q[3] = l20 ^ l22;
    q[2] = l25 ^ l29;
    q[1] = ~(l13 ^ l27);
    q[0] = ~(l6 ^ l23);
}

/*
 * aes_ct_inv_affine applies the inverse of the S-box affine map:
 * b_i = y_(i+2) ^ y_(i+5) ^ y_(i+7) ^ (0x05)_i, indices mod 8.
 */
static void aes_ct_inv_affine(uint64_t q[8])
{
    uint64_t y0 = q[0], y1 = q[1], y2 = q[2], y3 = q[3];
    uint64_t y4 = q[4], y5 = q[5], y6 = q[6], y7 = q[7];

    q[0] = ~(y2 ^ y5 ^ y7);
    q[1] = y3 ^ y6 ^ y0;
    q[2] = ~(y4 ^ y7 ^ y1);
    q[3] = y5 ^ y0 ^ y2;
    q[4] = y6 ^ y1 ^ y3;
    q[5] = y7 ^ y2 ^ y4;
    q[6] = y0 ^ y3 ^ y5;
    q[7] = y1 ^ y4 ^ y6;
}

/*
 * aes_ct_inv_sbox: with f the inverse affine map, S(x) = f^-1(x^-1), so
 * x^-1 = f(S(x)) and InvS(y) = f(y)^-1 = f(S(f(y))).
 */
static void aes_ct_inv_sbox(uint64_t q[8])
{
    aes_ct_inv_affine(q);
    aes_ct_sbox(q);
    aes_ct_inv_affine(q);
}

/*
 * aes_ct_shift_rows rotates row r right by r columns within its 16-bit chunk:
 * rows 1 and 3 by one column (4 bits), then rows 2 and 3 by two (8 bits).
 */
static void aes_ct_shift_rows(uint64_t q[8])
{
    unsigned i;

    for (i = 0; i < 8; i++) {
        uint64_t x = q[i];

        x = (x & 0x0000FFFF0000FFFFu) | ((x >> 4) & 0x0FFF00000FFF0000u) |
            ((x << 12) & 0xF0000000F0000000u);
        x = (x & 0x00000000FFFFFFFFu) | ((x >> 8) & 0x00FF00FF00000000u) |
            ((x << 8) & 0xFF00FF0000000000u);
        q[i] = x;
    }
}

/* aes_ct_inv_shift_rows rotates row r left by r columns, in the same two steps. */
static void aes_ct_inv_shift_rows(uint64_t q[8])
{
    unsigned i;

    for (i = 0; i < 8; i++) {
        uint64_t x = q[i];

        x = (x & 0x0000FFFF0000FFFFu) | ((x << 4) & 0xFFF00000FFF00000u) |
            ((x >> 12) & 0x000F0000000F0000u);
        x = (x & 0x00000000FFFFFFFFu) | ((x >> 8) & 0x00FF00FF00000000u) |
            ((x << 8) & 0xFF00FF0000000000u);
        q[i] = x;
    }
}

/*
 * aes_ct_mix_columns: with a_r the byte in row r of a column (indices mod
 * 4) and b_r = a_r ^ a_(r+1), the output is 2 b_r ^ a_(r+1) ^ b_(r+2).
 * Rotating a word right by 16 bits brings row r+1 into row r.
 */
static void aes_ct_mix_columns(uint64_t q[8])
{
    uint64_t a0 = q[0], a1 = q[1], a2 = q[2], a3 = q[3];
    uint64_t a4 = q[4], a5 = q[5], a6 = q[6], a7 = q[7];
    uint64_t r0 = cit_rotr64(a0, 16), r1 = cit_rotr64(a1, 16);
    uint64_t r2 = cit_rotr64(a2, 16), r3 = cit_rotr64(a3, 16);
    uint64_t r4 = cit_rotr64(a4, 16), r5 = cit_rotr64(a5, 16);
    uint64_t r6 = cit_rotr64(a6, 16), r7 = cit_rotr64(a7, 16);
    uint64_t b0 = a0 ^ r0, b1 = a1 ^ r1, b2 = a2 ^ r2, b3 = a3 ^ r3;
    uint64_t b4 = a4 ^ r4, b5 = a5 ^ r5, b6 = a6 ^ r6, b7 = a7 ^ r7;

    /* Bit i of 2 b is b_(i-1), plus b7 in bits 0, 1, 3 and 4. */
    q[0] = b7 ^ r0 ^ cit_rotr64(b0, 32);
    q[1] = b0 ^ b7 ^ r1 ^ cit_rotr64(b1, 32);
    q[2] = b1 ^ r2 ^ cit_rotr64(b2, 32);
    q[3] = b2 ^ b7 ^ r3 ^ cit_rotr64(b3, 32);
    q[4] = b3 ^ b7 ^ r4 ^ cit_rotr64(b4, 32);
    q[5] = b4 ^ r5 ^ cit_rotr64(b5, 32);
    q[6] = b5 ^ r6 ^ cit_rotr64(b6, 32);
    q[7] = b6 ^ r7 ^ cit_rotr64(b7, 32);
}

/*
 * aes_ct_inv_mix_columns: the InvMixColumns polynomial is the MixColumns one
 * times 04 x^2 + 05, so it first computes a_r ^ 4 (a_r ^ a_(r+2)).
 */
static void aes_ct_inv_mix_columns(uint64_t q[8])
{
    uint64_t t0 = q[0] ^ cit_rotr64(q[0], 32), t1 = q[1] ^ cit_rotr64(q[1], 32);
    uint64_t t2 = q[2] ^ cit_rotr64(q[2], 32), t3 = q[3] ^ cit_rotr64(q[3], 32);
    uint64_t t4 = q[4] ^ cit_rotr64(q[4], 32), t5 = q[5] ^ cit_rotr64(q[5], 32);
    uint64_t t6 = q[6] ^ cit_rotr64(q[6], 32), t7 = q[7] ^ cit_rotr64(q[7], 32);

    /* Bit i of 4 t is t_(i-2), plus t6 in bits 0, 1, 3, 4 and t7 in bits 1, 2, 4, 5. */
    q[0] ^= t6;
    q[1] ^= t6 ^ t7;
    q[2] ^= t0 ^ t7;
    q[3] ^= t1 ^ t6;
    q[4] ^= t2 ^ t6 ^ t7;
    q[5] ^= t3 ^ t7;
    q[6] ^= t4;
    q[7] ^= t5;
    aes_ct_mix_columns(q);
}

static void aes_ct_add_round_key(uint64_t q[8], const uint64_t *rk)
{
    unsigned i;

    for (i = 0; i < 8; i++) {
        q[i] ^= rk[i];
    }
}

/* aes_ct_encrypt4 encrypts four bitsliced blocks in place. */
static void aes_ct_encrypt4(const uint64_t *rk, unsigned rounds, uint64_t q[8])
{
    unsigned r;

    aes_ct_add_round_key(q, rk);
    for (r = 1; r < rounds; r++) {
        aes_ct_sbox(q);
        aes_ct_shift_rows(q);
        aes_ct_mix_columns(q);
        aes_ct_add_round_key(q, rk + AES_CT_WORDS_PER_RK * r);
    }
    aes_ct_sbox(q);
    aes_ct_shift_rows(q);
    aes_ct_add_round_key(q, rk + AES_CT_WORDS_PER_RK * rounds);
}

/* aes_ct_decrypt4 decrypts four bitsliced blocks in place (FIPS 197 5.3). */
static void aes_ct_decrypt4(const uint64_t *rk, unsigned rounds, uint64_t q[8])
{
    unsigned r;

    aes_ct_add_round_key(q, rk + AES_CT_WORDS_PER_RK * rounds);
    for (r = rounds - 1; r > 0; r--) {
        aes_ct_inv_shift_rows(q);
        aes_ct_inv_sbox(q);
        aes_ct_add_round_key(q, rk + AES_CT_WORDS_PER_RK * r);
        aes_ct_inv_mix_columns(q);
    }
    aes_ct_inv_shift_rows(q);
    aes_ct_inv_sbox(q);
    aes_ct_add_round_key(q, rk);
}

typedef void (*aes_ct_core_fn)(const uint64_t *rk, unsigned rounds, uint64_t q[8]);

/* aes_ct_run processes num_blocks blocks, four at a time, the tail zero-padded. */
static void aes_ct_run(const cit_aes_ctx_t *ctx, aes_ct_core_fn core, const uint8_t *in,
                       uint8_t *out, size_t num_blocks)
{
    uint64_t q[8];
    uint8_t buf[64];
    unsigned rounds = (unsigned)ctx->rounds;

    while (num_blocks >= 4) {
        aes_ct_load(q, in);
        core(ctx->rk, rounds, q);
        aes_ct_store(out, q);
        in += 64;
        out += 64;
        num_blocks -= 4;
    }
    if (num_blocks > 0) {
        memset(buf, 0, sizeof(buf));
        memcpy(buf, in, 16 * num_blocks);
        aes_ct_load(q, buf);
        core(ctx->rk, rounds, q);
        aes_ct_store(buf, q);
        memcpy(out, buf, 16 * num_blocks);
        cit_zeroize(buf, sizeof(buf));
    }
    cit_zeroize(q, sizeof(q));
}

static void aes_ct_encrypt_blocks(const cit_aes_ctx_t *ctx, const uint8_t *in, uint8_t *out,
                                  size_t num_blocks)
{
    aes_ct_run(ctx, aes_ct_encrypt4, in, out, num_blocks);
}

static void aes_ct_decrypt_blocks(const cit_aes_ctx_t *ctx, const uint8_t *in, uint8_t *out,
                                  size_t num_blocks)
{
    aes_ct_run(ctx, aes_ct_decrypt4, in, out, num_blocks);
}

/*
 * aes_ct_cbc_mac is the cit_aes_cbc_fn. CBC chaining is serial, so each block
 * runs alone in lane 0 of the four-lane core (lanes 1..3 carry don't-care
 * values and never mix into lane 0); buf[0..15] holds the chaining value.
 */
static void aes_ct_cbc_mac(const cit_aes_ctx_t *ctx, uint8_t state[16], const uint8_t *in,
                           size_t num_blocks)
{
    uint64_t q[8];
    uint8_t buf[64];
    unsigned rounds = (unsigned)ctx->rounds;
    unsigned i;

    memset(buf, 0, sizeof(buf));
    memcpy(buf, state, 16);
    for (; num_blocks > 0; num_blocks--, in += 16) {
        for (i = 0; i < 16; i++) {
            buf[i] ^= in[i];
        }
        aes_ct_load(q, buf);
        aes_ct_encrypt4(ctx->rk, rounds, q);
        aes_ct_store(buf, q);
    }
    memcpy(state, buf, 16);
    cit_zeroize(buf, sizeof(buf));
    cit_zeroize(q, sizeof(q));
}

/*
 * aes_ct_sub_word applies the S-box to the four bytes of w (byte j in bits
 * 8j..8j+7): placed in word 0 before the transposition, byte j becomes bit
 * 8j of every q[b].
 */
static uint32_t aes_ct_sub_word(uint32_t w)
{
    uint64_t q[8] = { 0 };
    uint32_t r;

    q[0] = w;
    aes_ct_ortho(q);
    aes_ct_sbox(q);
    aes_ct_ortho(q);
    r = (uint32_t)q[0];
    cit_zeroize(q, sizeof(q));
    return r;
}

/* see primitives.h */
int cit_aes_ct_init(cit_aes_ctx_t *ctx, const uint8_t *key, size_t key_len)
{
    /* w[i] holds the key schedule word i, byte 0 in the low bits. */
    uint32_t w[60];
    uint8_t blocks[64];
    uint64_t q[8];
    unsigned nk, rounds, num_words, i, j;
    uint32_t rcon = 1;

    if (key_len != 16 && key_len != 24 && key_len != 32) {
        return -1;
    }
    nk = (unsigned)(key_len / 4);
    rounds = nk + 6;
    num_words = 4 * (rounds + 1);

    /* Key expansion, FIPS 197 section 5.2. */
    for (i = 0; i < nk; i++) {
        w[i] = cit_load_le32(key + 4 * i);
    }
    for (i = nk; i < num_words; i++) {
        uint32_t t = w[i - 1];

        if (i % nk == 0) {
            t = aes_ct_sub_word(cit_rotr32(t, 8)) ^ rcon;
            rcon = (rcon << 1) ^ (0x11Bu & (0u - (rcon >> 7)));
        } else if (nk > 6 && i % nk == 4) {
            t = aes_ct_sub_word(t);
        }
        w[i] = w[i - nk] ^ t;
    }

    /* Bitslice each round key, replicated in the four lanes. */
    memset(ctx, 0, sizeof(*ctx));
    for (i = 0; i <= rounds; i++) {
        for (j = 0; j < 16; j++) {
            cit_store_le32(blocks + 16 * (j / 4) + 4 * (j % 4), w[4 * i + j % 4]);
        }
        aes_ct_load(q, blocks);
        for (j = 0; j < 8; j++) {
            ctx->rk[AES_CT_WORDS_PER_RK * i + j] = q[j];
        }
    }
    ctx->rounds = rounds;
    ctx->encrypt = aes_ct_encrypt_blocks;
    ctx->decrypt = aes_ct_decrypt_blocks;
    ctx->cbc_mac = aes_ct_cbc_mac;

    cit_zeroize(w, sizeof(w));
    cit_zeroize(blocks, sizeof(blocks));
    cit_zeroize(q, sizeof(q));
    return 0;
}

/* see primitives.h */
void cit_aes_wipe(cit_aes_ctx_t *ctx)
{
    cit_zeroize(ctx, sizeof(*ctx));
}

#else
typedef int cit_aes_ct_unused_t;
#endif /* CIT_NEED_AES */
