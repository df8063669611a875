/*
 * psa/crypto_struct.h - Citadel's definitions of the implementation-defined
 * PSA Crypto structures, their initializers and the *_init() functions.
 *
 * Applications must treat every member as private: the names start with
 * `cit_` and may change between releases. Driver contexts are stored as
 * opaque, 8-byte aligned byte arrays whose sizes the core checks at compile
 * time against the driver context types.
 *
 * This file is included by psa/crypto.h; do not include it directly.
 */
#ifndef PSA_CRYPTO_STRUCT_H
#define PSA_CRYPTO_STRUCT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Sizes of the opaque driver-context areas (bytes). */
#define CIT_HASH_OP_CTX_SIZE 232
#define CIT_MAC_OP_CTX_SIZE 1088
#define CIT_CIPHER_OP_CTX_SIZE 1088
#define CIT_AEAD_OP_CTX_SIZE 1600
#define CIT_KEY_DERIVATION_OP_CTX_SIZE 1600

/* ---- Key attributes ---- */
struct psa_key_attributes_s {
    psa_key_type_t cit_type;
    uint16_t cit_bits;
    psa_key_lifetime_t cit_lifetime;
    psa_key_id_t cit_id;
    psa_key_usage_t cit_usage;
    psa_algorithm_t cit_alg;
};

#define PSA_KEY_ATTRIBUTES_INIT { 0, 0, 0, 0, 0, 0 }

static inline psa_key_attributes_t psa_key_attributes_init(void)
{
    const psa_key_attributes_t v = PSA_KEY_ATTRIBUTES_INIT;
    return v;
}

/*
 * Common header of every operation object: cit_alg is 0 while the object is
 * inactive; cit_driver names the driver that accepted the operation;
 * cit_state holds operation-specific state-machine flags, and
 * CIT_OP_STATE_ERROR marks the error state the spec requires after a
 * failure (only *_abort leaves it).
 */
#define CIT_OP_STATE_ERROR 0x80u

/* ---- Hash ---- */
struct psa_hash_operation_s {
    psa_algorithm_t cit_alg;
    uint8_t cit_driver;
    uint8_t cit_state;
    union {
        uint64_t cit_align;
        unsigned char cit_bytes[CIT_HASH_OP_CTX_SIZE];
    } cit_ctx;
};

#define PSA_HASH_OPERATION_INIT { 0, 0, 0, { 0 } }

static inline psa_hash_operation_t psa_hash_operation_init(void)
{
    const psa_hash_operation_t v = PSA_HASH_OPERATION_INIT;
    return v;
}

/* ---- XOF ---- */
struct psa_xof_operation_s {
    psa_algorithm_t cit_alg;
    uint8_t cit_driver;
    uint8_t cit_state;
    union {
        uint64_t cit_align;
        unsigned char cit_bytes[CIT_HASH_OP_CTX_SIZE];
    } cit_ctx;
};

#define PSA_XOF_OPERATION_INIT { 0, 0, 0, { 0 } }

static inline psa_xof_operation_t psa_xof_operation_init(void)
{
    const psa_xof_operation_t v = PSA_XOF_OPERATION_INIT;
    return v;
}

/* ---- MAC ---- */
struct psa_mac_operation_s {
    psa_algorithm_t cit_alg;
    uint8_t cit_driver;
    uint8_t cit_state;
    uint8_t cit_is_sign;
    uint8_t cit_mac_length;
    psa_key_id_t cit_key; /* destroying the key makes the operation fail */
    union {
        uint64_t cit_align;
        unsigned char cit_bytes[CIT_MAC_OP_CTX_SIZE];
    } cit_ctx;
};

#define PSA_MAC_OPERATION_INIT { 0, 0, 0, 0, 0, 0, { 0 } }

static inline psa_mac_operation_t psa_mac_operation_init(void)
{
    const psa_mac_operation_t v = PSA_MAC_OPERATION_INIT;
    return v;
}

/* ---- Cipher ---- */
struct psa_cipher_operation_s {
    psa_algorithm_t cit_alg;
    uint8_t cit_driver;
    uint8_t cit_state;
    uint8_t cit_is_encrypt;
    uint8_t cit_iv_length;
    union {
        uint64_t cit_align;
        unsigned char cit_bytes[CIT_CIPHER_OP_CTX_SIZE];
    } cit_ctx;
};

