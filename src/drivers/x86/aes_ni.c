/*
 * aes_ni.c - AES-128/192/256 block functions with AES-NI.
 *
 * Key expansion uses AESKEYGENASSIST (SubWord and RotWord^Rcon of words 1 and
 * 3 of its operand) and shifts/XORs for the running XOR of FIPS 197 5.2. The
 * decryption schedule is for the equivalent inverse cipher (FIPS 197 5.3.5):
 * encryption round keys in reverse order, InvMixColumns (AESIMC) applied to
 * all but the first and last.
 *
 * Layout of ctx->rk (bytes): encryption round keys 0..Nr at [0, 16 (Nr + 1)),
 * decryption round keys 0..Nr at [240, 240 + 16 (Nr + 1)), the rest zero.
 * All accesses are unaligned loads and stores, so the context may be copied
 * anywhere.
 *
 * The block functions run 8 independent blocks at a time so that the AES
 * units stay busy despite the instruction latency, then 4, then single
 * blocks. CBC chaining for CMAC and CBC-MAC (ctx->cbc_mac) is serial and has
 * its own latency-bound loop with the round keys held in registers.
 * Constant-time: AES-NI has data-independent timing and nothing branches on
 * key or data.
 */
#include "x86.h"

#if defined(CIT_USE_X86)

#include <immintrin.h>
#include <string.h>

#include "util.h"

/* Byte offset of the decryption round keys within ctx->rk. */
#define CIT_AES_NI_DEC_OFFSET 240

#define CIT_LOADU(p) _mm_loadu_si128((const __m128i *)(const void *)(p))
#define CIT_STOREU(p, v) _mm_storeu_si128((__m128i *)(void *)(p), (v))

CIT_STATIC_ASSERT(sizeof(((cit_aes_ctx_t *)0)->rk) >= CIT_AES_NI_DEC_OFFSET + 16 * 15,
                  aes_ni_rk_fits);

/* cit_aes_ni_prefix_xor returns (w0, w0^w1, w0^w1^w2, w0^w1^w2^w3) for lanes w0..w3. */
static __m128i cit_aes_ni_prefix_xor(__m128i w)
{
    w = _mm_xor_si128(w, _mm_slli_si128(w, 4));
    return _mm_xor_si128(w, _mm_slli_si128(w, 8));
}

/*
 * AES_NI_NEXT returns the round key following k (4 words) when `t` is
 * AESKEYGENASSIST output and `sel` the shuffle broadcasting the wanted word:
 * 0xff for RotWord(SubWord(w3)) ^ Rcon, 0xaa for SubWord(w3) (AES-256).
 */
#define AES_NI_NEXT(k, t, sel) \
    _mm_xor_si128(cit_aes_ni_prefix_xor(k), _mm_shuffle_epi32((t), (sel)))

/* AES-128: each round key follows from the previous one (Nk = 4). */
#define AES128_KEY(i, rcon)                                                           \
    do {                                                                              \
        k = AES_NI_NEXT(k, _mm_aeskeygenassist_si128(k, (rcon)), 0xff);               \
        CIT_STOREU(rk + 16 * (i), k);                                                 \
    } while (0)

static void cit_aes128_ni_expand(uint8_t *rk, const uint8_t *key)
{
    __m128i k = CIT_LOADU(key);

    CIT_STOREU(rk, k);
    AES128_KEY(1, 0x01);
    AES128_KEY(2, 0x02);
    AES128_KEY(3, 0x04);
    AES128_KEY(4, 0x08);
    AES128_KEY(5, 0x10);
    AES128_KEY(6, 0x20);
    AES128_KEY(7, 0x40);
    AES128_KEY(8, 0x80);
    AES128_KEY(9, 0x1b);
    AES128_KEY(10, 0x36);
}

/*
 * AES-192 (Nk = 6) does not line up with 4-word round keys, so the schedule
 * is produced as a stream of words: `lo` holds w[6i..6i+3], `hi` holds
 * w[6i+4..6i+5] in its low lanes (upper lanes are don't-care). Each step
 * stores 6 new words at word 6i of rk (the 2 don't-care words are
 * overwritten by the next step; the ones after the last step are cleared by
 * the caller).
 *   w[6i]     = w[6i-6] ^ RotWord(SubWord(w[6i-1])) ^ Rcon  (AESKEYGENASSIST word 1)
 *   w[6i+j]   = w[6i+j-6] ^ w[6i+j-1]                       j = 1..5
 */
