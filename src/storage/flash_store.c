/*
 * flash_store.c - log-structured, transactional object store on NOR flash
 * (see flash_store.h; the format and the recovery rules are described in
 * docs/storage.md, "Flash backend").
 *
 * In short: every erase block starts with two header slots, the erase
 * header (written right after an erase: erase count) and the open header
 * (written when the block starts taking records: block sequence number).
 * Records are appended: a header with a CRC, the payload, and a commit unit
 * programmed last by a separate program operation. The newest committed
 * record of a key (record sequence number) is its value; a tombstone
 * record removes it. Garbage collection copies the newest records out of a
 * victim block, then appends a "consumed" marker naming the victim's block
 * sequence number, then erases the victim: at mount a block named by a
 * marker is ignored and erased (GC finished), and copies in a block whose
 * source still lives lose to the source (GC rolled back).
 */
#include "storage/flash_store.h"

#include <string.h>

#include "storage/crc32.h"
#include "util.h"

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
} fs_rec_t;

/* ---- Layout helpers ---- */

static uint32_t fs_round(const cit_flash_store_t *st, uint32_t n)
{
    return (n + st->unit - 1u) & ~(st->unit - 1u);
}

static uint32_t fs_rec_total(const cit_flash_store_t *st, uint32_t size)
{
    return st->rec_hdr + fs_round(st, size) + st->commit_size;
}

static uint32_t fs_block_size(const cit_flash_store_t *st)
{
    return st->dev->block_size;
}

/* fs_charge: what an object counts in used() (storage.h). */
static size_t fs_charge(uint32_t size)
{
    return (size_t)size + CIT_STORE_OBJECT_CHARGE;
}

static int fs_all_ff(const uint8_t *p, size_t n)
{
    size_t i;
    uint8_t acc = 0xFF;

    for (i = 0; i < n; i++) {
        acc = (uint8_t)(acc & p[i]);
    }
    return acc == 0xFF;
}

static int fs_key_eq(const cit_store_key_t *a, const cit_store_key_t *b)
{
    return a->space == b->space && a->owner == b->owner && a->uid == b->uid;
}

static uint32_t fs_erase_count(const cit_flash_store_t *st, uint32_t b)
{
    const cit_flash_block_t *blk = &st->blocks[b];

    return (blk->flags & FS_BF_COUNT_KNOWN) ? blk->erase_count : st->max_erase_count;
}

static uint32_t fs_count_free(const cit_flash_store_t *st)
{
    uint32_t b;
    uint32_t n = 0;

    for (b = 0; b < st->dev->num_blocks; b++) {
        n += (st->blocks[b].state == FS_BLK_FREE) ? 1u : 0u;
    }
    return n;
}

/* ---- Encoding ---- */

static void fs_hdr_encode(uint8_t *out, uint32_t slot, uint32_t magic, uint32_t a, uint32_t b)
{
    memset(out, 0xFF, slot);
    cit_store_le32(out, magic);
    cit_store_le32(out + 4, a);
    cit_store_le32(out + 8, b);
    cit_store_le32(out + 12, cit_crc32_update(0, out, 12));
}

static int fs_hdr_decode(const uint8_t *in, uint32_t magic, uint32_t *a, uint32_t *b)
{
    if (cit_load_le32(in) != magic || cit_load_le32(in + 12) != cit_crc32_update(0, in, 12)) {
        return 0;
    }
    *a = cit_load_le32(in + 4);
    *b = cit_load_le32(in + 8);
    return 1;
}

/* fs_rec_encode fills the record header (out: rec_hdr bytes) and sets rec->header_crc. */
static void fs_rec_encode(const cit_flash_store_t *st, fs_rec_t *rec, uint8_t *out)
{
    memset(out, 0xFF, st->rec_hdr);
    cit_store_le32(out, FS_MAGIC_REC);
    cit_store_le32(out + 4, rec->kind);
    cit_store_le64(out + 8, rec->seq);
    cit_store_le32(out + 16, rec->key.space);
    cit_store_le32(out + 20, (uint32_t)rec->key.owner);
    cit_store_le64(out + 24, rec->key.uid);
    cit_store_le32(out + 32, rec->flags);
    cit_store_le32(out + 36, rec->size);
    cit_store_le32(out + 40, rec->payload_crc);
    rec->header_crc = cit_crc32_update(0, out, 44);
    cit_store_le32(out + 44, rec->header_crc);
}

static int fs_rec_decode(const cit_flash_store_t *st, const uint8_t *in, fs_rec_t *rec)
{
    uint32_t owner;

    if (cit_load_le32(in) != FS_MAGIC_REC ||
        cit_load_le32(in + 44) != cit_crc32_update(0, in, 44)) {
        return 0;
    }
    rec->kind = cit_load_le32(in + 4);
    rec->seq = cit_load_le64(in + 8);
    rec->key.space = cit_load_le32(in + 16);
    owner = cit_load_le32(in + 20);
    memcpy(&rec->key.owner, &owner, sizeof(owner));
    rec->key.uid = cit_load_le64(in + 24);
    rec->flags = cit_load_le32(in + 32);
    rec->size = cit_load_le32(in + 36);
    rec->payload_crc = cit_load_le32(in + 40);
    rec->header_crc = cit_load_le32(in + 44);
    if (rec->kind < FS_KIND_VALUE || rec->kind > FS_KIND_CONSUMED) {
        return 0;
    }
    if (rec->size > st->max_payload || (rec->kind != FS_KIND_VALUE && rec->size != 0)) {
        return 0;
    }
    return 1;
}

static void fs_commit_encode(const cit_flash_store_t *st, uint8_t *out, uint32_t header_crc)
{
    memset(out, 0x00, st->commit_size);
    cit_store_le32(out, FS_MAGIC_COMMIT);
    cit_store_le32(out + 4, header_crc);
}

/* ---- Device access: any device error unmounts (the next call re-mounts) ---- */

static psa_status_t fs_fail(cit_flash_store_t *st)
{
    st->mounted = 0;
    return PSA_ERROR_STORAGE_FAILURE;
}

