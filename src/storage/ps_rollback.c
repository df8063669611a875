/*
 * ps_rollback.c - the rollback records of Protected Storage (see ps_int.h).
 * A record in CIT_SPACE_PS_META, under the object's (owner, uid), names the
 * GCM tag of the one sealed object that may be read, plus at most one
 * pending tag while a write is under way. How ps.c writes and settles them:
 * ps.c and docs/storage.md, "Protected Storage".
 */
#include "ps_int.h"

#include "util.h"

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

static const uint8_t ps_rr_magic[4] = { 'C', 'T', 'P', 'R' };
/* A record as read. */
typedef struct {
    int present;
    uint8_t state;
    uint8_t committed[PS_TAG_LEN];
    uint8_t pending[PS_TAG_LEN];
} ps_rr_t;

/* rr_read reads the record of ctx's object: rr->present 0 if there is none. */
static psa_status_t rr_read(const cit_ps_ctx_t *ctx, ps_rr_t *rr)
{
    cit_store_key_t key;
    uint8_t raw[PS_RR_LEN + 1];
    size_t got = 0;
    psa_status_t status;

    memset(rr, 0, sizeof(*rr));
    cit_ps_store_key(ctx, CIT_SPACE_PS_META, &key);
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

/* see ps_int.h */
psa_status_t cit_ps_rr_write(const cit_ps_ctx_t *ctx, const uint8_t *committed,
                             const uint8_t *pending)
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
    cit_ps_store_key(ctx, CIT_SPACE_PS_META, &key);
    return cit_store_write(&key, 0, raw, sizeof(raw));
}

/* see ps_int.h */
psa_status_t cit_ps_rr_remove(const cit_ps_ctx_t *ctx)
{
    cit_store_key_t key;
    psa_status_t status;

    cit_ps_store_key(ctx, CIT_SPACE_PS_META, &key);
    status = cit_store_remove(&key);
    return status == PSA_ERROR_DOES_NOT_EXIST ? PSA_SUCCESS : status;
}

/* see ps_int.h */
psa_status_t cit_ps_rr_check(const cit_ps_ctx_t *ctx)
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
    committed = (rr.state & PS_RR_COMMITTED) != 0 && cit_ps_tags_equal(ctx->tag, rr.committed);
    pending = (rr.state & PS_RR_PENDING) != 0 && cit_ps_tags_equal(ctx->tag, rr.pending);
    if (!committed && !pending) {
        return PSA_ERROR_DATA_CORRUPT;
    }
    if (!protected_obj) {
        return cit_ps_rr_remove(ctx);
    }
    if (rr.state != PS_RR_COMMITTED || !committed) {
        return cit_ps_rr_write(ctx, ctx->tag, NULL);
    }
    return PSA_SUCCESS;
}
