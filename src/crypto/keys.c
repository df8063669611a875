/*
 * keys.c - key management: import, export, copy, generate, destroy, purge
 * and attribute queries, for the unstructured key types of this release,
 * volatile or persistent (default and read-only persistence).
 */
#include "core.h"
#include "dispatch.h"
#include "util.h"

/*
 * Key sizes are recorded in the 16-bit cit_bits (spec PSA_MAX_KEY_BITS is 0xfff8), and
 * AES keys (up to 32 bytes) are checked by type, not against CIT_MAX_KEY_BYTES, so the
 * CIT_MAX_KEY_BYTES buffers (kdf.c output_key, persist.c) must hold one.
 */
CIT_STATIC_ASSERT(CIT_MAX_KEY_BYTES >= 32u && CIT_MAX_KEY_BYTES <= 0xfff8u / 8u,
                  max_key_bytes_fit_key_bits);

/* see core.h */
int cit_key_type_is_unstructured(psa_key_type_t type)
{
    switch (type) {
    case PSA_KEY_TYPE_RAW_DATA:
    case PSA_KEY_TYPE_HMAC:
    case PSA_KEY_TYPE_DERIVE:
    case PSA_KEY_TYPE_PASSWORD:
    case PSA_KEY_TYPE_PASSWORD_HASH:
    case PSA_KEY_TYPE_PEPPER:
    case PSA_KEY_TYPE_AES:
        return 1;
    default:
        return 0;
    }
}

/* Is an unstructured type wanted in this build? */
static int type_wanted(psa_key_type_t type)
{
    switch (type) {
#if defined(PSA_WANT_KEY_TYPE_RAW_DATA)
    case PSA_KEY_TYPE_RAW_DATA:
#endif
#if defined(PSA_WANT_KEY_TYPE_HMAC)
    case PSA_KEY_TYPE_HMAC:
#endif
#if defined(PSA_WANT_KEY_TYPE_DERIVE)
    case PSA_KEY_TYPE_DERIVE:
#endif
#if defined(PSA_WANT_KEY_TYPE_PASSWORD)
    case PSA_KEY_TYPE_PASSWORD:
#endif
#if defined(PSA_WANT_KEY_TYPE_PASSWORD_HASH)
    case PSA_KEY_TYPE_PASSWORD_HASH:
#endif
#if defined(PSA_WANT_KEY_TYPE_PEPPER)
    case PSA_KEY_TYPE_PEPPER:
#endif
#if defined(PSA_WANT_KEY_TYPE_AES)
    case PSA_KEY_TYPE_AES:
#endif
        return 1;
    default:
        return 0;
    }
}

/* see core.h */
psa_status_t cit_key_type_check_bits(psa_key_type_t type, size_t bits)
{
    if (type == PSA_KEY_TYPE_NONE) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    if (!cit_key_type_is_unstructured(type) || !type_wanted(type)) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    if (bits == 0 || bits % 8 != 0) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    if (type == PSA_KEY_TYPE_AES) {
        if (bits == 128 || bits == 192 || bits == 256) {
            return PSA_SUCCESS;
        }
        /* Double-length keys (AES-XTS) are valid but not built yet. */
        return (bits == 384 || bits == 512) ? PSA_ERROR_NOT_SUPPORTED
                                            : PSA_ERROR_INVALID_ARGUMENT;
    }
    if (bits > 8u * CIT_MAX_KEY_BYTES) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    return PSA_SUCCESS;
}

/*
 * Validates the lifetime/id part of creation attributes: volatile keys have
 * no id; persistent keys (default or read-only persistence, local storage)
 * need an id in the application range.
 */
static psa_status_t check_lifetime(const psa_key_attributes_t *attr)
{
    psa_key_lifetime_t lt = attr->cit_lifetime;
    psa_key_persistence_t persistence = PSA_KEY_LIFETIME_GET_PERSISTENCE(lt);

    if (PSA_KEY_LIFETIME_GET_LOCATION(lt) != PSA_KEY_LOCATION_LOCAL_STORAGE) {
        /* No secure-element driver in this build. */
        return PSA_ERROR_NOT_SUPPORTED;
    }
    if (persistence == PSA_KEY_PERSISTENCE_VOLATILE) {
        return attr->cit_id == PSA_KEY_ID_NULL ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
    }
    if (persistence != PSA_KEY_PERSISTENCE_DEFAULT &&
        persistence != PSA_KEY_PERSISTENCE_READ_ONLY) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    if (attr->cit_id < PSA_KEY_ID_USER_MIN || attr->cit_id > PSA_KEY_ID_USER_MAX) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    return PSA_SUCCESS;
}

