/*
 * md_test.c - shared checks for the Merkle-Damgard hash unit tests: known
 * answers, multi-part/clone/wipe properties, the OpenSSL differential test
 * and the NIST CAVP (SHAVS) and Len/Msg/MD vector files. Test code only.
 */
#include "md_test.h"

#include "test.h"

#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#define MILLION 1000000

size_t cit_md_test_blocks_seen;

/* The FIPS 180 example messages; cit_md_test_sha_t.fips180 gives their digests. */
static const char *const fips180_msgs[4] = {
    "", "abc", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
    ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
     "klmnopqrlmnopqrsmnopqrstnopqrstu"),
};

/* ctx_new: a context buffer; out of memory ends the test (no check is counted). */
static void *ctx_new(const cit_md_test_alg_t *alg)
{
    void *ctx = calloc(1, alg->ops->ctx_size);

    if (ctx == NULL) {
        fprintf(stderr, "FAIL: out of memory for a %s context\n", alg->name);
        abort();
    }
    return ctx;
}

static void hash_oneshot(const cit_md_test_alg_t *alg, const uint8_t *in, size_t in_len,
                         uint8_t *out)
{
    void *ctx = ctx_new(alg);

    alg->init(ctx);
    alg->ops->update(ctx, in, in_len);
    alg->ops->finish(ctx, out, alg->digest_len);
    free(ctx);
}

/* update_random_split: absorbs in[0..in_len) in random-sized chunks (zero allowed). */
static void update_random_split(const cit_md_test_alg_t *alg, void *ctx, const uint8_t *in,
                                size_t in_len)
{
    size_t done = 0;

    while (done < in_len) {
        size_t n = cit_test_rand() % 200;
        if (n > in_len - done) {
            n = in_len - done;
        }
        alg->ops->update(ctx, in + done, n);
        done += n;
    }
}

/* check_hex: got[0..digest_len) is the hex digest (2 checks). */
static void check_hex(const cit_md_test_alg_t *alg, const uint8_t *got, const char *hex)
{
    size_t len = 0;
    uint8_t *want = cit_hex_decode(hex, &len);

    CHECK(want != NULL && len == alg->digest_len);
    if (want != NULL && len == alg->digest_len) {
        CHECK_MEM(got, want, len);
    }
    free(want);
}

void cit_md_test_known_answer(const cit_md_test_alg_t *alg, const char *msg, const char *md_hex)
{
    uint8_t out[CIT_MD_TEST_MAX_DIGEST];

    hash_oneshot(alg, (const uint8_t *)msg, strlen(msg), out);
    check_hex(alg, out, md_hex);
}

void cit_md_test_million_a(const cit_md_test_alg_t *alg, const char *md_hex)
{
    uint8_t out[CIT_MD_TEST_MAX_DIGEST];
    uint8_t *mil = (uint8_t *)malloc(MILLION);
    void *ctx;
    size_t i;

    CHECK(mil != NULL);
    if (mil == NULL) {
        return;
    }
    memset(mil, 'a', MILLION);
    hash_oneshot(alg, mil, MILLION, out);
    check_hex(alg, out, md_hex);
    /* The same million bytes fed one at a time. */
    ctx = ctx_new(alg);
    alg->init(ctx);
    for (i = 0; i < MILLION; i++) {
        alg->ops->update(ctx, mil + i, 1);
    }
    alg->ops->finish(ctx, out, alg->digest_len);
    check_hex(alg, out, md_hex);
    free(ctx);
    free(mil);
}

