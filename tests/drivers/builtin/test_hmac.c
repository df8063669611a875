/*
 * test_hmac.c - HMAC (hmac.c) over every builtin hash: RFC 2202 / RFC 4231
 * vectors, Wycheproof hmac_*_test.json, and a differential test against
 * OpenSSL's HMAC with random keys, messages and update splits.
 */
#include "builtin.h"
#include "test.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

/* ---- The hashes: the builtin driver's descriptors over the primitives ---- */

enum {
    HASH_MD5,
    HASH_RIPEMD160,
    HASH_SHA1,
    HASH_SHA224,
    HASH_SHA256,
    HASH_SHA384,
    HASH_SHA512,
    HASH_SHA512_224,
    HASH_SHA512_256,
    HASH_SHA3_224,
    HASH_SHA3_256,
    HASH_SHA3_384,
    HASH_SHA3_512,
    HASH_COUNT
};

typedef struct {
    psa_algorithm_t alg;
    const char *name;
    const char *openssl_name;
    const char *wycheproof;      /* file under wycheproof/testvectors_v1, or NULL */
    const cit_hash_desc_t *desc; /* the builtin driver's descriptor for alg, set by main */
} hash_info_t;

static hash_info_t hashes[HASH_COUNT] = {
    { PSA_ALG_MD5, "MD5", "MD5", NULL, NULL },
    { PSA_ALG_RIPEMD160, "RIPEMD-160", "RIPEMD160", NULL, NULL },
    { PSA_ALG_SHA_1, "SHA-1", "SHA1", "hmac_sha1_test.json", NULL },
    { PSA_ALG_SHA_224, "SHA-224", "SHA224", "hmac_sha224_test.json", NULL },
    { PSA_ALG_SHA_256, "SHA-256", "SHA256", "hmac_sha256_test.json", NULL },
    { PSA_ALG_SHA_384, "SHA-384", "SHA384", "hmac_sha384_test.json", NULL },
    { PSA_ALG_SHA_512, "SHA-512", "SHA512", "hmac_sha512_test.json", NULL },
    { PSA_ALG_SHA_512_224, "SHA-512/224", "SHA512-224", "hmac_sha512_224_test.json", NULL },
    { PSA_ALG_SHA_512_256, "SHA-512/256", "SHA512-256", "hmac_sha512_256_test.json", NULL },
    { PSA_ALG_SHA3_224, "SHA3-224", "SHA3-224", "hmac_sha3_224_test.json", NULL },
    { PSA_ALG_SHA3_256, "SHA3-256", "SHA3-256", "hmac_sha3_256_test.json", NULL },
    { PSA_ALG_SHA3_384, "SHA3-384", "SHA3-384", "hmac_sha3_384_test.json", NULL },
    { PSA_ALG_SHA3_512, "SHA3-512", "SHA3-512", "hmac_sha3_512_test.json", NULL },
};

/* ---- Helpers ---- */

/* ctx_is_zero reports whether finish left the whole context wiped. */
static int ctx_is_zero(const void *p, size_t n)
{
    const uint8_t *b = (const uint8_t *)p;
    uint8_t acc = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        acc |= b[i];
    }
    return acc == 0;
}

/* hmac_split computes HMAC with the message fed in random-sized pieces. */
static void hmac_split(const cit_hash_desc_t *desc, const uint8_t *key, size_t key_len,
                       const uint8_t *msg, size_t msg_len, uint8_t *out)
{
    cit_hmac_ctx_t ctx;
    size_t off = 0;

    cit_hmac_init(&ctx, desc, key, key_len);
    while (off < msg_len) {
        size_t n = cit_test_rand() % (msg_len - off + 1);
        if (cit_test_rand() % 4 == 0) {
            n = n % 3; /* many tiny and empty updates too */
        }
        cit_hmac_update(&ctx, msg + off, n);
        off += n;
    }
    cit_hmac_update(&ctx, msg + off, 0);
    cit_hmac_finish(&ctx, out);
    CHECK(ctx_is_zero(&ctx, sizeof(ctx)));
}

