/*
 * persist.c - the persistent key record format and its storage.
 *
 * A persistent key is one object in the object store, space CIT_SPACE_KEYS,
 * named (owner, key id). The record is versioned:
 *
 *   offset size  field
 *        0    4  magic "CITK"
 *        4    2  format version (1), little-endian like every field below
 *        6    2  reserved, 0
 *        8    2  key type
 *       10    2  key bits
 *       12    4  lifetime
 *       16    4  usage flags
 *       20    4  permitted algorithm
 *       24    4  material length
 *       28    n  key material (export format)
 *
 * The store checks each object's integrity (DATA_CORRUPT); a record that is
 * intact but not one this code wrote (bad magic, version, lengths or
 * attributes) is PSA_ERROR_DATA_INVALID.
 */
#include "core.h"
#include "storage/storage.h"
#include "util.h"

#define RECORD_MAGIC 0x4b544943u /* "CITK" read as little-endian */
#define RECORD_VERSION 1u
#define HEADER_SIZE 28u

static void record_key(cit_owner_t owner, psa_key_id_t id, cit_store_key_t *key)
{
    key->space = CIT_SPACE_KEYS;
    key->owner = owner;
    key->uid = id;
}

static void put16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static uint32_t get16(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8);
}

/* see core.h */
psa_status_t cit_persist_write(cit_owner_t owner, const psa_key_attributes_t *attr,
                               const uint8_t *material, size_t len)
{
    uint8_t record[HEADER_SIZE + CIT_MAX_KEY_BYTES];
    cit_store_key_t key;
    psa_status_t status;

    if (len > CIT_MAX_KEY_BYTES) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    cit_store_le32(record, RECORD_MAGIC);
    put16(record + 4, RECORD_VERSION);
    put16(record + 6, 0);
    put16(record + 8, attr->cit_type);
    put16(record + 10, attr->cit_bits);
    cit_store_le32(record + 12, attr->cit_lifetime);
    cit_store_le32(record + 16, attr->cit_usage);
    cit_store_le32(record + 20, attr->cit_alg);
    cit_store_le32(record + 24, (uint32_t)len);
    memcpy(record + HEADER_SIZE, material, len);
    record_key(owner, attr->cit_id, &key);
    status = cit_store_write(&key, 0, record, HEADER_SIZE + len);
    cit_zeroize(record, sizeof(record));
    return status;
}

/* see core.h */
psa_status_t cit_persist_load(cit_owner_t owner, psa_key_id_t id, psa_key_attributes_t *attr,
                              uint8_t *material, size_t material_size, size_t *len)
{
    uint8_t record[HEADER_SIZE + CIT_MAX_KEY_BYTES];
    cit_store_key_t key;
    uint32_t flags;
    size_t size, material_len;
    psa_status_t status;

    record_key(owner, id, &key);
    status = cit_store_info(&key, &flags, &size);
    if (status == PSA_ERROR_DOES_NOT_EXIST) {
        return PSA_ERROR_INVALID_HANDLE;
    }
    if (status != PSA_SUCCESS) {
        return status;
    }
    if (size < HEADER_SIZE || size > sizeof(record)) {
        return PSA_ERROR_DATA_INVALID;
    }
    /* One read of the whole record: header and material come from the same version. */
    status = cit_store_read(&key, 0, record, size);
    if (status != PSA_SUCCESS) {
        goto exit;
    }
    status = PSA_ERROR_DATA_INVALID;
    material_len = cit_load_le32(record + 24);
    if (cit_load_le32(record) != RECORD_MAGIC || get16(record + 4) != RECORD_VERSION ||
        material_len != size - HEADER_SIZE || material_len > material_size) {
        goto exit;
    }
    psa_reset_key_attributes(attr);
    attr->cit_type = (psa_key_type_t)get16(record + 8);
    attr->cit_bits = (uint16_t)get16(record + 10);
    attr->cit_lifetime = cit_load_le32(record + 12);
    attr->cit_usage = cit_load_le32(record + 16);
    attr->cit_alg = cit_load_le32(record + 20);
    attr->cit_id = id;
    if (PSA_KEY_LIFETIME_IS_VOLATILE(attr->cit_lifetime) ||
        PSA_KEY_LIFETIME_GET_LOCATION(attr->cit_lifetime) != PSA_KEY_LOCATION_LOCAL_STORAGE ||
        attr->cit_bits != material_len * 8 ||
        cit_key_type_check_bits(attr->cit_type, attr->cit_bits) != PSA_SUCCESS) {
        goto exit;
    }
    memcpy(material, record + HEADER_SIZE, material_len);
    *len = material_len;
    status = PSA_SUCCESS;
exit:
    cit_zeroize(record, sizeof(record));
    return status;
}

/* see core.h */
psa_status_t cit_persist_exists(cit_owner_t owner, psa_key_id_t id)
{
    cit_store_key_t key;
    uint32_t flags;
    size_t size;

    record_key(owner, id, &key);
    return cit_store_info(&key, &flags, &size);
}

/* see core.h */
psa_status_t cit_persist_remove(cit_owner_t owner, psa_key_id_t id)
{
    cit_store_key_t key;

    record_key(owner, id, &key);
    return cit_store_remove(&key);
}
