/*
 * config_derive.h - the single derivation of internal switches from
 * citadel_config.h. One block per feature: what the user wants, minus what
 * an accelerator fully covers, is what the builtin driver must provide.
 * (No accelerator here replaces the builtin fallback: the x86 driver is
 * selected at run time, so the builtin code is always kept.)
 */
#ifndef CIT_CONFIG_DERIVE_H
#define CIT_CONFIG_DERIVE_H

#include "citadel/citadel_config.h"

#if defined(PSA_WANT_ALG_SHA_1)
#define CIT_NEED_SHA1 1
#endif

#if defined(PSA_WANT_ALG_SHA_224) || defined(PSA_WANT_ALG_SHA_256) || \
    defined(PSA_WANT_ALG_SHA_256_192)
#define CIT_NEED_SHA256 1
#endif

#if defined(PSA_WANT_ALG_SHA_384) || defined(PSA_WANT_ALG_SHA_512) || \
    defined(PSA_WANT_ALG_SHA_512_224) || defined(PSA_WANT_ALG_SHA_512_256)
#define CIT_NEED_SHA512 1
#endif

#if defined(PSA_WANT_ALG_SHA3_224) || defined(PSA_WANT_ALG_SHA3_256) ||       \
    defined(PSA_WANT_ALG_SHA3_384) || defined(PSA_WANT_ALG_SHA3_512) ||       \
    defined(PSA_WANT_ALG_SHAKE128_256) || defined(PSA_WANT_ALG_SHAKE256_192) || \
    defined(PSA_WANT_ALG_SHAKE256_256) || defined(PSA_WANT_ALG_SHAKE256_512) || \
    defined(PSA_WANT_ALG_SHAKE128) || defined(PSA_WANT_ALG_SHAKE256)
#define CIT_NEED_SHA3 1
#endif

#if defined(PSA_WANT_ALG_MD5)
#define CIT_NEED_MD5 1
#endif

#if defined(PSA_WANT_ALG_RIPEMD160)
#define CIT_NEED_RIPEMD160 1
#endif

#if defined(PSA_WANT_ALG_HMAC)
#if !defined(PSA_WANT_KEY_TYPE_HMAC)
#error "PSA_WANT_ALG_HMAC needs PSA_WANT_KEY_TYPE_HMAC"
#endif
#define CIT_NEED_HMAC 1
#endif

#if defined(PSA_WANT_ALG_CMAC)
#if !defined(PSA_WANT_KEY_TYPE_AES)
#error "PSA_WANT_ALG_CMAC needs PSA_WANT_KEY_TYPE_AES"
#endif
#define CIT_NEED_CMAC 1
#endif

#if defined(PSA_WANT_ALG_CBC_MAC)
#if !defined(PSA_WANT_KEY_TYPE_AES)
#error "PSA_WANT_ALG_CBC_MAC needs PSA_WANT_KEY_TYPE_AES"
#endif
#define CIT_NEED_CBC_MAC 1
#endif

#if defined(PSA_WANT_ALG_GCM)
#if !defined(PSA_WANT_KEY_TYPE_AES)
#error "PSA_WANT_ALG_GCM needs PSA_WANT_KEY_TYPE_AES"
#endif
#define CIT_NEED_GCM 1
#endif

#if defined(PSA_WANT_ALG_HKDF) || defined(PSA_WANT_ALG_HKDF_EXTRACT) || \
    defined(PSA_WANT_ALG_HKDF_EXPAND)
#if !defined(CIT_NEED_HMAC)
#error "PSA_WANT_ALG_HKDF, _EXTRACT and _EXPAND need PSA_WANT_ALG_HMAC"
#endif
#define CIT_NEED_HKDF 1
#endif

/* The RNG is a CTR_DRBG over AES-256: AES is always built. */
#define CIT_NEED_AES 1

#if defined(CIT_NEED_SHA1) || defined(CIT_NEED_SHA256) || defined(CIT_NEED_SHA512) || \
    defined(CIT_NEED_SHA3) || defined(CIT_NEED_MD5) || defined(CIT_NEED_RIPEMD160)
#define CIT_NEED_HASH 1
#endif

#if defined(CIT_NEED_HMAC) || defined(CIT_NEED_CMAC) || defined(CIT_NEED_CBC_MAC)
#define CIT_NEED_MAC 1
#endif

#if defined(CIT_NEED_HKDF)
#define CIT_NEED_KDF 1
#endif

#if defined(CIT_USE_X86) && !defined(__x86_64__)
#error "CIT_USE_X86 needs an x86-64 target"
#endif

#endif /* CIT_CONFIG_DERIVE_H */
