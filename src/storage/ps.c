/*
 * ps.c - the Protected Storage API (Secure Storage API 1.0, 5.4) over the
 * object store, using the PSA Crypto API like any client.
 *
 * Each object is sealed with AES-256-GCM under a key derived with
 * HKDF-SHA-256 from the platform's hardware unique key, per owner, per uid
 * and per write (a random 16-byte diversifier in the header), with a fresh
 * random 12-byte nonce. The header is the associated data; it binds the
 * owner, uid, flags, size and capacity. PSA_STORAGE_FLAG_NO_CONFIDENTIALITY
 * stores the data in clear but still authenticates it (GMAC: the data is
 * associated data too). The sealed object is stored in CIT_SPACE_PS under
 * (owner, uid). Format and reasoning: docs/storage.md, "Protected Storage".
 *
 * Replay protection: a rollback record in CIT_SPACE_PS_META (the trusted,
 * internal side) names the GCM tag of the one sealed object that may be
 * read, plus at most one pending tag while a write is under way. A set
 * writes the record with the new tag pending, then the object, then the
 * record with the new tag alone; a power loss at any point leaves the old
 * or the new object readable, and the first access afterwards settles the
 * record (the other one is refused from then on). The tags come from
 * per-write keys and nonces, so they never repeat, even for a uid that was
 * removed and created again. NO_REPLAY_PROTECTION objects have no record.
 *
 * Errors: an object that fails its AEAD check (changed, or copied from
 * another owner or uid) is PSA_ERROR_INVALID_SIGNATURE; an authentic object
 * that is not the one its rollback record names (an older version put
 * back), or a malformed object or record, is PSA_ERROR_DATA_CORRUPT.
 *
 * Memory: no heap. Sealing and opening work in place in one static buffer
 * of CIT_STORE_MAX_OBJECT_SIZE bytes, guarded by the platform's PS lock,
 * which is held for each whole call (so every call is atomic with respect
 * to the others, also across processes on Linux). The buffer is wiped at
 * the end of every call.
 *
 * Files: this one holds the API, the call frame, opening an object and the
 * three-step commit; ps_seal.c the sealed object format, keys and AEAD;
 * ps_rollback.c the rollback record; ps_int.h what they share.
 */
#include "psa/protected_storage.h"

#include "platform/platform.h"
#include "ps_int.h"
#include "util.h"

/* The work buffer: one sealed object (header, body, tag). Guarded by the PS lock. */
static uint8_t ps_buf[CIT_STORE_MAX_OBJECT_SIZE];
static size_t ps_buf_used; /* bytes of ps_buf to wipe at the end of the call */

/* ---- Helpers ---- */

/* buffer_ok: p may be NULL only for an empty buffer, and [p, p + len) must not wrap. */
static int buffer_ok(const void *p, size_t len)
{
    if (len == 0) {
        return 1;
    }
    return p != NULL && (uintptr_t)p + (len - 1) >= (uintptr_t)p;
}

/* ps_extent records that ps_buf holds data up to len bytes (wiped at the end of the call). */
static void ps_extent(size_t len)
{
    if (len > ps_buf_used) {
        ps_buf_used = len;
    }
}

/* ---- Open and commit ---- */

/*
 * ps_open reads, authenticates and decrypts the current object into ps_buf
 * (body at PS_HDR_LEN) and checks and settles its rollback record.
 * DOES_NOT_EXIST if there is no object (a leftover record is removed).
 */
static psa_status_t ps_open(cit_ps_ctx_t *ctx)
{
    cit_store_key_t key;
    uint32_t store_flags;
    size_t sealed_len;
    psa_status_t status;

    ctx->exists = 0;
    cit_ps_store_key(ctx, CIT_SPACE_PS, &key);
    status = cit_store_info(&key, &store_flags, &sealed_len);
    if (status == PSA_ERROR_DOES_NOT_EXIST) {
        /* A record without object: a remove or a first write was interrupted. */
        status = cit_ps_rr_remove(ctx);
        return status == PSA_SUCCESS ? PSA_ERROR_DOES_NOT_EXIST : status;
    }
    if (status != PSA_SUCCESS) {
        return status;
    }
    if (sealed_len < PS_OVERHEAD || sealed_len > sizeof(ps_buf)) {
        return PSA_ERROR_DATA_CORRUPT;
    }
    ps_extent(sealed_len);
    status = cit_store_read(&key, 0, ps_buf, sealed_len);
    if (status == PSA_SUCCESS) {
        status = cit_ps_unseal(ctx, ps_buf, sealed_len);
    }
    if (status != PSA_SUCCESS) {
        return status;
    }
    status = cit_ps_rr_check(ctx);
    if (status == PSA_SUCCESS) {
        ctx->exists = 1;
    }
    return status;
}

