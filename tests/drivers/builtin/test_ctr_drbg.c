/*
 * test_ctr_drbg.c - CTR_DRBG AES-256 with derivation function (ctr_drbg.c):
 * NIST CAVP known answers (including intermediate Key and V values), a
 * differential test against OpenSSL 3's EVP_RAND "CTR-DRBG" (AES-256-CTR,
 * use_derivation_function=1) fed by a "TEST-RAND" parent with the same
 * entropy and nonce, output batching, and the reseed interval.
 */
#include "primitives.h"
#include "test.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>

/* ---- Helpers ---- */

static unsigned long aes_init_calls;

/* counting_aes_init stands in for an alternative (e.g. hardware) AES init. */
static int counting_aes_init(cit_aes_ctx_t *ctx, const uint8_t *key, size_t key_len)
{
    aes_init_calls++;
    return cit_aes_ct_init(ctx, key, key_len);
}

static uint8_t *hex(const char *h, size_t *len)
{
    uint8_t *p = cit_hex_decode(h, len);

    CHECK(p != NULL);
    if (p == NULL) {
        exit(1);
    }
    return p;
}

/* check_key verifies that the DRBG's AES context is keyed with key_hex. */
static void check_key(const cit_ctr_drbg_t *drbg, const char *key_hex)
{
    static const uint8_t probe[16] = { 0 };
    cit_aes_ctx_t ref;
    uint8_t got[16];
    uint8_t want[16];
    size_t key_len;
    uint8_t *key = hex(key_hex, &key_len);

    CHECK(key_len == 32 && cit_aes_ct_init(&ref, key, key_len) == 0);
    ref.encrypt(&ref, probe, want, 1);
    drbg->aes.encrypt(&drbg->aes, probe, got, 1);
    CHECK_MEM(got, want, 16);
    cit_aes_wipe(&ref);
    free(key);
}

static void check_v(const cit_ctr_drbg_t *drbg, const char *v_hex)
{
    size_t v_len;
    uint8_t *v = hex(v_hex, &v_len);

    CHECK(v_len == 16);
    CHECK_MEM(drbg->v, v, 16);
    free(v);
}

static void check_out(const uint8_t *out, size_t out_len, const char *want_hex)
{
    size_t want_len;
    uint8_t *want = hex(want_hex, &want_len);

    CHECK(want_len == out_len);
    CHECK_MEM(out, want, out_len);
    free(want);
}

/* ---- NIST CAVP known answers, [AES-256 use df] ---- */

/*
 * [PredictionResistance = False], [PersonalizationStringLen = 0],
 * [AdditionalInputLen = 0 / 256], [ReturnedBitsLen = 512], COUNT = 0: the
 * older CAVP format with the internal state after each step and the returned
 * bits of the second generate call.
 */
