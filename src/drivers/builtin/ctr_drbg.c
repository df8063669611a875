/*
 * ctr_drbg.c - CTR_DRBG with AES-256 and the derivation function
 * (NIST SP 800-90A Rev. 1, sections 10.2.1 and 10.3.2).
 *
 * Parameters: keylen = 32, blocklen = outlen = 16, seedlen = 48 bytes;
 * ctr_len = blocklen, so V is incremented as a full 128-bit big-endian
 * counter. The working state is (Key, V, reseed_counter); Key exists only
 * as the keyed AES context ctx->aes, re-keyed through the init_aes function
 * passed to every call, so the portable or a hardware AES may be used.
 *
 * Block_Cipher_df runs its three BCC chains (IV counters 0, 1, 2) side by
 * side, one three-block encryption per 16-byte block of S, and streams S =
 * L || N || input || 0x80 || 0* without building it in memory. Generate
 * encrypts up to CTR_DRBG_BATCH counter blocks per call straight into the
 * output.
 *
 * Constant-time: the counter carry is computed arithmetically behind value
 * barriers; the only branches depend on lengths and the (public) reseed
 * counter.
 */
#include "primitives.h"

#include "config_derive.h"
#include "util.h"
#include "ct.h"

#if defined(CIT_NEED_AES)

#define CTR_DRBG_BLOCK 16
#define CTR_DRBG_KEYLEN 32
#define CTR_DRBG_BCC_CHAINS 3 /* (keylen + outlen) / outlen */
#define CTR_DRBG_BATCH 8      /* counter blocks encrypted per call in generate */

CIT_STATIC_ASSERT(CIT_CTR_DRBG_SEEDLEN == CTR_DRBG_KEYLEN + CTR_DRBG_BLOCK, ctr_drbg_seedlen);
CIT_STATIC_ASSERT(CTR_DRBG_BCC_CHAINS * CTR_DRBG_BLOCK == CIT_CTR_DRBG_SEEDLEN, ctr_drbg_chains);

/* The fixed df key: leftmost keylen bytes of 0x00 0x01 0x02 ... (10.3.2 step 8). */
static const uint8_t ctr_drbg_df_key[CTR_DRBG_KEYLEN] = {
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
    0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
};

static const uint8_t ctr_drbg_zero_key[CTR_DRBG_KEYLEN] = { 0 };

/* The running state of Block_Cipher_df: three parallel BCC chains. */
typedef struct {
    cit_aes_ctx_t aes;
    uint8_t chain[CIT_CTR_DRBG_SEEDLEN]; /* chain i is bytes 16 i .. 16 i + 15 */
    uint8_t block[CTR_DRBG_BLOCK];       /* pending bytes of S */
    size_t block_len;
} ctr_drbg_df_t;

/* One piece of a concatenated df input string. */
typedef struct {
    const uint8_t *data;
    size_t len;
} ctr_drbg_piece_t;

/*
 * ctr_drbg_inc adds one to the 128-bit big-endian counter (hi, lo), mod 2^128.
 * Both barriers are for the constant-time checker: without the first, the
 * compiler may use the secret counter as the induction variable of the
 * calling loop (so the loop test would read V); without the second, it may
 * turn the carry into a branch.
 */
static void ctr_drbg_inc(uint64_t *hi, uint64_t *lo)
{
    uint64_t l = *lo + cit_ct_barrier_u32(1);
    uint32_t carry = cit_ct_barrier_u32((uint32_t)((l | (0u - l)) >> 63)) ^ 1u;

    *hi += carry;
    *lo = l;
}

/* ctr_drbg_bcc_block chains the pending block of S into all three BCC chains. */
static void ctr_drbg_bcc_block(ctr_drbg_df_t *df)
{
    size_t c;
    size_t i;

    for (c = 0; c < CTR_DRBG_BCC_CHAINS; c++) {
        for (i = 0; i < CTR_DRBG_BLOCK; i++) {
            df->chain[c * CTR_DRBG_BLOCK + i] ^= df->block[i];
        }
    }
    df->aes.encrypt(&df->aes, df->chain, df->chain, CTR_DRBG_BCC_CHAINS);
    df->block_len = 0;
}

/* ctr_drbg_df_absorb feeds len more bytes of S to the BCC chains. */
static void ctr_drbg_df_absorb(ctr_drbg_df_t *df, const uint8_t *data, size_t len)
{
    size_t n;

    while (len > 0) {
        n = CTR_DRBG_BLOCK - df->block_len;
        if (n > len) {
            n = len;
        }
        memcpy(df->block + df->block_len, data, n);
        df->block_len += n;
        data += n;
        len -= n;
        if (df->block_len == CTR_DRBG_BLOCK) {
            ctr_drbg_bcc_block(df);
        }
    }
}

