/*
 * sha512_avx2.c - SHA-512 compression (FIPS 180-4, 6.4.2) with an AVX2
 * message schedule and scalar BMI2 rounds.
 *
 * AVX2 has no 64-bit rotate, so the vector unit is poor at the rounds but
 * good at the message schedule, which costs the portable code about as many
 * operations as the rounds themselves. Blocks go in pairs (A, B). Each
 * 256-bit register holds two consecutive schedule words of A in its low
 * 128-bit lane and the same two words of B in its high lane, so eight
 * registers v0..v7 are the rolling 16-word window of both blocks, and the
 * per-lane VPALIGNR yields the odd-aligned pairs W[t-15..t-14] and
 * W[t-7..t-6]. One schedule step computes W[t..t+1] of both blocks:
 *
 *     W[t..t+1] = W[t-16..t-15] + s0(W[t-15..t-14]) + W[t-7..t-6] + s1(W[t-2..t-1])
 *
 * which needs only the previous step's result, as W[t+1] depends on W[t-1],
 * never on W[t]. The step adds K[t..t+1] and stores W+K to a stack buffer
 * that holds, for each word pair, A's two words and then B's.
 *
 * The scalar rounds read W+K from that buffer; the schedule steps are written
 * between them so that the out-of-order core runs both at once. Spreading
 * the vector work evenly over all rounds matters (packing it into the rounds
 * of A alone loses about 10% to the front end), so the schedule is pipelined
 * across two buffers: the rounds of B run alongside the first half of the
 * next pair's schedule (loads and steps 0..15), the rounds of A alongside
 * the second half of its own (steps 16..31, ahead of the rounds that need
 * them). Only the first pair has nothing to overlap with: its whole schedule
 * runs alongside the rounds of its first block, one step per two rounds. An
 * odd last block is paired with itself and only its A rounds run.
 *
 * The rounds use the three-rotate forms of Sigma0/Sigma1, which the compiler
 * lowers to non-destructive RORX under -mbmi2 (so this needs CIT_X86_BMI2),
 * and Maj(a, b, c) = ((a ^ b) & (b ^ c)) ^ b with b ^ c carried over from the
 * previous round's a ^ b.
 *
 * Constant time: no branch or memory index depends on the message or the
 * state; the only branches depend on num_blocks. The W+K buffers are wiped
 * on return.
 */
#include "x86.h"

#if defined(CIT_USE_X86)

#include <immintrin.h>

#include "util.h"

#define SHA512_BLOCK 128u

/* FIPS 180-4 4.2.3: SHA-384/512 round constants, two per 128-bit broadcast. */
static const uint64_t cit_sha512_k[80] __attribute__((aligned(16))) = {
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

/* ---------------------------------------------------------------- schedule */

#define V_LOADU(p) _mm_loadu_si128((const __m128i *)(const void *)(p))
/* V_K2 is (K[t], K[t+1]) in both 128-bit lanes. */
#define V_K2(t) _mm256_broadcastsi128_si256(_mm_load_si128((const __m128i *)(const void *)( \
    cit_sha512_k + (t))))
#define V_STORE(p, v) _mm256_store_si256((__m256i *)(void *)(p), (v))

/* sigma0(x) = ROTR1(x) ^ ROTR8(x) ^ SHR7(x) in each 64-bit lane; ROTR8 is a byte shuffle. */
static inline __m256i sha512_ssig0(__m256i x, __m256i rotr8)
{
    __m256i t = _mm256_xor_si256(_mm256_srli_epi64(x, 1), _mm256_slli_epi64(x, 63));

    return _mm256_xor_si256(_mm256_xor_si256(t, _mm256_srli_epi64(x, 7)),
                            _mm256_shuffle_epi8(x, rotr8));
}

/* sigma1(x) = ROTR19(x) ^ ROTR61(x) ^ SHR6(x) in each 64-bit lane. */
static inline __m256i sha512_ssig1(__m256i x)
{
    __m256i t = _mm256_xor_si256(_mm256_srli_epi64(x, 19), _mm256_slli_epi64(x, 45));
    __m256i u = _mm256_xor_si256(_mm256_srli_epi64(x, 61), _mm256_slli_epi64(x, 3));

    return _mm256_xor_si256(_mm256_xor_si256(t, u), _mm256_srli_epi64(x, 6));
}

