/*
 * not_supported.c - the Crypto API 1.5 entry points that Citadel does not
 * implement yet (the list is in docs/STATUS.md).
 *
 * Each function returns PSA_ERROR_NOT_SUPPORTED, so that every function of
 * psa/crypto.h links. The *_abort() functions return PSA_SUCCESS: no
 * operation of these families can be set up, so every operation object is
 * inactive, and aborting an inactive operation succeeds.
 *
 * The functions are grouped by API family; a change that implements a family
 * deletes its whole group here.
 */
#include "psa/crypto.h"

/* ==== Key management: attaching keys in a secure element ==== */

psa_status_t psa_attach_key(const psa_key_attributes_t *attributes, const uint8_t *label,
                            size_t label_length, psa_key_id_t *key)
{
    (void)attributes;
    (void)label;
    (void)label_length;
    (void)key;
    return PSA_ERROR_NOT_SUPPORTED;
}

/* ==== Unauthenticated ciphers ==== */

psa_status_t psa_cipher_encrypt(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *input,
                                size_t input_length, uint8_t *output, size_t output_size,
                                size_t *output_length)
{
    (void)key;
    (void)alg;
    (void)input;
    (void)input_length;
    (void)output;
    (void)output_size;
    (void)output_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_cipher_decrypt(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *input,
                                size_t input_length, uint8_t *output, size_t output_size,
                                size_t *output_length)
{
    (void)key;
    (void)alg;
    (void)input;
    (void)input_length;
    (void)output;
    (void)output_size;
    (void)output_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_cipher_encrypt_setup(psa_cipher_operation_t *operation, psa_key_id_t key,
                                      psa_algorithm_t alg)
{
    (void)operation;
    (void)key;
    (void)alg;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_cipher_decrypt_setup(psa_cipher_operation_t *operation, psa_key_id_t key,
                                      psa_algorithm_t alg)
{
    (void)operation;
    (void)key;
    (void)alg;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_cipher_generate_iv(psa_cipher_operation_t *operation, uint8_t *iv, size_t iv_size,
                                    size_t *iv_length)
{
    (void)operation;
    (void)iv;
    (void)iv_size;
    (void)iv_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_cipher_set_iv(psa_cipher_operation_t *operation, const uint8_t *iv,
                               size_t iv_length)
{
    (void)operation;
    (void)iv;
    (void)iv_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_cipher_update(psa_cipher_operation_t *operation, const uint8_t *input,
                               size_t input_length, uint8_t *output, size_t output_size,
                               size_t *output_length)
{
    (void)operation;
    (void)input;
    (void)input_length;
    (void)output;
    (void)output_size;
    (void)output_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_cipher_finish(psa_cipher_operation_t *operation, uint8_t *output,
                               size_t output_size, size_t *output_length)
{
    (void)operation;
    (void)output;
    (void)output_size;
    (void)output_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_cipher_abort(psa_cipher_operation_t *operation)
{
    (void)operation;
    return PSA_SUCCESS;
}

/* ==== Key wrapping ==== */

psa_status_t psa_unwrap_key(const psa_key_attributes_t *attributes, psa_key_id_t wrapping_key,
                            psa_algorithm_t alg, const uint8_t *data, size_t data_length,
                            psa_key_id_t *key)
{
    (void)attributes;
    (void)wrapping_key;
    (void)alg;
    (void)data;
    (void)data_length;
    (void)key;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_wrap_key(psa_key_id_t wrapping_key, psa_algorithm_t alg, psa_key_id_t key,
                          uint8_t *data, size_t data_size, size_t *data_length)
{
    (void)wrapping_key;
    (void)alg;
    (void)key;
    (void)data;
    (void)data_size;
    (void)data_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

/* ==== Asymmetric signature ==== */

psa_status_t psa_sign_message(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *input,
                              size_t input_length, uint8_t *signature, size_t signature_size,
                              size_t *signature_length)
{
    (void)key;
    (void)alg;
    (void)input;
    (void)input_length;
    (void)signature;
    (void)signature_size;
    (void)signature_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_sign_message_with_context(psa_key_id_t key, psa_algorithm_t alg,
                                           const uint8_t *input, size_t input_length,
                                           const uint8_t *context, size_t context_length,
                                           uint8_t *signature, size_t signature_size,
                                           size_t *signature_length)
{
    (void)key;
    (void)alg;
    (void)input;
    (void)input_length;
    (void)context;
    (void)context_length;
    (void)signature;
    (void)signature_size;
    (void)signature_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_verify_message(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *input,
                                size_t input_length, const uint8_t *signature,
                                size_t signature_length)
{
    (void)key;
    (void)alg;
    (void)input;
    (void)input_length;
    (void)signature;
    (void)signature_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_verify_message_with_context(psa_key_id_t key, psa_algorithm_t alg,
                                             const uint8_t *input, size_t input_length,
                                             const uint8_t *context, size_t context_length,
                                             const uint8_t *signature, size_t signature_length)
{
    (void)key;
    (void)alg;
    (void)input;
    (void)input_length;
    (void)context;
    (void)context_length;
    (void)signature;
    (void)signature_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_sign_hash(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *hash,
                           size_t hash_length, uint8_t *signature, size_t signature_size,
                           size_t *signature_length)
{
    (void)key;
    (void)alg;
    (void)hash;
    (void)hash_length;
    (void)signature;
    (void)signature_size;
    (void)signature_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_sign_hash_with_context(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *hash,
                                        size_t hash_length, const uint8_t *context,
                                        size_t context_length, uint8_t *signature,
                                        size_t signature_size, size_t *signature_length)
{
    (void)key;
    (void)alg;
    (void)hash;
    (void)hash_length;
    (void)context;
    (void)context_length;
    (void)signature;
    (void)signature_size;
    (void)signature_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_verify_hash(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *hash,
                             size_t hash_length, const uint8_t *signature, size_t signature_length)
{
    (void)key;
    (void)alg;
    (void)hash;
    (void)hash_length;
    (void)signature;
    (void)signature_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_verify_hash_with_context(psa_key_id_t key, psa_algorithm_t alg,
                                          const uint8_t *hash, size_t hash_length,
                                          const uint8_t *context, size_t context_length,
                                          const uint8_t *signature, size_t signature_length)
{
    (void)key;
    (void)alg;
    (void)hash;
    (void)hash_length;
    (void)context;
    (void)context_length;
    (void)signature;
    (void)signature_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_sign_setup(psa_sign_operation_t *operation, psa_key_id_t key, psa_algorithm_t alg)
{
    (void)operation;
    (void)key;
    (void)alg;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_sign_set_context(psa_sign_operation_t *operation, const uint8_t *context,
                                  size_t context_length)
{
    (void)operation;
    (void)context;
    (void)context_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_sign_update(psa_sign_operation_t *operation, const uint8_t *input,
                             size_t input_length)
{
    (void)operation;
    (void)input;
    (void)input_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_sign_finish(psa_sign_operation_t *operation, uint8_t *signature,
                             size_t signature_size, size_t *signature_length)
{
    (void)operation;
    (void)signature;
    (void)signature_size;
    (void)signature_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_sign_abort(psa_sign_operation_t *operation)
{
    (void)operation;
    return PSA_SUCCESS;
}

psa_status_t psa_verify_setup(psa_verify_operation_t *operation, psa_key_id_t key,
                              psa_algorithm_t alg, const uint8_t *signature,
                              size_t signature_length)
{
    (void)operation;
    (void)key;
    (void)alg;
    (void)signature;
    (void)signature_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_verify_set_context(psa_verify_operation_t *operation, const uint8_t *context,
                                    size_t context_length)
{
    (void)operation;
    (void)context;
    (void)context_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_verify_update(psa_verify_operation_t *operation, const uint8_t *input,
                               size_t input_length)
{
    (void)operation;
    (void)input;
    (void)input_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_verify_finish(psa_verify_operation_t *operation)
{
    (void)operation;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_verify_abort(psa_verify_operation_t *operation)
{
    (void)operation;
    return PSA_SUCCESS;
}

/* ==== Asymmetric encryption ==== */

psa_status_t psa_asymmetric_encrypt(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *input,
                                    size_t input_length, const uint8_t *salt, size_t salt_length,
                                    uint8_t *output, size_t output_size, size_t *output_length)
{
    (void)key;
    (void)alg;
    (void)input;
    (void)input_length;
    (void)salt;
    (void)salt_length;
    (void)output;
    (void)output_size;
    (void)output_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_asymmetric_decrypt(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *input,
                                    size_t input_length, const uint8_t *salt, size_t salt_length,
                                    uint8_t *output, size_t output_size, size_t *output_length)
{
    (void)key;
    (void)alg;
    (void)input;
    (void)input_length;
    (void)salt;
    (void)salt_length;
    (void)output;
    (void)output_size;
    (void)output_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

/* ==== Key agreement ==== */

psa_status_t psa_key_agreement(psa_key_id_t private_key, const uint8_t *peer_key,
                               size_t peer_key_length, psa_algorithm_t alg,
                               const psa_key_attributes_t *attributes, psa_key_id_t *key)
{
    (void)private_key;
    (void)peer_key;
    (void)peer_key_length;
    (void)alg;
    (void)attributes;
    (void)key;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_raw_key_agreement(psa_algorithm_t alg, psa_key_id_t private_key,
                                   const uint8_t *peer_key, size_t peer_key_length, uint8_t *output,
                                   size_t output_size, size_t *output_length)
{
    (void)alg;
    (void)private_key;
    (void)peer_key;
    (void)peer_key_length;
    (void)output;
    (void)output_size;
    (void)output_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

/* ==== Key encapsulation ==== */

psa_status_t psa_encapsulate(psa_key_id_t key, psa_algorithm_t alg,
                             const psa_key_attributes_t *attributes, psa_key_id_t *output_key,
                             uint8_t *ciphertext, size_t ciphertext_size, size_t *ciphertext_length)
{
    (void)key;
    (void)alg;
    (void)attributes;
    (void)output_key;
    (void)ciphertext;
    (void)ciphertext_size;
    (void)ciphertext_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_decapsulate(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *ciphertext,
                             size_t ciphertext_length, const psa_key_attributes_t *attributes,
                             psa_key_id_t *output_key)
{
    (void)key;
    (void)alg;
    (void)ciphertext;
    (void)ciphertext_length;
    (void)attributes;
    (void)output_key;
    return PSA_ERROR_NOT_SUPPORTED;
}

/* ==== Password-authenticated key exchange (PAKE) operations ==== */

psa_status_t psa_pake_setup(psa_pake_operation_t *operation, psa_key_id_t password_key,
                            const psa_pake_cipher_suite_t *cipher_suite)
{
    (void)operation;
    (void)password_key;
    (void)cipher_suite;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_pake_set_role(psa_pake_operation_t *operation, psa_pake_role_t role)
{
    (void)operation;
    (void)role;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_pake_set_user(psa_pake_operation_t *operation, const uint8_t *user_id,
                               size_t user_id_len)
{
    (void)operation;
    (void)user_id;
    (void)user_id_len;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_pake_set_peer(psa_pake_operation_t *operation, const uint8_t *peer_id,
                               size_t peer_id_len)
{
    (void)operation;
    (void)peer_id;
    (void)peer_id_len;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_pake_set_context(psa_pake_operation_t *operation, const uint8_t *context,
                                  size_t context_len)
{
    (void)operation;
    (void)context;
    (void)context_len;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_pake_output(psa_pake_operation_t *operation, psa_pake_step_t step, uint8_t *output,
                             size_t output_size, size_t *output_length)
{
    (void)operation;
    (void)step;
    (void)output;
    (void)output_size;
    (void)output_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_pake_input(psa_pake_operation_t *operation, psa_pake_step_t step,
                            const uint8_t *input, size_t input_length)
{
    (void)operation;
    (void)step;
    (void)input;
    (void)input_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_pake_get_shared_key(psa_pake_operation_t *operation,
                                     const psa_key_attributes_t *attributes, psa_key_id_t *key)
{
    (void)operation;
    (void)attributes;
    (void)key;
    return PSA_ERROR_NOT_SUPPORTED;
}

psa_status_t psa_pake_abort(psa_pake_operation_t *operation)
{
    (void)operation;
    return PSA_SUCCESS;
}