#define AES192_WORDS(i, rcon)                                                         \
    do {                                                                              \
        lo = AES_NI_NEXT(lo, _mm_aeskeygenassist_si128(hi, (rcon)), 0x55);            \
        hi = _mm_xor_si128(hi, _mm_slli_si128(hi, 4));                                \
        hi = _mm_xor_si128(hi, _mm_shuffle_epi32(lo, 0xff));                          \
        CIT_STOREU(rk + 24 * (i), lo);                                                \
        CIT_STOREU(rk + 24 * (i) + 16, hi);                                           \
    } while (0)

static void cit_aes192_ni_expand(uint8_t *rk, const uint8_t *key)
{
    __m128i lo = CIT_LOADU(key);
    __m128i hi = _mm_loadl_epi64((const __m128i *)(const void *)(key + 16));

    CIT_STOREU(rk, lo);
    CIT_STOREU(rk + 16, hi);
    AES192_WORDS(1, 0x01);
    AES192_WORDS(2, 0x02);
    AES192_WORDS(3, 0x04);
    AES192_WORDS(4, 0x08);
    AES192_WORDS(5, 0x10);
    AES192_WORDS(6, 0x20);
    AES192_WORDS(7, 0x40);
    AES192_WORDS(8, 0x80); /* words 48..53; the schedule needs 0..51 */
}

/*
 * AES-256 (Nk = 8): round keys alternate between RotWord(SubWord(w)) ^ Rcon
 * of the previous key's last word (even) and plain SubWord (odd).
 */
#define AES256_KEYS(i, rcon)                                                          \
    do {                                                                              \
        k0 = AES_NI_NEXT(k0, _mm_aeskeygenassist_si128(k1, (rcon)), 0xff);            \
        CIT_STOREU(rk + 16 * (i), k0);                                                \
        k1 = AES_NI_NEXT(k1, _mm_aeskeygenassist_si128(k0, 0), 0xaa);                 \
        CIT_STOREU(rk + 16 * (i) + 16, k1);                                           \
    } while (0)

static void cit_aes256_ni_expand(uint8_t *rk, const uint8_t *key)
{
    __m128i k0 = CIT_LOADU(key);
    __m128i k1 = CIT_LOADU(key + 16);

    CIT_STOREU(rk, k0);
    CIT_STOREU(rk + 16, k1);
    AES256_KEYS(2, 0x01);
    AES256_KEYS(4, 0x02);
    AES256_KEYS(6, 0x04);
    AES256_KEYS(8, 0x08);
    AES256_KEYS(10, 0x10);
    AES256_KEYS(12, 0x20);
    k0 = AES_NI_NEXT(k0, _mm_aeskeygenassist_si128(k1, 0x40), 0xff);
    CIT_STOREU(rk + 16 * 14, k0);
}

/* Applies op(b, k) to each of the n block variables b0..b(n-1). */
#define AES_NI_X1(op, k) b0 = op(b0, k)
#define AES_NI_X4(op, k)                                                              \
    do {                                                                              \
        AES_NI_X1(op, k);                                                             \
        b1 = op(b1, k);                                                               \
        b2 = op(b2, k);                                                               \
        b3 = op(b3, k);                                                               \
    } while (0)
#define AES_NI_X8(op, k)                                                              \
    do {                                                                              \
        AES_NI_X4(op, k);                                                             \
        b4 = op(b4, k);                                                               \
        b5 = op(b5, k);                                                               \
        b6 = op(b6, k);                                                               \
        b7 = op(b7, k);                                                               \
    } while (0)

/*
 * AES_NI_CIPHER runs a whole cipher over the block variables with the round
 * keys at rk: whitening, nr - 1 full rounds (op), the last round (oplast).
 * nr is even, so after round 1 the full rounds come in pairs.
 */