static void test_kat_no_reseed(int with_additional)
{
    static const char *const entropy_hex[2] = {
        "36401940fa8b1fba91a1661f211d78a0b9389a74e5bccfece8d766af1a6d3b14",
        "8148d65d86513ce7d38923ec2f26b9e7c677dcc8997e325b7372619e753ed944",
    };
    static const char *const nonce_hex[2] = {
        "496f25b0f1301b4f501be30380a137eb",
        "41c71a24d17d974190982bb7515ce7f5",
    };
    static const char *const add_hex[2][2] = {
        { "", "" },
        {
            "55b446046c2d14bdd0cdba4b71873fd4762650695a11507949462da8d964ab6a",
            "91468f1a097d99ee339462ca916cb4a10f63d53850a4f17f598eac490299b02e",
        },
    };
    /* Key and V after instantiate, first generate, second generate. */
    static const char *const key_hex[2][3] = {
        {
            "3363d9000e6db47c16d3fc65f2872c08a35f99b2d174afa537a66ec153052d98",
            "b1dff09c816af6d4b2111fe63c4507cb196154f8c59957a94a2b641a7c16cc01",
            "33a1f160b0bde1dd55fc314c3d1620c0581ace8b32f062fb1ed54cdecdc17694",
        },
        {
            "fe96784a3968b04aca2079e4bc1b7674e59d0bcb9d1168fb26cacd830ffde509",
            "ec013aa81ec90251e399774516481a22736bd89b5a5a6a7198da7cfceb741c59",
            "c13f343817bf7fcaafc49023e633f3222a16f3ae3c608880aa8e7e0f6b67b05a",
        },
    };
    static const char *const v_hex[2][3] = {
        {
            "9ee8d2e9c618ccbb8e66b5eb5333dce1",
            "69eec01b2dd4ff3aab5fac9467f54485",
            "f537c07f36573a26b3f55c8b9f7246d1",
        },
        {
            "24274380ee9aa72b730efae01987a16e",
            "9e34cdda08a3c193231647953c73a8db",
            "a644cb76114072fa7fdd5715746ee41a",
        },
    };
    static const char *const returned_hex[2] = {
        "5862eb38bd558dd978a696e6df164782ddd887e7e9a6c9f3f1fbafb78941b535"
        "a64912dfd224c6dc7454e5250b3d97165e16260c2faf1cc7735cb75fb4f07e1d",
        "54603d1a506132bbfa05b153a04f22a1d516cc46323cef15111af221f030f38d"
        "6841d4670518b4914a4631af682e7421dffaac986a38e94d92bfa758e2eb101f",
    };
    int t = with_additional;
    cit_ctr_drbg_t drbg;
    size_t entropy_len, nonce_len, add_len[2];
    uint8_t *entropy = hex(entropy_hex[t], &entropy_len);
    uint8_t *nonce = hex(nonce_hex[t], &nonce_len);
    uint8_t *add[2];
    uint8_t out[64];
    int i;

    add[0] = hex(add_hex[t][0], &add_len[0]);
    add[1] = hex(add_hex[t][1], &add_len[1]);
    cit_ctr_drbg_instantiate(&drbg, cit_aes_ct_init, entropy, entropy_len, nonce, nonce_len,
                             NULL, 0);
    CHECK(drbg.reseed_counter == 1);
    check_key(&drbg, key_hex[t][0]);
    check_v(&drbg, v_hex[t][0]);
    for (i = 0; i < 2; i++) {
        CHECK(cit_ctr_drbg_generate(&drbg, cit_aes_ct_init, add[i], add_len[i], out,
                                    sizeof(out)) == 0);
        check_key(&drbg, key_hex[t][i + 1]);
        check_v(&drbg, v_hex[t][i + 1]);
    }
    CHECK(drbg.reseed_counter == 3);
    check_out(out, sizeof(out), returned_hex[t]);
    cit_ctr_drbg_wipe(&drbg);
    free(entropy);
    free(nonce);
    free(add[0]);
    free(add[1]);
}

/*
 * [PredictionResistance = True] COUNT = 0 (each generate is preceded by a
 * reseed with fresh EntropyInputPR), and [PredictionResistance = False] with
 * an explicit reseed between the two generates; 128 returned bits.
 */
