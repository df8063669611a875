/*
 * psa/crypto_sizes.h - buffer-size macros of the PSA Certified Crypto API 1.5.
 *
 * Function-like macros compute a sufficient size from a key type, key size
 * and algorithm; where the specification leaves the formula to the
 * implementation, the comment above the macro states Citadel's formula. The
 * *_MAX_SIZE macros cover every key type and algorithm that Citadel can
 * support: RSA keys up to 4096 bits, elliptic curves up to 521 bits,
 * finite-field groups up to 8192 bits, ML-DSA-87, every SLH-DSA parameter
 * set, ML-KEM-1024, and hashes up to 64 bytes. They contain no casts, so
 * they can be used in #if.
 *
 * Macros whose names start with CIT_PSA_ are private helpers.
 *
 * This file is included by psa/crypto.h; applications include psa/crypto.h.
 */
#ifndef PSA_CRYPTO_SIZES_H
#define PSA_CRYPTO_SIZES_H

#include "crypto_values.h"

/* ==== Helpers ==== */

/* PSA_BITS_TO_BYTES, PSA_BYTES_TO_BITS: from earlier versions of the API. */
#define PSA_BITS_TO_BYTES(bits) (((bits) + 7u) / 8u)
#define PSA_BYTES_TO_BITS(bytes) ((bytes) * 8u)

#define CIT_PSA_MAX2(a, b) ((a) > (b) ? (a) : (b))
#define CIT_PSA_ROUND_UP(n, m) ((((n) + (m) - 1u) / (m)) * (m))

/* The largest keys Citadel's maxima account for, in bits. */
#define CIT_PSA_RSA_MAX_KEY_BITS 4096u
#define CIT_PSA_ECC_MAX_KEY_BITS 521u
#define CIT_PSA_DH_MAX_KEY_BITS 8192u

/* ==== Hash (spec 10.2) ==== */

/* CIT_PSA_HASH_OF: the hash algorithm named by HASH-TYPE (bits 7:0) of alg. */
#define CIT_PSA_HASH_OF(alg) (0x02000000u | ((alg) & 0x000000ffu))

/* CIT_PSA_HASH_OUTPUT_LENGTH: output size of a hash algorithm, 0 if unknown. */
#define CIT_PSA_HASH_OUTPUT_LENGTH(h) \
    ((h) == PSA_ALG_MD2 ? 16u : \
     (h) == PSA_ALG_MD4 ? 16u : \
     (h) == PSA_ALG_MD5 ? 16u : \
     (h) == PSA_ALG_RIPEMD160 ? 20u : \
     (h) == PSA_ALG_AES_MMO_ZIGBEE ? 16u : \
     (h) == PSA_ALG_SHA_1 ? 20u : \
     (h) == PSA_ALG_SHA_224 ? 28u : \
     (h) == PSA_ALG_SHA_256 ? 32u : \
     (h) == PSA_ALG_SHA_384 ? 48u : \
     (h) == PSA_ALG_SHA_512 ? 64u : \
     (h) == PSA_ALG_SHA_512_224 ? 28u : \
     (h) == PSA_ALG_SHA_512_256 ? 32u : \
     (h) == PSA_ALG_SHA_256_192 ? 24u : \
     (h) == PSA_ALG_SHA3_224 ? 28u : \
     (h) == PSA_ALG_SHA3_256 ? 32u : \
     (h) == PSA_ALG_SHA3_384 ? 48u : \
     (h) == PSA_ALG_SHA3_512 ? 64u : \
     (h) == PSA_ALG_SHAKE256_512 ? 64u : \
     (h) == PSA_ALG_SHAKE128_256 ? 32u : \
     (h) == PSA_ALG_SHAKE256_192 ? 24u : \
     (h) == PSA_ALG_SHAKE256_256 ? 32u : \
     (h) == PSA_ALG_SM3 ? 32u : \
     (h) == PSA_ALG_ASCON_HASH256 ? 32u : \
     (h) == PSA_ALG_BLAKE2S_HASH256 ? 32u : \
     (h) == PSA_ALG_BLAKE2SP_HASH256 ? 32u : \
     (h) == PSA_ALG_BLAKE2B_HASH512 ? 64u : \
     (h) == PSA_ALG_BLAKE2BP_HASH512 ? 64u : \
     0u)

/* PSA_HASH_LENGTH: for a hash algorithm, or the hash of an HMAC algorithm. */
#define PSA_HASH_LENGTH(alg) \
    ((PSA_ALG_IS_HASH(alg) || PSA_ALG_IS_HMAC(alg)) ? \
         CIT_PSA_HASH_OUTPUT_LENGTH(CIT_PSA_HASH_OF(alg)) : 0u)

#define PSA_HASH_MAX_SIZE 64u

/*
 * PSA_HASH_BLOCK_LENGTH: the input block size; for SHA-3 and SHAKE this is
 * the sponge rate, for Ascon-Hash256 the 8-byte rate, and for BLAKE2sp and
 * BLAKE2bp the block size of the underlying BLAKE2s or BLAKE2b.
 */
