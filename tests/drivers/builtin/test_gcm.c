/*
 * test_gcm.c - the GCM primitive (gcm.c) and, where the CPU has it, the
 * PCLMULQDQ GHASH (src/drivers/x86/ghash_clmul.c), each run over every
 * implementation pairing: portable AES + portable GHASH, portable AES +
 * CLMUL GHASH, AES-NI + CLMUL GHASH.
 *   - the McGrew-Viega GCM paper test cases (96-bit, 64-bit and 480-bit IVs);
 *   - NIST CAVP gcmEncryptExtIV*.rsp and gcmDecrypt*.rsp (all tag lengths;
 *     FAIL records must fail);
 *   - Wycheproof aes_gcm_test.json (every IV size, counter wrap, modified
 *     tags; the zero-length IVs are counted as rejected, the primitive needs
 *     at least one byte);
 *   - GHASH alone: CLMUL against portable for 0..40 blocks from random states;
 *   - differential against OpenSSL EVP_aes_*_gcm: 2000 random cases with
 *     IV lengths 1..64, AAD 0..100 and text 0..2000 bytes, random splits of
 *     AAD and text, in-place operation and mid-stream context copies.
 */
#include "primitives.h"
#include "config_derive.h"
#include "test.h"
#include "util.h"
#if defined(CIT_USE_X86)
#include "x86.h"
#endif

#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#if defined(CIT_NEED_GCM)

#define DIFF_CASES 2000
#define MAX_TEXT 2000

typedef struct {
    const char *name;
    cit_aes_init_fn aes_init;
    int clmul;
} impl_t;

static impl_t impls[3];
static size_t num_impls;
static unsigned long cavp_enc, cavp_dec, cavp_fail, wp_valid, wp_invalid, wp_rejected;
static unsigned long diff_cases;

static int ct_aes_init(cit_aes_ctx_t *ctx, const uint8_t *key, size_t key_len)
{
    return cit_aes_ct_init(ctx, key, key_len);
}

/* ---- Running GCM ---- */

static void gcm_key(const impl_t *im, cit_gcm_ctx_t *ctx, const uint8_t *key, size_t key_len)
{
    CHECK(cit_gcm_setkey(ctx, im->aes_init, key, key_len) == 0);
#if defined(CIT_USE_X86)
    if (im->clmul) {
        cit_gcm_use_clmul(ctx);
    }
#endif
}

/* next_piece returns the length of the next piece of a random split of `left` bytes. */
static size_t next_piece(size_t left)
{
    size_t n;

    switch (cit_test_rnd(5)) {
    case 0:
        n = 0;
        break;
    case 1:
        n = cit_test_rnd(18);
        break;
    case 2:
        n = 16 * cit_test_rnd(10);
        break;
    case 3:
        n = cit_test_rnd(left + 1);
        break;
    default:
        n = left;
        break;
    }
    return n < left ? n : left;
}

/*
 * gcm_run processes one message: split != 0 feeds AAD and text in random
 * pieces. Writes len bytes to out (which may equal in) and the full tag.
 */
static void gcm_run(const impl_t *im, int decrypt, int split, const uint8_t *key, size_t key_len,
                    const uint8_t *iv, size_t iv_len, const uint8_t *aad, size_t aad_len,
                    const uint8_t *in, size_t len, uint8_t *out, uint8_t tag[16])
{
    cit_gcm_ctx_t ctx;
    size_t off, n;

    gcm_key(im, &ctx, key, key_len);
    cit_gcm_start(&ctx, iv, iv_len);
    off = 0;
    do {
        n = split ? next_piece(aad_len - off) : aad_len - off;
        cit_gcm_aad(&ctx, aad + off, n);
        off += n;
    } while (off < aad_len);
    for (off = 0; off < len; off += n) {
        n = split ? next_piece(len - off) : len - off;
        if (decrypt) {
            cit_gcm_decrypt(&ctx, in + off, out + off, n);
        } else {
            cit_gcm_encrypt(&ctx, in + off, out + off, n);
        }
    }
    cit_gcm_finish(&ctx, tag);
    CHECK(ctx.text_len == len && ctx.aad_len == aad_len);
}

