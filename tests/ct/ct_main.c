/*
 * ct_main.c - constant-time validation under valgrind memcheck ("ctgrind").
 *
 * Built with -DCIT_CT_VALGRIND, so CIT_CT_SECRET / CIT_CT_PUBLIC (ct.h) are
 * VALGRIND_MAKE_MEM_UNDEFINED / VALGRIND_MAKE_MEM_DEFINED. Each case marks
 * its secret inputs undefined, runs the operation, and marks the outputs
 * defined again before looking at them. Memcheck then reports every
 * conditional jump and every memory address that depends on a secret
 * ("Conditional jump or move depends on uninitialised value(s)", "Use of
 * uninitialised value of size 8"): exactly the leaks that constant-time code
 * must not have. Values are unchanged by the marking, so each case also
 * compares its results with a run on public inputs.
 *
 * The cases cover the portable (builtin) primitives directly through
 * primitives.h, and the PSA-level tag checks (psa_mac_verify, psa_aead_decrypt
 * / psa_aead_verify, psa_hash_compare / psa_hash_verify,
 * psa_key_derivation_verify_bytes) with keys imported from secret buffers and
 * the accelerators disabled. A tag check must reveal one bit, match or not;
 * the library declassifies exactly that bit (cit_ct_declassify_u32 in ct.h),
 * everything before it stays secret.
 *
 * Like Monocypher's ctgrind.c, the program keeps a per-API list of expected
 * results (ct_cases below) and checks it itself with VALGRIND_COUNT_ERRORS:
 * a case expected to be clean fails if memcheck reported anything while it
 * ran. Every listed API is expected to be clean; an API that had to branch on
 * a secret would be listed with CT_FINDING and the reason, never skipped.
 *
 *   valgrind --tool=memcheck --error-exitcode=1 ct_main       (ctest: ct_valgrind)
 *   valgrind --tool=memcheck ct_main --self-check              (ctest: ct_valgrind_selfcheck)
 *
 * --self-check runs deliberately leaky code (an early-exit compare and a
 * secret-indexed table lookup, planted here, not in the library) and passes
 * only if memcheck reported each plant: proof that the harness sees leaks.
 * Outside valgrind the program runs its functional checks and exits 77.
 */
#include <psa/crypto.h>
#include <citadel/citadel.h>

#include "builtin.h"
#include "ct.h"
#include "primitives.h"

#include <stdio.h>
#include <string.h>

#if !defined(CIT_CT_VALGRIND)
#error "tests/ct/ct_main.c must be compiled with -DCIT_CT_VALGRIND"
#endif

#define SECRET(p, n) CIT_CT_SECRET((p), (n))
#define PUBLIC(p, n) CIT_CT_PUBLIC((p), (n))

/* Functional failures (results that differ from the public run). */
static unsigned long failures;

static void fail(const char *api, const char *what)
{
    fprintf(stderr, "FAIL %s: %s\n", api, what);
    failures++;
}

/* check_eq compares public (declassified) results. */
static void check_eq(const char *api, const char *what, const uint8_t *got, const uint8_t *want,
                     size_t n)
{
    if (memcmp(got, want, n) != 0) {
        fail(api, what);
    }
}

/* Deterministic filler for inputs (xorshift64*; the values do not matter). */
static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static void fill(uint8_t *p, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        rng_state ^= rng_state >> 12;
        rng_state ^= rng_state << 25;
        rng_state ^= rng_state >> 27;
        p[i] = (uint8_t)((rng_state * 0x2545f4914f6cdd1du) >> 56);
    }
}

/* ====================================================================
 * ct.h helpers
 * ================================================================== */

static void ct_util(const char *api, uint32_t param)
{
    uint8_t a[40], b[40], dst[40], orig[40];
    uint32_t eq, ne, x, y, m_true, m_false, r[4];

    (void)param;
    fill(a, sizeof(a));
    memcpy(b, a, sizeof(b));
    fill(dst, sizeof(dst));
    memcpy(orig, dst, sizeof(orig));
    x = 0x1234u;
    y = 0x1234u;

    SECRET(a, sizeof(a));
    SECRET(b, sizeof(b));
    SECRET(dst, sizeof(dst));
    SECRET(&x, sizeof(x));
    SECRET(&y, sizeof(y));

    eq = cit_ct_memcmp(a, b, sizeof(a));
    b[23] ^= 0x10u;
    ne = cit_ct_memcmp(a, b, sizeof(a));

    m_true = cit_ct_u32_eq(x, y);
    m_false = cit_ct_u32_lt(x, y);
    r[0] = cit_ct_u32_is_zero(x ^ y);
    r[1] = cit_ct_u32_lt(x, y + 1u);
    r[2] = cit_ct_u32_select(m_true, x, 7u);
    r[3] = cit_ct_u32_select(m_false, x, 7u);

    cit_ct_memcpy_if(m_false, dst, a, sizeof(a)); /* no copy */
    PUBLIC(dst, sizeof(dst));
    check_eq(api, "memcpy_if with a false mask changed dst", dst, orig, sizeof(dst));
    SECRET(dst, sizeof(dst));
    cit_ct_memcpy_if(m_true, dst, a, sizeof(a)); /* copy */

    PUBLIC(&eq, sizeof(eq));
    PUBLIC(&ne, sizeof(ne));
    PUBLIC(&m_true, sizeof(m_true));
    PUBLIC(&m_false, sizeof(m_false));
    PUBLIC(r, sizeof(r));
    PUBLIC(a, sizeof(a));
    PUBLIC(dst, sizeof(dst));
    if (eq != 0 || ne == 0) {
        fail(api, "cit_ct_memcmp result");
    }
    if (m_true != 0xffffffffu || m_false != 0 || r[0] != 0xffffffffu || r[1] != 0xffffffffu ||
        r[2] != 0x1234u || r[3] != 7u) {
        fail(api, "cit_ct_u32_* result");
    }
    check_eq(api, "memcpy_if with a true mask", dst, a, sizeof(dst));
}

/* ====================================================================
 * AES (portable bitsliced): key schedule, ECB both ways, CBC chaining.
 * ================================================================== */

#define AES_MAX_BLOCKS 5

