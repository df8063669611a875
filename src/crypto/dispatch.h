/*
 * dispatch.h - routing of the core's cryptographic entry points to drivers.
 *
 * For each entry point the dispatcher tries the accelerator drivers first
 * (a driver returns PSA_ERROR_NOT_SUPPORTED to pass), then the builtin
 * driver, and records in the operation which driver accepted it.
 */
#ifndef CIT_DISPATCH_H
#define CIT_DISPATCH_H

#include "psa/crypto.h"

/* Driver ids stored in operation objects (0 = none). */
#define CIT_DRIVER_NONE 0u
#define CIT_DRIVER_BUILTIN 1u
#define CIT_DRIVER_X86 2u

/*
 * cit_dispatch_set_accelerators enables (1) or disables (0) every
 * accelerator driver; disabled means all entry points go to builtin.
 */
void cit_dispatch_set_accelerators(int enabled);

psa_status_t cit_dispatch_hash_setup(psa_hash_operation_t *op, psa_algorithm_t alg);
psa_status_t cit_dispatch_hash_update(psa_hash_operation_t *op, const uint8_t *input,
                                      size_t input_length);
psa_status_t cit_dispatch_hash_finish(psa_hash_operation_t *op, uint8_t *hash, size_t hash_size,
                                      size_t *hash_length);
void cit_dispatch_hash_abort(psa_hash_operation_t *op);
psa_status_t cit_dispatch_hash_compute(psa_algorithm_t alg, const uint8_t *input,
                                       size_t input_length, uint8_t *hash, size_t hash_size,
                                       size_t *hash_length);
psa_status_t cit_dispatch_hash_suspend(const psa_hash_operation_t *op, uint8_t *state,
                                       size_t state_size, size_t *state_length);
psa_status_t cit_dispatch_hash_resume(psa_hash_operation_t *op, psa_algorithm_t alg,
                                      const uint8_t *state, size_t state_length);

psa_status_t cit_dispatch_xof_setup(psa_xof_operation_t *op, psa_algorithm_t alg);
psa_status_t cit_dispatch_xof_update(psa_xof_operation_t *op, const uint8_t *input,
                                     size_t input_length);
psa_status_t cit_dispatch_xof_output(psa_xof_operation_t *op, uint8_t *output,
                                     size_t output_length);
void cit_dispatch_xof_abort(psa_xof_operation_t *op);

psa_status_t cit_dispatch_mac_setup(psa_mac_operation_t *op, const psa_key_attributes_t *attr,
                                    const uint8_t *key, size_t key_length, psa_algorithm_t alg,
                                    int is_sign);
psa_status_t cit_dispatch_mac_update(psa_mac_operation_t *op, const uint8_t *input,
                                     size_t input_length);
psa_status_t cit_dispatch_mac_finish(psa_mac_operation_t *op, uint8_t *mac, size_t mac_size,
                                     size_t *mac_length);
void cit_dispatch_mac_abort(psa_mac_operation_t *op);
/* cit_dispatch_mac_supported: can some driver run the (valid, specific) MAC alg? */
int cit_dispatch_mac_supported(psa_algorithm_t alg);

/*
 * AEAD. The one-shot functions write/take the ciphertext followed by the tag.
 * After setup, the remaining steps go to the driver that accepted it.
 */
psa_status_t cit_dispatch_aead_encrypt(const psa_key_attributes_t *attr, const uint8_t *key,
                                       size_t key_length, psa_algorithm_t alg,
                                       const uint8_t *nonce, size_t nonce_length,
                                       const uint8_t *additional_data,
                                       size_t additional_data_length, const uint8_t *plaintext,
                                       size_t plaintext_length, uint8_t *ciphertext,
                                       size_t ciphertext_size, size_t *ciphertext_length);
psa_status_t cit_dispatch_aead_decrypt(const psa_key_attributes_t *attr, const uint8_t *key,
                                       size_t key_length, psa_algorithm_t alg,
                                       const uint8_t *nonce, size_t nonce_length,
                                       const uint8_t *additional_data,
                                       size_t additional_data_length, const uint8_t *ciphertext,
                                       size_t ciphertext_length, uint8_t *plaintext,
                                       size_t plaintext_size, size_t *plaintext_length);
psa_status_t cit_dispatch_aead_setup(psa_aead_operation_t *op, const psa_key_attributes_t *attr,
                                     const uint8_t *key, size_t key_length, psa_algorithm_t alg,
                                     int is_encrypt);
psa_status_t cit_dispatch_aead_set_nonce(psa_aead_operation_t *op, const uint8_t *nonce,
                                         size_t nonce_length);
psa_status_t cit_dispatch_aead_set_lengths(psa_aead_operation_t *op, size_t ad_length,
                                           size_t plaintext_length);
psa_status_t cit_dispatch_aead_update_ad(psa_aead_operation_t *op, const uint8_t *input,
                                         size_t input_length);
psa_status_t cit_dispatch_aead_update(psa_aead_operation_t *op, const uint8_t *input,
                                      size_t input_length, uint8_t *output, size_t output_size,
                                      size_t *output_length);
psa_status_t cit_dispatch_aead_finish(psa_aead_operation_t *op, uint8_t *ciphertext,
                                      size_t ciphertext_size, size_t *ciphertext_length,
                                      uint8_t *tag, size_t tag_size, size_t *tag_length);
psa_status_t cit_dispatch_aead_verify(psa_aead_operation_t *op, uint8_t *plaintext,
                                      size_t plaintext_size, size_t *plaintext_length,
                                      const uint8_t *tag, size_t tag_length);
void cit_dispatch_aead_abort(psa_aead_operation_t *op);
/* cit_dispatch_aead_supported: can some driver run the (valid, specific) AEAD alg? */
int cit_dispatch_aead_supported(psa_algorithm_t alg);

psa_status_t cit_dispatch_kdf_setup(psa_key_derivation_operation_t *op, psa_algorithm_t alg);
psa_status_t cit_dispatch_kdf_input_bytes(psa_key_derivation_operation_t *op,
                                          psa_key_derivation_step_t step, const uint8_t *data,
                                          size_t data_length);
psa_status_t cit_dispatch_kdf_output_bytes(psa_key_derivation_operation_t *op, uint8_t *output,
                                           size_t output_length);
void cit_dispatch_kdf_abort(psa_key_derivation_operation_t *op);
/* cit_dispatch_kdf_supported: can some driver run the (valid, specific) KDF alg? */
int cit_dispatch_kdf_supported(psa_algorithm_t alg);

/*
 * The random generator: a CTR_DRBG whose state lives in the dispatch layer
 * (it runs on the fastest AES available). seed instantiates (or, if
 * already instantiated, reseeds) from the given entropy; generate returns
 * PSA_ERROR_INSUFFICIENT_ENTROPY when a reseed is due. The caller (the
 * core's random.c) holds the lock.
 */
void cit_dispatch_random_seed(const uint8_t *entropy, size_t entropy_length,
                              const uint8_t *pers, size_t pers_length);
psa_status_t cit_dispatch_random_generate(uint8_t *output, size_t output_length);
void cit_dispatch_random_wipe(void);

#endif /* CIT_DISPATCH_H */
