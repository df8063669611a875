/*
 * test_config.c - configuration awareness: what citadel_config.h (or the
 * file named by CIT_CONFIG_FILE) wants works with the right answers, and
 * what it leaves out answers PSA_ERROR_NOT_SUPPORTED. This is the main check
 * of reduced builds such as tests/configs/minimal.h (SHA-256, HMAC, AES).
 *
 * Hashes are built per family (docs/ARCHITECTURE.md): SHA-1; SHA-224,
 * SHA-256 and SHA-256/192; SHA-384, SHA-512, SHA-512/224 and SHA-512/256;
 * SHA-3 with SHAKE; MD5; RIPEMD-160. Every member of a wanted family works.
 * Known answers: the "abc" digests of FIPS 180-4 / FIPS 202 (and the MD5 and
 * RIPEMD-160 papers), RFC 4231 / RFC 2202 HMAC test cases 1 and 2, RFC 4493
 * CMAC examples 1 and 2, and FIPS 197 C.1 as a one-block CBC-MAC.
 */
#include "psa/crypto.h"
#include "citadel/citadel.h"
#include "citadel/citadel_config.h"
#include "test.h"

#include <stdlib.h>
#include <string.h>

/* ---- Families wanted in this build ---- */

#if defined(PSA_WANT_ALG_MD5)
#define FAM_MD5 1
#else
#define FAM_MD5 0
#endif
#if defined(PSA_WANT_ALG_RIPEMD160)
#define FAM_RIPEMD160 1
#else
#define FAM_RIPEMD160 0
#endif
#if defined(PSA_WANT_ALG_SHA_1)
#define FAM_SHA1 1
#else
#define FAM_SHA1 0
#endif
#if defined(PSA_WANT_ALG_SHA_224) || defined(PSA_WANT_ALG_SHA_256) || \
    defined(PSA_WANT_ALG_SHA_256_192)
#define FAM_SHA256 1
#else
#define FAM_SHA256 0
#endif
#if defined(PSA_WANT_ALG_SHA_384) || defined(PSA_WANT_ALG_SHA_512) || \
    defined(PSA_WANT_ALG_SHA_512_224) || defined(PSA_WANT_ALG_SHA_512_256)
#define FAM_SHA512 1
#else
#define FAM_SHA512 0
#endif
#if defined(PSA_WANT_ALG_SHA3_224) || defined(PSA_WANT_ALG_SHA3_256) ||         \
    defined(PSA_WANT_ALG_SHA3_384) || defined(PSA_WANT_ALG_SHA3_512) ||         \
    defined(PSA_WANT_ALG_SHAKE128_256) || defined(PSA_WANT_ALG_SHAKE256_192) || \
    defined(PSA_WANT_ALG_SHAKE256_256) || defined(PSA_WANT_ALG_SHAKE256_512) || \
    defined(PSA_WANT_ALG_SHAKE128) || defined(PSA_WANT_ALG_SHAKE256)
#define FAM_SHA3 1
#else
#define FAM_SHA3 0
#endif

#if defined(PSA_WANT_ALG_HMAC)
#define WANT_HMAC 1
#else
#define WANT_HMAC 0
#endif
#if defined(PSA_WANT_ALG_CMAC)
#define WANT_CMAC 1
#else
#define WANT_CMAC 0
#endif
#if defined(PSA_WANT_ALG_CBC_MAC)
#define WANT_CBC_MAC 1
#else
#define WANT_CBC_MAC 0
#endif

/* ---- Helpers ---- */

/* unhex: bytes of a hex string into out (at most out_size); returns the length. */
static size_t unhex(const char *hex, uint8_t *out, size_t out_size)
{
    size_t len = 0;
    uint8_t *bytes = cit_hex_decode(hex, &len);

    CHECK(bytes != NULL && len <= out_size);
    if (bytes == NULL || len > out_size) {
        free(bytes);
        return 0;
    }
    memcpy(out, bytes, len);
    free(bytes);
    return len;
}

/* ---- Hashes ---- */

typedef struct {
    psa_algorithm_t alg;
    const char *name;
    int wanted; /* the whole family is built */
    const char *abc;
} hash_case_t;