static void ct_aes(const char *api, uint32_t key_len)
{
    static const size_t counts[] = { 1, 4, 5 }; /* one lane, one full batch, batch + 1 */
    uint8_t key[32], in[16 * AES_MAX_BLOCKS];
    uint8_t ref_enc[sizeof(in)], ref_dec[sizeof(in)], ref_mac[16];
    uint8_t out[sizeof(in)], mac[16];
    cit_aes_ctx_t ctx;
    size_t i;
    int rc;

    fill(key, sizeof(key));
    fill(in, sizeof(in));

    /* Public reference. */
    if (cit_aes_ct_init(&ctx, key, key_len) != 0) {
        fail(api, "cit_aes_ct_init rejected the key");
        return;
    }
    ctx.encrypt(&ctx, in, ref_enc, AES_MAX_BLOCKS);
    ctx.decrypt(&ctx, in, ref_dec, AES_MAX_BLOCKS);
    memset(ref_mac, 0, sizeof(ref_mac));
    ctx.cbc_mac(&ctx, ref_mac, in, AES_MAX_BLOCKS);
    cit_aes_wipe(&ctx);

    SECRET(key, sizeof(key));
    SECRET(in, sizeof(in));
    rc = cit_aes_ct_init(&ctx, key, key_len); /* the result depends on the length only */
    if (rc != 0) {
        fail(api, "cit_aes_ct_init rejected the secret key");
        return;
    }
    for (i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
        ctx.encrypt(&ctx, in, out, counts[i]);
        PUBLIC(out, 16 * counts[i]);
        check_eq(api, "encrypt", out, ref_enc, 16 * counts[i]);

        ctx.decrypt(&ctx, in, out, counts[i]);
        PUBLIC(out, 16 * counts[i]);
        check_eq(api, "decrypt", out, ref_dec, 16 * counts[i]);
    }
    /* In place. */
    memcpy(out, in, sizeof(out));
    ctx.encrypt(&ctx, out, out, AES_MAX_BLOCKS);
    PUBLIC(out, sizeof(out));
    check_eq(api, "encrypt in place", out, ref_enc, sizeof(out));

    memset(mac, 0, sizeof(mac));
    ctx.cbc_mac(&ctx, mac, in, 2);
    ctx.cbc_mac(&ctx, mac, in + 32, AES_MAX_BLOCKS - 2);
    PUBLIC(mac, sizeof(mac));
    check_eq(api, "cbc_mac", mac, ref_mac, sizeof(mac));

    cit_aes_wipe(&ctx);
    PUBLIC(key, sizeof(key));
    PUBLIC(in, sizeof(in));
}

/* ====================================================================
 * CMAC and CBC-MAC over the portable AES.
 * ================================================================== */

static void cmac_run(uint8_t tag[16], const uint8_t *key, size_t key_len, const uint8_t *msg,
                     size_t len, size_t split)
{
    cit_cmac_ctx_t c;

    (void)cit_aes_ct_init(&c.aes, key, key_len);
    cit_cmac_start(&c);
    cit_cmac_update(&c, msg, split);
    cit_cmac_update(&c, msg + split, len - split);
    cit_cmac_finish(&c, tag);
}

static void ct_cmac(const char *api, uint32_t key_len)
{
    static const size_t lens[] = { 0, 15, 16, 40, 48 };
    uint8_t key[32], msg[48], ref[16], tag[16];
    size_t i;

    fill(key, sizeof(key));
    fill(msg, sizeof(msg));
    for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
        cmac_run(ref, key, key_len, msg, lens[i], 0);
        SECRET(key, sizeof(key));
        SECRET(msg, sizeof(msg));
        cmac_run(tag, key, key_len, msg, lens[i], lens[i] / 3);
        PUBLIC(tag, sizeof(tag));
        PUBLIC(key, sizeof(key));
        PUBLIC(msg, sizeof(msg));
        check_eq(api, "tag", tag, ref, sizeof(tag));
    }
}

static int cbc_mac_run(uint8_t tag[16], const uint8_t *key, size_t key_len, const uint8_t *msg,
                       size_t len, size_t split)
{
    cit_cbc_mac_ctx_t c;

    (void)cit_aes_ct_init(&c.aes, key, key_len);
    cit_cbc_mac_start(&c);
    cit_cbc_mac_update(&c, msg, split);
    cit_cbc_mac_update(&c, msg + split, len - split);
    return cit_cbc_mac_finish(&c, tag);
}

static void ct_cbc_mac(const char *api, uint32_t key_len)
{
    uint8_t key[32], msg[48], ref[16], tag[16];
    int rc;

    fill(key, sizeof(key));
    fill(msg, sizeof(msg));
    if (cbc_mac_run(ref, key, key_len, msg, sizeof(msg), 0) != 0) {
        fail(api, "reference finish failed");
        return;
    }
    SECRET(key, sizeof(key));
    SECRET(msg, sizeof(msg));
    rc = cbc_mac_run(tag, key, key_len, msg, sizeof(msg), 5);
    if (rc != 0) {
        fail(api, "finish failed");
    }
    /* A length that is not a whole number of blocks: rejected on the length alone. */
    rc = cbc_mac_run(tag, key, key_len, msg, 20, 3);
    if (rc != -1) {
        fail(api, "a partial block was accepted");
    }
    rc = cbc_mac_run(tag, key, key_len, msg, sizeof(msg), 5);
    PUBLIC(tag, sizeof(tag));
    PUBLIC(key, sizeof(key));
    PUBLIC(msg, sizeof(msg));
    if (rc != 0) {
        fail(api, "finish failed");
    }
    check_eq(api, "tag", tag, ref, sizeof(tag));
}

/* ====================================================================
 * Hashes: every descriptor of the builtin table (message secret), and the
 * one-shot and XOF entry points of primitives.h.
 * ================================================================== */

#define HASH_MSG_LEN 300 /* more than two blocks of every hash */

static void hash_run(const cit_hash_desc_t *d, uint8_t *out, const uint8_t *msg, size_t len,
                     size_t split)
{
    cit_hash_ctx_t c;

    d->init(&c);
    d->update(&c, msg, split);
    d->update(&c, msg + split, len - split);
    d->finish(&c, out);
}

static void ct_hash(const char *api, uint32_t alg)
{
    static const size_t lens[] = { 0, 55, 56, 64, 111, 112, 136, HASH_MSG_LEN };
    const cit_hash_desc_t *d = cit_builtin_hash_desc(alg);
    uint8_t msg[HASH_MSG_LEN], ref[CIT_HASH_MAX_DIGEST], out[CIT_HASH_MAX_DIGEST];
    size_t i;

    if (d == NULL) {
        fail(api, "no builtin descriptor");
        return;
    }
    fill(msg, sizeof(msg));
    for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
        hash_run(d, ref, msg, lens[i], lens[i]);
        SECRET(msg, sizeof(msg));
        hash_run(d, out, msg, lens[i], lens[i] / 2);
        PUBLIC(out, d->digest_size);
        PUBLIC(msg, sizeof(msg));
        check_eq(api, "digest", out, ref, d->digest_size);
    }
}

