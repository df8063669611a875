/*
 * sha_ni.c - SHA-1 and SHA-256 compression with the x86 SHA extensions.
 *
 * Written from the instruction definitions in the Intel SDM (SHA1RNDS4,
 * SHA1NEXTE, SHA1MSG1/2, SHA256RNDS2, SHA256MSG1/2). Both functions are fully
 * unrolled; the message schedule is written out next to the rounds that use
 * it and the compiler interleaves the two. Constant-time: no branch or index
 * depends on the data.
 *
 * SHA-256 register layout. SHA256RNDS2 keeps the eight working variables in
 * two registers, most significant lane first: "abef" = (A, B, E, F) and
 * "cdgh" = (C, D, G, H), i.e. A and C in lane 3, F and H in lane 0. One
 * instruction runs two rounds reading (C,D,G,H), (A,B,E,F) and W+K for those
 * two rounds in lanes 0 and 1 of xmm0, and returns the new (A,B,E,F); the new
 * (C,D,G,H) is the old (A,B,E,F), so the two registers simply swap roles.
 * Message words sit in natural order, W[t] in lane t mod 4.
 *
 * SHA-1 register layout. "abcd" holds (A, B, C, D) with A in lane 3. SHA1RNDS4
 * runs four rounds given (A,B,C,D) and the message words W[t..t+3] in lanes
 * 3..0 with E already added to lane 3; the immediate selects f and K for
 * rounds 0-19, 20-39, 40-59, 60-79. After four rounds E equals rol30 of the A
 * that entered them, which SHA1NEXTE computes and adds to the next message
 * words. Message words therefore sit in reversed order, W[t] in lane 3.
 */
#include "x86.h"

#if defined(CIT_USE_X86)

#include <immintrin.h>

/* Round constants of SHA-256 (FIPS 180-4, 4.2.2), four per 128-bit load. */
static const uint32_t cit_sha256_k[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2
};

#define CIT_LOADU(p) _mm_loadu_si128((const __m128i *)(const void *)(p))
#define CIT_STOREU(p, v) _mm_storeu_si128((__m128i *)(void *)(p), (v))

/*
 * SHA256_4ROUNDS runs rounds 4i..4i+3 with the message words w = W[4i..4i+3]:
 * two rounds with W+K in lanes 0-1, then two with lanes 2-3 moved down.
 */
#define SHA256_4ROUNDS(w, i)                                                          \
    do {                                                                              \
        __m128i wk_ = _mm_add_epi32((w), _mm_load_si128(                              \
                                             (const __m128i *)(const void *)(         \
                                                 cit_sha256_k + 4 * (i))));           \
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk_);                                \
        wk_ = _mm_shuffle_epi32(wk_, 0x0e);                                           \
        abef = _mm_sha256rnds2_epu32(abef, cdgh, wk_);                                \
    } while (0)

/*
 * SHA256_SCHEDULE replaces w0 = W[t-16..t-13] by W[t..t+3], given
 * w1 = W[t-12..t-9], w2 = W[t-8..t-5], w3 = W[t-4..t-1]:
 * MSG1 adds sigma0(W[j+1]) to W[j], the alignr supplies W[t-7..t-4],
 * MSG2 adds sigma1(W[j-2]) (chaining through the words it produces).
 */
#define SHA256_SCHEDULE(w0, w1, w2, w3)                                               \
    (w0) = _mm_sha256msg2_epu32(                                                      \
        _mm_add_epi32(_mm_sha256msg1_epu32((w0), (w1)), _mm_alignr_epi8((w3), (w2), 4)), \
        (w3))