static const hash_case_t hash_cases[] = {
    { PSA_ALG_MD5, "MD5", FAM_MD5, "900150983cd24fb0d6963f7d28e17f72" },
    { PSA_ALG_RIPEMD160, "RIPEMD-160", FAM_RIPEMD160,
      "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc" },
    { PSA_ALG_SHA_1, "SHA-1", FAM_SHA1, "a9993e364706816aba3e25717850c26c9cd0d89d" },
    { PSA_ALG_SHA_224, "SHA-224", FAM_SHA256,
      "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7" },
    { PSA_ALG_SHA_256, "SHA-256", FAM_SHA256,
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
    { PSA_ALG_SHA_256_192, "SHA-256/192", FAM_SHA256,
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9c" },
    { PSA_ALG_SHA_384, "SHA-384", FAM_SHA512,
      "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
      "8086072ba1e7cc2358baeca134c825a7" },
    { PSA_ALG_SHA_512, "SHA-512", FAM_SHA512,
      "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
      "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f" },
    { PSA_ALG_SHA_512_224, "SHA-512/224", FAM_SHA512,
      "4634270f707b6a54daae7530460842e20e37ed265ceee9a43e8924aa" },
    { PSA_ALG_SHA_512_256, "SHA-512/256", FAM_SHA512,
      "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23" },
    { PSA_ALG_SHA3_224, "SHA3-224", FAM_SHA3,
      "e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf" },
    { PSA_ALG_SHA3_256, "SHA3-256", FAM_SHA3,
      "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532" },
    { PSA_ALG_SHA3_384, "SHA3-384", FAM_SHA3,
      "ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b2"
      "98d88cea927ac7f539f1edf228376d25" },
    { PSA_ALG_SHA3_512, "SHA3-512", FAM_SHA3,
      "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e"
      "10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0" },
    { PSA_ALG_SHAKE128_256, "SHAKE128/256", FAM_SHA3,
      "5881092dd818bf5cf8a3ddb793fbcba74097d5c526a6d35f97b83351940f2cc8" },
    { PSA_ALG_SHAKE256_192, "SHAKE256/192", FAM_SHA3,
      "483366601360a8771c6863080cc4114d8db44530f8f1e1ee" },
    { PSA_ALG_SHAKE256_256, "SHAKE256/256", FAM_SHA3,
      "483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739" },
    { PSA_ALG_SHAKE256_512, "SHAKE256/512", FAM_SHA3,
      "483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739"
      "d5a15bef186a5386c75744c0527e1faa9f8726e462a12a4feb06bd8801e751e4" },
};

static const uint8_t abc[3] = { 'a', 'b', 'c' };

static void hash_case(const hash_case_t *hc)
{
    uint8_t want[PSA_HASH_MAX_SIZE], got[PSA_HASH_MAX_SIZE];
    size_t want_len = unhex(hc->abc, want, sizeof(want));
    size_t got_len = 99;
    psa_hash_operation_t op = PSA_HASH_OPERATION_INIT;
    psa_status_t status;

    CHECK(want_len == PSA_HASH_LENGTH(hc->alg));
    status = psa_hash_compute(hc->alg, abc, sizeof(abc), got, sizeof(got), &got_len);
    if (!hc->wanted) {
        CHECK_STATUS(status, PSA_ERROR_NOT_SUPPORTED);
        CHECK(got_len == 0);
        CHECK_STATUS(psa_hash_setup(&op, hc->alg), PSA_ERROR_NOT_SUPPORTED);
        /* The failed setup left the operation inactive: a new setup is not BAD_STATE. */
        CHECK_STATUS(psa_hash_setup(&op, hc->alg), PSA_ERROR_NOT_SUPPORTED);
        CHECK_STATUS(psa_hash_abort(&op), PSA_SUCCESS);
        CHECK_STATUS(psa_hash_compare(hc->alg, abc, sizeof(abc), want, want_len),
                     PSA_ERROR_NOT_SUPPORTED);
        return;
    }
    CHECK_STATUS(status, PSA_SUCCESS);
    if (status != PSA_SUCCESS) {
        fprintf(stderr, "  %s is wanted in this build\n", hc->name);
        return;
    }
    CHECK(got_len == want_len);
    CHECK_MEM(got, want, want_len);
    CHECK_STATUS(psa_hash_compare(hc->alg, abc, sizeof(abc), want, want_len), PSA_SUCCESS);

    /* Multi-part, one byte at a time. */
    memset(got, 0, sizeof(got));
    CHECK_STATUS(psa_hash_setup(&op, hc->alg), PSA_SUCCESS);
    CHECK_STATUS(psa_hash_update(&op, abc, 1), PSA_SUCCESS);
    CHECK_STATUS(psa_hash_update(&op, abc + 1, 0), PSA_SUCCESS);
    CHECK_STATUS(psa_hash_update(&op, abc + 1, 2), PSA_SUCCESS);
    CHECK_STATUS(psa_hash_finish(&op, got, sizeof(got), &got_len), PSA_SUCCESS);
    CHECK(got_len == want_len);
    CHECK_MEM(got, want, want_len);
}

static void test_hashes(void)
{
    size_t i;

    for (i = 0; i < sizeof(hash_cases) / sizeof(hash_cases[0]); i++) {
        hash_case(&hash_cases[i]);
    }
}

/* SHAKE128 / SHAKE256 as XOFs belong to the SHA-3 family. */
static void xof_case(psa_algorithm_t alg, const char *hex)
{
    psa_xof_operation_t op = PSA_XOF_OPERATION_INIT;
    uint8_t want[64], got[64];
    size_t want_len = unhex(hex, want, sizeof(want));

    if (!FAM_SHA3) {
        CHECK_STATUS(psa_xof_setup(&op, alg), PSA_ERROR_NOT_SUPPORTED);
        CHECK_STATUS(psa_xof_abort(&op), PSA_SUCCESS);
        return;
    }
    CHECK_STATUS(psa_xof_setup(&op, alg), PSA_SUCCESS);
    CHECK_STATUS(psa_xof_update(&op, abc, sizeof(abc)), PSA_SUCCESS);
    CHECK_STATUS(psa_xof_output(&op, got, 10), PSA_SUCCESS);
    CHECK_STATUS(psa_xof_output(&op, got + 10, want_len - 10), PSA_SUCCESS);
    CHECK_MEM(got, want, want_len);
    CHECK_STATUS(psa_xof_abort(&op), PSA_SUCCESS);
}

static void test_xofs(void)
{
    xof_case(PSA_ALG_SHAKE128, "5881092dd818bf5cf8a3ddb793fbcba74097d5c526a6d35f97b83351940f2cc8");
    xof_case(PSA_ALG_SHAKE256,
             "483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739"
             "d5a15bef186a5386c75744c0527e1faa9f8726e462a12a4feb06bd8801e751e4");
}

/* ---- MACs ---- */

/*
 * mac_case imports key_hex as `type` with policy alg and checks
 * psa_mac_compute / psa_mac_verify against mac_hex when `works`, and
 * PSA_ERROR_NOT_SUPPORTED (also from psa_check_key_usage) otherwise.
 */
static void mac_case(const char *name, psa_key_type_t type, psa_algorithm_t alg, int works,
                     const char *key_hex, const uint8_t *msg, size_t msg_len,
                     const char *mac_hex)
{
    psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
    uint8_t key[64], want[PSA_MAC_MAX_SIZE], got[PSA_MAC_MAX_SIZE];
    size_t key_len = unhex(key_hex, key, sizeof(key));
    size_t want_len = unhex(mac_hex, want, sizeof(want));
    size_t got_len = 99;
    psa_key_id_t id = PSA_KEY_ID_NULL;
    psa_status_t status;

    psa_set_key_type(&a, type);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE);
    psa_set_key_algorithm(&a, alg);
    CHECK_STATUS(psa_import_key(&a, key, key_len, &id), PSA_SUCCESS);

    status = psa_mac_compute(id, alg, msg, msg_len, got, sizeof(got), &got_len);
    if (works) {
        CHECK_STATUS(status, PSA_SUCCESS);
        if (status != PSA_SUCCESS) {
            fprintf(stderr, "  %s is wanted in this build\n", name);
        }
        CHECK(got_len == want_len);
        CHECK_MEM(got, want, want_len);
        CHECK_STATUS(psa_mac_verify(id, alg, msg, msg_len, want, want_len), PSA_SUCCESS);
        CHECK_STATUS(psa_check_key_usage(id, alg, PSA_KEY_USAGE_SIGN_MESSAGE), PSA_SUCCESS);
    } else {
        psa_mac_operation_t op = PSA_MAC_OPERATION_INIT;

        CHECK_STATUS(status, PSA_ERROR_NOT_SUPPORTED);
        if (status != PSA_ERROR_NOT_SUPPORTED) {
            fprintf(stderr, "  %s is not wanted in this build\n", name);
        }
        CHECK(got_len == 0);
        CHECK_STATUS(psa_mac_verify(id, alg, msg, msg_len, want, want_len),
                     PSA_ERROR_NOT_SUPPORTED);
        CHECK_STATUS(psa_mac_sign_setup(&op, id, alg), PSA_ERROR_NOT_SUPPORTED);
        CHECK_STATUS(psa_mac_abort(&op), PSA_SUCCESS);
        /* "The implementation does not support algorithm alg" (spec 9.8.2). */
        status = psa_check_key_usage(id, alg, PSA_KEY_USAGE_SIGN_MESSAGE);
        CHECK_STATUS(status, PSA_ERROR_NOT_SUPPORTED);
        if (status != PSA_ERROR_NOT_SUPPORTED) {
            fprintf(stderr, "  psa_check_key_usage with %s\n", name);
        }
    }
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
}

static void test_hmac(void)
{
#if defined(PSA_WANT_KEY_TYPE_HMAC)
    static const uint8_t hi[] = "Hi There";
    static const uint8_t jefe[] = "what do ya want for nothing?";
    const char *k1 = "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b";
    const char *k2 = "4a656665"; /* "Jefe" */

    /* RFC 4231 test cases 1 and 2. */
    mac_case("HMAC-SHA-224", PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_224),
             WANT_HMAC && FAM_SHA256, k1, hi, sizeof(hi) - 1,
             "896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22");
    mac_case("HMAC-SHA-224", PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_224),
             WANT_HMAC && FAM_SHA256, k2, jefe, sizeof(jefe) - 1,
             "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44");
    mac_case("HMAC-SHA-256", PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_256),
             WANT_HMAC && FAM_SHA256, k1, hi, sizeof(hi) - 1,
             "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    mac_case("HMAC-SHA-256", PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_256),
             WANT_HMAC && FAM_SHA256, k2, jefe, sizeof(jefe) - 1,
             "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    mac_case("HMAC-SHA-384", PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_384),
             WANT_HMAC && FAM_SHA512, k1, hi, sizeof(hi) - 1,
             "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59c"
             "faea9ea9076ede7f4af152e8b2fa9cb6");
    mac_case("HMAC-SHA-512", PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_512),
             WANT_HMAC && FAM_SHA512, k2, jefe, sizeof(jefe) - 1,
             "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
             "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
    /* RFC 2202 test case 2. */
    mac_case("HMAC-SHA-1", PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_1), WANT_HMAC && FAM_SHA1,
             k2, jefe, sizeof(jefe) - 1, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    mac_case("HMAC-MD5", PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_MD5), WANT_HMAC && FAM_MD5, k2,
             jefe, sizeof(jefe) - 1, "750c783e6ab0b503eaa86e310a5db738");
    /* A truncated HMAC-SHA-256 (RFC 4231 test case 2, first 16 bytes). */
    mac_case("HMAC-SHA-256/128", PSA_KEY_TYPE_HMAC,
             PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 16), WANT_HMAC && FAM_SHA256,
             k2, jefe, sizeof(jefe) - 1, "5bdcc146bf60754e6a042426089575c7");