/* hmac_oneshot computes HMAC with a single update. */
static void hmac_oneshot(const cit_hash_desc_t *desc, const uint8_t *key, size_t key_len,
                         const uint8_t *msg, size_t msg_len, uint8_t *out)
{
    cit_hmac_ctx_t ctx;

    cit_hmac_init(&ctx, desc, key, key_len);
    cit_hmac_update(&ctx, msg, msg_len);
    cit_hmac_finish(&ctx, out);
}

/* ---- RFC 2202 / RFC 4231 ---- */

typedef struct {
    int hash;
    const char *key;
    const char *msg;
    const char *mac; /* may be a truncated prefix of the full MAC */
} hmac_kat_t;

static const hmac_kat_t kats[] = {
    /* RFC 2202 MD5 test case 1 */
    {
        HASH_MD5,
        "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
        "4869205468657265",
        "9294727a3638bb1c13f48ef8158bfc9d",
    },
    /* RFC 2202 MD5 test case 2 */
    {
        HASH_MD5,
        "4a656665",
        "7768617420646f2079612077616e7420666f72206e6f7468696e673f",
        "750c783e6ab0b503eaa86e310a5db738",
    },
    /* RFC 2202 MD5 test case 3 */
    {
        HASH_MD5,
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
        "dddddddddddd",
        "56be34521d144c88dbb8c733f0e8b3f6",
    },
    /* RFC 2202 MD5 test case 4 */
    {
        HASH_MD5,
        "0102030405060708090a0b0c0d0e0f10111213141516171819",
        "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd"
        "cdcdcdcdcdcd",
        "697eaf0aca3a3aea3a75164746ffaa79",
    },
    /* RFC 2202 MD5 test case 5 */
    {
        HASH_MD5,
        "0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c",
        "546573742057697468205472756e636174696f6e",
        "56461ef2342edc00f9bab995690efd4c",
    },
    /* RFC 2202 MD5 test case 6 */
    {
        HASH_MD5,
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368"
        "204b6579204669727374",
        "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd",
    },
    /* RFC 2202 MD5 test case 7 */
    {
        HASH_MD5,
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b657920616e64204c61"
        "72676572205468616e204f6e6520426c6f636b2d53697a652044617461",
        "6f630fad67cda0ee1fb1f562db3aa53e",
    },
    /* RFC 2202 SHA-1 test case 1 */
    {
        HASH_SHA1,
        "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
        "4869205468657265",
        "b617318655057264e28bc0b6fb378c8ef146be00",
    },
    /* RFC 2202 SHA-1 test case 2 */
    {
        HASH_SHA1,
        "4a656665",
        "7768617420646f2079612077616e7420666f72206e6f7468696e673f",
        "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
    },
    /* RFC 2202 SHA-1 test case 3 */
    {
        HASH_SHA1,
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
        "dddddddddddd",
        "125d7342b9ac11cd91a39af48aa17b4f63f175d3",
    },
    /* RFC 2202 SHA-1 test case 4 */
    {
        HASH_SHA1,
        "0102030405060708090a0b0c0d0e0f10111213141516171819",
        "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd"
        "cdcdcdcdcdcd",
        "4c9007f4026250c6bc8414f9bf50c86c2d7235da",
    },
    /* RFC 2202 SHA-1 test case 5 */
    {
        HASH_SHA1,
        "0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c",
        "546573742057697468205472756e636174696f6e",
        "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04",
    },
    /* RFC 2202 SHA-1 test case 6 */
    {
        HASH_SHA1,
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368"
        "204b6579204669727374",
        "aa4ae5e15272d00e95705637ce8a3b55ed402112",
    },
    /* RFC 2202 SHA-1 test case 7 */
    {
        HASH_SHA1,
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b657920616e64204c61"
        "72676572205468616e204f6e6520426c6f636b2d53697a652044617461",
        "e8e99d0f45237d786d6bbaa7965c7808bbff1a91",
    },
    /* RFC 4231 SHA-224 test case 1 */
    {
        HASH_SHA224,
        "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
        "4869205468657265",
        "896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22",
    },
    /* RFC 4231 SHA-224 test case 2 */
    {
        HASH_SHA224,
        "4a656665",
        "7768617420646f2079612077616e7420666f72206e6f7468696e673f",
        "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44",
    },
    /* RFC 4231 SHA-224 test case 3 */
    {
        HASH_SHA224,
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
        "dddddddddddd",
        "7fb3cb3588c6c1f6ffa9694d7d6ad2649365b0c1f65d69d1ec8333ea",
    },
    /* RFC 4231 SHA-224 test case 4 */
    {
        HASH_SHA224,
        "0102030405060708090a0b0c0d0e0f10111213141516171819",
        "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd"
        "cdcdcdcdcdcd",
        "6c11506874013cac6a2abc1bb382627cec6a90d86efc012de7afec5a",
    },
    /* RFC 4231 SHA-224 test case 5 (truncated to 128 bits) */
    {
        HASH_SHA224,
        "0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c",
        "546573742057697468205472756e636174696f6e",
        "0e2aea68a90c8d37c988bcdb9fca6fa8",
    },
    /* RFC 4231 SHA-224 test case 6 */
    {
        HASH_SHA224,
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368"
        "204b6579204669727374",
        "95e9a0db962095adaebe9b2d6f0dbce2d499f112f2d2b7273fa6870e",
    },
    /* RFC 4231 SHA-224 test case 7 */
    {
        HASH_SHA224,
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "5468697320697320612074657374207573696e672061206c6172676572207468616e20626c6f636b2d73697a"
        "65206b657920616e642061206c6172676572207468616e20626c6f636b2d73697a6520646174612e20546865"
        "206b6579206e6565647320746f20626520686173686564206265666f7265206265696e672075736564206279"
        "2074686520484d414320616c676f726974686d2e",
        "3a854166ac5d9f023f54d517d0b39dbd946770db9c2b95c9f6f565d1",
    },
    /* RFC 4231 SHA-256 test case 1 */
    {
        HASH_SHA256,
        "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
        "4869205468657265",
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
    },
    /* RFC 4231 SHA-256 test case 2 */
    {
        HASH_SHA256,
        "4a656665",
        "7768617420646f2079612077616e7420666f72206e6f7468696e673f",
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    },
    /* RFC 4231 SHA-256 test case 3 */
    {
        HASH_SHA256,
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
        "dddddddddddd",
        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
    },
    /* RFC 4231 SHA-256 test case 4 */
    {
        HASH_SHA256,
        "0102030405060708090a0b0c0d0e0f10111213141516171819",
        "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd"
        "cdcdcdcdcdcd",
        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
    },
    /* RFC 4231 SHA-256 test case 5 (truncated to 128 bits) */
    {
        HASH_SHA256,
        "0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c",
        "546573742057697468205472756e636174696f6e",
        "a3b6167473100ee06e0c796c2955552b",
    },
    /* RFC 4231 SHA-256 test case 6 */
    {
        HASH_SHA256,
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368"
        "204b6579204669727374",
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
    },
    /* RFC 4231 SHA-256 test case 7 */
    {
        HASH_SHA256,
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "5468697320697320612074657374207573696e672061206c6172676572207468616e20626c6f636b2d73697a"
        "65206b657920616e642061206c6172676572207468616e20626c6f636b2d73697a6520646174612e20546865"
        "206b6579206e6565647320746f20626520686173686564206265666f7265206265696e672075736564206279"
        "2074686520484d414320616c676f726974686d2e",
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
    },
    /* RFC 4231 SHA-384 test case 1 */
    {
        HASH_SHA384,
        "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
        "4869205468657265",
        "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8"
        "b2fa9cb6",
    },
    /* RFC 4231 SHA-384 test case 2 */
    {
        HASH_SHA384,
        "4a656665",
        "7768617420646f2079612077616e7420666f72206e6f7468696e673f",
        "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ec"
        "fab21649",
    },
    /* RFC 4231 SHA-384 test case 3 */
    {
        HASH_SHA384,
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
        "dddddddddddd",
        "88062608d3e6ad8a0aa2ace014c8a86f0aa635d947ac9febe83ef4e55966144b2a5ab39dc13814b94e3ab6e1"
        "01a34f27",
    },
    /* RFC 4231 SHA-384 test case 4 */
    {
        HASH_SHA384,
        "0102030405060708090a0b0c0d0e0f10111213141516171819",
        "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd"
        "cdcdcdcdcdcd",
        "3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e6801dd23c4a7d679ccf8a386"
        "c674cffb",
    },
    /* RFC 4231 SHA-384 test case 5 (truncated to 128 bits) */
    {
        HASH_SHA384,
        "0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c",
        "546573742057697468205472756e636174696f6e",
        "3abf34c3503b2a23a46efc619baef897",
    },
    /* RFC 4231 SHA-384 test case 6 */
    {
        HASH_SHA384,
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368"
        "204b6579204669727374",
        "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df1"
        "63f44952",
    },
    /* RFC 4231 SHA-384 test case 7 */
    {
        HASH_SHA384,
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "5468697320697320612074657374207573696e672061206c6172676572207468616e20626c6f636b2d73697a"
        "65206b657920616e642061206c6172676572207468616e20626c6f636b2d73697a6520646174612e20546865"
        "206b6579206e6565647320746f20626520686173686564206265666f7265206265696e672075736564206279"
        "2074686520484d414320616c676f726974686d2e",
        "6617178e941f020d351e2f254e8fd32c602420feb0b8fb9adccebb82461e99c5a678cc31e799176d3860e611"
        "0c46523e",
    },
    /* RFC 4231 SHA-512 test case 1 */
    {
        HASH_SHA512,
        "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
        "4869205468657265",
        "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274e"
        "aea3f4e4be9d914eeb61f1702e696c203a126854",
    },
    /* RFC 4231 SHA-512 test case 2 */
    {
        HASH_SHA512,
        "4a656665",
        "7768617420646f2079612077616e7420666f72206e6f7468696e673f",
        "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65"
        "f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737",
    },
    /* RFC 4231 SHA-512 test case 3 */
    {
        HASH_SHA512,
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
        "dddddddddddd",
        "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39bf3e848279a722c806b485a4"
        "7e67c807b946a337bee8942674278859e13292fb",
    },
    /* RFC 4231 SHA-512 test case 4 */
    {
        HASH_SHA512,
        "0102030405060708090a0b0c0d0e0f10111213141516171819",
        "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd"
        "cdcdcdcdcdcd",
        "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3dba91ca5c11aa25eb4d679275c"
        "c5788063a5f19741120c4f2de2adebeb10a298dd",
    },
    /* RFC 4231 SHA-512 test case 5 (truncated to 128 bits) */
    {
        HASH_SHA512,
        "0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c",
        "546573742057697468205472756e636174696f6e",
        "415fad6271580a531d4179bc891d87a6",
    },
    /* RFC 4231 SHA-512 test case 6 */
    {
        HASH_SHA512,
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368"
        "204b6579204669727374",
        "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd221"
        "5d6a1e5295e64f73f63f0aec8b915a985d786598",
    },
    /* RFC 4231 SHA-512 test case 7 */
    {
        HASH_SHA512,
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "5468697320697320612074657374207573696e672061206c6172676572207468616e20626c6f636b2d73697a"
        "65206b657920616e642061206c6172676572207468616e20626c6f636b2d73697a6520646174612e20546865"
        "206b6579206e6565647320746f20626520686173686564206265666f7265206265696e672075736564206279"
        "2074686520484d414320616c676f726974686d2e",
        "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944b6022cac3c4982b10d5eeb55"
        "c3e4de15134676fb6de0446065c97440fa8c6a58",
    },
};

