/*
 * builtin.h - the builtin transparent driver (prefix `builtin`).
 *
 * Entry points follow the PSA Crypto Driver Interface: the core passes key
 * attributes and the key buffer (export format), never a key id. The
 * builtin driver is one driver among others; accelerators reuse its
 * operation contexts and mode code with their own primitives.
 */
#ifndef CIT_BUILTIN_H
#define CIT_BUILTIN_H

#include "primitives.h"
#include "psa/crypto.h"

/* ---- Hash ---- */

typedef struct {
    const cit_hash_desc_t *desc;
    cit_hash_ctx_t ctx;
} builtin_hash_operation_t;

/* cit_builtin_hash_desc returns the portable descriptor for a hash alg, or NULL. */
const cit_hash_desc_t *cit_builtin_hash_desc(psa_algorithm_t alg);

/*
 * Descriptor pieces shared with accelerators that only replace the
 * compression function (their init sets ctx->blocks).
 */
void cit_hd_sha1_update(cit_hash_ctx_t *ctx, const uint8_t *in, size_t in_len);
void cit_hd_sha1_finish(cit_hash_ctx_t *ctx, uint8_t *out);
void cit_hd_sha256_update(cit_hash_ctx_t *ctx, const uint8_t *in, size_t in_len);
void cit_hd_sha224_finish(cit_hash_ctx_t *ctx, uint8_t *out);
void cit_hd_sha256_finish(cit_hash_ctx_t *ctx, uint8_t *out);
void cit_hd_sha256_192_finish(cit_hash_ctx_t *ctx, uint8_t *out);
void cit_hd_sha512_update(cit_hash_ctx_t *ctx, const uint8_t *in, size_t in_len);
void cit_hd_sha384_finish(cit_hash_ctx_t *ctx, uint8_t *out);
void cit_hd_sha512_finish(cit_hash_ctx_t *ctx, uint8_t *out);
void cit_hd_sha512_224_finish(cit_hash_ctx_t *ctx, uint8_t *out);
void cit_hd_sha512_256_finish(cit_hash_ctx_t *ctx, uint8_t *out);

psa_status_t builtin_hash_setup(builtin_hash_operation_t *operation, psa_algorithm_t alg);
/* builtin_hash_setup_desc starts a hash with an explicit descriptor. */
void builtin_hash_setup_desc(builtin_hash_operation_t *operation, const cit_hash_desc_t *desc);
psa_status_t builtin_hash_update(builtin_hash_operation_t *operation, const uint8_t *input,
                                 size_t input_length);
psa_status_t builtin_hash_finish(builtin_hash_operation_t *operation, uint8_t *hash,
                                 size_t hash_size, size_t *hash_length);
psa_status_t builtin_hash_abort(builtin_hash_operation_t *operation);
psa_status_t builtin_hash_compute(psa_algorithm_t alg, const uint8_t *input, size_t input_length,
                                  uint8_t *hash, size_t hash_size, size_t *hash_length);

/*
 * Suspend/resume in the Crypto API's hash suspend state format. suspend
 * writes the state and leaves the operation untouched; resume starts a new
 * operation from a state. Both return NOT_SUPPORTED for algorithms without
 * a defined format (SHA-3, SHAKE, SHA-256/192).
 */
psa_status_t builtin_hash_suspend(const builtin_hash_operation_t *operation, uint8_t *state,
                                  size_t state_size, size_t *state_length);
psa_status_t builtin_hash_resume(builtin_hash_operation_t *operation, const cit_hash_desc_t *desc,
                                 const uint8_t *state, size_t state_length);

/* ---- XOF (SHAKE128, SHAKE256) ---- */

typedef struct {
    cit_sha3_ctx_t ctx;
} builtin_xof_operation_t;

psa_status_t builtin_xof_setup(builtin_xof_operation_t *operation, psa_algorithm_t alg);
psa_status_t builtin_xof_update(builtin_xof_operation_t *operation, const uint8_t *input,
                                size_t input_length);
psa_status_t builtin_xof_output(builtin_xof_operation_t *operation, uint8_t *output,
                                size_t output_length);
psa_status_t builtin_xof_abort(builtin_xof_operation_t *operation);

/* ---- MAC ---- */

typedef struct {
    psa_algorithm_t base; /* PSA_ALG_FULL_LENGTH_MAC of the requested alg */
    union {
        cit_hmac_ctx_t hmac;
        cit_cmac_ctx_t cmac;
        cit_cbc_mac_ctx_t cbc_mac;
    } u;
} builtin_mac_operation_t;

/* The primitive providers a MAC setup runs on (builtin or an accelerator's). */
typedef struct {
    const cit_hash_desc_t *(*hash_desc)(psa_algorithm_t alg);
    cit_aes_init_fn aes_init;
} cit_mac_providers_t;

/* cit_mac_setup_with keys a MAC operation over the given primitive providers. */
psa_status_t cit_mac_setup_with(builtin_mac_operation_t *operation,
                                const cit_mac_providers_t *prov,
                                const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                                size_t key_buffer_size, psa_algorithm_t alg);