static void ct_hash_oneshot(const char *api, uint32_t param)
{
    uint8_t msg[200], ref[64], out[64];
    uint8_t xref[200], xout[200];
    cit_sha3_ctx_t x;

    (void)param;
    fill(msg, sizeof(msg));

    hash_run(cit_builtin_hash_desc(PSA_ALG_SHA_1), ref, msg, sizeof(msg), 0);
    SECRET(msg, sizeof(msg));
    cit_sha1(msg, sizeof(msg), out);
    PUBLIC(out, 20);
    check_eq(api, "cit_sha1", out, ref, 20);

    PUBLIC(msg, sizeof(msg));
    hash_run(cit_builtin_hash_desc(PSA_ALG_SHA_256), ref, msg, sizeof(msg), 0);
    SECRET(msg, sizeof(msg));
    cit_sha256(msg, sizeof(msg), out);
    PUBLIC(out, 32);
    check_eq(api, "cit_sha256", out, ref, 32);

    PUBLIC(msg, sizeof(msg));
    hash_run(cit_builtin_hash_desc(PSA_ALG_SHA_512), ref, msg, sizeof(msg), 0);
    SECRET(msg, sizeof(msg));
    cit_sha512(msg, sizeof(msg), out);
    PUBLIC(out, 64);
    check_eq(api, "cit_sha512", out, ref, 64);

    /* SHAKE as an XOF: squeezing across rate boundaries in pieces. */
    PUBLIC(msg, sizeof(msg));
    cit_shake128_init(&x);
    cit_sha3_update(&x, msg, sizeof(msg));
    cit_sha3_finish(&x, xref, sizeof(xref));
    SECRET(msg, sizeof(msg));
    cit_shake128_init(&x);
    cit_sha3_update(&x, msg, 17);
    cit_sha3_update(&x, msg + 17, sizeof(msg) - 17);
    cit_sha3_squeeze(&x, xout, 10);
    cit_sha3_squeeze(&x, xout + 10, 170);
    cit_sha3_finish(&x, xout + 180, sizeof(xout) - 180);
    PUBLIC(xout, sizeof(xout));
    check_eq(api, "SHAKE128 squeeze", xout, xref, sizeof(xout));

    PUBLIC(msg, sizeof(msg));
    cit_shake256_init(&x);
    cit_sha3_update(&x, msg, sizeof(msg));
    cit_sha3_finish(&x, xref, sizeof(xref));
    SECRET(msg, sizeof(msg));
    cit_shake256_init(&x);
    cit_sha3_update(&x, msg, sizeof(msg));
    cit_sha3_squeeze(&x, xout, 136);
    cit_sha3_finish(&x, xout + 136, sizeof(xout) - 136);
    PUBLIC(xout, sizeof(xout));
    PUBLIC(msg, sizeof(msg));
    check_eq(api, "SHAKE256 squeeze", xout, xref, sizeof(xout));
}

/* ====================================================================
 * HMAC (key and message secret): a short key and one longer than a block.
 * ================================================================== */

static void hmac_run(const cit_hash_desc_t *d, uint8_t *out, const uint8_t *key, size_t key_len,
                     const uint8_t *msg, size_t len, size_t split)
{
    cit_hmac_ctx_t h;

    cit_hmac_init(&h, d, key, key_len);
    cit_hmac_update(&h, msg, split);
    cit_hmac_update(&h, msg + split, len - split);
    cit_hmac_finish(&h, out);
}

static void ct_hmac(const char *api, uint32_t alg)
{
    const cit_hash_desc_t *d = cit_builtin_hash_desc(alg);
    uint8_t key[CIT_HASH_MAX_BLOCK + 9], msg[100];
    uint8_t ref[CIT_HASH_MAX_DIGEST], out[CIT_HASH_MAX_DIGEST];
    size_t key_lens[3];
    size_t i;

    if (d == NULL) {
        fail(api, "no builtin descriptor");
        return;
    }
    key_lens[0] = 16;
    key_lens[1] = d->block_size;
    key_lens[2] = (size_t)d->block_size + 9; /* hashed first */
    fill(key, sizeof(key));
    fill(msg, sizeof(msg));
    for (i = 0; i < 3; i++) {
        hmac_run(d, ref, key, key_lens[i], msg, sizeof(msg), 0);
        SECRET(key, sizeof(key));
        SECRET(msg, sizeof(msg));
        hmac_run(d, out, key, key_lens[i], msg, sizeof(msg), 33);
        PUBLIC(out, d->digest_size);
        PUBLIC(key, sizeof(key));
        PUBLIC(msg, sizeof(msg));
        check_eq(api, "tag", out, ref, d->digest_size);
    }
}

/* ====================================================================
 * GCM with the portable GHASH: key, IV, AAD and text secret; both ways.
 * param = key_len | iv_len << 8.
 * ================================================================== */

#define GCM_AAD_LEN 37
#define GCM_TEXT_LEN 53

