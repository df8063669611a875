/*
 * sha3.c - Keccak-f[1600], SHA-3 and SHAKE (FIPS 202), portable C.
 *
 * The state is 25 64-bit lanes; lane (x, y) is s[x + 5 * y] and byte i of
 * the state is byte i % 8 (little-endian) of lane i / 8. Loads and stores
 * go through cit_load_le64/cit_store_le64, so the code runs unchanged on
 * big-endian hosts.
 *
 * The permutation keeps the state in local variables and is fully unrolled:
 * one loop iteration computes two rounds, A -> E then E -> A, so no lane is
 * ever copied. Each round is theta (column parities C and the mix D), then
 * for each output row y the five lanes rho-rotated and pi-moved into place
 * (B), then chi on that row; iota is folded into lane (0, 0). chi uses
 * lane complementing (see KECCAK_ROUND) to save 20 NOTs per round.
 *
 * Squeezing permutes lazily: after a rate block is used up, pos stays at
 * rate and the next squeeze call permutes before reading, so an exact
 * out_len never costs an extra permutation.
 *
 * Constant-time: the only branches and indices depend on lengths and the
 * position in the rate block, never on message or output bytes.
 */
#include "primitives.h"

#include "config_derive.h"
#include "util.h"

#if defined(CIT_NEED_SHA3)

#define KECCAK_LANES 25

/* theta: column parities c0..c4 of A, then the per-column mix d0..d4. */
#define KECCAK_THETA(A)                                                                    \
    c0 = A##0 ^ A##5 ^ A##10 ^ A##15 ^ A##20;                                              \
    c1 = A##1 ^ A##6 ^ A##11 ^ A##16 ^ A##21;                                              \
    c2 = A##2 ^ A##7 ^ A##12 ^ A##17 ^ A##22;                                              \
    c3 = A##3 ^ A##8 ^ A##13 ^ A##18 ^ A##23;                                              \
    c4 = A##4 ^ A##9 ^ A##14 ^ A##19 ^ A##24;                                              \
    d0 = c4 ^ cit_rotl64(c1, 1);                                                           \
    d1 = c0 ^ cit_rotl64(c2, 1);                                                           \
    d2 = c1 ^ cit_rotl64(c3, 1);                                                           \
    d3 = c2 ^ cit_rotl64(c4, 1);                                                           \
    d4 = c3 ^ cit_rotl64(c0, 1)

/*
 * One round from lanes A into lanes E. Output row y takes, at column x, the
 * lane A[(x + 3y) mod 5, x] after theta, rotated by its rho offset (pi).
 *
 * chi, a[x] ^= ~a[x+1] & a[x+2], uses lane complementing (Keccak team,
 * "Keccak implementation overview", 2.2): lanes 1, 2, 8, 12, 17 and 20 are
 * held complemented throughout. That pattern maps to itself through a
 * round, and it lets each row's chi be written with AND/OR and a single
 * NOT instead of five. Each row's form was derived and checked against
 * the plain chi over all 32 input combinations of its row.
 */