static void test_kat_reseed(void)
{
    cit_ctr_drbg_t drbg;
    size_t e_len, n_len, r1_len, r2_len;
    uint8_t *e, *n, *r1, *r2;
    uint8_t out[16];

    /* Prediction resistance: reseed before each generate. */
    e = hex("c18081a65d44021619b3f180b1c920026a546f0c7081498b6ea662526d51b1cb", &e_len);
    n = hex("d254fcff021e69d229c9cfad85fa486c", &n_len);
    r1 = hex("583bfad5375ffbc9ff46d219c7223e95459d82e1e7229f633169d26b57474fa3", &r1_len);
    r2 = hex("37c9981c0bfb91314d55b9e91c5a5ee49392cfc52312d5562c4a6effdc10d068", &r2_len);
    cit_ctr_drbg_instantiate(&drbg, cit_aes_ct_init, e, e_len, n, n_len, NULL, 0);
    cit_ctr_drbg_reseed(&drbg, cit_aes_ct_init, r1, r1_len, NULL, 0);
    CHECK(cit_ctr_drbg_generate(&drbg, cit_aes_ct_init, NULL, 0, out, sizeof(out)) == 0);
    check_key(&drbg, "251803593aec72cc90b6287497b9965fa7d77bf85cc741262e376fd541d6c379");
    check_v(&drbg, "bdf3545b98814d840f922be8b395d211");
    check_out(out, sizeof(out), "aacecd2d8fb228b8f8f9c4152e96bc13");
    cit_ctr_drbg_reseed(&drbg, cit_aes_ct_init, r2, r2_len, NULL, 0);
    CHECK(drbg.reseed_counter == 1);
    CHECK(cit_ctr_drbg_generate(&drbg, cit_aes_ct_init, NULL, 0, out, sizeof(out)) == 0);
    check_out(out, sizeof(out), "34011656b429008f3563ecb5f2590723");
    free(e);
    free(n);
    free(r1);
    free(r2);

    /* No prediction resistance: generate, reseed, generate. */
    e = hex("5a194d5e2b31581454def675fb7958fec7db873e5689fc9d03217c68d8033820", &e_len);
    n = hex("1b54b8ff0642bff521f15c1c0b665f3f", &n_len);
    r1 = hex("f9e65e04d856f3a9c44a4cbdc1d00846f5983d771c1b137e4e0f9d8ef409f92e", &r1_len);
    cit_ctr_drbg_instantiate(&drbg, cit_aes_ct_init, e, e_len, n, n_len, NULL, 0);
    CHECK(cit_ctr_drbg_generate(&drbg, cit_aes_ct_init, NULL, 0, out, sizeof(out)) == 0);
    check_key(&drbg, "b839fa3b11b77ac80f101e14afa7f85211048d745d8eaaa4bda9dca2a56259c1");
    check_v(&drbg, "b0ee8dfa67ecfd5c8dca69adc0b75e8d");
    check_out(out, sizeof(out), "3f6db52dff53ae68e92abcd8131ef8bf");
    cit_ctr_drbg_reseed(&drbg, cit_aes_ct_init, r1, r1_len, NULL, 0);
    CHECK(cit_ctr_drbg_generate(&drbg, cit_aes_ct_init, NULL, 0, out, sizeof(out)) == 0);
    check_out(out, sizeof(out), "a054303d8a7ea9889d903e077c6f218f");
    cit_ctr_drbg_wipe(&drbg);
    free(e);
    free(n);
    free(r1);
}

/* ---- Differential against OpenSSL ---- */

typedef struct {
    EVP_RAND_CTX *parent; /* TEST-RAND: hands out exactly the entropy we set */
    EVP_RAND_CTX *drbg;   /* CTR-DRBG, AES-256-CTR, derivation function */
} ossl_drbg_t;

static int ossl_set_entropy(ossl_drbg_t *o, const uint8_t *entropy, size_t entropy_len,
                            const uint8_t *nonce, size_t nonce_len)
{
    OSSL_PARAM params[4];
    unsigned int strength = 256;
    size_t n = 0;

    params[n++] = OSSL_PARAM_construct_uint(OSSL_RAND_PARAM_STRENGTH, &strength);
    params[n++] = OSSL_PARAM_construct_octet_string(OSSL_RAND_PARAM_TEST_ENTROPY,
                                                    (void *)entropy, entropy_len);
    if (nonce != NULL) {
        params[n++] = OSSL_PARAM_construct_octet_string(OSSL_RAND_PARAM_TEST_NONCE,
                                                        (void *)nonce, nonce_len);
    }
    params[n] = OSSL_PARAM_construct_end();
    return EVP_RAND_CTX_set_params(o->parent, params);
}

