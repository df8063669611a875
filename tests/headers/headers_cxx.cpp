/*
 * headers_cxx.cpp - psa/crypto.h included alone, compiled as C++ and linked
 * against libcitadel: the declarations must have C linkage (the storage
 * headers: headers_storage_cxx.cpp).
 */
#include <psa/crypto.h>

#define CIT_STATIC_ASSERT(name, cond) typedef char cit_assert_##name[(cond) ? 1 : -1]

CIT_STATIC_ASSERT(sha256_length, PSA_HASH_LENGTH(PSA_ALG_SHA_256) == 32);
CIT_STATIC_ASSERT(hmac_is_hmac, PSA_ALG_IS_HMAC(PSA_ALG_HMAC(PSA_ALG_SHA_256)));
CIT_STATIC_ASSERT(hmac_length,
                  PSA_MAC_LENGTH(PSA_KEY_TYPE_HMAC, 256, PSA_ALG_HMAC(PSA_ALG_SHA_512)) == 64);
CIT_STATIC_ASSERT(gcm_nonce, PSA_AEAD_NONCE_LENGTH(PSA_KEY_TYPE_AES, PSA_ALG_GCM) == 12);
CIT_STATIC_ASSERT(status, PSA_ERROR_INVALID_SIGNATURE == -149);

int cit_headers_storage_cxx(void); /* headers_storage_cxx.cpp */

int main()
{
    /* Take the addresses of functions from several families: they must link. */
    void (*const fns[])(void) = {
        reinterpret_cast<void (*)(void)>(&psa_crypto_init),
        reinterpret_cast<void (*)(void)>(&psa_hash_compute),
        reinterpret_cast<void (*)(void)>(&psa_mac_compute),
        reinterpret_cast<void (*)(void)>(&psa_import_key),
        reinterpret_cast<void (*)(void)>(&psa_aead_encrypt),
        reinterpret_cast<void (*)(void)>(&psa_sign_message),
        reinterpret_cast<void (*)(void)>(&psa_pake_setup),
    };
    psa_key_attributes_t attributes = psa_key_attributes_init();
    uint8_t mac[PSA_MAC_MAX_SIZE];
    int missing = 0;

    for (unsigned i = 0; i < sizeof(fns) / sizeof(fns[0]); i++) {
        missing += fns[i] == 0;
    }
    mac[0] = static_cast<uint8_t>(missing + cit_headers_storage_cxx());
    (void)attributes;
    return mac[0];
}
