/*
 * flash_int.h - internals shared by the flash store's files:
 *   flash_log.c    the on-flash format: block headers, records, commit units;
 *                  device access; erasing and opening blocks; appending
 *   flash_gc.c     space: garbage collection, room for a record, the
 *                  tombstone reserve, wear levelling, compaction
 *   flash_store.c  the index, mount and recovery, the backend operations
 * The format is described in docs/storage.md ("Flash backend").
 */
#ifndef CIT_FLASH_INT_H
#define CIT_FLASH_INT_H

#include <stddef.h>
#include <stdint.h>

#include "storage/flash_store.h"

/*
 * On-flash layout (little-endian; each part padded to the program unit, with
 * 0xFF in headers, which leaves those cells erased):
 *   block   [erase header slot][open header slot][record][record]...
 *           erase header: "CFA1", erase count, block size, CRC-32 of those 12 bytes
 *                         (programmed right after the erase)
 *           open header:  "CFB1", block sequence number, version << 16 | program unit,
 *                         CRC-32 (programmed when the block starts taking records)
 *   record  [header][payload, padded][commit unit]
 *           header: 0 "CITR", 4 kind, 8 record sequence number (64 bits),
 *                   16 space, 20 owner, 24 uid (64 bits; for a consumed marker the
 *                   victim's block sequence number), 32 flags, 36 payload size,
 *                   40 CRC-32 of the payload, 44 CRC-32 of bytes 0..43
 *           commit: "COMT", the header's CRC-32, zeros; programmed last, on its own
 */

#define FS_NONE 0xFFFFFFFFu

#define FS_MAGIC_ERASED 0x31414643u /* "CFA1": erase header */
#define FS_MAGIC_OPEN 0x31424643u   /* "CFB1": open header */
#define FS_MAGIC_REC 0x52544943u    /* "CITR": record header */
#define FS_MAGIC_COMMIT 0x544D4F43u /* "COMT": commit unit */
#define FS_FORMAT_VERSION 1u

#define FS_KIND_VALUE 1u
#define FS_KIND_TOMB 2u
#define FS_KIND_CONSUMED 3u

#define FS_BLK_FREE 0u
#define FS_BLK_USED 1u
#define FS_BLK_GARBAGE 2u  /* mount: neither erased nor a valid block */
#define FS_BLK_CONSUMED 3u /* mount: named by a consumed marker */

#define FS_BF_COUNT_KNOWN 1u /* erase_count read from (or written to) the erase header */
#define FS_BF_HEADER_A 2u    /* free block: erase header programmed */
#define FS_BF_CLEAN 4u       /* free block: erased during this mount, nothing written since */

#define FS_HDR_BYTES 16u    /* block header slot contents */
#define FS_REC_BYTES 48u    /* record header contents */
#define FS_COMMIT_BYTES 8u  /* commit unit contents */
#define FS_CHUNK 64u        /* I/O buffer; a multiple of every program unit */

/* A record header as decoded. */
typedef struct {
    uint32_t kind;
    uint64_t seq;
    cit_store_key_t key;
    uint32_t flags;
    uint32_t size;
    uint32_t payload_crc;
    uint32_t header_crc;
} cit_flash_rec_t;

/* ---- Layout and block helpers ---- */

static inline uint32_t cit_flash_round(const cit_flash_store_t *st, uint32_t n)
{
    return (n + st->unit - 1u) & ~(st->unit - 1u);
}

static inline uint32_t cit_flash_rec_total(const cit_flash_store_t *st, uint32_t size)
{
    return st->rec_hdr + cit_flash_round(st, size) + st->commit_size;
}

static inline uint32_t cit_flash_block_size(const cit_flash_store_t *st)
{
    return st->dev->block_size;
}

static inline int cit_flash_all_ff(const uint8_t *p, size_t n)
{
    size_t i;
    uint8_t acc = 0xFF;

    for (i = 0; i < n; i++) {
        acc = (uint8_t)(acc & p[i]);
    }
    return acc == 0xFF;
}

static inline int cit_flash_key_eq(const cit_store_key_t *a, const cit_store_key_t *b)
{
    return a->space == b->space && a->owner == b->owner && a->uid == b->uid;
}

static inline uint32_t cit_flash_erase_count(const cit_flash_store_t *st, uint32_t b)
{
    const cit_flash_block_t *blk = &st->blocks[b];

    return (blk->flags & FS_BF_COUNT_KNOWN) ? blk->erase_count : st->max_erase_count;
}

