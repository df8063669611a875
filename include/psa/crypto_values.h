/*
 * psa/crypto_values.h - the values of the PSA Certified Crypto API 1.5:
 * algorithm identifiers and their constructors and predicates, key types and
 * families, lifetimes, key identifier ranges, usage flags, key-derivation
 * steps and PAKE primitives, roles and steps.
 *
 * Object-like macros are written exactly as the specification writes them.
 * Function-like macros follow the bit encodings of appendix B (Algorithm and
 * key type encoding); their results have the types the specification gives.
 * Values that contain a cast are integer constant expressions usable in C
 * code, but not in #if.
 *
 * This file is included by psa/crypto.h; applications include psa/crypto.h.
 */
#ifndef PSA_CRYPTO_VALUES_H
#define PSA_CRYPTO_VALUES_H

#include "crypto_types.h"

/* ==== Library (spec 8.2) ==== */

#define PSA_CRYPTO_API_VERSION_MAJOR 1
#define PSA_CRYPTO_API_VERSION_MINOR 5

/* ==== Key types (spec 9.2 - 9.5) ==== */

#define PSA_KEY_TYPE_NONE ((psa_key_type_t)0x0000)

/* Key type categories: A (bit 14) and CAT (bits 13:12). */
#define PSA_KEY_TYPE_IS_UNSTRUCTURED(type) \
    (((type) & 0x7000u) == 0x1000u || ((type) & 0x7000u) == 0x2000u)
#define PSA_KEY_TYPE_IS_ASYMMETRIC(type) (((type) & 0x4000u) == 0x4000u)
#define PSA_KEY_TYPE_IS_PUBLIC_KEY(type) (((type) & 0x7000u) == 0x4000u)
#define PSA_KEY_TYPE_IS_KEY_PAIR(type) (((type) & 0x7000u) == 0x7000u)

/* Conversion between key pair and public key: the PAIR field (bits 13:12). */
#define PSA_KEY_TYPE_KEY_PAIR_OF_PUBLIC_KEY(type) \
    ((psa_key_type_t)((type) | 0x3000u))
#define PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type) \
    ((psa_key_type_t)((type) & ~0x3000u))

/* Elliptic curve families. */
#define PSA_ECC_FAMILY_SECP_K1 ((psa_ecc_family_t) 0x17)
#define PSA_ECC_FAMILY_SECP_R1 ((psa_ecc_family_t) 0x12)
#define PSA_ECC_FAMILY_SECP_R2 ((psa_ecc_family_t) 0x1b)
#define PSA_ECC_FAMILY_SECT_K1 ((psa_ecc_family_t) 0x27)
#define PSA_ECC_FAMILY_SECT_R1 ((psa_ecc_family_t) 0x22)
#define PSA_ECC_FAMILY_SECT_R2 ((psa_ecc_family_t) 0x2b)
#define PSA_ECC_FAMILY_BRAINPOOL_P_R1 ((psa_ecc_family_t) 0x30)
#define PSA_ECC_FAMILY_FRP ((psa_ecc_family_t) 0x33)
#define PSA_ECC_FAMILY_MONTGOMERY ((psa_ecc_family_t) 0x41)
#define PSA_ECC_FAMILY_TWISTED_EDWARDS ((psa_ecc_family_t) 0x42)

/* Finite-field Diffie-Hellman families. */
#define PSA_DH_FAMILY_RFC7919 ((psa_dh_family_t) 0x03)
#define PSA_DH_FAMILY_RFC3526 ((psa_dh_family_t) 0x05)

/* Raw (unstructured, non-cipher) key types. */
#define PSA_KEY_TYPE_RAW_DATA ((psa_key_type_t)0x1001)
#define PSA_KEY_TYPE_DERIVE ((psa_key_type_t)0x1200)
#define PSA_KEY_TYPE_PASSWORD ((psa_key_type_t)0x1203)
#define PSA_KEY_TYPE_PASSWORD_HASH ((psa_key_type_t)0x1205)
#define PSA_KEY_TYPE_PEPPER ((psa_key_type_t)0x1206)
#define PSA_KEY_TYPE_HMAC ((psa_key_type_t)0x1100)
#define PSA_KEY_TYPE_BLAKE2 ((psa_key_type_t)0x1103)

/* Symmetric cipher key types: BLK (bits 10:8) is log2 of the block size. */
#define PSA_KEY_TYPE_AES ((psa_key_type_t)0x2400)
#define PSA_KEY_TYPE_ARIA ((psa_key_type_t)0x2406)
#define PSA_KEY_TYPE_DES ((psa_key_type_t)0x2301)
#define PSA_KEY_TYPE_CAMELLIA ((psa_key_type_t)0x2403)
#define PSA_KEY_TYPE_SM4 ((psa_key_type_t)0x2405)
#define PSA_KEY_TYPE_ARC4 ((psa_key_type_t)0x2002)
#define PSA_KEY_TYPE_CHACHA20 ((psa_key_type_t)0x2004)
#define PSA_KEY_TYPE_XCHACHA20 ((psa_key_type_t)0x2007)
#define PSA_KEY_TYPE_ASCON ((psa_key_type_t)0x2008)

/* Structured keys: WPA3-SAE password tokens (STRUCT-TYPE 5 and 6). */
#define PSA_KEY_TYPE_WPA3_SAE_ECC(curve) \
    ((psa_key_type_t)(0x3280u | ((curve) & 0x007fu)))
#define PSA_KEY_TYPE_WPA3_SAE_DH(group) \
    ((psa_key_type_t)(0x3300u | ((group) & 0x007fu)))