#define KECCAK_ROUND(A, E, rc)                                                             \
    do {                                                                                   \
        KECCAK_THETA(A);                                                                   \
        b0 = A##0 ^ d0;                                                                    \
        b1 = cit_rotl64(A##6 ^ d1, 44);                                                    \
        b2 = cit_rotl64(A##12 ^ d2, 43);                                                   \
        b3 = cit_rotl64(A##18 ^ d3, 21);                                                   \
        b4 = cit_rotl64(A##24 ^ d4, 14);                                                   \
        t = ~b2;                                                                           \
        E##0 = b0 ^ (b1 | b2) ^ (rc);                                                      \
        E##1 = b1 ^ (t | b3);                                                              \
        E##2 = b2 ^ (b3 & b4);                                                             \
        E##3 = b3 ^ (b4 | b0);                                                             \
        E##4 = b4 ^ (b0 & b1);                                                             \
        b0 = cit_rotl64(A##3 ^ d3, 28);                                                    \
        b1 = cit_rotl64(A##9 ^ d4, 20);                                                    \
        b2 = cit_rotl64(A##10 ^ d0, 3);                                                    \
        b3 = cit_rotl64(A##16 ^ d1, 45);                                                   \
        b4 = cit_rotl64(A##22 ^ d2, 61);                                                   \
        t = ~b4;                                                                           \
        E##5 = b0 ^ (b1 | b2);                                                             \
        E##6 = b1 ^ (b2 & b3);                                                             \
        E##7 = b2 ^ (b3 | t);                                                              \
        E##8 = b3 ^ (b4 | b0);                                                             \
        E##9 = b4 ^ (b0 & b1);                                                             \
        b0 = cit_rotl64(A##1 ^ d1, 1);                                                     \
        b1 = cit_rotl64(A##7 ^ d2, 6);                                                     \
        b2 = cit_rotl64(A##13 ^ d3, 25);                                                   \
        b3 = cit_rotl64(A##19 ^ d4, 8);                                                    \
        b4 = cit_rotl64(A##20 ^ d0, 18);                                                   \
        t = ~b3;                                                                           \
        E##10 = b0 ^ (b1 | b2);                                                            \
        E##11 = b1 ^ (b2 & b3);                                                            \
        E##12 = b2 ^ (t & b4);                                                             \
        E##13 = t ^ (b4 | b0);                                                             \
        E##14 = b4 ^ (b0 & b1);                                                            \
        b0 = cit_rotl64(A##4 ^ d4, 27);                                                    \
        b1 = cit_rotl64(A##5 ^ d0, 36);                                                    \
        b2 = cit_rotl64(A##11 ^ d1, 10);                                                   \
        b3 = cit_rotl64(A##17 ^ d2, 15);                                                   \
        b4 = cit_rotl64(A##23 ^ d3, 56);                                                   \
        t = ~b3;                                                                           \
        E##15 = b0 ^ (b1 & b2);                                                            \
        E##16 = b1 ^ (b2 | b3);                                                            \
        E##17 = b2 ^ (t | b4);                                                             \
        E##18 = t ^ (b4 & b0);                                                             \
        E##19 = b4 ^ (b0 | b1);                                                            \
        b0 = cit_rotl64(A##2 ^ d2, 62);                                                    \
        b1 = cit_rotl64(A##8 ^ d3, 55);                                                    \
        b2 = cit_rotl64(A##14 ^ d4, 39);                                                   \
        b3 = cit_rotl64(A##15 ^ d0, 41);                                                   \
        b4 = cit_rotl64(A##21 ^ d1, 2);                                                    \
        t = ~b1;                                                                           \
        E##20 = b0 ^ (t & b2);                                                             \
        E##21 = t ^ (b2 | b3);                                                             \
        E##22 = b2 ^ (b3 & b4);                                                            \
        E##23 = b3 ^ (b4 | b0);                                                            \
        E##24 = b4 ^ (b0 & b1);                                                            \
    } while (0)

/* Round constants RC[i] of iota, from the rc(t) LFSR of FIPS 202 Algorithm 5. */
static const uint64_t keccak_rc[24] = {
    0x0000000000000001u, 0x0000000000008082u, 0x800000000000808au, 0x8000000080008000u,
    0x000000000000808bu, 0x0000000080000001u, 0x8000000080008081u, 0x8000000000008009u,
    0x000000000000008au, 0x0000000000000088u, 0x0000000080008009u, 0x000000008000000au,
    0x000000008000808bu, 0x800000000000008bu, 0x8000000000008089u, 0x8000000000008003u,
    0x8000000000008002u, 0x8000000000000080u, 0x000000000000800au, 0x800000008000000au,
    0x8000000080008081u, 0x8000000000008080u, 0x0000000080000001u, 0x8000000080008008u,
};

/* see primitives.h */
void cit_keccak_f1600(uint64_t s[25])
{
    uint64_t a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12;
    uint64_t a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24;
    uint64_t e0, e1, e2, e3, e4, e5, e6, e7, e8, e9, e10, e11, e12;
    uint64_t e13, e14, e15, e16, e17, e18, e19, e20, e21, e22, e23, e24;
    uint64_t b0, b1, b2, b3, b4, c0, c1, c2, c3, c4, d0, d1, d2, d3, d4, t;
    unsigned i;

    a0 = s[0];
    a1 = ~s[1];
    a2 = ~s[2];
    a3 = s[3];
    a4 = s[4];
    a5 = s[5];
    a6 = s[6];
    a7 = s[7];
    a8 = ~s[8];
    a9 = s[9];
    a10 = s[10];
    a11 = s[11];
    a12 = ~s[12];
    a13 = s[13];
    a14 = s[14];
    a15 = s[15];
    a16 = s[16];
    a17 = ~s[17];
    a18 = s[18];
    a19 = s[19];
    a20 = ~s[20];
    a21 = s[21];
    a22 = s[22];
    a23 = s[23];
    a24 = s[24];

    for (i = 0; i < 24; i += 2) {
        KECCAK_ROUND(a, e, keccak_rc[i]);
        KECCAK_ROUND(e, a, keccak_rc[i + 1]);
    }

    s[0] = a0;
    s[1] = ~a1;
    s[2] = ~a2;
    s[3] = a3;
    s[4] = a4;
    s[5] = a5;
    s[6] = a6;
    s[7] = a7;
    s[8] = ~a8;
    s[9] = a9;
    s[10] = a10;
    s[11] = a11;
    s[12] = ~a12;
    s[13] = a13;
    s[14] = a14;
    s[15] = a15;
    s[16] = a16;
    s[17] = ~a17;
    s[18] = a18;
    s[19] = a19;
    s[20] = ~a20;
    s[21] = a21;
    s[22] = a22;
    s[23] = a23;
    s[24] = a24;
}

/* see primitives.h */
void cit_sha3_init(cit_sha3_ctx_t *ctx, uint32_t rate, uint8_t pad)
{
    memset(ctx, 0, sizeof(*ctx));
    ctx->rate = rate;
    ctx->pos = 0;
    ctx->pad = pad;
    ctx->squeezing = 0;
}

/* see primitives.h */
void cit_sha3_224_init(cit_sha3_ctx_t *ctx)
{
    cit_sha3_init(ctx, 144, 0x06);
}

/* see primitives.h */
void cit_sha3_256_init(cit_sha3_ctx_t *ctx)
{
    cit_sha3_init(ctx, 136, 0x06);
}

/* see primitives.h */
void cit_sha3_384_init(cit_sha3_ctx_t *ctx)
{
    cit_sha3_init(ctx, 104, 0x06);
}

/* see primitives.h */
void cit_sha3_512_init(cit_sha3_ctx_t *ctx)
{
    cit_sha3_init(ctx, 72, 0x06);
}

/* see primitives.h */
void cit_shake128_init(cit_sha3_ctx_t *ctx)
{
    cit_sha3_init(ctx, 168, 0x1f);
}

/* see primitives.h */
void cit_shake256_init(cit_sha3_ctx_t *ctx)
{
    cit_sha3_init(ctx, 136, 0x1f);
}

/* XORs byte b into state byte pos. */
static void keccak_xor_byte(uint64_t s[KECCAK_LANES], uint32_t pos, uint8_t b)
{
    s[pos / 8] ^= (uint64_t)b << (8 * (pos % 8));
}

/* Returns state byte pos. */
static uint8_t keccak_get_byte(const uint64_t s[KECCAK_LANES], uint32_t pos)
{
    return (uint8_t)(s[pos / 8] >> (8 * (pos % 8)));
}

/* see primitives.h */
void cit_sha3_update(cit_sha3_ctx_t *ctx, const uint8_t *in, size_t in_len)
{
    const uint32_t rate = ctx->rate;
    uint32_t pos = ctx->pos;
    uint32_t i;

    /* Bytes up to the next lane boundary (or all input, if shorter). */
    while (in_len > 0 && pos % 8 != 0) {
        keccak_xor_byte(ctx->s, pos, *in);
        in++;
        in_len--;
        pos++;
        if (pos == rate) {
            cit_keccak_f1600(ctx->s);
            pos = 0;
        }
    }
    /* Whole rate blocks straight from the input. */
    if (pos == 0) {
        while (in_len >= rate) {
            for (i = 0; i < rate / 8; i++) {
                ctx->s[i] ^= cit_load_le64(in + 8 * i);
            }
            cit_keccak_f1600(ctx->s);
            in += rate;
            in_len -= rate;
        }
    }
    /* Whole lanes; pos stays a multiple of 8 here. */
    while (in_len >= 8) {
        ctx->s[pos / 8] ^= cit_load_le64(in);
        in += 8;
        in_len -= 8;
        pos += 8;
        if (pos == rate) {
            cit_keccak_f1600(ctx->s);
            pos = 0;
        }
    }
    /* Tail: fewer than 8 bytes, which cannot fill the block. */
    while (in_len > 0) {
        keccak_xor_byte(ctx->s, pos, *in);
        in++;
        in_len--;
        pos++;
    }
    ctx->pos = pos;
}

/* see primitives.h */
void cit_sha3_squeeze(cit_sha3_ctx_t *ctx, uint8_t *out, size_t out_len)
{
    const uint32_t rate = ctx->rate;
    uint32_t pos;
    uint32_t i;

    if (!ctx->squeezing) {
        /* pad10*1 with the domain bits: pad byte at pos, 0x80 at the last rate byte. */
        keccak_xor_byte(ctx->s, ctx->pos, ctx->pad);
        keccak_xor_byte(ctx->s, rate - 1, 0x80);
        cit_keccak_f1600(ctx->s);
        ctx->squeezing = 1;
        ctx->pos = 0;
    }
    pos = ctx->pos;

    while (out_len > 0) {
        if (pos == rate) {
            cit_keccak_f1600(ctx->s);
            pos = 0;
        }
        if (pos == 0 && out_len >= rate) {
            /* A whole rate block straight to the output. */
            for (i = 0; i < rate / 8; i++) {
                cit_store_le64(out + 8 * i, ctx->s[i]);
            }
            out += rate;
            out_len -= rate;
            pos = rate;
        } else if (pos % 8 == 0 && out_len >= 8) {
            cit_store_le64(out, ctx->s[pos / 8]);
            out += 8;
            out_len -= 8;
            pos += 8;
        } else {
            *out = keccak_get_byte(ctx->s, pos);
            out++;
            out_len--;
            pos++;
        }
    }
    ctx->pos = pos;
}

/* see primitives.h */
void cit_sha3_finish(cit_sha3_ctx_t *ctx, uint8_t *out, size_t out_len)
{
    cit_sha3_squeeze(ctx, out, out_len);
    cit_zeroize(ctx, sizeof(*ctx));
}

#else
typedef int cit_sha3_unused_t;
#endif /* CIT_NEED_SHA3 */
