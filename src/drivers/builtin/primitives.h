/*
 * primitives.h - Citadel's portable cryptographic primitives.
 *
 * These are the raw algorithms beneath the builtin driver: no PSA types, no
 * status codes, no heap, no CPU probing. Contexts are caller-allocated and
 * contain no interior pointers, so cloning a context is a memcpy. The only
 * pointers they hold are to constant functions chosen at init time (e.g.
 * the block-compression function, which an accelerator driver may replace),
 * which remain valid for any copy. finish() functions wipe the context.
 *
 * Every implementation here is constant-time with respect to its secret
 * inputs (keys, messages being hashed or MACed).
 */
#ifndef CIT_PRIMITIVES_H
#define CIT_PRIMITIVES_H

#include <stddef.h>
#include <stdint.h>

/* ======================================================================
 * MD-style hashes: SHA-1, SHA-2, MD5, RIPEMD-160.
 * `num_bytes` counts every byte absorbed; the buffer holds
 * num_bytes % block_size pending bytes.
 * ==================================================================== */

/* A compression function over num_blocks consecutive 64-byte blocks. */
typedef void (*cit_blocks32_fn)(uint32_t *state, const uint8_t *data, size_t num_blocks);
/* A compression function over num_blocks consecutive 128-byte blocks. */
typedef void (*cit_blocks64_fn)(uint64_t *state, const uint8_t *data, size_t num_blocks);

typedef struct {
    uint32_t h[5];
    uint64_t num_bytes;
    uint8_t buf[64];
    cit_blocks32_fn blocks;
} cit_sha1_ctx_t;

/* cit_sha1_blocks is the portable SHA-1 compression function. */
void cit_sha1_blocks(uint32_t *state, const uint8_t *data, size_t num_blocks);
/* cit_sha1_init starts a SHA-1 computation using the portable compression. */
void cit_sha1_init(cit_sha1_ctx_t *ctx);
void cit_sha1_update(cit_sha1_ctx_t *ctx, const uint8_t *in, size_t in_len);
/* cit_sha1_finish writes the 20-byte digest and wipes ctx. */
void cit_sha1_finish(cit_sha1_ctx_t *ctx, uint8_t out[20]);
void cit_sha1(const uint8_t *in, size_t in_len, uint8_t out[20]);

typedef struct {
    uint32_t h[8];
    uint64_t num_bytes;
    uint8_t buf[64];
    cit_blocks32_fn blocks;
} cit_sha256_ctx_t;

/* cit_sha256_blocks is the portable SHA-256 compression function. */
void cit_sha256_blocks(uint32_t *state, const uint8_t *data, size_t num_blocks);
void cit_sha256_init(cit_sha256_ctx_t *ctx);
void cit_sha224_init(cit_sha256_ctx_t *ctx);
void cit_sha256_update(cit_sha256_ctx_t *ctx, const uint8_t *in, size_t in_len);
/*
 * cit_sha256_finish writes the first out_len (<= 32) bytes of the final
 * state: 32 for SHA-256, 28 for SHA-224, 24 for SHA-256/192. Wipes ctx.
 */
void cit_sha256_finish(cit_sha256_ctx_t *ctx, uint8_t *out, size_t out_len);
void cit_sha256(const uint8_t *in, size_t in_len, uint8_t out[32]);

typedef struct {
    uint64_t h[8];
    uint64_t num_bytes;
    uint8_t buf[128];
    cit_blocks64_fn blocks;
} cit_sha512_ctx_t;

