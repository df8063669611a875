/*
 * cmac.c - CMAC over AES (NIST SP 800-38B, RFC 4493).
 *
 * Subkeys: L = AES_K(0^128), K1 = dbl(L), K2 = dbl(K1), where dbl is a
 * left shift by one bit with 0x87 folded into the last byte when the
 * shifted-out bit was set (multiplication by x in GF(2^128)).
 *
 * The tag is the CBC-MAC (zero IV) of the message whose last block is
 * XORed with K1 when it is complete, or padded with 10* and XORed with K2
 * otherwise (an empty message is one padded block). Because the last block
 * is special, update always keeps the final 1..16 bytes seen in ctx->buf and
 * only chains a buffered block once more input arrives; whole blocks before
 * those go to the AES context's CBC chaining (ctx->aes.cbc_mac) in one call.
 *
 * Constant-time: the subkey doubling selects 0x87 with a mask; the only
 * branches depend on lengths. Runs over any keyed cit_aes_ctx_t.
 */
#include "primitives.h"

#include "config_derive.h"
#include "util.h"
#include "ct.h"

#if defined(CIT_NEED_CMAC)

#define CMAC_BLOCK 16
/* The low byte of the GF(2^128) reduction polynomial x^128 + x^7 + x^2 + x + 1. */
#define CMAC_RB 0x87u

/* cmac_double sets out = in * x in GF(2^128), big-endian bit order. */
static void cmac_double(uint8_t out[CMAC_BLOCK], const uint8_t in[CMAC_BLOCK])
{
    uint32_t msb_mask = 0u - (uint32_t)(in[0] >> 7);
    int i;

    for (i = 0; i < CMAC_BLOCK - 1; i++) {
        out[i] = (uint8_t)((in[i] << 1) | (in[i + 1] >> 7));
    }
    out[CMAC_BLOCK - 1] =
        (uint8_t)(((uint32_t)in[CMAC_BLOCK - 1] << 1) ^ (cit_ct_barrier_u32(msb_mask) & CMAC_RB));
}

/* see primitives.h */
void cit_cmac_start(cit_cmac_ctx_t *ctx)
{
    uint8_t l[CMAC_BLOCK];

    memset(l, 0, sizeof(l));
    ctx->aes.encrypt(&ctx->aes, l, l, 1);
    cmac_double(ctx->k1, l);
    cmac_double(ctx->k2, ctx->k1);
    cit_zeroize(l, sizeof(l));

    memset(ctx->state, 0, sizeof(ctx->state));
    memset(ctx->buf, 0, sizeof(ctx->buf));
    ctx->buf_len = 0;
}

/* see primitives.h */
void cit_cmac_update(cit_cmac_ctx_t *ctx, const uint8_t *in, size_t in_len)
{
    size_t fill;
    size_t num_blocks;

    if (in_len == 0) {
        return;
    }

    /* Top up the buffered block; stop if that used all the input. */
    fill = CMAC_BLOCK - ctx->buf_len;
    if (fill > in_len) {
        fill = in_len;
    }
    memcpy(ctx->buf + ctx->buf_len, in, fill);
    ctx->buf_len += (uint32_t)fill;
    in += fill;
    in_len -= fill;
    if (in_len == 0) {
        return;
    }

    /*
     * More input follows, so the full buffered block is not the last one.
     * Then chain every whole block of the input except the final 1..16 bytes.
     */
    ctx->aes.cbc_mac(&ctx->aes, ctx->state, ctx->buf, 1);
    num_blocks = (in_len - 1) / CMAC_BLOCK;
    ctx->aes.cbc_mac(&ctx->aes, ctx->state, in, num_blocks);
    in += CMAC_BLOCK * num_blocks;
    in_len -= CMAC_BLOCK * num_blocks;

    /* Keep the final 1..16 bytes: they may be the last block. */
    memcpy(ctx->buf, in, in_len);
    ctx->buf_len = (uint32_t)in_len;
}

/* see primitives.h */
void cit_cmac_finish(cit_cmac_ctx_t *ctx, uint8_t out[16])
{
    const uint8_t *subkey;
    int i;

    if (ctx->buf_len == CMAC_BLOCK) {
        subkey = ctx->k1;
    } else {
        /* Pad with a single 1 bit and then zeros. */
        ctx->buf[ctx->buf_len] = 0x80;
        memset(ctx->buf + ctx->buf_len + 1, 0, CMAC_BLOCK - 1 - ctx->buf_len);
        subkey = ctx->k2;
    }
    for (i = 0; i < CMAC_BLOCK; i++) {
        ctx->buf[i] ^= subkey[i];
    }
    ctx->aes.cbc_mac(&ctx->aes, ctx->state, ctx->buf, 1);
    memcpy(out, ctx->state, CMAC_BLOCK);

    cit_zeroize(ctx, sizeof(*ctx));
}

#else
typedef int cit_cmac_unused_t;
#endif /* CIT_NEED_CMAC */
