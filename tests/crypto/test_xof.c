/*
 * test_xof.c - the XOF API (psa_xof_*) for SHAKE128 and SHAKE256 at the PSA
 * level, on both driver paths: NIST CAVP SHAKE vectors (variable output,
 * short and long messages), differential against OpenSSL with random input
 * splits and random output chunking, and the operation state machine
 * (update after output, set_context rules, invalid and unsupported
 * algorithms, initialization methods).
 */
#include <psa/crypto.h>
#include <citadel/citadel.h>
#include <citadel/citadel_config.h>

#include "test.h"

#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

/* Hashes are built per family: SHAKE128/256 come with any SHA-3 family member. */
#if defined(PSA_WANT_ALG_SHA3_224) || defined(PSA_WANT_ALG_SHA3_256) || \
    defined(PSA_WANT_ALG_SHA3_384) || defined(PSA_WANT_ALG_SHA3_512) || \
    defined(PSA_WANT_ALG_SHAKE128_256) || defined(PSA_WANT_ALG_SHAKE256_192) || \
    defined(PSA_WANT_ALG_SHAKE256_256) || defined(PSA_WANT_ALG_SHAKE256_512) || \
    defined(PSA_WANT_ALG_SHAKE128) || defined(PSA_WANT_ALG_SHAKE256)
#define SHA3_FAMILY_BUILT 1
#endif

/* Differential cases per algorithm per driver path. */
#define DIFF_CASES 1000
#define DIFF_MAX_IN 3000
#define DIFF_MAX_OUT 1500

typedef struct {
    psa_algorithm_t alg;
    const char *name;
    const char *ossl_name;
    size_t rate;
    const char *cavp; /* file stem under nist/cavp/shs/SHAKE/ */
    EVP_MD *md;
} xof_info_t;

static xof_info_t xofs[] = {
#if defined(PSA_WANT_ALG_SHAKE128)
    { PSA_ALG_SHAKE128, "SHAKE128", "SHAKE128", 168, "SHAKE128", NULL },
#endif
#if defined(PSA_WANT_ALG_SHAKE256)
    { PSA_ALG_SHAKE256, "SHAKE256", "SHAKE256", 136, "SHAKE256", NULL },
#endif
    { 0, NULL, NULL, 0, NULL, NULL }
};

typedef struct {
    unsigned long cavp;
    unsigned long diff;
} counts_t;

static counts_t counts[sizeof(xofs) / sizeof(xofs[0])];
static int vectors_missing;
static const char *missing_reason = "";

static psa_status_t xof_feed(psa_xof_operation_t *op, const uint8_t *in, size_t len, size_t rate)
{
    cit_test_split_t s;
    size_t i, off = 0;

    cit_test_make_split(&s, len, rate);
    for (i = 0; i < s.n; i++) {
        const uint8_t *p = (s.len[i] == 0 && cit_test_rnd(2) == 0) ? NULL : in + off;
        psa_status_t status = psa_xof_update(op, p, s.len[i]);

        if (status != PSA_SUCCESS) {
            return status;
        }
        off += s.len[i];
    }
    return off == len ? PSA_SUCCESS : PSA_ERROR_CORRUPTION_DETECTED;
}

static psa_status_t xof_extract(psa_xof_operation_t *op, uint8_t *out, size_t len, size_t rate)
{
    cit_test_split_t s;
    size_t i, off = 0;

    cit_test_make_split(&s, len, rate);
    for (i = 0; i < s.n; i++) {
        uint8_t *p = (s.len[i] == 0 && cit_test_rnd(2) == 0) ? NULL : out + off;
        psa_status_t status = psa_xof_output(op, p, s.len[i]);

        if (status != PSA_SUCCESS) {
            return status;
        }
        off += s.len[i];
    }
    return off == len ? PSA_SUCCESS : PSA_ERROR_CORRUPTION_DETECTED;
}