#define PSA_HASH_BLOCK_LENGTH(alg) \
    (!PSA_ALG_IS_HASH(alg) ? 0u : \
     (alg) == PSA_ALG_MD2 ? 16u : \
     (alg) == PSA_ALG_MD4 ? 64u : \
     (alg) == PSA_ALG_MD5 ? 64u : \
     (alg) == PSA_ALG_RIPEMD160 ? 64u : \
     (alg) == PSA_ALG_AES_MMO_ZIGBEE ? 16u : \
     (alg) == PSA_ALG_SHA_1 ? 64u : \
     (alg) == PSA_ALG_SHA_224 ? 64u : \
     (alg) == PSA_ALG_SHA_256 ? 64u : \
     (alg) == PSA_ALG_SHA_384 ? 128u : \
     (alg) == PSA_ALG_SHA_512 ? 128u : \
     (alg) == PSA_ALG_SHA_512_224 ? 128u : \
     (alg) == PSA_ALG_SHA_512_256 ? 128u : \
     (alg) == PSA_ALG_SHA_256_192 ? 64u : \
     (alg) == PSA_ALG_SHA3_224 ? 144u : \
     (alg) == PSA_ALG_SHA3_256 ? 136u : \
     (alg) == PSA_ALG_SHA3_384 ? 104u : \
     (alg) == PSA_ALG_SHA3_512 ? 72u : \
     (alg) == PSA_ALG_SHAKE256_512 ? 136u : \
     (alg) == PSA_ALG_SHAKE128_256 ? 168u : \
     (alg) == PSA_ALG_SHAKE256_192 ? 136u : \
     (alg) == PSA_ALG_SHAKE256_256 ? 136u : \
     (alg) == PSA_ALG_SM3 ? 64u : \
     (alg) == PSA_ALG_ASCON_HASH256 ? 8u : \
     (alg) == PSA_ALG_BLAKE2S_HASH256 ? 64u : \
     (alg) == PSA_ALG_BLAKE2SP_HASH256 ? 64u : \
     (alg) == PSA_ALG_BLAKE2B_HASH512 ? 128u : \
     (alg) == PSA_ALG_BLAKE2BP_HASH512 ? 128u : \
     0u)

/* Hash suspend state (spec 10.2.5): defined for MD2 to SHA-512 only. */
#define PSA_HASH_SUSPEND_ALGORITHM_FIELD_LENGTH ((size_t)4)

#define PSA_HASH_SUSPEND_INPUT_LENGTH_FIELD_LENGTH(alg) \
    ((alg) == PSA_ALG_MD2 ? 1u : \
     ((alg) == PSA_ALG_MD4 || (alg) == PSA_ALG_MD5 || (alg) == PSA_ALG_RIPEMD160 || \
      (alg) == PSA_ALG_SHA_1 || (alg) == PSA_ALG_SHA_224 || (alg) == PSA_ALG_SHA_256) ? 8u : \
     ((alg) == PSA_ALG_SHA_512 || (alg) == PSA_ALG_SHA_384 || \
      (alg) == PSA_ALG_SHA_512_224 || (alg) == PSA_ALG_SHA_512_256) ? 16u : \
     0u)

#define PSA_HASH_SUSPEND_HASH_STATE_FIELD_LENGTH(alg) \
    ((alg) == PSA_ALG_MD2 ? 64u : \
     ((alg) == PSA_ALG_MD4 || (alg) == PSA_ALG_MD5) ? 16u : \
     ((alg) == PSA_ALG_RIPEMD160 || (alg) == PSA_ALG_SHA_1) ? 20u : \
     ((alg) == PSA_ALG_SHA_224 || (alg) == PSA_ALG_SHA_256) ? 32u : \
     ((alg) == PSA_ALG_SHA_512 || (alg) == PSA_ALG_SHA_384 || \
      (alg) == PSA_ALG_SHA_512_224 || (alg) == PSA_ALG_SHA_512_256) ? 64u : \
     0u)

/* PSA_HASH_SUSPEND_OUTPUT_SIZE: 0 for hashes that cannot be suspended. */
#define PSA_HASH_SUSPEND_OUTPUT_SIZE(alg) \
    (PSA_HASH_SUSPEND_HASH_STATE_FIELD_LENGTH(alg) == 0u ? (size_t)0 : \
     PSA_HASH_SUSPEND_ALGORITHM_FIELD_LENGTH + \
     PSA_HASH_SUSPEND_INPUT_LENGTH_FIELD_LENGTH(alg) + \
     PSA_HASH_SUSPEND_HASH_STATE_FIELD_LENGTH(alg) + \
     PSA_HASH_BLOCK_LENGTH(alg) - 1u)

/* SHA-384/512: 4 + 16 + 64 + 127 bytes. */
#define PSA_HASH_SUSPEND_OUTPUT_MAX_SIZE (4u + 16u + 64u + 127u)

/* ==== MAC (spec 10.4) ==== */

/*
 * PSA_MAC_LENGTH: the LEN field of a truncated MAC; otherwise the hash size
 * for HMAC and BLAKE2 MAC, and the cipher block size for CBC-MAC and CMAC.
 */
#define PSA_MAC_LENGTH(key_type, key_bits, alg) \
    (!PSA_ALG_IS_MAC(alg) ? 0u : \
     ((alg) & 0x003f0000u) != 0u ? (((alg) >> 16) & 0x3fu) : \
     (PSA_ALG_IS_HMAC(alg) || PSA_ALG_IS_BLAKE2_MAC(alg)) ? \
         CIT_PSA_HASH_OUTPUT_LENGTH(CIT_PSA_HASH_OF(alg)) : \
     PSA_ALG_IS_BLOCK_CIPHER_MAC(alg) ? PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) : \
     0u)