#define PSA_KEY_TYPE_IS_WPA3_SAE_ECC(type) (((type) & 0xff80u) == 0x3280u)
#define PSA_KEY_TYPE_WPA3_SAE_ECC_GET_FAMILY(type) \
    ((psa_ecc_family_t)((type) & 0x007fu))
#define PSA_KEY_TYPE_IS_WPA3_SAE_DH(type) (((type) & 0xff80u) == 0x3300u)
#define PSA_KEY_TYPE_WPA3_SAE_DH_GET_FAMILY(type) \
    ((psa_dh_family_t)((type) & 0x007fu))

/* RSA keys (non-parameterized asymmetric family 0). */
#define PSA_KEY_TYPE_RSA_KEY_PAIR ((psa_key_type_t)0x7001)
#define PSA_KEY_TYPE_RSA_PUBLIC_KEY ((psa_key_type_t)0x4001)
#define PSA_KEY_TYPE_IS_RSA(type) (PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type) == 0x4001u)

/* Elliptic curve keys (ASYM-TYPE 2). */
#define PSA_KEY_TYPE_ECC_KEY_PAIR(curve) \
    ((psa_key_type_t)(0x7100u | ((curve) & 0x007fu)))
#define PSA_KEY_TYPE_ECC_PUBLIC_KEY(curve) \
    ((psa_key_type_t)(0x4100u | ((curve) & 0x007fu)))
#define PSA_KEY_TYPE_IS_ECC(type) \
    ((PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type) & 0xff80u) == 0x4100u)
#define PSA_KEY_TYPE_IS_ECC_KEY_PAIR(type) (((type) & 0xff80u) == 0x7100u)
#define PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY(type) (((type) & 0xff80u) == 0x4100u)
#define PSA_KEY_TYPE_ECC_GET_FAMILY(type) ((psa_ecc_family_t)((type) & 0x007fu))

/* Finite-field Diffie-Hellman keys (ASYM-TYPE 4). */
#define PSA_KEY_TYPE_DH_KEY_PAIR(group) \
    ((psa_key_type_t)(0x7200u | ((group) & 0x007fu)))
#define PSA_KEY_TYPE_DH_PUBLIC_KEY(group) \
    ((psa_key_type_t)(0x4200u | ((group) & 0x007fu)))
#define PSA_KEY_TYPE_IS_DH(type) \
    ((PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type) & 0xff80u) == 0x4200u)
#define PSA_KEY_TYPE_IS_DH_KEY_PAIR(type) (((type) & 0xff80u) == 0x7200u)
#define PSA_KEY_TYPE_IS_DH_PUBLIC_KEY(type) (((type) & 0xff80u) == 0x4200u)
#define PSA_KEY_TYPE_DH_GET_FAMILY(type) ((psa_dh_family_t)((type) & 0x007fu))

/* Leighton-Micali and XMSS signature public keys. */
#define PSA_KEY_TYPE_LMS_PUBLIC_KEY ((psa_key_type_t)0x4007)
#define PSA_KEY_TYPE_HSS_PUBLIC_KEY ((psa_key_type_t)0x4008)
#define PSA_KEY_TYPE_XMSS_PUBLIC_KEY ((psa_key_type_t)0x400B)
#define PSA_KEY_TYPE_XMSS_MT_PUBLIC_KEY ((psa_key_type_t)0x400D)

/* ML-DSA keys. */
#define PSA_KEY_TYPE_ML_DSA_KEY_PAIR ((psa_key_type_t)0x7002)
#define PSA_KEY_TYPE_ML_DSA_PUBLIC_KEY ((psa_key_type_t)0x4002)
#define PSA_KEY_TYPE_IS_ML_DSA(type) \
    (PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type) == 0x4002u)

/* SLH-DSA keys (ASYM-TYPE 3). */
#define PSA_KEY_TYPE_SLH_DSA_KEY_PAIR(set) \
    ((psa_key_type_t)(0x7180u | ((set) & 0x007fu)))
#define PSA_KEY_TYPE_SLH_DSA_PUBLIC_KEY(set) \
    ((psa_key_type_t)(0x4180u | ((set) & 0x007fu)))
#define PSA_SLH_DSA_FAMILY_SHA2_S ((psa_slh_dsa_family_t) 0x02)
#define PSA_SLH_DSA_FAMILY_SHA2_F ((psa_slh_dsa_family_t) 0x04)
#define PSA_SLH_DSA_FAMILY_SHAKE_S ((psa_slh_dsa_family_t) 0x0b)
#define PSA_SLH_DSA_FAMILY_SHAKE_F ((psa_slh_dsa_family_t) 0x0d)
#define PSA_KEY_TYPE_IS_SLH_DSA(type) \
    ((PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type) & 0xff80u) == 0x4180u)
#define PSA_KEY_TYPE_IS_SLH_DSA_KEY_PAIR(type) (((type) & 0xff80u) == 0x7180u)
#define PSA_KEY_TYPE_IS_SLH_DSA_PUBLIC_KEY(type) (((type) & 0xff80u) == 0x4180u)
#define PSA_KEY_TYPE_SLH_DSA_GET_FAMILY(type) \
    ((psa_slh_dsa_family_t)((type) & 0x007fu))

/* ML-KEM keys. */
#define PSA_KEY_TYPE_ML_KEM_KEY_PAIR ((psa_key_type_t)0x7004)
#define PSA_KEY_TYPE_ML_KEM_PUBLIC_KEY ((psa_key_type_t)0x4004)
#define PSA_KEY_TYPE_IS_ML_KEM(type) \
    (PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type) == 0x4004u)

