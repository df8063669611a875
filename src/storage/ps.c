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
 */
#include "psa/protected_storage.h"

#include "psa/crypto.h"

#include "ct.h"
#include "platform/platform.h"
#include "storage.h"
#include "util.h"

/* ---- Sealed object format (big-endian) ---- */

#define PS_HDR_MAGIC 0u        /* "CTPS" */
#define PS_HDR_FORMAT 4u       /* PS_FORMAT */
#define PS_HDR_RESERVED 5u     /* 3 zero bytes */
#define PS_HDR_FLAGS 8u        /* psa_storage_create_flags_t */
#define PS_HDR_OWNER 12u       /* int32_t, two's complement */
#define PS_HDR_UID 16u         /* psa_storage_uid_t */
#define PS_HDR_SIZE_FIELD 24u  /* uint32_t: bytes of data */
#define PS_HDR_CAPACITY 28u    /* uint32_t: bytes of the body */
#define PS_HDR_DIVERSIFIER 32u /* 16 random bytes: HKDF info, per write */
#define PS_HDR_NONCE 48u       /* 12 random bytes: the GCM nonce */
#define PS_HDR_LEN 60u
#define PS_DIVERSIFIER_LEN 16u
#define PS_NONCE_LEN 12u
#define PS_TAG_LEN 16u
#define PS_FORMAT 1u
#define PS_OVERHEAD (PS_HDR_LEN + PS_TAG_LEN)
/* The largest capacity: the sealed object must fit the store. */
#define PS_MAX_DATA (CIT_STORE_MAX_OBJECT_SIZE - PS_OVERHEAD)

/* ---- Rollback record format ---- */

#define PS_RR_MAGIC 0u     /* "CTPR" */
#define PS_RR_FORMAT 4u    /* PS_FORMAT */
#define PS_RR_STATE 5u     /* PS_RR_COMMITTED | PS_RR_PENDING */
#define PS_RR_RESERVED 6u  /* 2 zero bytes */
#define PS_RR_COMMITTED_TAG 8u
#define PS_RR_PENDING_TAG 24u
#define PS_RR_LEN 40u
#define PS_RR_COMMITTED 0x01u
#define PS_RR_PENDING 0x02u

#define PS_SUPPORTED_FLAGS                                                   \
    (PSA_STORAGE_FLAG_WRITE_ONCE | PSA_STORAGE_FLAG_NO_CONFIDENTIALITY |     \
     PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION)

/* Bytes of body processed per AEAD update (through a stack buffer). */
#define PS_CHUNK 256u

CIT_STATIC_ASSERT(CIT_STORE_MAX_OBJECT_SIZE > PS_OVERHEAD, ps_overhead_fits);
CIT_STATIC_ASSERT(PS_MAX_DATA <= 0xffffffffu, ps_sizes_fit_32_bits);

static const uint8_t ps_magic[4] = { 'C', 'T', 'P', 'S' };
static const uint8_t ps_rr_magic[4] = { 'C', 'T', 'P', 'R' };
/* The HKDF salt: a fixed label naming this key hierarchy. */
static const uint8_t ps_label[] = { 'c', 'i', 't', 'a', 'd', 'e', 'l', '-',
                                    'p', 's', '-', 'v', '1' };

/* The work buffer: one sealed object (header, body, tag). Guarded by the PS lock. */
static uint8_t ps_buf[CIT_STORE_MAX_OBJECT_SIZE];
static size_t ps_buf_used; /* bytes of ps_buf to wipe at the end of the call */

/* What one call knows about its object. */
typedef struct {
    int32_t owner;
    psa_storage_uid_t uid;
    psa_key_id_t huk_key;      /* the HUK as a derivation key, or PSA_KEY_ID_NULL */
    int exists;                /* an authentic current object was opened into ps_buf */
    uint32_t flags;            /* of the opened object */
    size_t size;
    size_t capacity;
    uint8_t tag[PS_TAG_LEN];   /* of the opened object */
} ps_ctx_t;

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

static void ps_store_key(const ps_ctx_t *ctx, uint32_t space, cit_store_key_t *key)
{
    key->space = space;
    key->owner = ctx->owner;
    key->uid = ctx->uid;
}