void cit_sha512_blocks(uint64_t *state, const uint8_t *data, size_t num_blocks);
void cit_sha512_init(cit_sha512_ctx_t *ctx);
void cit_sha384_init(cit_sha512_ctx_t *ctx);
void cit_sha512_224_init(cit_sha512_ctx_t *ctx);
void cit_sha512_256_init(cit_sha512_ctx_t *ctx);
void cit_sha512_update(cit_sha512_ctx_t *ctx, const uint8_t *in, size_t in_len);
/* out_len: 64 (SHA-512), 48 (SHA-384), 28 (SHA-512/224), 32 (SHA-512/256). */
void cit_sha512_finish(cit_sha512_ctx_t *ctx, uint8_t *out, size_t out_len);
void cit_sha512(const uint8_t *in, size_t in_len, uint8_t out[64]);

typedef struct {
    uint32_t h[4];
    uint64_t num_bytes;
    uint8_t buf[64];
} cit_md5_ctx_t;

void cit_md5_init(cit_md5_ctx_t *ctx);
void cit_md5_update(cit_md5_ctx_t *ctx, const uint8_t *in, size_t in_len);
void cit_md5_finish(cit_md5_ctx_t *ctx, uint8_t out[16]);

typedef struct {
    uint32_t h[5];
    uint64_t num_bytes;
    uint8_t buf[64];
} cit_ripemd160_ctx_t;

void cit_ripemd160_init(cit_ripemd160_ctx_t *ctx);
void cit_ripemd160_update(cit_ripemd160_ctx_t *ctx, const uint8_t *in, size_t in_len);
void cit_ripemd160_finish(cit_ripemd160_ctx_t *ctx, uint8_t out[20]);

/* ======================================================================
 * Keccak / SHA-3 / SHAKE (FIPS 202). The message is XORed straight into
 * the state; `pos` is the byte offset within the current rate block.
 * ==================================================================== */
typedef struct {
    uint64_t s[25];
    uint32_t rate;      /* bytes: 168, 144, 136, 104, 72 */
    uint32_t pos;
    uint8_t pad;        /* domain byte: 0x06 for SHA-3, 0x1f for SHAKE */
    uint8_t squeezing;  /* 0 while absorbing, 1 after padding */
} cit_sha3_ctx_t;

/* cit_keccak_f1600 applies the 24-round Keccak-f[1600] permutation. */
void cit_keccak_f1600(uint64_t s[25]);
/* cit_sha3_init: rate in bytes, pad = 0x06 (SHA-3) or 0x1f (SHAKE). */
void cit_sha3_init(cit_sha3_ctx_t *ctx, uint32_t rate, uint8_t pad);
void cit_sha3_224_init(cit_sha3_ctx_t *ctx);
void cit_sha3_256_init(cit_sha3_ctx_t *ctx);
void cit_sha3_384_init(cit_sha3_ctx_t *ctx);
void cit_sha3_512_init(cit_sha3_ctx_t *ctx);
void cit_shake128_init(cit_sha3_ctx_t *ctx);
void cit_shake256_init(cit_sha3_ctx_t *ctx);
/* cit_sha3_update absorbs input; must not be called after squeezing began. */
void cit_sha3_update(cit_sha3_ctx_t *ctx, const uint8_t *in, size_t in_len);
/*
 * cit_sha3_squeeze pads on its first call, then writes out_len bytes of
 * output; it may be called repeatedly (XOF). It does not wipe ctx.
 */
void cit_sha3_squeeze(cit_sha3_ctx_t *ctx, uint8_t *out, size_t out_len);
/* cit_sha3_finish squeezes out_len bytes and wipes ctx. */
void cit_sha3_finish(cit_sha3_ctx_t *ctx, uint8_t *out, size_t out_len);

/* ======================================================================
 * AES block cipher (FIPS 197). A context carries its block functions so
 * that modes (CMAC, CBC-MAC, CTR_DRBG, ...) run unchanged over the
 * portable bitsliced implementation or a hardware one.
 * ==================================================================== */
typedef struct cit_aes_ctx cit_aes_ctx_t;

/* Encrypts or decrypts num_blocks independent 16-byte blocks (ECB). in may equal out. */
typedef void (*cit_aes_blocks_fn)(const cit_aes_ctx_t *ctx, const uint8_t *in, uint8_t *out,
                                  size_t num_blocks);