/*
 * ctr_drbg_df is Block_Cipher_df (10.3.2) returning seedlen bytes, over the
 * concatenation of num_pieces input pieces. The total input length must be
 * below 2^32 bytes (SP 800-90A caps every input far lower).
 */
static void ctr_drbg_df(cit_aes_init_fn init_aes, const ctr_drbg_piece_t *pieces,
                        size_t num_pieces, uint8_t out[CIT_CTR_DRBG_SEEDLEN])
{
    ctr_drbg_df_t df;
    uint8_t header[8];
    const uint8_t one_bit = 0x80;
    size_t total = 0;
    size_t c;

    for (c = 0; c < num_pieces; c++) {
        total += pieces[c].len;
    }

    /* Steps 1-8: BCC chain i starts with the block IV_i = i || 0^96. */
    (void)init_aes(&df.aes, ctr_drbg_df_key, sizeof(ctr_drbg_df_key));
    memset(df.chain, 0, sizeof(df.chain));
    for (c = 0; c < CTR_DRBG_BCC_CHAINS; c++) {
        cit_store_be32(df.chain + c * CTR_DRBG_BLOCK, (uint32_t)c);
    }
    df.aes.encrypt(&df.aes, df.chain, df.chain, CTR_DRBG_BCC_CHAINS);
    df.block_len = 0;

    /* S = L || N || input_string || 0x80, zero-padded to a whole block. */
    cit_store_be32(header, (uint32_t)total);
    cit_store_be32(header + 4, CIT_CTR_DRBG_SEEDLEN);
    ctr_drbg_df_absorb(&df, header, sizeof(header));
    for (c = 0; c < num_pieces; c++) {
        ctr_drbg_df_absorb(&df, pieces[c].data, pieces[c].len);
    }
    ctr_drbg_df_absorb(&df, &one_bit, 1);
    if (df.block_len != 0) {
        memset(df.block + df.block_len, 0, CTR_DRBG_BLOCK - df.block_len);
        ctr_drbg_bcc_block(&df);
    }

    /* Steps 9-15: K = chains 0-1, X = chain 2; output E_K(X), E_K^2(X), E_K^3(X). */
    (void)init_aes(&df.aes, df.chain, CTR_DRBG_KEYLEN);
    df.aes.encrypt(&df.aes, df.chain + CTR_DRBG_KEYLEN, out, 1);
    df.aes.encrypt(&df.aes, out, out + CTR_DRBG_BLOCK, 1);
    df.aes.encrypt(&df.aes, out + CTR_DRBG_BLOCK, out + 2 * CTR_DRBG_BLOCK, 1);

    cit_zeroize(&df, sizeof(df));
}

/*
 * ctr_drbg_update is CTR_DRBG_Update (10.2.1.2); provided is seedlen bytes,
 * or NULL for all zeros.
 */
static void ctr_drbg_update(cit_ctr_drbg_t *ctx, cit_aes_init_fn init_aes,
                            const uint8_t *provided)
{
    uint8_t temp[CIT_CTR_DRBG_SEEDLEN];
    uint64_t hi = cit_load_be64(ctx->v);
    uint64_t lo = cit_load_be64(ctx->v + 8);
    size_t i;

    for (i = 0; i < CTR_DRBG_BCC_CHAINS; i++) {
        ctr_drbg_inc(&hi, &lo);
        cit_store_be64(temp + i * CTR_DRBG_BLOCK, hi);
        cit_store_be64(temp + i * CTR_DRBG_BLOCK + 8, lo);
    }
    ctx->aes.encrypt(&ctx->aes, temp, temp, CTR_DRBG_BCC_CHAINS);
    if (provided != NULL) {
        for (i = 0; i < sizeof(temp); i++) {
            temp[i] ^= provided[i];
        }
    }
    (void)init_aes(&ctx->aes, temp, CTR_DRBG_KEYLEN);
    memcpy(ctx->v, temp + CTR_DRBG_KEYLEN, CTR_DRBG_BLOCK);

    cit_zeroize(temp, sizeof(temp));
}