/* HMAC-SHA-512, HMAC-SHA3-512 and BLAKE2b MAC: 64 bytes. */
#define PSA_MAC_MAX_SIZE 64u

/* ==== Unauthenticated ciphers (spec 10.5) ==== */

/* The block size is 2^BLK, BLK being bits 10:8 of the key type (1 for streams). */
#define PSA_BLOCK_CIPHER_BLOCK_LENGTH(type) (1u << (((type) >> 8) & 7u))
#define PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE 16u

/* A symmetric key type (A=0, CAT=2) with a block size (BLK != 0). */
#define CIT_PSA_KEY_TYPE_IS_BLOCK_CIPHER(type) \
    (((type) & 0x7800u) == 0x2000u && ((type) & 0x0700u) != 0u)
#define CIT_PSA_KEY_TYPE_IS_STREAM_CIPHER(type) \
    ((type) == PSA_KEY_TYPE_ARC4 || (type) == PSA_KEY_TYPE_CHACHA20 || \
     (type) == PSA_KEY_TYPE_XCHACHA20)

/*
 * A block-cipher mode (cipher with B=1) with a block cipher key (CCM* only
 * with a 16-byte block), or the stream cipher with a stream cipher key.
 */
#define CIT_PSA_CIPHER_IS_VALID(key_type, alg) \
    ((CIT_PSA_KEY_TYPE_IS_BLOCK_CIPHER(key_type) && \
      ((alg) & 0x7f400000u) == 0x04400000u && \
      ((alg) != PSA_ALG_CCM_STAR_NO_TAG || PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) == 16u)) || \
     (CIT_PSA_KEY_TYPE_IS_STREAM_CIPHER(key_type) && (alg) == PSA_ALG_STREAM_CIPHER))

/*
 * PSA_CIPHER_IV_LENGTH: one block for CTR, CFB, OFB, XTS and CBC; 13 for
 * CCM*; 12 for ChaCha20 and 24 for XChaCha20; 0 for ECB and ARC4.
 */
#define PSA_CIPHER_IV_LENGTH(key_type, alg) \
    (!CIT_PSA_CIPHER_IS_VALID(key_type, alg) ? 0u : \
     ((alg) == PSA_ALG_CTR || (alg) == PSA_ALG_CFB || (alg) == PSA_ALG_OFB || \
      (alg) == PSA_ALG_XTS || (alg) == PSA_ALG_CBC_NO_PADDING || \
      (alg) == PSA_ALG_CBC_PKCS7) ? PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) : \
     (alg) == PSA_ALG_CCM_STAR_NO_TAG ? 13u : \
     (key_type) == PSA_KEY_TYPE_CHACHA20 ? 12u : \
     (key_type) == PSA_KEY_TYPE_XCHACHA20 ? 24u : \
     0u)

/* XChaCha20: 24 bytes. */
#define PSA_CIPHER_IV_MAX_SIZE 24u

/* PSA_CIPHER_ENCRYPT_OUTPUT_SIZE: IV, then the input padded up for CBC-PKCS7. */
#define PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(key_type, alg, input_length) \
    (!CIT_PSA_CIPHER_IS_VALID(key_type, alg) ? 0u : \
     (alg) == PSA_ALG_CBC_PKCS7 ? \
         PSA_CIPHER_IV_LENGTH(key_type, alg) + \
             ((input_length) / PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) + 1u) * \
                 PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) : \
     PSA_CIPHER_IV_LENGTH(key_type, alg) + (input_length))

#define PSA_CIPHER_ENCRYPT_OUTPUT_MAX_SIZE(input_length) \
    (PSA_CIPHER_IV_MAX_SIZE + (input_length) + PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE)

/* PSA_CIPHER_DECRYPT_OUTPUT_SIZE: never more than the input (IV + ciphertext). */
#define PSA_CIPHER_DECRYPT_OUTPUT_SIZE(key_type, alg, input_length) \
    (!CIT_PSA_CIPHER_IS_VALID(key_type, alg) ? 0u : (input_length))

#define PSA_CIPHER_DECRYPT_OUTPUT_MAX_SIZE(input_length) (input_length)

/*
 * PSA_CIPHER_UPDATE_OUTPUT_SIZE: stream modes (S=1) output what they are
 * given; block modes output whole blocks of the buffered and new input, less
 * than the input plus one block.
 */
#define PSA_CIPHER_UPDATE_OUTPUT_SIZE(key_type, alg, input_length) \
    (!CIT_PSA_CIPHER_IS_VALID(key_type, alg) ? 0u : \
     PSA_ALG_IS_STREAM_CIPHER(alg) ? (input_length) : \
     (input_length) + PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type))

#define PSA_CIPHER_UPDATE_OUTPUT_MAX_SIZE(input_length) \
    ((input_length) + PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE)

/*
 * PSA_CIPHER_FINISH_OUTPUT_SIZE: nothing for stream modes, one block for
 * block modes, two blocks for XTS (ciphertext stealing).
 */
#define PSA_CIPHER_FINISH_OUTPUT_SIZE(key_type, alg) \
    (!CIT_PSA_CIPHER_IS_VALID(key_type, alg) ? 0u : \
     PSA_ALG_IS_STREAM_CIPHER(alg) ? 0u : \
     (alg) == PSA_ALG_XTS ? 2u * PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) : \
     PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type))

