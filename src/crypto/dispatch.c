/*
 * dispatch.c - routes the core's entry points to the drivers.
 *
 * Order: accelerator drivers (x86) first, then builtin. The driver that
 * accepted an operation is recorded in the operation object; later steps
 * of the operation go to the same driver. Written by hand from the driver
 * list (two transparent drivers); docs/ARCHITECTURE.md explains how a
 * driver is added.
 */
#include "dispatch.h"
#include "core.h"
#include "builtin.h"
#include "util.h"
#if defined(CIT_USE_X86)
#include "drivers/x86/x86_driver.h"
#endif

/* The driver contexts must fit the opaque areas of the public structs. */
CIT_STATIC_ASSERT(sizeof(builtin_hash_operation_t) <= CIT_HASH_OP_CTX_SIZE, hash_ctx_fits);
CIT_STATIC_ASSERT(sizeof(builtin_xof_operation_t) <= CIT_HASH_OP_CTX_SIZE, xof_ctx_fits);
CIT_STATIC_ASSERT(sizeof(builtin_mac_operation_t) <= CIT_MAC_OP_CTX_SIZE, mac_ctx_fits);
CIT_STATIC_ASSERT(sizeof(builtin_kdf_operation_t) <= CIT_KEY_DERIVATION_OP_CTX_SIZE,
                  kdf_ctx_fits);
CIT_STATIC_ASSERT(sizeof(builtin_aead_operation_t) <= CIT_AEAD_OP_CTX_SIZE, aead_ctx_fits);

static volatile int accelerators_enabled = 1;

/* see dispatch.h */
void cit_dispatch_set_accelerators(int enabled)
{
    accelerators_enabled = enabled;
}

#define HASH_CTX(op) ((builtin_hash_operation_t *)(void *)(op)->cit_ctx.cit_bytes)
#define XOF_CTX(op) ((builtin_xof_operation_t *)(void *)(op)->cit_ctx.cit_bytes)
#define MAC_CTX(op) ((builtin_mac_operation_t *)(void *)(op)->cit_ctx.cit_bytes)
#define KDF_CTX(op) ((builtin_kdf_operation_t *)(void *)(op)->cit_ctx.cit_bytes)
#define AEAD_CTX(op) ((builtin_aead_operation_t *)(void *)(op)->cit_ctx.cit_bytes)

/* ---- Hash ---- */

/* see dispatch.h */
psa_status_t cit_dispatch_hash_setup(psa_hash_operation_t *op, psa_algorithm_t alg)
{
    psa_status_t status;

#if defined(CIT_USE_X86)
    if (accelerators_enabled) {
        status = x86_hash_setup(HASH_CTX(op), alg);
        if (status != PSA_ERROR_NOT_SUPPORTED) {
            op->cit_driver = CIT_DRIVER_X86;
            return status;
        }
    }
#endif
    status = builtin_hash_setup(HASH_CTX(op), alg);
    op->cit_driver = CIT_DRIVER_BUILTIN;
    return status;
}

/*
 * After setup, both drivers share the builtin hash context layout and mode
 * code (the x86 driver only swaps compression functions), so the remaining
 * steps are the same calls whichever driver accepted the operation.
 */

/* see dispatch.h */
psa_status_t cit_dispatch_hash_update(psa_hash_operation_t *op, const uint8_t *input,
                                      size_t input_length)
{
    return builtin_hash_update(HASH_CTX(op), input, input_length);
}

/* see dispatch.h */
psa_status_t cit_dispatch_hash_finish(psa_hash_operation_t *op, uint8_t *hash, size_t hash_size,
                                      size_t *hash_length)
{
    return builtin_hash_finish(HASH_CTX(op), hash, hash_size, hash_length);
}

/* see dispatch.h */
void cit_dispatch_hash_abort(psa_hash_operation_t *op)
{
    (void)builtin_hash_abort(HASH_CTX(op));
    op->cit_driver = CIT_DRIVER_NONE;
}

/* see dispatch.h */
psa_status_t cit_dispatch_hash_compute(psa_algorithm_t alg, const uint8_t *input,
                                       size_t input_length, uint8_t *hash, size_t hash_size,
                                       size_t *hash_length)
{
#if defined(CIT_USE_X86)
    if (accelerators_enabled) {
        psa_status_t status =
            x86_hash_compute(alg, input, input_length, hash, hash_size, hash_length);
        if (status != PSA_ERROR_NOT_SUPPORTED) {
            return status;
        }
    }
#endif
    return builtin_hash_compute(alg, input, input_length, hash, hash_size, hash_length);
}