/* SPAKE2+ keys (ASYM-TYPE 8). */
#define PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(curve) \
    ((psa_key_type_t)(0x7400u | ((curve) & 0x007fu)))
#define PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY(curve) \
    ((psa_key_type_t)(0x4400u | ((curve) & 0x007fu)))
#define PSA_KEY_TYPE_IS_SPAKE2P(type) \
    ((PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type) & 0xff80u) == 0x4400u)
#define PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR(type) (((type) & 0xff80u) == 0x7400u)
#define PSA_KEY_TYPE_IS_SPAKE2P_PUBLIC_KEY(type) (((type) & 0xff80u) == 0x4400u)
#define PSA_KEY_TYPE_SPAKE2P_GET_FAMILY(type) ((psa_ecc_family_t)((type) & 0x007fu))

/* ==== Key lifetimes (spec 9.6) ==== */

#define PSA_KEY_LIFETIME_VOLATILE ((psa_key_lifetime_t) 0x00000000)
#define PSA_KEY_LIFETIME_PERSISTENT ((psa_key_lifetime_t) 0x00000001)

#define PSA_KEY_PERSISTENCE_VOLATILE ((psa_key_persistence_t) 0x00)
#define PSA_KEY_PERSISTENCE_DEFAULT ((psa_key_persistence_t) 0x01)
#define PSA_KEY_PERSISTENCE_READ_ONLY ((psa_key_persistence_t) 0xff)

#define PSA_KEY_LOCATION_LOCAL_STORAGE ((psa_key_location_t) 0x000000)
#define PSA_KEY_LOCATION_PRIMARY_SECURE_ELEMENT ((psa_key_location_t) 0x000001)

/* A lifetime is the location (bits 31:8) and the persistence level (bits 7:0). */
#define PSA_KEY_LIFETIME_GET_PERSISTENCE(lifetime) \
    ((psa_key_persistence_t) ((lifetime) & 0x000000ff))
#define PSA_KEY_LIFETIME_GET_LOCATION(lifetime) \
    ((psa_key_location_t) ((lifetime) >> 8))
#define PSA_KEY_LIFETIME_IS_VOLATILE(lifetime) \
    (PSA_KEY_LIFETIME_GET_PERSISTENCE(lifetime) == PSA_KEY_PERSISTENCE_VOLATILE)
#define PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(persistence, location) \
    ((location) << 8 | (persistence))

/* ==== Key identifiers (spec 9.7) ==== */

#define PSA_KEY_ID_NULL ((psa_key_id_t)0)
#define PSA_KEY_ID_USER_MIN ((psa_key_id_t)0x00000001)
#define PSA_KEY_ID_USER_MAX ((psa_key_id_t)0x3fffffff)
#define PSA_KEY_ID_VENDOR_MIN ((psa_key_id_t)0x40000000)
#define PSA_KEY_ID_VENDOR_MAX ((psa_key_id_t)0x7fffffff)

/* ==== Key usage flags (spec 9.8) ==== */

#define PSA_KEY_USAGE_EXPORT ((psa_key_usage_t)0x00000001)
#define PSA_KEY_USAGE_COPY ((psa_key_usage_t)0x00000002)
#define PSA_KEY_USAGE_CACHE ((psa_key_usage_t)0x00000004)
#define PSA_KEY_USAGE_DERIVE_PUBLIC ((psa_key_usage_t)0x00000080)
#define PSA_KEY_USAGE_ENCRYPT ((psa_key_usage_t)0x00000100)
#define PSA_KEY_USAGE_DECRYPT ((psa_key_usage_t)0x00000200)
#define PSA_KEY_USAGE_SIGN_MESSAGE ((psa_key_usage_t)0x00000400)
#define PSA_KEY_USAGE_VERIFY_MESSAGE ((psa_key_usage_t)0x00000800)
#define PSA_KEY_USAGE_SIGN_HASH ((psa_key_usage_t)0x00001000)
#define PSA_KEY_USAGE_VERIFY_HASH ((psa_key_usage_t)0x00002000)
#define PSA_KEY_USAGE_DERIVE ((psa_key_usage_t)0x00004000)
#define PSA_KEY_USAGE_VERIFY_DERIVATION ((psa_key_usage_t)0x00008000)
#define PSA_KEY_USAGE_WRAP ((psa_key_usage_t)0x00010000)
#define PSA_KEY_USAGE_UNWRAP ((psa_key_usage_t)0x00020000)

/* ==== Algorithms (spec 10.1) ==== */

#define PSA_ALG_NONE ((psa_algorithm_t)0)

/* Algorithm categories: the CAT field (bits 30:24). */
#define PSA_ALG_IS_HASH(alg) (((alg) & 0x7f000000u) == 0x02000000u)
#define PSA_ALG_IS_XOF(alg) (((alg) & 0x7f000000u) == 0x0D000000u)
#define PSA_ALG_IS_MAC(alg) (((alg) & 0x7f000000u) == 0x03000000u)
#define PSA_ALG_IS_CIPHER(alg) (((alg) & 0x7f000000u) == 0x04000000u)
#define PSA_ALG_IS_AEAD(alg) (((alg) & 0x7f000000u) == 0x05000000u)
#define PSA_ALG_IS_KEY_WRAP(alg) (((alg) & 0x7f000000u) == 0x0b000000u)
#define PSA_ALG_IS_KEY_DERIVATION(alg) (((alg) & 0x7f000000u) == 0x08000000u)
#define PSA_ALG_IS_SIGN(alg) (((alg) & 0x7f000000u) == 0x06000000u)
#define PSA_ALG_IS_ASYMMETRIC_ENCRYPTION(alg) (((alg) & 0x7f000000u) == 0x07000000u)
#define PSA_ALG_IS_KEY_AGREEMENT(alg) (((alg) & 0x7f000000u) == 0x09000000u)
#define PSA_ALG_IS_PAKE(alg) (((alg) & 0x7f000000u) == 0x0a000000u)
#define PSA_ALG_IS_KEY_ENCAPSULATION(alg) (((alg) & 0x7f000000u) == 0x0c000000u)