static void ct_gcm(const char *api, uint32_t param)
{
    size_t key_len = param & 0xffu, iv_len = param >> 8;
    uint8_t key[32], iv[64], aad[GCM_AAD_LEN], pt[GCM_TEXT_LEN];
    uint8_t ref_ct[GCM_TEXT_LEN], ref_tag[16], ct[GCM_TEXT_LEN], tag[16], back[GCM_TEXT_LEN];
    cit_gcm_ctx_t g;
    uint32_t diff;
    int rc;

    fill(key, sizeof(key));
    fill(iv, sizeof(iv));
    fill(aad, sizeof(aad));
    fill(pt, sizeof(pt));

    /* Public reference, one piece each. */
    if (cit_gcm_setkey(&g, cit_aes_ct_init, key, key_len) != 0) {
        fail(api, "setkey");
        return;
    }
    cit_gcm_start(&g, iv, iv_len);
    cit_gcm_aad(&g, aad, sizeof(aad));
    cit_gcm_encrypt(&g, pt, ref_ct, sizeof(pt));
    cit_gcm_finish(&g, ref_tag);

    /* Encrypt: everything secret, in pieces (partial blocks, whole blocks). */
    SECRET(key, sizeof(key));
    SECRET(iv, sizeof(iv));
    SECRET(aad, sizeof(aad));
    SECRET(pt, sizeof(pt));
    rc = cit_gcm_setkey(&g, cit_aes_ct_init, key, key_len);
    if (rc != 0) {
        fail(api, "setkey (secret key)");
        return;
    }
    cit_gcm_start(&g, iv, iv_len);
    cit_gcm_aad(&g, aad, 5);
    cit_gcm_aad(&g, aad + 5, sizeof(aad) - 5);
    cit_gcm_encrypt(&g, pt, ct, 7);
    cit_gcm_encrypt(&g, pt + 7, ct + 7, 30);
    cit_gcm_encrypt(&g, pt + 37, ct + 37, sizeof(pt) - 37);
    cit_gcm_finish(&g, tag);
    PUBLIC(ct, sizeof(ct));
    PUBLIC(tag, sizeof(tag));
    check_eq(api, "ciphertext", ct, ref_ct, sizeof(ct));
    check_eq(api, "tag", tag, ref_tag, sizeof(tag));

    /* Decrypt: key, IV, AAD and ciphertext secret; the tag check is constant-time. */
    memcpy(ct, ref_ct, sizeof(ct));
    SECRET(ct, sizeof(ct));
    cit_gcm_start(&g, iv, iv_len);
    cit_gcm_aad(&g, aad, sizeof(aad));
    cit_gcm_decrypt(&g, ct, back, 16);
    cit_gcm_decrypt(&g, ct + 16, back + 16, sizeof(ct) - 16);
    cit_gcm_finish(&g, tag);
    diff = cit_ct_memcmp(tag, ref_tag, sizeof(tag));
    PUBLIC(&diff, sizeof(diff));
    PUBLIC(back, sizeof(back));
    PUBLIC(key, sizeof(key));
    PUBLIC(iv, sizeof(iv));
    PUBLIC(aad, sizeof(aad));
    PUBLIC(pt, sizeof(pt));
    if (diff != 0) {
        fail(api, "decrypt tag");
    }
    check_eq(api, "plaintext", back, pt, sizeof(back));
    memset(&g, 0, sizeof(g));
}

/* ====================================================================
 * HKDF: salt and IKM secret for extract, PRK secret for expand.
 * ================================================================== */

static void hkdf_run(const cit_hash_desc_t *d, uint8_t *prk, uint8_t *okm, size_t okm_len,
                     const uint8_t *salt, const uint8_t *ikm, const uint8_t *info,
                     size_t first, int *rc)
{
    cit_hkdf_expand_ctx_t e;

    cit_hkdf_extract(d, salt, 13, ikm, 22, prk);
    cit_hkdf_expand_init(&e, d, prk, d->digest_size);
    rc[0] = cit_hkdf_expand_output(&e, info, 10, okm, first);
    rc[1] = cit_hkdf_expand_output(&e, info, 10, okm + first, okm_len - first);
    cit_hkdf_expand_wipe(&e);
}

static void ct_hkdf(const char *api, uint32_t alg)
{
    const cit_hash_desc_t *d = cit_builtin_hash_desc(alg);
    uint8_t salt[13], ikm[22], info[10];
    uint8_t ref_prk[CIT_HASH_MAX_DIGEST], prk[CIT_HASH_MAX_DIGEST];
    uint8_t ref_okm[150], okm[150];
    int rc[2];

    if (d == NULL) {
        fail(api, "no builtin descriptor");
        return;
    }
    fill(salt, sizeof(salt));
    fill(ikm, sizeof(ikm));
    fill(info, sizeof(info));
    hkdf_run(d, ref_prk, ref_okm, sizeof(ref_okm), salt, ikm, info, 0, rc);

    SECRET(salt, sizeof(salt));
    SECRET(ikm, sizeof(ikm));
    hkdf_run(d, prk, okm, sizeof(okm), salt, ikm, info, 5, rc);
    if (rc[0] != 0 || rc[1] != 0) {
        fail(api, "expand refused");
    }
    PUBLIC(prk, sizeof(prk));
    PUBLIC(okm, sizeof(okm));
    PUBLIC(salt, sizeof(salt));
    PUBLIC(ikm, sizeof(ikm));
    check_eq(api, "PRK", prk, ref_prk, d->digest_size);
    check_eq(api, "OKM", okm, ref_okm, sizeof(okm));
}

/* ====================================================================
 * CTR_DRBG (AES-256, df): entropy and additional input secret.
 * ================================================================== */

static void drbg_run(uint8_t *out, size_t out_len, const uint8_t *entropy, const uint8_t *nonce,
                     const uint8_t *add, int *rc)
{
    cit_ctr_drbg_t d;

    cit_ctr_drbg_instantiate(&d, cit_aes_ct_init, entropy, 32, nonce, 16, NULL, 0);
    rc[0] = cit_ctr_drbg_generate(&d, cit_aes_ct_init, add, 20, out, 40);
    cit_ctr_drbg_reseed(&d, cit_aes_ct_init, entropy + 32, 32, add + 20, 12);
    rc[1] = cit_ctr_drbg_generate(&d, cit_aes_ct_init, NULL, 0, out + 40, out_len - 40);
    cit_ctr_drbg_wipe(&d);
}

static void ct_ctr_drbg(const char *api, uint32_t param)
{
    uint8_t entropy[64], nonce[16], add[32], ref[150], out[150];
    int rc[2];

    (void)param;
    fill(entropy, sizeof(entropy));
    fill(nonce, sizeof(nonce));
    fill(add, sizeof(add));
    drbg_run(ref, sizeof(ref), entropy, nonce, add, rc);

    SECRET(entropy, sizeof(entropy));
    SECRET(nonce, sizeof(nonce));
    SECRET(add, sizeof(add));
    drbg_run(out, sizeof(out), entropy, nonce, add, rc);
    if (rc[0] != 0 || rc[1] != 0) {
        fail(api, "generate refused");
    }
    PUBLIC(out, sizeof(out));
    PUBLIC(entropy, sizeof(entropy));
    PUBLIC(nonce, sizeof(nonce));
    PUBLIC(add, sizeof(add));
    check_eq(api, "output", out, ref, sizeof(out));
}

/* ====================================================================
 * PSA-level tag checks. Keys are imported from buffers marked secret (the
 * key slot then holds undefined bytes); messages are secret too. The
 * returned status is the one public bit.
 * ================================================================== */

static psa_key_id_t import_key(psa_key_type_t type, psa_algorithm_t alg, psa_key_usage_t usage,
                               const uint8_t *key, size_t key_len)
{
    psa_key_attributes_t attr = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t id = PSA_KEY_ID_NULL;

    psa_set_key_type(&attr, type);
    psa_set_key_algorithm(&attr, alg);
    psa_set_key_usage_flags(&attr, usage);
    if (psa_import_key(&attr, key, key_len, &id) != PSA_SUCCESS) {
        return PSA_KEY_ID_NULL;
    }
    return id;
}