#define PSA_CIPHER_FINISH_OUTPUT_MAX_SIZE (2u * PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE)

/* ==== AEAD (spec 10.6) ==== */

/* CIT_PSA_AEAD_BASE: an AEAD identifier without its LEN and W fields. */
#define CIT_PSA_AEAD_BASE(alg) ((alg) & ~0x003f8000u)
#define CIT_PSA_AEAD_TAG_LEN(alg) (((alg) >> 16) & 0x3fu)

/* CCM and GCM need a 16-byte block cipher; the others their own key type. */
#define CIT_PSA_AEAD_IS_VALID(key_type, alg) \
    ((CIT_PSA_KEY_TYPE_IS_BLOCK_CIPHER(key_type) && \
      PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type) == 16u && \
      (CIT_PSA_AEAD_BASE(alg) == CIT_PSA_AEAD_BASE(PSA_ALG_CCM) || \
       CIT_PSA_AEAD_BASE(alg) == CIT_PSA_AEAD_BASE(PSA_ALG_GCM))) || \
     ((key_type) == PSA_KEY_TYPE_CHACHA20 && \
      CIT_PSA_AEAD_BASE(alg) == CIT_PSA_AEAD_BASE(PSA_ALG_CHACHA20_POLY1305)) || \
     ((key_type) == PSA_KEY_TYPE_XCHACHA20 && \
      CIT_PSA_AEAD_BASE(alg) == CIT_PSA_AEAD_BASE(PSA_ALG_XCHACHA20_POLY1305)) || \
     ((key_type) == PSA_KEY_TYPE_ASCON && \
      CIT_PSA_AEAD_BASE(alg) == CIT_PSA_AEAD_BASE(PSA_ALG_ASCON_AEAD128)))

/* CIT_PSA_AEAD_IS_CHACHA: the two algorithms that never buffer input. */
#define CIT_PSA_AEAD_IS_CHACHA(alg) \
    (CIT_PSA_AEAD_BASE(alg) == CIT_PSA_AEAD_BASE(PSA_ALG_CHACHA20_POLY1305) || \
     CIT_PSA_AEAD_BASE(alg) == CIT_PSA_AEAD_BASE(PSA_ALG_XCHACHA20_POLY1305))

/* PSA_AEAD_TAG_LENGTH: the LEN field of the algorithm. */
#define PSA_AEAD_TAG_LENGTH(key_type, key_bits, alg) \
    (CIT_PSA_AEAD_IS_VALID(key_type, alg) ? CIT_PSA_AEAD_TAG_LEN(alg) : 0u)

#define PSA_AEAD_TAG_MAX_SIZE 16u

/* PSA_AEAD_ENCRYPT_OUTPUT_SIZE: the ciphertext is the plaintext and the tag. */
#define PSA_AEAD_ENCRYPT_OUTPUT_SIZE(key_type, alg, plaintext_length) \
    (CIT_PSA_AEAD_IS_VALID(key_type, alg) ? \
         (plaintext_length) + CIT_PSA_AEAD_TAG_LEN(alg) : 0u)

#define PSA_AEAD_ENCRYPT_OUTPUT_MAX_SIZE(plaintext_length) \
    ((plaintext_length) + PSA_AEAD_TAG_MAX_SIZE)

#define PSA_AEAD_DECRYPT_OUTPUT_SIZE(key_type, alg, ciphertext_length) \
    ((CIT_PSA_AEAD_IS_VALID(key_type, alg) && \
      (ciphertext_length) > CIT_PSA_AEAD_TAG_LEN(alg)) ? \
         (ciphertext_length) - CIT_PSA_AEAD_TAG_LEN(alg) : 0u)

#define PSA_AEAD_DECRYPT_OUTPUT_MAX_SIZE(ciphertext_length) (ciphertext_length)

/*
 * PSA_AEAD_NONCE_LENGTH: the nonce psa_aead_generate_nonce() makes: 13 for
 * CCM, 12 for GCM and ChaCha20-Poly1305, 24 for XChaCha20-Poly1305, 16 for
 * Ascon-AEAD128.
 */
#define PSA_AEAD_NONCE_LENGTH(key_type, alg) \
    (!CIT_PSA_AEAD_IS_VALID(key_type, alg) ? 0u : \
     CIT_PSA_AEAD_BASE(alg) == CIT_PSA_AEAD_BASE(PSA_ALG_CCM) ? 13u : \
     CIT_PSA_AEAD_BASE(alg) == CIT_PSA_AEAD_BASE(PSA_ALG_XCHACHA20_POLY1305) ? 24u : \
     CIT_PSA_AEAD_BASE(alg) == CIT_PSA_AEAD_BASE(PSA_ALG_ASCON_AEAD128) ? 16u : \
     12u)

#define PSA_AEAD_NONCE_MAX_SIZE 24u

/*
 * PSA_AEAD_UPDATE_OUTPUT_SIZE: CCM, GCM and Ascon-AEAD128 output whole
 * 16-byte blocks of the buffered and new input, at most the input rounded up
 * to a block; the ChaCha20 algorithms output what they are given.
 */
