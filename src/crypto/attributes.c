/*
 * attributes.c - the key attribute accessors and the PAKE cipher-suite
 * accessors (plain data; no key store access).
 */
#include "core.h"

void psa_set_key_id(psa_key_attributes_t *attributes, psa_key_id_t id)
{
    attributes->cit_id = id;
    /* Setting an id makes a volatile key persistent (spec 9.5). */
    if (PSA_KEY_LIFETIME_IS_VOLATILE(attributes->cit_lifetime)) {
        attributes->cit_lifetime = PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
            PSA_KEY_PERSISTENCE_DEFAULT, PSA_KEY_LIFETIME_GET_LOCATION(attributes->cit_lifetime));
    }
}

psa_key_id_t psa_get_key_id(const psa_key_attributes_t *attributes)
{
    return attributes->cit_id;
}

void psa_set_key_lifetime(psa_key_attributes_t *attributes, psa_key_lifetime_t lifetime)
{
    attributes->cit_lifetime = lifetime;
    /* A volatile lifetime clears the id (spec 9.5). */
    if (PSA_KEY_LIFETIME_IS_VOLATILE(lifetime)) {
        attributes->cit_id = PSA_KEY_ID_NULL;
    }
}

psa_key_lifetime_t psa_get_key_lifetime(const psa_key_attributes_t *attributes)
{
    return attributes->cit_lifetime;
}

void psa_set_key_type(psa_key_attributes_t *attributes, psa_key_type_t type)
{
    attributes->cit_type = type;
}

psa_key_type_t psa_get_key_type(const psa_key_attributes_t *attributes)
{
    return attributes->cit_type;
}

void psa_set_key_bits(psa_key_attributes_t *attributes, size_t bits)
{
    /* Sizes beyond the field are recorded as an impossible value and rejected at use. */
    attributes->cit_bits = bits > 0xfffeu ? (uint16_t)0xffffu : (uint16_t)bits;
}

size_t psa_get_key_bits(const psa_key_attributes_t *attributes)
{
    return attributes->cit_bits;
}

void psa_set_key_usage_flags(psa_key_attributes_t *attributes, psa_key_usage_t usage_flags)
{
    attributes->cit_usage = usage_flags;
}

psa_key_usage_t psa_get_key_usage_flags(const psa_key_attributes_t *attributes)
{
    return attributes->cit_usage;
}

void psa_set_key_algorithm(psa_key_attributes_t *attributes, psa_algorithm_t alg)
{
    attributes->cit_alg = alg;
}

psa_algorithm_t psa_get_key_algorithm(const psa_key_attributes_t *attributes)
{
    return attributes->cit_alg;
}

void psa_reset_key_attributes(psa_key_attributes_t *attributes)
{
    const psa_key_attributes_t init = PSA_KEY_ATTRIBUTES_INIT;

    *attributes = init;
}

/* ---- PAKE cipher suites ---- */

psa_algorithm_t psa_pake_cs_get_algorithm(const psa_pake_cipher_suite_t *cipher_suite)
{
    return cipher_suite->cit_alg;
}

void psa_pake_cs_set_algorithm(psa_pake_cipher_suite_t *cipher_suite, psa_algorithm_t alg)
{
    cipher_suite->cit_alg = alg;
}

psa_pake_primitive_t psa_pake_cs_get_primitive(const psa_pake_cipher_suite_t *cipher_suite)
{
    return cipher_suite->cit_primitive;
}

void psa_pake_cs_set_primitive(psa_pake_cipher_suite_t *cipher_suite,
                               psa_pake_primitive_t primitive)
{
    cipher_suite->cit_primitive = primitive;
}

uint32_t psa_pake_cs_get_key_confirmation(const psa_pake_cipher_suite_t *cipher_suite)
{
    return cipher_suite->cit_key_confirmation;
}

void psa_pake_cs_set_key_confirmation(psa_pake_cipher_suite_t *cipher_suite,
                                      uint32_t key_confirmation)
{
    cipher_suite->cit_key_confirmation = key_confirmation;
}