/* The hash of a composite algorithm: HASH-TYPE (bits 7:0), or none if zero. */
#define PSA_ALG_GET_HASH(alg) \
    ((psa_algorithm_t)(((alg) & 0x000000ffu) == 0u ? 0u : \
                       (0x02000000u | ((alg) & 0x000000ffu))))

/* Wildcards: ANY_HASH, MAC and AEAD at-least-this-length (W, bit 15), CCM*. */
#define PSA_ALG_IS_WILDCARD(alg) \
    (PSA_ALG_GET_HASH(alg) == PSA_ALG_ANY_HASH || \
     ((alg) & 0x7f008000u) == 0x03008000u || \
     ((alg) & 0x7f008000u) == 0x05008000u || \
     (alg) == PSA_ALG_CCM_STAR_ANY_TAG)

/* ==== Hash algorithms (spec 10.2) ==== */

#define PSA_ALG_MD2 ((psa_algorithm_t)0x02000001)
#define PSA_ALG_MD4 ((psa_algorithm_t)0x02000002)
#define PSA_ALG_MD5 ((psa_algorithm_t)0x02000003)
#define PSA_ALG_RIPEMD160 ((psa_algorithm_t)0x02000004)
#define PSA_ALG_AES_MMO_ZIGBEE ((psa_algorithm_t)0x02000007)
#define PSA_ALG_SHA_1 ((psa_algorithm_t)0x02000005)
#define PSA_ALG_SHA_224 ((psa_algorithm_t)0x02000008)
#define PSA_ALG_SHA_256 ((psa_algorithm_t)0x02000009)
#define PSA_ALG_SHA_384 ((psa_algorithm_t)0x0200000a)
#define PSA_ALG_SHA_512 ((psa_algorithm_t)0x0200000b)
#define PSA_ALG_SHA_512_224 ((psa_algorithm_t)0x0200000c)
#define PSA_ALG_SHA_512_256 ((psa_algorithm_t)0x0200000d)
#define PSA_ALG_SHA_256_192 ((psa_algorithm_t)0x0200000E)
#define PSA_ALG_SHA3_224 ((psa_algorithm_t)0x02000010)
#define PSA_ALG_SHA3_256 ((psa_algorithm_t)0x02000011)
#define PSA_ALG_SHA3_384 ((psa_algorithm_t)0x02000012)
#define PSA_ALG_SHA3_512 ((psa_algorithm_t)0x02000013)
#define PSA_ALG_SHAKE256_512 ((psa_algorithm_t)0x02000015)
#define PSA_ALG_SHAKE128_256 ((psa_algorithm_t)0x02000016)
#define PSA_ALG_SHAKE256_192 ((psa_algorithm_t)0x02000017)
#define PSA_ALG_SHAKE256_256 ((psa_algorithm_t)0x02000018)
#define PSA_ALG_SM3 ((psa_algorithm_t)0x02000014)
#define PSA_ALG_ASCON_HASH256 ((psa_algorithm_t)0x02000019)
#define PSA_ALG_BLAKE2S_HASH256 ((psa_algorithm_t)0x0200001C)
#define PSA_ALG_BLAKE2SP_HASH256 ((psa_algorithm_t)0x0200001D)
#define PSA_ALG_BLAKE2B_HASH512 ((psa_algorithm_t)0x0200001E)
#define PSA_ALG_BLAKE2BP_HASH512 ((psa_algorithm_t)0x0200001F)

/* The four BLAKE2 hashes have HASH-TYPE 0x1C to 0x1F. */
#define PSA_ALG_IS_BLAKE2_HASH(alg) (((alg) & 0x7ffffffcu) == 0x0200001cu)

/* ==== XOF algorithms (spec 10.3) ==== */

#define PSA_ALG_SHAKE128 ((psa_algorithm_t)0x0D000100)
#define PSA_ALG_SHAKE256 ((psa_algorithm_t)0x0D000200)
#define PSA_ALG_ASCON_XOF128 ((psa_algorithm_t)0x0D000300)
#define PSA_ALG_ASCON_CXOF128 ((psa_algorithm_t)0x0D008300)

/* The C flag (bit 15) of an XOF identifier. */
#define PSA_ALG_XOF_HAS_CONTEXT(alg) (((alg) & 0x00008000u) != 0u)

/* ==== MAC algorithms (spec 10.4) ==== */