#define PSA_AEAD_UPDATE_OUTPUT_SIZE(key_type, alg, input_length) \
    (!CIT_PSA_AEAD_IS_VALID(key_type, alg) ? 0u : \
     CIT_PSA_AEAD_IS_CHACHA(alg) ? (input_length) : \
     CIT_PSA_ROUND_UP(input_length, 16u))

#define PSA_AEAD_UPDATE_OUTPUT_MAX_SIZE(input_length) \
    ((input_length) + PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE)

/* PSA_AEAD_FINISH_OUTPUT_SIZE: the last partial block (not for ChaCha20). */
#define PSA_AEAD_FINISH_OUTPUT_SIZE(key_type, alg) \
    (!CIT_PSA_AEAD_IS_VALID(key_type, alg) ? 0u : CIT_PSA_AEAD_IS_CHACHA(alg) ? 0u : 16u)

#define PSA_AEAD_FINISH_OUTPUT_MAX_SIZE 16u

#define PSA_AEAD_VERIFY_OUTPUT_SIZE(key_type, alg) PSA_AEAD_FINISH_OUTPUT_SIZE(key_type, alg)

#define PSA_AEAD_VERIFY_OUTPUT_MAX_SIZE 16u

/* ==== Key export (spec 9.9) ==== */

/* Elliptic curve scalar: ceil(bits/8), but 57 bytes for Edwards448. */
#define CIT_PSA_ECC_SCALAR_BYTES(family, bits) \
    ((family) == PSA_ECC_FAMILY_TWISTED_EDWARDS ? ((bits) + 8u) / 8u : \
     PSA_BITS_TO_BYTES(bits))

/* Elliptic curve point: 0x04 || x || y (Weierstrass), or a single coordinate. */
#define CIT_PSA_ECC_POINT_BYTES(family, bits) \
    ((family) == PSA_ECC_FAMILY_MONTGOMERY ? PSA_BITS_TO_BYTES(bits) : \
     (family) == PSA_ECC_FAMILY_TWISTED_EDWARDS ? ((bits) + 8u) / 8u : \
     2u * PSA_BITS_TO_BYTES(bits) + 1u)

/*
 * RSA keys are DER. An INTEGER of up to n bits takes at most n/8 + 5 bytes
 * (tag, up to 3 length bytes, a sign byte); a SEQUENCE header at most 4.
 * RSAPrivateKey: version, n, e, d at full size, p, q, dp, dq, qinv at half.
 * RSAPublicKey: n and e (e is counted at full size too).
 */
#define CIT_PSA_DER_INTEGER_MAX_SIZE(bits) ((bits) / 8u + 5u)
#define CIT_PSA_RSA_KEY_PAIR_SIZE(bits) \
    (4u + 3u + 3u * CIT_PSA_DER_INTEGER_MAX_SIZE(bits) + \
     5u * CIT_PSA_DER_INTEGER_MAX_SIZE((bits) / 2u + 1u))
#define CIT_PSA_RSA_PUBLIC_KEY_SIZE(bits) (4u + 2u * CIT_PSA_DER_INTEGER_MAX_SIZE(bits))

/* ML-DSA public keys (pk); key pairs export the 32-byte seed. */
#define CIT_PSA_ML_DSA_PUBLIC_KEY_SIZE(bits) \
    ((bits) == 128u ? 1312u : (bits) == 192u ? 1952u : (bits) == 256u ? 2592u : 0u)

/* ML-KEM encapsulation keys (ek); key pairs export the 64-byte seed d || z. */
#define CIT_PSA_ML_KEM_PUBLIC_KEY_SIZE(bits) \
    ((bits) == 512u ? 800u : (bits) == 768u ? 1184u : (bits) == 1024u ? 1568u : 0u)

/*
 * PSA_EXPORT_KEY_OUTPUT_SIZE: the export formats of spec 9.3 to 9.5. LMS:
 * type, OTS type, I, T[1]; HSS: L and an LMS key; XMSS and XMSS^MT: OID,
 * root, seed. SPAKE2+: w0 || w1, or w0 || L. WPA3-SAE tokens: x || y, or y.
 */