/* see dispatch.h */
psa_status_t cit_dispatch_hash_suspend(const psa_hash_operation_t *op, uint8_t *state,
                                       size_t state_size, size_t *state_length)
{
    return builtin_hash_suspend(HASH_CTX(op), state, state_size, state_length);
}

/* see dispatch.h */
psa_status_t cit_dispatch_hash_resume(psa_hash_operation_t *op, psa_algorithm_t alg,
                                      const uint8_t *state, size_t state_length)
{
    /* Set up through the normal path so the fastest driver is chosen... */
    psa_status_t status = cit_dispatch_hash_setup(op, alg);

    if (status != PSA_SUCCESS) {
        return status;
    }
    /* ...then load the suspended state into that driver's context. */
    status = builtin_hash_resume(HASH_CTX(op), HASH_CTX(op)->desc, state, state_length);
    if (status != PSA_SUCCESS) {
        cit_dispatch_hash_abort(op);
    }
    return status;
}

/* ---- XOF ---- */

/* see dispatch.h */
psa_status_t cit_dispatch_xof_setup(psa_xof_operation_t *op, psa_algorithm_t alg)
{
    op->cit_driver = CIT_DRIVER_BUILTIN;
    return builtin_xof_setup(XOF_CTX(op), alg);
}

/* see dispatch.h */
psa_status_t cit_dispatch_xof_update(psa_xof_operation_t *op, const uint8_t *input,
                                     size_t input_length)
{
    return builtin_xof_update(XOF_CTX(op), input, input_length);
}

/* see dispatch.h */
psa_status_t cit_dispatch_xof_output(psa_xof_operation_t *op, uint8_t *output,
                                     size_t output_length)
{
    return builtin_xof_output(XOF_CTX(op), output, output_length);
}

/* see dispatch.h */
void cit_dispatch_xof_abort(psa_xof_operation_t *op)
{
    (void)builtin_xof_abort(XOF_CTX(op));
    op->cit_driver = CIT_DRIVER_NONE;
}

/* ---- MAC ---- */

/* see dispatch.h */
psa_status_t cit_dispatch_mac_setup(psa_mac_operation_t *op, const psa_key_attributes_t *attr,
                                    const uint8_t *key, size_t key_length, psa_algorithm_t alg,
                                    int is_sign)
{
    psa_status_t status;

#if defined(CIT_USE_X86)
    if (accelerators_enabled) {
        status = x86_mac_setup(MAC_CTX(op), attr, key, key_length, alg);
        if (status != PSA_ERROR_NOT_SUPPORTED) {
            op->cit_driver = CIT_DRIVER_X86;
            return status;
        }
    }
#endif
    op->cit_driver = CIT_DRIVER_BUILTIN;
    if (is_sign) {
        status = builtin_mac_sign_setup(MAC_CTX(op), attr, key, key_length, alg);
    } else {
        status = builtin_mac_verify_setup(MAC_CTX(op), attr, key, key_length, alg);
    }
    return status;
}

/* see dispatch.h */
psa_status_t cit_dispatch_mac_update(psa_mac_operation_t *op, const uint8_t *input,
                                     size_t input_length)
{
    return builtin_mac_update(MAC_CTX(op), input, input_length);
}

/* see dispatch.h */
psa_status_t cit_dispatch_mac_finish(psa_mac_operation_t *op, uint8_t *mac, size_t mac_size,
                                     size_t *mac_length)
{
    return builtin_mac_sign_finish(MAC_CTX(op), mac, mac_size, mac_length);
}

/* see dispatch.h */
void cit_dispatch_mac_abort(psa_mac_operation_t *op)
{
    (void)builtin_mac_abort(MAC_CTX(op));
    op->cit_driver = CIT_DRIVER_NONE;
}

/* see dispatch.h */
int cit_dispatch_mac_supported(psa_algorithm_t alg)
{
    /* The builtin driver covers every algorithm any accelerator does. */
    return builtin_mac_supported(alg);
}

/* ---- AEAD ---- */

