/*
 * aead.c - the AEAD API (psa_aead_*, spec 10.6): key lookup, policy, the
 * single-part functions, and the multi-part operation state machine with
 * nonce generation and the length enforcement that follows
 * psa_aead_set_lengths.
 *
 * State (cit_state): the nonce is set, the lengths are set, psa_aead_update
 * has been called, or the error state (CIT_OP_STATE_ERROR), which only
 * psa_aead_abort leaves. Any failure of a step on an active operation enters
 * the error state; a setup on an active operation fails with BAD_STATE and
 * leaves it alone. The key material is consumed at setup (the driver keys
 * its context); every later step checks that the key still exists, so
 * destroying it makes the operation fail (spec 9.9.2).
 */
#include "core.h"
#include "dispatch.h"
#include "util.h"

#define AEAD_NONCE_SET 0x01u
#define AEAD_LENGTHS_SET 0x02u
#define AEAD_BODY_STARTED 0x04u

/* An operation is usable while set up, not in the error state, and its key exists. */
static int aead_active(const psa_aead_operation_t *op)
{
    if (op->cit_alg == 0 || (op->cit_state & CIT_OP_STATE_ERROR) != 0) {
        return 0;
    }
    return cit_slot_key_exists(op->cit_key);
}

static psa_status_t aead_fail(psa_aead_operation_t *op, psa_status_t status)
{
    if (op->cit_alg != 0) {
        op->cit_state |= CIT_OP_STATE_ERROR;
    }
    return status;
}

/*
 * aead_lookup acquires the key, checks the usage policy and the algorithm
 * against the key, and returns the tag length. On success the caller
 * releases the slot.
 */