/*
 * cit_aes_cbc_fn chains num_blocks 16-byte blocks of in through the cipher in
 * CBC fashion, keeping only the chaining value: for each block,
 * state = AES_K(state ^ block). It is the inner loop of CBC-MAC and CMAC (the
 * caller handles any final-block subkey or padding); num_blocks may be 0.
 * in need not be aligned and may not overlap state. Implementations keep
 * state in registers across blocks, which is why this is one call rather
 * than num_blocks calls of encrypt.
 */
typedef void (*cit_aes_cbc_fn)(const cit_aes_ctx_t *ctx, uint8_t state[16], const uint8_t *in,
                               size_t num_blocks);

struct cit_aes_ctx {
    cit_aes_blocks_fn encrypt;
    cit_aes_blocks_fn decrypt;
    cit_aes_cbc_fn cbc_mac; /* CBC chaining (encryption direction) */
    uint32_t rounds; /* 10, 12 or 14 */
    uint32_t reserved;
    /* Implementation-specific round keys (8-byte aligned; use unaligned loads). */
    uint64_t rk[120];
};

/*
 * cit_aes_ct_init expands a 16-, 24- or 32-byte key for the portable
 * constant-time (bitsliced, no secret-indexed tables) implementation.
 * Returns 0 on success, -1 for an invalid key length.
 */
int cit_aes_ct_init(cit_aes_ctx_t *ctx, const uint8_t *key, size_t key_len);
/* A key-schedule function: cit_aes_ct_init or a hardware one (0, or -1 for a bad length). */
typedef int (*cit_aes_init_fn)(cit_aes_ctx_t *ctx, const uint8_t *key, size_t key_len);

/* cit_aes_wipe wipes a context. */
void cit_aes_wipe(cit_aes_ctx_t *ctx);

/* ======================================================================
 * MAC modes
 * ==================================================================== */

/* Generic hash description used by HMAC (and by the builtin driver). */
typedef union {
    cit_sha1_ctx_t sha1;
    cit_sha256_ctx_t sha256;
    cit_sha512_ctx_t sha512;
    cit_sha3_ctx_t sha3;
    cit_md5_ctx_t md5;
    cit_ripemd160_ctx_t ripemd160;
} cit_hash_ctx_t;

typedef struct {
    uint32_t alg;          /* the psa_algorithm_t value */
    uint16_t block_size;   /* HMAC block size in bytes */
    uint16_t digest_size;  /* output length in bytes */
    void (*init)(cit_hash_ctx_t *ctx);
    void (*update)(cit_hash_ctx_t *ctx, const uint8_t *in, size_t in_len);
    /* writes digest_size bytes and wipes ctx */
    void (*finish)(cit_hash_ctx_t *ctx, uint8_t *out);
} cit_hash_desc_t;

#define CIT_HASH_MAX_BLOCK 144
#define CIT_HASH_MAX_DIGEST 64

typedef struct {
    const cit_hash_desc_t *desc;
    cit_hash_ctx_t inner;
    cit_hash_ctx_t outer;
} cit_hmac_ctx_t;

/* cit_hmac_init keys HMAC (RFC 2104) over the hash desc; any key length. */
void cit_hmac_init(cit_hmac_ctx_t *ctx, const cit_hash_desc_t *desc, const uint8_t *key,
                   size_t key_len);
void cit_hmac_update(cit_hmac_ctx_t *ctx, const uint8_t *in, size_t in_len);
/* cit_hmac_finish writes desc->digest_size bytes and wipes ctx. */
void cit_hmac_finish(cit_hmac_ctx_t *ctx, uint8_t *out);

/* CMAC (NIST SP 800-38B) over an AES context already keyed by its init. */
typedef struct {
    cit_aes_ctx_t aes;
    uint8_t k1[16];
    uint8_t k2[16];
    uint8_t state[16];
    uint8_t buf[16];
    uint32_t buf_len;
} cit_cmac_ctx_t;