#define AES_NI_CIPHER(xn, op, oplast)                                                 \
    do {                                                                              \
        size_t r_;                                                                    \
        xn(_mm_xor_si128, CIT_LOADU(rk));                                             \
        xn(op, CIT_LOADU(rk + 16));                                                   \
        for (r_ = 2; r_ < nr; r_ += 2) {                                              \
            xn(op, CIT_LOADU(rk + 16 * r_));                                          \
            xn(op, CIT_LOADU(rk + 16 * r_ + 16));                                     \
        }                                                                             \
        xn(oplast, CIT_LOADU(rk + 16 * nr));                                          \
    } while (0)

/*
 * cit_aes_ni_blocks runs the cipher whose round keys are at rk over
 * num_blocks blocks, encrypting if `decrypt` is 0 (a constant at each call
 * site, so the branches on it are resolved at compile time).
 */
static inline void cit_aes_ni_blocks(const uint8_t *rk, size_t nr, int decrypt,
                                     const uint8_t *in, uint8_t *out, size_t num_blocks)
{
    __m128i b0, b1, b2, b3, b4, b5, b6, b7;

    for (; num_blocks >= 8; num_blocks -= 8, in += 128, out += 128) {
        b0 = CIT_LOADU(in);
        b1 = CIT_LOADU(in + 16);
        b2 = CIT_LOADU(in + 32);
        b3 = CIT_LOADU(in + 48);
        b4 = CIT_LOADU(in + 64);
        b5 = CIT_LOADU(in + 80);
        b6 = CIT_LOADU(in + 96);
        b7 = CIT_LOADU(in + 112);
        if (decrypt) {
            AES_NI_CIPHER(AES_NI_X8, _mm_aesdec_si128, _mm_aesdeclast_si128);
        } else {
            AES_NI_CIPHER(AES_NI_X8, _mm_aesenc_si128, _mm_aesenclast_si128);
        }
        CIT_STOREU(out, b0);
        CIT_STOREU(out + 16, b1);
        CIT_STOREU(out + 32, b2);
        CIT_STOREU(out + 48, b3);
        CIT_STOREU(out + 64, b4);
        CIT_STOREU(out + 80, b5);
        CIT_STOREU(out + 96, b6);
        CIT_STOREU(out + 112, b7);
    }
    if (num_blocks >= 4) {
        b0 = CIT_LOADU(in);
        b1 = CIT_LOADU(in + 16);
        b2 = CIT_LOADU(in + 32);
        b3 = CIT_LOADU(in + 48);
        if (decrypt) {
            AES_NI_CIPHER(AES_NI_X4, _mm_aesdec_si128, _mm_aesdeclast_si128);
        } else {
            AES_NI_CIPHER(AES_NI_X4, _mm_aesenc_si128, _mm_aesenclast_si128);
        }
        CIT_STOREU(out, b0);
        CIT_STOREU(out + 16, b1);
        CIT_STOREU(out + 32, b2);
        CIT_STOREU(out + 48, b3);
        num_blocks -= 4;
        in += 64;
        out += 64;
    }
    for (; num_blocks > 0; num_blocks--, in += 16, out += 16) {
        b0 = CIT_LOADU(in);
        if (decrypt) {
            AES_NI_CIPHER(AES_NI_X1, _mm_aesdec_si128, _mm_aesdeclast_si128);
        } else {
            AES_NI_CIPHER(AES_NI_X1, _mm_aesenc_si128, _mm_aesenclast_si128);
        }
        CIT_STOREU(out, b0);
    }
}

/* cit_aes_ni_encrypt is the cit_aes_blocks_fn for encryption. */
static void cit_aes_ni_encrypt(const cit_aes_ctx_t *ctx, const uint8_t *in, uint8_t *out,
                               size_t num_blocks)
{
    cit_aes_ni_blocks((const uint8_t *)ctx->rk, ctx->rounds, 0, in, out, num_blocks);
}

