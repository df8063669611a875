/*
 * cbc_mac.c - raw CBC-MAC over AES: zero IV, no padding, the tag is the
 * last cipher block (PSA_ALG_CBC_MAC).
 *
 * Only secure for messages of one fixed length, so the PSA layer restricts
 * its use; it accepts only a non-empty whole number of blocks. Like CMAC,
 * update keeps the final 1..16 bytes buffered and chains a full buffered
 * block only once more input arrives, so at finish a full buffer means the
 * total length was a non-zero multiple of 16 (an empty message has no last
 * cipher block and is rejected too).
 *
 * Constant-time: the only branches depend on lengths.
 */
#include "primitives.h"

#include "config_derive.h"
#include "util.h"
#include "ct.h"

#if defined(CIT_NEED_CBC_MAC)

#define CBC_MAC_BLOCK 16

/* see primitives.h */
void cit_cbc_mac_start(cit_cbc_mac_ctx_t *ctx)
{
    memset(ctx->state, 0, sizeof(ctx->state));
    memset(ctx->buf, 0, sizeof(ctx->buf));
    ctx->buf_len = 0;
}

/* see primitives.h */
void cit_cbc_mac_update(cit_cbc_mac_ctx_t *ctx, const uint8_t *in, size_t in_len)
{
    size_t fill;
    size_t num_blocks;

    if (in_len == 0) {
        return;
    }

    fill = CBC_MAC_BLOCK - ctx->buf_len;
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

    /* Chain the buffered block and all input blocks but the final 1..16 bytes. */
    ctx->aes.cbc_mac(&ctx->aes, ctx->state, ctx->buf, 1);
    num_blocks = (in_len - 1) / CBC_MAC_BLOCK;
    ctx->aes.cbc_mac(&ctx->aes, ctx->state, in, num_blocks);
    in += CBC_MAC_BLOCK * num_blocks;
    in_len -= CBC_MAC_BLOCK * num_blocks;
    memcpy(ctx->buf, in, in_len);
    ctx->buf_len = (uint32_t)in_len;
}

/* see primitives.h */
int cit_cbc_mac_finish(cit_cbc_mac_ctx_t *ctx, uint8_t out[16])
{
    int ret = -1;

    if (ctx->buf_len == CBC_MAC_BLOCK) {
        ctx->aes.cbc_mac(&ctx->aes, ctx->state, ctx->buf, 1);
        memcpy(out, ctx->state, CBC_MAC_BLOCK);
        ret = 0;
    }
    cit_zeroize(ctx, sizeof(*ctx));
    return ret;
}

#else
typedef int cit_cbc_mac_unused_t;
#endif /* CIT_NEED_CBC_MAC */