static void test_kats(void)
{
    size_t i;

    for (i = 0; i < CIT_ARRAY_LEN(kats); i++) {
        const hash_info_t *h = &hashes[kats[i].hash];
        size_t key_len, msg_len, mac_len;
        uint8_t *key = cit_hex_decode(kats[i].key, &key_len);
        uint8_t *msg = cit_hex_decode(kats[i].msg, &msg_len);
        uint8_t *mac = cit_hex_decode(kats[i].mac, &mac_len);
        uint8_t out[CIT_HASH_MAX_DIGEST];

        CHECK(key != NULL && msg != NULL && mac != NULL);
        if (key == NULL || msg == NULL || mac == NULL) {
            free(key);
            free(msg);
            free(mac);
            continue;
        }
        CHECK(mac_len <= h->desc->digest_size);
        hmac_oneshot(h->desc, key, key_len, msg, msg_len, out);
        CHECK_MEM(out, mac, mac_len);
        hmac_split(h->desc, key, key_len, msg, msg_len, out);
        CHECK_MEM(out, mac, mac_len);
        free(key);
        free(msg);
        free(mac);
    }
}

/* ---- Wycheproof ---- */

/* run_wycheproof returns the number of tests run, or -1 if the file is missing. */
static long run_wycheproof(const hash_info_t *h)
{
    char rel[128];
    char *path;
    cit_json_t *doc;
    const cit_json_t *groups;
    long num_tests = 0;
    size_t g, t;

    snprintf(rel, sizeof(rel), "wycheproof/testvectors_v1/%s", h->wycheproof);
    path = cit_vector_path(rel);
    if (path == NULL) {
        return -1;
    }
    doc = cit_json_parse_file(path);
    free(path);
    CHECK(doc != NULL);
    if (doc == NULL) {
        return -1;
    }
    groups = cit_json_get(doc, "testGroups");
    CHECK(groups != NULL && groups->type == CIT_JSON_ARRAY);
    for (g = 0; groups != NULL && g < groups->count; g++) {
        const cit_json_t *grp = groups->items[g];
        const cit_json_t *tests = cit_json_get(grp, "tests");
        size_t tag_bytes = (size_t)cit_json_num(grp, "tagSize", 0) / 8;

        CHECK(tests != NULL && tag_bytes > 0 && tag_bytes <= h->desc->digest_size);
        if (tests == NULL || tag_bytes == 0 || tag_bytes > h->desc->digest_size) {
            continue;
        }
        for (t = 0; t < tests->count; t++) {
            const cit_json_t *tc = tests->items[t];
            const char *result = cit_json_str(tc, "result");
            size_t key_len, msg_len, tag_len;
            uint8_t *key = cit_hex_decode(cit_json_str(tc, "key"), &key_len);
            uint8_t *msg = cit_hex_decode(cit_json_str(tc, "msg"), &msg_len);
            uint8_t *tag = cit_hex_decode(cit_json_str(tc, "tag"), &tag_len);
            uint8_t out[CIT_HASH_MAX_DIGEST];
            int match;

            CHECK(key != NULL && msg != NULL && tag != NULL && result != NULL);
            if (key != NULL && msg != NULL && tag != NULL && result != NULL) {
                hmac_split(h->desc, key, key_len, msg, msg_len, out);
                match = tag_len == tag_bytes && memcmp(out, tag, tag_bytes) == 0;
                if (strcmp(result, "valid") == 0) {
                    CHECK(match);
                    if (!match) {
                        fprintf(stderr, "  %s tcId %.0f\n", h->wycheproof,
                                cit_json_num(tc, "tcId", -1));
                    }
                } else {
                    CHECK(strcmp(result, "invalid") == 0);
                    CHECK(!match);
                }
                num_tests++;
            }
            free(key);
            free(msg);
            free(tag);
        }
    }
    cit_json_free(doc);
    return num_tests;
}