#else
    printf("HMAC key type not wanted: HMAC checks left out\n");
#endif
}

static void test_block_cipher_macs(void)
{
#if defined(PSA_WANT_KEY_TYPE_AES)
    static const uint8_t m16[16] = { 0x6b, 0xc1, 0xbe, 0xe2, 0x2e, 0x40, 0x9f, 0x96,
                                     0xe9, 0x3d, 0x7e, 0x11, 0x73, 0x93, 0x17, 0x2a };
    static const uint8_t fips197[16] = { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
                                         0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff };
    const char *k = "2b7e151628aed2a6abf7158809cf4f3c";

    /* RFC 4493 examples 1 (empty message) and 2. */
    mac_case("CMAC", PSA_KEY_TYPE_AES, PSA_ALG_CMAC, WANT_CMAC, k, m16, 0,
             "bb1d6929e95937287fa37d129b756746");
    mac_case("CMAC", PSA_KEY_TYPE_AES, PSA_ALG_CMAC, WANT_CMAC, k, m16, sizeof(m16),
             "070a16b46b4d4144f79bdd9dd04a287c");
    /* CBC-MAC of one block is the block's encryption: FIPS 197 C.1. */
    mac_case("CBC-MAC", PSA_KEY_TYPE_AES, PSA_ALG_CBC_MAC, WANT_CBC_MAC,
             "000102030405060708090a0b0c0d0e0f", fips197, sizeof(fips197),
             "69c4e0d86a7b0430d8cdb78070b4c55a");
#else
    printf("AES not wanted: CMAC and CBC-MAC checks left out\n");
#endif
}

