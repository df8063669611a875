/*
 * xof.c - the extendable-output function API (SHAKE128, SHAKE256).
 * State flags: INPUT_DONE is set by the first psa_xof_output(), after
 * which updates fail; ANY_CALL records that set_context is too late.
 */
#include "core.h"
#include "dispatch.h"
#include "util.h"

#define XOF_ANY_CALL 0x01u
#define XOF_OUTPUT_STARTED 0x02u

static int xof_active(const psa_xof_operation_t *op)
{
    return op->cit_alg != 0 && (op->cit_state & CIT_OP_STATE_ERROR) == 0;
}

static psa_status_t xof_fail(psa_xof_operation_t *op, psa_status_t status)
{
    if (op->cit_alg != 0) {
        op->cit_state |= CIT_OP_STATE_ERROR;
    }
    return status;
}

psa_status_t psa_xof_setup(psa_xof_operation_t *operation, psa_algorithm_t alg)
{
    psa_status_t status;

    if (operation->cit_alg != 0) {
        return PSA_ERROR_BAD_STATE;
    }
    if (!PSA_ALG_IS_XOF(alg)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    status = cit_dispatch_xof_setup(operation, alg);
    if (status != PSA_SUCCESS) {
        cit_dispatch_xof_abort(operation);
        return status;
    }
    operation->cit_alg = alg;
    operation->cit_state = 0;
    return PSA_SUCCESS;
}

psa_status_t psa_xof_set_context(psa_xof_operation_t *operation, const uint8_t *context,
                                 size_t context_length)
{
    (void)context, (void)context_length;
    if (!xof_active(operation) || (operation->cit_state & XOF_ANY_CALL)) {
        return xof_fail(operation, PSA_ERROR_BAD_STATE);
    }
    /* Neither SHAKE128 nor SHAKE256 takes a context. */
    if (!PSA_ALG_XOF_HAS_CONTEXT(operation->cit_alg)) {
        return xof_fail(operation, PSA_ERROR_INVALID_ARGUMENT);
    }
    return xof_fail(operation, PSA_ERROR_NOT_SUPPORTED);
}

psa_status_t psa_xof_update(psa_xof_operation_t *operation, const uint8_t *input,
                            size_t input_length)
{
    psa_status_t status;

    if (!xof_active(operation) || (operation->cit_state & XOF_OUTPUT_STARTED)) {
        return xof_fail(operation, PSA_ERROR_BAD_STATE);
    }
    operation->cit_state |= XOF_ANY_CALL;
    status = cit_dispatch_xof_update(operation, input, input_length);
    return status == PSA_SUCCESS ? status : xof_fail(operation, status);
}

psa_status_t psa_xof_output(psa_xof_operation_t *operation, uint8_t *output,
                            size_t output_length)
{
    psa_status_t status;

    if (!xof_active(operation)) {
        return xof_fail(operation, PSA_ERROR_BAD_STATE);
    }
    operation->cit_state |= XOF_ANY_CALL | XOF_OUTPUT_STARTED;
    status = cit_dispatch_xof_output(operation, output, output_length);
    return status == PSA_SUCCESS ? status : xof_fail(operation, status);
}

psa_status_t psa_xof_abort(psa_xof_operation_t *operation)
{
    if (operation->cit_alg != 0) {
        cit_dispatch_xof_abort(operation);
    }
    cit_zeroize(operation, sizeof(*operation));
    return PSA_SUCCESS;
}