/* ps_crypto_status maps a Crypto API failure to the statuses PS documents. */
static psa_status_t ps_crypto_status(psa_status_t status)
{
    if (status == PSA_SUCCESS || status == PSA_ERROR_INVALID_SIGNATURE ||
        status == PSA_ERROR_NOT_SUPPORTED) {
        return status;
    }
    return PSA_ERROR_GENERIC_ERROR;
}

static int tags_equal(const uint8_t *a, const uint8_t *b)
{
    return cit_ct_memcmp(a, b, PS_TAG_LEN) == 0;
}

/* ---- Keys ---- */

/* ps_huk_key imports the hardware unique key as an HKDF secret (once per call). */
static psa_status_t ps_huk_key(ps_ctx_t *ctx)
{
    psa_key_attributes_t attr = PSA_KEY_ATTRIBUTES_INIT;
    uint8_t huk[32];
    psa_status_t status;

    if (ctx->huk_key != PSA_KEY_ID_NULL) {
        return PSA_SUCCESS;
    }
    if (cit_platform_huk(huk) != 0) {
        return PSA_ERROR_STORAGE_FAILURE;
    }
    psa_set_key_type(&attr, PSA_KEY_TYPE_DERIVE);
    psa_set_key_bits(&attr, 256);
    psa_set_key_usage_flags(&attr, PSA_KEY_USAGE_DERIVE);
    psa_set_key_algorithm(&attr, PSA_ALG_HKDF(PSA_ALG_SHA_256));
    status = psa_import_key(&attr, huk, sizeof(huk), &ctx->huk_key);
    cit_zeroize(huk, sizeof(huk));
    psa_reset_key_attributes(&attr);
    if (status != PSA_SUCCESS) {
        ctx->huk_key = PSA_KEY_ID_NULL;
    }
    return ps_crypto_status(status);
}

/*
 * ps_derive_key derives the AES-256-GCM key of one sealed object:
 * HKDF-SHA-256(salt = "citadel-ps-v1", secret = HUK,
 *              info = owner (4, BE) || uid (8, BE) || diversifier (16)).
 */
static psa_status_t ps_derive_key(ps_ctx_t *ctx, const uint8_t *diversifier, psa_key_id_t *key)
{
    psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
    psa_key_attributes_t attr = PSA_KEY_ATTRIBUTES_INIT;
    uint8_t info[4 + 8 + PS_DIVERSIFIER_LEN];
    psa_status_t status;

    *key = PSA_KEY_ID_NULL;
    status = ps_huk_key(ctx);
    if (status != PSA_SUCCESS) {
        return status;
    }
    cit_store_be32(info, (uint32_t)ctx->owner);
    cit_store_be64(info + 4, ctx->uid);
    memcpy(info + 12, diversifier, PS_DIVERSIFIER_LEN);
    status = psa_key_derivation_setup(&op, PSA_ALG_HKDF(PSA_ALG_SHA_256));
    if (status == PSA_SUCCESS) {
        status = psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SALT, ps_label,
                                                sizeof(ps_label));
    }
    if (status == PSA_SUCCESS) {
        status = psa_key_derivation_input_key(&op, PSA_KEY_DERIVATION_INPUT_SECRET, ctx->huk_key);
    }
    if (status == PSA_SUCCESS) {
        status = psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_INFO, info,
                                                sizeof(info));
    }
    if (status == PSA_SUCCESS) {
        psa_set_key_type(&attr, PSA_KEY_TYPE_AES);
        psa_set_key_bits(&attr, 256);
        psa_set_key_usage_flags(&attr, PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT);
        psa_set_key_algorithm(&attr, PSA_ALG_GCM);
        status = psa_key_derivation_output_key(&attr, &op, key);
        psa_reset_key_attributes(&attr);
    }
    (void)psa_key_derivation_abort(&op);
    if (status != PSA_SUCCESS) {
        *key = PSA_KEY_ID_NULL;
    }
    return ps_crypto_status(status);
}

/* ---- AEAD in place ---- */

/* ps_put appends n output bytes at *wpos, which must stay at or below limit (input consumed). */
static psa_status_t ps_put(uint8_t *body, size_t *wpos, size_t limit, const uint8_t *out, size_t n)
{
    if (*wpos > limit || n > limit - *wpos) {
        return PSA_ERROR_CORRUPTION_DETECTED;
    }
    memcpy(body + *wpos, out, n);
    *wpos += n;
    return PSA_SUCCESS;
}