/* check_status declassifies a status (already public if the library is right) and checks it. */
static void check_status(const char *api, const char *what, psa_status_t got, psa_status_t want)
{
    PUBLIC(&got, sizeof(got));
    if (got != want) {
        char m[160];

        snprintf(m, sizeof(m), "%s: status %d, want %d", what, (int)got, (int)want);
        fail(api, m);
    }
}

/* param: the MAC algorithm (HMAC keys for HMAC, AES-256 keys otherwise). */
static void ct_psa_mac(const char *api, uint32_t alg)
{
    psa_key_type_t type = PSA_ALG_IS_HMAC(alg) ? PSA_KEY_TYPE_HMAC : PSA_KEY_TYPE_AES;
    psa_key_usage_t usage = PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE;
    uint8_t key[32], msg[64], ref[PSA_MAC_MAX_SIZE], tag[PSA_MAC_MAX_SIZE];
    size_t ref_len = 0, tag_len = 0;
    psa_key_id_t pub_id, sec_id;
    psa_mac_operation_t op = PSA_MAC_OPERATION_INIT;
    psa_status_t st;

    fill(key, sizeof(key));
    fill(msg, sizeof(msg));
    pub_id = import_key(type, alg, usage, key, sizeof(key));
    check_status(api, "mac_compute (public key)",
                 psa_mac_compute(pub_id, alg, msg, sizeof(msg), ref, sizeof(ref), &ref_len),
                 PSA_SUCCESS);

    SECRET(key, sizeof(key));
    SECRET(msg, sizeof(msg));
    sec_id = import_key(type, alg, usage, key, sizeof(key));
    PUBLIC(key, sizeof(key));
    if (pub_id == PSA_KEY_ID_NULL || sec_id == PSA_KEY_ID_NULL) {
        fail(api, "import");
        return;
    }
    st = psa_mac_compute(sec_id, alg, msg, sizeof(msg), tag, sizeof(tag), &tag_len);
    check_status(api, "mac_compute", st, PSA_SUCCESS);
    PUBLIC(tag, sizeof(tag));
    if (tag_len != ref_len) {
        fail(api, "tag length");
        return;
    }
    check_eq(api, "tag", tag, ref, tag_len);

    /* Right tag, a tag wrong in its last byte, a tag wrong in its first byte. */
    check_status(api, "verify (right tag)",
                 psa_mac_verify(sec_id, alg, msg, sizeof(msg), tag, tag_len), PSA_SUCCESS);
    tag[tag_len - 1] ^= 1u;
    check_status(api, "verify (wrong last byte)",
                 psa_mac_verify(sec_id, alg, msg, sizeof(msg), tag, tag_len),
                 PSA_ERROR_INVALID_SIGNATURE);
    tag[tag_len - 1] ^= 1u;
    tag[0] ^= 0x80u;
    check_status(api, "verify (wrong first byte)",
                 psa_mac_verify(sec_id, alg, msg, sizeof(msg), tag, tag_len),
                 PSA_ERROR_INVALID_SIGNATURE);
    tag[0] ^= 0x80u;

    /* Multi-part. */
    st = psa_mac_verify_setup(&op, sec_id, alg);
    if (st == PSA_SUCCESS) {
        st = psa_mac_update(&op, msg, 21);
    }
    if (st == PSA_SUCCESS) {
        st = psa_mac_update(&op, msg + 21, sizeof(msg) - 21);
    }
    if (st == PSA_SUCCESS) {
        st = psa_mac_verify_finish(&op, tag, tag_len);
    }
    (void)psa_mac_abort(&op);
    check_status(api, "verify_finish (right tag)", st, PSA_SUCCESS);

    PUBLIC(msg, sizeof(msg));
    (void)psa_destroy_key(pub_id);
    (void)psa_destroy_key(sec_id);
}

/* param: the GCM tag length. */
static void ct_psa_aead(const char *api, uint32_t tag_len)
{
    psa_algorithm_t alg = PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, tag_len);
    psa_key_usage_t usage = PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT;
    uint8_t key[16], nonce[12], aad[20], pt[40];
    uint8_t ref[sizeof(pt) + 16], ct[sizeof(pt) + 16], back[sizeof(pt)];
    size_t ref_len = 0, ct_len = 0, back_len = 0, n2 = 0, vlen = 0;
    psa_key_id_t pub_id, sec_id;
    psa_aead_operation_t op = PSA_AEAD_OPERATION_INIT;
    psa_status_t st;
    int round;

    fill(key, sizeof(key));
    fill(nonce, sizeof(nonce));
    fill(aad, sizeof(aad));
    fill(pt, sizeof(pt));
    pub_id = import_key(PSA_KEY_TYPE_AES, alg, usage, key, sizeof(key));
    check_status(api, "encrypt (public key)",
                 psa_aead_encrypt(pub_id, alg, nonce, sizeof(nonce), aad, sizeof(aad), pt,
                                  sizeof(pt), ref, sizeof(ref), &ref_len),
                 PSA_SUCCESS);

    SECRET(key, sizeof(key));
    sec_id = import_key(PSA_KEY_TYPE_AES, alg, usage, key, sizeof(key));
    PUBLIC(key, sizeof(key));
    if (pub_id == PSA_KEY_ID_NULL || sec_id == PSA_KEY_ID_NULL) {
        fail(api, "import");
        return;
    }
    SECRET(aad, sizeof(aad));
    SECRET(pt, sizeof(pt));
    st = psa_aead_encrypt(sec_id, alg, nonce, sizeof(nonce), aad, sizeof(aad), pt, sizeof(pt),
                          ct, sizeof(ct), &ct_len);
    check_status(api, "encrypt", st, PSA_SUCCESS);
    PUBLIC(ct, sizeof(ct));
    if (ct_len != ref_len) {
        fail(api, "ciphertext length");
        return;
    }
    check_eq(api, "ciphertext", ct, ref, ct_len);

    /* One-shot decrypt: right tag, then a wrong tag. */
    st = psa_aead_decrypt(sec_id, alg, nonce, sizeof(nonce), aad, sizeof(aad), ct, ct_len, back,
                          sizeof(back), &back_len);
    check_status(api, "decrypt (right tag)", st, PSA_SUCCESS);
    PUBLIC(back, sizeof(back));
    PUBLIC(pt, sizeof(pt));
    if (back_len != sizeof(pt)) {
        fail(api, "plaintext length");
    } else {
        check_eq(api, "plaintext", back, pt, sizeof(pt));
    }
    ct[ct_len - 1] ^= 4u;
    st = psa_aead_decrypt(sec_id, alg, nonce, sizeof(nonce), aad, sizeof(aad), ct, ct_len, back,
                          sizeof(back), &back_len);
    check_status(api, "decrypt (wrong tag)", st, PSA_ERROR_INVALID_SIGNATURE);
    ct[ct_len - 1] ^= 4u;
    ct[3] ^= 4u; /* a changed ciphertext byte */
    st = psa_aead_decrypt(sec_id, alg, nonce, sizeof(nonce), aad, sizeof(aad), ct, ct_len, back,
                          sizeof(back), &back_len);
    check_status(api, "decrypt (changed ciphertext)", st, PSA_ERROR_INVALID_SIGNATURE);
    ct[3] ^= 4u;

    /* Multi-part decrypt with psa_aead_verify: right tag, then a wrong one. */
    for (round = 0; round < 2; round++) {
        uint8_t t[16];
        size_t part = 0;

        memcpy(t, ct + sizeof(pt), tag_len);
        t[tag_len / 2] ^= (uint8_t)round; /* round 1: a wrong tag */
        st = psa_aead_decrypt_setup(&op, sec_id, alg);
        if (st == PSA_SUCCESS) {
            st = psa_aead_set_nonce(&op, nonce, sizeof(nonce));
        }
        if (st == PSA_SUCCESS) {
            st = psa_aead_update_ad(&op, aad, sizeof(aad));
        }
        if (st == PSA_SUCCESS) {
            st = psa_aead_update(&op, ct, 17, back, sizeof(back), &part);
        }
        if (st == PSA_SUCCESS) {
            st = psa_aead_update(&op, ct + 17, sizeof(pt) - 17, back + part,
                                 sizeof(back) - part, &n2);
        }
        if (st == PSA_SUCCESS) {
            st = psa_aead_verify(&op, back + part + n2, sizeof(back) - part - n2, &vlen, t,
                                 tag_len);
        }
        (void)psa_aead_abort(&op);
        check_status(api, round == 0 ? "verify (right tag)" : "verify (wrong tag)", st,
                     round == 0 ? PSA_SUCCESS : PSA_ERROR_INVALID_SIGNATURE);
    }
    PUBLIC(aad, sizeof(aad));
    PUBLIC(back, sizeof(back));
    (void)psa_destroy_key(pub_id);
    (void)psa_destroy_key(sec_id);
}