/* ---- McGrew-Viega test cases ---- */

typedef struct {
    const char *key, *iv, *pt, *aad, *ct, *tag;
} kat_t;

#define MV_PT                                                                              \
    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e24" \
    "49a6b525b16aedf5aa0de657ba637b39"
#define MV_AAD "feedfacedeadbeeffeedfacedeadbeefabaddad2"

static const kat_t kats[] = {
    /* Test case 1: empty message. */
    { "00000000000000000000000000000000", "000000000000000000000000", "", "", "",
      "58e2fccefa7e3061367f1d57a4e7455a" },
    /* Test case 2: one zero block. */
    { "00000000000000000000000000000000", "000000000000000000000000",
      "00000000000000000000000000000000", "", "0388dace60b6a392f328c2b971b2fe78",
      "ab6e47d42cec13bdf53a67b21257bddf" },
    /* Test case 4: AAD, partial last block. */
    { "feffe9928665731c6d6a8f9467308308", "cafebabefacedbaddecaf888", MV_PT, MV_AAD,
      "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5a"
      "ac84aa051ba30b396a0aac973d58e091",
      "5bc94fbc3221a5db94fae95ae7121a47" },
    /* Test case 5: 64-bit IV. */
    { "feffe9928665731c6d6a8f9467308308", "cafebabefacedbad", MV_PT, MV_AAD,
      "61353b4c2806934a777ff51fa22a4755699b2a714fcdc6f83766e5f97b6c742373806900e49f24b22b097544"
      "d4896b424989b5e1ebac0f07c23f4598",
      "3612d2e79e3b0785561be14aaca2fccb" },
    /* Test case 6: 480-bit IV. */
    { "feffe9928665731c6d6a8f9467308308",
      "9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e242"
      "9a6b525416aedbf5a0de6a57a637b39b",
      MV_PT, MV_AAD,
      "8ce24998625615b603a033aca13fb894be9112a5c3a211a8ba262a3cca7e2ca701e4a9a4fba43c90ccdcb281"
      "d48c7c6fd62875d2aca417034c34aee5",
      "619cc5aefffe0bfa462af43c1699d050" },
    /* Test case 16: AES-256, 96-bit IV. */
    { "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
      "cafebabefacedbaddecaf888", MV_PT, MV_AAD,
      "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b10"
      "56828838c5f61e6393ba7a0abcc9f662",
      "76fc6ece0f4e1768cddf8853bb2d551b" },
    /* Test case 18: AES-256, 480-bit IV. */
    { "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
      "9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e242"
      "9a6b525416aedbf5a0de6a57a637b39b",
      MV_PT, MV_AAD,
      "5a8def2f0c9e53f1f75d7853659e2a20eeb2b22aafde6419a058ab4f6f746bf40fc0c3b780f244452da3ebf1"
      "c5d82cdea2418997200ef82e44ae7e3f",
      "a44a8266ee1c8eb0c8b5d4cf5ae9f19a" },
};

static void test_kats(const impl_t *im)
{
    size_t i;

    for (i = 0; i < CIT_ARRAY_LEN(kats); i++) {
        size_t kl, ivl, pl, al, cl, tl;
        uint8_t *key = cit_hex_decode(kats[i].key, &kl);
        uint8_t *iv = cit_hex_decode(kats[i].iv, &ivl);
        uint8_t *pt = cit_hex_decode(kats[i].pt, &pl);
        uint8_t *aad = cit_hex_decode(kats[i].aad, &al);
        uint8_t *ct = cit_hex_decode(kats[i].ct, &cl);
        uint8_t *tag = cit_hex_decode(kats[i].tag, &tl);
        uint8_t out[64], got[16];
        int split;

        CHECK(key && iv && pt && aad && ct && tag && pl == cl && tl == 16 && pl <= sizeof(out));
        for (split = 0; split < 2; split++) {
            gcm_run(im, 0, split, key, kl, iv, ivl, aad, al, pt, pl, out, got);
            CHECK_MEM(out, ct, cl);
            CHECK_MEM(got, tag, 16);
            gcm_run(im, 1, split, key, kl, iv, ivl, aad, al, ct, cl, out, got);
            CHECK_MEM(out, pt, pl);
            CHECK_MEM(got, tag, 16);
        }
        free(key);
        free(iv);
        free(pt);
        free(aad);
        free(ct);
        free(tag);
    }
}