#define PSA_CIPHER_OPERATION_INIT { 0, 0, 0, 0, 0, { 0 } }

static inline psa_cipher_operation_t psa_cipher_operation_init(void)
{
    const psa_cipher_operation_t v = PSA_CIPHER_OPERATION_INIT;
    return v;
}

/* ---- AEAD ---- */
struct psa_aead_operation_s {
    psa_algorithm_t cit_alg;
    uint8_t cit_driver;
    uint8_t cit_state;
    uint8_t cit_is_encrypt;
    uint8_t cit_tag_length;
    psa_key_type_t cit_key_type;
    psa_key_id_t cit_key; /* destroying the key makes the operation fail */
    size_t cit_ad_remaining;   /* after psa_aead_set_lengths */
    size_t cit_body_remaining; /* after psa_aead_set_lengths */
    union {
        uint64_t cit_align;
        unsigned char cit_bytes[CIT_AEAD_OP_CTX_SIZE];
    } cit_ctx;
};

#define PSA_AEAD_OPERATION_INIT { 0, 0, 0, 0, 0, 0, 0, 0, 0, { 0 } }

static inline psa_aead_operation_t psa_aead_operation_init(void)
{
    const psa_aead_operation_t v = PSA_AEAD_OPERATION_INIT;
    return v;
}

/* ---- Key derivation ---- */
struct psa_key_derivation_s {
    psa_algorithm_t cit_alg;
    uint8_t cit_driver;
    uint8_t cit_state;
    size_t cit_capacity;
    union {
        uint64_t cit_align;
        unsigned char cit_bytes[CIT_KEY_DERIVATION_OP_CTX_SIZE];
    } cit_ctx;
};

#define PSA_KEY_DERIVATION_OPERATION_INIT { 0, 0, 0, 0, { 0 } }

static inline psa_key_derivation_operation_t psa_key_derivation_operation_init(void)
{
    const psa_key_derivation_operation_t v = PSA_KEY_DERIVATION_OPERATION_INIT;
    return v;
}

/* ---- Asymmetric signature, multi-part ---- */
struct psa_sign_operation_s {
    psa_algorithm_t cit_alg;
    uint8_t cit_driver;
    uint8_t cit_state;
    union {
        uint64_t cit_align;
        unsigned char cit_bytes[CIT_HASH_OP_CTX_SIZE];
    } cit_ctx;
};

#define PSA_SIGN_OPERATION_INIT { 0, 0, 0, { 0 } }

static inline psa_sign_operation_t psa_sign_operation_init(void)
{
    const psa_sign_operation_t v = PSA_SIGN_OPERATION_INIT;
    return v;
}

struct psa_verify_operation_s {
    psa_algorithm_t cit_alg;
    uint8_t cit_driver;
    uint8_t cit_state;
    union {
        uint64_t cit_align;
        unsigned char cit_bytes[CIT_HASH_OP_CTX_SIZE];
    } cit_ctx;
};

#define PSA_VERIFY_OPERATION_INIT { 0, 0, 0, { 0 } }

static inline psa_verify_operation_t psa_verify_operation_init(void)
{
    const psa_verify_operation_t v = PSA_VERIFY_OPERATION_INIT;
    return v;
}

/* ---- PAKE ---- */
struct psa_pake_cipher_suite_s {
    psa_algorithm_t cit_alg;
    psa_pake_primitive_t cit_primitive;
    uint32_t cit_key_confirmation;
};

#define PSA_PAKE_CIPHER_SUITE_INIT { 0, 0, 0 }

static inline psa_pake_cipher_suite_t psa_pake_cipher_suite_init(void)
{
    const psa_pake_cipher_suite_t v = PSA_PAKE_CIPHER_SUITE_INIT;
    return v;
}

struct psa_pake_operation_s {
    psa_algorithm_t cit_alg;
    uint8_t cit_driver;
    uint8_t cit_state;
    union {
        uint64_t cit_align;
        unsigned char cit_bytes[CIT_MAC_OP_CTX_SIZE];
    } cit_ctx;
};

#define PSA_PAKE_OPERATION_INIT { 0, 0, 0, { 0 } }

static inline psa_pake_operation_t psa_pake_operation_init(void)
{
    const psa_pake_operation_t v = PSA_PAKE_OPERATION_INIT;
    return v;
}

#ifdef __cplusplus
}
#endif

#endif /* PSA_CRYPTO_STRUCT_H */