/* see x86.h */
void cit_sha256_blocks_shani(uint32_t *state, const uint8_t *data, size_t num_blocks)
{
    /* Byte-swaps each 32-bit lane: big-endian message words. */
    const __m128i bswap32 = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i abef;
    __m128i cdgh;
    __m128i t0;
    __m128i t1;

    if (num_blocks == 0) {
        return;
    }
    /* (a,b,c,d), (e,f,g,h) in lanes 0..3 -> (A,B,E,F), (C,D,G,H) from lane 3 down. */
    t0 = _mm_shuffle_epi32(CIT_LOADU(state), 0xb1);     /* b a d c */
    t1 = _mm_shuffle_epi32(CIT_LOADU(state + 4), 0xb1); /* f e h g */
    abef = _mm_unpacklo_epi64(t1, t0);                  /* f e b a */
    cdgh = _mm_unpackhi_epi64(t1, t0);                  /* h g d c */

    do {
        const __m128i abef_in = abef;
        const __m128i cdgh_in = cdgh;
        __m128i w0 = _mm_shuffle_epi8(CIT_LOADU(data), bswap32);
        __m128i w1 = _mm_shuffle_epi8(CIT_LOADU(data + 16), bswap32);
        __m128i w2 = _mm_shuffle_epi8(CIT_LOADU(data + 32), bswap32);
        __m128i w3 = _mm_shuffle_epi8(CIT_LOADU(data + 48), bswap32);

        SHA256_4ROUNDS(w0, 0);
        SHA256_4ROUNDS(w1, 1);
        SHA256_4ROUNDS(w2, 2);
        SHA256_4ROUNDS(w3, 3);
        SHA256_SCHEDULE(w0, w1, w2, w3);
        SHA256_4ROUNDS(w0, 4);
        SHA256_SCHEDULE(w1, w2, w3, w0);
        SHA256_4ROUNDS(w1, 5);
        SHA256_SCHEDULE(w2, w3, w0, w1);
        SHA256_4ROUNDS(w2, 6);
        SHA256_SCHEDULE(w3, w0, w1, w2);
        SHA256_4ROUNDS(w3, 7);
        SHA256_SCHEDULE(w0, w1, w2, w3);
        SHA256_4ROUNDS(w0, 8);
        SHA256_SCHEDULE(w1, w2, w3, w0);
        SHA256_4ROUNDS(w1, 9);
        SHA256_SCHEDULE(w2, w3, w0, w1);
        SHA256_4ROUNDS(w2, 10);
        SHA256_SCHEDULE(w3, w0, w1, w2);
        SHA256_4ROUNDS(w3, 11);
        SHA256_SCHEDULE(w0, w1, w2, w3);
        SHA256_4ROUNDS(w0, 12);
        SHA256_SCHEDULE(w1, w2, w3, w0);
        SHA256_4ROUNDS(w1, 13);
        SHA256_SCHEDULE(w2, w3, w0, w1);
        SHA256_4ROUNDS(w2, 14);
        SHA256_SCHEDULE(w3, w0, w1, w2);
        SHA256_4ROUNDS(w3, 15);

        abef = _mm_add_epi32(abef, abef_in);
        cdgh = _mm_add_epi32(cdgh, cdgh_in);
        data += 64;
    } while (--num_blocks != 0);

    /* Back to (a,b,c,d), (e,f,g,h). */
    t0 = _mm_shuffle_epi32(abef, 0xb1);                 /* e f a b */
    t1 = _mm_shuffle_epi32(cdgh, 0xb1);                 /* g h c d */
    CIT_STOREU(state, _mm_unpackhi_epi64(t0, t1));      /* a b c d */
    CIT_STOREU(state + 4, _mm_unpacklo_epi64(t0, t1));  /* e f g h */
}

/*
 * SHA1_4ROUNDS runs four rounds with f/K selector `f` on message words w
 * (W[t] in lane 3): SHA1NEXTE adds E = rol30(A four rounds ago, in `prev`).
 */
#define SHA1_4ROUNDS(w, f)                                                            \
    do {                                                                              \
        __m128i we_ = _mm_sha1nexte_epu32(prev, (w));                                 \
        prev = abcd;                                                                  \
        abcd = _mm_sha1rnds4_epu32(abcd, we_, (f));                                   \
    } while (0)

/*
 * SHA1_SCHEDULE replaces w0 = W[t-16..t-13] by W[t..t+3] given the next three
 * groups: MSG1 gives W[j] ^ W[j+2], the XOR adds W[t-8..t-5], and MSG2 adds
 * W[t-3] and rotates left by one (chaining through the words it produces).
 */
#define SHA1_SCHEDULE(w0, w1, w2, w3)                                                 \
    (w0) = _mm_sha1msg2_epu32(_mm_xor_si128(_mm_sha1msg1_epu32((w0), (w1)), (w2)), (w3))

