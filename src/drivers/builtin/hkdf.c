/*
 * hkdf.c - HKDF (RFC 5869), the HMAC-based extract-and-expand key derivation
 * function, over any hash described by a cit_hash_desc_t.
 *
 *     Extract (2.2):  PRK  = HMAC(salt, IKM)
 *     Expand  (2.3):  T(0) = empty
 *                     T(i) = HMAC(PRK, T(i-1) || info || i)    i = 1 .. 255
 *                     OKM  = the first L bytes of T(1) || T(2) || ...
 *
 * An empty salt is HMAC's empty key, which HMAC pads to the same block as the
 * RFC's default salt of HashLen zero bytes, so it needs no special case.
 *
 * Expand keeps HMAC keyed with the PRK (both keyed prefixes absorbed once) and
 * clones that state for every block; the context has no interior pointers, so
 * the clone is a struct copy. Output is streamed: a caller may read the OKM in
 * pieces of any size.
 *
 * Constant-time: the only branches depend on lengths and the block counter.
 */
#include "primitives.h"

#include "config_derive.h"
#include "util.h"

#if defined(CIT_NEED_HKDF)

/* RFC 5869 2.3: L <= 255 * HashLen (the counter is one octet). */
#define HKDF_MAX_BLOCKS 255u

/* see primitives.h */
void cit_hkdf_extract(const cit_hash_desc_t *desc, const uint8_t *salt, size_t salt_len,
                      const uint8_t *ikm, size_t ikm_len, uint8_t *prk)
{
    cit_hmac_ctx_t ctx;

    cit_hmac_init(&ctx, desc, salt, salt_len);
    if (ikm_len != 0) {
        cit_hmac_update(&ctx, ikm, ikm_len);
    }
    cit_hmac_finish(&ctx, prk);
}

/* see primitives.h */
void cit_hkdf_expand_init(cit_hkdf_expand_ctx_t *ctx, const cit_hash_desc_t *desc,
                          const uint8_t *prk, size_t prk_len)
{
    cit_hmac_init(&ctx->prk, desc, prk, prk_len);
    memset(ctx->t, 0, sizeof(ctx->t));
    ctx->used = 0;
    ctx->counter = 0;
}

/* Replaces T(counter) in ctx->t by T(counter + 1). */
static void expand_next_block(cit_hkdf_expand_ctx_t *ctx, const uint8_t *info, size_t info_len)
{
    cit_hmac_ctx_t h = ctx->prk;
    uint8_t counter;

    if (ctx->counter != 0) {
        cit_hmac_update(&h, ctx->t, ctx->prk.desc->digest_size);
    }
    if (info_len != 0) {
        cit_hmac_update(&h, info, info_len);
    }
    ctx->counter++;
    counter = (uint8_t)ctx->counter;
    cit_hmac_update(&h, &counter, 1);
    cit_hmac_finish(&h, ctx->t); /* wipes the clone */
    ctx->used = 0;
}

/* see primitives.h */
int cit_hkdf_expand_output(cit_hkdf_expand_ctx_t *ctx, const uint8_t *info, size_t info_len,
                           uint8_t *out, size_t out_len)
{
    size_t digest = ctx->prk.desc->digest_size;
    size_t left_in_block = ctx->counter == 0 ? 0 : digest - ctx->used;
    size_t available = left_in_block + (HKDF_MAX_BLOCKS - ctx->counter) * digest;

    if (out_len > available) {
        return -1;
    }
    while (out_len > 0) {
        size_t n;

        if (ctx->counter == 0 || ctx->used == digest) {
            expand_next_block(ctx, info, info_len);
        }
        n = digest - ctx->used;
        if (n > out_len) {
            n = out_len;
        }
        memcpy(out, ctx->t + ctx->used, n);
        ctx->used += (uint32_t)n;
        out += n;
        out_len -= n;
    }
    return 0;
}

/* see primitives.h */
void cit_hkdf_expand_wipe(cit_hkdf_expand_ctx_t *ctx)
{
    cit_zeroize(ctx, sizeof(*ctx));
}

#else
typedef int cit_hkdf_unused_t;
#endif /* CIT_NEED_HKDF */