static psa_status_t fs_read(cit_flash_store_t *st, uint32_t b, uint32_t off, uint8_t *buf,
                            size_t len)
{
    const cit_nor_flash_t *d = st->dev;

    if (d->read(d->ctx, b * d->block_size + off, buf, len) != CIT_NOR_OK) {
        return fs_fail(st);
    }
    return PSA_SUCCESS;
}

static psa_status_t fs_prog(cit_flash_store_t *st, uint32_t b, uint32_t off, const uint8_t *buf,
                            size_t len)
{
    const cit_nor_flash_t *d = st->dev;

    if (len == 0) {
        return PSA_SUCCESS;
    }
    if (d->program(d->ctx, b * d->block_size + off, buf, len) != CIT_NOR_OK) {
        return fs_fail(st);
    }
    return PSA_SUCCESS;
}

/* fs_range_erased: *erased = 1 if [off, end) of block b reads all 0xFF. */
static psa_status_t fs_range_erased(cit_flash_store_t *st, uint32_t b, uint32_t off,
                                    uint32_t end, int *erased)
{
    uint8_t buf[FS_CHUNK];
    psa_status_t status;

    *erased = 1;
    while (off < end) {
        uint32_t n = (end - off < FS_CHUNK) ? end - off : FS_CHUNK;

        status = fs_read(st, b, off, buf, n);
        if (status != PSA_SUCCESS) {
            return status;
        }
        if (!fs_all_ff(buf, n)) {
            *erased = 0;
            return PSA_SUCCESS;
        }
        off += n;
    }
    return PSA_SUCCESS;
}

/* fs_parse: *valid = 1 if a committed record starts at off in block b. */
static psa_status_t fs_parse(cit_flash_store_t *st, uint32_t b, uint32_t off, fs_rec_t *rec,
                             int *valid)
{
    uint8_t buf[FS_CHUNK];
    uint32_t bs = fs_block_size(st);
    uint32_t total;
    psa_status_t status;

    *valid = 0;
    if (off < st->data_start || off > bs || bs - off < st->small_rec) {
        return PSA_SUCCESS;
    }
    status = fs_read(st, b, off, buf, FS_REC_BYTES);
    if (status != PSA_SUCCESS) {
        return status;
    }
    if (!fs_rec_decode(st, buf, rec)) {
        return PSA_SUCCESS;
    }
    total = fs_rec_total(st, rec->size);
    if (bs - off < total) {
        return PSA_SUCCESS;
    }
    status = fs_read(st, b, off + total - st->commit_size, buf, st->commit_size);
    if (status != PSA_SUCCESS) {
        return status;
    }
    if (cit_load_le32(buf) != FS_MAGIC_COMMIT || cit_load_le32(buf + 4) != rec->header_crc) {
        return PSA_SUCCESS;
    }
    if (st->commit_size > FS_COMMIT_BYTES) {
        uint32_t i;

        for (i = FS_COMMIT_BYTES; i < st->commit_size; i++) {
            if (buf[i] != 0x00) {
                return PSA_SUCCESS;
            }
        }
    }
    *valid = 1;
    return PSA_SUCCESS;
}

/* ---- Index ---- */

static cit_flash_entry_t *fs_find(cit_flash_store_t *st, const cit_store_key_t *key)
{
    size_t i;

    for (i = 0; i < CIT_FLASH_MAX_OBJECTS; i++) {
        if (st->index[i].kind != 0 && fs_key_eq(&st->index[i].key, key)) {
            return &st->index[i];
        }
    }
    return NULL;
}

static cit_flash_entry_t *fs_alloc(cit_flash_store_t *st)
{
    size_t i;

    for (i = 0; i < CIT_FLASH_MAX_OBJECTS; i++) {
        if (st->index[i].kind == 0) {
            return &st->index[i];
        }
    }
    return NULL;
}

static int fs_has_tombstone(const cit_flash_store_t *st)
{
    size_t i;

    for (i = 0; i < CIT_FLASH_MAX_OBJECTS; i++) {
        if (st->index[i].kind == FS_KIND_TOMB) {
            return 1;
        }
    }
    return 0;
}

static void fs_entry_set(cit_flash_entry_t *e, const fs_rec_t *rec, uint32_t b, uint32_t off)
{
    e->key = rec->key;
    e->seq = rec->seq;
    e->offset = off;
    e->size = rec->size;
    e->flags = rec->flags;
    e->block = (uint16_t)b;
    e->kind = (uint8_t)rec->kind;
}

/* ---- Blocks: erase, open ---- */

/* fs_erase_block erases block b and writes its erase header; b becomes free. */
static psa_status_t fs_erase_block(cit_flash_store_t *st, uint32_t b)
{
    cit_flash_block_t *blk = &st->blocks[b];
    uint8_t hdr[FS_CHUNK];
    uint32_t count = fs_erase_count(st, b);
    psa_status_t status;

    if (st->active == b) {
        st->active = FS_NONE;
    }
    blk->state = FS_BLK_FREE;
    blk->flags = 0;
    blk->seq = 0;
    blk->end = 0;
    blk->live = 0;
    if (st->dev->erase(st->dev->ctx, b) != CIT_NOR_OK) {
        return fs_fail(st);
    }
    count = (count == 0xFFFFFFFFu) ? count : count + 1u;
    blk->erase_count = count;
    blk->flags = FS_BF_COUNT_KNOWN;
    if (count > st->max_erase_count) {
        st->max_erase_count = count;
    }
    st->wear_check = 1;
    fs_hdr_encode(hdr, st->hdr_size, FS_MAGIC_ERASED, count, fs_block_size(st));
    status = fs_prog(st, b, 0, hdr, st->hdr_size);
    if (status != PSA_SUCCESS) {
        return status;
    }
    blk->flags |= FS_BF_HEADER_A | FS_BF_CLEAN;
    return PSA_SUCCESS;
}

/*
 * fs_open_block turns the least-worn (or, for relocating static data, the
 * most-worn) free block into the active block.
 */
