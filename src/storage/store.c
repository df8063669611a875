/*
 * store.c - the object store: (space, owner, uid) objects over the active
 * backend, with the checks every user of the medium relies on.
 *
 * - One storage lock (cit_platform_storage_lock) is held for each whole
 *   operation, so a check and the change it guards (write-once, capacity)
 *   are one atomic step, and a reader never sees a half-made change.
 * - Capacity: every live object is charged its payload plus
 *   CIT_STORE_OBJECT_CHARGE bytes; a write that would take the total beyond
 *   CIT_STORE_CAPACITY fails with PSA_ERROR_INSUFFICIENT_STORAGE before the
 *   medium is touched. A replaced object's charge is given back.
 * - Write-once objects can be neither replaced nor removed.
 * - The medium is the one set with cit_store_set_backend, else the
 *   platform default, opened on first use.
 */
#include "storage.h"

#include "core.h"
#include "platform/platform.h"
#include "util.h"

CIT_STATIC_ASSERT(CIT_STORE_MAX_OBJECT_SIZE <= 0xffffffffu, max_object_fits_32_bits);
CIT_STATIC_ASSERT(CIT_STORE_OBJECT_CHARGE <= CIT_STORE_CAPACITY, charge_below_capacity);

/* The selected medium; ops == NULL until one is selected or the default is opened. */
static cit_store_backend_t active;

static int backend_complete(const cit_store_backend_t *b)
{
    return b != NULL && b->ops != NULL && b->ops->info != NULL && b->ops->read != NULL &&
           b->ops->write != NULL && b->ops->remove != NULL && b->ops->used != NULL;
}

/* current returns the medium to use (storage lock held), or NULL if there is none. */
static const cit_store_backend_t *current(void)
{
    if (active.ops == NULL) {
        const cit_store_backend_t *def = cit_platform_store_default();

        if (!backend_complete(def)) {
            return NULL;
        }
        active = *def;
    }
    return &active;
}

/*
 * existing looks the object up: *exists and its flags and size, or the
 * error that prevents knowing them (DATA_CORRUPT, STORAGE_FAILURE).
 */
static psa_status_t existing(const cit_store_backend_t *b, const cit_store_key_t *key,
                             int *exists, uint32_t *flags, size_t *size)
{
    psa_status_t status = b->ops->info(b->ctx, key, flags, size);

    *exists = status == PSA_SUCCESS;
    if (status == PSA_ERROR_DOES_NOT_EXIST) {
        *flags = 0;
        *size = 0;
        status = PSA_SUCCESS;
    }
    return status;
}

/* fits: PSA_SUCCESS if replacing an object charged `old` by one of len bytes stays in capacity. */
static psa_status_t fits(const cit_store_backend_t *b, size_t old, size_t len)
{
    size_t used = 0;
    size_t others;
    psa_status_t status;

    if (len > CIT_STORE_MAX_OBJECT_SIZE) {
        return PSA_ERROR_INSUFFICIENT_STORAGE;
    }
    status = b->ops->used(b->ctx, &used);
    if (status != PSA_SUCCESS) {
        return status;
    }
    others = used >= old ? used - old : 0;
    if (len > CIT_STORE_CAPACITY - CIT_STORE_OBJECT_CHARGE ||
        others > CIT_STORE_CAPACITY - CIT_STORE_OBJECT_CHARGE - len) {
        return PSA_ERROR_INSUFFICIENT_STORAGE;
    }
    return PSA_SUCCESS;
}

/* see storage.h */
void cit_store_set_backend(const cit_store_backend_t *backend)
{
    cit_platform_storage_lock();
    if (backend_complete(backend)) {
        active = *backend;
    } else {
        /* NULL (or an incomplete medium): the platform default, at next use. */
        active.ops = NULL;
        active.ctx = NULL;
    }
    cit_platform_storage_unlock();
}