/* cit_cmac_start derives the subkeys; ctx->aes must already be keyed. */
void cit_cmac_start(cit_cmac_ctx_t *ctx);
void cit_cmac_update(cit_cmac_ctx_t *ctx, const uint8_t *in, size_t in_len);
/* cit_cmac_finish writes the 16-byte tag and wipes ctx. */
void cit_cmac_finish(cit_cmac_ctx_t *ctx, uint8_t out[16]);

/*
 * CBC-MAC (raw, zero IV, no padding): the message length must be a
 * multiple of 16 at finish; cit_cbc_mac_finish returns -1 otherwise.
 */
typedef struct {
    cit_aes_ctx_t aes;
    uint8_t state[16];
    uint8_t buf[16];
    uint32_t buf_len;
} cit_cbc_mac_ctx_t;

void cit_cbc_mac_start(cit_cbc_mac_ctx_t *ctx);
void cit_cbc_mac_update(cit_cbc_mac_ctx_t *ctx, const uint8_t *in, size_t in_len);
int cit_cbc_mac_finish(cit_cbc_mac_ctx_t *ctx, uint8_t out[16]);

/* ======================================================================
 * GCM (NIST SP 800-38D) over an AES context. The GHASH multiplication is a
 * function pointer so that an accelerator (PCLMULQDQ) can replace the
 * portable constant-time one after cit_gcm_setkey.
 * ==================================================================== */
typedef struct cit_gcm_ctx cit_gcm_ctx_t;

/* y = (y XOR block_i) * H for each of num_blocks 16-byte blocks. */
typedef void (*cit_ghash_fn)(const cit_gcm_ctx_t *ctx, uint8_t y[16], const uint8_t *in,
                             size_t num_blocks);

struct cit_gcm_ctx {
    cit_aes_ctx_t aes;
    cit_ghash_fn ghash;
    uint64_t h[32];        /* H (and powers / tables) in the implementation's form */
    uint8_t y[16];         /* GHASH accumulator */
    uint8_t j0[16];        /* pre-counter block (for the tag) */
    uint8_t ctr[16];       /* next counter block */
    uint8_t ks[16];        /* keystream of the current partial block */
    uint8_t buf[16];       /* pending partial block (AAD or ciphertext) for GHASH */
    uint64_t aad_len;      /* bytes */
    uint64_t text_len;     /* bytes */
    uint32_t ks_used;      /* bytes of ks already used (16 = none left) */
    uint32_t buf_len;
    uint32_t phase;        /* 0 = AAD, 1 = text */
};

/*
 * cit_gcm_setkey keys AES with aes_init (portable or hardware), computes H
 * and selects the portable constant-time GHASH. Returns -1 for a bad key
 * length.
 */
int cit_gcm_setkey(cit_gcm_ctx_t *ctx, cit_aes_init_fn aes_init, const uint8_t *key,
                   size_t key_len);
/* cit_gcm_start begins a message with an IV of any length >= 1 byte. */
void cit_gcm_start(cit_gcm_ctx_t *ctx, const uint8_t *iv, size_t iv_len);
/* cit_gcm_aad absorbs additional data; all AAD comes before any text. */
void cit_gcm_aad(cit_gcm_ctx_t *ctx, const uint8_t *aad, size_t len);
/* cit_gcm_encrypt / cit_gcm_decrypt process text in pieces of any length; in may equal out. */
void cit_gcm_encrypt(cit_gcm_ctx_t *ctx, const uint8_t *in, uint8_t *out, size_t len);
void cit_gcm_decrypt(cit_gcm_ctx_t *ctx, const uint8_t *in, uint8_t *out, size_t len);
/* cit_gcm_finish writes the 16-byte tag (the caller truncates); does not wipe ctx. */
void cit_gcm_finish(cit_gcm_ctx_t *ctx, uint8_t tag[16]);