static psa_status_t fs_open_block(cit_flash_store_t *st, int most_worn)
{
    uint32_t best = FS_NONE;
    uint32_t best_count = 0;
    uint32_t b;
    uint8_t hdr[FS_CHUNK];
    cit_flash_block_t *blk;
    psa_status_t status;

    for (b = 0; b < st->dev->num_blocks; b++) {
        uint32_t c = fs_erase_count(st, b);

        if (st->blocks[b].state != FS_BLK_FREE) {
            continue;
        }
        if (best == FS_NONE || (most_worn ? c > best_count : c < best_count)) {
            best = b;
            best_count = c;
        }
    }
    if (best == FS_NONE) {
        return PSA_ERROR_INSUFFICIENT_STORAGE;
    }
    if (st->next_block_seq == FS_NONE) {
        return PSA_ERROR_INSUFFICIENT_STORAGE;
    }
    blk = &st->blocks[best];
    if (!(blk->flags & FS_BF_CLEAN)) {
        /* Found free at mount: make sure no stray bit survived an interrupted erase. */
        int erased;

        status = fs_range_erased(st, best, (blk->flags & FS_BF_HEADER_A) ? st->hdr_size : 0,
                                 fs_block_size(st), &erased);
        if (status != PSA_SUCCESS) {
            return status;
        }
        if (!erased) {
            status = fs_erase_block(st, best);
        } else if (!(blk->flags & FS_BF_HEADER_A)) {
            blk->erase_count = best_count;
            blk->flags |= FS_BF_COUNT_KNOWN;
            fs_hdr_encode(hdr, st->hdr_size, FS_MAGIC_ERASED, best_count, fs_block_size(st));
            status = fs_prog(st, best, 0, hdr, st->hdr_size);
        }
        if (status != PSA_SUCCESS) {
            return status;
        }
    }
    fs_hdr_encode(hdr, st->hdr_size, FS_MAGIC_OPEN, st->next_block_seq,
                  (FS_FORMAT_VERSION << 16) | st->unit);
    status = fs_prog(st, best, st->hdr_size, hdr, st->hdr_size);
    if (status != PSA_SUCCESS) {
        return status;
    }
    blk->state = FS_BLK_USED;
    blk->flags &= FS_BF_COUNT_KNOWN;
    blk->seq = st->next_block_seq++;
    blk->end = st->data_start;
    blk->live = 0;
    st->active = best;
    return PSA_SUCCESS;
}

/* ---- Appending records ---- */

/*
 * fs_append writes one record at the end of block b (the caller checked
 * that it fits): header and payload, read back and compared, then the
 * commit unit. *off receives the record's offset.
 */
static psa_status_t fs_append(cit_flash_store_t *st, uint32_t b, fs_rec_t *rec,
                              const uint8_t *data, uint32_t *off)
{
    cit_flash_block_t *blk = &st->blocks[b];
    uint8_t buf[FS_CHUNK];
    uint8_t chk[FS_CHUNK];
    uint32_t at = blk->end;
    uint32_t full = rec->size & ~(st->unit - 1u);
    uint32_t pos;
    psa_status_t status;

    rec->seq = st->next_seq++;
    rec->payload_crc = cit_crc32_update(0, data, rec->size);
    fs_rec_encode(st, rec, buf);
    /* From here on the block's tail is no longer known to be erased. */
    st->active = (st->active == b) ? FS_NONE : st->active;
    status = fs_prog(st, b, at, buf, st->rec_hdr);
    if (status == PSA_SUCCESS) {
        status = fs_prog(st, b, at + st->rec_hdr, data, full);
    }
    if (status == PSA_SUCCESS && full < rec->size) {
        memset(buf, 0xFF, st->unit);
        memcpy(buf, data + full, rec->size - full);
        status = fs_prog(st, b, at + st->rec_hdr + full, buf, st->unit);
    }
    if (status != PSA_SUCCESS) {
        return status;
    }
    /* Read back before committing: a record that did not program right is never committed. */
    fs_rec_encode(st, rec, buf);
    status = fs_read(st, b, at, chk, FS_REC_BYTES);
    if (status != PSA_SUCCESS) {
        return status;
    }
    if (memcmp(buf, chk, FS_REC_BYTES) != 0) {
        return fs_fail(st);
    }
    for (pos = 0; pos < rec->size; pos += FS_CHUNK) {
        uint32_t n = (rec->size - pos < FS_CHUNK) ? rec->size - pos : FS_CHUNK;

        status = fs_read(st, b, at + st->rec_hdr + pos, chk, n);
        if (status != PSA_SUCCESS) {
            return status;
        }
        if (memcmp(chk, data + pos, n) != 0) {
            return fs_fail(st);
        }
    }
    fs_commit_encode(st, buf, rec->header_crc);
    status = fs_prog(st, b, at + fs_rec_total(st, rec->size) - st->commit_size, buf,
                     st->commit_size);
    if (status != PSA_SUCCESS) {
        return status;
    }
    blk->end = at + fs_rec_total(st, rec->size);
    st->active = b;
    *off = at;
    return PSA_SUCCESS;
}

/* fs_copy copies the committed record rec at (src, src_off) verbatim to the end of block dst. */
static psa_status_t fs_copy(cit_flash_store_t *st, uint32_t src, uint32_t src_off,
                            const fs_rec_t *rec, uint32_t dst, uint32_t *dst_off)
{
    cit_flash_block_t *blk = &st->blocks[dst];
    uint8_t buf[FS_CHUNK];
    uint8_t chk[FS_CHUNK];
    uint32_t total = fs_rec_total(st, rec->size);
    uint32_t body = total - st->commit_size;
    uint32_t at = blk->end;
    uint32_t pos;
    psa_status_t status;

    st->active = FS_NONE;
    for (pos = 0; pos < body; pos += FS_CHUNK) {
        uint32_t n = (body - pos < FS_CHUNK) ? body - pos : FS_CHUNK;

        status = fs_read(st, src, src_off + pos, buf, n);
        if (status == PSA_SUCCESS) {
            status = fs_prog(st, dst, at + pos, buf, n);
        }
        if (status == PSA_SUCCESS) {
            status = fs_read(st, dst, at + pos, chk, n);
        }
        if (status != PSA_SUCCESS) {
            return status;
        }
        if (memcmp(buf, chk, n) != 0) {
            return fs_fail(st);
        }
    }
    fs_commit_encode(st, buf, rec->header_crc);
    status = fs_prog(st, dst, at + body, buf, st->commit_size);
    if (status != PSA_SUCCESS) {
        return status;
    }
    blk->end = at + total;
    st->active = dst;
    *dst_off = at;
    return PSA_SUCCESS;
}

