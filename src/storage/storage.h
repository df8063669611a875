/*
 * storage.h - internal interface of Citadel's secure storage (src/storage/).
 *
 * Layers:
 *   psa_its_* / psa_ps_* (its.c, ps.c)   the standard APIs, per-caller namespaces
 *   cit_store_*          (store.c)        object store over the active backend,
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
 * success; on DATA_CORRUPT the output buffer is wiped. info need only
 * verify the metadata it returns (DATA_CORRUPT if that check fails); damage
 * to the payload may show at read only. The store calls every function with
 * the storage lock held, one call at a time.
 */
typedef struct {
    psa_status_t (*info)(void *ctx, const cit_store_key_t *key, uint32_t *flags, size_t *size);
    psa_status_t (*read)(void *ctx, const cit_store_key_t *key, size_t offset, uint8_t *out,
                         size_t len);
    psa_status_t (*write)(void *ctx, const cit_store_key_t *key, uint32_t flags,
                          const uint8_t *data, size_t len);
    psa_status_t (*remove)(void *ctx, const cit_store_key_t *key);
    /*
     * used: the bytes charged against CIT_STORE_CAPACITY by all live objects:
     * each object's payload plus CIT_STORE_OBJECT_CHARGE. (A backend that
     * counts payload only still works: the store charges each new object
     * CIT_STORE_OBJECT_CHARGE when it checks the capacity.)
     */
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
/*
 * Total bytes (all spaces, all owners) beyond which writes fail: the sum of
 * the live objects' payloads plus CIT_STORE_OBJECT_CHARGE per object, so
 * that empty objects cannot fill the medium either.
 */
#ifndef CIT_STORE_CAPACITY
#define CIT_STORE_CAPACITY (1024u * 1024u)
#endif
/* Bytes charged per object on top of its payload (its metadata). */
#ifndef CIT_STORE_OBJECT_CHARGE
#define CIT_STORE_OBJECT_CHARGE 64u
#endif

/*
 * cit_store_set_backend selects the medium (platform start-up code or tests).
 * Passing NULL selects the platform default (cit_platform_store_default()).
 */
void cit_store_set_backend(const cit_store_backend_t *backend);

/*
 * The object-store operations used by ITS, PS and the crypto core. Each one
 * is atomic with respect to the others (the storage lock is held for the
 * whole call), and each returns PSA_ERROR_STORAGE_FAILURE when no medium can
 * be opened. A NULL key or a NULL buffer with a non-zero length is
 * PSA_ERROR_INVALID_ARGUMENT.
 */
psa_status_t cit_store_info(const cit_store_key_t *key, uint32_t *flags, size_t *size);
/*
 * cit_store_read reads exactly len bytes from offset: INVALID_ARGUMENT if
 * offset + len is beyond the object's size.
 */
psa_status_t cit_store_read(const cit_store_key_t *key, size_t offset, uint8_t *out, size_t len);
/*
 * cit_store_get reads the lesser of out_size and (size - offset) bytes from
 * offset (psa_its_get semantics, in one atomic step): INVALID_ARGUMENT if
 * offset is beyond the object's size. The whole object's integrity is
 * checked even when nothing is copied.
 */
psa_status_t cit_store_get(const cit_store_key_t *key, size_t offset, uint8_t *out,
                           size_t out_size, size_t *out_length);
/*
 * cit_store_write enforces CIT_STORE_MAX_OBJECT_SIZE and CIT_STORE_CAPACITY
 * (INSUFFICIENT_STORAGE; a replaced object's old size is accounted).
 * cit_store_write and cit_store_remove refuse to change an object stored
 * with PSA_STORAGE_FLAG_WRITE_ONCE (NOT_PERMITTED), and an object whose
 * metadata fails its integrity check (DATA_CORRUPT: its flags are unknown),
 * except that cit_store_remove removes such an object in CIT_SPACE_KEYS,
 * which holds no write-once object (psa_destroy_key erases damaged keys).
 */
psa_status_t cit_store_write(const cit_store_key_t *key, uint32_t flags, const uint8_t *data,
                             size_t len);
psa_status_t cit_store_remove(const cit_store_key_t *key);

/* The caller identity for ITS/PS (the SPM sets it; one caller in the library build). */
int32_t cit_storage_caller(void);

#endif /* CIT_STORAGE_H */