/* ---- Key types ---- */

typedef struct {
    psa_key_type_t type;
    const char *name;
    int wanted;
} type_case_t;

static void test_key_types(void)
{
    static const type_case_t types[] = {
#if defined(PSA_WANT_KEY_TYPE_RAW_DATA)
        { PSA_KEY_TYPE_RAW_DATA, "RAW_DATA", 1 },
#else
        { PSA_KEY_TYPE_RAW_DATA, "RAW_DATA", 0 },
#endif
#if defined(PSA_WANT_KEY_TYPE_HMAC)
        { PSA_KEY_TYPE_HMAC, "HMAC", 1 },
#else
        { PSA_KEY_TYPE_HMAC, "HMAC", 0 },
#endif
#if defined(PSA_WANT_KEY_TYPE_DERIVE)
        { PSA_KEY_TYPE_DERIVE, "DERIVE", 1 },
#else
        { PSA_KEY_TYPE_DERIVE, "DERIVE", 0 },
#endif
#if defined(PSA_WANT_KEY_TYPE_PASSWORD)
        { PSA_KEY_TYPE_PASSWORD, "PASSWORD", 1 },
#else
        { PSA_KEY_TYPE_PASSWORD, "PASSWORD", 0 },
#endif
#if defined(PSA_WANT_KEY_TYPE_PASSWORD_HASH)
        { PSA_KEY_TYPE_PASSWORD_HASH, "PASSWORD_HASH", 1 },
#else
        { PSA_KEY_TYPE_PASSWORD_HASH, "PASSWORD_HASH", 0 },
#endif
#if defined(PSA_WANT_KEY_TYPE_PEPPER)
        { PSA_KEY_TYPE_PEPPER, "PEPPER", 1 },
#else
        { PSA_KEY_TYPE_PEPPER, "PEPPER", 0 },
#endif
#if defined(PSA_WANT_KEY_TYPE_AES)
        { PSA_KEY_TYPE_AES, "AES", 1 },
#else
        { PSA_KEY_TYPE_AES, "AES", 0 },
#endif
        /* Never in this release. */
        { PSA_KEY_TYPE_CHACHA20, "CHACHA20", 0 },
        { PSA_KEY_TYPE_ARIA, "ARIA", 0 },
        { PSA_KEY_TYPE_CAMELLIA, "CAMELLIA", 0 },
        { PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), "ECC_KEY_PAIR(SECP_R1)", 0 },
    };
    static const size_t aes_lens[] = { 16, 24, 32 };
    uint8_t data[32];
    size_t i, j;

    for (i = 0; i < sizeof(data); i++) {
        data[i] = (uint8_t)(0x31 * i + 7);
    }
    for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        const type_case_t *tc = &types[i];

        for (j = 0; j < sizeof(aes_lens) / sizeof(aes_lens[0]); j++) {
            psa_key_attributes_t a = PSA_KEY_ATTRIBUTES_INIT;
            psa_key_id_t id = 77;
            psa_status_t status;

            psa_set_key_type(&a, tc->type);
            psa_set_key_usage_flags(&a, PSA_KEY_USAGE_EXPORT);
            status = psa_import_key(&a, data, aes_lens[j], &id);
            CHECK_STATUS(status, tc->wanted ? PSA_SUCCESS : PSA_ERROR_NOT_SUPPORTED);
            if (status != (tc->wanted ? PSA_SUCCESS : PSA_ERROR_NOT_SUPPORTED)) {
                fprintf(stderr, "  import of %s (%lu bytes)\n", tc->name,
                        (unsigned long)aes_lens[j]);
            }
            if (status == PSA_SUCCESS) {
                uint8_t out[32];
                size_t out_len = 0;

                CHECK_STATUS(psa_export_key(id, out, sizeof(out), &out_len), PSA_SUCCESS);
                CHECK(out_len == aes_lens[j]);
                CHECK_MEM(out, data, aes_lens[j]);
                CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
            } else {
                CHECK(id == PSA_KEY_ID_NULL);
            }
            /* Generation follows the same rule. */
            psa_set_key_bits(&a, 8 * aes_lens[j]);
            status = psa_generate_key(&a, &id);
            CHECK_STATUS(status, tc->wanted ? PSA_SUCCESS : PSA_ERROR_NOT_SUPPORTED);
            if (status == PSA_SUCCESS) {
                CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
            }
        }
    }
}