/* ---- Garbage collection, wear levelling, compaction ---- */

/*
 * fs_update_droppable counts, per block, the tombstones that are the only
 * record left of their key: collection drops them instead of copying.
 */
static void fs_update_droppable(cit_flash_store_t *st)
{
    uint32_t b;
    size_t i;

    for (b = 0; b < st->dev->num_blocks; b++) {
        st->blocks[b].droppable = 0;
    }
    for (i = 0; i < CIT_FLASH_MAX_OBJECTS; i++) {
        const cit_flash_entry_t *e = &st->index[i];

        if (e->kind == FS_KIND_TOMB && e->count == 1) {
            st->blocks[e->block].droppable += st->small_rec;
        }
    }
}

/*
 * fs_gain: record space a block yields when collected into a fresh block
 * (may be < 0); fs_update_droppable must be current.
 */
static int64_t fs_gain(const cit_flash_store_t *st, uint32_t b)
{
    const cit_flash_block_t *blk = &st->blocks[b];

    return (int64_t)st->capacity - ((int64_t)blk->live - (int64_t)blk->droppable) -
           (int64_t)st->small_rec;
}

/* fs_tail: record space left at the end of the active block. */
static uint32_t fs_tail(const cit_flash_store_t *st)
{
    uint32_t limit = fs_block_size(st) - st->small_rec;
    uint32_t end;

    if (st->active == FS_NONE) {
        return 0;
    }
    end = st->blocks[st->active].end;
    return (end < limit) ? limit - end : 0;
}

/*
 * fs_gc collects block victim: copies its newest records (and the
 * tombstones still hiding an older record elsewhere) to the active block if
 * they fit there, else to a fresh block, appends a consumed marker naming
 * the victim, then erases the victim.
 */
static psa_status_t fs_gc(cit_flash_store_t *st, uint32_t victim, int relocate)
{
    cit_flash_block_t *vb = &st->blocks[victim];
    uint32_t dest;
    uint32_t off;
    uint32_t at;
    fs_rec_t rec;
    int valid;
    size_t i;
    psa_status_t status;

    if (st->active != FS_NONE && st->active != victim && vb->live <= fs_tail(st)) {
        dest = st->active;
    } else {
        status = fs_open_block(st, relocate);
        if (status != PSA_SUCCESS) {
            return status;
        }
        dest = st->active;
    }
    /* Pass 1: forget the victim's records in the per-key record counts. */
    for (off = st->data_start; off < vb->end; off += fs_rec_total(st, rec.size)) {
        cit_flash_entry_t *e;

        status = fs_parse(st, victim, off, &rec, &valid);
        if (status != PSA_SUCCESS) {
            return status;
        }
        if (!valid) {
            break;
        }
        e = (rec.kind == FS_KIND_CONSUMED) ? NULL : fs_find(st, &rec.key);
        if (e != NULL && e->count > 0) {
            e->count--;
        }
    }
    /* Pass 2: copy what is still needed. */
    for (off = st->data_start; off < vb->end; off += fs_rec_total(st, rec.size)) {
        cit_flash_entry_t *e;

        status = fs_parse(st, victim, off, &rec, &valid);
        if (status != PSA_SUCCESS) {
            return status;
        }
        if (!valid) {
            break;
        }
        e = (rec.kind == FS_KIND_CONSUMED) ? NULL : fs_find(st, &rec.key);
        if (e == NULL || e->block != victim || e->offset != off) {
            continue; /* superseded record or old marker: dropped */
        }
        if (e->kind == FS_KIND_TOMB && e->count == 0) {
            e->kind = 0; /* no older record left anywhere: the tombstone goes */
            continue;
        }
        status = fs_copy(st, victim, off, &rec, dest, &at);
        if (status != PSA_SUCCESS) {
            return status;
        }
        e->block = (uint16_t)dest;
        e->offset = at;
        e->count++;
        st->blocks[dest].live += fs_rec_total(st, rec.size);
    }
    /* Never erase a block that still holds a newest record (e.g. unreadable since mount). */
    for (i = 0; i < CIT_FLASH_MAX_OBJECTS; i++) {
        if (st->index[i].kind != 0 && st->index[i].block == victim) {
            return fs_fail(st);
        }
    }
    memset(&rec, 0, sizeof(rec));
    rec.kind = FS_KIND_CONSUMED;
    rec.key.uid = vb->seq;
    {uint32_t vs = vb->seq; status = fs_erase_block(st, victim);
    if (status != PSA_SUCCESS) {
        return status;
    }
    rec.key.uid = vs; }
    status = fs_append(st, dest, &rec, NULL, &at);
    if (status != PSA_SUCCESS) {
        return status;
    }
    if (relocate) {
        st->num_relocations++;
    } else {
        st->num_gc++;
    }
    return PSA_SUCCESS;
}

/*
 * fs_make_room makes the active block able to take a record of need bytes,
 * opening blocks and collecting garbage as needed, always keeping one free
 * block for the collector.
 */
