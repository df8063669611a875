/*
 * flash_store.h - the log-structured, transactional object store on NOR
 * flash (a cit_store_backend_t; see storage.h, nor_flash.h and the "Flash
 * backend" section of docs/storage.md for the on-flash format).
 *
 * Freestanding and heap-free: all state lives in a caller-provided
 * cit_flash_store_t of fixed size (an object index of CIT_FLASH_MAX_OBJECTS
 * entries and a table of CIT_FLASH_MAX_BLOCKS erase blocks). Not
 * thread-safe: the object-store layer above serialises calls.
 *
 * Limits:
 *   - an object must fit in one erase block with its record overhead:
 *     at most cit_flash_store_max_object(state) bytes (block size minus
 *     about 160 bytes); larger writes fail with PSA_ERROR_INSUFFICIENT_STORAGE.
 *   - at most CIT_FLASH_MAX_OBJECTS distinct objects, counting removed ones
 *     whose tombstone is still needed on flash (the store compacts to drop
 *     them before it reports PSA_ERROR_INSUFFICIENT_STORAGE).
 *   - writes keep a small reserve of reclaimable space so that removals
 *     (tombstones) always fit.
 */
#ifndef CIT_FLASH_STORE_H
#define CIT_FLASH_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "storage/nor_flash.h"
#include "storage/storage.h"

/* Objects (live or tombstoned) the RAM index can hold. */
#ifndef CIT_FLASH_MAX_OBJECTS
#define CIT_FLASH_MAX_OBJECTS 128u
#endif
/* Erase blocks the store can manage (devices with more are refused). */
#ifndef CIT_FLASH_MAX_BLOCKS
#define CIT_FLASH_MAX_BLOCKS 256u
#endif
/*
 * Static wear levelling: when the most-erased block has been erased more
 * than this many times more than the least-erased block holding data, that
 * block's (static) data is moved so the block rejoins the erase cycle.
 */
#ifndef CIT_FLASH_WEAR_DELTA
#define CIT_FLASH_WEAR_DELTA 16u
#endif

/* One object in the RAM index: where its newest record is. */
typedef struct {
    cit_store_key_t key;
    uint64_t seq;    /* record sequence number of the newest record */
    uint32_t offset; /* that record's offset in its block */
    uint32_t size;   /* payload bytes (0 for a tombstone) */
    uint32_t flags;  /* the object's flags */
    uint32_t count;  /* committed records of this key on flash (all versions) */
    uint16_t block;
    uint8_t kind;    /* 0: entry unused; else the record kind (value or tombstone) */
    uint8_t reserved;
} cit_flash_entry_t;

/* One erase block as seen by the store. */
typedef struct {
    uint32_t seq;         /* block sequence number (in use) */
    uint32_t erase_count; /* from the block's erase header (or an estimate) */
    uint32_t end;         /* offset after its last committed record (in use) */
    uint32_t live;        /* bytes of the newest records it holds */
    uint32_t droppable;   /* of which tombstones that hide nothing any more */
    uint8_t state;        /* free / in use (mount also: garbage, consumed) */
    uint8_t flags;
    uint16_t reserved;
} cit_flash_block_t;

typedef struct {
    const cit_nor_flash_t *dev;
    /* Layout derived from the geometry at open. */
    uint32_t unit;        /* program unit */
    uint32_t hdr_size;    /* each of the two block header slots */
    uint32_t data_start;  /* first record offset in a block */
    uint32_t rec_hdr;     /* record header bytes (rounded to the unit) */
    uint32_t commit_size; /* commit unit(s) */
    uint32_t small_rec;   /* a record without payload (tombstone, consumed marker) */
    uint32_t capacity;    /* record bytes a block holds besides the reserved marker slot */
    uint32_t max_payload;
    /* State. */
    int mounted;
    uint32_t active;      /* block receiving appends, or 0xFFFFFFFF */
    uint32_t next_block_seq;
    uint64_t next_seq;
    uint32_t max_erase_count;
    int wear_check;       /* an erase happened since the last wear-levelling check */
    uint32_t wear_delta;  /* CIT_FLASH_WEAR_DELTA at open; may be changed after open */
    size_t used_bytes;
    /* Statistics since open. */
    uint32_t num_gc;
    uint32_t num_relocations;
    uint32_t num_compactions;
    uint32_t num_mount_repairs; /* blocks erased by recovery at mount */
    cit_flash_block_t blocks[CIT_FLASH_MAX_BLOCKS];
    cit_flash_entry_t index[CIT_FLASH_MAX_OBJECTS];
} cit_flash_store_t;

/*
 * cit_flash_store_open mounts the store on dev (scanning every block,
 * finishing or rolling back an interrupted garbage collection and erasing
 * blocks left half-written or half-erased) and fills *out with a backend
 * whose ctx is state. A blank or foreign device becomes an empty store.
 * Returns PSA_SUCCESS, PSA_ERROR_INVALID_ARGUMENT (NULL pointer),
 * PSA_ERROR_NOT_SUPPORTED (geometry the store cannot use: fewer than 2 or
 * more than CIT_FLASH_MAX_BLOCKS blocks, program unit not a power of two
 * up to 64, blocks too small), or PSA_ERROR_STORAGE_FAILURE (device error,
 * image formatted for another block size, or more objects than the index
 * holds). dev and state must outlive the backend.
 */
psa_status_t cit_flash_store_open(cit_store_backend_t *out, cit_flash_store_t *state,
                                  const cit_nor_flash_t *dev);

/* cit_flash_store_max_object: the largest object the opened store accepts. */
size_t cit_flash_store_max_object(const cit_flash_store_t *state);

#endif /* CIT_FLASH_STORE_H */
