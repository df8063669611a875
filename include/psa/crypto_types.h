/*
 * psa/crypto_types.h - the types of the PSA Certified Crypto API 1.5.
 *
 * Integer encodings are defined as the specification states. The opaque
 * types (key attributes, operation objects, PAKE cipher suite) are declared
 * here as incomplete structures; psa/crypto_struct.h gives their contents.
 *
 * This file is included by psa/crypto.h; applications include psa/crypto.h.
 */
#ifndef PSA_CRYPTO_TYPES_H
#define PSA_CRYPTO_TYPES_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Algorithms (spec 10.1) ---- */
typedef uint32_t psa_algorithm_t;

/* ---- Key types and families (spec 9.2) ---- */
typedef uint16_t psa_key_type_t;
typedef uint8_t psa_ecc_family_t;
typedef uint8_t psa_dh_family_t;
typedef uint8_t psa_slh_dsa_family_t;

/* ---- Key identifiers (spec 9.7) ---- */
typedef uint32_t psa_key_id_t;

/*
 * psa_key_handle_t is not part of the Crypto API 1.5: it was removed in 1.0.
 * It is kept as an alias of psa_key_id_t for source written against the
 * beta API.
 */
typedef psa_key_id_t psa_key_handle_t;

/* ---- Key lifetimes (spec 9.6) ---- */
typedef uint32_t psa_key_lifetime_t;
typedef uint8_t psa_key_persistence_t;
typedef uint32_t psa_key_location_t;

/* ---- Key policies (spec 9.8) ---- */
typedef uint32_t psa_key_usage_t;

/* ---- Key attributes (spec 9.1): opaque, see psa/crypto_struct.h ---- */
typedef struct psa_key_attributes_s psa_key_attributes_t;

/* ---- Custom key production parameters (spec 9.9) ---- */
typedef struct psa_custom_key_parameters_t {
    uint32_t flags;
} psa_custom_key_parameters_t;

/* PSA_CUSTOM_KEY_PARAMETERS_INIT: the default production parameters. */
#define PSA_CUSTOM_KEY_PARAMETERS_INIT { 0 }

/* ---- Key derivation (spec 10.8) ---- */
typedef uint16_t psa_key_derivation_step_t;

/* ---- PAKE (spec 10.13) ---- */
typedef uint32_t psa_pake_primitive_t;
typedef uint8_t psa_pake_primitive_type_t;
typedef uint8_t psa_pake_family_t;
typedef uint8_t psa_pake_role_t;
typedef uint8_t psa_pake_step_t;

/* ---- Operation objects: opaque, see psa/crypto_struct.h ---- */
typedef struct psa_hash_operation_s psa_hash_operation_t;
typedef struct psa_xof_operation_s psa_xof_operation_t;
typedef struct psa_mac_operation_s psa_mac_operation_t;
typedef struct psa_cipher_operation_s psa_cipher_operation_t;
typedef struct psa_aead_operation_s psa_aead_operation_t;
typedef struct psa_key_derivation_s psa_key_derivation_operation_t;
typedef struct psa_sign_operation_s psa_sign_operation_t;
typedef struct psa_verify_operation_s psa_verify_operation_t;
typedef struct psa_pake_cipher_suite_s psa_pake_cipher_suite_t;
typedef struct psa_pake_operation_s psa_pake_operation_t;

#ifdef __cplusplus
}
#endif

#endif /* PSA_CRYPTO_TYPES_H */
