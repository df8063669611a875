/*
 * test_cmac.c - CMAC (cmac.c) and CBC-MAC (cbc_mac.c) over AES: the
 * SP 800-38B / RFC 4493 examples, Wycheproof aes_cmac_test.json, and
 * differential tests against OpenSSL (EVP_MAC "CMAC"; AES-CBC with a zero
 * IV for CBC-MAC) with random keys, messages and update splits; and the
 * portable AES context's CBC chaining (cbc_mac) against its encrypt.
 */
#include "primitives.h"
#include "test.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

/* ---- Helpers ---- */

static int is_zero(const void *p, size_t n)
{
    const uint8_t *b = (const uint8_t *)p;
    uint8_t acc = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        acc |= b[i];
    }
    return acc == 0;
}

/* feed_split passes msg to update in random-sized pieces (including empty ones). */
static void feed_split(void (*update)(void *ctx, const uint8_t *in, size_t in_len), void *ctx,
                       const uint8_t *msg, size_t msg_len)
{
    size_t off = 0;

    while (off < msg_len) {
        size_t n = cit_test_rand() % (msg_len - off + 1);
        if (cit_test_rand() % 3 == 0) {
            n = n % 17;
        }
        update(ctx, msg + off, n);
        off += n;
    }
    update(ctx, msg + off, 0);
}

static void cmac_update_cb(void *ctx, const uint8_t *in, size_t in_len)
{
    cit_cmac_update((cit_cmac_ctx_t *)ctx, in, in_len);
}

static void cbc_mac_update_cb(void *ctx, const uint8_t *in, size_t in_len)
{
    cit_cbc_mac_update((cit_cbc_mac_ctx_t *)ctx, in, in_len);
}

/* cmac_compute: split != 0 feeds the message in random pieces. */
static void cmac_compute(const uint8_t *key, size_t key_len, const uint8_t *msg, size_t msg_len,
                         int split, uint8_t tag[16])
{
    cit_cmac_ctx_t ctx;

    CHECK(cit_aes_ct_init(&ctx.aes, key, key_len) == 0);
    cit_cmac_start(&ctx);
    if (split) {
        feed_split(cmac_update_cb, &ctx, msg, msg_len);
    } else {
        cit_cmac_update(&ctx, msg, msg_len);
    }
    cit_cmac_finish(&ctx, tag);
    CHECK(is_zero(&ctx, sizeof(ctx)));
}

/* ---- SP 800-38B / RFC 4493 examples ---- */

typedef struct {
    const char *key;
    const char *msg;
    const char *tag;
} cmac_kat_t;

static const cmac_kat_t kats[] = {
    /* SP 800-38B AES-128 example 1 (0-byte message) */
    {
        "2b7e151628aed2a6abf7158809cf4f3c",
        "",
        "bb1d6929e95937287fa37d129b756746",
    },
    /* SP 800-38B AES-128 example 2 (16-byte message) */
    {
        "2b7e151628aed2a6abf7158809cf4f3c",
        "6bc1bee22e409f96e93d7e117393172a",
        "070a16b46b4d4144f79bdd9dd04a287c",
    },
    /* SP 800-38B AES-128 example 3 (40-byte message) */
    {
        "2b7e151628aed2a6abf7158809cf4f3c",
        "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411",
        "dfa66747de9ae63030ca32611497c827",
    },
    /* SP 800-38B AES-128 example 4 (64-byte message) */
    {
        "2b7e151628aed2a6abf7158809cf4f3c",
        "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc119"
        "1a0a52eff69f2445df4f9b17ad2b417be66c3710",
        "51f0bebf7e3b9d92fc49741779363cfe",
    },
    /* SP 800-38B AES-192 example 1 (0-byte message) */
    {
        "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
        "",
        "d17ddf46adaacde531cac483de7a9367",
    },
    /* SP 800-38B AES-192 example 2 (16-byte message) */
    {
        "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
        "6bc1bee22e409f96e93d7e117393172a",
        "9e99a7bf31e710900662f65e617c5184",
    },
    /* SP 800-38B AES-192 example 3 (40-byte message) */
    {
        "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
        "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411",
        "8a1de5be2eb31aad089a82e6ee908b0e",
    },
    /* SP 800-38B AES-192 example 4 (64-byte message) */
    {
        "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
        "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc119"
        "1a0a52eff69f2445df4f9b17ad2b417be66c3710",
        "a1d5df0eed790f794d77589659f39a11",
    },
    /* SP 800-38B AES-256 example 1 (0-byte message) */
    {
        "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
        "",
        "028962f61b7bf89efc6b551f4667d983",
    },
    /* SP 800-38B AES-256 example 2 (16-byte message) */
    {
        "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
        "6bc1bee22e409f96e93d7e117393172a",
        "28a7023f452e8f82bd4bf28d8c37c35c",
    },
    /* SP 800-38B AES-256 example 3 (40-byte message) */
    {
        "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
        "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411",
        "aaf3d8f1de5640c232f5b169b9c911e6",
    },
    /* SP 800-38B AES-256 example 4 (64-byte message) */
    {
        "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
        "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc119"
        "1a0a52eff69f2445df4f9b17ad2b417be66c3710",
        "e1992190549f6ed5696a2c056c315410",
    },
};

