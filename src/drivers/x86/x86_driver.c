/*
 * x86_driver.c - PSA driver entry points of the x86-64 accelerator driver.
 */
#include "x86_driver.h"
#include "x86.h"
#include "util.h"

#if defined(CIT_USE_X86)

#if defined(CIT_NEED_SHA1)
static void x86_sha1_init(cit_hash_ctx_t *c)
{
    cit_sha1_init(&c->sha1);
    c->sha1.blocks = cit_sha1_blocks_shani;
}

static const cit_hash_desc_t x86_sha1 = {
    PSA_ALG_SHA_1, 64, 20, x86_sha1_init, cit_hd_sha1_update, cit_hd_sha1_finish
};
#endif

#if defined(CIT_NEED_SHA256)
static void x86_sha224_init(cit_hash_ctx_t *c)
{
    cit_sha224_init(&c->sha256);
    c->sha256.blocks = cit_sha256_blocks_shani;
}

static void x86_sha256_init(cit_hash_ctx_t *c)
{
    cit_sha256_init(&c->sha256);
    c->sha256.blocks = cit_sha256_blocks_shani;
}

static const cit_hash_desc_t x86_sha224 = {
    PSA_ALG_SHA_224, 64, 28, x86_sha224_init, cit_hd_sha256_update, cit_hd_sha224_finish
};
static const cit_hash_desc_t x86_sha256 = {
    PSA_ALG_SHA_256, 64, 32, x86_sha256_init, cit_hd_sha256_update, cit_hd_sha256_finish
};
static const cit_hash_desc_t x86_sha256_192 = {
    PSA_ALG_SHA_256_192, 64, 24, x86_sha256_init, cit_hd_sha256_update, cit_hd_sha256_192_finish
};
#endif

#if defined(CIT_NEED_SHA512)
static void x86_sha384_init(cit_hash_ctx_t *c)
{
    cit_sha384_init(&c->sha512);
    c->sha512.blocks = cit_sha512_blocks_avx2;
}

static void x86_sha512_init(cit_hash_ctx_t *c)
{
    cit_sha512_init(&c->sha512);
    c->sha512.blocks = cit_sha512_blocks_avx2;
}

static void x86_sha512_224_init(cit_hash_ctx_t *c)
{
    cit_sha512_224_init(&c->sha512);
    c->sha512.blocks = cit_sha512_blocks_avx2;
}

static void x86_sha512_256_init(cit_hash_ctx_t *c)
{
    cit_sha512_256_init(&c->sha512);
    c->sha512.blocks = cit_sha512_blocks_avx2;
}

static const cit_hash_desc_t x86_sha384 = {
    PSA_ALG_SHA_384, 128, 48, x86_sha384_init, cit_hd_sha512_update, cit_hd_sha384_finish
};
static const cit_hash_desc_t x86_sha512 = {
    PSA_ALG_SHA_512, 128, 64, x86_sha512_init, cit_hd_sha512_update, cit_hd_sha512_finish
};
static const cit_hash_desc_t x86_sha512_224 = {
    PSA_ALG_SHA_512_224, 128, 28, x86_sha512_224_init, cit_hd_sha512_update,
    cit_hd_sha512_224_finish
};
static const cit_hash_desc_t x86_sha512_256 = {
    PSA_ALG_SHA_512_256, 128, 32, x86_sha512_256_init, cit_hd_sha512_update,
    cit_hd_sha512_256_finish
};
#endif

/* The SHA-NI descriptor for alg, or NULL if SHA-NI does not cover alg. */
static const cit_hash_desc_t *x86_shani_desc(psa_algorithm_t alg)
{
    switch (alg) {
#if defined(CIT_NEED_SHA1)
    case PSA_ALG_SHA_1:
        return &x86_sha1;
#endif
#if defined(CIT_NEED_SHA256)
    case PSA_ALG_SHA_224:
        return &x86_sha224;
    case PSA_ALG_SHA_256:
        return &x86_sha256;
    case PSA_ALG_SHA_256_192:
        return &x86_sha256_192;
#endif
    default:
        return NULL;
    }
}

/* The AVX2 + BMI2 descriptor for alg, or NULL if there is none. */
static const cit_hash_desc_t *x86_avx2_desc(psa_algorithm_t alg)
{
    switch (alg) {
#if defined(CIT_NEED_SHA512)
    case PSA_ALG_SHA_384:
        return &x86_sha384;
    case PSA_ALG_SHA_512:
        return &x86_sha512;
    case PSA_ALG_SHA_512_224:
        return &x86_sha512_224;
    case PSA_ALG_SHA_512_256:
        return &x86_sha512_256;
#endif
    default:
        return NULL;
    }
}

/* The accelerated descriptor for alg, or NULL if the CPU or alg gives nothing. */
static const cit_hash_desc_t *x86_accel_desc(psa_algorithm_t alg)
{
    const uint32_t avx2_bmi2 = CIT_X86_AVX2 | CIT_X86_BMI2;
    uint32_t features = cit_x86_features();
    const cit_hash_desc_t *d = NULL;

    if ((features & CIT_X86_SHA) != 0) {
        d = x86_shani_desc(alg);
    }
    if (d == NULL && (features & avx2_bmi2) == avx2_bmi2) {
        d = x86_avx2_desc(alg);
    }
    return d;
}

/* Hash providers for HMAC: SHA-NI or AVX2 where possible, builtin otherwise. */
static const cit_hash_desc_t *x86_hash_desc(psa_algorithm_t alg)
{
    const cit_hash_desc_t *d = x86_accel_desc(alg);

    return d != NULL ? d : cit_builtin_hash_desc(alg);
}

