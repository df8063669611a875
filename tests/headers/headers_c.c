/*
 * headers_c.c - psa/crypto.h included alone, compiled as C99 -pedantic.
 *
 * The checks are compile-time: a false condition makes an array of negative
 * size. Nothing is linked, so no function is called.
 */
#include <psa/crypto.h>

#define CIT_STATIC_ASSERT(name, cond) typedef char cit_assert_##name[(cond) ? 1 : -1]

CIT_STATIC_ASSERT(sha256_length, PSA_HASH_LENGTH(PSA_ALG_SHA_256) == 32);
CIT_STATIC_ASSERT(hmac_is_hmac, PSA_ALG_IS_HMAC(PSA_ALG_HMAC(PSA_ALG_SHA_256)));
CIT_STATIC_ASSERT(hmac_length,
                  PSA_MAC_LENGTH(PSA_KEY_TYPE_HMAC, 256, PSA_ALG_HMAC(PSA_ALG_SHA_512)) == 64);
CIT_STATIC_ASSERT(cmac_length, PSA_MAC_LENGTH(PSA_KEY_TYPE_AES, 128, PSA_ALG_CMAC) == 16);
CIT_STATIC_ASSERT(truncated_mac,
                  PSA_MAC_LENGTH(PSA_KEY_TYPE_HMAC, 256,
                                 PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 16)) == 16);
CIT_STATIC_ASSERT(hash_of_sign,
                  PSA_ALG_GET_HASH(PSA_ALG_ECDSA(PSA_ALG_SHA_384)) == PSA_ALG_SHA_384);
CIT_STATIC_ASSERT(ecc_type,
                  PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1) == 0x7112 &&
                      PSA_KEY_TYPE_ECC_GET_FAMILY(0x4112) == PSA_ECC_FAMILY_SECP_R1);
CIT_STATIC_ASSERT(gcm_size, PSA_AEAD_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_GCM, 10) == 26);
CIT_STATIC_ASSERT(p256_public,
                  PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(
                      PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256) == 65);
CIT_STATIC_ASSERT(status, PSA_ERROR_NOT_SUPPORTED == -134 && PSA_SUCCESS == 0);

/* The maxima contain no casts: they work in #if. */
#if PSA_HASH_MAX_SIZE < 64 || PSA_SIGNATURE_MAX_SIZE < 4627 || PSA_EXPORT_KEY_PAIR_MAX_SIZE < 2349
#error "maximum sizes too small"
#endif
#if PSA_CRYPTO_API_VERSION_MAJOR != 1 || PSA_CRYPTO_API_VERSION_MINOR != 5
#error "wrong API version"
#endif

int main(void)
{
    psa_hash_operation_t hash = PSA_HASH_OPERATION_INIT;
    psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;
    psa_custom_key_parameters_t custom = PSA_CUSTOM_KEY_PARAMETERS_INIT;
    uint8_t digest[PSA_HASH_MAX_SIZE];

    (void)hash;
    (void)attributes;
    digest[0] = (uint8_t)custom.flags;
    return digest[0];
}