/* ---- NIST CAVP ---- */

typedef struct {
    const impl_t *im;
    int decrypt_file;
} cavp_arg_t;

static void cavp_record(const cit_rsp_record_t *rec, void *argp)
{
    const cavp_arg_t *arg = (const cavp_arg_t *)argp;
    const char *tl_s = strstr(rec->section, "Taglen = ");
    size_t kl, ivl, pl = 0, al, cl, tl;
    uint8_t *key = cit_hex_decode(cit_rsp_get(rec, "Key"), &kl);
    uint8_t *iv = cit_hex_decode(cit_rsp_get(rec, "IV"), &ivl);
    uint8_t *aad = cit_hex_decode(cit_rsp_get(rec, "AAD"), &al);
    uint8_t *ct = cit_hex_decode(cit_rsp_get(rec, "CT"), &cl);
    uint8_t *tag = cit_hex_decode(cit_rsp_get(rec, "Tag"), &tl);
    uint8_t *pt = NULL;
    int fail = cit_rsp_get(rec, "FAIL") != NULL;
    uint8_t *out;
    uint8_t got[16];

    if (cit_rsp_get(rec, "Key") == NULL) {
        goto done; /* not a test record */
    }
    if (!fail) {
        pt = cit_hex_decode(cit_rsp_get(rec, "PT"), &pl);
    }
    CHECK(key && iv && aad && ct && tag && tl_s != NULL && (fail || pt != NULL));
    if (!(key && iv && aad && ct && tag && tl_s != NULL && (fail || pt != NULL))) {
        goto done;
    }
    CHECK((size_t)atoi(tl_s + 9) == 8 * tl && tl >= 4 && tl <= 16);
    CHECK(fail || pl == cl);
    out = (uint8_t *)malloc(cl + 1);
    CHECK(out != NULL);
    if (out == NULL) {
        goto done;
    }
    if (!arg->decrypt_file) {
        gcm_run(arg->im, 0, (int)cit_test_rnd(2), key, kl, iv, ivl, aad, al, pt, pl, out, got);
        CHECK_MEM(out, ct, cl);
        CHECK_MEM(got, tag, tl);
        cavp_enc++;
    } else {
        gcm_run(arg->im, 1, (int)cit_test_rnd(2), key, kl, iv, ivl, aad, al, ct, cl, out, got);
        if (fail) {
            CHECK(memcmp(got, tag, tl) != 0);
            cavp_fail++;
        } else {
            CHECK_MEM(got, tag, tl);
            CHECK_MEM(out, pt, pl);
            cavp_dec++;
        }
    }
    free(out);
done:
    free(key);
    free(iv);
    free(aad);
    free(ct);
    free(tag);
    free(pt);
}

/* test_cavp returns 0, or -1 if a vector file is missing. */
static int test_cavp(const impl_t *im)
{
    static const char *const files[] = {
        "gcmEncryptExtIV128_IVlen96_first5.rsp", "gcmEncryptExtIV192_IVlen96_first5.rsp",
        "gcmEncryptExtIV256_IVlen96_first5.rsp", "gcmDecrypt128_IVlen96_first5.rsp",
        "gcmDecrypt192_IVlen96_first5.rsp",      "gcmDecrypt256_IVlen96_first5.rsp",
    };
    int missing = 0;
    size_t i;

    for (i = 0; i < CIT_ARRAY_LEN(files); i++) {
        char rel[128];
        char *path;
        cavp_arg_t arg;

        snprintf(rel, sizeof(rel), "nist/cavp/aes/GCM/%s", files[i]);
        path = cit_vector_path(rel);
        if (path == NULL) {
            missing = 1;
            continue;
        }
        arg.im = im;
        arg.decrypt_file = strstr(files[i], "Decrypt") != NULL;
        CHECK(cit_rsp_foreach(path, cavp_record, &arg) > 0);
        free(path);
    }
    return missing ? -1 : 0;
}