void cit_md_test_properties(const cit_md_test_alg_t *alg, int iterations)
{
    const cit_md_test_ops_t *ops = alg->ops;
    uint8_t *zero = (uint8_t *)ctx_new(alg);
    uint8_t *ctx = (uint8_t *)ctx_new(alg);
    uint8_t *clone = (uint8_t *)ctx_new(alg);
    uint8_t msg[1000];
    uint8_t want[CIT_MD_TEST_MAX_DIGEST], got[CIT_MD_TEST_MAX_DIGEST];
    uint8_t got2[CIT_MD_TEST_MAX_DIGEST];
    int iter;

    for (iter = 0; iter < iterations; iter++) {
        size_t len = cit_test_rand() % sizeof(msg);
        size_t cut = (len == 0) ? 0 : cit_test_rand() % (len + 1);

        cit_test_rand_bytes(msg, len);
        hash_oneshot(alg, msg, len, want);

        alg->init(ctx);
        if (ops->blocks_portable != NULL) {
            CHECK(ops->blocks_portable(ctx));
        }
        update_random_split(alg, ctx, msg, cut);
        memcpy(clone, ctx, ops->ctx_size);
        update_random_split(alg, ctx, msg + cut, len - cut);
        update_random_split(alg, clone, msg + cut, len - cut);
        ops->finish(ctx, got, alg->digest_len);
        ops->finish(clone, got2, alg->digest_len);
        CHECK_MEM(got, want, alg->digest_len);
        CHECK_MEM(got2, want, alg->digest_len);
        CHECK_MEM(ctx, zero, ops->ctx_size);

        if (ops->blocks_count == NULL) {
            continue;
        }
        /* A substituted compression function is used for every block, padding included. */
        alg->init(ctx);
        ops->blocks_count(ctx);
        cit_md_test_blocks_seen = 0;
        update_random_split(alg, ctx, msg, len);
        ops->finish(ctx, got, alg->digest_len);
        CHECK_MEM(got, want, alg->digest_len);
        CHECK(cit_md_test_blocks_seen == (len + ops->length_len) / ops->block_len + 1);
    }
    free(clone);
    free(ctx);
    free(zero);
}

/* openssl_digest: 0 if OpenSSL's md gives a digest_len-byte out for in[0..in_len). */
static int openssl_digest(const cit_md_test_alg_t *alg, const EVP_MD *md, const uint8_t *in,
                          size_t in_len, uint8_t *out)
{
    unsigned int n = 0;

    return EVP_Digest(in, in_len, out, &n, md, NULL) == 1 && n == alg->digest_len ? 0 : -1;
}

void cit_md_test_differential(const cit_md_test_alg_t *alg)
{
    uint8_t *msg = (uint8_t *)malloc(3001);
    uint8_t want[CIT_MD_TEST_MAX_DIGEST], got[CIT_MD_TEST_MAX_DIGEST];
    EVP_MD *md = NULL;
    void *ctx;
    size_t len;
    int iter;

    CHECK(msg != NULL);
    if (alg->openssl != NULL) {
        /* OpenSSL 3 may keep e.g. RIPEMD-160 in the legacy provider only. */
        md = EVP_MD_fetch(NULL, alg->openssl, NULL);
        if (md == NULL) {
            printf("note: OpenSSL offers no %s here; differential test skipped\n", alg->openssl);
        }
    }
    if (md == NULL || msg == NULL) {
        EVP_MD_free(md);
        free(msg);
        return;
    }
    for (len = 0; len <= 300; len++) {
        cit_test_rand_bytes(msg, len);
        CHECK(openssl_digest(alg, md, msg, len, want) == 0);
        hash_oneshot(alg, msg, len, got);
        CHECK_MEM(got, want, alg->digest_len);
    }
    ctx = ctx_new(alg);
    for (iter = 0; iter < 2000; iter++) {
        len = cit_test_rand() % 3001;
        cit_test_rand_bytes(msg, len);
        CHECK(openssl_digest(alg, md, msg, len, want) == 0);
        alg->init(ctx);
        update_random_split(alg, ctx, msg, len);
        alg->ops->finish(ctx, got, alg->digest_len);
        CHECK_MEM(got, want, alg->digest_len);
    }
    free(ctx);
    EVP_MD_free(md);
    free(msg);
}

typedef struct {
    const cit_md_test_alg_t *alg;
    uint8_t seed[CIT_MD_TEST_MAX_DIGEST];
    int have_seed;
    long done;
} file_state_t;

static void msg_cb(const cit_rsp_record_t *rec, void *arg)
{
    file_state_t *st = (file_state_t *)arg;
    const char *len_s = cit_rsp_get(rec, "Len");
    const char *msg_s = cit_rsp_get(rec, "Msg");
    const char *md_s = cit_rsp_get(rec, "MD");
    uint8_t out[CIT_MD_TEST_MAX_DIGEST];
    size_t msg_len = 0;
    unsigned long bits;
    uint8_t *msg;

    if (len_s == NULL || msg_s == NULL || md_s == NULL) {
        return;
    }
    bits = strtoul(len_s, NULL, 10);
    msg = cit_hex_decode(msg_s, &msg_len);
    CHECK(msg != NULL && bits % 8 == 0 && msg_len >= bits / 8);
    if (msg != NULL && msg_len >= bits / 8) {
        hash_oneshot(st->alg, msg, bits / 8, out);
        check_hex(st->alg, out, md_s);
        st->done++;
    }
    free(msg);
}