/*
 * SCHED is one schedule step: w0 holds W[t-16..t-15] of both blocks and
 * becomes W[t..t+1]; w1, w4, w5 and w7 are the registers 1, 4, 5 and 7 pairs
 * later in the window. The new words plus K[t..t+1] are stored at dst.
 */
#define SCHED(w0, w1, w4, w5, w7, t, dst)                                                  \
    do {                                                                                   \
        __m256i s_ = sha512_ssig0(_mm256_alignr_epi8((w1), (w0), 8), rotr8);               \
        s_ = _mm256_add_epi64(s_, _mm256_alignr_epi8((w5), (w4), 8));                      \
        (w0) = _mm256_add_epi64(_mm256_add_epi64((w0), s_), sha512_ssig1(w7));             \
        V_STORE((dst), _mm256_add_epi64((w0), V_K2(t)));                                   \
    } while (0)

/*
 * LOAD2 sets v to message words 2i, 2i + 1 of blocks blk_a (low lane) and
 * blk_b (high lane) and stores them plus K as word pair i of the buffer dst.
 */
#define LOAD2(v, i, dst)                                                                   \
    do {                                                                                   \
        (v) = _mm256_shuffle_epi8(                                                         \
            _mm256_inserti128_si256(_mm256_castsi128_si256(V_LOADU(blk_a + 16 * (i))),      \
                                    V_LOADU(blk_b + 16 * (i)), 1),                         \
            bswap64);                                                                      \
        V_STORE((dst) + 4 * (i), _mm256_add_epi64((v), V_K2(2 * (i))));                    \
    } while (0)

/* LOAD_PAIR starts the schedule of blk_a and blk_b in v0..v7 and dst[0..31]. */
#define LOAD_PAIR(dst)                                                                     \
    do {                                                                                   \
        LOAD2(v0, 0, dst);                                                                 \
        LOAD2(v1, 1, dst);                                                                 \
        LOAD2(v2, 2, dst);                                                                 \
        LOAD2(v3, 3, dst);                                                                 \
        LOAD2(v4, 4, dst);                                                                 \
        LOAD2(v5, 5, dst);                                                                 \
        LOAD2(v6, 6, dst);                                                                 \
        LOAD2(v7, 7, dst);                                                                 \
    } while (0)

/* VSWAP_HALVES renames the window after four steps: v4..v7 become v0..v3. */
#define VSWAP(v, w)                                                                        \
    do {                                                                                   \
        __m256i t_ = (v);                                                                  \
        (v) = (w);                                                                         \
        (w) = t_;                                                                          \
    } while (0)
#define VSWAP_HALVES()                                                                     \
    do {                                                                                   \
        VSWAP(v0, v4);                                                                     \
        VSWAP(v1, v5);                                                                     \
        VSWAP(v2, v6);                                                                     \
        VSWAP(v3, v7);                                                                     \
    } while (0)

/* ---------------------------------------------------------------- rounds */

/* ROTR64 rotates right by a constant 0 < n < 64. */
#define ROTR64(x, n) (((x) >> (n)) | ((x) << (64 - (n))))
#define BSIG0(x) (ROTR64((x), 28) ^ ROTR64((x), 34) ^ ROTR64((x), 39))
#define BSIG1(x) (ROTR64((x), 14) ^ ROTR64((x), 18) ^ ROTR64((x), 41))
/* Ch(x, y, z) = (x AND y) XOR (NOT x AND z), in three operations. */
#define CH(x, y, z) ((((y) ^ (z)) & (x)) ^ (z))

/*
 * ROUND runs one round with wk = W[t] + K[t]. The caller rotates the
 * variable names, so only d and h are written; mx receives a ^ b, my holds
 * b ^ c (the previous round's a ^ b).
 */
#define ROUND(a, b, c, d, e, f, g, h, wk, mx, my)                                          \
    do {                                                                                   \
        uint64_t t1_ = (h) + (wk) + CH((e), (f), (g)) + BSIG1(e);                          \
        (d) += t1_;                                                                        \
        (mx) = (a) ^ (b);                                                                  \
        (h) = t1_ + BSIG0(a) + (((mx) & (my)) ^ (b));                                      \
    } while (0)

/*
 * R2 runs rounds r and r + 1 (r even) of a group of 16, reading W+K through p:
 * the two words of one block are followed by the two of the other block.
 */
#define R2(a, b, c, d, e, f, g, h, r)                                                      \
    do {                                                                                   \
        ROUND(a, b, c, d, e, f, g, h, p[2 * (r)], x, y);                                   \
        ROUND(h, a, b, c, d, e, f, g, p[2 * (r) + 1], y, x);                               \
    } while (0)