/* ---- Wycheproof ---- */

static void wycheproof_case(const impl_t *im, const cit_json_t *t, size_t tag_bytes)
{
    const char *result = cit_json_str(t, "result");
    size_t kl, ivl, al, ml, cl, tl;
    uint8_t *key = cit_hex_decode(cit_json_str(t, "key"), &kl);
    uint8_t *iv = cit_hex_decode(cit_json_str(t, "iv"), &ivl);
    uint8_t *aad = cit_hex_decode(cit_json_str(t, "aad"), &al);
    uint8_t *msg = cit_hex_decode(cit_json_str(t, "msg"), &ml);
    uint8_t *ct = cit_hex_decode(cit_json_str(t, "ct"), &cl);
    uint8_t *tag = cit_hex_decode(cit_json_str(t, "tag"), &tl);
    uint8_t *out = (uint8_t *)malloc(ml + cl + 1);
    uint8_t got[16];

    CHECK(key && iv && aad && msg && ct && tag && out && result);
    if (!(key && iv && aad && msg && ct && tag && out && result)) {
        goto done;
    }
    CHECK(tl == tag_bytes);
    if (ivl == 0) {
        /* SP 800-38D needs a non-empty IV: rejected before the primitive (PSA level). */
        CHECK(strcmp(result, "invalid") == 0);
        wp_rejected++;
        goto done;
    }
    if (strcmp(result, "valid") == 0) {
        CHECK(ml == cl);
        gcm_run(im, 0, (int)cit_test_rnd(2), key, kl, iv, ivl, aad, al, msg, ml, out, got);
        CHECK_MEM(out, ct, cl);
        CHECK_MEM(got, tag, tl);
        gcm_run(im, 1, (int)cit_test_rnd(2), key, kl, iv, ivl, aad, al, ct, cl, out, got);
        CHECK_MEM(out, msg, ml);
        CHECK_MEM(got, tag, tl);
        wp_valid++;
    } else {
        CHECK(strcmp(result, "invalid") == 0);
        gcm_run(im, 1, (int)cit_test_rnd(2), key, kl, iv, ivl, aad, al, ct, cl, out, got);
        CHECK(memcmp(got, tag, tl) != 0);
        wp_invalid++;
    }
done:
    free(key);
    free(iv);
    free(aad);
    free(msg);
    free(ct);
    free(tag);
    free(out);
}

/* test_wycheproof returns 0, or -1 if the file is missing. */
static int test_wycheproof(const impl_t *im)
{
    char *path = cit_vector_path("wycheproof/testvectors_v1/aes_gcm_test.json");
    cit_json_t *doc;
    const cit_json_t *groups;
    size_t g, k;

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
        size_t tag_bits = (size_t)cit_json_num(grp, "tagSize", 0);

        CHECK(tests != NULL && tag_bits % 8 == 0 && tag_bits <= 128);
        for (k = 0; tests != NULL && k < tests->count; k++) {
            wycheproof_case(im, tests->items[k], tag_bits / 8);
        }
    }
    cit_json_free(doc);
    return 0;
}

/* ---- GHASH alone: CLMUL against portable ---- */

#if defined(CIT_USE_X86)
static void test_ghash_clmul(void)
{
    static uint8_t data[40 * 16 + 15];
    uint8_t key[32], y1[16], y2[16];
    cit_gcm_ctx_t a, b;
    size_t n, r;

    for (r = 0; r < 200; r++) {
        size_t key_len = 16 + 8 * cit_test_rnd(3);
        const uint8_t *in = data + cit_test_rnd(16);

        cit_test_rand_bytes(key, key_len);
        cit_test_rand_bytes(data, sizeof(data));
        CHECK(cit_gcm_setkey(&a, ct_aes_init, key, key_len) == 0);
        memcpy(&b, &a, sizeof(a));
        cit_gcm_use_clmul(&b);
        CHECK(a.ghash != b.ghash);
        for (n = 0; n <= 40; n++) {
            cit_test_rand_bytes(y1, sizeof(y1));
            memcpy(y2, y1, sizeof(y1));
            a.ghash(&a, y1, in, n);
            b.ghash(&b, y2, in, n);
            CHECK_MEM(y2, y1, 16);
        }
    }
}
#endif