/* see primitives.h */
void cit_ctr_drbg_instantiate(cit_ctr_drbg_t *ctx, cit_aes_init_fn init_aes,
                              const uint8_t *entropy, size_t entropy_len,
                              const uint8_t *nonce, size_t nonce_len,
                              const uint8_t *pers, size_t pers_len)
{
    uint8_t seed[CIT_CTR_DRBG_SEEDLEN];
    ctr_drbg_piece_t pieces[3];

    pieces[0].data = entropy;
    pieces[0].len = entropy_len;
    pieces[1].data = nonce;
    pieces[1].len = nonce_len;
    pieces[2].data = pers;
    pieces[2].len = pers_len;
    ctr_drbg_df(init_aes, pieces, 3, seed);

    /* Key = 0^keylen, V = 0^blocklen, then update with the seed material. */
    (void)init_aes(&ctx->aes, ctr_drbg_zero_key, sizeof(ctr_drbg_zero_key));
    memset(ctx->v, 0, sizeof(ctx->v));
    ctr_drbg_update(ctx, init_aes, seed);
    ctx->reseed_counter = 1;

    cit_zeroize(seed, sizeof(seed));
}

/* see primitives.h */
void cit_ctr_drbg_reseed(cit_ctr_drbg_t *ctx, cit_aes_init_fn init_aes,
                         const uint8_t *entropy, size_t entropy_len,
                         const uint8_t *additional, size_t additional_len)
{
    uint8_t seed[CIT_CTR_DRBG_SEEDLEN];
    ctr_drbg_piece_t pieces[2];

    pieces[0].data = entropy;
    pieces[0].len = entropy_len;
    pieces[1].data = additional;
    pieces[1].len = additional_len;
    ctr_drbg_df(init_aes, pieces, 2, seed);

    ctr_drbg_update(ctx, init_aes, seed);
    ctx->reseed_counter = 1;

    cit_zeroize(seed, sizeof(seed));
}

/*
 * see primitives.h. A request above CIT_CTR_DRBG_MAX_REQUEST is refused with
 * -1 as well, leaving the state untouched.
 */
int cit_ctr_drbg_generate(cit_ctr_drbg_t *ctx, cit_aes_init_fn init_aes,
                          const uint8_t *additional, size_t additional_len,
                          uint8_t *out, size_t out_len)
{
    uint8_t add[CIT_CTR_DRBG_SEEDLEN];
    uint8_t ctr[CTR_DRBG_BATCH * CTR_DRBG_BLOCK];
    const uint8_t *provided = NULL;
    uint64_t hi;
    uint64_t lo;
    size_t num_blocks;
    size_t i;

    if (ctx->reseed_counter > CIT_CTR_DRBG_RESEED_INTERVAL ||
        out_len > CIT_CTR_DRBG_MAX_REQUEST) {
        return -1;
    }

    /* Step 2: a non-empty additional input is derived and mixed in first. */
    if (additional_len != 0) {
        ctr_drbg_piece_t piece;

        piece.data = additional;
        piece.len = additional_len;
        ctr_drbg_df(init_aes, &piece, 1, add);
        ctr_drbg_update(ctx, init_aes, add);
        provided = add;
    }

    /* Steps 3-5: the output is E_Key(V + 1) || E_Key(V + 2) || ... */
    hi = cit_load_be64(ctx->v);
    lo = cit_load_be64(ctx->v + 8);
    while (out_len >= CTR_DRBG_BLOCK) {
        num_blocks = out_len / CTR_DRBG_BLOCK;
        if (num_blocks > CTR_DRBG_BATCH) {
            num_blocks = CTR_DRBG_BATCH;
        }
        for (i = 0; i < num_blocks; i++) {
            ctr_drbg_inc(&hi, &lo);
            cit_store_be64(ctr + i * CTR_DRBG_BLOCK, hi);
            cit_store_be64(ctr + i * CTR_DRBG_BLOCK + 8, lo);
        }
        ctx->aes.encrypt(&ctx->aes, ctr, out, num_blocks);
        out += num_blocks * CTR_DRBG_BLOCK;
        out_len -= num_blocks * CTR_DRBG_BLOCK;
    }
    if (out_len != 0) {
        ctr_drbg_inc(&hi, &lo);
        cit_store_be64(ctr, hi);
        cit_store_be64(ctr + 8, lo);
        ctx->aes.encrypt(&ctx->aes, ctr, ctr, 1);
        memcpy(out, ctr, out_len);
    }
    cit_store_be64(ctx->v, hi);
    cit_store_be64(ctx->v + 8, lo);

    /* Steps 6-7: update with the same (derived or zero) additional input. */
    ctr_drbg_update(ctx, init_aes, provided);
    ctx->reseed_counter++;

    cit_zeroize(ctr, sizeof(ctr));
    cit_zeroize(add, sizeof(add));
    return 0;
}

/* see primitives.h */
void cit_ctr_drbg_wipe(cit_ctr_drbg_t *ctx)
{
    cit_zeroize(ctx, sizeof(*ctx));
}

#else
typedef int cit_ctr_drbg_unused_t;
#endif /* CIT_NEED_AES */
