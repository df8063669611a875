/*
 * test_sha512.c - tests for src/drivers/builtin/sha512.c (SHA-384, SHA-512,
 * SHA-512/224, SHA-512/256; FIPS 180-4).
 *
 * 1. Typed-in known answers (FIPS 180 examples: "", "abc", the 448- and
 *    896-bit messages, one million 'a').
 * 2. Properties: random multi-part splits, mid-stream clone by memcpy,
 *    finish wipes the context, update/finish go through ctx->blocks.
 * 3. Differential against OpenSSL libcrypto: every length 0..300 and 2000
 *    random messages of 0..3000 bytes with random splits.
 * 4. NIST CAVP byte-oriented vectors (SHAVS): ShortMsg, LongMsg, Monte.
 */
#include "primitives.h"
#include "test.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

typedef struct {
    const char *name;
    void (*init)(cit_sha512_ctx_t *ctx);
    size_t digest_len;
    const EVP_MD *(*evp)(void);
    const char *cavp;            /* path under nist/cavp/shs/ without suffix */
    const char *kat[5];          /* "", "abc", 448-bit, 896-bit, 10^6 'a' */
} alg_t;

static const alg_t algs[] = {
    {"SHA-384", cit_sha384_init, 48, EVP_sha384, "SHA2/SHA384",
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
    {"SHA-512", cit_sha512_init, 64, EVP_sha512, "SHA2/SHA512",
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
    {"SHA-512/224", cit_sha512_224_init, 28, EVP_sha512_224, "SHA2/SHA512_224",
     {"6ed0dd02806fa89e25de060c19d3ac86cabb87d6a0ddd05c333b84f4",
      "4634270f707b6a54daae7530460842e20e37ed265ceee9a43e8924aa",
      "e5302d6d54bb242275d1e7622d68df6eb02dedd13f564c13dbda2174",
      "23fec5bb94d60b23308192640b0c453335d664734fe40e7268674af9",
      "37ab331d76f0d36de422bd0edeb22a28accd487b7a8453ae965dd287"}},
    {"SHA-512/256", cit_sha512_256_init, 32, EVP_sha512_256, "SHA2/SHA512_256",
     {"c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a",
      "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23",
      "bde8e1f9f19bb9fd3406c90ec6bc47bd36d8ada9f11880dbc8a22a7078b6a461",
      "3928e184fb8690f840da3988121d31be65cb9d3ef83ee6146feac861e19b563a",
      "9a59a052930187a97038cae692f30708aa6491923ef5194394dc68d56c74fb21"}},
};

static const char *const kat_msgs[4] = {
    "", "abc", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
    "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
    "klmnopqrlmnopqrsmnopqrstnopqrstu",
};

static size_t blocks_seen;

/* counting_blocks stands in for an accelerator's compression function. */
static void counting_blocks(uint64_t *state, const uint8_t *data, size_t num_blocks)
{
    blocks_seen += num_blocks;
    cit_sha512_blocks(state, data, num_blocks);
}

static void hash_oneshot(const alg_t *alg, const uint8_t *in, size_t in_len, uint8_t *out)
{
    cit_sha512_ctx_t ctx;

    alg->init(&ctx);
    cit_sha512_update(&ctx, in, in_len);
    cit_sha512_finish(&ctx, out, alg->digest_len);
}

/* update_random_split: absorbs in[0..in_len) in random-sized chunks (zero allowed). */
static void update_random_split(cit_sha512_ctx_t *ctx, const uint8_t *in, size_t in_len)
{
    size_t done = 0;

    while (done < in_len) {
        size_t n = cit_test_rand() % 200;
        if (n > in_len - done) {
            n = in_len - done;
        }
        cit_sha512_update(ctx, in + done, n);
        done += n;
    }
}

static void check_hex(const uint8_t *got, const char *hex)
{
    size_t len = 0;
    uint8_t *want = cit_hex_decode(hex, &len);

    CHECK(want != NULL);
    if (want != NULL) {
        CHECK_MEM(got, want, len);
    }
    free(want);
}

static void test_known_answers(const alg_t *alg)
{
    uint8_t out[64];
    uint8_t *mil = (uint8_t *)malloc(1000000);
    cit_sha512_ctx_t ctx;
    size_t i;

    for (i = 0; i < 4; i++) {
        hash_oneshot(alg, (const uint8_t *)kat_msgs[i], strlen(kat_msgs[i]), out);
        check_hex(out, alg->kat[i]);
    }
    CHECK(mil != NULL);
    if (mil == NULL) {
        return;
    }
    memset(mil, 'a', 1000000);
    hash_oneshot(alg, mil, 1000000, out);
    check_hex(out, alg->kat[4]);
    /* The same million bytes fed one at a time. */
    alg->init(&ctx);
    for (i = 0; i < 1000000; i++) {
        cit_sha512_update(&ctx, mil + i, 1);
    }
    cit_sha512_finish(&ctx, out, alg->digest_len);
    check_hex(out, alg->kat[4]);
    free(mil);
}

static void test_properties(const alg_t *alg)
{
    static const uint8_t zero[sizeof(cit_sha512_ctx_t)];
    uint8_t msg[1000], want[64], got[64], got2[64];
    cit_sha512_ctx_t ctx, clone;
    int iter;

    for (iter = 0; iter < 200; iter++) {
        size_t len = cit_test_rand() % sizeof(msg);
        size_t cut = (len == 0) ? 0 : cit_test_rand() % (len + 1);

        cit_test_rand_bytes(msg, len);
        hash_oneshot(alg, msg, len, want);

        alg->init(&ctx);
        CHECK(ctx.blocks == cit_sha512_blocks);
        update_random_split(&ctx, msg, cut);
        memcpy(&clone, &ctx, sizeof(ctx));
        update_random_split(&ctx, msg + cut, len - cut);
        update_random_split(&clone, msg + cut, len - cut);
        cit_sha512_finish(&ctx, got, alg->digest_len);
        cit_sha512_finish(&clone, got2, alg->digest_len);
        CHECK_MEM(got, want, alg->digest_len);
        CHECK_MEM(got2, want, alg->digest_len);
        CHECK_MEM(&ctx, zero, sizeof(ctx));

        /* A substituted compression function is used for every block, padding included. */
        alg->init(&ctx);
        ctx.blocks = counting_blocks;
        blocks_seen = 0;
        update_random_split(&ctx, msg, len);
        cit_sha512_finish(&ctx, got, alg->digest_len);
        CHECK_MEM(got, want, alg->digest_len);
        CHECK(blocks_seen == (len + 16) / 128 + 1);
    }
}

/* openssl_digest: the OpenSSL result for in[0..in_len). Returns 0 on success. */
static int openssl_digest(const alg_t *alg, const uint8_t *in, size_t in_len, uint8_t *out)
{
    unsigned int n = 0;

    return EVP_Digest(in, in_len, out, &n, alg->evp(), NULL) == 1 &&
                   n == alg->digest_len ? 0 : -1;
}

static void test_differential(const alg_t *alg)
{
    uint8_t *msg = (uint8_t *)malloc(3001);
    uint8_t want[64], got[64];
    cit_sha512_ctx_t ctx;
    size_t len;
    int iter;

    CHECK(msg != NULL);
    if (msg == NULL) {
        free(msg);
        return;
    }
    for (len = 0; len <= 300; len++) {
        cit_test_rand_bytes(msg, len);
        CHECK(openssl_digest(alg, msg, len, want) == 0);
        hash_oneshot(alg, msg, len, got);
        CHECK_MEM(got, want, alg->digest_len);
    }
    for (iter = 0; iter < 2000; iter++) {
        len = cit_test_rand() % 3001;
        cit_test_rand_bytes(msg, len);
        CHECK(openssl_digest(alg, msg, len, want) == 0);
        alg->init(&ctx);
        update_random_split(&ctx, msg, len);
        cit_sha512_finish(&ctx, got, alg->digest_len);
        CHECK_MEM(got, want, alg->digest_len);
    }
    free(msg);
}

typedef struct {
    const alg_t *alg;
    uint8_t seed[64];
    int have_seed;
    long done;
} cavp_state_t;

static void cavp_msg_cb(const cit_rsp_record_t *rec, void *arg)
{
    cavp_state_t *st = (cavp_state_t *)arg;
    const char *len_s = cit_rsp_get(rec, "Len");
    const char *msg_s = cit_rsp_get(rec, "Msg");
    const char *md_s = cit_rsp_get(rec, "MD");
    uint8_t *msg;
    uint8_t out[64];
    size_t msg_len = 0;
    unsigned long bits;

    if (len_s == NULL || msg_s == NULL || md_s == NULL) {
        return;
    }
    bits = strtoul(len_s, NULL, 10);
    msg = cit_hex_decode(msg_s, &msg_len);
    CHECK(msg != NULL && bits % 8 == 0 && msg_len >= bits / 8);
    if (msg != NULL && msg_len >= bits / 8) {
        hash_oneshot(st->alg, msg, bits / 8, out);
        check_hex(out, md_s);
        st->done++;
    }
    free(msg);
}

/* SHAVS 6.4: each checkpoint MD_j is MD_1002 of a chain started from the previous one. */
static void cavp_monte_cb(const cit_rsp_record_t *rec, void *arg)
{
    cavp_state_t *st = (cavp_state_t *)arg;
    const char *seed_s = cit_rsp_get(rec, "Seed");
    const char *md_s = cit_rsp_get(rec, "MD");
    size_t n = st->alg->digest_len;
    uint8_t m[3 * 64];
    int i;

    if (seed_s != NULL) {
        size_t len = 0;
        uint8_t *seed = cit_hex_decode(seed_s, &len);
        CHECK(seed != NULL && len == n);
        if (seed != NULL && len == n) {
            memcpy(st->seed, seed, n);
            st->have_seed = 1;
        }
        free(seed);
        return;
    }
    if (md_s == NULL || cit_rsp_get(rec, "COUNT") == NULL || !st->have_seed) {
        return;
    }
    /* m holds MD_{i-3} || MD_{i-2} || MD_{i-1}. */
    memcpy(m, st->seed, n);
    memcpy(m + n, st->seed, n);
    memcpy(m + 2 * n, st->seed, n);
    for (i = 3; i < 1003; i++) {
        uint8_t md[64];
        hash_oneshot(st->alg, m, 3 * n, md);
        memmove(m, m + n, 2 * n);
        memcpy(m + 2 * n, md, n);
    }
    memcpy(st->seed, m + 2 * n, n);
    check_hex(st->seed, md_s);
    st->done++;
}

/* test_cavp: returns the number of vector files found for alg. */
static int test_cavp(const alg_t *alg)
{
    static const char *const kinds[3] = {"ShortMsg", "LongMsg_first24", "Monte"};
    int found = 0;
    int k;

    for (k = 0; k < 3; k++) {
        char rel[128];
        char *path;
        cavp_state_t st;

        snprintf(rel, sizeof(rel), "nist/cavp/shs/%s%s.rsp", alg->cavp, kinds[k]);
        path = cit_vector_path(rel);
        if (path == NULL) {
            printf("note: %s not found\n", rel);
            continue;
        }
        memset(&st, 0, sizeof(st));
        st.alg = alg;
        CHECK(cit_rsp_foreach(path, k == 2 ? cavp_monte_cb : cavp_msg_cb, &st) > 0);
        CHECK(st.done > 0);
        printf("%s: %ld %s vectors\n", alg->name, st.done, kinds[k]);
        free(path);
        found++;
    }
    return found;
}

int main(void)
{
    size_t i;
    int found = 0;

    cit_test_rand_seed(0x5348413531320001u);
    for (i = 0; i < CIT_ARRAY_LEN(algs); i++) {
        test_known_answers(&algs[i]);
        test_properties(&algs[i]);
        test_differential(&algs[i]);
        found += test_cavp(&algs[i]);
    }
    if (found == 0 && cit_test_failures == 0) {
        cit_test_skip("no NIST CAVP SHA-2 vectors found (typed-in and OpenSSL checks passed)");
    }
    return cit_test_end("test_sha512");
}