static psa_status_t fs_make_room(cit_flash_store_t *st, uint32_t need)
{
    uint32_t nb = st->dev->num_blocks;
    uint32_t iter;
    psa_status_t status;

    for (iter = 0; iter < 2u * nb + 2u; iter++) {
        uint32_t free_blocks = fs_count_free(st);
        uint32_t victim = FS_NONE;
        uint32_t b;

        if (st->active != FS_NONE && fs_tail(st) >= need) {
            return PSA_SUCCESS;
        }
        fs_update_droppable(st);
        if (free_blocks >= 2) {
            status = fs_open_block(st, 0);
            if (status != PSA_SUCCESS) {
                return status;
            }
            continue;
        }
        if (free_blocks == 0) {
            return PSA_ERROR_INSUFFICIENT_STORAGE;
        }
        /*
         * Useful victims: one whose collection into a fresh block leaves
         * room for the record, or one whose newest records fit into the
         * active block (a whole block is then freed). The cheapest wins.
         */
        for (b = 0; b < nb; b++) {
            const cit_flash_block_t *blk = &st->blocks[b];
            int useful;

            if (blk->state != FS_BLK_USED) {
                continue;
            }
            useful = fs_gain(st, b) >= (int64_t)need ||
                     (st->active != FS_NONE && b != st->active && blk->live <= fs_tail(st));
            if (useful && (victim == FS_NONE || blk->live < st->blocks[victim].live ||
                           (blk->live == st->blocks[victim].live &&
                            fs_erase_count(st, b) < fs_erase_count(st, victim)))) {
                victim = b;
            }
        }
        if (victim == FS_NONE) {
            return PSA_ERROR_INSUFFICIENT_STORAGE;
        }
        status = fs_gc(st, victim, 0);
        if (status != PSA_SUCCESS) {
            return status;
        }
    }
    return PSA_ERROR_INSUFFICIENT_STORAGE;
}

/* fs_avail: record space the store can offer, counting what collection reclaims. */
static uint64_t fs_avail(cit_flash_store_t *st)
{
    uint64_t sum = 0;
    uint32_t free_blocks = fs_count_free(st);
    uint32_t b;

    fs_update_droppable(st);
    for (b = 0; b < st->dev->num_blocks; b++) {
        int64_t g;

        if (st->blocks[b].state != FS_BLK_USED) {
            continue;
        }
        g = fs_gain(st, b);
        if (b == st->active && (int64_t)fs_tail(st) > g) {
            g = (int64_t)fs_tail(st);
        }
        sum += (g > 0) ? (uint64_t)g : 0u;
    }
    if (free_blocks > 1) {
        sum += (uint64_t)(free_blocks - 1u) * st->capacity;
    }
    return sum;
}

/*
 * fs_wear_level: after erases, if the most-worn block has been erased more
 * than CIT_FLASH_WEAR_DELTA times more than the least-worn block holding
 * data, move that block's data (onto a worn block) so it rejoins the cycle.
 */
static psa_status_t fs_wear_level(cit_flash_store_t *st)
{
    uint32_t lo = FS_NONE;
    uint32_t lo_count = 0;
    uint32_t hi_count = 0;
    uint32_t b;

    if (!st->wear_check) {
        return PSA_SUCCESS;
    }
    st->wear_check = 0;
    for (b = 0; b < st->dev->num_blocks; b++) {
        uint32_t c = fs_erase_count(st, b);

        hi_count = (c > hi_count) ? c : hi_count;
        if (st->blocks[b].state == FS_BLK_USED && b != st->active &&
            (lo == FS_NONE || c < lo_count)) {
            lo = b;
            lo_count = c;
        }
    }
    if (lo == FS_NONE || hi_count - lo_count <= CIT_FLASH_WEAR_DELTA || fs_count_free(st) == 0) {
        return PSA_SUCCESS;
    }
    return fs_gc(st, lo, 1);
}

/*
 * fs_compact frees index entries held by tombstones: collect every block
 * (oldest first) until an entry is free. One round leaves only newest
 * records; a second drops every tombstone.
 */
static psa_status_t fs_compact(cit_flash_store_t *st)
{
    uint32_t round;
    psa_status_t status;

    st->num_compactions++;
    for (round = 0; round < 2; round++) {
        uint32_t limit = st->next_block_seq;

        for (;;) {
            uint32_t victim = FS_NONE;
            uint32_t b;

            if (fs_alloc(st) != NULL) {
                return PSA_SUCCESS;
            }
            for (b = 0; b < st->dev->num_blocks; b++) {
                if (st->blocks[b].state == FS_BLK_USED && st->blocks[b].seq < limit &&
                    (victim == FS_NONE || st->blocks[b].seq < st->blocks[victim].seq)) {
                    victim = b;
                }
            }
            if (victim == FS_NONE) {
                break;
            }
            status = fs_gc(st, victim, 0);
            if (status != PSA_SUCCESS) {
                return status;
            }
        }
    }
    return (fs_alloc(st) != NULL) ? PSA_SUCCESS : PSA_ERROR_INSUFFICIENT_STORAGE;
}

/* ---- Mount ---- */

/* fs_classify reads both header slots of every block. */
static psa_status_t fs_classify(cit_flash_store_t *st)
{
    uint8_t buf[2 * FS_CHUNK];
    uint32_t hs = st->hdr_size;
    uint32_t b;
    psa_status_t status;

    for (b = 0; b < st->dev->num_blocks; b++) {
        cit_flash_block_t *blk = &st->blocks[b];
        uint32_t count = 0;
        uint32_t bsize = 0;
        uint32_t seq = 0;
        uint32_t version = 0;
        int a_ok;
        int b_ok;

        memset(blk, 0, sizeof(*blk));
        status = fs_read(st, b, 0, buf, 2u * hs);
        if (status != PSA_SUCCESS) {
            return status;
        }
        a_ok = fs_hdr_decode(buf, FS_MAGIC_ERASED, &count, &bsize);
        b_ok = fs_hdr_decode(buf + hs, FS_MAGIC_OPEN, &seq, &version);
        if (a_ok) {
            if (bsize != fs_block_size(st)) {
                return PSA_ERROR_STORAGE_FAILURE; /* formatted for another geometry */
            }
            blk->erase_count = count;
            blk->flags = FS_BF_COUNT_KNOWN;
            st->max_erase_count = (count > st->max_erase_count) ? count : st->max_erase_count;
        }
        if (a_ok && b_ok) {
            if (version != ((FS_FORMAT_VERSION << 16) | st->unit)) {
                return PSA_ERROR_STORAGE_FAILURE;
            }
            blk->state = FS_BLK_USED;
            blk->seq = seq;
            if (seq >= st->next_block_seq) {
                st->next_block_seq = seq + 1u;
            }
        } else if ((a_ok || fs_all_ff(buf, hs)) && fs_all_ff(buf + hs, hs)) {
            blk->state = FS_BLK_FREE;
            blk->flags |= a_ok ? FS_BF_HEADER_A : 0u;
        } else {
            blk->state = FS_BLK_GARBAGE;
        }
    }
    return PSA_SUCCESS;
}