static psa_status_t aead_lookup(psa_key_id_t key, psa_algorithm_t alg, int is_encrypt,
                                cit_slot_t **slot, size_t *tag_length)
{
    psa_status_t status;

    if (!cit_core_initialized()) {
        return PSA_ERROR_BAD_STATE;
    }
    if (!PSA_ALG_IS_AEAD(alg) || cit_alg_is_wildcard(alg)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    status = cit_slot_acquire(key, slot);
    if (status != PSA_SUCCESS) {
        return status;
    }
    status = cit_policy_check(*slot, is_encrypt ? PSA_KEY_USAGE_ENCRYPT : PSA_KEY_USAGE_DECRYPT,
                              alg);
    if (status == PSA_SUCCESS) {
        status = cit_aead_alg_check((*slot)->attr.cit_type, (*slot)->attr.cit_bits, alg,
                                    tag_length);
    }
    if (status != PSA_SUCCESS) {
        cit_slot_release(*slot);
        *slot = NULL;
    }
    return status;
}

/* ---- Single-part ---- */

psa_status_t psa_aead_encrypt(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *nonce,
                              size_t nonce_length, const uint8_t *additional_data,
                              size_t additional_data_length, const uint8_t *plaintext,
                              size_t plaintext_length, uint8_t *ciphertext, size_t ciphertext_size,
                              size_t *ciphertext_length)
{
    cit_slot_t *slot = NULL;
    size_t tag_length = 0;
    psa_status_t status;

    *ciphertext_length = 0;
    status = aead_lookup(key, alg, 1, &slot, &tag_length);
    if (status != PSA_SUCCESS) {
        return status;
    }
    if (plaintext_length > ciphertext_size || ciphertext_size - plaintext_length < tag_length) {
        status = PSA_ERROR_BUFFER_TOO_SMALL;
    } else {
        status = cit_dispatch_aead_encrypt(&slot->attr, slot->material, slot->material_len, alg,
                                           nonce, nonce_length, additional_data,
                                           additional_data_length, plaintext, plaintext_length,
                                           ciphertext, ciphertext_size, ciphertext_length);
    }
    cit_slot_release(slot);
    if (status != PSA_SUCCESS) {
        *ciphertext_length = 0;
    }
    return status;
}

psa_status_t psa_aead_decrypt(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *nonce,
                              size_t nonce_length, const uint8_t *additional_data,
                              size_t additional_data_length, const uint8_t *ciphertext,
                              size_t ciphertext_length, uint8_t *plaintext, size_t plaintext_size,
                              size_t *plaintext_length)
{
    cit_slot_t *slot = NULL;
    size_t tag_length = 0;
    psa_status_t status;

    *plaintext_length = 0;
    status = aead_lookup(key, alg, 0, &slot, &tag_length);
    if (status != PSA_SUCCESS) {
        return status;
    }
    if (ciphertext_length < tag_length) {
        /* Too short to hold the tag: the ciphertext is not authentic. */
        status = PSA_ERROR_INVALID_SIGNATURE;
    } else if (plaintext_size < ciphertext_length - tag_length) {
        status = PSA_ERROR_BUFFER_TOO_SMALL;
    } else {
        status = cit_dispatch_aead_decrypt(&slot->attr, slot->material, slot->material_len, alg,
                                           nonce, nonce_length, additional_data,
                                           additional_data_length, ciphertext, ciphertext_length,
                                           plaintext, plaintext_size, plaintext_length);
        if (status != PSA_SUCCESS) {
            /* Whatever a driver wrote is unauthenticated: never release it. */
            cit_zeroize(plaintext, ciphertext_length - tag_length);
        }
    }
    cit_slot_release(slot);
    if (status != PSA_SUCCESS) {
        *plaintext_length = 0;
    }
    return status;
}

/* ---- Multi-part ---- */

static psa_status_t aead_setup(psa_aead_operation_t *operation, psa_key_id_t key,
                               psa_algorithm_t alg, int is_encrypt)
{
    cit_slot_t *slot = NULL;
    size_t tag_length = 0;
    psa_key_type_t type;
    psa_status_t status;

    if (operation->cit_alg != 0) {
        return PSA_ERROR_BAD_STATE;
    }
    status = aead_lookup(key, alg, is_encrypt, &slot, &tag_length);
    if (status != PSA_SUCCESS) {
        return status;
    }
    type = slot->attr.cit_type;
    status = cit_dispatch_aead_setup(operation, &slot->attr, slot->material, slot->material_len,
                                     alg, is_encrypt);
    if (status != PSA_SUCCESS) {
        cit_dispatch_aead_abort(operation);
    }
    cit_slot_release(slot);
    if (status != PSA_SUCCESS) {
        cit_zeroize(operation, sizeof(*operation));
        return status;
    }
    operation->cit_alg = alg;
    operation->cit_state = 0;
    operation->cit_is_encrypt = (uint8_t)is_encrypt;
    operation->cit_tag_length = (uint8_t)tag_length;
    operation->cit_key_type = type;
    operation->cit_key = key;
    operation->cit_ad_remaining = 0;
    operation->cit_body_remaining = 0;
    return PSA_SUCCESS;
}

psa_status_t psa_aead_encrypt_setup(psa_aead_operation_t *operation, psa_key_id_t key,
                                    psa_algorithm_t alg)
{
    return aead_setup(operation, key, alg, 1);
}

psa_status_t psa_aead_decrypt_setup(psa_aead_operation_t *operation, psa_key_id_t key,
                                    psa_algorithm_t alg)
{
    return aead_setup(operation, key, alg, 0);
}

psa_status_t psa_aead_set_lengths(psa_aead_operation_t *operation, size_t ad_length,
                                  size_t plaintext_length)
{
    psa_status_t status;

    if (!aead_active(operation) ||
        (operation->cit_state & (AEAD_NONCE_SET | AEAD_LENGTHS_SET)) != 0) {
        return aead_fail(operation, PSA_ERROR_BAD_STATE);
    }
    status = cit_dispatch_aead_set_lengths(operation, ad_length, plaintext_length);
    if (status != PSA_SUCCESS) {
        return aead_fail(operation, status);
    }
    operation->cit_ad_remaining = ad_length;
    operation->cit_body_remaining = plaintext_length;
    operation->cit_state |= AEAD_LENGTHS_SET;
    return PSA_SUCCESS;
}

psa_status_t psa_aead_generate_nonce(psa_aead_operation_t *operation, uint8_t *nonce,
                                     size_t nonce_size, size_t *nonce_length)
{
    uint8_t buf[PSA_AEAD_NONCE_MAX_SIZE];
    size_t len;
    psa_status_t status;

    *nonce_length = 0;
    if (!aead_active(operation) || !operation->cit_is_encrypt ||
        (operation->cit_state & AEAD_NONCE_SET) != 0) {
        return aead_fail(operation, PSA_ERROR_BAD_STATE);
    }
    len = PSA_AEAD_NONCE_LENGTH(operation->cit_key_type, operation->cit_alg);
    if (len == 0 || len > sizeof(buf)) {
        return aead_fail(operation, PSA_ERROR_CORRUPTION_DETECTED);
    }
    if (nonce_size < len) {
        return aead_fail(operation, PSA_ERROR_BUFFER_TOO_SMALL);
    }
    status = psa_generate_random(buf, len);
    if (status == PSA_SUCCESS) {
        status = cit_dispatch_aead_set_nonce(operation, buf, len);
    }
    if (status != PSA_SUCCESS) {
        cit_zeroize(buf, sizeof(buf));
        return aead_fail(operation, status);
    }
    memcpy(nonce, buf, len);
    *nonce_length = len;
    operation->cit_state |= AEAD_NONCE_SET;
    return PSA_SUCCESS;
}

psa_status_t psa_aead_set_nonce(psa_aead_operation_t *operation, const uint8_t *nonce,
                                size_t nonce_length)
{
    psa_status_t status;

    if (!aead_active(operation) || (operation->cit_state & AEAD_NONCE_SET) != 0) {
        return aead_fail(operation, PSA_ERROR_BAD_STATE);
    }
    status = cit_dispatch_aead_set_nonce(operation, nonce, nonce_length);
    if (status != PSA_SUCCESS) {
        return aead_fail(operation, status);
    }
    operation->cit_state |= AEAD_NONCE_SET;
    return PSA_SUCCESS;
}

psa_status_t psa_aead_update_ad(psa_aead_operation_t *operation, const uint8_t *input,
                                size_t input_length)
{
    psa_status_t status;

    if (!aead_active(operation) || (operation->cit_state & AEAD_NONCE_SET) == 0 ||
        (operation->cit_state & AEAD_BODY_STARTED) != 0) {
        return aead_fail(operation, PSA_ERROR_BAD_STATE);
    }
    if ((operation->cit_state & AEAD_LENGTHS_SET) != 0 &&
        input_length > operation->cit_ad_remaining) {
        return aead_fail(operation, PSA_ERROR_INVALID_ARGUMENT);
    }
    status = cit_dispatch_aead_update_ad(operation, input, input_length);
    if (status != PSA_SUCCESS) {
        return aead_fail(operation, status);
    }
    if ((operation->cit_state & AEAD_LENGTHS_SET) != 0) {
        operation->cit_ad_remaining -= input_length;
    }
    return PSA_SUCCESS;
}

psa_status_t psa_aead_update(psa_aead_operation_t *operation, const uint8_t *input,
                             size_t input_length, uint8_t *output, size_t output_size,
                             size_t *output_length)
{
    psa_status_t status;

    *output_length = 0;
    if (!aead_active(operation) || (operation->cit_state & AEAD_NONCE_SET) == 0) {
        return aead_fail(operation, PSA_ERROR_BAD_STATE);
    }
    if ((operation->cit_state & AEAD_LENGTHS_SET) != 0 &&
        (operation->cit_ad_remaining != 0 || input_length > operation->cit_body_remaining)) {
        /* Incomplete additional data, or more text than declared. */
        return aead_fail(operation, PSA_ERROR_INVALID_ARGUMENT);
    }
    status = cit_dispatch_aead_update(operation, input, input_length, output, output_size,
                                      output_length);
    if (status != PSA_SUCCESS) {
        *output_length = 0;
        return aead_fail(operation, status);
    }
    operation->cit_state |= AEAD_BODY_STARTED;
    if ((operation->cit_state & AEAD_LENGTHS_SET) != 0) {
        operation->cit_body_remaining -= input_length;
    }
    return PSA_SUCCESS;
}

/* aead_lengths_complete: INVALID_ARGUMENT if less input came than psa_aead_set_lengths said. */
static psa_status_t aead_lengths_complete(const psa_aead_operation_t *operation)
{
    if ((operation->cit_state & AEAD_LENGTHS_SET) != 0 &&
        (operation->cit_ad_remaining != 0 || operation->cit_body_remaining != 0)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    return PSA_SUCCESS;
}

psa_status_t psa_aead_finish(psa_aead_operation_t *operation, uint8_t *ciphertext,
                             size_t ciphertext_size, size_t *ciphertext_length, uint8_t *tag,
                             size_t tag_size, size_t *tag_length)
{
    psa_status_t status;

    *ciphertext_length = 0;
    *tag_length = 0;
    if (!aead_active(operation) || !operation->cit_is_encrypt ||
        (operation->cit_state & AEAD_NONCE_SET) == 0) {
        return aead_fail(operation, PSA_ERROR_BAD_STATE);
    }
    status = aead_lengths_complete(operation);
    if (status == PSA_SUCCESS && tag_size < operation->cit_tag_length) {
        status = PSA_ERROR_BUFFER_TOO_SMALL;
    }
    if (status == PSA_SUCCESS) {
        status = cit_dispatch_aead_finish(operation, ciphertext, ciphertext_size,
                                          ciphertext_length, tag, tag_size, tag_length);
    }
    if (status != PSA_SUCCESS) {
        *ciphertext_length = 0;
        *tag_length = 0;
        return aead_fail(operation, status);
    }
    return psa_aead_abort(operation);
}

psa_status_t psa_aead_verify(psa_aead_operation_t *operation, uint8_t *plaintext,
                             size_t plaintext_size, size_t *plaintext_length, const uint8_t *tag,
                             size_t tag_length)
{
    psa_status_t status;

    *plaintext_length = 0;
    if (!aead_active(operation) || operation->cit_is_encrypt ||
        (operation->cit_state & AEAD_NONCE_SET) == 0) {
        return aead_fail(operation, PSA_ERROR_BAD_STATE);
    }
    status = aead_lengths_complete(operation);
    if (status == PSA_SUCCESS) {
        status = cit_dispatch_aead_verify(operation, plaintext, plaintext_size, plaintext_length,
                                          tag, tag_length);
    }
    if (status != PSA_SUCCESS) {
        *plaintext_length = 0;
        return aead_fail(operation, status);
    }
    return psa_aead_abort(operation);
}

psa_status_t psa_aead_abort(psa_aead_operation_t *operation)
{
    if (operation->cit_alg != 0) {
        cit_dispatch_aead_abort(operation);
    }
    cit_zeroize(operation, sizeof(*operation));
    return PSA_SUCCESS;
}