/* see core.h */
psa_status_t cit_key_creation_check(const psa_key_attributes_t *attr)
{
    psa_status_t status = check_lifetime(attr);

    if (status == PSA_SUCCESS && !PSA_KEY_LIFETIME_IS_VOLATILE(attr->cit_lifetime)) {
        status = cit_persist_exists(cit_core_owner(), attr->cit_id);
        if (status == PSA_SUCCESS) {
            return PSA_ERROR_ALREADY_EXISTS;
        }
        if (status == PSA_ERROR_DOES_NOT_EXIST) {
            status = PSA_SUCCESS;
        }
    }
    return status;
}

/* Creates a key from material; *key is set on success only. */
static psa_status_t create_key(const psa_key_attributes_t *attr, const uint8_t *data,
                               size_t data_length, int random, psa_key_id_t *key)
{
    psa_key_attributes_t stored = *attr;
    cit_slot_t *slot;
    psa_status_t status;

    stored.cit_bits = (uint16_t)(data_length * 8);
    stored.cit_usage = cit_usage_with_implied(attr->cit_usage);
    if (PSA_KEY_LIFETIME_IS_VOLATILE(stored.cit_lifetime)) {
        stored.cit_id = PSA_KEY_ID_NULL;
    }
    status = cit_slot_create(&stored, data_length, &slot);
    if (status != PSA_SUCCESS) {
        return status;
    }
    if (random) {
        status = psa_generate_random(slot->material, data_length);
        if (status != PSA_SUCCESS) {
            cit_slot_abandon(slot);
            return status;
        }
    } else {
        memcpy(slot->material, data, data_length);
    }
    return cit_slot_commit(slot, key);
}