static int ossl_instantiate(ossl_drbg_t *o, const uint8_t *entropy, size_t entropy_len,
                            const uint8_t *nonce, size_t nonce_len, const uint8_t *pers,
                            size_t pers_len)
{
    static const uint8_t empty[1] = { 0 };
    EVP_RAND *test_rand = EVP_RAND_fetch(NULL, "TEST-RAND", NULL);
    EVP_RAND *ctr_drbg = EVP_RAND_fetch(NULL, "CTR-DRBG", NULL);
    OSSL_PARAM params[5];
    unsigned int reseed_requests = 1000000;
    uint64_t reseed_time = 0;
    int use_df = 1;
    int ok = 0;

    memset(o, 0, sizeof(*o));
    if (test_rand == NULL || ctr_drbg == NULL) {
        goto exit;
    }
    o->parent = EVP_RAND_CTX_new(test_rand, NULL);
    if (o->parent == NULL || !ossl_set_entropy(o, entropy, entropy_len, nonce, nonce_len) ||
        !EVP_RAND_instantiate(o->parent, 256, 0, NULL, 0, NULL)) {
        goto exit;
    }
    o->drbg = EVP_RAND_CTX_new(ctr_drbg, o->parent);
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_DRBG_PARAM_CIPHER, "AES-256-CTR", 0);
    params[1] = OSSL_PARAM_construct_int(OSSL_DRBG_PARAM_USE_DF, &use_df);
    /* No automatic reseeding: the test decides when to reseed. */
    params[2] = OSSL_PARAM_construct_uint(OSSL_DRBG_PARAM_RESEED_REQUESTS, &reseed_requests);
    params[3] = OSSL_PARAM_construct_uint64(OSSL_DRBG_PARAM_RESEED_TIME_INTERVAL, &reseed_time);
    params[4] = OSSL_PARAM_construct_end();
    if (o->drbg == NULL || !EVP_RAND_CTX_set_params(o->drbg, params)) {
        goto exit;
    }
    /* A non-NULL (possibly empty) personalization string: no OpenSSL default. */
    ok = EVP_RAND_instantiate(o->drbg, 256, 0, pers_len != 0 ? pers : empty, pers_len, NULL);
exit:
    EVP_RAND_free(test_rand);
    EVP_RAND_free(ctr_drbg);
    if (!ok) {
        ERR_print_errors_fp(stderr);
    }
    return ok;
}

static int ossl_reseed(ossl_drbg_t *o, const uint8_t *entropy, size_t entropy_len,
                       const uint8_t *add, size_t add_len)
{
    return ossl_set_entropy(o, entropy, entropy_len, NULL, 0) &&
           EVP_RAND_reseed(o->drbg, 0, NULL, 0, add, add_len);
}

static int ossl_generate(ossl_drbg_t *o, const uint8_t *add, size_t add_len, uint8_t *out,
                         size_t out_len)
{
    return EVP_RAND_generate(o->drbg, out, out_len, 256, 0, add, add_len);
}

static void ossl_free(ossl_drbg_t *o)
{
    EVP_RAND_CTX_free(o->drbg);
    EVP_RAND_CTX_free(o->parent);
}

/* rand_len: mostly short lengths, sometimes long ones. */
static size_t rand_len(size_t small_max, size_t big_max)
{
    if (cit_test_rand() % 8 == 0) {
        return cit_test_rand() % (big_max + 1);
    }
    return cit_test_rand() % (small_max + 1);
}

