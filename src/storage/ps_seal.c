/*
 * ps_seal.c - the sealed objects of Protected Storage (see ps_int.h):
 * the header format, the per-object AES-256-GCM key derived with
 * HKDF-SHA-256 from the hardware unique key, and sealing and opening in
 * place. Reasoning: ps.c and docs/storage.md, "Protected Storage".
 */
#include "ps_int.h"

#include "platform/platform.h"
#include "util.h"

/* ---- Sealed object header (big-endian) ---- */

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
#define PS_DIVERSIFIER_LEN 16u
#define PS_NONCE_LEN 12u

/* Bytes of body processed per AEAD update (through a stack buffer). */
#define PS_CHUNK 256u

CIT_STATIC_ASSERT(PS_HDR_NONCE + PS_NONCE_LEN == PS_HDR_LEN, ps_header_fields_fill_it);
CIT_STATIC_ASSERT(CIT_STORE_MAX_OBJECT_SIZE > PS_OVERHEAD, ps_overhead_fits);
CIT_STATIC_ASSERT(PS_MAX_DATA <= 0xffffffffu, ps_sizes_fit_32_bits);

static const uint8_t ps_magic[4] = { 'C', 'T', 'P', 'S' };
/* The HKDF salt: a fixed label naming this key hierarchy. */
static const uint8_t ps_label[] = { 'c', 'i', 't', 'a', 'd', 'e', 'l', '-',
                                    'p', 's', '-', 'v', '1' };

/* ps_crypto_status maps a Crypto API failure to the statuses PS documents. */
static psa_status_t ps_crypto_status(psa_status_t status)
{
    if (status == PSA_SUCCESS || status == PSA_ERROR_INVALID_SIGNATURE ||
        status == PSA_ERROR_NOT_SUPPORTED) {
        return status;
    }
    return PSA_ERROR_GENERIC_ERROR;
}

/* ---- Keys ---- */

/*
 * ps_derive_key derives the AES-256-GCM key of one sealed object:
 * HKDF-SHA-256(salt = "citadel-ps-v1", secret = HUK,
 *              info = owner (4, BE) || uid (8, BE) || diversifier (16)).
 * The HUK enters the derivation as bytes and is never a key in the key
 * store, where another thread of the caller could name it; only the derived
 * per-write object key is, for the length of the call.
 */
static psa_status_t ps_derive_key(cit_ps_ctx_t *ctx, const uint8_t *diversifier, psa_key_id_t *key)
{
    psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
    psa_key_attributes_t attr = PSA_KEY_ATTRIBUTES_INIT;
    uint8_t info[4 + 8 + PS_DIVERSIFIER_LEN];
    uint8_t huk[32];
    uint8_t okm[32];
    psa_status_t status;

    *key = PSA_KEY_ID_NULL;
    if (cit_platform_huk(huk) != 0) {
        cit_zeroize(huk, sizeof(huk));
        return PSA_ERROR_STORAGE_FAILURE;
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
        status = psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_SECRET, huk,
                                                sizeof(huk));
    }
    if (status == PSA_SUCCESS) {
        status = psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_INFO, info,
                                                sizeof(info));
    }
    if (status == PSA_SUCCESS) {
        status = psa_key_derivation_output_bytes(&op, okm, sizeof(okm));
    }
    if (status == PSA_SUCCESS) {
        psa_set_key_type(&attr, PSA_KEY_TYPE_AES);
        psa_set_key_bits(&attr, 256);
        psa_set_key_usage_flags(&attr, PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT);
        psa_set_key_algorithm(&attr, PSA_ALG_GCM);
        status = psa_import_key(&attr, okm, sizeof(okm), key);
        psa_reset_key_attributes(&attr);
    }
    (void)psa_key_derivation_abort(&op);
    cit_zeroize(huk, sizeof(huk));
    cit_zeroize(okm, sizeof(okm));
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

/* ps_crypt derives the object's key from the header in obj and seals or opens it. */
static psa_status_t ps_crypt(cit_ps_ctx_t *ctx, uint8_t *obj, int encrypt, uint32_t flags,
                             size_t capacity)
{
    psa_key_id_t key;
    psa_status_t status;

    status = ps_derive_key(ctx, obj + PS_HDR_DIVERSIFIER, &key);
    if (status != PSA_SUCCESS) {
        return status;
    }
    status = ps_aead(key, encrypt, (flags & PSA_STORAGE_FLAG_NO_CONFIDENTIALITY) == 0, obj,
                     obj + PS_HDR_LEN, capacity, obj + PS_HDR_LEN + capacity);
    (void)psa_destroy_key(key);
    return ps_crypto_status(status);
}

/* ---- Format ---- */

/* ps_parse checks the header in obj of a sealed object of sealed_len bytes. */
static psa_status_t ps_parse(cit_ps_ctx_t *ctx, const uint8_t *obj, size_t sealed_len)
{
    const uint8_t *h = obj;

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

/* see ps_int.h */
psa_status_t cit_ps_unseal(cit_ps_ctx_t *ctx, uint8_t *obj, size_t sealed_len)
{
    psa_status_t status = ps_parse(ctx, obj, sealed_len);

    if (status == PSA_SUCCESS) {
        status = ps_crypt(ctx, obj, 0, ctx->flags, ctx->capacity);
    }
    if (status == PSA_SUCCESS) {
        memcpy(ctx->tag, obj + PS_HDR_LEN + ctx->capacity, PS_TAG_LEN);
    }
    return status;
}

/* see ps_int.h */
psa_status_t cit_ps_seal(cit_ps_ctx_t *ctx, uint8_t *obj, uint32_t flags, size_t size,
                         size_t capacity, uint8_t tag[PS_TAG_LEN])
{
    uint8_t *h = obj;
    psa_status_t status;

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
    status = ps_crypt(ctx, obj, 1, flags, capacity);
    if (status == PSA_SUCCESS) {
        memcpy(tag, h + PS_HDR_LEN + capacity, PS_TAG_LEN);
    }
    return status;
}