/* param: the hash algorithm; the message is secret. */
static void ct_psa_hash(const char *api, uint32_t alg)
{
    uint8_t msg[100], ref[PSA_HASH_MAX_SIZE];
    size_t ref_len = 0;
    psa_hash_operation_t op = PSA_HASH_OPERATION_INIT;
    psa_status_t st;

    fill(msg, sizeof(msg));
    check_status(api, "compute",
                 psa_hash_compute(alg, msg, sizeof(msg), ref, sizeof(ref), &ref_len),
                 PSA_SUCCESS);
    SECRET(msg, sizeof(msg));
    check_status(api, "compare (right)", psa_hash_compare(alg, msg, sizeof(msg), ref, ref_len),
                 PSA_SUCCESS);
    ref[ref_len - 1] ^= 1u;
    check_status(api, "compare (wrong)", psa_hash_compare(alg, msg, sizeof(msg), ref, ref_len),
                 PSA_ERROR_INVALID_SIGNATURE);
    st = psa_hash_setup(&op, alg);
    if (st == PSA_SUCCESS) {
        st = psa_hash_update(&op, msg, sizeof(msg));
    }
    if (st == PSA_SUCCESS) {
        st = psa_hash_verify(&op, ref, ref_len);
    }
    (void)psa_hash_abort(&op);
    check_status(api, "verify (wrong)", st, PSA_ERROR_INVALID_SIGNATURE);
    ref[ref_len - 1] ^= 1u;
    st = psa_hash_setup(&op, alg);
    if (st == PSA_SUCCESS) {
        st = psa_hash_update(&op, msg, sizeof(msg));
    }
    if (st == PSA_SUCCESS) {
        st = psa_hash_verify(&op, ref, ref_len);
    }
    (void)psa_hash_abort(&op);
    check_status(api, "verify (right)", st, PSA_SUCCESS);
    PUBLIC(msg, sizeof(msg));
}

/* HKDF from a secret key: output_bytes, then verify_bytes right and wrong. */
static psa_status_t kdf_start(psa_key_derivation_operation_t *op, psa_algorithm_t alg,
                              psa_key_id_t key, const uint8_t *salt, const uint8_t *info)
{
    psa_status_t st = psa_key_derivation_setup(op, alg);

    if (st == PSA_SUCCESS) {
        st = psa_key_derivation_input_bytes(op, PSA_KEY_DERIVATION_INPUT_SALT, salt, 16);
    }
    if (st == PSA_SUCCESS) {
        st = psa_key_derivation_input_key(op, PSA_KEY_DERIVATION_INPUT_SECRET, key);
    }
    if (st == PSA_SUCCESS) {
        st = psa_key_derivation_input_bytes(op, PSA_KEY_DERIVATION_INPUT_INFO, info, 8);
    }
    return st;
}

static void ct_psa_kdf(const char *api, uint32_t alg)
{
    psa_key_usage_t usage = PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_VERIFY_DERIVATION;
    uint8_t key[32], salt[16], info[8], ref[70], out[70];
    psa_key_id_t pub_id, sec_id;
    psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
    psa_status_t st;
    int round;

    fill(key, sizeof(key));
    fill(salt, sizeof(salt));
    fill(info, sizeof(info));
    pub_id = import_key(PSA_KEY_TYPE_DERIVE, alg, usage, key, sizeof(key));
    st = kdf_start(&op, alg, pub_id, salt, info);
    if (st == PSA_SUCCESS) {
        st = psa_key_derivation_output_bytes(&op, ref, sizeof(ref));
    }
    (void)psa_key_derivation_abort(&op);
    check_status(api, "output (public key)", st, PSA_SUCCESS);

    SECRET(key, sizeof(key));
    sec_id = import_key(PSA_KEY_TYPE_DERIVE, alg, usage, key, sizeof(key));
    PUBLIC(key, sizeof(key));
    if (pub_id == PSA_KEY_ID_NULL || sec_id == PSA_KEY_ID_NULL) {
        fail(api, "import");
        return;
    }
    st = kdf_start(&op, alg, sec_id, salt, info);
    if (st == PSA_SUCCESS) {
        st = psa_key_derivation_output_bytes(&op, out, 9);
    }
    if (st == PSA_SUCCESS) {
        st = psa_key_derivation_output_bytes(&op, out + 9, sizeof(out) - 9);
    }
    (void)psa_key_derivation_abort(&op);
    check_status(api, "output", st, PSA_SUCCESS);
    PUBLIC(out, sizeof(out));
    check_eq(api, "output", out, ref, sizeof(out));

    for (round = 0; round < 2; round++) {
        ref[sizeof(ref) - 3] ^= (uint8_t)round;
        st = kdf_start(&op, alg, sec_id, salt, info);
        if (st == PSA_SUCCESS) {
            st = psa_key_derivation_verify_bytes(&op, ref, sizeof(ref));
        }
        (void)psa_key_derivation_abort(&op);
        check_status(api, round == 0 ? "verify_bytes (right)" : "verify_bytes (wrong)", st,
                     round == 0 ? PSA_SUCCESS : PSA_ERROR_INVALID_SIGNATURE);
        ref[sizeof(ref) - 3] ^= (uint8_t)round;
    }
    (void)psa_destroy_key(pub_id);
    (void)psa_destroy_key(sec_id);
}

