/*
 * mac.c - the MAC API (HMAC, CMAC, CBC-MAC, truncated MACs): key lookup,
 * policy, the operation state machine, truncation and constant-time
 * verification. The key material is consumed at setup (the driver keys its
 * context), so the slot is held only during setup.
 */
#include "core.h"
#include "dispatch.h"
#include "ct.h"
#include "util.h"

/*
 * An operation is usable while it is set up, not in the error state, and
 * its key still exists: spec 9.9.2, destroying a key makes the multi-part
 * operations that use it fail.
 */
static int mac_active(const psa_mac_operation_t *op)
{
    if (op->cit_alg == 0 || (op->cit_state & CIT_OP_STATE_ERROR) != 0) {
        return 0;
    }
    return cit_slot_key_exists(op->cit_key);
}

static psa_status_t mac_fail(psa_mac_operation_t *op, psa_status_t status)
{
    if (op->cit_alg != 0) {
        op->cit_state |= CIT_OP_STATE_ERROR;
    }
    return status;
}

static psa_status_t mac_setup(psa_mac_operation_t *operation, psa_key_id_t key,
                              psa_algorithm_t alg, int is_sign)
{
    cit_slot_t *slot = NULL;
    psa_status_t status;
    size_t mac_length = 0;

    if (operation->cit_alg != 0) {
        return PSA_ERROR_BAD_STATE;
    }
    if (!cit_core_initialized()) {
        return PSA_ERROR_BAD_STATE;
    }
    if (!PSA_ALG_IS_MAC(alg) || cit_alg_is_wildcard(alg)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    status = cit_slot_acquire(key, &slot);
    if (status != PSA_SUCCESS) {
        return status;
    }
    status = cit_policy_check(slot, is_sign ? PSA_KEY_USAGE_SIGN_MESSAGE
                                            : PSA_KEY_USAGE_VERIFY_MESSAGE, alg);
    if (status == PSA_SUCCESS) {
        status = cit_mac_alg_check(slot->attr.cit_type, slot->attr.cit_bits, alg, &mac_length);
    }
    if (status == PSA_SUCCESS) {
        status = cit_dispatch_mac_setup(operation, &slot->attr, slot->material,
                                        slot->material_len, alg, is_sign);
        if (status != PSA_SUCCESS) {
            cit_dispatch_mac_abort(operation);
        }
    }
    cit_slot_release(slot);
    if (status != PSA_SUCCESS) {
        cit_zeroize(operation, sizeof(*operation));
        return status;
    }
    operation->cit_alg = alg;
    operation->cit_state = 0;
    operation->cit_is_sign = (uint8_t)is_sign;
    operation->cit_mac_length = (uint8_t)mac_length;
    operation->cit_key = key;
    return PSA_SUCCESS;
}

psa_status_t psa_mac_sign_setup(psa_mac_operation_t *operation, psa_key_id_t key,
                                psa_algorithm_t alg)
{
    return mac_setup(operation, key, alg, 1);
}

psa_status_t psa_mac_verify_setup(psa_mac_operation_t *operation, psa_key_id_t key,
                                  psa_algorithm_t alg)
{
    return mac_setup(operation, key, alg, 0);
}

psa_status_t psa_mac_update(psa_mac_operation_t *operation, const uint8_t *input,
                            size_t input_length)
{
    psa_status_t status;

    if (!mac_active(operation)) {
        return mac_fail(operation, PSA_ERROR_BAD_STATE);
    }
    status = cit_dispatch_mac_update(operation, input, input_length);
    return status == PSA_SUCCESS ? status : mac_fail(operation, status);
}

/* Computes the full MAC into full[] and returns its truncated length. */
static psa_status_t mac_finish_full(psa_mac_operation_t *operation, uint8_t *full,
                                    size_t full_size)
{
    size_t full_length = 0;
    psa_status_t status = cit_dispatch_mac_finish(operation, full, full_size, &full_length);

    if (status == PSA_SUCCESS && full_length < operation->cit_mac_length) {
        status = PSA_ERROR_CORRUPTION_DETECTED;
    }
    return status;
}

psa_status_t psa_mac_sign_finish(psa_mac_operation_t *operation, uint8_t *mac, size_t mac_size,
                                 size_t *mac_length)
{
    uint8_t full[PSA_MAC_MAX_SIZE];
    psa_status_t status;

    *mac_length = 0;
    if (!mac_active(operation) || !operation->cit_is_sign) {
        return mac_fail(operation, PSA_ERROR_BAD_STATE);
    }
    if (mac_size < operation->cit_mac_length) {
        return mac_fail(operation, PSA_ERROR_BUFFER_TOO_SMALL);
    }
    status = mac_finish_full(operation, full, sizeof(full));
    if (status == PSA_SUCCESS) {
        memcpy(mac, full, operation->cit_mac_length);
        *mac_length = operation->cit_mac_length;
    }
    cit_zeroize(full, sizeof(full));
    if (status != PSA_SUCCESS) {
        return mac_fail(operation, status);
    }
    return psa_mac_abort(operation);
}

psa_status_t psa_mac_verify_finish(psa_mac_operation_t *operation, const uint8_t *mac,
                                   size_t mac_length)
{
    uint8_t full[PSA_MAC_MAX_SIZE];
    psa_status_t status;

    if (!mac_active(operation) || operation->cit_is_sign) {
        return mac_fail(operation, PSA_ERROR_BAD_STATE);
    }
    status = mac_finish_full(operation, full, sizeof(full));
    if (status == PSA_SUCCESS &&
        (mac_length != operation->cit_mac_length ||
         cit_ct_declassify_u32(cit_ct_memcmp(full, mac, operation->cit_mac_length)) != 0)) {
        status = PSA_ERROR_INVALID_SIGNATURE;
    }
    cit_zeroize(full, sizeof(full));
    if (status != PSA_SUCCESS) {
        return mac_fail(operation, status);
    }
    return psa_mac_abort(operation);
}

psa_status_t psa_mac_abort(psa_mac_operation_t *operation)
{
    if (operation->cit_alg != 0) {
        cit_dispatch_mac_abort(operation);
    }
    cit_zeroize(operation, sizeof(*operation));
    return PSA_SUCCESS;
}

psa_status_t psa_mac_compute(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *input,
                             size_t input_length, uint8_t *mac, size_t mac_size,
                             size_t *mac_length)
{
    psa_mac_operation_t op = PSA_MAC_OPERATION_INIT;
    psa_status_t status;

    *mac_length = 0;
    status = psa_mac_sign_setup(&op, key, alg);
    if (status == PSA_SUCCESS) {
        status = psa_mac_update(&op, input, input_length);
    }
    if (status == PSA_SUCCESS) {
        status = psa_mac_sign_finish(&op, mac, mac_size, mac_length);
    }
    (void)psa_mac_abort(&op);
    return status;
}

psa_status_t psa_mac_verify(psa_key_id_t key, psa_algorithm_t alg, const uint8_t *input,
                            size_t input_length, const uint8_t *mac, size_t mac_length)
{
    psa_mac_operation_t op = PSA_MAC_OPERATION_INIT;
    psa_status_t status;

    status = psa_mac_verify_setup(&op, key, alg);
    if (status == PSA_SUCCESS) {
        status = psa_mac_update(&op, input, input_length);
    }
    if (status == PSA_SUCCESS) {
        status = psa_mac_verify_finish(&op, mac, mac_length);
    }
    (void)psa_mac_abort(&op);
    return status;
}