/*
 * ps_settle is called when writing the object failed, which may or may not
 * have replaced it: it looks at the tag of the object on the medium and
 * makes the record name that object alone (the old or the new one). If it
 * cannot tell, the pending record stays: it is safe, and the next access
 * settles it.
 */
static void ps_settle(const cit_ps_ctx_t *ctx, uint32_t flags, const uint8_t tag[PS_TAG_LEN])
{
    cit_store_key_t key;
    uint8_t found[PS_TAG_LEN];
    uint32_t store_flags;
    size_t len;
    psa_status_t status;

    cit_ps_store_key(ctx, CIT_SPACE_PS, &key);
    status = cit_store_info(&key, &store_flags, &len);
    if (status == PSA_ERROR_DOES_NOT_EXIST && !ctx->exists) {
        (void)cit_ps_rr_remove(ctx);
        return;
    }
    if (status != PSA_SUCCESS || len < PS_OVERHEAD ||
        cit_store_read(&key, len - PS_TAG_LEN, found, PS_TAG_LEN) != PSA_SUCCESS) {
        return;
    }
    if (cit_ps_tags_equal(found, tag)) {
        /* The new object is in place. */
        (void)((flags & PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION) == 0
                   ? cit_ps_rr_write(ctx, tag, NULL)
                   : cit_ps_rr_remove(ctx));
    } else if (ctx->exists && cit_ps_tags_equal(found, ctx->tag)) {
        /* The old object is still in place. */
        (void)((ctx->flags & PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION) == 0
                   ? cit_ps_rr_write(ctx, ctx->tag, NULL)
                   : cit_ps_rr_remove(ctx));
    }
}

/*
 * ps_commit replaces the current object (ctx, with its settled record) by
 * the sealed object in ps_buf, so that a power loss at any point leaves
 * the old or the new object readable, and never both:
 *   1. record: current tag committed, new tag pending (if either object is
 *      replay-protected);
 *   2. the object;
 *   3. record: new tag committed alone (or removed if the new object has no
 *      replay protection).
 * Until step 3, the old object stays readable; from step 2, the new one.
 */
static psa_status_t ps_commit(const cit_ps_ctx_t *ctx, uint32_t flags, size_t capacity,
                              const uint8_t tag[PS_TAG_LEN])
{
    int new_protected = (flags & PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION) == 0;
    int old_protected = ctx->exists && (ctx->flags & PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION) == 0;
    int anchored = new_protected || old_protected;
    cit_store_key_t key;
    psa_status_t status;

    if (anchored) {
        status = cit_ps_rr_write(ctx, ctx->exists ? ctx->tag : NULL, tag);
        if (status != PSA_SUCCESS) {
            return status;
        }
    }
    cit_ps_store_key(ctx, CIT_SPACE_PS, &key);
    status = cit_store_write(&key, flags & PSA_STORAGE_FLAG_WRITE_ONCE, ps_buf,
                             PS_OVERHEAD + capacity);
    if (status != PSA_SUCCESS) {
        if (anchored) {
            ps_settle(ctx, flags, tag);
        }
        return status;
    }
    if (!anchored) {
        return PSA_SUCCESS;
    }
    return new_protected ? cit_ps_rr_write(ctx, tag, NULL) : cit_ps_rr_remove(ctx);
}

/* ---- Call frame ---- */

static psa_status_t ps_begin(cit_ps_ctx_t *ctx, psa_storage_uid_t uid)
{
    psa_status_t status;

    memset(ctx, 0, sizeof(*ctx));
    ctx->owner = cit_storage_caller();
    ctx->uid = uid;
    if (cit_platform_ps_lock() != 0) {
        return PSA_ERROR_STORAGE_FAILURE;
    }
    ps_buf_used = 0;
    /* PS is a client of the Crypto API; initialising again is harmless. */
    status = psa_crypto_init();
    if (status != PSA_SUCCESS) {
        cit_platform_ps_unlock();
        return PSA_ERROR_GENERIC_ERROR;
    }
    return PSA_SUCCESS;
}

static psa_status_t ps_end(cit_ps_ctx_t *ctx, psa_status_t status)
{
    cit_zeroize(ps_buf, ps_buf_used);
    ps_buf_used = 0;
    cit_zeroize(ctx, sizeof(*ctx));
    cit_platform_ps_unlock();
    return status;
}