psa_status_t builtin_mac_sign_setup(builtin_mac_operation_t *operation,
                                    const psa_key_attributes_t *attributes,
                                    const uint8_t *key_buffer, size_t key_buffer_size,
                                    psa_algorithm_t alg);
psa_status_t builtin_mac_verify_setup(builtin_mac_operation_t *operation,
                                      const psa_key_attributes_t *attributes,
                                      const uint8_t *key_buffer, size_t key_buffer_size,
                                      psa_algorithm_t alg);
psa_status_t builtin_mac_update(builtin_mac_operation_t *operation, const uint8_t *input,
                                size_t input_length);
/* Writes the full-length MAC (the core truncates and compares). */
psa_status_t builtin_mac_sign_finish(builtin_mac_operation_t *operation, uint8_t *mac,
                                     size_t mac_size, size_t *mac_length);
psa_status_t builtin_mac_abort(builtin_mac_operation_t *operation);
/* builtin_mac_supported: is the (valid, specific) MAC algorithm built? */
int builtin_mac_supported(psa_algorithm_t alg);

/* ---- AEAD (AES-GCM) ---- */

typedef struct {
    psa_algorithm_t alg;  /* the requested algorithm (with its tag length) */
    uint8_t is_encrypt;
    uint8_t tag_length;
    union {
        cit_gcm_ctx_t gcm;
    } u;
} builtin_aead_operation_t;

/*
 * The primitive providers an AEAD setup runs on: the AES key schedule, and
 * optionally a hook that switches a keyed GCM context to faster GHASH
 * (NULL: the portable one).
 */
typedef struct {
    cit_aes_init_fn aes_init;
    void (*gcm_accel)(cit_gcm_ctx_t *ctx);
} cit_aead_providers_t;

/* cit_aead_setup_with keys an AEAD operation over the given providers. */
psa_status_t cit_aead_setup_with(builtin_aead_operation_t *operation,
                                 const cit_aead_providers_t *prov,
                                 const psa_key_attributes_t *attributes,
                                 const uint8_t *key_buffer, size_t key_buffer_size,
                                 psa_algorithm_t alg, int is_encrypt);
/* One-shot encryption / decryption over the given providers (driver contract below). */
psa_status_t cit_aead_encrypt_with(const cit_aead_providers_t *prov,
                                   const psa_key_attributes_t *attributes,
                                   const uint8_t *key_buffer, size_t key_buffer_size,
                                   psa_algorithm_t alg, const uint8_t *nonce,
                                   size_t nonce_length, const uint8_t *additional_data,
                                   size_t additional_data_length, const uint8_t *plaintext,
                                   size_t plaintext_length, uint8_t *ciphertext,
                                   size_t ciphertext_size, size_t *ciphertext_length);
psa_status_t cit_aead_decrypt_with(const cit_aead_providers_t *prov,
                                   const psa_key_attributes_t *attributes,
                                   const uint8_t *key_buffer, size_t key_buffer_size,
                                   psa_algorithm_t alg, const uint8_t *nonce,
                                   size_t nonce_length, const uint8_t *additional_data,
                                   size_t additional_data_length, const uint8_t *ciphertext,
                                   size_t ciphertext_length, uint8_t *plaintext,
                                   size_t plaintext_size, size_t *plaintext_length);

/*
 * builtin_aead_encrypt writes the ciphertext followed by the tag. The core
 * has validated the algorithm against the key; the driver checks the nonce
 * length (INVALID_ARGUMENT if 0) and the GCM length limits.
 */
psa_status_t builtin_aead_encrypt(const psa_key_attributes_t *attributes,
                                  const uint8_t *key_buffer, size_t key_buffer_size,
                                  psa_algorithm_t alg, const uint8_t *nonce, size_t nonce_length,
                                  const uint8_t *additional_data, size_t additional_data_length,
                                  const uint8_t *plaintext, size_t plaintext_length,
                                  uint8_t *ciphertext, size_t ciphertext_size,
                                  size_t *ciphertext_length);
/*
 * builtin_aead_decrypt takes the ciphertext followed by the tag; on a tag
 * mismatch it returns INVALID_SIGNATURE with the plaintext output wiped.
 */
psa_status_t builtin_aead_decrypt(const psa_key_attributes_t *attributes,
                                  const uint8_t *key_buffer, size_t key_buffer_size,
                                  psa_algorithm_t alg, const uint8_t *nonce, size_t nonce_length,
                                  const uint8_t *additional_data, size_t additional_data_length,
                                  const uint8_t *ciphertext, size_t ciphertext_length,
                                  uint8_t *plaintext, size_t plaintext_size,
                                  size_t *plaintext_length);
psa_status_t builtin_aead_encrypt_setup(builtin_aead_operation_t *operation,
                                        const psa_key_attributes_t *attributes,
                                        const uint8_t *key_buffer, size_t key_buffer_size,
                                        psa_algorithm_t alg);