/* see x86.h */
void cit_sha1_blocks_shani(uint32_t *state, const uint8_t *data, size_t num_blocks)
{
    /* Reverses the 16 bytes: big-endian words, W[t] in the top lane. */
    const __m128i bswap128 = _mm_set_epi64x(0x0001020304050607LL, 0x08090a0b0c0d0e0fLL);
    __m128i abcd;
    __m128i e;

    if (num_blocks == 0) {
        return;
    }
    abcd = _mm_shuffle_epi32(CIT_LOADU(state), 0x1b); /* (a,b,c,d) -> A in lane 3 */
    e = _mm_set_epi32((int)state[4], 0, 0, 0);

    do {
        const __m128i abcd_in = abcd;
        __m128i prev;
        __m128i w0 = _mm_shuffle_epi8(CIT_LOADU(data), bswap128);
        __m128i w1 = _mm_shuffle_epi8(CIT_LOADU(data + 16), bswap128);
        __m128i w2 = _mm_shuffle_epi8(CIT_LOADU(data + 32), bswap128);
        __m128i w3 = _mm_shuffle_epi8(CIT_LOADU(data + 48), bswap128);

        /* Rounds 0-3: E comes from the chaining value, not from SHA1NEXTE. */
        prev = abcd;
        abcd = _mm_sha1rnds4_epu32(abcd, _mm_add_epi32(w0, e), 0);
        SHA1_4ROUNDS(w1, 0);
        SHA1_4ROUNDS(w2, 0);
        SHA1_4ROUNDS(w3, 0);
        SHA1_SCHEDULE(w0, w1, w2, w3);
        SHA1_4ROUNDS(w0, 0); /* rounds 16-19 */
        SHA1_SCHEDULE(w1, w2, w3, w0);
        SHA1_4ROUNDS(w1, 1);
        SHA1_SCHEDULE(w2, w3, w0, w1);
        SHA1_4ROUNDS(w2, 1);
        SHA1_SCHEDULE(w3, w0, w1, w2);
        SHA1_4ROUNDS(w3, 1);
        SHA1_SCHEDULE(w0, w1, w2, w3);
        SHA1_4ROUNDS(w0, 1);
        SHA1_SCHEDULE(w1, w2, w3, w0);
        SHA1_4ROUNDS(w1, 1); /* rounds 36-39 */
        SHA1_SCHEDULE(w2, w3, w0, w1);
        SHA1_4ROUNDS(w2, 2);
        SHA1_SCHEDULE(w3, w0, w1, w2);
        SHA1_4ROUNDS(w3, 2);
        SHA1_SCHEDULE(w0, w1, w2, w3);
        SHA1_4ROUNDS(w0, 2);
        SHA1_SCHEDULE(w1, w2, w3, w0);
        SHA1_4ROUNDS(w1, 2);
        SHA1_SCHEDULE(w2, w3, w0, w1);
        SHA1_4ROUNDS(w2, 2); /* rounds 56-59 */
        SHA1_SCHEDULE(w3, w0, w1, w2);
        SHA1_4ROUNDS(w3, 3);
        SHA1_SCHEDULE(w0, w1, w2, w3);
        SHA1_4ROUNDS(w0, 3);
        SHA1_SCHEDULE(w1, w2, w3, w0);
        SHA1_4ROUNDS(w1, 3);
        SHA1_SCHEDULE(w2, w3, w0, w1);
        SHA1_4ROUNDS(w2, 3);
        SHA1_SCHEDULE(w3, w0, w1, w2);
        SHA1_4ROUNDS(w3, 3); /* rounds 76-79 */

        /* E after round 79 is rol30(prev's A); add the chaining value. */
        e = _mm_sha1nexte_epu32(prev, e);
        abcd = _mm_add_epi32(abcd, abcd_in);
        data += 64;
    } while (--num_blocks != 0);

    CIT_STOREU(state, _mm_shuffle_epi32(abcd, 0x1b));
    state[4] = (uint32_t)_mm_extract_epi32(e, 3);
}

#else
typedef int cit_x86_sha_ni_unused_t;
#endif /* CIT_USE_X86 */