/* see x86_driver.h */
cit_aes_init_fn x86_aes_init_fn(void)
{
    return (cit_x86_features() & CIT_X86_AES) != 0 ? cit_aes_ni_init : NULL;
}

/* see x86_driver.h */
psa_status_t x86_hash_setup(builtin_hash_operation_t *operation, psa_algorithm_t alg)
{
    const cit_hash_desc_t *desc = x86_accel_desc(alg);

    if (desc == NULL) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    builtin_hash_setup_desc(operation, desc);
    return PSA_SUCCESS;
}

/* see x86_driver.h */
psa_status_t x86_hash_compute(psa_algorithm_t alg, const uint8_t *input, size_t input_length,
                              uint8_t *hash, size_t hash_size, size_t *hash_length)
{
    builtin_hash_operation_t op;
    psa_status_t status = x86_hash_setup(&op, alg);

    if (status == PSA_SUCCESS) {
        (void)builtin_hash_update(&op, input, input_length);
        status = builtin_hash_finish(&op, hash, hash_size, hash_length);
        cit_zeroize(&op, sizeof(op));
    }
    return status;
}

/* see x86_driver.h */
psa_status_t x86_mac_setup(builtin_mac_operation_t *operation,
                           const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                           size_t key_buffer_size, psa_algorithm_t alg)
{
    psa_algorithm_t base = PSA_ALG_FULL_LENGTH_MAC(alg);
    cit_mac_providers_t prov;

    prov.hash_desc = x86_hash_desc;
    prov.aes_init = x86_aes_init_fn();
    if (PSA_ALG_IS_HMAC(base)) {
        if (x86_accel_desc(PSA_ALG_GET_HASH(base)) == NULL) {
            return PSA_ERROR_NOT_SUPPORTED;
        }
    } else if (prov.aes_init == NULL) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    return cit_mac_setup_with(operation, &prov, attributes, key_buffer, key_buffer_size, alg);
}

/*
 * x86_aead_providers fills the AES-NI + PCLMULQDQ providers for alg; returns
 * 0 if the CPU or the algorithm gives nothing to accelerate.
 */
static int x86_aead_providers(cit_aead_providers_t *prov, psa_algorithm_t alg)
{
#if defined(CIT_NEED_GCM)
    prov->aes_init = x86_aes_init_fn();
    prov->gcm_accel = cit_gcm_use_clmul;
    return prov->aes_init != NULL && builtin_aead_supported(alg);
#else
    (void)prov, (void)alg;
    return 0;
#endif
}

/* see x86_driver.h */
psa_status_t x86_aead_encrypt_setup(builtin_aead_operation_t *operation,
                                    const psa_key_attributes_t *attributes,
                                    const uint8_t *key_buffer, size_t key_buffer_size,
                                    psa_algorithm_t alg)
{
    cit_aead_providers_t prov;

    if (!x86_aead_providers(&prov, alg)) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    return cit_aead_setup_with(operation, &prov, attributes, key_buffer, key_buffer_size, alg,
                               1);
}

/* see x86_driver.h */
psa_status_t x86_aead_decrypt_setup(builtin_aead_operation_t *operation,
                                    const psa_key_attributes_t *attributes,
                                    const uint8_t *key_buffer, size_t key_buffer_size,
                                    psa_algorithm_t alg)
{
    cit_aead_providers_t prov;

    if (!x86_aead_providers(&prov, alg)) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    return cit_aead_setup_with(operation, &prov, attributes, key_buffer, key_buffer_size, alg,
                               0);
}

/* see x86_driver.h */
psa_status_t x86_aead_encrypt(const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                              size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *nonce,
                              size_t nonce_length, const uint8_t *additional_data,
                              size_t additional_data_length, const uint8_t *plaintext,
                              size_t plaintext_length, uint8_t *ciphertext,
                              size_t ciphertext_size, size_t *ciphertext_length)
{
    cit_aead_providers_t prov;

    if (!x86_aead_providers(&prov, alg)) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    return cit_aead_encrypt_with(&prov, attributes, key_buffer, key_buffer_size, alg, nonce,
                                 nonce_length, additional_data, additional_data_length,
                                 plaintext, plaintext_length, ciphertext, ciphertext_size,
                                 ciphertext_length);
}

/* see x86_driver.h */
psa_status_t x86_aead_decrypt(const psa_key_attributes_t *attributes, const uint8_t *key_buffer,
                              size_t key_buffer_size, psa_algorithm_t alg, const uint8_t *nonce,
                              size_t nonce_length, const uint8_t *additional_data,
                              size_t additional_data_length, const uint8_t *ciphertext,
                              size_t ciphertext_length, uint8_t *plaintext,
                              size_t plaintext_size, size_t *plaintext_length)
{
    cit_aead_providers_t prov;

    if (!x86_aead_providers(&prov, alg)) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    return cit_aead_decrypt_with(&prov, attributes, key_buffer, key_buffer_size, alg, nonce,
                                 nonce_length, additional_data, additional_data_length,
                                 ciphertext, ciphertext_length, plaintext, plaintext_size,
                                 plaintext_length);
}

/* see x86_driver.h */
psa_status_t x86_kdf_setup(builtin_kdf_operation_t *operation, psa_algorithm_t alg)
{
    cit_mac_providers_t prov;

    if (x86_accel_desc(PSA_ALG_GET_HASH(alg)) == NULL) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    prov.hash_desc = x86_hash_desc;
    prov.aes_init = x86_aes_init_fn();
    return cit_kdf_setup_with(operation, &prov, alg);
}

#else
typedef int cit_x86_driver_unused_t;
#endif /* CIT_USE_X86 */