/* ---- Differential against OpenSSL ---- */

static const EVP_CIPHER *ossl_gcm(size_t key_len)
{
    return key_len == 16 ? EVP_aes_128_gcm() : key_len == 24 ? EVP_aes_192_gcm()
                                                             : EVP_aes_256_gcm();
}

/* openssl_encrypt: OpenSSL's GCM ciphertext and 16-byte tag. */
static int openssl_encrypt(const uint8_t *key, size_t key_len, const uint8_t *iv, size_t iv_len,
                           const uint8_t *aad, size_t aad_len, const uint8_t *pt, size_t len,
                           uint8_t *ct, uint8_t tag[16])
{
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int n = 0, ok;

    ok = c != NULL && EVP_EncryptInit_ex(c, ossl_gcm(key_len), NULL, NULL, NULL) == 1 &&
         EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_IVLEN, (int)iv_len, NULL) == 1 &&
         EVP_EncryptInit_ex(c, NULL, NULL, key, iv) == 1;
    if (ok && aad_len > 0) {
        ok = EVP_EncryptUpdate(c, NULL, &n, aad, (int)aad_len) == 1;
    }
    if (ok && len > 0) {
        ok = EVP_EncryptUpdate(c, ct, &n, pt, (int)len) == 1 && (size_t)n == len;
    }
    ok = ok && EVP_EncryptFinal_ex(c, ct + len, &n) == 1 && n == 0 &&
         EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, 16, tag) == 1;
    EVP_CIPHER_CTX_free(c);
    return ok;
}

static void test_differential(const impl_t *im)
{
    static uint8_t pt[MAX_TEXT], ct[MAX_TEXT], out[MAX_TEXT + 16];
    uint8_t key[32], iv[64], aad[100], want[16], got[16];
    int i;

    for (i = 0; i < DIFF_CASES; i++) {
        size_t key_len = 16 + 8 * (size_t)(i % 3);
        size_t iv_len = cit_test_rnd(4) == 0 ? 12 : 1 + cit_test_rnd(64);
        size_t aad_len = cit_test_rnd(101);
        size_t len = cit_test_rnd(4) == 0 ? cit_test_rnd(40) : cit_test_rnd(MAX_TEXT + 1);
        size_t cut;
        cit_gcm_ctx_t ctx, copy;

        cit_test_rand_bytes(key, key_len);
        cit_test_rand_bytes(iv, iv_len);
        cit_test_rand_bytes(aad, aad_len);
        cit_test_rand_bytes(pt, len);
        if (!openssl_encrypt(key, key_len, iv, iv_len, aad, aad_len, pt, len, ct, want)) {
            CHECK(0);
            continue;
        }
        /* Split, then in place. */
        gcm_run(im, 0, 1, key, key_len, iv, iv_len, aad, aad_len, pt, len, out, got);
        CHECK_MEM(out, ct, len);
        CHECK_MEM(got, want, 16);
        memcpy(out, ct, len);
        gcm_run(im, 1, 1, key, key_len, iv, iv_len, aad, aad_len, out, len, out, got);
        CHECK_MEM(out, pt, len);
        CHECK_MEM(got, want, 16);

        /* A context copied mid-stream continues independently. */
        cut = cit_test_rnd(len + 1);
        gcm_key(im, &ctx, key, key_len);
        cit_gcm_start(&ctx, iv, iv_len);
        cit_gcm_aad(&ctx, aad, aad_len);
        cit_gcm_encrypt(&ctx, pt, out, cut);
        memcpy(&copy, &ctx, sizeof(ctx));
        cit_gcm_encrypt(&ctx, pt + cut, out + cut, len - cut);
        cit_gcm_finish(&ctx, got);
        CHECK_MEM(out, ct, len);
        CHECK_MEM(got, want, 16);
        memset(out, 0, len);
        cit_gcm_encrypt(&copy, pt + cut, out + cut, len - cut);
        cit_gcm_finish(&copy, got);
        CHECK_MEM(out + cut, ct + cut, len - cut);
        CHECK_MEM(got, want, 16);

        /* A flipped bit anywhere changes the tag. */
        if (len > 0 && i % 4 == 0) {
            size_t bit = cit_test_rnd(8 * len);

            memcpy(out, ct, len);
            out[bit / 8] ^= (uint8_t)(1u << (bit % 8));
            gcm_run(im, 1, 0, key, key_len, iv, iv_len, aad, aad_len, out, len, out, got);
            CHECK(memcmp(got, want, 16) != 0);
        }
        diff_cases++;
    }
}

