/*
 * builtin_aead.c - the builtin driver's AEAD entry points (AES-GCM), written
 * once over "primitive providers" so that an accelerator driver runs the
 * same mode code over its own AES and GHASH (cit_aead_setup_with).
 *
 * The core has validated the algorithm against the key type and runs the
 * operation state machine; the driver enforces the algorithm's own limits
 * (SP 800-38D 5.2.1.1: plaintext at most 2^39 - 256 bits, additional data
 * and IV below 2^64 bits, IV at least one byte) and computes or checks the
 * tag, truncated to the algorithm's length, in constant time.
 */
#include "builtin.h"
#include "config_derive.h"
#include "ct.h"
#include "util.h"

/* The W (at-least-this-length wildcard) flag of an AEAD identifier. */
#define AEAD_WILDCARD_FLAG ((psa_algorithm_t)0x00008000u)
/* The LEN field (tag length in bytes) of an AEAD identifier. */
#define AEAD_TAG_LEN(alg) (((alg) >> 16) & 0x3fu)

#if defined(CIT_NEED_GCM)
/* SP 800-38D limits, in bytes. */
#define GCM_MAX_TEXT ((((uint64_t)1) << 36) - 32u)
#define GCM_MAX_AAD ((((uint64_t)1) << 61) - 1u)
#define GCM_MAX_IV GCM_MAX_AAD

/* Is alg GCM (any valid tag length, not a wildcard)? */
static int is_gcm(psa_algorithm_t alg)
{
    size_t len = AEAD_TAG_LEN(alg);

    return PSA_ALG_IS_AEAD(alg) && (alg & AEAD_WILDCARD_FLAG) == 0 &&
           PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg) == PSA_ALG_GCM &&
           (len == 4 || len == 8 || (len >= 12 && len <= 16));
}
#endif

static int builtin_aes_init(cit_aes_ctx_t *ctx, const uint8_t *key, size_t key_len)
{
    return cit_aes_ct_init(ctx, key, key_len);
}

static const cit_aead_providers_t builtin_providers = {
    builtin_aes_init,
    NULL,
};

/* see builtin.h */
psa_status_t cit_aead_setup_with(builtin_aead_operation_t *operation,
                                 const cit_aead_providers_t *prov,
                                 const psa_key_attributes_t *attributes,
                                 const uint8_t *key_buffer, size_t key_buffer_size,
                                 psa_algorithm_t alg, int is_encrypt)
{
#if defined(CIT_NEED_GCM)
    if (is_gcm(alg) && psa_get_key_type(attributes) == PSA_KEY_TYPE_AES) {
        if (cit_gcm_setkey(&operation->u.gcm, prov->aes_init, key_buffer, key_buffer_size) !=
            0) {
            return PSA_ERROR_INVALID_ARGUMENT;
        }
        if (prov->gcm_accel != NULL) {
            prov->gcm_accel(&operation->u.gcm);
        }
        operation->alg = alg;
        operation->is_encrypt = (uint8_t)(is_encrypt != 0);
        operation->tag_length = (uint8_t)AEAD_TAG_LEN(alg);
        return PSA_SUCCESS;
    }
#endif
    (void)operation, (void)prov, (void)attributes, (void)key_buffer, (void)key_buffer_size;
    (void)alg, (void)is_encrypt;
    return PSA_ERROR_NOT_SUPPORTED;
}

/* see builtin.h */
psa_status_t builtin_aead_encrypt_setup(builtin_aead_operation_t *operation,
                                        const psa_key_attributes_t *attributes,
                                        const uint8_t *key_buffer, size_t key_buffer_size,
                                        psa_algorithm_t alg)
{
    return cit_aead_setup_with(operation, &builtin_providers, attributes, key_buffer,
                               key_buffer_size, alg, 1);
}

/* see builtin.h */
psa_status_t builtin_aead_decrypt_setup(builtin_aead_operation_t *operation,
                                        const psa_key_attributes_t *attributes,
                                        const uint8_t *key_buffer, size_t key_buffer_size,
                                        psa_algorithm_t alg)
{
    return cit_aead_setup_with(operation, &builtin_providers, attributes, key_buffer,
                               key_buffer_size, alg, 0);
}

