/*
 * builtin_kdf.c - the builtin driver's key-derivation entry points: HKDF,
 * HKDF-Extract and HKDF-Expand (RFC 5869) over hkdf.c, written over
 * "primitive providers" so that an accelerator runs the same code over its
 * own hash functions.
 *
 * The core owns the Crypto API's rules (which steps an algorithm takes, in
 * which order, key policies, capacity); the driver turns the inputs into the
 * output stream:
 *   SALT    keys HMAC with the salt (HKDF-Extract starts);
 *   SECRET  HKDF, HKDF-Extract: absorbs the IKM and finishes the PRK (an
 *           omitted salt is the empty key); HKDF-Expand: the PRK itself;
 *   INFO    is kept: HKDF-Expand uses it in every output block.
 * The PRK and the salt-keyed HMAC state live in the context only as long as
 * they are needed, and every exit path wipes its stack copies.
 */
#include "builtin.h"
#include "config_derive.h"
#include "util.h"

#if defined(CIT_NEED_HKDF)

/* Phases of an operation (the core guarantees the order of the steps). */
#define PHASE_START 0u   /* set up, nothing absorbed */
#define PHASE_SALTED 1u  /* u.extract keyed with the salt */
#define PHASE_OUTPUT 2u  /* u.expand or u.prk ready to stream */

/* Is this HKDF variant wanted in the build? */
static int hkdf_variant_wanted(psa_algorithm_t alg)
{
#if defined(PSA_WANT_ALG_HKDF)
    if (PSA_ALG_IS_HKDF(alg)) {
        return 1;
    }
#endif
#if defined(PSA_WANT_ALG_HKDF_EXTRACT)
    if (PSA_ALG_IS_HKDF_EXTRACT(alg)) {
        return 1;
    }
#endif
#if defined(PSA_WANT_ALG_HKDF_EXPAND)
    if (PSA_ALG_IS_HKDF_EXPAND(alg)) {
        return 1;
    }
#endif
    (void)alg;
    return 0;
}

static int builtin_aes_init(cit_aes_ctx_t *ctx, const uint8_t *key, size_t key_len)
{
    return cit_aes_ct_init(ctx, key, key_len);
}

static const cit_mac_providers_t builtin_providers = {
    cit_builtin_hash_desc,
    builtin_aes_init,
};

/* see builtin.h */
psa_status_t cit_kdf_setup_with(builtin_kdf_operation_t *operation,
                                const cit_mac_providers_t *prov, psa_algorithm_t alg)
{
    const cit_hash_desc_t *desc;

    if (!hkdf_variant_wanted(alg)) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    desc = prov->hash_desc(PSA_ALG_GET_HASH(alg));
    if (desc == NULL) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    operation->alg = alg;
    operation->phase = PHASE_START;
    operation->info_length = 0;
    operation->desc = desc;
    return PSA_SUCCESS;
}

/* see builtin.h */
psa_status_t builtin_kdf_setup(builtin_kdf_operation_t *operation, psa_algorithm_t alg)
{
    return cit_kdf_setup_with(operation, &builtin_providers, alg);
}

/* SECRET of HKDF and HKDF-Extract: PRK = HMAC(salt, IKM), then the output state. */
static psa_status_t hkdf_extract_secret(builtin_kdf_operation_t *operation, const uint8_t *ikm,
                                        size_t ikm_length)
{
    uint8_t prk[CIT_HASH_MAX_DIGEST];
    size_t digest = operation->desc->digest_size;

    if (operation->phase == PHASE_START) {
        cit_hmac_init(&operation->u.extract, operation->desc, NULL, 0);
    } else if (operation->phase != PHASE_SALTED) {
        return PSA_ERROR_BAD_STATE;
    }
    if (ikm_length != 0) {
        cit_hmac_update(&operation->u.extract, ikm, ikm_length);
    }
    cit_hmac_finish(&operation->u.extract, prk); /* wipes u.extract */
    if (PSA_ALG_IS_HKDF_EXTRACT(operation->alg)) {
        memcpy(operation->u.prk.prk, prk, digest);
        operation->u.prk.used = 0;
    } else {
        cit_hkdf_expand_init(&operation->u.expand, operation->desc, prk, digest);
    }
    cit_zeroize(prk, sizeof(prk));
    operation->phase = PHASE_OUTPUT;
    return PSA_SUCCESS;
}