/* ---- Reuse: one key, many messages ---- */

static void test_rekey_restart(const impl_t *im)
{
    uint8_t key[16], iv[12], pt[100], ct[100], out[100], want[16], got[16];
    cit_gcm_ctx_t ctx;
    int i;

    cit_test_rand_bytes(key, sizeof(key));
    gcm_key(im, &ctx, key, sizeof(key));
    for (i = 0; i < 20; i++) {
        size_t len = cit_test_rnd(sizeof(pt) + 1);

        cit_test_rand_bytes(iv, sizeof(iv));
        cit_test_rand_bytes(pt, len);
        CHECK(openssl_encrypt(key, 16, iv, 12, pt, 7, pt, len, ct, want));
        cit_gcm_start(&ctx, iv, 12);
        cit_gcm_aad(&ctx, pt, 7);
        cit_gcm_encrypt(&ctx, pt, out, len);
        cit_gcm_finish(&ctx, got);
        CHECK_MEM(out, ct, len);
        CHECK_MEM(got, want, 16);
    }
    /* Invalid key lengths are refused and leave a wiped context. */
    CHECK(cit_gcm_setkey(&ctx, im->aes_init, key, 15) == -1);
    CHECK(cit_gcm_setkey(&ctx, im->aes_init, key, 0) == -1);
}

int main(void)
{
    int missing = 0;
    size_t i;

    cit_test_rand_seed(0x47434du);
    impls[num_impls].name = "portable AES + portable GHASH";
    impls[num_impls].aes_init = ct_aes_init;
    impls[num_impls++].clmul = 0;
#if defined(CIT_USE_X86)
    if ((cit_x86_features() & CIT_X86_AES) != 0) {
        impls[num_impls].name = "portable AES + CLMUL GHASH";
        impls[num_impls].aes_init = ct_aes_init;
        impls[num_impls++].clmul = 1;
        impls[num_impls].name = "AES-NI + CLMUL GHASH";
        impls[num_impls].aes_init = cit_aes_ni_init;
        impls[num_impls++].clmul = 1;
        test_ghash_clmul();
    } else {
        printf("note: no AES-NI/PCLMULQDQ: only the portable implementation is tested\n");
    }
#endif
    for (i = 0; i < num_impls; i++) {
        printf("== %s\n", impls[i].name);
        test_kats(&impls[i]);
        if (test_cavp(&impls[i]) != 0) {
            missing = 1;
        }
        if (test_wycheproof(&impls[i]) != 0) {
            missing = 1;
        }
        test_differential(&impls[i]);
        test_rekey_restart(&impls[i]);
        printf("   checks so far: %lu, failures: %lu\n", cit_test_checks, cit_test_failures);
    }
    printf("over %lu implementation(s): CAVP encrypt %lu, decrypt %lu, FAIL records %lu; "
           "Wycheproof valid %lu, invalid %lu, zero-length IV (rejected above) %lu; "
           "OpenSSL differential %lu\n",
           (unsigned long)num_impls, cavp_enc, cavp_dec, cavp_fail, wp_valid, wp_invalid,
           wp_rejected, diff_cases);
    if (missing && cit_test_failures == 0) {
        (void)cit_test_end("test_gcm");
        cit_test_skip("GCM vector files (CAVP or Wycheproof) not found");
    }
    return cit_test_end("test_gcm");
}

#else /* !CIT_NEED_GCM */

int main(void)
{
    cit_test_skip("GCM is not configured (PSA_WANT_ALG_GCM)");
    return 0;
}

#endif /* CIT_NEED_GCM */
