/*
 * test_sha1.c - tests for src/drivers/builtin/sha1.c (SHA-1; FIPS 180-4).
 *
 * The checks are tests/common/md_test.c's; here are the typed-in answers and
 * the adapters. cit_md_test_sha_main runs:
 * 1. Typed-in known answers (FIPS 180 examples: "", "abc", the 448- and
 *    896-bit messages, one million 'a').
 * 2. Properties: random multi-part splits, mid-stream clone by memcpy,
 *    finish wipes the context, update/finish go through ctx->blocks.
 * 3. Differential against OpenSSL libcrypto: every length 0..300 and 2000
 *    random messages of 0..3000 bytes with random splits.
 * 4. NIST CAVP byte-oriented vectors (SHAVS): ShortMsg, LongMsg, Monte.
 */
#include "md_test.h"
#include "primitives.h"
#include "test.h"
#include "util.h"

static void sha1_init(void *ctx)
{
    cit_sha1_init((cit_sha1_ctx_t *)ctx);
}

static void sha1_update(void *ctx, const uint8_t *in, size_t in_len)
{
    cit_sha1_update((cit_sha1_ctx_t *)ctx, in, in_len);
}

static void sha1_finish(void *ctx, uint8_t *out, size_t out_len)
{
    (void)out_len; /* always 20 */
    cit_sha1_finish((cit_sha1_ctx_t *)ctx, out);
}

/* counting_blocks stands in for an accelerator's compression function. */
static void counting_blocks(uint32_t *state, const uint8_t *data, size_t num_blocks)
{
    cit_md_test_blocks_seen += num_blocks;
    cit_sha1_blocks(state, data, num_blocks);
}

static int blocks_portable(const void *ctx)
{
    return ((const cit_sha1_ctx_t *)ctx)->blocks == cit_sha1_blocks;
}

static void blocks_count(void *ctx)
{
    ((cit_sha1_ctx_t *)ctx)->blocks = counting_blocks;
}

static const cit_md_test_ops_t sha1_ops = {
    sizeof(cit_sha1_ctx_t), sha1_update, sha1_finish, blocks_portable, blocks_count, 64, 8,
};

static const cit_md_test_sha_t algs[] = {
    {{&sha1_ops, "SHA-1", sha1_init, 20, "SHA1"}, "SHA1/SHA1",
     {"da39a3ee5e6b4b0d3255bfef95601890afd80709", "a9993e364706816aba3e25717850c26c9cd0d89d",
      "84983e441c3bd26ebaae4aa1f95129e5e54670f1", "a49b2446a02c645bf419f995b67091253a04a259",
      "34aa973cd4c4daa4f61eeb2bdbad27316534016f"}},
};

int main(void)
{
    cit_test_rand_seed(0x5348413100000001u);
    return cit_md_test_sha_main("test_sha1", "SHA-1", algs, CIT_ARRAY_LEN(algs));
}