psa_status_t builtin_aead_decrypt_setup(builtin_aead_operation_t *operation,
                                        const psa_key_attributes_t *attributes,
                                        const uint8_t *key_buffer, size_t key_buffer_size,
                                        psa_algorithm_t alg);
psa_status_t builtin_aead_set_nonce(builtin_aead_operation_t *operation, const uint8_t *nonce,
                                    size_t nonce_length);
/* builtin_aead_set_lengths only checks the lengths against the algorithm's limits. */
psa_status_t builtin_aead_set_lengths(builtin_aead_operation_t *operation, size_t ad_length,
                                      size_t plaintext_length);
psa_status_t builtin_aead_update_ad(builtin_aead_operation_t *operation, const uint8_t *input,
                                    size_t input_length);
/* builtin_aead_update outputs exactly input_length bytes (GCM buffers nothing). */
psa_status_t builtin_aead_update(builtin_aead_operation_t *operation, const uint8_t *input,
                                 size_t input_length, uint8_t *output, size_t output_size,
                                 size_t *output_length);
/* builtin_aead_finish writes no ciphertext and the tag of the algorithm's length. */
psa_status_t builtin_aead_finish(builtin_aead_operation_t *operation, uint8_t *ciphertext,
                                 size_t ciphertext_size, size_t *ciphertext_length, uint8_t *tag,
                                 size_t tag_size, size_t *tag_length);
/* builtin_aead_verify compares in constant time: INVALID_SIGNATURE on a mismatch. */
psa_status_t builtin_aead_verify(builtin_aead_operation_t *operation, uint8_t *plaintext,
                                 size_t plaintext_size, size_t *plaintext_length,
                                 const uint8_t *tag, size_t tag_length);
psa_status_t builtin_aead_abort(builtin_aead_operation_t *operation);
/* builtin_aead_supported: is the (valid, specific) AEAD algorithm built for AES keys? */
int builtin_aead_supported(psa_algorithm_t alg);

/* ---- Key derivation (HKDF, HKDF-Extract, HKDF-Expand) ---- */

/*
 * Longest HKDF info string an operation holds (HKDF-Expand uses it in every
 * output block, so it is kept until the operation ends). Longer info is
 * PSA_ERROR_NOT_SUPPORTED. TLS 1.3's longest HkdfLabel is 514 bytes.
 */
#define CIT_HKDF_INFO_MAX_SIZE 1024

typedef struct {
    psa_algorithm_t alg;
    uint32_t phase;        /* inputs seen so far (builtin_kdf.c) */
    uint32_t info_length;
    const cit_hash_desc_t *desc;
    union {
        cit_hmac_ctx_t extract;       /* HMAC keyed with the salt, absorbing the IKM */
        cit_hkdf_expand_ctx_t expand; /* HKDF, HKDF-Expand: the OKM stream */
        struct {
            uint8_t prk[CIT_HASH_MAX_DIGEST];
            uint32_t used;
        } prk;                        /* HKDF-Extract: the PRK is the output */
    } u;
    uint8_t info[CIT_HKDF_INFO_MAX_SIZE];
} builtin_kdf_operation_t;

/* cit_kdf_setup_with starts a key derivation over the given primitive providers. */
psa_status_t cit_kdf_setup_with(builtin_kdf_operation_t *operation,
                                const cit_mac_providers_t *prov, psa_algorithm_t alg);
psa_status_t builtin_kdf_setup(builtin_kdf_operation_t *operation, psa_algorithm_t alg);
/*
 * builtin_kdf_input_bytes passes one input (direct, or a key's material). The
 * core has checked the step against the algorithm and the order of the steps.
 */
psa_status_t builtin_kdf_input_bytes(builtin_kdf_operation_t *operation,
                                     psa_key_derivation_step_t step, const uint8_t *data,
                                     size_t data_length);
/* builtin_kdf_output_bytes writes the next bytes of the output stream (capacity: the core). */
psa_status_t builtin_kdf_output_bytes(builtin_kdf_operation_t *operation, uint8_t *output,
                                      size_t output_length);
psa_status_t builtin_kdf_abort(builtin_kdf_operation_t *operation);
/* builtin_kdf_supported: is the (valid, specific) key-derivation algorithm built? */
int builtin_kdf_supported(psa_algorithm_t alg);

/* ---- Random (CTR_DRBG, NIST SP 800-90A) ---- */

typedef struct {
    cit_ctr_drbg_t drbg;
    uint8_t seeded;
} builtin_random_context_t;

/* builtin_random_seed instantiates (first call) or reseeds the DRBG. */
void builtin_random_seed(builtin_random_context_t *ctx, cit_aes_init_fn aes_init,
                         const uint8_t *entropy, size_t entropy_length, const uint8_t *pers,
                         size_t pers_length);
/* Returns PSA_ERROR_INSUFFICIENT_ENTROPY if unseeded or a reseed is due. */
psa_status_t builtin_random_generate(builtin_random_context_t *ctx, cit_aes_init_fn aes_init,
                                     uint8_t *output, size_t output_length);

#endif /* CIT_BUILTIN_H */
