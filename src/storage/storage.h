/*
 * storage.h - internal interface of Citadel's secure storage (src/storage/).
 *
 * Layers:
 *   psa_its_* / psa_ps_* (its.c, ps.c)   the standard APIs, per-caller namespaces
 *   cit_store_*          (store.c? its.c) object store over the active backend,
 *                                         capacity accounting, used by ITS, PS and
 *                                         the crypto core (persistent keys)
 *   cit_store_backend_t                   one medium: file directory (Linux) or
 *                                         log-structured NOR flash (flash_store.c)
 *
 * Every object is addressed by (space, owner, uid). Spaces keep the users of
 * the medium apart: a client's ITS uid can never name a PS object, a key
 * record or another client's object.
 */
#ifndef CIT_STORAGE_H
#define CIT_STORAGE_H

#include <stddef.h>
#include <stdint.h>

#include "psa/error.h"
#include "psa/storage_common.h"

/* Object spaces. */
#define CIT_SPACE_ITS 1u      /* psa_its_* objects */
#define CIT_SPACE_PS 2u       /* sealed psa_ps_* objects */
#define CIT_SPACE_PS_META 3u  /* PS rollback counters (version per object) */
#define CIT_SPACE_KEYS 4u     /* persistent key records of the crypto core */

typedef struct {
    uint32_t space;
    int32_t owner;
    psa_storage_uid_t uid;
} cit_store_key_t;

/*
 * A storage medium. Every function returns PSA_SUCCESS or a documented
 * PSA_ERROR_*: DOES_NOT_EXIST, INSUFFICIENT_STORAGE (medium full),
 * STORAGE_FAILURE (I/O), DATA_CORRUPT (integrity check failed).
 *
 * write replaces the whole object atomically: after a power loss at any
 * point, the object holds either its old or its new value, never a mix, and
 * no other object is affected. read may return any byte range of an object,
 * but must verify the whole object's integrity (streaming) before returning
 * success; on DATA_CORRUPT the output buffer is wiped.
 */
typedef struct {
    psa_status_t (*info)(void *ctx, const cit_store_key_t *key, uint32_t *flags, size_t *size);
    psa_status_t (*read)(void *ctx, const cit_store_key_t *key, size_t offset, uint8_t *out,
                         size_t len);
    psa_status_t (*write)(void *ctx, const cit_store_key_t *key, uint32_t flags,
                          const uint8_t *data, size_t len);
    psa_status_t (*remove)(void *ctx, const cit_store_key_t *key);
    /* used: payload bytes of all live objects (for capacity accounting). */
    psa_status_t (*used)(void *ctx, size_t *bytes);
} cit_store_backend_ops_t;

typedef struct {
    const cit_store_backend_ops_t *ops;
    void *ctx;
} cit_store_backend_t;

/* Largest object the stores accept (bytes of payload). */
#ifndef CIT_STORE_MAX_OBJECT_SIZE
#define CIT_STORE_MAX_OBJECT_SIZE 65536u
#endif
/* Total payload bytes (all spaces, all owners) beyond which writes fail. */
#ifndef CIT_STORE_CAPACITY
#define CIT_STORE_CAPACITY (1024u * 1024u)
#endif

/*
 * cit_store_set_backend selects the medium (platform start-up code or tests).
 * Passing NULL selects the platform default (cit_platform_store_default()).
 */
void cit_store_set_backend(const cit_store_backend_t *backend);

/* The object-store operations used by ITS, PS and the crypto core. */
psa_status_t cit_store_info(const cit_store_key_t *key, uint32_t *flags, size_t *size);
psa_status_t cit_store_read(const cit_store_key_t *key, size_t offset, uint8_t *out, size_t len);
/* cit_store_write enforces CIT_STORE_MAX_OBJECT_SIZE and CIT_STORE_CAPACITY. */
psa_status_t cit_store_write(const cit_store_key_t *key, uint32_t flags, const uint8_t *data,
                             size_t len);
psa_status_t cit_store_remove(const cit_store_key_t *key);

/* The caller identity for ITS/PS (the SPM sets it; one caller in the library build). */
int32_t cit_storage_caller(void);

#endif /* CIT_STORAGE_H */