/* see dispatch.h */
psa_status_t cit_dispatch_aead_encrypt(const psa_key_attributes_t *attr, const uint8_t *key,
                                       size_t key_length, psa_algorithm_t alg,
                                       const uint8_t *nonce, size_t nonce_length,
                                       const uint8_t *additional_data,
                                       size_t additional_data_length, const uint8_t *plaintext,
                                       size_t plaintext_length, uint8_t *ciphertext,
                                       size_t ciphertext_size, size_t *ciphertext_length)
{
#if defined(CIT_USE_X86)
    if (accelerators_enabled) {
        psa_status_t status = x86_aead_encrypt(attr, key, key_length, alg, nonce, nonce_length,
                                               additional_data, additional_data_length,
                                               plaintext, plaintext_length, ciphertext,
                                               ciphertext_size, ciphertext_length);
        if (status != PSA_ERROR_NOT_SUPPORTED) {
            return status;
        }
    }
#endif
    return builtin_aead_encrypt(attr, key, key_length, alg, nonce, nonce_length,
                                additional_data, additional_data_length, plaintext,
                                plaintext_length, ciphertext, ciphertext_size,
                                ciphertext_length);
}

/* see dispatch.h */
psa_status_t cit_dispatch_aead_decrypt(const psa_key_attributes_t *attr, const uint8_t *key,
                                       size_t key_length, psa_algorithm_t alg,
                                       const uint8_t *nonce, size_t nonce_length,
                                       const uint8_t *additional_data,
                                       size_t additional_data_length, const uint8_t *ciphertext,
                                       size_t ciphertext_length, uint8_t *plaintext,
                                       size_t plaintext_size, size_t *plaintext_length)
{
#if defined(CIT_USE_X86)
    if (accelerators_enabled) {
        psa_status_t status = x86_aead_decrypt(attr, key, key_length, alg, nonce, nonce_length,
                                               additional_data, additional_data_length,
                                               ciphertext, ciphertext_length, plaintext,
                                               plaintext_size, plaintext_length);
        if (status != PSA_ERROR_NOT_SUPPORTED) {
            return status;
        }
    }
#endif
    return builtin_aead_decrypt(attr, key, key_length, alg, nonce, nonce_length,
                                additional_data, additional_data_length, ciphertext,
                                ciphertext_length, plaintext, plaintext_size, plaintext_length);
}

/* see dispatch.h */
psa_status_t cit_dispatch_aead_setup(psa_aead_operation_t *op, const psa_key_attributes_t *attr,
                                     const uint8_t *key, size_t key_length, psa_algorithm_t alg,
                                     int is_encrypt)
{
    psa_status_t status;

#if defined(CIT_USE_X86)
    if (accelerators_enabled) {
        if (is_encrypt) {
            status = x86_aead_encrypt_setup(AEAD_CTX(op), attr, key, key_length, alg);
        } else {
            status = x86_aead_decrypt_setup(AEAD_CTX(op), attr, key, key_length, alg);
        }
        if (status != PSA_ERROR_NOT_SUPPORTED) {
            op->cit_driver = CIT_DRIVER_X86;
            return status;
        }
    }
#endif
    op->cit_driver = CIT_DRIVER_BUILTIN;
    if (is_encrypt) {
        status = builtin_aead_encrypt_setup(AEAD_CTX(op), attr, key, key_length, alg);
    } else {
        status = builtin_aead_decrypt_setup(AEAD_CTX(op), attr, key, key_length, alg);
    }
    return status;
}

/*
 * After setup, both drivers share the builtin AEAD context and mode code
 * (the x86 driver only swaps the AES and GHASH functions), so the remaining
 * steps are the same calls whichever driver accepted the operation.
 */

/* see dispatch.h */
psa_status_t cit_dispatch_aead_set_nonce(psa_aead_operation_t *op, const uint8_t *nonce,
                                         size_t nonce_length)
{
    return builtin_aead_set_nonce(AEAD_CTX(op), nonce, nonce_length);
}

/* see dispatch.h */
psa_status_t cit_dispatch_aead_set_lengths(psa_aead_operation_t *op, size_t ad_length,
                                           size_t plaintext_length)
{
    return builtin_aead_set_lengths(AEAD_CTX(op), ad_length, plaintext_length);
}

/* see dispatch.h */
psa_status_t cit_dispatch_aead_update_ad(psa_aead_operation_t *op, const uint8_t *input,
                                         size_t input_length)
{
    return builtin_aead_update_ad(AEAD_CTX(op), input, input_length);
}

/* see dispatch.h */
psa_status_t cit_dispatch_aead_update(psa_aead_operation_t *op, const uint8_t *input,
                                      size_t input_length, uint8_t *output, size_t output_size,
                                      size_t *output_length)
{
    return builtin_aead_update(AEAD_CTX(op), input, input_length, output, output_size,
                               output_length);
}

