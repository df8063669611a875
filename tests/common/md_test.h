/*
 * md_test.h - shared checks for the Merkle-Damgard hash unit tests (SHA-1,
 * SHA-2, MD5, RIPEMD-160) (test code; heap allowed).
 *
 * The checks see a hash only through cit_md_test_alg_t: function pointers
 * over a void * context of ops->ctx_size bytes. Each test program includes
 * primitives.h and supplies small adapters, so this library never sees the
 * primitives' types. All randomness comes from cit_test_rand(), in the order
 * documented per routine, so a seed gives the same messages every run.
 */
#ifndef CIT_MD_TEST_H
#define CIT_MD_TEST_H

#include <stddef.h>
#include <stdint.h>

/* CIT_MD_TEST_MAX_DIGEST bounds digest_len (SHA-512). */
#define CIT_MD_TEST_MAX_DIGEST 64

/* The operations shared by every variant over one context type. */
typedef struct {
    size_t ctx_size;
    void (*update)(void *ctx, const uint8_t *in, size_t in_len);
    /* finish writes out_len (the variant's digest_len) bytes and must wipe ctx. */
    void (*finish)(void *ctx, uint8_t *out, size_t out_len);
    /*
     * The compression-function hook (ctx->blocks), or all NULL/0 for a hash
     * without one. blocks_portable: ctx->blocks is the portable function.
     * blocks_count: sets ctx->blocks to a wrapper that adds each call's
     * num_blocks to cit_md_test_blocks_seen. A message of len bytes must
     * take (len + length_len) / block_len + 1 blocks, padding included.
     */
    int (*blocks_portable)(const void *ctx);
    void (*blocks_count)(void *ctx);
    size_t block_len;
    size_t length_len;
} cit_md_test_ops_t;

/* One hash: a context type's operations plus the variant's init and length. */
typedef struct {
    const cit_md_test_ops_t *ops;
    const char *name;            /* for messages, e.g. "SHA-256" */
    void (*init)(void *ctx);
    size_t digest_len;           /* <= CIT_MD_TEST_MAX_DIGEST */
    const char *openssl;         /* EVP_MD_fetch name, or NULL: no OpenSSL counterpart */
} cit_md_test_alg_t;

/* cit_md_test_blocks_seen is the counter behind ops->blocks_count. */
extern size_t cit_md_test_blocks_seen;

/* ---- Single checks ---- */

/* cit_md_test_known_answer: one-shot digest of the string msg is md_hex (2 checks). */
void cit_md_test_known_answer(const cit_md_test_alg_t *alg, const char *msg, const char *md_hex);
/*
 * cit_md_test_million_a: one million 'a', hashed in one call and then one
 * byte per update, is md_hex (5 checks).
 */
void cit_md_test_million_a(const cit_md_test_alg_t *alg, const char *md_hex);

/*
 * cit_md_test_properties: iterations random messages of 0..999 bytes, each
 * split at random into multi-part updates (zero-length parts included) with
 * a memcpy clone taken at a random cut; both must match the one-shot digest
 * and finish must leave the context all zero. Where ops has the blocks hook,
 * init must install the portable compression and a counting substitute must
 * see every block.
 */
void cit_md_test_properties(const cit_md_test_alg_t *alg, int iterations);

/*
 * cit_md_test_differential: against OpenSSL's alg->openssl for every length
 * 0..300 (one-shot) and 2000 random messages of 0..3000 bytes (random
 * splits). Nothing beyond one check when alg->openssl is NULL; a note when
 * OpenSSL does not offer the hash.
 */
void cit_md_test_differential(const cit_md_test_alg_t *alg);

/* ---- Vector files (under CIT_VECTORS_DIR) ---- */

/*
 * cit_md_test_msg_file runs every Len/Msg/MD record of rel one-shot; returns
 * the number run, or -1 (no checks) if the file is missing.
 */
long cit_md_test_msg_file(const cit_md_test_alg_t *alg, const char *rel);
/*
 * cit_md_test_monte_file runs a SHAVS Monte Carlo file (Seed, then COUNT/MD
 * checkpoints); returns the number of checkpoints, or -1 if the file is missing.
 */
long cit_md_test_monte_file(const cit_md_test_alg_t *alg, const char *rel);
/*
 * cit_md_test_shavs runs the SHAVS byte-oriented files nist/cavp/shs/<prefix>
 * {ShortMsg,LongMsg_first24,Monte}.rsp, noting missing ones; returns how
 * many were found (0 when prefix is NULL).
 */
int cit_md_test_shavs(const cit_md_test_alg_t *alg, const char *prefix);

/* ---- Whole test programs ---- */

/* One FIPS 180 hash: digests of "", "abc", the 448- and 896-bit messages, 10^6 'a'. */
typedef struct {
    cit_md_test_alg_t md;
    const char *shavs;           /* prefix for cit_md_test_shavs, or NULL */
    const char *fips180[5];
} cit_md_test_sha_t;

/*
 * cit_md_test_sha_main runs, per alg: the FIPS 180 answers, 200 property
 * iterations, the differential test and SHAVS. With no SHAVS file found and
 * no failure it skips (exit 77) naming family; else returns cit_test_end(name).
 */
int cit_md_test_sha_main(const char *name, const char *family, const cit_md_test_sha_t *algs,
                         size_t num_algs);

/* A typed-in known answer: md is the hex digest of the string msg. */
typedef struct {
    const char *msg;
    const char *md;
} cit_md_test_kat_t;

/* A hash tested from typed-in answers and one Len/Msg/MD file. */
typedef struct {
    cit_md_test_alg_t md;
    const cit_md_test_kat_t *kats;
    size_t num_kats;
    const char *million_a;       /* hex digest of one million 'a' */
    const char *vectors;         /* Len/Msg/MD file under CIT_VECTORS_DIR */
} cit_md_test_plain_t;

/*
 * cit_md_test_plain_main runs the typed-in answers, the vector file (a note
 * if missing), 300 property iterations and the differential test; returns
 * cit_test_end(name).
 */
int cit_md_test_plain_main(const char *name, const cit_md_test_plain_t *t);

#endif /* CIT_MD_TEST_H */