static void test_kats(void)
{
    /* RFC 4493 section 4: subkeys of the AES-128 example key. */
    static const uint8_t key128[16] = {
        0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6,
        0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c,
    };
    static const uint8_t k1[16] = {
        0xfb, 0xee, 0xd6, 0x18, 0x35, 0x71, 0x33, 0x66,
        0x7c, 0x85, 0xe0, 0x8f, 0x72, 0x36, 0xa8, 0xde,
    };
    static const uint8_t k2[16] = {
        0xf7, 0xdd, 0xac, 0x30, 0x6a, 0xe2, 0x66, 0xcc,
        0xf9, 0x0b, 0xc1, 0x1e, 0xe4, 0x6d, 0x51, 0x3b,
    };
    cit_cmac_ctx_t ctx;
    size_t i;

    CHECK(cit_aes_ct_init(&ctx.aes, key128, sizeof(key128)) == 0);
    cit_cmac_start(&ctx);
    CHECK_MEM(ctx.k1, k1, 16);
    CHECK_MEM(ctx.k2, k2, 16);
    cit_aes_wipe(&ctx.aes);

    for (i = 0; i < CIT_ARRAY_LEN(kats); i++) {
        size_t key_len, msg_len, tag_len;
        uint8_t *key = cit_hex_decode(kats[i].key, &key_len);
        uint8_t *msg = cit_hex_decode(kats[i].msg, &msg_len);
        uint8_t *tag = cit_hex_decode(kats[i].tag, &tag_len);
        uint8_t out[16];

        CHECK(key != NULL && msg != NULL && tag != NULL && tag_len == 16);
        if (key != NULL && msg != NULL && tag != NULL && tag_len == 16) {
            cmac_compute(key, key_len, msg, msg_len, 0, out);
            CHECK_MEM(out, tag, 16);
            cmac_compute(key, key_len, msg, msg_len, 1, out);
            CHECK_MEM(out, tag, 16);
        }
        free(key);
        free(msg);
        free(tag);
    }
}

/* ---- Wycheproof ---- */