/*
 * ps_aead seals (encrypt) or opens the body of len bytes in place with
 * AES-GCM under key: nonce from the header, the header as associated data;
 * without confidentiality the body is associated data too and stays clear.
 * encrypt writes the tag; opening checks it (INVALID_SIGNATURE). The body
 * is processed through a stack buffer, so the Crypto API never sees
 * overlapping input and output. Returns a Crypto API status.
 */
static psa_status_t ps_aead(psa_key_id_t key, int encrypt, int confidential, const uint8_t *hdr,
                            uint8_t *body, size_t len, uint8_t *tag)
{
    psa_aead_operation_t op = PSA_AEAD_OPERATION_INIT;
    uint8_t tmp[PSA_AEAD_UPDATE_OUTPUT_MAX_SIZE(PS_CHUNK)];
    size_t rpos = 0;
    size_t wpos = 0;
    size_t out = 0;
    size_t tag_len = 0;
    psa_status_t status;

    status = encrypt ? psa_aead_encrypt_setup(&op, key, PSA_ALG_GCM)
                     : psa_aead_decrypt_setup(&op, key, PSA_ALG_GCM);
    if (status == PSA_SUCCESS) {
        status = psa_aead_set_nonce(&op, hdr + PS_HDR_NONCE, PS_NONCE_LEN);
    }
    if (status == PSA_SUCCESS) {
        status = psa_aead_update_ad(&op, hdr, PS_HDR_LEN);
    }
    if (status == PSA_SUCCESS && !confidential && len > 0) {
        status = psa_aead_update_ad(&op, body, len);
    }
    while (status == PSA_SUCCESS && confidential && rpos < len) {
        size_t n = len - rpos < PS_CHUNK ? len - rpos : PS_CHUNK;

        status = psa_aead_update(&op, body + rpos, n, tmp, sizeof(tmp), &out);
        rpos += n;
        if (status == PSA_SUCCESS) {
            status = ps_put(body, &wpos, rpos, tmp, out);
        }
    }
    if (status == PSA_SUCCESS) {
        if (encrypt) {
            status = psa_aead_finish(&op, tmp, sizeof(tmp), &out, tag, PS_TAG_LEN, &tag_len);
            if (status == PSA_SUCCESS && tag_len != PS_TAG_LEN) {
                status = PSA_ERROR_CORRUPTION_DETECTED;
            }
        } else {
            status = psa_aead_verify(&op, tmp, sizeof(tmp), &out, tag, PS_TAG_LEN);
        }
        if (status == PSA_SUCCESS) {
            status = ps_put(body, &wpos, confidential ? len : 0, tmp, out);
        }
    }
    if (status == PSA_SUCCESS && confidential && wpos != len) {
        status = PSA_ERROR_CORRUPTION_DETECTED;
    }
    (void)psa_aead_abort(&op);
    cit_zeroize(tmp, sizeof(tmp));
    return status;
}

/* ps_crypt derives the object's key from the header in ps_buf and seals or opens it. */
static psa_status_t ps_crypt(ps_ctx_t *ctx, int encrypt, uint32_t flags, size_t capacity)
{
    psa_key_id_t key;
    psa_status_t status;

    status = ps_derive_key(ctx, ps_buf + PS_HDR_DIVERSIFIER, &key);
    if (status != PSA_SUCCESS) {
        return status;
    }
    status = ps_aead(key, encrypt, (flags & PSA_STORAGE_FLAG_NO_CONFIDENTIALITY) == 0, ps_buf,
                     ps_buf + PS_HDR_LEN, capacity, ps_buf + PS_HDR_LEN + capacity);
    (void)psa_destroy_key(key);
    return ps_crypto_status(status);
}

/* ---- Rollback record ---- */

typedef struct {
    int present;
    uint8_t state;
    uint8_t committed[PS_TAG_LEN];
    uint8_t pending[PS_TAG_LEN];
} ps_rr_t;

