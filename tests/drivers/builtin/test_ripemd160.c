/*
 * test_ripemd160.c - tests for src/drivers/builtin/ripemd160.c (RIPEMD-160).
 *
 * The checks are tests/common/md_test.c's; here are the typed-in answers and
 * the adapters. cit_md_test_plain_main runs:
 * 1. Typed-in known answers from the RIPEMD-160 paper / home page, including
 *    one million 'a'.
 * 2. The same suite from the shared vector file, if present.
 * 3. Properties: random multi-part splits, mid-stream clone by memcpy,
 *    finish wipes the context.
 * 4. Differential against OpenSSL libcrypto (which may offer RIPEMD-160 only
 *    in its legacy provider; then a note): every length 0..300 and 2000
 *    random messages of 0..3000 bytes with random splits.
 */
#include "md_test.h"
#include "primitives.h"
#include "test.h"
#include "util.h"

static const cit_md_test_kat_t kats[] = {
    {"", "9c1185a5c5e9fc54612808977ee8f548b2258d31"},
    {"a", "0bdc9d2d256b3ee9daae347be6f4dc835a467ffe"},
    {"abc", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc"},
    {"message digest", "5d0689ef49d2fae572b881b123a85ffa21595f36"},
    {"abcdefghijklmnopqrstuvwxyz", "f71c27109c692c1b56bbdceb5b9d2865b3708dbc"},
    {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
     "12a053384a9c0c88e405a06c27dcf49ada62eb2b"},
    {"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
     "b0e20b6e3116640286ed3a87a5713079b21f5189"},
    {"1234567890123456789012345678901234567890"
     "1234567890123456789012345678901234567890",
     "9b752e45573d4b39f4dbd3323cab82bf63326bfb"},
};

static void ripemd160_init(void *ctx)
{
    cit_ripemd160_init((cit_ripemd160_ctx_t *)ctx);
}

static void ripemd160_update(void *ctx, const uint8_t *in, size_t in_len)
{
    cit_ripemd160_update((cit_ripemd160_ctx_t *)ctx, in, in_len);
}

static void ripemd160_finish(void *ctx, uint8_t *out, size_t out_len)
{
    (void)out_len; /* always 20 */
    cit_ripemd160_finish((cit_ripemd160_ctx_t *)ctx, out);
}

/* RIPEMD-160 has no substitutable compression function. */
static const cit_md_test_ops_t ripemd160_ops = {
    sizeof(cit_ripemd160_ctx_t), ripemd160_update, ripemd160_finish, NULL, NULL, 0, 0,
};

static const cit_md_test_plain_t ripemd160 = {
    {&ripemd160_ops, "RIPEMD-160", ripemd160_init, 20, "RIPEMD160"},
    kats, CIT_ARRAY_LEN(kats),
    "52783243c1697bdbe16d37f97f68f08325dc1528",
    "other/ripemd160/ripemd160_vectors.txt",
};

int main(void)
{
    cit_test_rand_seed(0x524d443136300001u);
    return cit_md_test_plain_main("test_ripemd160", &ripemd160);
}