/* cit_aes_ni_decrypt is the cit_aes_blocks_fn for decryption. */
static void cit_aes_ni_decrypt(const cit_aes_ctx_t *ctx, const uint8_t *in, uint8_t *out,
                               size_t num_blocks)
{
    cit_aes_ni_blocks((const uint8_t *)ctx->rk + CIT_AES_NI_DEC_OFFSET, ctx->rounds, 1, in,
                      out, num_blocks);
}

/*
 * CBC chaining (cit_aes_cbc_fn). The chain is serial, so its speed is the
 * latency of the nr AESENC/AESENCLAST per block; everything else is kept off
 * that path. The round keys are loaded into registers once per call, the
 * rounds are unrolled per key size, and the chaining value stays in `s`.
 * The next block's input XOR is folded into the last round key: AESENCLAST
 * with k[nr] ^ k[0] ^ m yields E(x) ^ m ^ k[0], which is already the next
 * block's whitened input, so each block costs exactly nr AES instructions of
 * latency (kx = k[nr] ^ k[0] and its XOR with m do not depend on s).
 *
 * Register budget (16 xmm): AES-256 keeps k1..k13, kx, s and m live in the
 * loop, so k0 and k[nr] must not stay live across it or the compiler spills
 * key material to the stack. k0 is dead after the first block; the final
 * AESENCLAST loads k[nr] as decryption round key 0 (the same value at a
 * different address, see cit_aes_ni_init), which the compiler cannot merge
 * with the load of k[nr] for kx.
 */

/* AES_NI_ENC runs one full round on s with round key k. */
#define AES_NI_ENC(k) s = _mm_aesenc_si128(s, (k))

/*
 * AES_NI_CBC_LOOP chains num_blocks >= 1 blocks of in into state with the
 * round keys at rk: `rounds` runs rounds 1..nr-1 on s (its keys already in
 * registers), klast_off is the byte offset of k[nr] in rk.
 */
#define AES_NI_CBC_LOOP(rounds, klast_off)                                            \
    do {                                                                              \
        const __m128i k0 = CIT_LOADU(rk);                                             \
        const __m128i kx = _mm_xor_si128(k0, CIT_LOADU(rk + (klast_off)));            \
        __m128i s = _mm_xor_si128(_mm_xor_si128(CIT_LOADU(state), CIT_LOADU(in)), k0); \
        for (;;) {                                                                    \
            rounds;                                                                   \
            if (--num_blocks == 0) {                                                  \
                break;                                                                \
            }                                                                         \
            in += 16;                                                                 \
            s = _mm_aesenclast_si128(s, _mm_xor_si128(kx, CIT_LOADU(in)));           \
        }                                                                             \
        CIT_STOREU(state, _mm_aesenclast_si128(s, CIT_LOADU(rk + CIT_AES_NI_DEC_OFFSET))); \
    } while (0)

/* Rounds 1..9, common to all key sizes (k1..k9 in scope). */
#define AES_NI_ROUNDS_1_9                                                             \
    do {                                                                              \
        AES_NI_ENC(k1);                                                               \
        AES_NI_ENC(k2);                                                               \
        AES_NI_ENC(k3);                                                               \
        AES_NI_ENC(k4);                                                               \
        AES_NI_ENC(k5);                                                               \
        AES_NI_ENC(k6);                                                               \
        AES_NI_ENC(k7);                                                               \
        AES_NI_ENC(k8);                                                               \
        AES_NI_ENC(k9);                                                               \
    } while (0)

/* Declares and loads the round keys k1..k9 from rk. */
#define AES_NI_LOAD_1_9                                                               \
    const __m128i k1 = CIT_LOADU(rk + 16), k2 = CIT_LOADU(rk + 32);                   \
    const __m128i k3 = CIT_LOADU(rk + 48), k4 = CIT_LOADU(rk + 64);                   \
    const __m128i k5 = CIT_LOADU(rk + 80), k6 = CIT_LOADU(rk + 96);                   \
    const __m128i k7 = CIT_LOADU(rk + 112), k8 = CIT_LOADU(rk + 128);                 \
    const __m128i k9 = CIT_LOADU(rk + 144)