static void test_differential(void)
{
    static uint8_t out[CIT_CTR_DRBG_MAX_REQUEST];
    static uint8_t want[CIT_CTR_DRBG_MAX_REQUEST];
    uint8_t entropy[32];
    uint8_t nonce[64];
    uint8_t pers[200];
    uint8_t add[200];
    int inst;
    int op;

    for (inst = 0; inst < 150; inst++) {
        cit_ctr_drbg_t drbg;
        ossl_drbg_t o;
        size_t nonce_len = 16 + cit_test_rand() % 49;
        size_t pers_len = rand_len(48, sizeof(pers));
        int ok;

        cit_test_rand_bytes(entropy, sizeof(entropy));
        cit_test_rand_bytes(nonce, nonce_len);
        cit_test_rand_bytes(pers, pers_len);
        ok = ossl_instantiate(&o, entropy, sizeof(entropy), nonce, nonce_len, pers, pers_len);
        CHECK(ok);
        if (!ok) {
            ossl_free(&o);
            return;
        }
        cit_ctr_drbg_instantiate(&drbg, counting_aes_init, entropy, sizeof(entropy), nonce,
                                 nonce_len, pers, pers_len);

        for (op = 0; op < 12; op++) {
            size_t add_len = cit_test_rand() % 2 ? 0 : rand_len(48, sizeof(add));

            cit_test_rand_bytes(add, add_len);
            if (cit_test_rand() % 5 == 0) {
                cit_test_rand_bytes(entropy, sizeof(entropy));
                CHECK(ossl_reseed(&o, entropy, sizeof(entropy), add, add_len));
                cit_ctr_drbg_reseed(&drbg, counting_aes_init, entropy, sizeof(entropy), add,
                                    add_len);
            } else {
                /*
                 * At least one byte: EVP_RAND_generate skips empty requests,
                 * while SP 800-90A still runs the final update for them.
                 */
                size_t out_len = 1 + rand_len(300, sizeof(out) - 1);

                CHECK(ossl_generate(&o, add, add_len, want, out_len));
                CHECK(cit_ctr_drbg_generate(&drbg, counting_aes_init, add, add_len, out,
                                            out_len) == 0);
                CHECK_MEM(out, want, out_len);
            }
        }
        ossl_free(&o);
        cit_ctr_drbg_wipe(&drbg);
    }
    CHECK(aes_init_calls > 0);
}

/* ---- Properties ---- */

/*
 * A request's output is E(V+1) || E(V+2) || ..., so from the same state a
 * shorter request returns a prefix of a longer one (checks the batching).
 */
static void test_prefix(void)
{
    static uint8_t full[CIT_CTR_DRBG_MAX_REQUEST];
    uint8_t part[400];
    uint8_t entropy[48];
    cit_ctr_drbg_t base;
    cit_ctr_drbg_t copy;
    size_t len;

    cit_test_rand_bytes(entropy, sizeof(entropy));
    cit_ctr_drbg_instantiate(&base, cit_aes_ct_init, entropy, sizeof(entropy), NULL, 0, NULL,
                             0);
    memcpy(&copy, &base, sizeof(base));
    CHECK(cit_ctr_drbg_generate(&copy, cit_aes_ct_init, NULL, 0, full, sizeof(full)) == 0);
    for (len = 0; len <= sizeof(part); len++) {
        memcpy(&copy, &base, sizeof(base));
        memset(part, 0, sizeof(part));
        CHECK(cit_ctr_drbg_generate(&copy, cit_aes_ct_init, NULL, 0, part, len) == 0);
        CHECK_MEM(part, full, len);
    }
    cit_ctr_drbg_wipe(&copy);
    cit_ctr_drbg_wipe(&base);
}