#define PSA_ALG_HMAC(hash_alg) \
    ((psa_algorithm_t)(0x03800000u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_CBC_MAC ((psa_algorithm_t)0x03c00100)
#define PSA_ALG_CMAC ((psa_algorithm_t)0x03c00200)
#define PSA_ALG_BLAKE2_MAC(hash_alg) \
    ((psa_algorithm_t)(0x03800300u | ((hash_alg) & 0x000000ffu)))

/* LEN (bits 21:16) is the MAC length; W (bit 15) marks an at-least wildcard. */
#define PSA_ALG_TRUNCATED_MAC(mac_alg, mac_length) \
    ((psa_algorithm_t)(((mac_alg) & ~0x003f8000u) | (((mac_length) & 0x3fu) << 16)))
#define PSA_ALG_FULL_LENGTH_MAC(mac_alg) ((psa_algorithm_t)((mac_alg) & ~0x003f8000u))
#define PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(mac_alg, min_mac_length) \
    ((psa_algorithm_t)(PSA_ALG_TRUNCATED_MAC(mac_alg, min_mac_length) | 0x00008000u))

#define PSA_ALG_IS_HMAC(alg) (((alg) & 0x7fc0ff00u) == 0x03800000u)
#define PSA_ALG_IS_BLAKE2_MAC(alg) (((alg) & 0x7fc0ff00u) == 0x03800300u)
#define PSA_ALG_IS_BLOCK_CIPHER_MAC(alg) (((alg) & 0x7fc00000u) == 0x03c00000u)

/* ==== Unauthenticated cipher algorithms (spec 10.5) ==== */

#define PSA_ALG_STREAM_CIPHER ((psa_algorithm_t)0x04800100)
#define PSA_ALG_CTR ((psa_algorithm_t)0x04c01000)
#define PSA_ALG_CCM_STAR_NO_TAG ((psa_algorithm_t)0x04c01300)
#define PSA_ALG_CCM_STAR_ANY_TAG ((psa_algorithm_t)0x04c09300)
#define PSA_ALG_CFB ((psa_algorithm_t)0x04c01100)
#define PSA_ALG_OFB ((psa_algorithm_t)0x04c01200)
#define PSA_ALG_XTS ((psa_algorithm_t)0x0440ff00)
#define PSA_ALG_ECB_NO_PADDING ((psa_algorithm_t)0x04404400)
#define PSA_ALG_CBC_NO_PADDING ((psa_algorithm_t)0x04404000)
#define PSA_ALG_CBC_PKCS7 ((psa_algorithm_t)0x04404100)

/* The S flag (bit 23) of a cipher identifier. */
#define PSA_ALG_IS_STREAM_CIPHER(alg) (((alg) & 0x7f800000u) == 0x04800000u)

/* ==== AEAD algorithms (spec 10.6) ==== */

#define PSA_ALG_CCM ((psa_algorithm_t)0x05500100)
#define PSA_ALG_GCM ((psa_algorithm_t)0x05500200)
#define PSA_ALG_CHACHA20_POLY1305 ((psa_algorithm_t)0x05100500)
#define PSA_ALG_XCHACHA20_POLY1305 ((psa_algorithm_t)0x05100600)
#define PSA_ALG_ASCON_AEAD128 ((psa_algorithm_t)0x05100700)

/* LEN (bits 21:16) is the tag length; W (bit 15) marks an at-least wildcard. */
#define PSA_ALG_AEAD_WITH_SHORTENED_TAG(aead_alg, tag_length) \
    ((psa_algorithm_t)(((aead_alg) & ~0x003f8000u) | (((tag_length) & 0x3fu) << 16)))
#define PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(aead_alg, min_tag_length) \
    ((psa_algorithm_t)(PSA_ALG_AEAD_WITH_SHORTENED_TAG(aead_alg, min_tag_length) | \
                       0x00008000u))

/* Every AEAD algorithm of the specification has a default tag length of 16. */
#define PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(aead_alg) \
    ((((aead_alg) & ~0x003f8000u) == 0x05400100u) ? PSA_ALG_CCM : \
     (((aead_alg) & ~0x003f8000u) == 0x05400200u) ? PSA_ALG_GCM : \
     (((aead_alg) & ~0x003f8000u) == 0x05000500u) ? PSA_ALG_CHACHA20_POLY1305 : \
     (((aead_alg) & ~0x003f8000u) == 0x05000600u) ? PSA_ALG_XCHACHA20_POLY1305 : \
     (((aead_alg) & ~0x003f8000u) == 0x05000700u) ? PSA_ALG_ASCON_AEAD128 : \
     PSA_ALG_NONE)

/* The B flag (bit 22) of an AEAD identifier. */
#define PSA_ALG_IS_AEAD_ON_BLOCK_CIPHER(alg) (((alg) & 0x7f400000u) == 0x05400000u)

/* ==== Key-wrapping algorithms (spec 10.7) ==== */

#define PSA_ALG_KW ((psa_algorithm_t)0x0B400100)
#define PSA_ALG_KWP ((psa_algorithm_t)0x0BC00200)

/* ==== Key-derivation algorithms (spec 10.8) ==== */

#define PSA_ALG_HKDF(hash_alg) \
    ((psa_algorithm_t)(0x08000100u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_HKDF_EXTRACT(hash_alg) \
    ((psa_algorithm_t)(0x08000400u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_HKDF_EXPAND(hash_alg) \
    ((psa_algorithm_t)(0x08000500u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_SP800_108_COUNTER_HMAC(hash_alg) \
    ((psa_algorithm_t)(0x08000700u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_SP800_108_COUNTER_CMAC ((psa_algorithm_t)0x08000800)
#define PSA_ALG_TLS12_PRF(hash_alg) \
    ((psa_algorithm_t)(0x08000200u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_TLS12_PSK_TO_MS(hash_alg) \
    ((psa_algorithm_t)(0x08000300u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_TLS12_ECJPAKE_TO_PMS ((psa_algorithm_t)0x08000609)
#define PSA_ALG_WPA3_SAE_H2E(hash_alg) \
    ((psa_algorithm_t)(0x08800400u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_PBKDF2_HMAC(hash_alg) \
    ((psa_algorithm_t)(0x08800100u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_PBKDF2_AES_CMAC_PRF_128 ((psa_algorithm_t)0x08800200)

/* The S flag (bit 23) marks key-stretching and password-hashing algorithms. */
#define PSA_ALG_IS_KEY_DERIVATION_STRETCHING(alg) (((alg) & 0x7f800000u) == 0x08800000u)
#define PSA_ALG_IS_HKDF(alg) (((alg) & ~0x000000ffu) == 0x08000100u)
#define PSA_ALG_IS_HKDF_EXTRACT(alg) (((alg) & ~0x000000ffu) == 0x08000400u)
#define PSA_ALG_IS_HKDF_EXPAND(alg) (((alg) & ~0x000000ffu) == 0x08000500u)
#define PSA_ALG_IS_SP800_108_COUNTER_HMAC(alg) (((alg) & ~0x000000ffu) == 0x08000700u)
#define PSA_ALG_IS_TLS12_PRF(alg) (((alg) & ~0x000000ffu) == 0x08000200u)
#define PSA_ALG_IS_TLS12_PSK_TO_MS(alg) (((alg) & ~0x000000ffu) == 0x08000300u)
#define PSA_ALG_IS_PBKDF2_HMAC(alg) (((alg) & ~0x000000ffu) == 0x08800100u)
#define PSA_ALG_IS_WPA3_SAE_H2E(alg) (((alg) & ~0x000000ffu) == 0x08800400u)

/*
 * Key-derivation input steps. The values are implementation-defined; these
 * are Citadel's: 0x01xx for secret inputs, 0x02xx for non-secret inputs.
 */
#define PSA_KEY_DERIVATION_INPUT_SECRET ((psa_key_derivation_step_t)0x0101)
#define PSA_KEY_DERIVATION_INPUT_PASSWORD ((psa_key_derivation_step_t)0x0102)
#define PSA_KEY_DERIVATION_INPUT_OTHER_SECRET ((psa_key_derivation_step_t)0x0103)
#define PSA_KEY_DERIVATION_INPUT_LABEL ((psa_key_derivation_step_t)0x0201)
#define PSA_KEY_DERIVATION_INPUT_SALT ((psa_key_derivation_step_t)0x0202)
#define PSA_KEY_DERIVATION_INPUT_INFO ((psa_key_derivation_step_t)0x0203)
#define PSA_KEY_DERIVATION_INPUT_SEED ((psa_key_derivation_step_t)0x0204)
#define PSA_KEY_DERIVATION_INPUT_COST ((psa_key_derivation_step_t)0x0205)
#define PSA_KEY_DERIVATION_INPUT_CONTEXT ((psa_key_derivation_step_t)0x0206)

/* ==== Asymmetric signature algorithms (spec 10.9) ==== */

/* RSA PKCS#1 v1.5 and PSS (SIGN-TYPE 0x02, 0x03 and 0x13). */
#define PSA_ALG_RSA_PKCS1V15_SIGN(hash_alg) \
    ((psa_algorithm_t)(0x06000200u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_RSA_PKCS1V15_SIGN_RAW ((psa_algorithm_t) 0x06000200)
#define PSA_ALG_RSA_PSS(hash_alg) \
    ((psa_algorithm_t)(0x06000300u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_RSA_PSS_ANY_SALT(hash_alg) \
    ((psa_algorithm_t)(0x06001300u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg) (((alg) & ~0x000000ffu) == 0x06000200u)
#define PSA_ALG_IS_RSA_PSS(alg) (((alg) & ~0x000010ffu) == 0x06000300u)
#define PSA_ALG_IS_RSA_PSS_ANY_SALT(alg) (((alg) & ~0x000000ffu) == 0x06001300u)
#define PSA_ALG_IS_RSA_PSS_STANDARD_SALT(alg) (((alg) & ~0x000000ffu) == 0x06000300u)

/* ECDSA: randomized (SIGN-TYPE 0x06) and deterministic (0x07). */
#define PSA_ALG_ECDSA(hash_alg) \
    ((psa_algorithm_t)(0x06000600u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_ECDSA_ANY ((psa_algorithm_t) 0x06000600)
#define PSA_ALG_DETERMINISTIC_ECDSA(hash_alg) \
    ((psa_algorithm_t)(0x06000700u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_IS_ECDSA(alg) (((alg) & ~0x000001ffu) == 0x06000600u)
#define PSA_ALG_IS_DETERMINISTIC_ECDSA(alg) (((alg) & ~0x000000ffu) == 0x06000700u)
#define PSA_ALG_IS_RANDOMIZED_ECDSA(alg) (((alg) & ~0x000000ffu) == 0x06000600u)

/* EdDSA: PureEdDSA (0x08), HashEdDSA (0x09) and PureEdDSA with context (0x0a). */
#define PSA_ALG_PURE_EDDSA ((psa_algorithm_t) 0x06000800)
#define PSA_ALG_EDDSA_CTX ((psa_algorithm_t) 0x06000A00)
#define PSA_ALG_ED25519PH ((psa_algorithm_t) 0x0600090B)
#define PSA_ALG_ED448PH ((psa_algorithm_t) 0x06000915)
#define PSA_ALG_IS_HASH_EDDSA(alg) (((alg) & ~0x000000ffu) == 0x06000900u)

/* SLH-DSA (SIGN-TYPE 0x40 to 0x43). */
#define PSA_ALG_SLH_DSA ((psa_algorithm_t) 0x06004000)
#define PSA_ALG_DETERMINISTIC_SLH_DSA ((psa_algorithm_t) 0x06004100)
#define PSA_ALG_HASH_SLH_DSA(hash_alg) \
    ((psa_algorithm_t)(0x06004200u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_DETERMINISTIC_HASH_SLH_DSA(hash_alg) \
    ((psa_algorithm_t)(0x06004300u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_IS_SLH_DSA(alg) (((alg) & ~0x00000100u) == 0x06004000u)
#define PSA_ALG_IS_HASH_SLH_DSA(alg) (((alg) & ~0x000001ffu) == 0x06004200u)
#define PSA_ALG_IS_DETERMINISTIC_HASH_SLH_DSA(alg) (((alg) & ~0x000000ffu) == 0x06004300u)
#define PSA_ALG_IS_HEDGED_HASH_SLH_DSA(alg) (((alg) & ~0x000000ffu) == 0x06004200u)

/* ML-DSA (SIGN-TYPE 0x44 to 0x47). */
#define PSA_ALG_ML_DSA ((psa_algorithm_t) 0x06004400)
#define PSA_ALG_DETERMINISTIC_ML_DSA ((psa_algorithm_t) 0x06004500)
#define PSA_ALG_HASH_ML_DSA(hash_alg) \
    ((psa_algorithm_t)(0x06004600u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_DETERMINISTIC_HASH_ML_DSA(hash_alg) \
    ((psa_algorithm_t)(0x06004700u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_IS_ML_DSA(alg) (((alg) & ~0x00000100u) == 0x06004400u)
#define PSA_ALG_IS_HASH_ML_DSA(alg) (((alg) & ~0x000001ffu) == 0x06004600u)
#define PSA_ALG_IS_DETERMINISTIC_HASH_ML_DSA(alg) (((alg) & ~0x000000ffu) == 0x06004700u)
#define PSA_ALG_IS_HEDGED_HASH_ML_DSA(alg) (((alg) & ~0x000000ffu) == 0x06004600u)

/* Stateful hash-based signatures: verification only. */
#define PSA_ALG_LMS ((psa_algorithm_t) 0x06004800)
#define PSA_ALG_HSS ((psa_algorithm_t) 0x06004900)
#define PSA_ALG_XMSS ((psa_algorithm_t) 0x06004A00)
#define PSA_ALG_XMSS_MT ((psa_algorithm_t) 0x06004B00)

/* Signature algorithm properties. */
#define PSA_ALG_IS_HASH_AND_SIGN(alg) \
    (PSA_ALG_IS_RSA_PSS(alg) || PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg) || \
     PSA_ALG_IS_ECDSA(alg) || PSA_ALG_IS_HASH_EDDSA(alg) || \
     PSA_ALG_IS_HASH_ML_DSA(alg) || PSA_ALG_IS_HASH_SLH_DSA(alg))
#define PSA_ALG_IS_SIGN_HASH(alg) \
    (PSA_ALG_IS_HASH_AND_SIGN(alg) || (alg) == PSA_ALG_RSA_PKCS1V15_SIGN_RAW || \
     (alg) == PSA_ALG_ECDSA_ANY)
#define PSA_ALG_IS_SIGN_MESSAGE(alg) \
    (PSA_ALG_IS_SIGN(alg) && (alg) != PSA_ALG_ECDSA_ANY && \
     (alg) != PSA_ALG_RSA_PKCS1V15_SIGN_RAW)

/*
 * Algorithms with a context parameter (implementation-defined in form): the
 * HashEdDSA variants, PureEdDSA with context, and every SLH-DSA and ML-DSA
 * variant (spec 10.9 Table 16, and the SLH-DSA and ML-DSA context notes).
 */
#define PSA_ALG_SIGN_SUPPORTS_CONTEXT(alg) \
    (PSA_ALG_IS_HASH_EDDSA(alg) || (alg) == PSA_ALG_EDDSA_CTX || \
     PSA_ALG_IS_SLH_DSA(alg) || PSA_ALG_IS_HASH_SLH_DSA(alg) || \
     PSA_ALG_IS_ML_DSA(alg) || PSA_ALG_IS_HASH_ML_DSA(alg))

/* Wildcard hash for signature-algorithm policies. */
#define PSA_ALG_ANY_HASH ((psa_algorithm_t)0x020000ff)

/* ==== Asymmetric encryption algorithms (spec 10.10) ==== */

#define PSA_ALG_RSA_PKCS1V15_CRYPT ((psa_algorithm_t)0x07000200)
#define PSA_ALG_RSA_OAEP(hash_alg) \
    ((psa_algorithm_t)(0x07000300u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_IS_RSA_OAEP(alg) (((alg) & ~0x000000ffu) == 0x07000300u)

/* ==== Key-agreement algorithms (spec 10.11) ==== */

#define PSA_ALG_FFDH ((psa_algorithm_t)0x09010000)
#define PSA_ALG_ECDH ((psa_algorithm_t)0x09020000)

/* A combined key agreement is KA-TYPE (bits 21:16) ORed with a KDF identifier. */
#define PSA_ALG_KEY_AGREEMENT(ka_alg, kdf_alg) ((psa_algorithm_t)((ka_alg) | (kdf_alg)))
#define PSA_ALG_KEY_AGREEMENT_GET_BASE(alg) ((psa_algorithm_t)((alg) & 0xff7f0000u))
#define PSA_ALG_KEY_AGREEMENT_GET_KDF(alg) ((psa_algorithm_t)((alg) & 0xfe80ffffu))
#define PSA_ALG_IS_STANDALONE_KEY_AGREEMENT(alg) (((alg) & 0x7f00ffffu) == 0x09000000u)
#define PSA_ALG_IS_RAW_KEY_AGREEMENT(alg) PSA_ALG_IS_STANDALONE_KEY_AGREEMENT(alg)
#define PSA_ALG_IS_FFDH(alg) (((alg) & 0x7fff0000u) == 0x09010000u)
#define PSA_ALG_IS_ECDH(alg) (((alg) & 0x7fff0000u) == 0x09020000u)

/* ==== Key-encapsulation algorithms (spec 10.12) ==== */

#define PSA_ALG_ECIES_SEC1 ((psa_algorithm_t)0x0c000100)
#define PSA_ALG_ML_KEM ((psa_algorithm_t)0x0c000200)

/* ==== PAKE (spec 10.13) ==== */

/* PAKE primitives: type (bits 31:24), family (bits 23:16), bit-size (bits 15:0). */
#define PSA_PAKE_PRIMITIVE_TYPE_ECC ((psa_pake_primitive_type_t)0x01)
#define PSA_PAKE_PRIMITIVE_TYPE_DH ((psa_pake_primitive_type_t)0x02)

#define PSA_PAKE_PRIMITIVE(pake_type, pake_family, pake_bits) \
    ((psa_pake_primitive_t)((((pake_bits) & 0xFFFFu) != (pake_bits)) ? 0u : \
                            (((psa_pake_primitive_t)(pake_type) << 24) | \
                             ((psa_pake_primitive_t)(pake_family) << 16) | \
                             (psa_pake_primitive_t)(pake_bits))))
#define PSA_PAKE_PRIMITIVE_GET_TYPE(pake_primitive) \
    ((psa_pake_primitive_type_t)(((pake_primitive) >> 24) & 0xFFu))
#define PSA_PAKE_PRIMITIVE_GET_FAMILY(pake_primitive) \
    ((psa_pake_family_t)(((pake_primitive) >> 16) & 0xFFu))
#define PSA_PAKE_PRIMITIVE_GET_BITS(pake_primitive) ((size_t)((pake_primitive) & 0xFFFFu))

/* Key confirmation in a PAKE cipher suite. */
#define PSA_PAKE_CONFIRMED_KEY 0
#define PSA_PAKE_UNCONFIRMED_KEY 1

/* PAKE roles. */
#define PSA_PAKE_ROLE_NONE ((psa_pake_role_t)0x00)
#define PSA_PAKE_ROLE_FIRST ((psa_pake_role_t)0x01)
#define PSA_PAKE_ROLE_SECOND ((psa_pake_role_t)0x02)
#define PSA_PAKE_ROLE_CLIENT ((psa_pake_role_t)0x11)
#define PSA_PAKE_ROLE_SERVER ((psa_pake_role_t)0x12)

/* PAKE input and output steps. */
#define PSA_PAKE_STEP_KEY_SHARE ((psa_pake_step_t)0x01)
#define PSA_PAKE_STEP_ZK_PUBLIC ((psa_pake_step_t)0x02)
#define PSA_PAKE_STEP_ZK_PROOF ((psa_pake_step_t)0x03)
#define PSA_PAKE_STEP_CONFIRM ((psa_pake_step_t)0x04)
#define PSA_PAKE_STEP_SALT ((psa_pake_step_t)0x05)
#define PSA_PAKE_STEP_COMMIT ((psa_pake_step_t)0x06)
#define PSA_PAKE_STEP_CONFIRM_COUNT ((psa_pake_step_t)0x07)
#define PSA_PAKE_STEP_KEY_ID ((psa_pake_step_t)0x08)

/* J-PAKE (PAKE-TYPE 0x01). */
#define PSA_ALG_JPAKE(hash_alg) \
    ((psa_algorithm_t)(0x0a000100u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_IS_JPAKE(alg) (((alg) & ~0x000000ffu) == 0x0a000100u)

/* SPAKE2+ (PAKE-TYPE 0x04 to 0x06). */
#define PSA_ALG_SPAKE2P_HMAC(hash_alg) \
    ((psa_algorithm_t)(0x0a000400u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_SPAKE2P_CMAC(hash_alg) \
    ((psa_algorithm_t)(0x0a000500u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_SPAKE2P_MATTER ((psa_algorithm_t)0x0A000609)
#define PSA_ALG_IS_SPAKE2P(alg) (((alg) & ~0x000003ffu) == 0x0a000400u)
#define PSA_ALG_IS_SPAKE2P_HMAC(alg) (((alg) & ~0x000000ffu) == 0x0a000400u)
#define PSA_ALG_IS_SPAKE2P_CMAC(alg) (((alg) & ~0x000000ffu) == 0x0a000500u)

/* WPA3-SAE (PAKE-TYPE 0x08 and 0x09, wildcard 0x88). */
#define PSA_ALG_WPA3_SAE_FIXED(hash_alg) \
    ((psa_algorithm_t)(0x0a000800u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_WPA3_SAE_GDH(hash_alg) \
    ((psa_algorithm_t)(0x0a000900u | ((hash_alg) & 0x000000ffu)))
#define PSA_ALG_IS_WPA3_SAE(alg) (((alg) & ~0x000001ffu) == 0x0a000800u)
#define PSA_ALG_IS_WPA3_SAE_FIXED(alg) (((alg) & ~0x000000ffu) == 0x0a000800u)
#define PSA_ALG_IS_WPA3_SAE_GDH(alg) (((alg) & ~0x000000ffu) == 0x0a000900u)
#define PSA_ALG_WPA3_SAE_ANY ((psa_algorithm_t)0x0a0088ff)

#endif /* PSA_CRYPTO_VALUES_H */
