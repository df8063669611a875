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