/* ---- The configuration report ---- */

static void expect_in_report(const char *report, const char *what, int wanted)
{
    int found = strstr(report, what) != NULL;

    CHECK(found == wanted);
    if (found != wanted) {
        fprintf(stderr, "  report %s \"%s\"\n", wanted ? "lacks" : "has", what);
    }
}

static void test_report(void)
{
    char buf[1024], small[8];
    size_t len = citadel_config_report(buf, sizeof(buf));

    CHECK(len > 0 && len < sizeof(buf));
    CHECK(strlen(buf) == len);
    printf("config: %s\n", buf);

    /* snprintf-like: truncated but terminated, and the needed length is returned. */
    memset(small, 'x', sizeof(small));
    CHECK(citadel_config_report(small, sizeof(small)) == len);
    CHECK(small[sizeof(small) - 1] == '\0');
    CHECK(strncmp(small, buf, sizeof(small) - 1) == 0);
    CHECK(citadel_config_report(NULL, 0) == len);

    expect_in_report(buf, " MD5", FAM_MD5);
    expect_in_report(buf, "RIPEMD-160", FAM_RIPEMD160);
    expect_in_report(buf, "SHA-1", FAM_SHA1);
    expect_in_report(buf, "SHA-224/256", FAM_SHA256);
    expect_in_report(buf, "SHA-384/512", FAM_SHA512);
    expect_in_report(buf, "SHA-3", FAM_SHA3);
    expect_in_report(buf, "HMAC", WANT_HMAC);
    expect_in_report(buf, " CMAC", WANT_CMAC);
    expect_in_report(buf, "CBC-MAC", WANT_CBC_MAC);
#if defined(PSA_WANT_ALG_GCM)
    expect_in_report(buf, " GCM", 1);
#else
    expect_in_report(buf, " GCM", 0);
#endif
}

int main(void)
{
    CHECK_STATUS(psa_crypto_init(), PSA_SUCCESS);
    test_report();
    test_hashes();
    test_xofs();
    test_hmac();
    test_block_cipher_macs();
    /* Once more on the portable code only. */
    citadel_set_accelerators(0);
    test_hashes();
    test_hmac();
    test_block_cipher_macs();
    citadel_set_accelerators(1);
    test_key_types();
    return cit_test_end("config");
}