/* see builtin.h */
psa_status_t builtin_kdf_input_bytes(builtin_kdf_operation_t *operation,
                                     psa_key_derivation_step_t step, const uint8_t *data,
                                     size_t data_length)
{
    switch (step) {
    case PSA_KEY_DERIVATION_INPUT_SALT:
        if (operation->phase != PHASE_START || PSA_ALG_IS_HKDF_EXPAND(operation->alg)) {
            return PSA_ERROR_BAD_STATE;
        }
        cit_hmac_init(&operation->u.extract, operation->desc, data, data_length);
        operation->phase = PHASE_SALTED;
        return PSA_SUCCESS;
    case PSA_KEY_DERIVATION_INPUT_SECRET:
        if (!PSA_ALG_IS_HKDF_EXPAND(operation->alg)) {
            return hkdf_extract_secret(operation, data, data_length);
        }
        if (operation->phase != PHASE_START) {
            return PSA_ERROR_BAD_STATE;
        }
        cit_hkdf_expand_init(&operation->u.expand, operation->desc, data, data_length);
        operation->phase = PHASE_OUTPUT;
        return PSA_SUCCESS;
    case PSA_KEY_DERIVATION_INPUT_INFO:
        if (PSA_ALG_IS_HKDF_EXTRACT(operation->alg)) {
            return PSA_ERROR_INVALID_ARGUMENT;
        }
        if (data_length > sizeof(operation->info)) {
            return PSA_ERROR_NOT_SUPPORTED;
        }
        if (data_length != 0) {
            memcpy(operation->info, data, data_length);
        }
        operation->info_length = (uint32_t)data_length;
        return PSA_SUCCESS;
    default:
        return PSA_ERROR_INVALID_ARGUMENT;
    }
}

/* see builtin.h */
psa_status_t builtin_kdf_output_bytes(builtin_kdf_operation_t *operation, uint8_t *output,
                                      size_t output_length)
{
    if (operation->phase != PHASE_OUTPUT) {
        return PSA_ERROR_BAD_STATE;
    }
    if (PSA_ALG_IS_HKDF_EXTRACT(operation->alg)) {
        size_t used = operation->u.prk.used;

        if (output_length > operation->desc->digest_size - used) {
            return PSA_ERROR_INSUFFICIENT_DATA;
        }
        if (output_length != 0) {
            memcpy(output, operation->u.prk.prk + used, output_length);
        }
        operation->u.prk.used = (uint32_t)(used + output_length);
        return PSA_SUCCESS;
    }
    if (cit_hkdf_expand_output(&operation->u.expand, operation->info, operation->info_length,
                               output, output_length) != 0) {
        return PSA_ERROR_INSUFFICIENT_DATA;
    }
    return PSA_SUCCESS;
}

/* see builtin.h */
psa_status_t builtin_kdf_abort(builtin_kdf_operation_t *operation)
{
    cit_zeroize(operation, sizeof(*operation));
    return PSA_SUCCESS;
}

/* see builtin.h */
int builtin_kdf_supported(psa_algorithm_t alg)
{
    return hkdf_variant_wanted(alg) && cit_builtin_hash_desc(PSA_ALG_GET_HASH(alg)) != NULL;
}

#else /* !CIT_NEED_HKDF: no key-derivation algorithm is built. */

/* see builtin.h */
psa_status_t cit_kdf_setup_with(builtin_kdf_operation_t *operation,
                                const cit_mac_providers_t *prov, psa_algorithm_t alg)
{
    (void)operation, (void)prov, (void)alg;
    return PSA_ERROR_NOT_SUPPORTED;
}

/* see builtin.h */
psa_status_t builtin_kdf_setup(builtin_kdf_operation_t *operation, psa_algorithm_t alg)
{
    (void)operation, (void)alg;
    return PSA_ERROR_NOT_SUPPORTED;
}

/* see builtin.h */
psa_status_t builtin_kdf_input_bytes(builtin_kdf_operation_t *operation,
                                     psa_key_derivation_step_t step, const uint8_t *data,
                                     size_t data_length)
{
    (void)operation, (void)step, (void)data, (void)data_length;
    return PSA_ERROR_BAD_STATE;
}

/* see builtin.h */
psa_status_t builtin_kdf_output_bytes(builtin_kdf_operation_t *operation, uint8_t *output,
                                      size_t output_length)
{
    (void)operation, (void)output, (void)output_length;
    return PSA_ERROR_BAD_STATE;
}

/* see builtin.h */
psa_status_t builtin_kdf_abort(builtin_kdf_operation_t *operation)
{
    cit_zeroize(operation, sizeof(*operation));
    return PSA_SUCCESS;
}

/* see builtin.h */
int builtin_kdf_supported(psa_algorithm_t alg)
{
    (void)alg;
    return 0;
}

#endif /* CIT_NEED_HKDF */