/* SHAVS 6.4: each checkpoint MD_j is MD_1002 of a chain started from the previous one. */
static void monte_cb(const cit_rsp_record_t *rec, void *arg)
{
    file_state_t *st = (file_state_t *)arg;
    const char *seed_s = cit_rsp_get(rec, "Seed");
    const char *md_s = cit_rsp_get(rec, "MD");
    size_t n = st->alg->digest_len;
    uint8_t m[3 * CIT_MD_TEST_MAX_DIGEST];
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
        uint8_t md[CIT_MD_TEST_MAX_DIGEST];
        hash_oneshot(st->alg, m, 3 * n, md);
        memmove(m, m + n, 2 * n);
        memcpy(m + 2 * n, md, n);
    }
    memcpy(st->seed, m + 2 * n, n);
    check_hex(st->alg, st->seed, md_s);
    st->done++;
}

/* run_file: cb over every record of rel (2 checks); records run, or -1 if rel is missing. */
static long run_file(const cit_md_test_alg_t *alg, const char *rel,
                     void (*cb)(const cit_rsp_record_t *rec, void *arg))
{
    char *path = cit_vector_path(rel);
    file_state_t st;

    if (path == NULL) {
        return -1;
    }
    memset(&st, 0, sizeof(st));
    st.alg = alg;
    CHECK(cit_rsp_foreach(path, cb, &st) > 0);
    CHECK(st.done > 0);
    free(path);
    return st.done;
}

long cit_md_test_msg_file(const cit_md_test_alg_t *alg, const char *rel)
{
    return run_file(alg, rel, msg_cb);
}

long cit_md_test_monte_file(const cit_md_test_alg_t *alg, const char *rel)
{
    return run_file(alg, rel, monte_cb);
}

int cit_md_test_shavs(const cit_md_test_alg_t *alg, const char *prefix)
{
    static const char *const kinds[3] = {"ShortMsg", "LongMsg_first24", "Monte"};
    int found = 0;
    int k;

    if (prefix == NULL) {
        return 0;
    }
    for (k = 0; k < 3; k++) {
        char rel[128];
        long done;

        snprintf(rel, sizeof(rel), "nist/cavp/shs/%s%s.rsp", prefix, kinds[k]);
        done = k == 2 ? cit_md_test_monte_file(alg, rel) : cit_md_test_msg_file(alg, rel);
        if (done < 0) {
            printf("note: %s not found\n", rel);
            continue;
        }
        printf("%s: %ld %s vectors\n", alg->name, done, kinds[k]);
        found++;
    }
    return found;
}

int cit_md_test_sha_main(const char *name, const char *family, const cit_md_test_sha_t *algs,
                         size_t num_algs)
{
    int found = 0;
    size_t i, j;

    for (i = 0; i < num_algs; i++) {
        const cit_md_test_alg_t *alg = &algs[i].md;

        for (j = 0; j < 4; j++) {
            cit_md_test_known_answer(alg, fips180_msgs[j], algs[i].fips180[j]);
        }
        cit_md_test_million_a(alg, algs[i].fips180[4]);
        cit_md_test_properties(alg, 200);
        cit_md_test_differential(alg);
        found += cit_md_test_shavs(alg, algs[i].shavs);
    }
    if (found == 0 && cit_test_failures == 0) {
        char why[128];

        snprintf(why, sizeof(why),
                 "no NIST CAVP %s vectors found (typed-in and OpenSSL checks passed)", family);
        cit_test_skip(why);
    }
    return cit_test_end(name);
}

int cit_md_test_plain_main(const char *name, const cit_md_test_plain_t *t)
{
    const char *file = strrchr(t->vectors, '/');
    long done;
    size_t i;

    for (i = 0; i < t->num_kats; i++) {
        cit_md_test_known_answer(&t->md, t->kats[i].msg, t->kats[i].md);
    }
    cit_md_test_million_a(&t->md, t->million_a);
    done = cit_md_test_msg_file(&t->md, t->vectors);
    if (done < 0) {
        printf("note: %s not found; typed-in suite only\n", t->vectors);
    } else {
        printf("%s: %ld vectors from %s\n", t->md.name, done,
               file != NULL ? file + 1 : t->vectors);
    }
    cit_md_test_properties(&t->md, 300);
    cit_md_test_differential(&t->md);
    return cit_test_end(name);
}
