/*
 * its.c - the Internal Trusted Storage API (Secure Storage API 1.0, 5.3)
 * over the object store: space CIT_SPACE_ITS, owner = the caller.
 *
 * Flags: PSA_STORAGE_FLAG_WRITE_ONCE is honoured (the store refuses to
 * replace or remove such an object). NO_CONFIDENTIALITY and
 * NO_REPLAY_PROTECTION are accepted and ignored, as the specification
 * permits for ITS (2.4): every object gets the full protection of the
 * medium, and psa_its_get_info reports the protection applied, so those two
 * bits are not recorded. Any other bit is PSA_ERROR_NOT_SUPPORTED.
 *
 * Sizes: an object larger than CIT_STORE_MAX_OBJECT_SIZE, or one that does
 * not fit in CIT_STORE_CAPACITY, is PSA_ERROR_INSUFFICIENT_STORAGE.
 */
#include "psa/internal_trusted_storage.h"

#include "storage.h"

#define ITS_ACCEPTED_FLAGS                                                   \
    (PSA_STORAGE_FLAG_WRITE_ONCE | PSA_STORAGE_FLAG_NO_CONFIDENTIALITY |     \
     PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION)
#define ITS_RECORDED_FLAGS PSA_STORAGE_FLAG_WRITE_ONCE

static void its_key(psa_storage_uid_t uid, cit_store_key_t *key)
{
    key->space = CIT_SPACE_ITS;
    key->owner = cit_storage_caller();
    key->uid = uid;
}

/* buffer_ok: p may be NULL only for an empty buffer, and [p, p + len) must not wrap. */
static int buffer_ok(const void *p, size_t len)
{
    if (len == 0) {
        return 1;
    }
    return p != NULL && (uintptr_t)p + (len - 1) >= (uintptr_t)p;
}

psa_status_t psa_its_set(psa_storage_uid_t uid,
                         size_t data_length,
                         const void *p_data,
                         psa_storage_create_flags_t create_flags)
{
    cit_store_key_t key;

    if (uid == 0 || !buffer_ok(p_data, data_length)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    if ((create_flags & ~(psa_storage_create_flags_t)ITS_ACCEPTED_FLAGS) != 0) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    its_key(uid, &key);
    return cit_store_write(&key, create_flags & ITS_RECORDED_FLAGS, (const uint8_t *)p_data,
                           data_length);
}

psa_status_t psa_its_get(psa_storage_uid_t uid,
                         size_t data_offset,
                         size_t data_size,
                         void *p_data,
                         size_t *p_data_length)
{
    cit_store_key_t key;

    if (uid == 0 || p_data_length == NULL || !buffer_ok(p_data, data_size)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    its_key(uid, &key);
    return cit_store_get(&key, data_offset, (uint8_t *)p_data, data_size, p_data_length);
}

psa_status_t psa_its_get_info(psa_storage_uid_t uid, struct psa_storage_info_t *p_info)
{
    cit_store_key_t key;
    uint32_t flags;
    size_t size;
    psa_status_t status;

    if (uid == 0 || p_info == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    its_key(uid, &key);
    status = cit_store_info(&key, &flags, &size);
    if (status == PSA_SUCCESS) {
        p_info->capacity = size;
        p_info->size = size;
        p_info->flags = flags;
    }
    return status;
}

psa_status_t psa_its_remove(psa_storage_uid_t uid)
{
    cit_store_key_t key;

    if (uid == 0) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    its_key(uid, &key);
    return cit_store_remove(&key);
}