/* ROUNDS16 runs 16 rounds; S(i) is placed after rounds 2i, 2i + 1. */
#define ROUNDS16(S)                                                                        \
    do {                                                                                   \
        R2(a, b, c, d, e, f, g, h, 0);                                                     \
        S(0);                                                                              \
        R2(g, h, a, b, c, d, e, f, 2);                                                     \
        S(1);                                                                              \
        R2(e, f, g, h, a, b, c, d, 4);                                                     \
        S(2);                                                                              \
        R2(c, d, e, f, g, h, a, b, 6);                                                     \
        S(3);                                                                              \
        R2(a, b, c, d, e, f, g, h, 8);                                                     \
        S(4);                                                                              \
        R2(g, h, a, b, c, d, e, f, 10);                                                    \
        S(5);                                                                              \
        R2(e, f, g, h, a, b, c, d, 12);                                                    \
        S(6);                                                                              \
        R2(c, d, e, f, g, h, a, b, 14);                                                    \
        S(7);                                                                              \
    } while (0)

/*
 * Schedule hooks for ROUNDS16, kt being the index of the first new word.
 * S_FULL(i): step i of eight, one per two rounds, from the window v(i)..v(i + 7),
 * storing to word pair 8 + i after p (the schedule of the block being run).
 * S_HALF(i): for even i, step i / 2 of four, storing to q + 2 * i; the caller
 * renames the window with VSWAP_HALVES after the 16 rounds.
 */
#define S_NONE(i) ((void)0)
#define S_FULL(i) S_FULL_##i
#define S_FULL_0 SCHED(v0, v1, v4, v5, v7, kt + 0, p + 32 + 0)
#define S_FULL_1 SCHED(v1, v2, v5, v6, v0, kt + 2, p + 32 + 4)
#define S_FULL_2 SCHED(v2, v3, v6, v7, v1, kt + 4, p + 32 + 8)
#define S_FULL_3 SCHED(v3, v4, v7, v0, v2, kt + 6, p + 32 + 12)
#define S_FULL_4 SCHED(v4, v5, v0, v1, v3, kt + 8, p + 32 + 16)
#define S_FULL_5 SCHED(v5, v6, v1, v2, v4, kt + 10, p + 32 + 20)
#define S_FULL_6 SCHED(v6, v7, v2, v3, v5, kt + 12, p + 32 + 24)
#define S_FULL_7 SCHED(v7, v0, v3, v4, v6, kt + 14, p + 32 + 28)
#define S_HALF(i) S_HALF_##i
#define S_HALF_0 SCHED(v0, v1, v4, v5, v7, kt + 0, q + 0)
#define S_HALF_1 ((void)0)
#define S_HALF_2 SCHED(v1, v2, v5, v6, v0, kt + 2, q + 4)
#define S_HALF_3 ((void)0)
#define S_HALF_4 SCHED(v2, v3, v6, v7, v1, kt + 4, q + 8)
#define S_HALF_5 ((void)0)
#define S_HALF_6 SCHED(v3, v4, v7, v0, v2, kt + 6, q + 12)
#define S_HALF_7 ((void)0)

/* ---------------------------------------------------------------- blocks */

/* The constants the schedule macros use, as locals so they stay in registers. */
#define SCHED_CONSTANTS                                                                    \
    /* Rotates each 64-bit lane right by 8 bits. */                                        \
    const __m256i rotr8 = _mm256_set_epi64x(0x080f0e0d0c0b0a09LL, 0x0007060504030201LL,    \
                                            0x080f0e0d0c0b0a09LL, 0x0007060504030201LL);   \
    /* Byte-swaps each 64-bit lane: big-endian message words. */                           \
    const __m256i bswap64 = _mm256_set_epi64x(0x08090a0b0c0d0e0fLL, 0x0001020304050607LL,  \
                                              0x08090a0b0c0d0e0fLL, 0x0001020304050607LL)

#define STATE_IN()                                                                         \
    do {                                                                                   \
        a = state[0], b = state[1], c = state[2], d = state[3];                            \
        e = state[4], f = state[5], g = state[6], h = state[7];                            \
        y = b ^ c;                                                                         \
    } while (0)

#define STATE_OUT()                                                                        \
    do {                                                                                   \
        state[0] += a, state[1] += b, state[2] += c, state[3] += d;                        \
        state[4] += e, state[5] += f, state[6] += g, state[7] += h;                        \
    } while (0)

