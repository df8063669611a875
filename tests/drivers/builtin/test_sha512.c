/*
 * test_sha512.c - tests for src/drivers/builtin/sha512.c (SHA-384, SHA-512,
 * SHA-512/224, SHA-512/256; FIPS 180-4).
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

static void sha384_init(void *ctx)
{
    cit_sha384_init((cit_sha512_ctx_t *)ctx);
}

static void sha512_init(void *ctx)
{
    cit_sha512_init((cit_sha512_ctx_t *)ctx);
}

static void sha512_224_init(void *ctx)
{
    cit_sha512_224_init((cit_sha512_ctx_t *)ctx);
}

static void sha512_256_init(void *ctx)
{
    cit_sha512_256_init((cit_sha512_ctx_t *)ctx);
}

static void sha512_update(void *ctx, const uint8_t *in, size_t in_len)
{
    cit_sha512_update((cit_sha512_ctx_t *)ctx, in, in_len);
}

static void sha512_finish(void *ctx, uint8_t *out, size_t out_len)
{
    cit_sha512_finish((cit_sha512_ctx_t *)ctx, out, out_len);
}

/* counting_blocks stands in for an accelerator's compression function. */
static void counting_blocks(uint64_t *state, const uint8_t *data, size_t num_blocks)
{
    cit_md_test_blocks_seen += num_blocks;
    cit_sha512_blocks(state, data, num_blocks);
}

static int blocks_portable(const void *ctx)
{
    return ((const cit_sha512_ctx_t *)ctx)->blocks == cit_sha512_blocks;
}

static void blocks_count(void *ctx)
{
    ((cit_sha512_ctx_t *)ctx)->blocks = counting_blocks;
}

static const cit_md_test_ops_t sha512_ops = {
    sizeof(cit_sha512_ctx_t), sha512_update, sha512_finish, blocks_portable, blocks_count,
    128, 16,
};

static const cit_md_test_sha_t algs[] = {
    {{&sha512_ops, "SHA-384", sha384_init, 48, "SHA384"}, "SHA2/SHA384",
     {"38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da"
      "274edebfe76f65fbd51ad2f14898b95b",
      "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
      "8086072ba1e7cc2358baeca134c825a7",
      "3391fdddfc8dc7393707a65b1b4709397cf8b1d162af05abfe8f450de5f36bc6"
      "b0455a8520bc4e6f5fe95b1fe3c8452b",
      "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712"
      "fcc7c71a557e2db966c3e9fa91746039",
      "9d0e1809716474cb086e834e310a4a1ced149e9c00f248527972cec5704c2a5b"
      "07b8b3dc38ecc4ebae97ddd87f3d8985"}},
    {{&sha512_ops, "SHA-512", sha512_init, 64, "SHA512"}, "SHA2/SHA512",
     {"cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
      "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
      "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
      "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
      "204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c335"
      "96fd15c13b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec631238ca3445",
      "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
      "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909",
      "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973eb"
      "de0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b"}},
    {{&sha512_ops, "SHA-512/224", sha512_224_init, 28, "SHA512-224"}, "SHA2/SHA512_224",
     {"6ed0dd02806fa89e25de060c19d3ac86cabb87d6a0ddd05c333b84f4",
      "4634270f707b6a54daae7530460842e20e37ed265ceee9a43e8924aa",
      "e5302d6d54bb242275d1e7622d68df6eb02dedd13f564c13dbda2174",
      "23fec5bb94d60b23308192640b0c453335d664734fe40e7268674af9",
      "37ab331d76f0d36de422bd0edeb22a28accd487b7a8453ae965dd287"}},
    {{&sha512_ops, "SHA-512/256", sha512_256_init, 32, "SHA512-256"}, "SHA2/SHA512_256",
     {"c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a",
      "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23",
      "bde8e1f9f19bb9fd3406c90ec6bc47bd36d8ada9f11880dbc8a22a7078b6a461",
      "3928e184fb8690f840da3988121d31be65cb9d3ef83ee6146feac861e19b563a",
      "9a59a052930187a97038cae692f30708aa6491923ef5194394dc68d56c74fb21"}},
};

int main(void)
{
    cit_test_rand_seed(0x5348413531320001u);
    return cit_md_test_sha_main("test_sha512", "SHA-2", algs, CIT_ARRAY_LEN(algs));
}