/* fs_scan_markers marks blocks named by a consumed marker; tracks the newest record seq. */
static psa_status_t fs_scan_markers(cit_flash_store_t *st)
{
    uint32_t nb = st->dev->num_blocks;
    uint32_t b;
    uint32_t t;
    uint32_t off;
    fs_rec_t rec;
    int valid;
    psa_status_t status;

    for (b = 0; b < nb; b++) {
        if (st->blocks[b].state != FS_BLK_USED && st->blocks[b].state != FS_BLK_CONSUMED) {
            continue;
        }
        for (off = st->data_start;; off += fs_rec_total(st, rec.size)) {
            status = fs_parse(st, b, off, &rec, &valid);
            if (status != PSA_SUCCESS) {
                return status;
            }
            if (!valid) {
                break;
            }
            if (rec.seq >= st->next_seq) {
                st->next_seq = rec.seq + 1u;
            }
            if (rec.kind != FS_KIND_CONSUMED) {
                continue;
            }
            for (t = 0; t < nb; t++) {
                if (t != b && st->blocks[t].state == FS_BLK_USED &&
                    (uint64_t)st->blocks[t].seq == rec.key.uid) {
                    st->blocks[t].state = FS_BLK_CONSUMED;
                }
            }
        }
    }
    return PSA_SUCCESS;
}

/* fs_newer: is record (seq, in block b) newer than what entry e points at? */
static int fs_newer(const cit_flash_store_t *st, const cit_flash_entry_t *e, uint64_t seq,
                    uint32_t b)
{
    if (seq != e->seq) {
        return seq > e->seq;
    }
    /* The same record twice: a collection was cut short; the source (older block) wins. */
    return st->blocks[b].seq < st->blocks[e->block].seq;
}

/* fs_build_index indexes the newest record of every key in the blocks in use. */
static psa_status_t fs_build_index(cit_flash_store_t *st)
{
    uint32_t b;
    uint32_t off;
    size_t i;
    fs_rec_t rec;
    int valid;
    psa_status_t status;

    memset(st->index, 0, sizeof(st->index));
    st->used_bytes = 0;
    for (b = 0; b < st->dev->num_blocks; b++) {
        cit_flash_block_t *blk = &st->blocks[b];

        blk->live = 0;
        if (blk->state != FS_BLK_USED) {
            continue;
        }
        for (off = st->data_start;; off += fs_rec_total(st, rec.size)) {
            cit_flash_entry_t *e;

            status = fs_parse(st, b, off, &rec, &valid);
            if (status != PSA_SUCCESS) {
                return status;
            }
            if (!valid) {
                break;
            }
            if (rec.kind == FS_KIND_CONSUMED) {
                continue;
            }
            e = fs_find(st, &rec.key);
            if (e == NULL) {
                e = fs_alloc(st);
                if (e == NULL) {
                    return PSA_ERROR_STORAGE_FAILURE; /* more objects than the index holds */
                }
                fs_entry_set(e, &rec, b, off);
                e->count = 1;
            } else {
                e->count++;
                if (fs_newer(st, e, rec.seq, b)) {
                    fs_entry_set(e, &rec, b, off);
                }
            }
        }
        blk->end = off;
    }
    for (i = 0; i < CIT_FLASH_MAX_OBJECTS; i++) {
        const cit_flash_entry_t *e = &st->index[i];

        if (e->kind != 0) {
            st->blocks[e->block].live += fs_rec_total(st, e->size);
            st->used_bytes += (e->kind == FS_KIND_VALUE) ? fs_charge(e->size) : 0u;
        }
    }
    return PSA_SUCCESS;
}

/*
 * fs_mount rebuilds the RAM state from flash and repairs what a power loss
 * left: blocks named by a consumed marker and blocks that are neither
 * erased nor valid are erased, then blocks holding no newest record (e.g. a
 * collection's copies whose source survived) are erased. The newest block
 * keeps taking records if its tail is still erased.
 */
static psa_status_t fs_mount(cit_flash_store_t *st)
{
    uint32_t nb = st->dev->num_blocks;
    uint32_t b;
    uint32_t newest = FS_NONE;
    int pass;
    int erased;
    psa_status_t status;

    st->mounted = 0;
    st->active = FS_NONE;
    st->next_block_seq = 1;
    st->next_seq = 1;
    st->max_erase_count = 0;
    status = fs_classify(st);
    if (status == PSA_SUCCESS) {
        status = fs_scan_markers(st);
    }
    for (b = 0; b < nb && status == PSA_SUCCESS; b++) {
        if (st->blocks[b].state == FS_BLK_CONSUMED || st->blocks[b].state == FS_BLK_GARBAGE) {
            status = fs_erase_block(st, b);
            st->num_mount_repairs++;
        }
    }
    /* Erasing a block without newest records changes no newest record: two passes suffice. */
    for (pass = 0, erased = 1; pass < 3 && erased && status == PSA_SUCCESS; pass++) {
        status = fs_build_index(st);
        erased = 0;
        for (b = 0; b < nb && status == PSA_SUCCESS; b++) {
            if (st->blocks[b].state == FS_BLK_USED && st->blocks[b].live == 0) {
                status = fs_erase_block(st, b);
                st->num_mount_repairs++;
                erased = 1;
            }
        }
    }
    if (status == PSA_SUCCESS && erased) {
        status = PSA_ERROR_STORAGE_FAILURE;
    }
    if (status != PSA_SUCCESS) {
        st->mounted = 0;
        return status;
    }
    for (b = 0; b < nb; b++) {
        if (st->blocks[b].state == FS_BLK_USED &&
            (newest == FS_NONE || st->blocks[b].seq > st->blocks[newest].seq)) {
            newest = b;
        }
    }
    if (newest != FS_NONE) {
        status = fs_range_erased(st, newest, st->blocks[newest].end, fs_block_size(st), &erased);
        if (status != PSA_SUCCESS) {
            return status;
        }
        st->active = erased ? newest : FS_NONE;
    }
    st->wear_check = 1;
    st->mounted = 1;
    return PSA_SUCCESS;
}