/* ====================================================================
 * Self-check plants: deliberately leaky code that memcheck must report.
 * They live here, never in the library. Calls go through volatile
 * pointers so that the compiler cannot fold them into something else.
 * ================================================================== */

/* An early-exit comparison: its running time (a branch) depends on the data. */
static uint32_t plant_leaky_memcmp(const uint8_t *a, const uint8_t *b, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (a[i] != b[i]) {
            return 1;
        }
    }
    return 0;
}

/* A table lookup at a secret index (the cache-timing leak of table-based AES). */
static uint8_t plant_table_lookup(const uint8_t *table, uint8_t secret_index)
{
    return table[secret_index];
}

static uint32_t (*volatile plant_memcmp_fn)(const uint8_t *, const uint8_t *, size_t) =
    plant_leaky_memcmp;
static uint8_t (*volatile plant_lookup_fn)(const uint8_t *, uint8_t) = plant_table_lookup;

static void plant_branch(const char *api, uint32_t param)
{
    uint8_t a[32], b[32];
    uint32_t r;

    (void)param;
    fill(a, sizeof(a));
    memcpy(b, a, sizeof(b));
    b[31] ^= 1u;
    SECRET(a, sizeof(a));
    r = plant_memcmp_fn(a, b, sizeof(a));
    PUBLIC(&r, sizeof(r));
    PUBLIC(a, sizeof(a));
    if (r != 1) {
        fail(api, "plant result");
    }
}

static void plant_index(const char *api, uint32_t param)
{
    uint8_t table[256], idx = 0x5a, v;
    size_t i;

    (void)param;
    for (i = 0; i < sizeof(table); i++) {
        table[i] = (uint8_t)(i ^ 0xa5u);
    }
    SECRET(&idx, sizeof(idx));
    v = plant_lookup_fn(table, idx);
    PUBLIC(&v, sizeof(v));
    if (v != (0x5au ^ 0xa5u)) {
        fail(api, "plant result");
    }
}

/* ====================================================================
 * The per-API list of expected results.
 * ================================================================== */

enum { CT_CLEAN, CT_FINDING };

typedef struct {
    const char *api;
    void (*run)(const char *api, uint32_t param);
    uint32_t param;
    int expect;       /* CT_CLEAN: memcheck must report nothing while it runs */
    const char *note; /* for CT_FINDING: why the leak is accepted */
} ct_case_t;

#define GCM_PARAM(key_len, iv_len) ((uint32_t)(key_len) | ((uint32_t)(iv_len) << 8))

