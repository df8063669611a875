/*
 * test_sha256.c - tests for src/drivers/builtin/sha256.c (SHA-224, SHA-256,
 * SHA-256/192; FIPS 180-4).
 *
 * The checks are tests/common/md_test.c's; here are the typed-in answers and
 * the adapters. cit_md_test_sha_main runs, per variant:
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

static void sha224_init(void *ctx)
{
    cit_sha224_init((cit_sha256_ctx_t *)ctx);
}

static void sha256_init(void *ctx)
{
    cit_sha256_init((cit_sha256_ctx_t *)ctx);
}

static void sha256_update(void *ctx, const uint8_t *in, size_t in_len)
{
    cit_sha256_update((cit_sha256_ctx_t *)ctx, in, in_len);
}

static void sha256_finish(void *ctx, uint8_t *out, size_t out_len)
{
    cit_sha256_finish((cit_sha256_ctx_t *)ctx, out, out_len);
}

/* counting_blocks stands in for an accelerator's compression function. */
static void counting_blocks(uint32_t *state, const uint8_t *data, size_t num_blocks)
{
    cit_md_test_blocks_seen += num_blocks;
    cit_sha256_blocks(state, data, num_blocks);
}

static int blocks_portable(const void *ctx)
{
    return ((const cit_sha256_ctx_t *)ctx)->blocks == cit_sha256_blocks;
}

static void blocks_count(void *ctx)
{
    ((cit_sha256_ctx_t *)ctx)->blocks = counting_blocks;
}

static const cit_md_test_ops_t sha256_ops = {
    sizeof(cit_sha256_ctx_t), sha256_update, sha256_finish, blocks_portable, blocks_count, 64, 8,
};

static const cit_md_test_sha_t algs[] = {
    {{&sha256_ops, "SHA-224", sha224_init, 28, "SHA224"}, "SHA2/SHA224",
     {"d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f",
      "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7",
      "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525",
      "c97ca9a559850ce97a04a96def6d99a9e0e0e2ab14e6b8df265fc0b3",
      "20794655980c91d8bbb4c1ea97618a4bf03f42581948b2ee4ee7ad67"}},
    {{&sha256_ops, "SHA-256", sha256_init, 32, "SHA256"}, "SHA2/SHA256",
     {"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"}},
    /* SHA-256/192 is SHA-256 truncated to 24 bytes; neither OpenSSL nor CAVP has it. */
    {{&sha256_ops, "SHA-256/192", sha256_init, 24, NULL}, NULL,
     {"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934c",
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9c",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51",
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e"}},
};

int main(void)
{
    cit_test_rand_seed(0x5348413235360001u);
    return cit_md_test_sha_main("test_sha256", "SHA-2", algs, CIT_ARRAY_LEN(algs));
}