/* see builtin.h */
psa_status_t builtin_aead_set_nonce(builtin_aead_operation_t *operation, const uint8_t *nonce,
                                    size_t nonce_length)
{
#if defined(CIT_NEED_GCM)
    if (is_gcm(operation->alg)) {
        if (nonce_length == 0) {
            return PSA_ERROR_INVALID_ARGUMENT;
        }
        if ((uint64_t)nonce_length > GCM_MAX_IV) {
            return PSA_ERROR_NOT_SUPPORTED;
        }
        cit_gcm_start(&operation->u.gcm, nonce, nonce_length);
        return PSA_SUCCESS;
    }
#endif
    (void)operation, (void)nonce, (void)nonce_length;
    return PSA_ERROR_BAD_STATE;
}

/* see builtin.h */
psa_status_t builtin_aead_set_lengths(builtin_aead_operation_t *operation, size_t ad_length,
                                      size_t plaintext_length)
{
#if defined(CIT_NEED_GCM)
    if (is_gcm(operation->alg)) {
        if ((uint64_t)ad_length > GCM_MAX_AAD || (uint64_t)plaintext_length > GCM_MAX_TEXT) {
            return PSA_ERROR_INVALID_ARGUMENT;
        }
        return PSA_SUCCESS;
    }
#endif
    (void)operation, (void)ad_length, (void)plaintext_length;
    return PSA_ERROR_BAD_STATE;
}

/* see builtin.h */
psa_status_t builtin_aead_update_ad(builtin_aead_operation_t *operation, const uint8_t *input,
                                    size_t input_length)
{
#if defined(CIT_NEED_GCM)
    if (is_gcm(operation->alg)) {
        cit_gcm_ctx_t *gcm = &operation->u.gcm;

        if ((uint64_t)input_length > GCM_MAX_AAD - gcm->aad_len) {
            return PSA_ERROR_INVALID_ARGUMENT;
        }
        cit_gcm_aad(gcm, input, input_length);
        return PSA_SUCCESS;
    }
#endif
    (void)operation, (void)input, (void)input_length;
    return PSA_ERROR_BAD_STATE;
}

/* see builtin.h */
psa_status_t builtin_aead_update(builtin_aead_operation_t *operation, const uint8_t *input,
                                 size_t input_length, uint8_t *output, size_t output_size,
                                 size_t *output_length)
{
    *output_length = 0;
#if defined(CIT_NEED_GCM)
    if (is_gcm(operation->alg)) {
        cit_gcm_ctx_t *gcm = &operation->u.gcm;

        if ((uint64_t)input_length > GCM_MAX_TEXT - gcm->text_len) {
            return PSA_ERROR_INVALID_ARGUMENT;
        }
        if (output_size < input_length) {
            return PSA_ERROR_BUFFER_TOO_SMALL;
        }
        if (operation->is_encrypt) {
            cit_gcm_encrypt(gcm, input, output, input_length);
        } else {
            cit_gcm_decrypt(gcm, input, output, input_length);
        }
        *output_length = input_length;
        return PSA_SUCCESS;
    }
#endif
    (void)operation, (void)input, (void)input_length, (void)output, (void)output_size;
    return PSA_ERROR_BAD_STATE;
}

/* see builtin.h */
psa_status_t builtin_aead_finish(builtin_aead_operation_t *operation, uint8_t *ciphertext,
                                 size_t ciphertext_size, size_t *ciphertext_length, uint8_t *tag,
                                 size_t tag_size, size_t *tag_length)
{
    *ciphertext_length = 0;
    *tag_length = 0;
#if defined(CIT_NEED_GCM)
    if (is_gcm(operation->alg) && operation->is_encrypt) {
        uint8_t full[16];

        if (tag_size < operation->tag_length) {
            return PSA_ERROR_BUFFER_TOO_SMALL;
        }
        cit_gcm_finish(&operation->u.gcm, full);
        memcpy(tag, full, operation->tag_length);
        *tag_length = operation->tag_length;
        cit_zeroize(full, sizeof(full));
        (void)ciphertext, (void)ciphertext_size;
        return PSA_SUCCESS;
    }
#endif
    (void)operation, (void)ciphertext, (void)ciphertext_size, (void)tag, (void)tag_size;
    return PSA_ERROR_BAD_STATE;
}