static const ct_case_t ct_cases[] = {
    { "cit_ct_memcmp, cit_ct_memcpy_if, cit_ct_u32_*", ct_util, 0, CT_CLEAN, NULL },

    { "AES-128 cit_aes_ct_init/encrypt/decrypt/cbc_mac", ct_aes, 16, CT_CLEAN, NULL },
    { "AES-192 cit_aes_ct_init/encrypt/decrypt/cbc_mac", ct_aes, 24, CT_CLEAN, NULL },
    { "AES-256 cit_aes_ct_init/encrypt/decrypt/cbc_mac", ct_aes, 32, CT_CLEAN, NULL },
    { "CMAC-AES-128 cit_cmac_*", ct_cmac, 16, CT_CLEAN, NULL },
    { "CMAC-AES-256 cit_cmac_*", ct_cmac, 32, CT_CLEAN, NULL },
    { "CBC-MAC-AES-128 cit_cbc_mac_*", ct_cbc_mac, 16, CT_CLEAN, NULL },
    { "CBC-MAC-AES-256 cit_cbc_mac_*", ct_cbc_mac, 32, CT_CLEAN, NULL },

    { "MD5 (descriptor)", ct_hash, PSA_ALG_MD5, CT_CLEAN, NULL },
    { "RIPEMD-160 (descriptor)", ct_hash, PSA_ALG_RIPEMD160, CT_CLEAN, NULL },
    { "SHA-1 (descriptor)", ct_hash, PSA_ALG_SHA_1, CT_CLEAN, NULL },
    { "SHA-224 (descriptor)", ct_hash, PSA_ALG_SHA_224, CT_CLEAN, NULL },
    { "SHA-256 (descriptor)", ct_hash, PSA_ALG_SHA_256, CT_CLEAN, NULL },
    { "SHA-256/192 (descriptor)", ct_hash, PSA_ALG_SHA_256_192, CT_CLEAN, NULL },
    { "SHA-384 (descriptor)", ct_hash, PSA_ALG_SHA_384, CT_CLEAN, NULL },
    { "SHA-512 (descriptor)", ct_hash, PSA_ALG_SHA_512, CT_CLEAN, NULL },
    { "SHA-512/224 (descriptor)", ct_hash, PSA_ALG_SHA_512_224, CT_CLEAN, NULL },
    { "SHA-512/256 (descriptor)", ct_hash, PSA_ALG_SHA_512_256, CT_CLEAN, NULL },
    { "SHA3-224 (descriptor)", ct_hash, PSA_ALG_SHA3_224, CT_CLEAN, NULL },
    { "SHA3-256 (descriptor)", ct_hash, PSA_ALG_SHA3_256, CT_CLEAN, NULL },
    { "SHA3-384 (descriptor)", ct_hash, PSA_ALG_SHA3_384, CT_CLEAN, NULL },
    { "SHA3-512 (descriptor)", ct_hash, PSA_ALG_SHA3_512, CT_CLEAN, NULL },
    { "SHAKE128/256 (descriptor)", ct_hash, PSA_ALG_SHAKE128_256, CT_CLEAN, NULL },
    { "SHAKE256/192 (descriptor)", ct_hash, PSA_ALG_SHAKE256_192, CT_CLEAN, NULL },
    { "SHAKE256/256 (descriptor)", ct_hash, PSA_ALG_SHAKE256_256, CT_CLEAN, NULL },
    { "SHAKE256/512 (descriptor)", ct_hash, PSA_ALG_SHAKE256_512, CT_CLEAN, NULL },
    { "cit_sha1, cit_sha256, cit_sha512, cit_sha3_squeeze (SHAKE)", ct_hash_oneshot, 0,
      CT_CLEAN, NULL },

    { "HMAC-SHA-1 cit_hmac_*", ct_hmac, PSA_ALG_SHA_1, CT_CLEAN, NULL },
    { "HMAC-SHA-256 cit_hmac_*", ct_hmac, PSA_ALG_SHA_256, CT_CLEAN, NULL },
    { "HMAC-SHA-512 cit_hmac_*", ct_hmac, PSA_ALG_SHA_512, CT_CLEAN, NULL },
    { "HMAC-SHA3-256 cit_hmac_*", ct_hmac, PSA_ALG_SHA3_256, CT_CLEAN, NULL },
    { "HMAC-MD5 cit_hmac_*", ct_hmac, PSA_ALG_MD5, CT_CLEAN, NULL },
    { "HMAC-RIPEMD-160 cit_hmac_*", ct_hmac, PSA_ALG_RIPEMD160, CT_CLEAN, NULL },

    { "GCM-AES-128 96-bit IV cit_gcm_* (portable GHASH)", ct_gcm, GCM_PARAM(16, 12), CT_CLEAN,
      NULL },
    { "GCM-AES-192 64-bit IV cit_gcm_* (portable GHASH)", ct_gcm, GCM_PARAM(24, 8), CT_CLEAN,
      NULL },
    { "GCM-AES-256 480-bit IV cit_gcm_* (portable GHASH)", ct_gcm, GCM_PARAM(32, 60), CT_CLEAN,
      NULL },

    { "HKDF-SHA-256 cit_hkdf_*", ct_hkdf, PSA_ALG_SHA_256, CT_CLEAN, NULL },
    { "HKDF-SHA-512 cit_hkdf_*", ct_hkdf, PSA_ALG_SHA_512, CT_CLEAN, NULL },
    { "CTR_DRBG cit_ctr_drbg_*", ct_ctr_drbg, 0, CT_CLEAN, NULL },

    { "psa_mac_verify HMAC-SHA-256", ct_psa_mac, PSA_ALG_HMAC(PSA_ALG_SHA_256), CT_CLEAN, NULL },
    { "psa_mac_verify HMAC-SHA-512 truncated to 20", ct_psa_mac,
      PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_512), 20), CT_CLEAN, NULL },
    { "psa_mac_verify CMAC-AES-256", ct_psa_mac, PSA_ALG_CMAC, CT_CLEAN, NULL },
    { "psa_aead_decrypt/psa_aead_verify GCM", ct_psa_aead, 16, CT_CLEAN, NULL },
    { "psa_aead_decrypt/psa_aead_verify GCM, 12-byte tag", ct_psa_aead, 12, CT_CLEAN, NULL },
    { "psa_hash_compare/psa_hash_verify SHA-256", ct_psa_hash, PSA_ALG_SHA_256, CT_CLEAN, NULL },
    { "psa_hash_compare/psa_hash_verify SHA3-512", ct_psa_hash, PSA_ALG_SHA3_512, CT_CLEAN,
      NULL },
    { "psa_key_derivation_verify_bytes HKDF-SHA-256", ct_psa_kdf,
      PSA_ALG_HKDF(PSA_ALG_SHA_256), CT_CLEAN, NULL },
};

/* Run only with --self-check, in their own valgrind run: each must be reported. */
static const ct_case_t plant_cases[] = {
    { "plant: early-exit compare", plant_branch, 0, CT_FINDING,
      "planted secret-dependent branch (Conditional jump or move depends on uninitialised value)" },
    { "plant: secret table index", plant_index, 0, CT_FINDING,
      "planted secret-dependent address (Use of uninitialised value of size 8)" },
};

/* run_cases runs a list and returns how many cases did not meet their expectation. */
static unsigned run_cases(const ct_case_t *cases, size_t n, int on_valgrind)
{
    unsigned bad = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        unsigned before = (unsigned)VALGRIND_COUNT_ERRORS;
        unsigned long failures_before = failures;
        unsigned found;
        const char *verdict;
        int ok;

        cases[i].run(cases[i].api, cases[i].param);
        found = (unsigned)VALGRIND_COUNT_ERRORS - before;
        if (!on_valgrind) {
            ok = 1;
            verdict = "not checked";
        } else if (cases[i].expect == CT_CLEAN) {
            ok = found == 0;
            verdict = ok ? "clean" : "LEAK (expected clean)";
        } else {
            ok = found > 0;
            verdict = ok ? "reported, as expected" : "NOT REPORTED (expected a finding)";
        }
        if (failures != failures_before) {
            ok = 0;
        }
        printf("%-62s %s (%u)%s%s\n", cases[i].api, verdict, found,
               cases[i].note != NULL ? " - " : "", cases[i].note != NULL ? cases[i].note : "");
        if (!ok) {
            bad++;
        }
    }
    return bad;
}

int main(int argc, char **argv)
{
    int self_check = argc > 1 && strcmp(argv[1], "--self-check") == 0;
    int on_valgrind = RUNNING_ON_VALGRIND != 0;
    unsigned bad;

    if (argc > 1 && !self_check) {
        fprintf(stderr, "usage: %s [--self-check]\n", argv[0]);
        return 2;
    }
    if (self_check) {
        bad = run_cases(plant_cases, sizeof(plant_cases) / sizeof(plant_cases[0]), on_valgrind);
    } else {
        if (psa_crypto_init() != PSA_SUCCESS) {
            fprintf(stderr, "psa_crypto_init failed\n");
            return 1;
        }
        citadel_set_accelerators(0); /* every PSA case runs the portable builtin driver */
        bad = run_cases(ct_cases, sizeof(ct_cases) / sizeof(ct_cases[0]), on_valgrind);
    }
    if (!on_valgrind) {
        printf("SKIPPED: not running under valgrind, constant-time not checked "
               "(functional checks: %s)\n", bad == 0 ? "passed" : "FAILED");
        return bad == 0 ? 77 : 1;
    }
    printf("%s: %u case(s) did not meet the expectation\n",
           self_check ? "ct self-check" : "ct check", bad);
    return bad == 0 ? 0 : 1;
}
