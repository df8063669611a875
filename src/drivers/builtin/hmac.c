/*
 * hmac.c - HMAC (RFC 2104, FIPS 198-1) over any hash described by a
 * cit_hash_desc_t.
 *
 *     HMAC(K, m) = H((K0 ^ opad) || H((K0 ^ ipad) || m))
 *
 * K0 is the key padded with zeros to the hash block size, or, if the key is
 * longer than a block, its digest padded likewise. Both keyed prefixes are
 * absorbed at init (ctx->inner after K0 ^ ipad, ctx->outer after K0 ^ opad),
 * so finish only completes the inner hash and runs one more outer block.
 *
 * Constant-time: the only branches depend on the key and message lengths.
 */
#include "primitives.h"

#include "config_derive.h"
#include "util.h"
#include "ct.h"

#if defined(CIT_NEED_HMAC)

#define HMAC_IPAD 0x36u
#define HMAC_OPAD 0x5cu

/* see primitives.h */
void cit_hmac_init(cit_hmac_ctx_t *ctx, const cit_hash_desc_t *desc, const uint8_t *key,
                   size_t key_len)
{
    uint8_t k0[CIT_HASH_MAX_BLOCK];
    size_t block_size = desc->block_size;
    size_t i;

    ctx->desc = desc;
    memset(k0, 0, sizeof(k0));
    if (key_len > block_size) {
        /* A long key is replaced by its digest (ctx->inner is scratch here). */
        desc->init(&ctx->inner);
        desc->update(&ctx->inner, key, key_len);
        desc->finish(&ctx->inner, k0);
    } else if (key_len != 0) {
        memcpy(k0, key, key_len);
    }

    for (i = 0; i < block_size; i++) {
        k0[i] ^= HMAC_IPAD;
    }
    desc->init(&ctx->inner);
    desc->update(&ctx->inner, k0, block_size);

    /* Turn K0 ^ ipad into K0 ^ opad in place. */
    for (i = 0; i < block_size; i++) {
        k0[i] ^= HMAC_IPAD ^ HMAC_OPAD;
    }
    desc->init(&ctx->outer);
    desc->update(&ctx->outer, k0, block_size);

    cit_zeroize(k0, sizeof(k0));
}

/* see primitives.h */
void cit_hmac_update(cit_hmac_ctx_t *ctx, const uint8_t *in, size_t in_len)
{
    ctx->desc->update(&ctx->inner, in, in_len);
}

/* see primitives.h */
void cit_hmac_finish(cit_hmac_ctx_t *ctx, uint8_t *out)
{
    const cit_hash_desc_t *desc = ctx->desc;
    uint8_t inner_digest[CIT_HASH_MAX_DIGEST];

    desc->finish(&ctx->inner, inner_digest);
    desc->update(&ctx->outer, inner_digest, desc->digest_size);
    desc->finish(&ctx->outer, out);

    cit_zeroize(inner_digest, sizeof(inner_digest));
    cit_zeroize(ctx, sizeof(*ctx));
}

#else
typedef int cit_hmac_unused_t;
#endif /* CIT_NEED_HMAC */