/* run_wycheproof returns the number of tests run, or -1 if the file is missing. */
static long run_wycheproof(void)
{
    char *path = cit_vector_path("wycheproof/testvectors_v1/aes_cmac_test.json");
    cit_json_t *doc;
    const cit_json_t *groups;
    long num_tests = 0;
    size_t g, t;

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
        int key_bits = (int)cit_json_num(grp, "keySize", 0);
        size_t tag_bytes = (size_t)cit_json_num(grp, "tagSize", 0) / 8;

        /* Other key sizes are not AES keys: the AES key setup refuses them. */
        if (key_bits != 128 && key_bits != 192 && key_bits != 256) {
            cit_aes_ctx_t aes;
            uint8_t dummy[40] = { 0 };

            if ((size_t)key_bits / 8 <= sizeof(dummy)) {
                CHECK(cit_aes_ct_init(&aes, dummy, (size_t)key_bits / 8) == -1);
            }
            continue;
        }
        CHECK(tests != NULL && tag_bytes > 0 && tag_bytes <= 16);
        if (tests == NULL || tag_bytes == 0 || tag_bytes > 16) {
            continue;
        }
        for (t = 0; t < tests->count; t++) {
            const cit_json_t *tc = tests->items[t];
            const char *result = cit_json_str(tc, "result");
            size_t key_len, msg_len, tag_len;
            uint8_t *key = cit_hex_decode(cit_json_str(tc, "key"), &key_len);
            uint8_t *msg = cit_hex_decode(cit_json_str(tc, "msg"), &msg_len);
            uint8_t *tag = cit_hex_decode(cit_json_str(tc, "tag"), &tag_len);
            uint8_t out[16];
            int match;

            CHECK(key != NULL && msg != NULL && tag != NULL && result != NULL);
            if (key != NULL && msg != NULL && tag != NULL && result != NULL) {
                CHECK(key_len * 8 == (size_t)key_bits);
                cmac_compute(key, key_len, msg, msg_len, 1, out);
                match = tag_len == tag_bytes && memcmp(out, tag, tag_bytes) == 0;
                if (strcmp(result, "valid") == 0) {
                    CHECK(match);
                    if (!match) {
                        fprintf(stderr, "  aes_cmac tcId %.0f\n", cit_json_num(tc, "tcId", -1));
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

/* ---- AES CBC chaining (cit_aes_ctx_t.cbc_mac) ---- */

/*
 * aes_cbc_one checks that ctx.cbc_mac over num_blocks blocks (misaligned
 * input, random starting state) equals num_blocks calls of encrypt with XOR.
 */
static void aes_cbc_one(size_t key_len, size_t num_blocks)
{
    static uint8_t msg[40 * 16 + 15];
    const uint8_t *in = msg + cit_test_rand() % 16;
    uint8_t key[32];
    uint8_t state[16];
    uint8_t want[16];
    cit_aes_ctx_t ctx;
    size_t b;
    size_t j;

    cit_test_rand_bytes(key, key_len);
    cit_test_rand_bytes(msg, sizeof(msg));
    cit_test_rand_bytes(state, sizeof(state));
    memcpy(want, state, sizeof(want));
    CHECK(cit_aes_ct_init(&ctx, key, key_len) == 0);
    for (b = 0; b < num_blocks; b++) {
        for (j = 0; j < 16; j++) {
            want[j] ^= in[16 * b + j];
        }
        ctx.encrypt(&ctx, want, want, 1);
    }
    ctx.cbc_mac(&ctx, state, in, num_blocks);
    CHECK_MEM(state, want, 16);

    /* Zero blocks leave the state alone and read nothing. */
    ctx.cbc_mac(&ctx, state, NULL, 0);
    CHECK_MEM(state, want, 16);
    cit_aes_wipe(&ctx);
}

static void test_aes_cbc_chain(void)
{
    static const size_t key_lens[3] = { 16, 24, 32 };
    size_t k;
    size_t n;

    for (k = 0; k < 3; k++) {
        for (n = 1; n <= 40; n++) {
            aes_cbc_one(key_lens[k], n);
            aes_cbc_one(key_lens[k], 1 + cit_test_rand() % 40);
        }
    }
}

/* ---- Differential against OpenSSL ---- */

static const char *cbc_cipher_name(size_t key_len)
{
    return key_len == 16 ? "AES-128-CBC" : key_len == 24 ? "AES-192-CBC" : "AES-256-CBC";
}

static void openssl_cmac(const uint8_t *key, size_t key_len, const uint8_t *msg, size_t msg_len,
                         uint8_t tag[16])
{
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "CMAC", NULL);
    EVP_MAC_CTX *ctx = mac != NULL ? EVP_MAC_CTX_new(mac) : NULL;
    OSSL_PARAM params[2];
    size_t tag_len = 0;

    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER,
                                                 (char *)cbc_cipher_name(key_len), 0);
    params[1] = OSSL_PARAM_construct_end();
    CHECK(ctx != NULL);
    if (ctx != NULL) {
        CHECK(EVP_MAC_init(ctx, key, key_len, params) == 1);
        CHECK(EVP_MAC_update(ctx, msg, msg_len) == 1);
        CHECK(EVP_MAC_final(ctx, tag, &tag_len, 16) == 1);
        CHECK(tag_len == 16);
    }
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
}

/* openssl_cbc_last: last block of AES-CBC encryption with a zero IV, no padding. */
static void openssl_cbc_last(const uint8_t *key, size_t key_len, const uint8_t *msg,
                             size_t msg_len, uint8_t last[16])
{
    static const uint8_t iv[16] = { 0 };
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    EVP_CIPHER *cipher = EVP_CIPHER_fetch(NULL, cbc_cipher_name(key_len), NULL);
    uint8_t *ct = (uint8_t *)malloc(msg_len + 16);
    int len = 0;

    CHECK(ctx != NULL && cipher != NULL && ct != NULL);
    if (ctx != NULL && cipher != NULL && ct != NULL) {
        CHECK(EVP_EncryptInit_ex2(ctx, cipher, key, iv, NULL) == 1);
        CHECK(EVP_CIPHER_CTX_set_padding(ctx, 0) == 1);
        CHECK(EVP_EncryptUpdate(ctx, ct, &len, msg, (int)msg_len) == 1);
        CHECK((size_t)len == msg_len);
        memcpy(last, ct + msg_len - 16, 16);
    }
    free(ct);
    EVP_CIPHER_free(cipher);
    EVP_CIPHER_CTX_free(ctx);
}

static void test_cmac_differential(void)
{
    static const size_t key_lens[3] = { 16, 24, 32 };
    static uint8_t msg[700];
    uint8_t key[32];
    uint8_t want[16];
    uint8_t got[16];
    uint8_t got_clone[16];
    int i;

    for (i = 0; i < 2000; i++) {
        size_t key_len = key_lens[i % 3];
        size_t msg_len = cit_test_rand() % (i < 1000 ? 80 : sizeof(msg) + 1);
        cit_cmac_ctx_t ctx;
        cit_cmac_ctx_t clone;
        size_t cut;

        cit_test_rand_bytes(key, key_len);
        cit_test_rand_bytes(msg, msg_len);
        openssl_cmac(key, key_len, msg, msg_len, want);
        cmac_compute(key, key_len, msg, msg_len, 1, got);
        CHECK_MEM(got, want, 16);

        /* A context copied mid-stream continues independently. */
        cut = cit_test_rand() % (msg_len + 1);
        CHECK(cit_aes_ct_init(&ctx.aes, key, key_len) == 0);
        cit_cmac_start(&ctx);
        cit_cmac_update(&ctx, msg, cut);
        memcpy(&clone, &ctx, sizeof(ctx));
        cit_cmac_update(&ctx, msg + cut, msg_len - cut);
        cit_cmac_update(&clone, msg + cut, msg_len - cut);
        cit_cmac_finish(&ctx, got);
        cit_cmac_finish(&clone, got_clone);
        CHECK_MEM(got, want, 16);
        CHECK_MEM(got_clone, want, 16);
    }
}

/* cbc_mac_compute returns cit_cbc_mac_finish's result; the message goes in split. */
static int cbc_mac_compute(const uint8_t *key, size_t key_len, const uint8_t *msg,
                           size_t msg_len, uint8_t tag[16])
{
    cit_cbc_mac_ctx_t ctx;
    int ret;

    CHECK(cit_aes_ct_init(&ctx.aes, key, key_len) == 0);
    cit_cbc_mac_start(&ctx);
    feed_split(cbc_mac_update_cb, &ctx, msg, msg_len);
    ret = cit_cbc_mac_finish(&ctx, tag);
    CHECK(is_zero(&ctx, sizeof(ctx)));
    return ret;
}

static void test_cbc_mac(void)
{
    static const size_t key_lens[3] = { 16, 24, 32 };
    static uint8_t msg[64 * 16];
    uint8_t key[32];
    uint8_t want[16];
    uint8_t got[16];
    int i;

    for (i = 0; i < 1000; i++) {
        size_t key_len = key_lens[i % 3];
        size_t msg_len = 16 * (1 + cit_test_rand() % 64);

        cit_test_rand_bytes(key, key_len);
        cit_test_rand_bytes(msg, msg_len);
        openssl_cbc_last(key, key_len, msg, msg_len, want);
        memset(got, 0, sizeof(got));
        CHECK(cbc_mac_compute(key, key_len, msg, msg_len, got) == 0);
        CHECK_MEM(got, want, 16);
    }

    /* Partial final blocks and the empty message are refused, output untouched. */
    for (i = 0; i < 200; i++) {
        size_t key_len = key_lens[i % 3];
        size_t msg_len = cit_test_rand() % sizeof(msg);

        if (i == 0) {
            msg_len = 0;
        } else if (msg_len % 16 == 0) {
            msg_len++;
        }
        cit_test_rand_bytes(key, key_len);
        cit_test_rand_bytes(msg, msg_len);
        memset(got, 0xa5, sizeof(got));
        CHECK(cbc_mac_compute(key, key_len, msg, msg_len, got) == -1);
        memset(want, 0xa5, sizeof(want));
        CHECK_MEM(got, want, 16);
    }
}

int main(void)
{
    long n;

    cit_test_rand_seed(0x434d4143u);
    test_kats();

    n = run_wycheproof();
    if (n >= 0) {
        CHECK(n > 0);
        printf("wycheproof: %ld AES-CMAC tests\n", n);
    }

    test_aes_cbc_chain();
    test_cmac_differential();
    test_cbc_mac();

    if (n < 0 && cit_test_failures == 0) {
        (void)cit_test_end("test_cmac");
        cit_test_skip("Wycheproof vector file aes_cmac_test.json not found");
    }
    return cit_test_end("test_cmac");
}