static inline uint32_t cit_flash_count_free(const cit_flash_store_t *st)
{
    uint32_t b;
    uint32_t n = 0;

    for (b = 0; b < st->dev->num_blocks; b++) {
        n += (st->blocks[b].state == FS_BLK_FREE) ? 1u : 0u;
    }
    return n;
}

/* ---- flash_log.c ---- */

/* cit_flash_hdr_decode checks a block header slot (magic, CRC) and returns its two words. */
int cit_flash_hdr_decode(const uint8_t *in, uint32_t magic, uint32_t *a, uint32_t *b);

/* cit_flash_rec_decode checks and decodes a record header (FS_REC_BYTES bytes at in). */
int cit_flash_rec_decode(const cit_flash_store_t *st, const uint8_t *in, cit_flash_rec_t *rec);

/* cit_flash_fail unmounts the store after a device error: STORAGE_FAILURE (next call re-mounts). */
psa_status_t cit_flash_fail(cit_flash_store_t *st);

/* cit_flash_read and cit_flash_prog access block b at offset off (errors unmount). */
psa_status_t cit_flash_read(cit_flash_store_t *st, uint32_t b, uint32_t off, uint8_t *buf,
                            size_t len);

psa_status_t cit_flash_prog(cit_flash_store_t *st, uint32_t b, uint32_t off, const uint8_t *buf,
                            size_t len);

/* cit_flash_range_erased: *erased = 1 if [off, end) of block b reads all 0xFF. */
psa_status_t cit_flash_range_erased(cit_flash_store_t *st, uint32_t b, uint32_t off, uint32_t end,
                                    int *erased);

/* cit_flash_parse: *valid = 1 if a committed record starts at off in block b. */
psa_status_t cit_flash_parse(cit_flash_store_t *st, uint32_t b, uint32_t off, cit_flash_rec_t *rec,
                             int *valid);

/* cit_flash_erase_block erases block b and writes its erase header; b becomes free. */
psa_status_t cit_flash_erase_block(cit_flash_store_t *st, uint32_t b);

/*
 * cit_flash_open_block turns the least-worn (or, for relocating static data, the
 * most-worn) free block into the active block.
 */
psa_status_t cit_flash_open_block(cit_flash_store_t *st, int most_worn);

/*
 * cit_flash_append writes one record at the end of block b (the caller checked
 * that it fits): header and payload, read back and compared, then the
 * commit unit. *off receives the record's offset.
 */
psa_status_t cit_flash_append(cit_flash_store_t *st, uint32_t b, cit_flash_rec_t *rec,
                              const uint8_t *data, uint32_t *off);

/*
 * cit_flash_copy copies the committed record rec at (src, src_off) verbatim
 * to the end of block dst, reading each chunk back, then commits the copy.
 */
psa_status_t cit_flash_copy(cit_flash_store_t *st, uint32_t src, uint32_t src_off,
                            const cit_flash_rec_t *rec, uint32_t dst, uint32_t *dst_off);

/*
 * cit_flash_wipe overwrites the payload of a superseded value record with zeros
 * (its header and commit stay, so it still counts as an old record of its
 * key): removed or replaced data, key material included, does not linger
 * until the block is collected. Only once the newer record is committed,
 * and only on devices that allow programming a unit again.
 */
psa_status_t cit_flash_wipe(cit_flash_store_t *st, const cit_flash_entry_t *old);

/* ---- flash_store.c ---- */

/* cit_flash_find: the index entry of key (live or tombstone), or NULL. */
cit_flash_entry_t *cit_flash_find(cit_flash_store_t *st, const cit_store_key_t *key);

/* cit_flash_alloc: an unused index entry, or NULL. */
cit_flash_entry_t *cit_flash_alloc(cit_flash_store_t *st);

/* ---- flash_gc.c ---- */

/*
 * cit_flash_make_room makes the active block able to take a record of need bytes,
 * opening blocks and collecting garbage as needed, always keeping one free
 * block for the collector.
 */
psa_status_t cit_flash_make_room(cit_flash_store_t *st, uint32_t need);

/* cit_flash_avail: record space the store can offer, counting what collection reclaims. */
uint64_t cit_flash_avail(cit_flash_store_t *st);

/*
 * cit_flash_wear_level: after erases, if the most-worn block has been erased more
 * than wear_delta times more than the least-worn block holding
 * data, move that block's data (onto a worn block) so it rejoins the cycle.
 */
psa_status_t cit_flash_wear_level(cit_flash_store_t *st);

/*
 * cit_flash_compact frees index entries held by tombstones: collect every block
 * (oldest first) until an entry is free. One round leaves only newest
 * records; a second drops every tombstone.
 */
psa_status_t cit_flash_compact(cit_flash_store_t *st);

#endif /* CIT_FLASH_INT_H */