/* ps_store_write_once: NOT_PERMITTED if the store holds the object as write-once. */
static psa_status_t ps_store_write_once(const cit_ps_ctx_t *ctx)
{
    cit_store_key_t key;
    uint32_t flags = 0;
    size_t size = 0;
    psa_status_t status;

    cit_ps_store_key(ctx, CIT_SPACE_PS, &key);
    status = cit_store_info(&key, &flags, &size);
    if (status == PSA_SUCCESS && (flags & PSA_STORAGE_FLAG_WRITE_ONCE) != 0) {
        return PSA_ERROR_NOT_PERMITTED;
    }
    return status == PSA_ERROR_DOES_NOT_EXIST ? PSA_SUCCESS : status;
}

/*
 * ps_open_for_change opens the object a write will replace: SUCCESS with
 * ctx->exists 0 or 1, NOT_PERMITTED for a write-once object, or the error
 * that makes the current object unusable (it is then left as it is).
 */
static psa_status_t ps_open_for_change(cit_ps_ctx_t *ctx)
{
    psa_status_t status = ps_store_write_once(ctx);

    if (status == PSA_SUCCESS) {
        status = ps_open(ctx);
    }
    if (status == PSA_ERROR_DOES_NOT_EXIST) {
        return PSA_SUCCESS;
    }
    if (status == PSA_SUCCESS && (ctx->flags & PSA_STORAGE_FLAG_WRITE_ONCE) != 0) {
        return PSA_ERROR_NOT_PERMITTED;
    }
    return status;
}

/* ---- The API ---- */