#define PSA_EXPORT_KEY_OUTPUT_SIZE(key_type, key_bits) \
    (PSA_KEY_TYPE_IS_UNSTRUCTURED(key_type) ? PSA_BITS_TO_BYTES(key_bits) : \
     (key_type) == PSA_KEY_TYPE_RSA_KEY_PAIR ? CIT_PSA_RSA_KEY_PAIR_SIZE(key_bits) : \
     (key_type) == PSA_KEY_TYPE_RSA_PUBLIC_KEY ? CIT_PSA_RSA_PUBLIC_KEY_SIZE(key_bits) : \
     PSA_KEY_TYPE_IS_ECC_KEY_PAIR(key_type) ? \
         CIT_PSA_ECC_SCALAR_BYTES(PSA_KEY_TYPE_ECC_GET_FAMILY(key_type), key_bits) : \
     PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY(key_type) ? \
         CIT_PSA_ECC_POINT_BYTES(PSA_KEY_TYPE_ECC_GET_FAMILY(key_type), key_bits) : \
     PSA_KEY_TYPE_IS_DH(key_type) ? PSA_BITS_TO_BYTES(key_bits) : \
     (key_type) == PSA_KEY_TYPE_ML_DSA_KEY_PAIR ? 32u : \
     (key_type) == PSA_KEY_TYPE_ML_DSA_PUBLIC_KEY ? CIT_PSA_ML_DSA_PUBLIC_KEY_SIZE(key_bits) : \
     (key_type) == PSA_KEY_TYPE_ML_KEM_KEY_PAIR ? 64u : \
     (key_type) == PSA_KEY_TYPE_ML_KEM_PUBLIC_KEY ? CIT_PSA_ML_KEM_PUBLIC_KEY_SIZE(key_bits) : \
     PSA_KEY_TYPE_IS_SLH_DSA_KEY_PAIR(key_type) ? 4u * PSA_BITS_TO_BYTES(key_bits) : \
     PSA_KEY_TYPE_IS_SLH_DSA_PUBLIC_KEY(key_type) ? 2u * PSA_BITS_TO_BYTES(key_bits) : \
     (key_type) == PSA_KEY_TYPE_LMS_PUBLIC_KEY ? 24u + PSA_BITS_TO_BYTES(key_bits) : \
     (key_type) == PSA_KEY_TYPE_HSS_PUBLIC_KEY ? 28u + PSA_BITS_TO_BYTES(key_bits) : \
     ((key_type) == PSA_KEY_TYPE_XMSS_PUBLIC_KEY || \
      (key_type) == PSA_KEY_TYPE_XMSS_MT_PUBLIC_KEY) ? 4u + 2u * PSA_BITS_TO_BYTES(key_bits) : \
     PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR(key_type) ? \
         2u * CIT_PSA_ECC_SCALAR_BYTES(PSA_KEY_TYPE_SPAKE2P_GET_FAMILY(key_type), key_bits) : \
     PSA_KEY_TYPE_IS_SPAKE2P_PUBLIC_KEY(key_type) ? \
         CIT_PSA_ECC_SCALAR_BYTES(PSA_KEY_TYPE_SPAKE2P_GET_FAMILY(key_type), key_bits) + \
         CIT_PSA_ECC_POINT_BYTES(PSA_KEY_TYPE_SPAKE2P_GET_FAMILY(key_type), key_bits) : \
     PSA_KEY_TYPE_IS_WPA3_SAE_ECC(key_type) ? 2u * PSA_BITS_TO_BYTES(key_bits) : \
     PSA_KEY_TYPE_IS_WPA3_SAE_DH(key_type) ? PSA_BITS_TO_BYTES(key_bits) : \
     0u)

/* PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE: the export size of the public key type. */
#define PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(key_type, key_bits) \
    (PSA_KEY_TYPE_IS_ASYMMETRIC(key_type) ? \
         PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(key_type), key_bits) : \
     0u)

/* RSA-4096 (2863 bytes) is the largest key pair; DH-8192, P-521 etc. are smaller. */
#define PSA_EXPORT_KEY_PAIR_MAX_SIZE \
    CIT_PSA_MAX2(CIT_PSA_RSA_KEY_PAIR_SIZE(CIT_PSA_RSA_MAX_KEY_BITS), \
                 CIT_PSA_MAX2(PSA_BITS_TO_BYTES(CIT_PSA_DH_MAX_KEY_BITS), \
                              2u * PSA_BITS_TO_BYTES(CIT_PSA_ECC_MAX_KEY_BITS)))

/* ML-DSA-87 (2592 bytes) is the largest public key. */
#define PSA_EXPORT_PUBLIC_KEY_MAX_SIZE \
    CIT_PSA_MAX2(2592u, \
                 CIT_PSA_MAX2(CIT_PSA_RSA_PUBLIC_KEY_SIZE(CIT_PSA_RSA_MAX_KEY_BITS), \
                              PSA_BITS_TO_BYTES(CIT_PSA_DH_MAX_KEY_BITS)))

#define PSA_EXPORT_ASYMMETRIC_KEY_MAX_SIZE \
    CIT_PSA_MAX2(PSA_EXPORT_KEY_PAIR_MAX_SIZE, PSA_EXPORT_PUBLIC_KEY_MAX_SIZE)

/* ==== Key wrapping (spec 10.7) ==== */

/* KW and KWP: the export format padded to 8 bytes, plus an 8-byte block. */
#define PSA_WRAP_KEY_OUTPUT_SIZE(wrap_key_type, alg, key_type, key_bits) \
    (((alg) == PSA_ALG_KW || (alg) == PSA_ALG_KWP) ? \
         CIT_PSA_ROUND_UP(PSA_EXPORT_KEY_OUTPUT_SIZE(key_type, key_bits), 8u) + 8u : 0u)

#define PSA_WRAP_KEY_PAIR_MAX_SIZE (CIT_PSA_ROUND_UP(PSA_EXPORT_KEY_PAIR_MAX_SIZE, 8u) + 8u)

/* ==== Key derivation (spec 10.8) ==== */

#define PSA_KEY_DERIVATION_UNLIMITED_CAPACITY SIZE_MAX

/* Citadel accepts pre-shared keys of up to 128 bytes. */
#define PSA_TLS12_PSK_TO_MS_PSK_MAX_SIZE 128u

#define PSA_TLS12_ECJPAKE_TO_PMS_OUTPUT_SIZE 32

/* ==== Asymmetric signature (spec 10.9) ==== */

