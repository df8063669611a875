/*
 * builtin_mac.c - the builtin driver's MAC entry points (HMAC, CMAC,
 * CBC-MAC), written once over "primitive providers" so that an accelerator
 * driver runs the same mode code over its own hash and AES primitives.
 *
 * The core has already validated the algorithm against the key type and
 * size; the driver computes the full-length MAC and the core truncates.
 */
#include "builtin.h"
#include "config_derive.h"
#include "util.h"

static int builtin_aes_init(cit_aes_ctx_t *ctx, const uint8_t *key, size_t key_len)
{
    return cit_aes_ct_init(ctx, key, key_len);
}

static const cit_mac_providers_t builtin_providers = {
    cit_builtin_hash_desc,
    builtin_aes_init,
};

/* see builtin.h */
psa_status_t cit_mac_setup_with(builtin_mac_operation_t *operation,
                                const cit_mac_providers_t *prov,
                                const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                                size_t key_buffer_size, psa_algorithm_t alg)
{
    psa_algorithm_t base = PSA_ALG_FULL_LENGTH_MAC(alg);
    psa_key_type_t type = psa_get_key_type(attributes);

    operation->base = base;
#if defined(CIT_NEED_HMAC)
    if (PSA_ALG_IS_HMAC(base)) {
        const cit_hash_desc_t *desc = prov->hash_desc(PSA_ALG_GET_HASH(base));

        if (desc == NULL || type != PSA_KEY_TYPE_HMAC) {
            return PSA_ERROR_NOT_SUPPORTED;
        }
        cit_hmac_init(&operation->u.hmac, desc, key_buffer, key_buffer_size);
        return PSA_SUCCESS;
    }
#endif
#if defined(CIT_NEED_CMAC)
    if (base == PSA_ALG_CMAC && type == PSA_KEY_TYPE_AES) {
        if (prov->aes_init(&operation->u.cmac.aes, key_buffer, key_buffer_size) != 0) {
            return PSA_ERROR_INVALID_ARGUMENT;
        }
        cit_cmac_start(&operation->u.cmac);
        return PSA_SUCCESS;
    }
#endif
#if defined(CIT_NEED_CBC_MAC)
    if (base == PSA_ALG_CBC_MAC && type == PSA_KEY_TYPE_AES) {
        if (prov->aes_init(&operation->u.cbc_mac.aes, key_buffer, key_buffer_size) != 0) {
            return PSA_ERROR_INVALID_ARGUMENT;
        }
        cit_cbc_mac_start(&operation->u.cbc_mac);
        return PSA_SUCCESS;
    }
#endif
    (void)prov, (void)type, (void)key_buffer, (void)key_buffer_size;
    return PSA_ERROR_NOT_SUPPORTED;
}

/* see builtin.h */
psa_status_t builtin_mac_sign_setup(builtin_mac_operation_t *operation,
                                    const psa_key_attributes_t *attributes,
                                    const uint8_t *key_buffer, size_t key_buffer_size,
                                    psa_algorithm_t alg)
{
    return cit_mac_setup_with(operation, &builtin_providers, attributes, key_buffer,
                              key_buffer_size, alg);
}

/* see builtin.h */
psa_status_t builtin_mac_verify_setup(builtin_mac_operation_t *operation,
                                      const psa_key_attributes_t *attributes,
                                      const uint8_t *key_buffer, size_t key_buffer_size,
                                      psa_algorithm_t alg)
{
    return cit_mac_setup_with(operation, &builtin_providers, attributes, key_buffer,
                              key_buffer_size, alg);
}

/* see builtin.h */
psa_status_t builtin_mac_update(builtin_mac_operation_t *operation, const uint8_t *input,
                                size_t input_length)
{
    if (input_length == 0) {
        return PSA_SUCCESS;
    }
#if defined(CIT_NEED_HMAC)
    if (PSA_ALG_IS_HMAC(operation->base)) {
        cit_hmac_update(&operation->u.hmac, input, input_length);
        return PSA_SUCCESS;
    }
#endif
#if defined(CIT_NEED_CMAC)
    if (operation->base == PSA_ALG_CMAC) {
        cit_cmac_update(&operation->u.cmac, input, input_length);
        return PSA_SUCCESS;
    }
#endif
#if defined(CIT_NEED_CBC_MAC)
    if (operation->base == PSA_ALG_CBC_MAC) {
        cit_cbc_mac_update(&operation->u.cbc_mac, input, input_length);
        return PSA_SUCCESS;
    }
#endif
    (void)input;
    return PSA_ERROR_BAD_STATE;
}

/* see builtin.h */
psa_status_t builtin_mac_sign_finish(builtin_mac_operation_t *operation, uint8_t *mac,
                                     size_t mac_size, size_t *mac_length)
{
    psa_status_t status = PSA_ERROR_BAD_STATE;

#if defined(CIT_NEED_HMAC)
    if (PSA_ALG_IS_HMAC(operation->base)) {
        size_t len = operation->u.hmac.desc->digest_size;

        if (mac_size < len) {
            return PSA_ERROR_BUFFER_TOO_SMALL;
        }
        cit_hmac_finish(&operation->u.hmac, mac);
        *mac_length = len;
        return PSA_SUCCESS;
    }
#endif
#if defined(CIT_NEED_CMAC) || defined(CIT_NEED_CBC_MAC)
    if (mac_size < 16) {
        return PSA_ERROR_BUFFER_TOO_SMALL;
    }
#endif
#if defined(CIT_NEED_CMAC)
    if (operation->base == PSA_ALG_CMAC) {
        cit_cmac_finish(&operation->u.cmac, mac);
        *mac_length = 16;
        return PSA_SUCCESS;
    }
#endif
#if defined(CIT_NEED_CBC_MAC)
    if (operation->base == PSA_ALG_CBC_MAC) {
        if (cit_cbc_mac_finish(&operation->u.cbc_mac, mac) != 0) {
            /* CBC-MAC is only defined on whole blocks. */
            return PSA_ERROR_INVALID_ARGUMENT;
        }
        *mac_length = 16;
        return PSA_SUCCESS;
    }
#endif
    (void)mac, (void)mac_size, (void)mac_length;
    return status;
}

/* see builtin.h */
psa_status_t builtin_mac_abort(builtin_mac_operation_t *operation)
{
    cit_zeroize(operation, sizeof(*operation));
    return PSA_SUCCESS;
}

/* see builtin.h */
int builtin_mac_supported(psa_algorithm_t alg)
{
    psa_algorithm_t base = PSA_ALG_FULL_LENGTH_MAC(alg);

#if defined(CIT_NEED_HMAC)
    if (PSA_ALG_IS_HMAC(base)) {
        return cit_builtin_hash_desc(PSA_ALG_GET_HASH(base)) != NULL;
    }
#endif
#if defined(CIT_NEED_CMAC)
    if (base == PSA_ALG_CMAC) {
        return 1;
    }
#endif
#if defined(CIT_NEED_CBC_MAC)
    if (base == PSA_ALG_CBC_MAC) {
        return 1;
    }
#endif
    (void)base;
    return 0;
}