static psa_status_t rr_read(const ps_ctx_t *ctx, ps_rr_t *rr)
{
    cit_store_key_t key;
    uint8_t raw[PS_RR_LEN + 1];
    size_t got = 0;
    psa_status_t status;

    memset(rr, 0, sizeof(*rr));
    ps_store_key(ctx, CIT_SPACE_PS_META, &key);
    status = cit_store_get(&key, 0, raw, sizeof(raw), &got);
    if (status == PSA_ERROR_DOES_NOT_EXIST) {
        return PSA_SUCCESS;
    }
    if (status != PSA_SUCCESS) {
        return status;
    }
    if (got != PS_RR_LEN || memcmp(raw + PS_RR_MAGIC, ps_rr_magic, 4) != 0 ||
        raw[PS_RR_FORMAT] != PS_FORMAT ||
        (raw[PS_RR_STATE] & ~(PS_RR_COMMITTED | PS_RR_PENDING)) != 0 ||
        raw[PS_RR_RESERVED] != 0 || raw[PS_RR_RESERVED + 1] != 0) {
        return PSA_ERROR_DATA_CORRUPT;
    }
    rr->present = 1;
    rr->state = raw[PS_RR_STATE];
    memcpy(rr->committed, raw + PS_RR_COMMITTED_TAG, PS_TAG_LEN);
    memcpy(rr->pending, raw + PS_RR_PENDING_TAG, PS_TAG_LEN);
    return PSA_SUCCESS;
}

/* rr_write stores a record; committed and pending may be NULL (that tag is absent). */
static psa_status_t rr_write(const ps_ctx_t *ctx, const uint8_t *committed, const uint8_t *pending)
{
    cit_store_key_t key;
    uint8_t raw[PS_RR_LEN];

    memset(raw, 0, sizeof(raw));
    memcpy(raw + PS_RR_MAGIC, ps_rr_magic, 4);
    raw[PS_RR_FORMAT] = PS_FORMAT;
    if (committed != NULL) {
        raw[PS_RR_STATE] |= PS_RR_COMMITTED;
        memcpy(raw + PS_RR_COMMITTED_TAG, committed, PS_TAG_LEN);
    }
    if (pending != NULL) {
        raw[PS_RR_STATE] |= PS_RR_PENDING;
        memcpy(raw + PS_RR_PENDING_TAG, pending, PS_TAG_LEN);
    }
    ps_store_key(ctx, CIT_SPACE_PS_META, &key);
    return cit_store_write(&key, 0, raw, sizeof(raw));
}

/* rr_remove removes the record if there is one. */
static psa_status_t rr_remove(const ps_ctx_t *ctx)
{
    cit_store_key_t key;
    psa_status_t status;

    ps_store_key(ctx, CIT_SPACE_PS_META, &key);
    status = cit_store_remove(&key);
    return status == PSA_ERROR_DOES_NOT_EXIST ? PSA_SUCCESS : status;
}

/*
 * rr_check accepts the opened object against its record and settles the
 * record: a replay-protected object must be the committed or the pending
 * one, and then becomes the only committed one; an object without replay
 * protection must match the record if there is one (a write under way),
 * which is then removed.
 */
static psa_status_t rr_check(const ps_ctx_t *ctx)
{
    int protected_obj = (ctx->flags & PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION) == 0;
    int committed = 0;
    int pending = 0;
    ps_rr_t rr;
    psa_status_t status;

    status = rr_read(ctx, &rr);
    if (status != PSA_SUCCESS) {
        return status;
    }
    if (!rr.present) {
        return protected_obj ? PSA_ERROR_DATA_CORRUPT : PSA_SUCCESS;
    }
    committed = (rr.state & PS_RR_COMMITTED) != 0 && tags_equal(ctx->tag, rr.committed);
    pending = (rr.state & PS_RR_PENDING) != 0 && tags_equal(ctx->tag, rr.pending);
    if (!committed && !pending) {
        return PSA_ERROR_DATA_CORRUPT;
    }
    if (!protected_obj) {
        return rr_remove(ctx);
    }
    if (rr.state != PS_RR_COMMITTED || !committed) {
        return rr_write(ctx, ctx->tag, NULL);
    }
    return PSA_SUCCESS;
}

/* ---- Open and commit ---- */