/* ML-DSA-44, -65, -87 signatures (FIPS 204 Table 2). */
#define CIT_PSA_ML_DSA_SIGNATURE_SIZE(bits) \
    ((bits) == 128u ? 2420u : (bits) == 192u ? 3309u : (bits) == 256u ? 4627u : 0u)

/* SLH-DSA signatures (FIPS 205 Table 2): small (s) and fast (f) sets. */
#define CIT_PSA_SLH_DSA_SIGNATURE_SIZE(family, bits) \
    (((family) == PSA_SLH_DSA_FAMILY_SHA2_S || (family) == PSA_SLH_DSA_FAMILY_SHAKE_S) ? \
         ((bits) == 128u ? 7856u : (bits) == 192u ? 16224u : (bits) == 256u ? 29792u : 0u) : \
     ((family) == PSA_SLH_DSA_FAMILY_SHA2_F || (family) == PSA_SLH_DSA_FAMILY_SHAKE_F) ? \
         ((bits) == 128u ? 17088u : (bits) == 192u ? 35664u : (bits) == 256u ? 49856u : 0u) : \
     0u)

/*
 * PSA_SIGN_OUTPUT_SIZE: RSA, the modulus size; ECDSA and EdDSA, r || s;
 * ML-DSA and SLH-DSA, their fixed sizes. LMS, HSS, XMSS and XMSS^MT keys
 * cannot sign.
 */
#define PSA_SIGN_OUTPUT_SIZE(key_type, key_bits, alg) \
    (!PSA_ALG_IS_SIGN(alg) ? 0u : \
     PSA_KEY_TYPE_IS_RSA(key_type) ? PSA_BITS_TO_BYTES(key_bits) : \
     PSA_KEY_TYPE_IS_ECC(key_type) ? \
         2u * CIT_PSA_ECC_SCALAR_BYTES(PSA_KEY_TYPE_ECC_GET_FAMILY(key_type), key_bits) : \
     PSA_KEY_TYPE_IS_ML_DSA(key_type) ? CIT_PSA_ML_DSA_SIGNATURE_SIZE(key_bits) : \
     PSA_KEY_TYPE_IS_SLH_DSA(key_type) ? \
         CIT_PSA_SLH_DSA_SIGNATURE_SIZE(PSA_KEY_TYPE_SLH_DSA_GET_FAMILY(key_type), key_bits) : \
     0u)

/* SLH-DSA-*-256f (49856 bytes) is the largest signature. */
#define PSA_SIGNATURE_MAX_SIZE \
    CIT_PSA_MAX2(49856u, \
                 CIT_PSA_MAX2(PSA_BITS_TO_BYTES(CIT_PSA_RSA_MAX_KEY_BITS), \
                              2u * PSA_BITS_TO_BYTES(CIT_PSA_ECC_MAX_KEY_BITS)))

/* ==== Asymmetric encryption (spec 10.10) ==== */

/* RSA: the modulus size, for both directions. */
#define PSA_ASYMMETRIC_ENCRYPT_OUTPUT_SIZE(key_type, key_bits, alg) \
    ((PSA_KEY_TYPE_IS_RSA(key_type) && PSA_ALG_IS_ASYMMETRIC_ENCRYPTION(alg)) ? \
         PSA_BITS_TO_BYTES(key_bits) : 0u)

#define PSA_ASYMMETRIC_ENCRYPT_OUTPUT_MAX_SIZE PSA_BITS_TO_BYTES(CIT_PSA_RSA_MAX_KEY_BITS)

#define PSA_ASYMMETRIC_DECRYPT_OUTPUT_SIZE(key_type, key_bits, alg) \
    ((PSA_KEY_TYPE_IS_RSA(key_type) && PSA_ALG_IS_ASYMMETRIC_ENCRYPTION(alg)) ? \
         PSA_BITS_TO_BYTES(key_bits) : 0u)

#define PSA_ASYMMETRIC_DECRYPT_OUTPUT_MAX_SIZE PSA_BITS_TO_BYTES(CIT_PSA_RSA_MAX_KEY_BITS)

/* ==== Key agreement (spec 10.11) ==== */

/* ECDH: the x-coordinate (or Montgomery u); FFDH: the size of the prime. */
#define PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(key_type, key_bits) \
    ((PSA_KEY_TYPE_IS_ECC(key_type) || PSA_KEY_TYPE_IS_DH(key_type)) ? \
         PSA_BITS_TO_BYTES(key_bits) : 0u)

#define PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE \
    CIT_PSA_MAX2(PSA_BITS_TO_BYTES(CIT_PSA_DH_MAX_KEY_BITS), \
                 PSA_BITS_TO_BYTES(CIT_PSA_ECC_MAX_KEY_BITS))

/* ==== Key encapsulation (spec 10.12) ==== */

/* ML-KEM-512, -768, -1024 ciphertexts (FIPS 203 Table 3). */
#define CIT_PSA_ML_KEM_CIPHERTEXT_SIZE(bits) \
    ((bits) == 512u ? 768u : (bits) == 768u ? 1088u : (bits) == 1024u ? 1568u : 0u)