/* see builtin.h */
psa_status_t builtin_aead_verify(builtin_aead_operation_t *operation, uint8_t *plaintext,
                                 size_t plaintext_size, size_t *plaintext_length,
                                 const uint8_t *tag, size_t tag_length)
{
    *plaintext_length = 0;
#if defined(CIT_NEED_GCM)
    if (is_gcm(operation->alg) && !operation->is_encrypt) {
        uint8_t full[16];
        uint32_t diff;

        cit_gcm_finish(&operation->u.gcm, full);
        /* The tag length is public; the comparison of the bytes is constant-time. */
        diff = tag_length != operation->tag_length
                   ? 1u
                   : cit_ct_memcmp(full, tag, operation->tag_length);
        cit_zeroize(full, sizeof(full));
        (void)plaintext, (void)plaintext_size;
        /* The verdict is public: declassified for the constant-time checker (ct.h). */
        return cit_ct_declassify_u32(diff) == 0 ? PSA_SUCCESS : PSA_ERROR_INVALID_SIGNATURE;
    }
#endif
    (void)operation, (void)plaintext, (void)plaintext_size, (void)tag, (void)tag_length;
    return PSA_ERROR_BAD_STATE;
}

/* see builtin.h */
psa_status_t builtin_aead_abort(builtin_aead_operation_t *operation)
{
    cit_zeroize(operation, sizeof(*operation));
    return PSA_SUCCESS;
}

/* see builtin.h */
int builtin_aead_supported(psa_algorithm_t alg)
{
#if defined(CIT_NEED_GCM)
    return is_gcm(alg);
#else
    (void)alg;
    return 0;
#endif
}

/* see builtin.h */
psa_status_t cit_aead_encrypt_with(const cit_aead_providers_t *prov,
                                   const psa_key_attributes_t *attributes,
                                   const uint8_t *key_buffer, size_t key_buffer_size,
                                   psa_algorithm_t alg, const uint8_t *nonce,
                                   size_t nonce_length, const uint8_t *additional_data,
                                   size_t additional_data_length, const uint8_t *plaintext,
                                   size_t plaintext_length, uint8_t *ciphertext,
                                   size_t ciphertext_size, size_t *ciphertext_length)
{
    builtin_aead_operation_t op;
    size_t out_len = 0, tag_len = 0, last_len = 0;
    psa_status_t status;

    *ciphertext_length = 0;
    status = cit_aead_setup_with(&op, prov, attributes, key_buffer, key_buffer_size, alg, 1);
    if (status != PSA_SUCCESS) {
        cit_zeroize(&op, sizeof(op));
        return status;
    }
    if (plaintext_length > ciphertext_size ||
        ciphertext_size - plaintext_length < op.tag_length) {
        status = PSA_ERROR_BUFFER_TOO_SMALL;
    }
    if (status == PSA_SUCCESS) {
        status = builtin_aead_set_nonce(&op, nonce, nonce_length);
    }
    if (status == PSA_SUCCESS) {
        status = builtin_aead_update_ad(&op, additional_data, additional_data_length);
    }
    if (status == PSA_SUCCESS) {
        status = builtin_aead_update(&op, plaintext, plaintext_length, ciphertext,
                                     ciphertext_size, &out_len);
    }
    if (status == PSA_SUCCESS) {
        status = builtin_aead_finish(&op, NULL, 0, &last_len, ciphertext + out_len,
                                     ciphertext_size - out_len, &tag_len);
    }
    if (status == PSA_SUCCESS) {
        *ciphertext_length = out_len + last_len + tag_len;
    }
    cit_zeroize(&op, sizeof(op));
    return status;
}