/* setup, input in random pieces, output in random chunks. */
static psa_status_t xof_run(const xof_info_t *x, const uint8_t *in, size_t in_len, uint8_t *out,
                            size_t out_len, int chunked)
{
    psa_xof_operation_t op = PSA_XOF_OPERATION_INIT;
    psa_status_t status = psa_xof_setup(&op, x->alg);

    if (status == PSA_SUCCESS) {
        status = xof_feed(&op, in, in_len, x->rate);
    }
    if (status == PSA_SUCCESS) {
        status = chunked ? xof_extract(&op, out, out_len, x->rate)
                         : psa_xof_output(&op, out, out_len);
    }
    CHECK_STATUS(psa_xof_abort(&op), PSA_SUCCESS);
    return status;
}

static int oracle(const xof_info_t *x, const uint8_t *in, size_t in_len, uint8_t *out,
                  size_t out_len)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    int ok = ctx != NULL && EVP_DigestInit_ex(ctx, x->md, NULL) == 1 &&
             EVP_DigestUpdate(ctx, in, in_len) == 1 &&
             (out_len == 0 || EVP_DigestFinalXOF(ctx, out, out_len) == 1);

    EVP_MD_CTX_free(ctx);
    CHECK(ok);
    return ok;
}

/* ---- NIST vectors ---- */

typedef struct {
    const xof_info_t *x;
    counts_t *c;
} kat_ctx_t;

static void kat_record(const cit_rsp_record_t *rec, void *arg)
{
    const kat_ctx_t *k = (const kat_ctx_t *)arg;
    const char *msg_s = cit_rsp_get(rec, "Msg");
    const char *out_s = cit_rsp_get(rec, "Output");
    const char *len_s = cit_rsp_get(rec, "Len"); /* Short/LongMsg: input bits */
    uint8_t *msg, *want, *got;
    size_t msg_len = 0, want_len = 0;

    if (msg_s == NULL || out_s == NULL) {
        return;
    }
    msg = cit_hex_decode(msg_s, &msg_len);
    want = cit_hex_decode(out_s, &want_len);
    got = (uint8_t *)malloc(want_len + 1);
    CHECK(msg != NULL && want != NULL && got != NULL);
    if (msg != NULL && want != NULL && got != NULL) {
        if (len_s != NULL) {
            size_t bits = (size_t)strtoul(len_s, NULL, 10);
            CHECK(bits % 8 == 0 && bits / 8 <= msg_len);
            msg_len = bits / 8;
        }
        /* Outputlen (bits), when present, must match the Output field. */
        if (cit_rsp_get(rec, "Outputlen") != NULL) {
            CHECK((size_t)strtoul(cit_rsp_get(rec, "Outputlen"), NULL, 10) == 8 * want_len);
        }
        CHECK_STATUS(xof_run(k->x, msg, msg_len, got, want_len, 0), PSA_SUCCESS);
        CHECK_MEM(got, want, want_len);
        memset(got, 0, want_len);
        CHECK_STATUS(xof_run(k->x, msg, msg_len, got, want_len, 1), PSA_SUCCESS);
        CHECK_MEM(got, want, want_len);
        k->c->cavp++;
    }
    free(msg);
    free(want);
    free(got);
}

static void test_vectors(void)
{
    static const char *const kinds[] = { "VariableOut.rsp", "ShortMsg.rsp", "LongMsg.rsp",
                                         "LongMsg_first24.rsp" };
    char rel[160];
    size_t i, k;
    char *dir = cit_vector_path("nist/cavp/shs/SHAKE");

    if (dir == NULL) {
        vectors_missing = 1;
        missing_reason = "vector folder nist/cavp/shs/SHAKE not found (set CIT_VECTORS_DIR)";
        return;
    }
    free(dir);
    for (i = 0; xofs[i].name != NULL; i++) {
        int long_done = 0;

        for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
            kat_ctx_t ctx;
            char *path;
            int is_long = strncmp(kinds[k], "LongMsg", 7) == 0;

            if (is_long && long_done) {
                continue;
            }
            snprintf(rel, sizeof(rel), "nist/cavp/shs/SHAKE/%s%s", xofs[i].cavp, kinds[k]);
            path = cit_vector_path(rel);
            if (path == NULL) {
                if (!is_long || k == sizeof(kinds) / sizeof(kinds[0]) - 1) {
                    fprintf(stderr, "FAIL: vector file %s not found\n", rel);
                    CHECK(path != NULL);
                }
                continue;
            }
            ctx.x = &xofs[i];
            ctx.c = &counts[i];
            CHECK(cit_rsp_foreach(path, kat_record, &ctx) > 0);
            free(path);
            if (is_long) {
                long_done = 1;
            }
        }
    }
}