/* The V counter carries across all 128 bits. */
static void test_counter_wrap(void)
{
    cit_ctr_drbg_t drbg;
    cit_aes_ctx_t ref;
    uint8_t out[48];
    uint8_t want[48];
    uint8_t ctr[48];
    uint8_t entropy[32] = { 1 };

    cit_ctr_drbg_instantiate(&drbg, cit_aes_ct_init, entropy, sizeof(entropy), NULL, 0, NULL,
                             0);
    /* V = 00..00 ff..ff (low 64 bits all ones): next counters carry into the high half. */
    memset(drbg.v, 0, 8);
    memset(drbg.v + 8, 0xff, 8);
    memcpy(&ref, &drbg.aes, sizeof(ref));
    memset(ctr, 0, sizeof(ctr));
    ctr[7] = 1;
    ctr[16 + 7] = 1;
    ctr[16 + 15] = 1;
    ctr[32 + 7] = 1;
    ctr[32 + 15] = 2;
    ref.encrypt(&ref, ctr, want, 3);
    CHECK(cit_ctr_drbg_generate(&drbg, cit_aes_ct_init, NULL, 0, out, sizeof(out)) == 0);
    CHECK_MEM(out, want, sizeof(out));

    /* V = ff..ff: wraps to zero modulo 2^128. */
    memset(drbg.v, 0xff, 16);
    memcpy(&ref, &drbg.aes, sizeof(ref));
    memset(ctr, 0, sizeof(ctr));
    ctr[31] = 1;
    ctr[47] = 2;
    ref.encrypt(&ref, ctr, want, 3);
    CHECK(cit_ctr_drbg_generate(&drbg, cit_aes_ct_init, NULL, 0, out, sizeof(out)) == 0);
    CHECK_MEM(out, want, sizeof(out));

    cit_aes_wipe(&ref);
    cit_ctr_drbg_wipe(&drbg);
}

static void test_reseed_interval(void)
{
    cit_ctr_drbg_t drbg;
    cit_ctr_drbg_t saved;
    uint8_t entropy[32];
    uint8_t out[16];
    uint8_t untouched[16];
    unsigned long i;
    int ok = 1;

    cit_test_rand_bytes(entropy, sizeof(entropy));
    cit_ctr_drbg_instantiate(&drbg, cit_aes_ct_init, entropy, sizeof(entropy), NULL, 0, NULL,
                             0);
    for (i = 0; i < CIT_CTR_DRBG_RESEED_INTERVAL; i++) {
        if (cit_ctr_drbg_generate(&drbg, cit_aes_ct_init, NULL, 0, out, 1 + i % 16) != 0) {
            ok = 0;
        }
    }
    CHECK(ok);
    CHECK(drbg.reseed_counter == CIT_CTR_DRBG_RESEED_INTERVAL + 1);

    /* Exhausted: refused, with the output and the state left alone. */
    memcpy(&saved, &drbg, sizeof(drbg));
    memset(out, 0x5a, sizeof(out));
    memset(untouched, 0x5a, sizeof(untouched));
    CHECK(cit_ctr_drbg_generate(&drbg, cit_aes_ct_init, NULL, 0, out, sizeof(out)) == -1);
    CHECK(cit_ctr_drbg_generate(&drbg, cit_aes_ct_init, entropy, 5, out, sizeof(out)) == -1);
    CHECK_MEM(out, untouched, sizeof(out));
    CHECK_MEM(&drbg, &saved, sizeof(drbg));

    /* A reseed restores service. */
    cit_ctr_drbg_reseed(&drbg, cit_aes_ct_init, entropy, sizeof(entropy), NULL, 0);
    CHECK(drbg.reseed_counter == 1);
    CHECK(cit_ctr_drbg_generate(&drbg, cit_aes_ct_init, NULL, 0, out, sizeof(out)) == 0);

    /* Oversized requests are refused too. */
    memcpy(&saved, &drbg, sizeof(drbg));
    CHECK(cit_ctr_drbg_generate(&drbg, cit_aes_ct_init, NULL, 0, out,
                                (size_t)CIT_CTR_DRBG_MAX_REQUEST + 1) == -1);
    CHECK_MEM(&drbg, &saved, sizeof(drbg));

    cit_ctr_drbg_wipe(&drbg);
    memset(&saved, 0, sizeof(saved));
    CHECK_MEM(&drbg, &saved, sizeof(drbg));
}

int main(void)
{
    cit_test_rand_seed(0x44524247u);
    test_kat_no_reseed(0);
    test_kat_no_reseed(1);
    test_kat_reseed();
    test_differential();
    test_prefix();
    test_counter_wrap();
    test_reseed_interval();
    return cit_test_end("test_ctr_drbg");
}