/* cit_aes128_ni_cbc_mac chains num_blocks >= 1 blocks with AES-128. */
static void cit_aes128_ni_cbc_mac(const uint8_t *rk, uint8_t state[16], const uint8_t *in,
                                  size_t num_blocks)
{
    AES_NI_LOAD_1_9;

    AES_NI_CBC_LOOP(AES_NI_ROUNDS_1_9, 160);
}

/* cit_aes192_ni_cbc_mac chains num_blocks >= 1 blocks with AES-192. */
static void cit_aes192_ni_cbc_mac(const uint8_t *rk, uint8_t state[16], const uint8_t *in,
                                  size_t num_blocks)
{
    AES_NI_LOAD_1_9;
    const __m128i k10 = CIT_LOADU(rk + 160), k11 = CIT_LOADU(rk + 176);

    AES_NI_CBC_LOOP(AES_NI_ROUNDS_1_9; AES_NI_ENC(k10); AES_NI_ENC(k11), 192);
}

/* cit_aes256_ni_cbc_mac chains num_blocks >= 1 blocks with AES-256. */
static void cit_aes256_ni_cbc_mac(const uint8_t *rk, uint8_t state[16], const uint8_t *in,
                                  size_t num_blocks)
{
    AES_NI_LOAD_1_9;
    const __m128i k10 = CIT_LOADU(rk + 160), k11 = CIT_LOADU(rk + 176);
    const __m128i k12 = CIT_LOADU(rk + 192), k13 = CIT_LOADU(rk + 208);

    AES_NI_CBC_LOOP(AES_NI_ROUNDS_1_9; AES_NI_ENC(k10); AES_NI_ENC(k11); AES_NI_ENC(k12);
                    AES_NI_ENC(k13), 224);
}

/* cit_aes_ni_cbc_mac is the cit_aes_cbc_fn. */
static void cit_aes_ni_cbc_mac(const cit_aes_ctx_t *ctx, uint8_t state[16], const uint8_t *in,
                               size_t num_blocks)
{
    const uint8_t *rk = (const uint8_t *)ctx->rk;

    if (num_blocks == 0) {
        return;
    }
    switch (ctx->rounds) {
    case 10:
        cit_aes128_ni_cbc_mac(rk, state, in, num_blocks);
        break;
    case 12:
        cit_aes192_ni_cbc_mac(rk, state, in, num_blocks);
        break;
    default:
        cit_aes256_ni_cbc_mac(rk, state, in, num_blocks);
        break;
    }
}

/* see x86.h */
int cit_aes_ni_init(cit_aes_ctx_t *ctx, const uint8_t *key, size_t key_len)
{
    uint8_t *rk = (uint8_t *)ctx->rk;
    uint8_t *dk = rk + CIT_AES_NI_DEC_OFFSET;
    size_t nr;
    size_t i;

    switch (key_len) {
    case 16:
        nr = 10;
        cit_aes128_ni_expand(rk, key);
        break;
    case 24:
        nr = 12;
        cit_aes192_ni_expand(rk, key);
        break;
    case 32:
        nr = 14;
        cit_aes256_ni_expand(rk, key);
        break;
    default:
        return -1;
    }
    /* Clear what the expansion may have left beyond round key nr, and the tail. */
    memset(rk + 16 * (nr + 1), 0, CIT_AES_NI_DEC_OFFSET - 16 * (nr + 1));
    memset(dk + 16 * (nr + 1), 0, sizeof(ctx->rk) - CIT_AES_NI_DEC_OFFSET - 16 * (nr + 1));

    CIT_STOREU(dk, CIT_LOADU(rk + 16 * nr));
    for (i = 1; i < nr; i++) {
        CIT_STOREU(dk + 16 * i, _mm_aesimc_si128(CIT_LOADU(rk + 16 * (nr - i))));
    }
    CIT_STOREU(dk + 16 * nr, CIT_LOADU(rk));

    ctx->rounds = (uint32_t)nr;
    ctx->reserved = 0;
    ctx->encrypt = cit_aes_ni_encrypt;
    ctx->decrypt = cit_aes_ni_decrypt;
    ctx->cbc_mac = cit_aes_ni_cbc_mac;
    return 0;
}

#else
typedef int cit_x86_aes_ni_unused_t;
#endif /* CIT_USE_X86 */