/* ---- Differential ---- */

static void test_differential(void)
{
    size_t i;
    int n;

    for (i = 0; xofs[i].name != NULL; i++) {
        const xof_info_t *x = &xofs[i];

        if (x->md == NULL) {
            printf("  note: %s differential skipped (no OpenSSL %s)\n", x->name, x->ossl_name);
            continue;
        }
        for (n = 0; n < DIFF_CASES; n++) {
            size_t in_len = cit_test_rnd(3) == 0 ? cit_test_rnd(DIFF_MAX_IN + 1) : cit_test_rnd(400);
            size_t out_len = cit_test_rnd(4) == 0 ? cit_test_rnd(DIFF_MAX_OUT + 1) : cit_test_rnd(300);
            uint8_t *in = (uint8_t *)malloc(in_len + 1);
            uint8_t *want = (uint8_t *)malloc(out_len + 1);
            uint8_t *got = (uint8_t *)malloc(out_len + 1);
            uint8_t *got2 = (uint8_t *)malloc(out_len + 1);

            if (in == NULL || want == NULL || got == NULL || got2 == NULL) {
                CHECK(0);
                free(in), free(want), free(got), free(got2);
                return;
            }
            cit_test_rand_bytes(in, in_len);
            if (oracle(x, in, in_len, want, out_len)) {
                /* One output call, then several: both equal the oracle. */
                CHECK_STATUS(xof_run(x, in, in_len, got, out_len, 0), PSA_SUCCESS);
                CHECK_MEM(got, want, out_len);
                CHECK_STATUS(xof_run(x, in, in_len, got2, out_len, 1), PSA_SUCCESS);
                CHECK_MEM(got2, want, out_len);
                counts[i].diff += 2;
            }
            free(in), free(want), free(got), free(got2);
        }
        /* A long stream in odd-sized chunks crosses many rate boundaries. */
        {
            size_t out_len = 20 * x->rate + 13, off = 0;
            uint8_t in[37];
            uint8_t *want = (uint8_t *)malloc(out_len), *got = (uint8_t *)malloc(out_len);
            psa_xof_operation_t op = PSA_XOF_OPERATION_INIT;

            if (want != NULL && got != NULL) {
                cit_test_rand_bytes(in, sizeof(in));
                oracle(x, in, sizeof(in), want, out_len);
                CHECK_STATUS(psa_xof_setup(&op, x->alg), PSA_SUCCESS);
                CHECK_STATUS(psa_xof_update(&op, in, sizeof(in)), PSA_SUCCESS);
                while (off < out_len) {
                    size_t piece = 1 + cit_test_rnd(x->rate + 7);
                    if (piece > out_len - off) {
                        piece = out_len - off;
                    }
                    CHECK_STATUS(psa_xof_output(&op, got + off, piece), PSA_SUCCESS);
                    off += piece;
                }
                CHECK_MEM(got, want, out_len);
                CHECK_STATUS(psa_xof_abort(&op), PSA_SUCCESS);
                counts[i].diff++;
            }
            free(want);
            free(got);
        }
    }
}

/* ---- State machine ---- */