/* see storage.h */
psa_status_t cit_store_info(const cit_store_key_t *key, uint32_t *flags, size_t *size)
{
    const cit_store_backend_t *b;
    psa_status_t status;

    if (key == NULL || flags == NULL || size == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    cit_platform_storage_lock();
    b = current();
    status = b == NULL ? PSA_ERROR_STORAGE_FAILURE : b->ops->info(b->ctx, key, flags, size);
    cit_platform_storage_unlock();
    return status;
}

/* see storage.h */
psa_status_t cit_store_read(const cit_store_key_t *key, size_t offset, uint8_t *out, size_t len)
{
    const cit_store_backend_t *b;
    psa_status_t status = PSA_ERROR_STORAGE_FAILURE;
    uint32_t flags;
    size_t size;

    if (key == NULL || (out == NULL && len != 0)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    cit_platform_storage_lock();
    b = current();
    if (b != NULL) {
        status = b->ops->info(b->ctx, key, &flags, &size);
        if (status == PSA_SUCCESS && (offset > size || len > size - offset)) {
            status = PSA_ERROR_INVALID_ARGUMENT;
        }
        if (status == PSA_SUCCESS) {
            status = b->ops->read(b->ctx, key, offset, out, len);
        }
    }
    cit_platform_storage_unlock();
    return status;
}

/* see storage.h */
psa_status_t cit_store_get(const cit_store_key_t *key, size_t offset, uint8_t *out,
                           size_t out_size, size_t *out_length)
{
    const cit_store_backend_t *b;
    psa_status_t status = PSA_ERROR_STORAGE_FAILURE;
    uint32_t flags;
    size_t size;
    size_t n = 0;
    int attempt;

    if (key == NULL || out_length == NULL || (out == NULL && out_size != 0)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    cit_platform_storage_lock();
    b = current();
    /*
     * The range is checked against the size just read, so the read can only
     * find it invalid if another process sharing the medium replaced the
     * object in between: then look again.
     */
    for (attempt = 0; b != NULL && attempt < 4; attempt++) {
        status = b->ops->info(b->ctx, key, &flags, &size);
        if (status == PSA_SUCCESS && offset > size) {
            status = PSA_ERROR_INVALID_ARGUMENT;
            break;
        }
        if (status != PSA_SUCCESS) {
            break;
        }
        n = size - offset < out_size ? size - offset : out_size;
        status = b->ops->read(b->ctx, key, offset, n == 0 ? NULL : out, n);
        if (status != PSA_ERROR_INVALID_ARGUMENT) {
            break;
        }
    }
    cit_platform_storage_unlock();
    *out_length = status == PSA_SUCCESS ? n : 0;
    return status;
}

/* see storage.h */
psa_status_t cit_store_write(const cit_store_key_t *key, uint32_t flags, const uint8_t *data,
                             size_t len)
{
    const cit_store_backend_t *b;
    psa_status_t status = PSA_ERROR_STORAGE_FAILURE;
    uint32_t old_flags;
    size_t old_size;
    int exists;

    if (key == NULL || (data == NULL && len != 0)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    cit_platform_storage_lock();
    b = current();
    if (b != NULL) {
        status = existing(b, key, &exists, &old_flags, &old_size);
        if (status == PSA_SUCCESS && (old_flags & PSA_STORAGE_FLAG_WRITE_ONCE) != 0) {
            status = PSA_ERROR_NOT_PERMITTED;
        }
        if (status == PSA_SUCCESS) {
            status = fits(b, exists ? old_size + CIT_STORE_OBJECT_CHARGE : 0, len);
        }
        if (status == PSA_SUCCESS) {
            status = b->ops->write(b->ctx, key, flags, data, len);
        }
    }
    cit_platform_storage_unlock();
    return status;
}

/* see storage.h */
psa_status_t cit_store_remove(const cit_store_key_t *key)
{
    const cit_store_backend_t *b;
    psa_status_t status = PSA_ERROR_STORAGE_FAILURE;
    uint32_t flags;
    size_t size;

    if (key == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    cit_platform_storage_lock();
    b = current();
    if (b != NULL) {
        status = b->ops->info(b->ctx, key, &flags, &size);
        if (status == PSA_ERROR_DATA_CORRUPT && key->space == CIT_SPACE_KEYS) {
            /*
             * Key records are never write-once (persist.c), so a record whose
             * metadata is damaged may go: psa_destroy_key must make a best
             * effort to erase the key material it still holds.
             */
            flags = 0;
            status = PSA_SUCCESS;
        }
        if (status == PSA_SUCCESS && (flags & PSA_STORAGE_FLAG_WRITE_ONCE) != 0) {
            status = PSA_ERROR_NOT_PERMITTED;
        }
        if (status == PSA_SUCCESS) {
            status = b->ops->remove(b->ctx, key);
        }
    }
    cit_platform_storage_unlock();
    return status;
}

/* see storage.h */
int32_t cit_storage_caller(void)
{
    return (int32_t)cit_core_owner();
}
