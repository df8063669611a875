/*
 * test_md5.c - tests for src/drivers/builtin/md5.c (MD5; RFC 1321).
 *
 * The checks are tests/common/md_test.c's; here are the typed-in answers and
 * the adapters. cit_md_test_plain_main runs:
 * 1. Typed-in known answers: the RFC 1321 A.5 test suite, plus the 448-bit
 *    FIPS 180 message and one million 'a'.
 * 2. The RFC 1321 suite again from the shared vector file, if present.
 * 3. Properties: random multi-part splits, mid-stream clone by memcpy,
 *    finish wipes the context.
 * 4. Differential against OpenSSL libcrypto: every length 0..300 and 2000
 *    random messages of 0..3000 bytes with random splits.
 */
#include "md_test.h"
#include "primitives.h"
#include "test.h"
#include "util.h"

static const cit_md_test_kat_t kats[] = {
    /* RFC 1321 A.5 */
    {"", "d41d8cd98f00b204e9800998ecf8427e"},
    {"a", "0cc175b9c0f1b6a831c399e269772661"},
    {"abc", "900150983cd24fb0d6963f7d28e17f72"},
    {"message digest", "f96b697d7cb7938d525a2f31aaf161d0"},
    {"abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"},
    {"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
     "d174ab98d277d9f5a5611c2c9f419d9f"},
    {"1234567890123456789012345678901234567890"
     "1234567890123456789012345678901234567890",
     "57edf4a22be3c955ac49da2e2107b67a"},
    /* The FIPS 180 448-bit message (crosses the 56-byte padding boundary). */
    {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
     "8215ef0796a20bcaaae116d3876c664a"},
};

static void md5_init(void *ctx)
{
    cit_md5_init((cit_md5_ctx_t *)ctx);
}

static void md5_update(void *ctx, const uint8_t *in, size_t in_len)
{
    cit_md5_update((cit_md5_ctx_t *)ctx, in, in_len);
}

static void md5_finish(void *ctx, uint8_t *out, size_t out_len)
{
    (void)out_len; /* always 16 */
    cit_md5_finish((cit_md5_ctx_t *)ctx, out);
}

/* MD5 has no substitutable compression function. */
static const cit_md_test_ops_t md5_ops = {
    sizeof(cit_md5_ctx_t), md5_update, md5_finish, NULL, NULL, 0, 0,
};

static const cit_md_test_plain_t md5 = {
    {&md5_ops, "MD5", md5_init, 16, "MD5"},
    kats, CIT_ARRAY_LEN(kats),
    "7707d6ae4e027c70eea2a935c2296f21",
    "rfc/rfc1321_md5/rfc-1321.txt",
};

int main(void)
{
    cit_test_rand_seed(0x4d44350000000001u);
    return cit_md_test_plain_main("test_md5", &md5);
}