/* ======================================================================
 * HKDF (RFC 5869) over HMAC.
 * ==================================================================== */

/* cit_hkdf_extract: prk = HMAC(salt, ikm); prk has desc->digest_size bytes. */
void cit_hkdf_extract(const cit_hash_desc_t *desc, const uint8_t *salt, size_t salt_len,
                      const uint8_t *ikm, size_t ikm_len, uint8_t *prk);

/*
 * HKDF-Expand, streamed: T(i) = HMAC(PRK, T(i-1) || info || i), OKM = T(1) || T(2) ...
 * (at most 255 blocks). The context keeps HMAC keyed with the PRK (its two keyed
 * prefixes, never finished; cloned for each block), the current block and how much
 * of it was output, so the PRK itself is not kept.
 */
typedef struct {
    cit_hmac_ctx_t prk;              /* HMAC keyed with the PRK */
    uint8_t t[CIT_HASH_MAX_DIGEST];  /* T(counter) */
    uint32_t used;                   /* bytes of t already output */
    uint32_t counter;                /* index of the block in t; 0 before the first */
} cit_hkdf_expand_ctx_t;

/* cit_hkdf_expand_init keys the expansion with a PRK of any length. */
void cit_hkdf_expand_init(cit_hkdf_expand_ctx_t *ctx, const cit_hash_desc_t *desc,
                          const uint8_t *prk, size_t prk_len);
/*
 * cit_hkdf_expand_output writes the next out_len bytes of OKM; info must be the
 * same on every call. Returns 0, or -1 (writing nothing) if the request goes past
 * 255 blocks.
 */
int cit_hkdf_expand_output(cit_hkdf_expand_ctx_t *ctx, const uint8_t *info, size_t info_len,
                           uint8_t *out, size_t out_len);
/* cit_hkdf_expand_wipe wipes a context. */
void cit_hkdf_expand_wipe(cit_hkdf_expand_ctx_t *ctx);

/* ======================================================================
 * CTR_DRBG with AES-256 and the derivation function (NIST SP 800-90A 10.2).
 * ==================================================================== */
typedef struct {
    cit_aes_ctx_t aes;
    uint8_t v[16];
    uint64_t reseed_counter;
} cit_ctr_drbg_t;

#define CIT_CTR_DRBG_SEEDLEN 48
/* Requests larger than this many bytes are split by the caller. */
#define CIT_CTR_DRBG_MAX_REQUEST 65536
#define CIT_CTR_DRBG_RESEED_INTERVAL 10000

/*
 * cit_ctr_drbg_instantiate: entropy (>= 32 bytes), nonce and personalization
 * go through Block_Cipher_df. init_aes keys an AES context (portable or
 * hardware); the caller passes the same function on every call, and it is
 * used to rekey ctx->aes at each update.
 */
void cit_ctr_drbg_instantiate(cit_ctr_drbg_t *ctx, cit_aes_init_fn init_aes,
                              const uint8_t *entropy, size_t entropy_len,
                              const uint8_t *nonce, size_t nonce_len,
                              const uint8_t *pers, size_t pers_len);
void cit_ctr_drbg_reseed(cit_ctr_drbg_t *ctx, cit_aes_init_fn init_aes,
                         const uint8_t *entropy, size_t entropy_len,
                         const uint8_t *additional, size_t additional_len);
/* Returns 0, or -1 if a reseed is required first (reseed_counter exhausted). */
int cit_ctr_drbg_generate(cit_ctr_drbg_t *ctx, cit_aes_init_fn init_aes,
                          const uint8_t *additional, size_t additional_len,
                          uint8_t *out, size_t out_len);
void cit_ctr_drbg_wipe(cit_ctr_drbg_t *ctx);

#endif /* CIT_PRIMITIVES_H */