/*
 * sha512_first_pair computes the whole schedule of blk_a and blk_b into wk
 * while it compresses blk_a into state. Kept out of line (like
 * sha512_next_pairs) so that each gets its own register allocation.
 */
static __attribute__((noinline)) void sha512_first_pair(uint64_t *state, uint64_t *wk,
                                                        const uint8_t *blk_a,
                                                        const uint8_t *blk_b)
{
    SCHED_CONSTANTS;
    __m256i v0, v1, v2, v3, v4, v5, v6, v7;
    uint64_t a, b, c, d, e, f, g, h, x, y;
    const uint64_t *p;
    unsigned kt;
    unsigned n;

    LOAD_PAIR(wk);
    STATE_IN();
    for (n = 0; n < 4; n++) {
        p = wk + 32 * n;
        kt = 16 + 16 * n;
        ROUNDS16(S_FULL);
    }
    p = wk + 128;
    ROUNDS16(S_NONE);
    STATE_OUT();
}

/*
 * sha512_next_pairs continues after sha512_first_pair: given the schedule of
 * the pair at data in wk[0] and its block A already compressed, it compresses
 * the other num_blocks - 1 blocks (num_blocks >= 2), pipelining the schedule
 * of each further pair into the other buffer.
 */
static __attribute__((noinline)) void sha512_next_pairs(uint64_t *state, uint64_t wk[2][160],
                                                        const uint8_t *data, size_t num_blocks)
{
    SCHED_CONSTANTS;
    __m256i v0, v1, v2, v3, v4, v5, v6, v7;
    uint64_t a, b, c, d, e, f, g, h, x, y;
    uint64_t *cur = wk[0];
    uint64_t *nxt = wk[1];
    const uint8_t *blk_a;
    const uint8_t *blk_b;
    const uint64_t *p;
    uint64_t *q;
    unsigned kt;
    unsigned n;

    for (;;) {
        /* Block B of the pair at data, with the first half of the next pair's schedule. */
        num_blocks -= 2;
        STATE_IN();
        n = 0;
        if (num_blocks != 0) {
            blk_a = data + 2 * SHA512_BLOCK;
            blk_b = num_blocks >= 2 ? blk_a + SHA512_BLOCK : blk_a;
            LOAD_PAIR(nxt);
            for (; n < 4; n++) {
                p = cur + 2 + 32 * n;
                q = nxt + 32 + 16 * n;
                kt = 16 + 8 * n;
                ROUNDS16(S_HALF);
                VSWAP_HALVES();
            }
        }
        for (; n < 5; n++) {
            p = cur + 2 + 32 * n;
            ROUNDS16(S_NONE);
        }
        STATE_OUT();
        if (num_blocks == 0) {
            return;
        }

        /* Block A of the next pair, with the second half of its schedule. */
        data += 2 * SHA512_BLOCK;
        q = cur;
        cur = nxt;
        nxt = q;
        STATE_IN();
        for (n = 0; n < 4; n++) {
            p = cur + 32 * n;
            q = cur + 96 + 16 * n;
            kt = 48 + 8 * n;
            ROUNDS16(S_HALF);
            VSWAP_HALVES();
        }
        p = cur + 128;
        ROUNDS16(S_NONE);
        STATE_OUT();
        if (num_blocks < 2) {
            return;
        }
    }
}

/* see x86.h */
void cit_sha512_blocks_avx2(uint64_t *state, const uint8_t *data, size_t num_blocks)
{
    /* W+K of the current pair and of the next one, 4 words per word pair. */
    uint64_t wk[2][4 * 40] __attribute__((aligned(32)));

    if (num_blocks == 0) {
        return;
    }
    sha512_first_pair(state, wk[0], data, num_blocks >= 2 ? data + SHA512_BLOCK : data);
    if (num_blocks >= 2) {
        sha512_next_pairs(state, wk, data, num_blocks);
    }
    /*
     * wk[1] is only written from three blocks on. Two calls: glibc's memset
     * switches to REP STOSB from 2 KiB, whose start-up cost would be a fifth
     * of a one-block call here.
     */
    cit_zeroize(wk[0], sizeof(wk[0]));
    if (num_blocks > 2) {
        cit_zeroize(wk[1], sizeof(wk[1]));
    }
}

#else
typedef int cit_x86_sha512_avx2_unused_t;
#endif /* CIT_USE_X86 */