/* ---- Differential against OpenSSL ---- */

static void openssl_hmac(const hash_info_t *h, const uint8_t *key, size_t key_len,
                         const uint8_t *msg, size_t msg_len, uint8_t *out)
{
    static const uint8_t empty[1] = { 0 };
    unsigned int out_len = 0;
    const EVP_MD *md = EVP_get_digestbyname(h->openssl_name);

    CHECK(md != NULL);
    if (md == NULL) {
        memset(out, 0, CIT_HASH_MAX_DIGEST);
        return;
    }
    CHECK(HMAC(md, key_len != 0 ? key : empty, (int)key_len, msg_len != 0 ? msg : empty,
               msg_len, out, &out_len) != NULL);
    CHECK(out_len == h->desc->digest_size);
}

/* compare_one checks one (hash, key, message) against OpenSSL, split and cloned. */
static void compare_one(const hash_info_t *h, const uint8_t *key, size_t key_len,
                        const uint8_t *msg, size_t msg_len)
{
    uint8_t want[CIT_HASH_MAX_DIGEST];
    uint8_t got[CIT_HASH_MAX_DIGEST];
    uint8_t got_clone[CIT_HASH_MAX_DIGEST];
    cit_hmac_ctx_t ctx;
    cit_hmac_ctx_t clone;
    size_t cut = msg_len == 0 ? 0 : cit_test_rand() % (msg_len + 1);

    openssl_hmac(h, key, key_len, msg, msg_len, want);
    hmac_split(h->desc, key, key_len, msg, msg_len, got);
    CHECK_MEM(got, want, h->desc->digest_size);

    /* A context copied mid-stream continues independently (no interior pointers). */
    cit_hmac_init(&ctx, h->desc, key, key_len);
    cit_hmac_update(&ctx, msg, cut);
    memcpy(&clone, &ctx, sizeof(ctx));
    cit_hmac_update(&ctx, msg + cut, msg_len - cut);
    cit_hmac_update(&clone, msg + cut, msg_len - cut);
    cit_hmac_finish(&ctx, got);
    cit_hmac_finish(&clone, got_clone);
    CHECK_MEM(got, want, h->desc->digest_size);
    CHECK_MEM(got_clone, want, h->desc->digest_size);
}

