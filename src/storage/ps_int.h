/*
 * ps_int.h - internals shared by the Protected Storage files:
 *   ps.c           the psa_ps_* API: the call frame (PS lock, work buffer),
 *                  opening an object, the three-step commit and settling
 *   ps_seal.c      the sealed object: its header, keys derived from the
 *                  hardware unique key, AES-256-GCM in place
 *   ps_rollback.c  the rollback record: format, reading, writing, checking
 * The formats are described in docs/storage.md ("Protected Storage").
 */
#ifndef CIT_PS_INT_H
#define CIT_PS_INT_H

#include <stddef.h>
#include <stdint.h>

#include "psa/crypto.h"
#include "psa/protected_storage.h"

#include "ct.h"
#include "storage/storage.h"

/*
 * Sealed object: a PS_HDR_LEN-byte header (fields: ps_seal.c), the body of
 * `capacity` bytes, then the PS_TAG_LEN-byte GCM tag.
 */
#define PS_HDR_LEN 60u
#define PS_TAG_LEN 16u
#define PS_FORMAT 1u /* format version of sealed objects and rollback records */
#define PS_OVERHEAD (PS_HDR_LEN + PS_TAG_LEN)
/* The largest capacity: the sealed object must fit the store. */
#define PS_MAX_DATA (CIT_STORE_MAX_OBJECT_SIZE - PS_OVERHEAD)

#define PS_SUPPORTED_FLAGS                                                   \
    (PSA_STORAGE_FLAG_WRITE_ONCE | PSA_STORAGE_FLAG_NO_CONFIDENTIALITY |     \
     PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION)

/* What one call knows about its object. */
typedef struct {
    int32_t owner;
    psa_storage_uid_t uid;
    int exists;                /* an authentic current object was opened into the buffer */
    uint32_t flags;            /* of the opened object */
    size_t size;
    size_t capacity;
    uint8_t tag[PS_TAG_LEN];   /* of the opened object */
} cit_ps_ctx_t;

/* cit_ps_store_key names the object store's object of ctx in space. */
static inline void cit_ps_store_key(const cit_ps_ctx_t *ctx, uint32_t space,
                                    cit_store_key_t *key)
{
    key->space = space;
    key->owner = ctx->owner;
    key->uid = ctx->uid;
}

/* cit_ps_tags_equal compares two GCM tags in constant time. */
static inline int cit_ps_tags_equal(const uint8_t *a, const uint8_t *b)
{
    return cit_ct_memcmp(a, b, PS_TAG_LEN) == 0;
}

/* ---- ps_seal.c ---- */

/*
 * cit_ps_seal turns the plaintext body in obj (capacity bytes at
 * PS_HDR_LEN; obj holds PS_OVERHEAD + capacity bytes) into a sealed object
 * with a new header: fresh diversifier and nonce. *tag receives its tag.
 */
psa_status_t cit_ps_seal(cit_ps_ctx_t *ctx, uint8_t *obj, uint32_t flags, size_t size,
                         size_t capacity, uint8_t tag[PS_TAG_LEN]);

/*
 * cit_ps_unseal checks the header of the sealed object of sealed_len bytes
 * in obj (at least PS_OVERHEAD), fills ctx's flags, size and capacity,
 * authenticates and decrypts the body in place, and copies the tag to
 * ctx->tag. DATA_CORRUPT (malformed), INVALID_SIGNATURE (not authentic, or
 * another owner's or uid's), or a Crypto API failure.
 */
psa_status_t cit_ps_unseal(cit_ps_ctx_t *ctx, uint8_t *obj, size_t sealed_len);

/* ---- ps_rollback.c ---- */

/* cit_ps_rr_write stores a record; committed and pending may be NULL (that tag is absent). */
psa_status_t cit_ps_rr_write(const cit_ps_ctx_t *ctx, const uint8_t *committed,
                             const uint8_t *pending);

/* cit_ps_rr_remove removes the record if there is one. */
psa_status_t cit_ps_rr_remove(const cit_ps_ctx_t *ctx);

/*
 * cit_ps_rr_check accepts the opened object (ctx->flags, ctx->tag) against
 * its record and settles the record: a replay-protected object must be the
 * committed or the pending one, and then becomes the only committed one; an
 * object without replay protection must match the record if there is one
 * (a write under way), which is then removed. DATA_CORRUPT otherwise.
 */
psa_status_t cit_ps_rr_check(const cit_ps_ctx_t *ctx);

#endif /* CIT_PS_INT_H */
