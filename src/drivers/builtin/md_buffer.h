/*
 * md_buffer.h - the block buffering and padding shared by the MD-style hashes
 * (SHA-1, SHA-256, SHA-512, MD5, RIPEMD-160). Internal to the builtin driver.
 *
 * Each of those hashes keeps a chaining state, a count num_bytes of bytes
 * absorbed and a one-block buffer holding the num_bytes % block pending bytes
 * (see primitives.h). The helpers below see a hash context only as `void *`,
 * through a small adapter in each hash's file that runs its compression
 * function over that context (ctx->blocks(ctx->h, ...) or a static function).
 *
 * Everything here is static inline and every caller passes constants for the
 * block size, the length layout and the adapter, so the compiler folds them
 * and calls the compression function just as a hand-written copy would.
 */
#ifndef CIT_MD_BUFFER_H
#define CIT_MD_BUFFER_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* cit_md_compress_fn runs the compression of hash context ctx over num_blocks blocks of data. */
typedef void (*cit_md_compress_fn)(void *ctx, const uint8_t *data, size_t num_blocks);

/* The length field that ends the padding: the message length in bits. */
typedef enum {
    CIT_MD_LEN_BE64,  /* 64-bit big-endian (SHA-1, SHA-256) */
    CIT_MD_LEN_BE128, /* 128-bit big-endian (SHA-512) */
    CIT_MD_LEN_LE64   /* 64-bit little-endian (MD5, RIPEMD-160) */
} cit_md_len_t;

/*
 * cit_md_update absorbs in_len bytes of in into the hash context ctx, whose
 * block-byte buffer is buf and byte count *num_bytes: it completes the pending
 * partial block, compresses whole blocks straight from in and buffers the rest.
 */
static inline void cit_md_update(void *ctx, cit_md_compress_fn compress, uint8_t *buf,
                                 size_t block, uint64_t *num_bytes, const uint8_t *in,
                                 size_t in_len)
{
    size_t used = (size_t)(*num_bytes % block);
    size_t num_blocks;

    if (in_len == 0) {
        return;
    }
    *num_bytes += in_len;
    if (used != 0) {
        size_t fill = block - used;
        if (in_len < fill) {
            memcpy(buf + used, in, in_len);
            return;
        }
        memcpy(buf + used, in, fill);
        compress(ctx, buf, 1);
        in += fill;
        in_len -= fill;
    }
    num_blocks = in_len / block;
    if (num_blocks != 0) {
        compress(ctx, in, num_blocks);
        in += num_blocks * block;
        in_len -= num_blocks * block;
    }
    if (in_len != 0) {
        memcpy(buf, in, in_len);
    }
}

/*
 * cit_md_pad ends the message of *num_bytes bytes: it appends the 1 bit, zero
 * fill and the length field `len` to the pending bytes in buf and compresses
 * the final block (two if the length field does not fit after the 1 bit).
 */
static inline void cit_md_pad(void *ctx, cit_md_compress_fn compress, uint8_t *buf,
                              size_t block, const uint64_t *num_bytes, cit_md_len_t len)
{
    size_t len_size = len == CIT_MD_LEN_BE128 ? 16 : 8;
    size_t used = (size_t)(*num_bytes % block);

    buf[used++] = 0x80;
    if (used > block - len_size) {
        memset(buf + used, 0, block - used);
        compress(ctx, buf, 1);
        used = 0;
    }
    memset(buf + used, 0, block - len_size - used);
    if (len == CIT_MD_LEN_LE64) {
        cit_store_le64(buf + block - 8, *num_bytes << 3);
    } else {
        if (len == CIT_MD_LEN_BE128) {
            cit_store_be64(buf + block - 16, *num_bytes >> 61);
        }
        cit_store_be64(buf + block - 8, *num_bytes << 3);
    }
    compress(ctx, buf, 1);
}

/* cit_md_out32 writes the first out_len bytes of the words h, big-endian if be, else little. */
static inline void cit_md_out32(uint8_t *out, const uint32_t *h, size_t out_len, int be)
{
    size_t i;

    for (i = 0; i + 4 <= out_len; i += 4) {
        if (be) {
            cit_store_be32(out + i, h[i / 4]);
        } else {
            cit_store_le32(out + i, h[i / 4]);
        }
    }
    for (; i < out_len; i++) {
        out[i] = (uint8_t)(be ? h[i / 4] >> (24 - 8 * (i % 4)) : h[i / 4] >> (8 * (i % 4)));
    }
}

/* cit_md_out64_be writes the first out_len bytes of the big-endian words h. */
static inline void cit_md_out64_be(uint8_t *out, const uint64_t *h, size_t out_len)
{
    size_t i;

    for (i = 0; i + 8 <= out_len; i += 8) {
        cit_store_be64(out + i, h[i / 8]);
    }
    for (; i < out_len; i++) {
        out[i] = (uint8_t)(h[i / 8] >> (56 - 8 * (i % 8)));
    }
}

#endif /* CIT_MD_BUFFER_H */