/* ps_parse checks the header in ps_buf of a sealed object of sealed_len bytes. */
static psa_status_t ps_parse(ps_ctx_t *ctx, size_t sealed_len)
{
    const uint8_t *h = ps_buf;

    if (memcmp(h + PS_HDR_MAGIC, ps_magic, 4) != 0 || h[PS_HDR_FORMAT] != PS_FORMAT ||
        h[PS_HDR_RESERVED] != 0 || h[PS_HDR_RESERVED + 1] != 0 || h[PS_HDR_RESERVED + 2] != 0) {
        return PSA_ERROR_DATA_CORRUPT;
    }
    ctx->flags = cit_load_be32(h + PS_HDR_FLAGS);
    ctx->size = cit_load_be32(h + PS_HDR_SIZE_FIELD);
    ctx->capacity = cit_load_be32(h + PS_HDR_CAPACITY);
    if ((ctx->flags & ~(uint32_t)PS_SUPPORTED_FLAGS) != 0 ||
        ctx->capacity != sealed_len - PS_OVERHEAD || ctx->size > ctx->capacity) {
        return PSA_ERROR_DATA_CORRUPT;
    }
    /* Another owner's or uid's object: its AEAD check would fail as well. */
    if (cit_load_be32(h + PS_HDR_OWNER) != (uint32_t)ctx->owner ||
        cit_load_be64(h + PS_HDR_UID) != ctx->uid) {
        return PSA_ERROR_INVALID_SIGNATURE;
    }
    return PSA_SUCCESS;
}

/*
 * ps_open reads, authenticates and decrypts the current object into ps_buf
 * (body at PS_HDR_LEN) and checks and settles its rollback record.
 * DOES_NOT_EXIST if there is no object (a leftover record is removed).
 */
static psa_status_t ps_open(ps_ctx_t *ctx)
{
    cit_store_key_t key;
    uint32_t store_flags;
    size_t sealed_len;
    psa_status_t status;

    ctx->exists = 0;
    ps_store_key(ctx, CIT_SPACE_PS, &key);
    status = cit_store_info(&key, &store_flags, &sealed_len);
    if (status == PSA_ERROR_DOES_NOT_EXIST) {
        /* A record without object: a remove or a first write was interrupted. */
        status = rr_remove(ctx);
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
        status = ps_parse(ctx, sealed_len);
    }
    if (status == PSA_SUCCESS) {
        status = ps_crypt(ctx, 0, ctx->flags, ctx->capacity);
    }
    if (status != PSA_SUCCESS) {
        return status;
    }
    memcpy(ctx->tag, ps_buf + PS_HDR_LEN + ctx->capacity, PS_TAG_LEN);
    status = rr_check(ctx);
    if (status == PSA_SUCCESS) {
        ctx->exists = 1;
    }
    return status;
}

/*
 * ps_seal turns the plaintext body in ps_buf (capacity bytes) into a sealed
 * object with a new header: fresh diversifier and nonce. *tag receives its
 * tag.
 */
