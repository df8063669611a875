/*
 * citadel_config.h - the one user configuration of Citadel.
 *
 * Users edit this file only. Each PSA_WANT_* switch selects an algorithm or
 * key type; what is not wanted is not compiled. Sizes are written as
 * #ifndef/default so that a build can override them with -D.
 *
 * A build may point CIT_CONFIG_FILE at another file (e.g. a minimal
 * configuration); that file then replaces this one entirely.
 */
#ifndef CITADEL_CONFIG_H
#define CITADEL_CONFIG_H

#if defined(CIT_CONFIG_FILE)
#include CIT_CONFIG_FILE
#else

/* ---- Hashes and XOF ---- */
#define PSA_WANT_ALG_MD5 1
#define PSA_WANT_ALG_RIPEMD160 1
#define PSA_WANT_ALG_SHA_1 1
#define PSA_WANT_ALG_SHA_224 1
#define PSA_WANT_ALG_SHA_256 1
#define PSA_WANT_ALG_SHA_256_192 1
#define PSA_WANT_ALG_SHA_384 1
#define PSA_WANT_ALG_SHA_512 1
#define PSA_WANT_ALG_SHA_512_224 1
#define PSA_WANT_ALG_SHA_512_256 1
#define PSA_WANT_ALG_SHA3_224 1
#define PSA_WANT_ALG_SHA3_256 1
#define PSA_WANT_ALG_SHA3_384 1
#define PSA_WANT_ALG_SHA3_512 1
#define PSA_WANT_ALG_SHAKE128_256 1
#define PSA_WANT_ALG_SHAKE256_192 1
#define PSA_WANT_ALG_SHAKE256_256 1
#define PSA_WANT_ALG_SHAKE256_512 1
#define PSA_WANT_ALG_SHAKE128 1
#define PSA_WANT_ALG_SHAKE256 1

/* ---- MACs ---- */
#define PSA_WANT_ALG_HMAC 1
#define PSA_WANT_ALG_CMAC 1
#define PSA_WANT_ALG_CBC_MAC 1

/* ---- Key derivation ---- */
#define PSA_WANT_ALG_HKDF 1
#define PSA_WANT_ALG_HKDF_EXTRACT 1
#define PSA_WANT_ALG_HKDF_EXPAND 1

/* ---- AEAD ---- */
#define PSA_WANT_ALG_GCM 1

/* ---- Key types ---- */
#define PSA_WANT_KEY_TYPE_RAW_DATA 1
#define PSA_WANT_KEY_TYPE_HMAC 1
#define PSA_WANT_KEY_TYPE_DERIVE 1
#define PSA_WANT_KEY_TYPE_PASSWORD 1
#define PSA_WANT_KEY_TYPE_PASSWORD_HASH 1
#define PSA_WANT_KEY_TYPE_PEPPER 1
#define PSA_WANT_KEY_TYPE_AES 1

/* ---- Drivers ---- */
/* x86-64 accelerator driver (SHA-NI, AES-NI, AVX2), selected at run time by CPUID. */
#if defined(__x86_64__)
#define CIT_USE_X86 1
#endif

#endif /* CIT_CONFIG_FILE */

/* ---- Sizes (fixed pools; no heap) ---- */
#ifndef CIT_KEY_SLOT_COUNT
#define CIT_KEY_SLOT_COUNT 32
#endif
/* Bytes of key material the key store can hold at once, over all slots. */
#ifndef CIT_KEY_ARENA_SIZE
#define CIT_KEY_ARENA_SIZE 16384
#endif
/* Largest single key accepted (bytes of key material). */
#ifndef CIT_MAX_KEY_BYTES
#define CIT_MAX_KEY_BYTES 1024
#endif

#endif /* CITADEL_CONFIG_H */