psa_status_t psa_import_key(const psa_key_attributes_t *attributes, const uint8_t *data,
                            size_t data_length, psa_key_id_t *key)
{
    psa_status_t status;

    if (key == NULL || attributes == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    *key = PSA_KEY_ID_NULL;
    if (!cit_core_initialized()) {
        return PSA_ERROR_BAD_STATE;
    }
    if (data_length == 0 || data == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    status = check_lifetime(attributes);
    if (status != PSA_SUCCESS) {
        return status;
    }
    if (data_length > CIT_MAX_KEY_BYTES) {
        return cit_key_type_is_unstructured(attributes->cit_type) ? PSA_ERROR_NOT_SUPPORTED
                                                                 : PSA_ERROR_INVALID_ARGUMENT;
    }
    status = cit_key_type_check_bits(attributes->cit_type, data_length * 8);
    if (status != PSA_SUCCESS) {
        return status;
    }
    if (attributes->cit_bits != 0 && attributes->cit_bits != data_length * 8) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    return create_key(attributes, data, data_length, 0, key);
}

psa_status_t psa_generate_key_custom(const psa_key_attributes_t *attributes,
                                     const psa_custom_key_parameters_t *custom,
                                     const uint8_t *custom_data, size_t custom_data_length,
                                     psa_key_id_t *key)
{
    psa_status_t status;
    size_t bits;

    (void)custom_data;
    if (key == NULL || attributes == NULL || custom == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    *key = PSA_KEY_ID_NULL;
    if (!cit_core_initialized()) {
        return PSA_ERROR_BAD_STATE;
    }
    /* Unstructured key types take no production parameters. */
    if (custom->flags != 0 || custom_data_length != 0) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    status = check_lifetime(attributes);
    if (status != PSA_SUCCESS) {
        return status;
    }
    bits = attributes->cit_bits;
    status = cit_key_type_check_bits(attributes->cit_type, bits);
    if (status != PSA_SUCCESS) {
        return status;
    }
    return create_key(attributes, NULL, bits / 8, 1, key);
}

psa_status_t psa_generate_key(const psa_key_attributes_t *attributes, psa_key_id_t *key)
{
    const psa_custom_key_parameters_t dflt = PSA_CUSTOM_KEY_PARAMETERS_INIT;

    return psa_generate_key_custom(attributes, &dflt, NULL, 0, key);
}

psa_status_t psa_export_key(psa_key_id_t key, uint8_t *data, size_t data_size,
                            size_t *data_length)
{
    cit_slot_t *slot;
    psa_status_t status;

    if (data_length == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    *data_length = 0;
    if (!cit_core_initialized()) {
        return PSA_ERROR_BAD_STATE;
    }
    status = cit_slot_acquire(key, &slot);
    if (status != PSA_SUCCESS) {
        return status;
    }
    if ((slot->attr.cit_usage & PSA_KEY_USAGE_EXPORT) == 0) {
        status = PSA_ERROR_NOT_PERMITTED;
    } else if (data_size < slot->material_len || data == NULL) {
        status = PSA_ERROR_BUFFER_TOO_SMALL;
    } else {
        memcpy(data, slot->material, slot->material_len);
        *data_length = slot->material_len;
    }
    cit_slot_release(slot);
    return status;
}

psa_status_t psa_export_public_key(psa_key_id_t key, uint8_t *data, size_t data_size,
                                   size_t *data_length)
{
    cit_slot_t *slot;
    psa_status_t status;

    (void)data, (void)data_size;
    if (data_length == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    *data_length = 0;
    if (!cit_core_initialized()) {
        return PSA_ERROR_BAD_STATE;
    }
    status = cit_slot_acquire(key, &slot);
    if (status != PSA_SUCCESS) {
        return status;
    }
    /* Every key type of this release is symmetric: there is no public part. */
    status = PSA_ERROR_INVALID_ARGUMENT;
    cit_slot_release(slot);
    return status;
}

psa_status_t psa_copy_key(psa_key_id_t source_key, const psa_key_attributes_t *attributes,
                          psa_key_id_t *target_key)
{
    cit_slot_t *src;
    psa_key_attributes_t attr;
    psa_status_t status;

    if (target_key == NULL || attributes == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    *target_key = PSA_KEY_ID_NULL;
    if (!cit_core_initialized()) {
        return PSA_ERROR_BAD_STATE;
    }
    status = cit_slot_acquire(source_key, &src);
    if (status != PSA_SUCCESS) {
        return status;
    }
    attr = *attributes;
    if ((src->attr.cit_usage & PSA_KEY_USAGE_COPY) == 0) {
        status = PSA_ERROR_NOT_PERMITTED;
        goto exit;
    }
    if ((attr.cit_type != PSA_KEY_TYPE_NONE && attr.cit_type != src->attr.cit_type) ||
        (attr.cit_bits != 0 && attr.cit_bits != src->attr.cit_bits)) {
        status = PSA_ERROR_INVALID_ARGUMENT;
        goto exit;
    }
    status = check_lifetime(&attr);
    if (status != PSA_SUCCESS) {
        goto exit;
    }
    status = cit_policy_intersect(attr.cit_alg, src->attr.cit_alg, src->attr.cit_type,
                                  src->attr.cit_bits, &attr.cit_alg);
    if (status != PSA_SUCCESS) {
        goto exit;
    }
    attr.cit_type = src->attr.cit_type;
    attr.cit_usage = cit_usage_with_implied(attr.cit_usage) & src->attr.cit_usage;
    status = create_key(&attr, src->material, src->material_len, 0, target_key);
exit:
    cit_slot_release(src);
    return status;
}

psa_status_t psa_destroy_key(psa_key_id_t key)
{
    if (key == PSA_KEY_ID_NULL) {
        return PSA_SUCCESS;
    }
    if (!cit_core_initialized()) {
        return PSA_ERROR_BAD_STATE;
    }
    return cit_slot_destroy(key);
}

psa_status_t psa_purge_key(psa_key_id_t key)
{
    if (!cit_core_initialized()) {
        return PSA_ERROR_BAD_STATE;
    }
    return cit_slot_purge(key);
}

psa_status_t psa_get_key_attributes(psa_key_id_t key, psa_key_attributes_t *attributes)
{
    cit_slot_t *slot;
    psa_status_t status;

    if (attributes == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    psa_reset_key_attributes(attributes);
    if (!cit_core_initialized()) {
        return PSA_ERROR_BAD_STATE;
    }
    status = cit_slot_acquire(key, &slot);
    if (status != PSA_SUCCESS) {
        return status;
    }
    *attributes = slot->attr;
    cit_slot_release(slot);
    return PSA_SUCCESS;
}