/* see builtin.h */
psa_status_t cit_aead_decrypt_with(const cit_aead_providers_t *prov,
                                   const psa_key_attributes_t *attributes,
                                   const uint8_t *key_buffer, size_t key_buffer_size,
                                   psa_algorithm_t alg, const uint8_t *nonce,
                                   size_t nonce_length, const uint8_t *additional_data,
                                   size_t additional_data_length, const uint8_t *ciphertext,
                                   size_t ciphertext_length, uint8_t *plaintext,
                                   size_t plaintext_size, size_t *plaintext_length)
{
    builtin_aead_operation_t op;
    size_t text_len = 0, out_len = 0, last_len = 0;
    psa_status_t status;

    *plaintext_length = 0;
    status = cit_aead_setup_with(&op, prov, attributes, key_buffer, key_buffer_size, alg, 0);
    if (status != PSA_SUCCESS) {
        cit_zeroize(&op, sizeof(op));
        return status;
    }
    if (ciphertext_length < op.tag_length) {
        /* Too short to hold a tag: not an authentic ciphertext. */
        status = PSA_ERROR_INVALID_SIGNATURE;
    } else {
        text_len = ciphertext_length - op.tag_length;
        if (plaintext_size < text_len) {
            status = PSA_ERROR_BUFFER_TOO_SMALL;
        }
    }
    if (status == PSA_SUCCESS) {
        status = builtin_aead_set_nonce(&op, nonce, nonce_length);
    }
    if (status == PSA_SUCCESS) {
        status = builtin_aead_update_ad(&op, additional_data, additional_data_length);
    }
    if (status == PSA_SUCCESS) {
        status = builtin_aead_update(&op, ciphertext, text_len, plaintext, plaintext_size,
                                     &out_len);
    }
    if (status == PSA_SUCCESS) {
        status = builtin_aead_verify(&op, NULL, 0, &last_len, ciphertext + text_len,
                                     op.tag_length);
        if (status != PSA_SUCCESS) {
            /* Never release unauthenticated plaintext. */
            cit_zeroize(plaintext, out_len);
        }
    }
    if (status == PSA_SUCCESS) {
        *plaintext_length = out_len;
    }
    cit_zeroize(&op, sizeof(op));
    return status;
}

/* see builtin.h */
psa_status_t builtin_aead_encrypt(const psa_key_attributes_t *attributes,
                                  const uint8_t *key_buffer, size_t key_buffer_size,
                                  psa_algorithm_t alg, const uint8_t *nonce, size_t nonce_length,
                                  const uint8_t *additional_data, size_t additional_data_length,
                                  const uint8_t *plaintext, size_t plaintext_length,
                                  uint8_t *ciphertext, size_t ciphertext_size,
                                  size_t *ciphertext_length)
{
    return cit_aead_encrypt_with(&builtin_providers, attributes, key_buffer, key_buffer_size,
                                 alg, nonce, nonce_length, additional_data,
                                 additional_data_length, plaintext, plaintext_length, ciphertext,
                                 ciphertext_size, ciphertext_length);
}

/* see builtin.h */
psa_status_t builtin_aead_decrypt(const psa_key_attributes_t *attributes,
                                  const uint8_t *key_buffer, size_t key_buffer_size,
                                  psa_algorithm_t alg, const uint8_t *nonce, size_t nonce_length,
                                  const uint8_t *additional_data, size_t additional_data_length,
                                  const uint8_t *ciphertext, size_t ciphertext_length,
                                  uint8_t *plaintext, size_t plaintext_size,
                                  size_t *plaintext_length)
{
    return cit_aead_decrypt_with(&builtin_providers, attributes, key_buffer, key_buffer_size,
                                 alg, nonce, nonce_length, additional_data,
                                 additional_data_length, ciphertext, ciphertext_length, plaintext,
                                 plaintext_size, plaintext_length);
}