/* ECIES-SEC1: the ephemeral public key; ML-KEM: its ciphertext. */
#define PSA_ENCAPSULATE_CIPHERTEXT_SIZE(key_type, key_bits, alg) \
    (((alg) == PSA_ALG_ECIES_SEC1 && PSA_KEY_TYPE_IS_ECC(key_type)) ? \
         CIT_PSA_ECC_POINT_BYTES(PSA_KEY_TYPE_ECC_GET_FAMILY(key_type), key_bits) : \
     ((alg) == PSA_ALG_ML_KEM && PSA_KEY_TYPE_IS_ML_KEM(key_type)) ? \
         CIT_PSA_ML_KEM_CIPHERTEXT_SIZE(key_bits) : \
     0u)

/* ML-KEM-1024 (1568 bytes); a P-521 point is 133 bytes. */
#define PSA_ENCAPSULATE_CIPHERTEXT_MAX_SIZE \
    CIT_PSA_MAX2(1568u, 2u * PSA_BITS_TO_BYTES(CIT_PSA_ECC_MAX_KEY_BITS) + 1u)

/* ==== PAKE (spec 10.13) ==== */

/* Citadel accepts WPA3-SAE salts of up to 64 bytes. */
#define CIT_PSA_PAKE_WPA3_SAE_SALT_MAX_SIZE 64u

#define CIT_PSA_PAKE_IS_ECC(prim) \
    (PSA_PAKE_PRIMITIVE_GET_TYPE(prim) == PSA_PAKE_PRIMITIVE_TYPE_ECC)
#define CIT_PSA_PAKE_BYTES(prim) PSA_BITS_TO_BYTES(PSA_PAKE_PRIMITIVE_GET_BITS(prim))

/* A group element in public-key format, and a scalar (an integer mod the order). */
#define CIT_PSA_PAKE_ELEMENT_SIZE(prim) \
    (CIT_PSA_PAKE_IS_ECC(prim) ? \
         CIT_PSA_ECC_POINT_BYTES(PSA_PAKE_PRIMITIVE_GET_FAMILY(prim), \
                                 PSA_PAKE_PRIMITIVE_GET_BITS(prim)) : \
         CIT_PSA_PAKE_BYTES(prim))
#define CIT_PSA_PAKE_SCALAR_SIZE(prim) \
    (CIT_PSA_PAKE_IS_ECC(prim) ? \
         CIT_PSA_ECC_SCALAR_BYTES(PSA_PAKE_PRIMITIVE_GET_FAMILY(prim), \
                                  PSA_PAKE_PRIMITIVE_GET_BITS(prim)) : \
         CIT_PSA_PAKE_BYTES(prim))

/*
 * The data of each step: J-PAKE key shares, ZK publics and ZK proofs; SPAKE2+
 * key shares and confirmations (a CMAC, or an HMAC of the suite's hash);
 * WPA3-SAE commits (scalar || element as x || y, or y), confirmations
 * (2-byte counter || hash), counters, salts and 16-byte PMKIDs.
 */
#define CIT_PSA_PAKE_STEP_SIZE(alg, prim, step) \
    (((step) == PSA_PAKE_STEP_KEY_SHARE || (step) == PSA_PAKE_STEP_ZK_PUBLIC) ? \
         CIT_PSA_PAKE_ELEMENT_SIZE(prim) : \
     (step) == PSA_PAKE_STEP_ZK_PROOF ? CIT_PSA_PAKE_SCALAR_SIZE(prim) : \
     (step) == PSA_PAKE_STEP_CONFIRM ? \
         (PSA_ALG_IS_SPAKE2P_CMAC(alg) ? 16u : \
          PSA_ALG_IS_SPAKE2P(alg) ? CIT_PSA_HASH_OUTPUT_LENGTH(CIT_PSA_HASH_OF(alg)) : \
          PSA_ALG_IS_WPA3_SAE(alg) ? 2u + CIT_PSA_HASH_OUTPUT_LENGTH(CIT_PSA_HASH_OF(alg)) : \
          0u) : \
     !PSA_ALG_IS_WPA3_SAE(alg) ? 0u : \
     (step) == PSA_PAKE_STEP_COMMIT ? \
         (CIT_PSA_PAKE_IS_ECC(prim) ? 3u * CIT_PSA_PAKE_BYTES(prim) : \
          2u * CIT_PSA_PAKE_BYTES(prim)) : \
     (step) == PSA_PAKE_STEP_CONFIRM_COUNT ? 2u : \
     (step) == PSA_PAKE_STEP_SALT ? CIT_PSA_PAKE_WPA3_SAE_SALT_MAX_SIZE : \
     (step) == PSA_PAKE_STEP_KEY_ID ? 16u : \
     0u)

#define PSA_PAKE_OUTPUT_SIZE(alg, primitive, output_step) \
    CIT_PSA_PAKE_STEP_SIZE(alg, primitive, output_step)

#define PSA_PAKE_INPUT_SIZE(alg, primitive, input_step) \
    CIT_PSA_PAKE_STEP_SIZE(alg, primitive, input_step)

/* A WPA3-SAE commit in an 8192-bit group: 2 x 1024 bytes. */
#define PSA_PAKE_OUTPUT_MAX_SIZE \
    CIT_PSA_MAX2(2u * PSA_BITS_TO_BYTES(CIT_PSA_DH_MAX_KEY_BITS), \
                 3u * PSA_BITS_TO_BYTES(CIT_PSA_ECC_MAX_KEY_BITS))

#define PSA_PAKE_INPUT_MAX_SIZE PSA_PAKE_OUTPUT_MAX_SIZE

#endif /* PSA_CRYPTO_SIZES_H */