/* see dispatch.h */
psa_status_t cit_dispatch_aead_finish(psa_aead_operation_t *op, uint8_t *ciphertext,
                                      size_t ciphertext_size, size_t *ciphertext_length,
                                      uint8_t *tag, size_t tag_size, size_t *tag_length)
{
    return builtin_aead_finish(AEAD_CTX(op), ciphertext, ciphertext_size, ciphertext_length, tag,
                               tag_size, tag_length);
}

/* see dispatch.h */
psa_status_t cit_dispatch_aead_verify(psa_aead_operation_t *op, uint8_t *plaintext,
                                      size_t plaintext_size, size_t *plaintext_length,
                                      const uint8_t *tag, size_t tag_length)
{
    return builtin_aead_verify(AEAD_CTX(op), plaintext, plaintext_size, plaintext_length, tag,
                               tag_length);
}

/* see dispatch.h */
void cit_dispatch_aead_abort(psa_aead_operation_t *op)
{
    (void)builtin_aead_abort(AEAD_CTX(op));
    op->cit_driver = CIT_DRIVER_NONE;
}

/* see dispatch.h */
int cit_dispatch_aead_supported(psa_algorithm_t alg)
{
    /* The builtin driver covers every algorithm any accelerator does. */
    return builtin_aead_supported(alg);
}

/* ---- Key derivation ---- */

/* see dispatch.h */
psa_status_t cit_dispatch_kdf_setup(psa_key_derivation_operation_t *op, psa_algorithm_t alg)
{
#if defined(CIT_USE_X86)
    if (accelerators_enabled) {
        psa_status_t status = x86_kdf_setup(KDF_CTX(op), alg);

        if (status != PSA_ERROR_NOT_SUPPORTED) {
            op->cit_driver = CIT_DRIVER_X86;
            return status;
        }
    }
#endif
    op->cit_driver = CIT_DRIVER_BUILTIN;
    return builtin_kdf_setup(KDF_CTX(op), alg);
}

/*
 * Both drivers share the builtin context layout and HKDF code (the x86
 * driver only supplies faster hash descriptors), so the later steps are the
 * same calls whichever driver accepted the operation.
 */

/* see dispatch.h */
psa_status_t cit_dispatch_kdf_input_bytes(psa_key_derivation_operation_t *op,
                                          psa_key_derivation_step_t step, const uint8_t *data,
                                          size_t data_length)
{
    return builtin_kdf_input_bytes(KDF_CTX(op), step, data, data_length);
}

/* see dispatch.h */
psa_status_t cit_dispatch_kdf_output_bytes(psa_key_derivation_operation_t *op, uint8_t *output,
                                           size_t output_length)
{
    return builtin_kdf_output_bytes(KDF_CTX(op), output, output_length);
}

/* see dispatch.h */
void cit_dispatch_kdf_abort(psa_key_derivation_operation_t *op)
{
    (void)builtin_kdf_abort(KDF_CTX(op));
    op->cit_driver = CIT_DRIVER_NONE;
}

/* see dispatch.h */
int cit_dispatch_kdf_supported(psa_algorithm_t alg)
{
    /* The builtin driver covers every algorithm any accelerator does. */
    return builtin_kdf_supported(alg);
}

/* ---- Random ---- */

static builtin_random_context_t rng_ctx;

static int builtin_aes_for_rng(cit_aes_ctx_t *ctx, const uint8_t *key, size_t key_len)
{
    return cit_aes_ct_init(ctx, key, key_len);
}

/* The AES the DRBG runs on; fixed at seeding so that rekeying stays consistent. */
static cit_aes_init_fn rng_aes;

/* see dispatch.h */
void cit_dispatch_random_seed(const uint8_t *entropy, size_t entropy_length,
                              const uint8_t *pers, size_t pers_length)
{
    if (!rng_ctx.seeded) {
        rng_aes = builtin_aes_for_rng;
#if defined(CIT_USE_X86)
        if (accelerators_enabled && x86_aes_init_fn() != NULL) {
            rng_aes = x86_aes_init_fn();
        }
#endif
    }
    builtin_random_seed(&rng_ctx, rng_aes, entropy, entropy_length, pers, pers_length);
}

/* see dispatch.h */
psa_status_t cit_dispatch_random_generate(uint8_t *output, size_t output_length)
{
    return builtin_random_generate(&rng_ctx, rng_aes, output, output_length);
}

/* see dispatch.h */
void cit_dispatch_random_wipe(void)
{
    cit_zeroize(&rng_ctx, sizeof(rng_ctx));
}