psa_status_t psa_ps_set(psa_storage_uid_t uid,
                        size_t data_length,
                        const void *p_data,
                        psa_storage_create_flags_t create_flags)
{
    uint8_t tag[PS_TAG_LEN];
    cit_ps_ctx_t ctx;
    psa_status_t status;

    if (uid == 0 || !buffer_ok(p_data, data_length)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    if ((create_flags & ~(psa_storage_create_flags_t)PS_SUPPORTED_FLAGS) != 0) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    if (data_length > PS_MAX_DATA) {
        return PSA_ERROR_INSUFFICIENT_STORAGE;
    }
    status = ps_begin(&ctx, uid);
    if (status != PSA_SUCCESS) {
        return status;
    }
    status = ps_open_for_change(&ctx);
    if (status == PSA_SUCCESS) {
        ps_extent(PS_OVERHEAD + data_length);
        if (data_length > 0) {
            memcpy(ps_buf + PS_HDR_LEN, p_data, data_length);
        }
        status = cit_ps_seal(&ctx, ps_buf, create_flags, data_length, data_length, tag);
    }
    if (status == PSA_SUCCESS) {
        status = ps_commit(&ctx, create_flags, data_length, tag);
    }
    return ps_end(&ctx, status);
}

psa_status_t psa_ps_get(psa_storage_uid_t uid,
                        size_t data_offset,
                        size_t data_size,
                        void *p_data,
                        size_t *p_data_length)
{
    cit_ps_ctx_t ctx;
    size_t n = 0;
    psa_status_t status;

    if (p_data_length == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    *p_data_length = 0;
    if (uid == 0 || !buffer_ok(p_data, data_size)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    status = ps_begin(&ctx, uid);
    if (status != PSA_SUCCESS) {
        return status;
    }
    status = ps_open(&ctx);
    if (status == PSA_SUCCESS && data_offset > ctx.size) {
        status = PSA_ERROR_INVALID_ARGUMENT;
    }
    if (status == PSA_SUCCESS) {
        n = ctx.size - data_offset < data_size ? ctx.size - data_offset : data_size;
        if (n > 0) {
            memcpy(p_data, ps_buf + PS_HDR_LEN + data_offset, n);
        }
        *p_data_length = n;
    }
    return ps_end(&ctx, status);
}

psa_status_t psa_ps_get_info(psa_storage_uid_t uid, struct psa_storage_info_t *p_info)
{
    cit_ps_ctx_t ctx;
    psa_status_t status;

    if (uid == 0 || p_info == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    status = ps_begin(&ctx, uid);
    if (status != PSA_SUCCESS) {
        return status;
    }
    status = ps_open(&ctx);
    if (status == PSA_SUCCESS) {
        p_info->capacity = ctx.capacity;
        p_info->size = ctx.size;
        p_info->flags = ctx.flags;
    }
    return ps_end(&ctx, status);
}

psa_status_t psa_ps_remove(psa_storage_uid_t uid)
{
    cit_store_key_t key;
    cit_ps_ctx_t ctx;
    psa_status_t status;

    if (uid == 0) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    status = ps_begin(&ctx, uid);
    if (status != PSA_SUCCESS) {
        return status;
    }
    status = ps_store_write_once(&ctx);
    if (status == PSA_SUCCESS) {
        status = ps_open(&ctx);
        if (status == PSA_SUCCESS && (ctx.flags & PSA_STORAGE_FLAG_WRITE_ONCE) != 0) {
            status = PSA_ERROR_NOT_PERMITTED;
        }
        /*
         * An object that fails its checks can still be removed (remove is
         * the way to discard it); the store keeps write-once objects.
         */
        if (status == PSA_ERROR_INVALID_SIGNATURE || status == PSA_ERROR_DATA_CORRUPT) {
            status = PSA_SUCCESS;
        }
    }
    if (status == PSA_SUCCESS) {
        /* The object first: an interruption leaves a record, removed at next use. */
        cit_ps_store_key(&ctx, CIT_SPACE_PS, &key);
        status = cit_store_remove(&key);
    }
    if (status == PSA_SUCCESS) {
        status = cit_ps_rr_remove(&ctx);
    }
    return ps_end(&ctx, status);
}

psa_status_t psa_ps_create(psa_storage_uid_t uid,
                           size_t capacity,
                           psa_storage_create_flags_t create_flags)
{
    uint8_t tag[PS_TAG_LEN];
    cit_ps_ctx_t ctx;
    psa_status_t status;

    if (uid == 0) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    if ((create_flags & ~(psa_storage_create_flags_t)PS_SUPPORTED_FLAGS) != 0 ||
        (create_flags & PSA_STORAGE_FLAG_WRITE_ONCE) != 0) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    if (capacity > PS_MAX_DATA) {
        return PSA_ERROR_INSUFFICIENT_STORAGE;
    }
    status = ps_begin(&ctx, uid);
    if (status != PSA_SUCCESS) {
        return status;
    }
    status = ps_open(&ctx);
    if (status == PSA_ERROR_DOES_NOT_EXIST) {
        /* Reserve the capacity: a zero-filled body of that size. */
        ps_extent(PS_OVERHEAD + capacity);
        memset(ps_buf + PS_HDR_LEN, 0, capacity);
        status = cit_ps_seal(&ctx, ps_buf, create_flags, 0, capacity, tag);
        if (status == PSA_SUCCESS) {
            status = ps_commit(&ctx, create_flags, capacity, tag);
        }
    } else if (status == PSA_SUCCESS || status == PSA_ERROR_INVALID_SIGNATURE ||
               status == PSA_ERROR_DATA_CORRUPT) {
        status = PSA_ERROR_ALREADY_EXISTS;
    }
    return ps_end(&ctx, status);
}

psa_status_t psa_ps_set_extended(psa_storage_uid_t uid,
                                 size_t data_offset,
                                 size_t data_length,
                                 const void *p_data)
{
    uint8_t tag[PS_TAG_LEN];
    cit_ps_ctx_t ctx;
    size_t size;
    psa_status_t status;

    if (uid == 0 || !buffer_ok(p_data, data_length)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    status = ps_begin(&ctx, uid);
    if (status != PSA_SUCCESS) {
        return status;
    }
    status = ps_open_for_change(&ctx);
    if (status == PSA_SUCCESS && !ctx.exists) {
        status = PSA_ERROR_DOES_NOT_EXIST;
    }
    if (status == PSA_SUCCESS &&
        (data_offset > ctx.size || data_length > ctx.capacity - data_offset)) {
        status = PSA_ERROR_INVALID_ARGUMENT;
    }
    if (status == PSA_SUCCESS && data_length > 0) {
        memcpy(ps_buf + PS_HDR_LEN + data_offset, p_data, data_length);
        size = data_offset + data_length > ctx.size ? data_offset + data_length : ctx.size;
        status = cit_ps_seal(&ctx, ps_buf, ctx.flags, size, ctx.capacity, tag);
        if (status == PSA_SUCCESS) {
            status = ps_commit(&ctx, ctx.flags, ctx.capacity, tag);
        }
    }
    return ps_end(&ctx, status);
}

uint32_t psa_ps_get_support(void)
{
    return PSA_STORAGE_SUPPORT_SET_EXTENDED;
}