static void test_state_machine(void)
{
    static const psa_algorithm_t invalid[] = {
        0,
        PSA_ALG_SHA_256,
        PSA_ALG_SHAKE256_512,
        PSA_ALG_SHA3_256,
        PSA_ALG_HMAC(PSA_ALG_SHA_256),
        PSA_ALG_CMAC,
        PSA_ALG_ANY_HASH,
    };
    static const psa_algorithm_t unsupported[] = { PSA_ALG_ASCON_XOF128, PSA_ALG_ASCON_CXOF128 };
    uint8_t in[64], out[64], out2[64];
    size_t i;

    cit_test_rand_bytes(in, sizeof(in));
    for (i = 0; i < sizeof(invalid) / sizeof(invalid[0]); i++) {
        psa_xof_operation_t op = PSA_XOF_OPERATION_INIT;

        CHECK_STATUS(psa_xof_setup(&op, invalid[i]), PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_xof_update(&op, in, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_xof_abort(&op), PSA_SUCCESS);
    }
    for (i = 0; i < sizeof(unsupported) / sizeof(unsupported[0]); i++) {
        psa_xof_operation_t op = PSA_XOF_OPERATION_INIT;

        CHECK_STATUS(psa_xof_setup(&op, unsupported[i]), PSA_ERROR_NOT_SUPPORTED);
        CHECK_STATUS(psa_xof_output(&op, out, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_xof_abort(&op), PSA_SUCCESS);
    }
#if !defined(SHA3_FAMILY_BUILT)
    /* No member of the SHA-3 family is wanted: SHAKE is not built. */
    {
        psa_xof_operation_t op = PSA_XOF_OPERATION_INIT;
        CHECK_STATUS(psa_xof_setup(&op, PSA_ALG_SHAKE128), PSA_ERROR_NOT_SUPPORTED);
        CHECK_STATUS(psa_xof_setup(&op, PSA_ALG_SHAKE256), PSA_ERROR_NOT_SUPPORTED);
        CHECK_STATUS(psa_xof_abort(&op), PSA_SUCCESS);
    }
#endif

    for (i = 0; xofs[i].name != NULL; i++) {
        const xof_info_t *x = &xofs[i];
        psa_xof_operation_t op = PSA_XOF_OPERATION_INIT;
        psa_xof_operation_t op2 = psa_xof_operation_init();
        psa_xof_operation_t op3;
        uint8_t want[64];

        memset(want, 0, sizeof(want));
        if (x->md != NULL) {
            oracle(x, in, sizeof(in), want, sizeof(want));
        }
        memset(&op3, 0, sizeof(op3));
        /* Inactive objects, however initialized. */
        CHECK_STATUS(psa_xof_update(&op, in, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_xof_output(&op2, out, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_xof_set_context(&op3, in, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_xof_abort(&op), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_abort(&op), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_setup(&op2, x->alg), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_setup(&op3, x->alg), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_abort(&op2), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_abort(&op3), PSA_SUCCESS);

        /* Setup on an active operation: BAD_STATE, the operation is unchanged. */
        CHECK_STATUS(psa_xof_setup(&op, x->alg), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_update(&op, in, 20), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_setup(&op, x->alg), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_xof_setup(&op, PSA_ALG_SHA_256), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_xof_update(&op, in + 20, sizeof(in) - 20), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_output(&op, out, 10), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_output(&op, out + 10, sizeof(out) - 10), PSA_SUCCESS);
        if (x->md != NULL) {
            CHECK_MEM(out, want, sizeof(out));
        }
        /* Update after output: BAD_STATE, then the error state (output fails too). */
        CHECK_STATUS(psa_xof_update(&op, in, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_xof_output(&op, out2, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_xof_update(&op, in, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_xof_setup(&op, x->alg), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_xof_abort(&op), PSA_SUCCESS);

        /* A zero-length output still ends the input phase. */
        CHECK_STATUS(psa_xof_setup(&op, x->alg), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_update(&op, in, sizeof(in)), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_output(&op, NULL, 0), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_update(&op, in, 0), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_xof_abort(&op), PSA_SUCCESS);

        /* Output without any update: the XOF of the empty string. */
        if (x->md != NULL) {
            uint8_t empty_want[40];
            oracle(x, NULL, 0, empty_want, sizeof(empty_want));
            CHECK_STATUS(psa_xof_setup(&op, x->alg), PSA_SUCCESS);
            CHECK_STATUS(psa_xof_output(&op, out, sizeof(empty_want)), PSA_SUCCESS);
            CHECK_MEM(out, empty_want, sizeof(empty_want));
            CHECK_STATUS(psa_xof_abort(&op), PSA_SUCCESS);
        }

        /* set_context on SHAKE (no context): INVALID_ARGUMENT, then the error state. */
        CHECK(!PSA_ALG_XOF_HAS_CONTEXT(x->alg));
        CHECK_STATUS(psa_xof_setup(&op, x->alg), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_set_context(&op, in, 8), PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_xof_update(&op, in, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_xof_output(&op, out, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_xof_abort(&op), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_setup(&op, x->alg), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_set_context(&op, NULL, 0), PSA_ERROR_INVALID_ARGUMENT);
        CHECK_STATUS(psa_xof_abort(&op), PSA_SUCCESS);
        /* set_context after update / after output: BAD_STATE, then the error state. */
        CHECK_STATUS(psa_xof_setup(&op, x->alg), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_update(&op, in, 3), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_set_context(&op, in, 8), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_xof_update(&op, in, 1), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_xof_abort(&op), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_setup(&op, x->alg), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_update(&op, NULL, 0), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_set_context(&op, in, 8), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_xof_abort(&op), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_setup(&op, x->alg), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_output(&op, out, 4), PSA_SUCCESS);
        CHECK_STATUS(psa_xof_set_context(&op, in, 8), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_xof_output(&op, out, 4), PSA_ERROR_BAD_STATE);
        CHECK_STATUS(psa_xof_abort(&op), PSA_SUCCESS);

        /* After abort the object is reusable and independent of the past. */
        if (x->md != NULL) {
            CHECK_STATUS(psa_xof_setup(&op, x->alg), PSA_SUCCESS);
            CHECK_STATUS(psa_xof_update(&op, in, sizeof(in)), PSA_SUCCESS);
            CHECK_STATUS(psa_xof_output(&op, out, sizeof(out)), PSA_SUCCESS);
            CHECK_MEM(out, want, sizeof(out));
            CHECK_STATUS(psa_xof_abort(&op), PSA_SUCCESS);
        }
    }
}

int main(void)
{
    size_t i;
    int path;

    CHECK_STATUS(psa_crypto_init(), PSA_SUCCESS);
    for (i = 0; xofs[i].name != NULL; i++) {
        xofs[i].md = EVP_MD_fetch(NULL, xofs[i].ossl_name, NULL);
        if (xofs[i].md == NULL) {
            printf("note: OpenSSL has no %s: differential skipped\n", xofs[i].ossl_name);
        }
    }
    if (xofs[0].name == NULL) {
        printf("note: no XOF in this configuration: only the error paths are tested\n");
    }
    for (path = 1; path >= 0; path--) {
        citadel_set_accelerators(path);
        cit_test_rand_seed(0x584f46u + (uint64_t)path);
        printf("== driver path: %s\n", path ? "accelerators enabled" : "builtin only");
        test_vectors();
        test_differential();
        test_state_machine();
        printf("   checks so far: %lu, failures: %lu\n", cit_test_checks, cit_test_failures);
    }
    citadel_set_accelerators(1);
    for (i = 0; xofs[i].name != NULL; i++) {
        printf("  %-9s NIST vectors %5lu (x2 output styles), differential %5lu\n",
               xofs[i].name, counts[i].cavp, counts[i].diff);
        EVP_MD_free(xofs[i].md);
    }
    if (vectors_missing && cit_test_failures == 0) {
        cit_test_end("xof_api");
        cit_test_skip(missing_reason);
    }
    return cit_test_end("xof_api");
}