static psa_status_t fs_ensure_mounted(cit_flash_store_t *st)
{
    return st->mounted ? PSA_SUCCESS : fs_mount(st);
}

/* ---- Backend operations ---- */

/* fs_check_header re-reads the header of e's record: DATA_CORRUPT unless it is the indexed one. */
static psa_status_t fs_check_header(cit_flash_store_t *st, const cit_flash_entry_t *e,
                                    fs_rec_t *rec)
{
    uint8_t buf[FS_REC_BYTES];
    psa_status_t status;

    status = fs_read(st, e->block, e->offset, buf, FS_REC_BYTES);
    if (status != PSA_SUCCESS) {
        return status;
    }
    if (!fs_rec_decode(st, buf, rec) || rec->kind != FS_KIND_VALUE || rec->seq != e->seq ||
        rec->size != e->size || rec->flags != e->flags || !fs_key_eq(&rec->key, &e->key)) {
        return PSA_ERROR_DATA_CORRUPT;
    }
    return PSA_SUCCESS;
}

static psa_status_t fs_op_info(void *ctx, const cit_store_key_t *key, uint32_t *flags,
                               size_t *size)
{
    cit_flash_store_t *st = (cit_flash_store_t *)ctx;
    const cit_flash_entry_t *e;
    fs_rec_t rec;
    psa_status_t status;

    if (st == NULL || key == NULL || flags == NULL || size == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    status = fs_ensure_mounted(st);
    if (status != PSA_SUCCESS) {
        return status;
    }
    e = fs_find(st, key);
    if (e == NULL || e->kind != FS_KIND_VALUE) {
        return PSA_ERROR_DOES_NOT_EXIST;
    }
    status = fs_check_header(st, e, &rec);
    if (status != PSA_SUCCESS) {
        return status;
    }
    *flags = e->flags;
    *size = e->size;
    return PSA_SUCCESS;
}

/* fs_crc_range feeds payload bytes [from, to) of the record at (b, base) to *crc. */
static psa_status_t fs_crc_range(cit_flash_store_t *st, uint32_t b, uint32_t base, uint32_t from,
                                 uint32_t to, uint32_t *crc)
{
    uint8_t buf[FS_CHUNK];
    psa_status_t status;

    while (from < to) {
        uint32_t n = (to - from < FS_CHUNK) ? to - from : FS_CHUNK;

        status = fs_read(st, b, base + from, buf, n);
        if (status != PSA_SUCCESS) {
            return status;
        }
        *crc = cit_crc32_update(*crc, buf, n);
        from += n;
    }
    return PSA_SUCCESS;
}

/* fs_read_object reads [offset, offset + len) of e's payload, checking the whole record. */
static psa_status_t fs_read_object(cit_flash_store_t *st, const cit_flash_entry_t *e,
                                   uint32_t offset, uint8_t *out, uint32_t len)
{
    uint32_t base = e->offset + st->rec_hdr;
    uint32_t crc = 0;
    fs_rec_t rec;
    psa_status_t status;

    status = fs_check_header(st, e, &rec);
    if (status != PSA_SUCCESS) {
        return status;
    }
    status = fs_crc_range(st, e->block, base, 0, offset, &crc);
    if (status == PSA_SUCCESS && len != 0) {
        status = fs_read(st, e->block, base + offset, out, len);
        crc = cit_crc32_update(crc, out, len);
    }
    if (status == PSA_SUCCESS) {
        status = fs_crc_range(st, e->block, base, offset + len, rec.size, &crc);
    }
    if (status != PSA_SUCCESS) {
        return status;
    }
    return (crc == rec.payload_crc) ? PSA_SUCCESS : PSA_ERROR_DATA_CORRUPT;
}

static psa_status_t fs_op_read(void *ctx, const cit_store_key_t *key, size_t offset, uint8_t *out,
                               size_t len)
{
    cit_flash_store_t *st = (cit_flash_store_t *)ctx;
    const cit_flash_entry_t *e;
    psa_status_t status;

    if (st == NULL || key == NULL || (out == NULL && len != 0)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    status = fs_ensure_mounted(st);
    if (status != PSA_SUCCESS) {
        return status;
    }
    e = fs_find(st, key);
    if (e == NULL || e->kind != FS_KIND_VALUE) {
        return PSA_ERROR_DOES_NOT_EXIST;
    }
    if (offset > e->size || len > e->size - offset) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    status = fs_read_object(st, e, (uint32_t)offset, out, (uint32_t)len);
    if (status != PSA_SUCCESS && len != 0) {
        cit_zeroize(out, len);
    }
    return status;
}

/* fs_put appends a value (data != NULL or size 0) or a tombstone for key; updates the index. */
static psa_status_t fs_put(cit_flash_store_t *st, const cit_store_key_t *key, uint32_t kind,
                           uint32_t flags, const uint8_t *data, uint32_t size)
{
    uint32_t need = fs_rec_total(st, size);
    cit_flash_entry_t *e;
    fs_rec_t rec;
    uint32_t off;
    psa_status_t status;

    status = fs_make_room(st, need);
    if (status != PSA_SUCCESS) {
        return status;
    }
    /* Collection may have dropped this key's tombstone entry; entries never move. */
    e = fs_find(st, key);
    if (e == NULL) {
        e = fs_alloc(st);
        if (e == NULL) {
            return PSA_ERROR_INSUFFICIENT_STORAGE;
        }
        e->count = 0;
    }
    memset(&rec, 0, sizeof(rec));
    rec.kind = kind;
    rec.key = *key;
    rec.flags = flags;
    rec.size = size;
    status = fs_append(st, st->active, &rec, data, &off);
    if (status != PSA_SUCCESS) {
        return status;
    }
    if (e->kind != 0) {
        st->blocks[e->block].live -= fs_rec_total(st, e->size);
        st->used_bytes -= (e->kind == FS_KIND_VALUE) ? fs_charge(e->size) : 0u;
    }
    fs_entry_set(e, &rec, st->active, off);
    e->count++;
    st->blocks[st->active].live += need;
    st->used_bytes += (kind == FS_KIND_VALUE) ? fs_charge(size) : 0u;
    return PSA_SUCCESS;
}

static psa_status_t fs_op_write(void *ctx, const cit_store_key_t *key, uint32_t flags,
                                const uint8_t *data, size_t len)
{
    cit_flash_store_t *st = (cit_flash_store_t *)ctx;
    const cit_flash_entry_t *e;
    uint64_t reserve;
    uint64_t old = 0;
    uint32_t need;
    psa_status_t status;

    if (st == NULL || key == NULL || (data == NULL && len != 0)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    if (len > CIT_STORE_MAX_OBJECT_SIZE) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    status = fs_ensure_mounted(st);
    if (status != PSA_SUCCESS) {
        return status;
    }
    if (len > st->max_payload) {
        return PSA_ERROR_INSUFFICIENT_STORAGE;
    }
    status = fs_wear_level(st);
    if (status != PSA_SUCCESS) {
        return status;
    }
    e = fs_find(st, key);
    if (e == NULL && fs_alloc(st) == NULL) {
        if (!fs_has_tombstone(st)) {
            return PSA_ERROR_INSUFFICIENT_STORAGE;
        }
        status = fs_compact(st);
        if (status != PSA_SUCCESS) {
            return status;
        }
        e = fs_find(st, key);
    }
    if (e != NULL) {
        old = fs_rec_total(st, e->size);
    }
    /* Keep room for tombstones: a removal must never fail for lack of space. */
    need = fs_rec_total(st, (uint32_t)len);
    reserve = (uint64_t)(st->dev->num_blocks + 1u) * st->small_rec;
    if (fs_avail(st) + old < (uint64_t)need + st->small_rec + reserve) {
        return PSA_ERROR_INSUFFICIENT_STORAGE;
    }
    return fs_put(st, key, FS_KIND_VALUE, flags, (len != 0) ? data : NULL, (uint32_t)len);
}

static psa_status_t fs_op_remove(void *ctx, const cit_store_key_t *key)
{
    cit_flash_store_t *st = (cit_flash_store_t *)ctx;
    const cit_flash_entry_t *e;
    psa_status_t status;

    if (st == NULL || key == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    status = fs_ensure_mounted(st);
    if (status != PSA_SUCCESS) {
        return status;
    }
    e = fs_find(st, key);
    if (e == NULL || e->kind != FS_KIND_VALUE) {
        return PSA_ERROR_DOES_NOT_EXIST;
    }
    status = fs_wear_level(st);
    if (status != PSA_SUCCESS) {
        return status;
    }
    return fs_put(st, key, FS_KIND_TOMB, 0, NULL, 0);
}

static psa_status_t fs_op_used(void *ctx, size_t *bytes)
{
    cit_flash_store_t *st = (cit_flash_store_t *)ctx;
    psa_status_t status;

    if (st == NULL || bytes == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    status = fs_ensure_mounted(st);
    if (status != PSA_SUCCESS) {
        return status;
    }
    *bytes = st->used_bytes;
    return PSA_SUCCESS;
}

static const cit_store_backend_ops_t fs_ops = {
    fs_op_info, fs_op_read, fs_op_write, fs_op_remove, fs_op_used,
};

/* see flash_store.h */
psa_status_t cit_flash_store_open(cit_store_backend_t *out, cit_flash_store_t *state,
                                  const cit_nor_flash_t *dev)
{
    cit_flash_store_t *st = state;
    uint32_t unit;
    uint32_t bs;
    uint32_t min_block;
    psa_status_t status;

    if (out == NULL || st == NULL || dev == NULL || dev->read == NULL || dev->program == NULL ||
        dev->erase == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    out->ops = NULL;
    out->ctx = NULL;
    unit = dev->program_unit;
    bs = dev->block_size;
    if (unit == 0 || unit > FS_CHUNK || (unit & (unit - 1u)) != 0 || bs % unit != 0 ||
        dev->num_blocks < 2 || dev->num_blocks > CIT_FLASH_MAX_BLOCKS ||
        (uint64_t)bs * dev->num_blocks > 0xFFFFFFFFu) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    memset(st, 0, sizeof(*st));
    st->dev = dev;
    st->unit = unit;
    st->hdr_size = fs_round(st, FS_HDR_BYTES);
    st->data_start = 2u * st->hdr_size;
    st->rec_hdr = fs_round(st, FS_REC_BYTES);
    st->commit_size = fs_round(st, FS_COMMIT_BYTES);
    st->small_rec = st->rec_hdr + st->commit_size;
    min_block = st->data_start + 3u * st->small_rec + FS_CHUNK;
    if (bs < min_block) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    st->capacity = bs - st->data_start - st->small_rec;
    st->max_payload = (st->capacity - st->small_rec) & ~(unit - 1u);
    if (st->max_payload > CIT_STORE_MAX_OBJECT_SIZE) {
        st->max_payload = CIT_STORE_MAX_OBJECT_SIZE;
    }
    status = fs_mount(st);
    if (status != PSA_SUCCESS) {
        return status;
    }
    out->ops = &fs_ops;
    out->ctx = st;
    return PSA_SUCCESS;
}

/* see flash_store.h */
size_t cit_flash_store_max_object(const cit_flash_store_t *state)
{
    return (state == NULL) ? 0 : state->max_payload;
}