static psa_status_t ps_seal(ps_ctx_t *ctx, uint32_t flags, size_t size, size_t capacity,
                            uint8_t tag[PS_TAG_LEN])
{
    uint8_t *h = ps_buf;
    psa_status_t status;

    ps_extent(PS_OVERHEAD + capacity);
    memcpy(h + PS_HDR_MAGIC, ps_magic, 4);
    h[PS_HDR_FORMAT] = PS_FORMAT;
    h[PS_HDR_RESERVED] = 0;
    h[PS_HDR_RESERVED + 1] = 0;
    h[PS_HDR_RESERVED + 2] = 0;
    cit_store_be32(h + PS_HDR_FLAGS, flags);
    cit_store_be32(h + PS_HDR_OWNER, (uint32_t)ctx->owner);
    cit_store_be64(h + PS_HDR_UID, ctx->uid);
    cit_store_be32(h + PS_HDR_SIZE_FIELD, (uint32_t)size);
    cit_store_be32(h + PS_HDR_CAPACITY, (uint32_t)capacity);
    status = psa_generate_random(h + PS_HDR_DIVERSIFIER, PS_DIVERSIFIER_LEN + PS_NONCE_LEN);
    if (status != PSA_SUCCESS) {
        return ps_crypto_status(status);
    }
    status = ps_crypt(ctx, 1, flags, capacity);
    if (status == PSA_SUCCESS) {
        memcpy(tag, h + PS_HDR_LEN + capacity, PS_TAG_LEN);
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
static void ps_settle(const ps_ctx_t *ctx, uint32_t flags, const uint8_t tag[PS_TAG_LEN])
{
    cit_store_key_t key;
    uint8_t found[PS_TAG_LEN];
    uint32_t store_flags;
    size_t len;
    psa_status_t status;

    ps_store_key(ctx, CIT_SPACE_PS, &key);
    status = cit_store_info(&key, &store_flags, &len);
    if (status == PSA_ERROR_DOES_NOT_EXIST && !ctx->exists) {
        (void)rr_remove(ctx);
        return;
    }
    if (status != PSA_SUCCESS || len < PS_OVERHEAD ||
        cit_store_read(&key, len - PS_TAG_LEN, found, PS_TAG_LEN) != PSA_SUCCESS) {
        return;
    }
    if (tags_equal(found, tag)) {
        /* The new object is in place. */
        (void)((flags & PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION) == 0 ? rr_write(ctx, tag, NULL)
                                                                    : rr_remove(ctx));
    } else if (ctx->exists && tags_equal(found, ctx->tag)) {
        /* The old object is still in place. */
        (void)((ctx->flags & PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION) == 0
                   ? rr_write(ctx, ctx->tag, NULL)
                   : rr_remove(ctx));
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
static psa_status_t ps_commit(const ps_ctx_t *ctx, uint32_t flags, size_t capacity,
                              const uint8_t tag[PS_TAG_LEN])
{
    int new_protected = (flags & PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION) == 0;
    int old_protected = ctx->exists && (ctx->flags & PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION) == 0;
    int anchored = new_protected || old_protected;
    cit_store_key_t key;
    psa_status_t status;

    if (anchored) {
        status = rr_write(ctx, ctx->exists ? ctx->tag : NULL, tag);
        if (status != PSA_SUCCESS) {
            return status;
        }
    }
    ps_store_key(ctx, CIT_SPACE_PS, &key);
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
    return new_protected ? rr_write(ctx, tag, NULL) : rr_remove(ctx);
}

/* ---- Call frame ---- */

static psa_status_t ps_begin(ps_ctx_t *ctx, psa_storage_uid_t uid)
{
    psa_status_t status;

    memset(ctx, 0, sizeof(*ctx));
    ctx->owner = cit_storage_caller();
    ctx->uid = uid;
    ctx->huk_key = PSA_KEY_ID_NULL;
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

static psa_status_t ps_end(ps_ctx_t *ctx, psa_status_t status)
{
    if (ctx->huk_key != PSA_KEY_ID_NULL) {
        (void)psa_destroy_key(ctx->huk_key);
    }
    cit_zeroize(ps_buf, ps_buf_used);
    ps_buf_used = 0;
    cit_zeroize(ctx, sizeof(*ctx));
    cit_platform_ps_unlock();
    return status;
}

/* ps_store_write_once: NOT_PERMITTED if the store holds the object as write-once. */
static psa_status_t ps_store_write_once(const ps_ctx_t *ctx)
{
    cit_store_key_t key;
    uint32_t flags = 0;
    size_t size = 0;
    psa_status_t status;

    ps_store_key(ctx, CIT_SPACE_PS, &key);
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
static psa_status_t ps_open_for_change(ps_ctx_t *ctx)
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
    ps_ctx_t ctx;
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
        status = ps_seal(&ctx, create_flags, data_length, data_length, tag);
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
    ps_ctx_t ctx;
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
    ps_ctx_t ctx;
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
    ps_ctx_t ctx;
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
        ps_store_key(&ctx, CIT_SPACE_PS, &key);
        status = cit_store_remove(&key);
    }
    if (status == PSA_SUCCESS) {
        status = rr_remove(&ctx);
    }
    return ps_end(&ctx, status);
}

psa_status_t psa_ps_create(psa_storage_uid_t uid,
                           size_t capacity,
                           psa_storage_create_flags_t create_flags)
{
    uint8_t tag[PS_TAG_LEN];
    ps_ctx_t ctx;
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
        status = ps_seal(&ctx, create_flags, 0, capacity, tag);
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
    ps_ctx_t ctx;
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
        status = ps_seal(&ctx, ctx.flags, size, ctx.capacity, tag);
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