static void test_differential(void)
{
    static uint8_t key[300];
    static uint8_t msg[2000];
    int i;
    int hi;

    cit_test_rand_seed(0x484d4143u);
    for (i = 0; i < 2000; i++) {
        const hash_info_t *h = &hashes[i % HASH_COUNT];
        size_t key_len = cit_test_rand() % 201;
        size_t msg_len = cit_test_rand() % 2001;

        cit_test_rand_bytes(key, key_len);
        cit_test_rand_bytes(msg, msg_len);
        compare_one(h, key, key_len, msg, msg_len);
    }

    /* Key lengths around the block size of each hash (padded vs hashed key). */
    for (hi = 0; hi < HASH_COUNT; hi++) {
        const hash_info_t *h = &hashes[hi];
        size_t bs = h->desc->block_size;
        size_t key_lens[] = { 0, 1, bs - 1, bs, bs + 1, 2 * bs, 300 };
        size_t msg_lens[] = { 0, 1, bs - 1, bs, bs + 1, 1000 };
        size_t k, m;

        for (k = 0; k < CIT_ARRAY_LEN(key_lens); k++) {
            for (m = 0; m < CIT_ARRAY_LEN(msg_lens); m++) {
                cit_test_rand_bytes(key, key_lens[k]);
                cit_test_rand_bytes(msg, msg_lens[m]);
                compare_one(h, key, key_lens[k], msg, msg_lens[m]);
            }
        }
    }
}

int main(void)
{
    const char *missing = NULL;
    long total = 0;
    int i;

    for (i = 0; i < HASH_COUNT; i++) {
        hashes[i].desc = cit_builtin_hash_desc(hashes[i].alg);
        if (hashes[i].desc == NULL) {
            fprintf(stderr, "test_hmac: the builtin driver has no %s\n", hashes[i].name);
            return 1;
        }
    }

    cit_test_rand_seed(1);
    test_kats();

    for (i = 0; i < HASH_COUNT; i++) {
        long n;

        if (hashes[i].wycheproof == NULL) {
            continue;
        }
        n = run_wycheproof(&hashes[i]);
        if (n < 0) {
            missing = hashes[i].wycheproof;
        } else {
            CHECK(n > 0);
            total += n;
        }
    }
    printf("wycheproof: %ld HMAC tests\n", total);

    test_differential();

    if (missing != NULL && cit_test_failures == 0) {
        char why[200];

        (void)cit_test_end("test_hmac");
        snprintf(why, sizeof(why), "Wycheproof vector file %s not found", missing);
        cit_test_skip(why);
    }
    return cit_test_end("test_hmac");
}
