/*
 * hash.c - the hash API: one-shot, multi-part, clone, compare/verify and
 * suspend/resume, following the spec's operation state model: setup on an
 * active operation fails with BAD_STATE and leaves it unchanged; any error
 * on an active operation puts it in the error state, which only
 * psa_hash_abort() leaves.
 */
#include "core.h"
#include "dispatch.h"
#include "ct.h"
#include "util.h"

/* An operation is active when it has an algorithm and is not in the error state. */
static int hash_active(const psa_hash_operation_t *op)
{
    return op->cit_alg != 0 && (op->cit_state & CIT_OP_STATE_ERROR) == 0;
}

/* Puts an active operation in the error state and returns status. */
static psa_status_t hash_fail(psa_hash_operation_t *op, psa_status_t status)
{
    if (op->cit_alg != 0) {
        op->cit_state |= CIT_OP_STATE_ERROR;
    }
    return status;
}

static psa_status_t hash_alg_check(psa_algorithm_t alg)
{
    if (!PSA_ALG_IS_HASH(alg) || alg == PSA_ALG_ANY_HASH) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    return PSA_SUCCESS;
}

psa_status_t psa_hash_setup(psa_hash_operation_t *operation, psa_algorithm_t alg)
{
    psa_status_t status;

    if (operation->cit_alg != 0) {
        return PSA_ERROR_BAD_STATE;
    }
    status = hash_alg_check(alg);
    if (status != PSA_SUCCESS) {
        return status;
    }
    status = cit_dispatch_hash_setup(operation, alg);
    if (status != PSA_SUCCESS) {
        cit_dispatch_hash_abort(operation);
        return status;
    }
    operation->cit_alg = alg;
    operation->cit_state = 0;
    return PSA_SUCCESS;
}

psa_status_t psa_hash_update(psa_hash_operation_t *operation, const uint8_t *input,
                             size_t input_length)
{
    psa_status_t status;

    if (!hash_active(operation)) {
        return hash_fail(operation, PSA_ERROR_BAD_STATE);
    }
    status = cit_dispatch_hash_update(operation, input, input_length);
    return status == PSA_SUCCESS ? status : hash_fail(operation, status);
}

psa_status_t psa_hash_finish(psa_hash_operation_t *operation, uint8_t *hash, size_t hash_size,
                             size_t *hash_length)
{
    psa_status_t status;

    *hash_length = 0;
    if (!hash_active(operation)) {
        return hash_fail(operation, PSA_ERROR_BAD_STATE);
    }
    status = cit_dispatch_hash_finish(operation, hash, hash_size, hash_length);
    if (status != PSA_SUCCESS) {
        return hash_fail(operation, status);
    }
    return psa_hash_abort(operation);
}

psa_status_t psa_hash_verify(psa_hash_operation_t *operation, const uint8_t *hash,
                             size_t hash_length)
{
    uint8_t actual[PSA_HASH_MAX_SIZE];
    size_t actual_length = 0;
    psa_status_t status;

    if (!hash_active(operation)) {
        return hash_fail(operation, PSA_ERROR_BAD_STATE);
    }
    status = cit_dispatch_hash_finish(operation, actual, sizeof(actual), &actual_length);
    if (status == PSA_SUCCESS) {
        if (actual_length != hash_length ||
            cit_ct_declassify_u32(cit_ct_memcmp(actual, hash, actual_length)) != 0) {
            status = PSA_ERROR_INVALID_SIGNATURE;
        }
    }
    cit_zeroize(actual, sizeof(actual));
    if (status != PSA_SUCCESS) {
        return hash_fail(operation, status);
    }
    return psa_hash_abort(operation);
}

psa_status_t psa_hash_abort(psa_hash_operation_t *operation)
{
    if (operation->cit_alg != 0) {
        cit_dispatch_hash_abort(operation);
    }
    cit_zeroize(operation, sizeof(*operation));
    return PSA_SUCCESS;
}

psa_status_t psa_hash_clone(const psa_hash_operation_t *source_operation,
                            psa_hash_operation_t *target_operation)
{
    if (!hash_active(source_operation) || target_operation->cit_alg != 0) {
        return PSA_ERROR_BAD_STATE;
    }
    /* Driver contexts hold no interior pointers: a byte copy is a clone. */
    *target_operation = *source_operation;
    return PSA_SUCCESS;
}

psa_status_t psa_hash_compute(psa_algorithm_t alg, const uint8_t *input, size_t input_length,
                              uint8_t *hash, size_t hash_size, size_t *hash_length)
{
    psa_status_t status;

    *hash_length = 0;
    status = hash_alg_check(alg);
    if (status != PSA_SUCCESS) {
        return status;
    }
    return cit_dispatch_hash_compute(alg, input, input_length, hash, hash_size, hash_length);
}

psa_status_t psa_hash_compare(psa_algorithm_t alg, const uint8_t *input, size_t input_length,
                              const uint8_t *hash, size_t hash_length)
{
    uint8_t actual[PSA_HASH_MAX_SIZE];
    size_t actual_length = 0;
    psa_status_t status;

    status = psa_hash_compute(alg, input, input_length, actual, sizeof(actual), &actual_length);
    if (status == PSA_SUCCESS &&
        (actual_length != hash_length ||
         cit_ct_declassify_u32(cit_ct_memcmp(actual, hash, actual_length)) != 0)) {
        status = PSA_ERROR_INVALID_SIGNATURE;
    }
    cit_zeroize(actual, sizeof(actual));
    return status;
}

psa_status_t psa_hash_suspend(psa_hash_operation_t *operation, uint8_t *hash_state,
                              size_t hash_state_size, size_t *hash_state_length)
{
    psa_status_t status;

    *hash_state_length = 0;
    if (!hash_active(operation)) {
        return hash_fail(operation, PSA_ERROR_BAD_STATE);
    }
    status = cit_dispatch_hash_suspend(operation, hash_state, hash_state_size, hash_state_length);
    if (status != PSA_SUCCESS) {
        return hash_fail(operation, status);
    }
    return psa_hash_abort(operation);
}

psa_status_t psa_hash_resume(psa_hash_operation_t *operation, const uint8_t *hash_state,
                             size_t hash_state_length)
{
    psa_algorithm_t alg;
    psa_status_t status;

    if (operation->cit_alg != 0) {
        return PSA_ERROR_BAD_STATE;
    }
    if (hash_state_length < PSA_HASH_SUSPEND_ALGORITHM_FIELD_LENGTH) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    alg = cit_load_be32(hash_state);
    status = hash_alg_check(alg);
    if (status != PSA_SUCCESS) {
        return status;
    }
    status = cit_dispatch_hash_resume(operation, alg, hash_state, hash_state_length);
    if (status != PSA_SUCCESS) {
        cit_zeroize(operation, sizeof(*operation));
        return status;
    }
    operation->cit_alg = alg;
    operation->cit_state = 0;
    return PSA_SUCCESS;
}
