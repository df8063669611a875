/*
 * x86_driver.h - entry points of the x86-64 accelerator driver (prefix
 * `x86`), a transparent driver. It reuses the builtin driver's operation
 * contexts and mode code with SHA-NI and AES-NI primitives, and returns
 * PSA_ERROR_NOT_SUPPORTED whenever the CPU (or the algorithm) offers
 * nothing to accelerate, so the dispatcher falls back to builtin.
 */
#ifndef CIT_X86_DRIVER_H
#define CIT_X86_DRIVER_H

#include "builtin.h"

psa_status_t x86_hash_setup(builtin_hash_operation_t *operation, psa_algorithm_t alg);
psa_status_t x86_hash_compute(psa_algorithm_t alg, const uint8_t *input, size_t input_length,
                              uint8_t *hash, size_t hash_size, size_t *hash_length);
psa_status_t x86_mac_setup(builtin_mac_operation_t *operation,
                           const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                           size_t key_buffer_size, psa_algorithm_t alg);
/*
 * AEAD (AES-GCM) over AES-NI and PCLMULQDQ GHASH, through the builtin mode
 * code (cit_aead_*_with); later steps of a multi-part operation are the
 * builtin_aead_* entry points on the same context. NOT_SUPPORTED without
 * AES-NI/PCLMULQDQ or for other algorithms.
 */
psa_status_t x86_aead_encrypt_setup(builtin_aead_operation_t *operation,
                                    const psa_key_attributes_t *attributes,
                                    const uint8_t *key_buffer, size_t key_buffer_size,
                                    psa_algorithm_t alg);
psa_status_t x86_aead_decrypt_setup(builtin_aead_operation_t *operation,
                                    const psa_key_attributes_t *attributes,
                                    const uint8_t *key_buffer, size_t key_buffer_size,
                                    psa_algorithm_t alg);
psa_status_t x86_aead_encrypt(const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                              size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *nonce,
                              size_t nonce_length, const uint8_t *additional_data,
                              size_t additional_data_length, const uint8_t *plaintext,
                              size_t plaintext_length, uint8_t *ciphertext,
                              size_t ciphertext_size, size_t *ciphertext_length);
psa_status_t x86_aead_decrypt(const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                              size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *nonce,
                              size_t nonce_length, const uint8_t *additional_data,
                              size_t additional_data_length, const uint8_t *ciphertext,
                              size_t ciphertext_length, uint8_t *plaintext,
                              size_t plaintext_size, size_t *plaintext_length);
/* x86_kdf_setup: HKDF over SHA-NI / AVX2 hashes (NOT_SUPPORTED when neither covers the hash). */
psa_status_t x86_kdf_setup(builtin_kdf_operation_t *operation, psa_algorithm_t alg);
/* x86_aes_init_fn returns AES-NI's key schedule if the CPU has it, else NULL. */
cit_aes_init_fn x86_aes_init_fn(void);

#endif /* CIT_X86_DRIVER_H */
