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
 *
 * This file: the RAM index, mount and recovery, the backend operations.
 * The format and device access are in flash_log.c, space management in
 * flash_gc.c (see flash_int.h).
 */
#include "storage/flash_store.h"

#include <string.h>

#include "storage/crc32.h"
#include "storage/flash_int.h"
#include "util.h"

/* fs_charge: what an object counts in used() (storage.h). */
static size_t fs_charge(uint32_t size)
{
    return (size_t)size + CIT_STORE_OBJECT_CHARGE;
}

/* see flash_int.h */
cit_flash_entry_t *cit_flash_find(cit_flash_store_t *st, const cit_store_key_t *key)
{
    size_t i;

    for (i = 0; i < CIT_FLASH_MAX_OBJECTS; i++) {
        if (st->index[i].kind != 0 && cit_flash_key_eq(&st->index[i].key, key)) {
            return &st->index[i];
        }
    }
    return NULL;
}

/* see flash_int.h */
cit_flash_entry_t *cit_flash_alloc(cit_flash_store_t *st)
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

static void fs_entry_set(cit_flash_entry_t *e, const cit_flash_rec_t *rec, uint32_t b, uint32_t off)
{
    e->key = rec->key;
    e->seq = rec->seq;
    e->offset = off;
    e->size = rec->size;
    e->flags = rec->flags;
    e->block = (uint16_t)b;
    e->kind = (uint8_t)rec->kind;
}

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
        status = cit_flash_read(st, b, 0, buf, 2u * hs);
        if (status != PSA_SUCCESS) {
            return status;
        }
        a_ok = cit_flash_hdr_decode(buf, FS_MAGIC_ERASED, &count, &bsize);
        b_ok = cit_flash_hdr_decode(buf + hs, FS_MAGIC_OPEN, &seq, &version);
        if (a_ok) {
            if (bsize != cit_flash_block_size(st)) {
                return PSA_ERROR_STORAGE_FAILURE; /* formatted for another geometry */
            }
            blk->erase_count = count;
            blk->flags = FS_BF_COUNT_KNOWN;
            st->max_erase_count = (count > st->max_erase_count) ? count : st->max_erase_count;
        }
        if (a_ok && b_ok && seq != FS_NONE) {
            if (version != ((FS_FORMAT_VERSION << 16) | st->unit)) {
                return PSA_ERROR_STORAGE_FAILURE;
            }
            blk->state = FS_BLK_USED;
            blk->seq = seq;
            if (seq >= st->next_block_seq) {
                st->next_block_seq = seq + 1u;
            }
        } else if ((a_ok || cit_flash_all_ff(buf, hs)) && cit_flash_all_ff(buf + hs, hs)) {
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
    cit_flash_rec_t rec;
    int valid;
    psa_status_t status;

    for (b = 0; b < nb; b++) {
        if (st->blocks[b].state != FS_BLK_USED && st->blocks[b].state != FS_BLK_CONSUMED) {
            continue;
        }
        for (off = st->data_start;; off += cit_flash_rec_total(st, rec.size)) {
            status = cit_flash_parse(st, b, off, &rec, &valid);
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
    cit_flash_rec_t rec;
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
        for (off = st->data_start;; off += cit_flash_rec_total(st, rec.size)) {
            cit_flash_entry_t *e;

            status = cit_flash_parse(st, b, off, &rec, &valid);
            if (status != PSA_SUCCESS) {
                return status;
            }
            if (!valid) {
                break;
            }
            if (rec.kind == FS_KIND_CONSUMED) {
                continue;
            }
            e = cit_flash_find(st, &rec.key);
            if (e == NULL) {
                e = cit_flash_alloc(st);
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
            st->blocks[e->block].live += cit_flash_rec_total(st, e->size);
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
            status = cit_flash_erase_block(st, b);
            st->num_mount_repairs++;
        }
    }
    /* Erasing a block without newest records changes no newest record: two passes suffice. */
    for (pass = 0, erased = 1; pass < 3 && erased && status == PSA_SUCCESS; pass++) {
        status = fs_build_index(st);
        erased = 0;
        for (b = 0; b < nb && status == PSA_SUCCESS; b++) {
            if (st->blocks[b].state == FS_BLK_USED && st->blocks[b].live == 0) {
                status = cit_flash_erase_block(st, b);
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
        status = cit_flash_range_erased(st, newest, st->blocks[newest].end,
                                        cit_flash_block_size(st), &erased);
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

/* fs_check_header re-reads the header of e's record: DATA_CORRUPT unless it is the indexed one. */
static psa_status_t fs_check_header(cit_flash_store_t *st, const cit_flash_entry_t *e,
                                    cit_flash_rec_t *rec)
{
    uint8_t buf[FS_REC_BYTES];
    psa_status_t status;

    status = cit_flash_read(st, e->block, e->offset, buf, FS_REC_BYTES);
    if (status != PSA_SUCCESS) {
        return status;
    }
    if (!cit_flash_rec_decode(st, buf, rec) || rec->kind != FS_KIND_VALUE || rec->seq != e->seq ||
        rec->size != e->size || rec->flags != e->flags || !cit_flash_key_eq(&rec->key, &e->key)) {
        return PSA_ERROR_DATA_CORRUPT;
    }
    return PSA_SUCCESS;
}

static psa_status_t fs_op_info(void *ctx, const cit_store_key_t *key, uint32_t *flags, size_t *size)
{
    cit_flash_store_t *st = (cit_flash_store_t *)ctx;
    const cit_flash_entry_t *e;
    cit_flash_rec_t rec;
    psa_status_t status;

    if (st == NULL || key == NULL || flags == NULL || size == NULL) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    status = fs_ensure_mounted(st);
    if (status != PSA_SUCCESS) {
        return status;
    }
    e = cit_flash_find(st, key);
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
    psa_status_t status = PSA_SUCCESS;

    while (from < to && status == PSA_SUCCESS) {
        uint32_t n = (to - from < FS_CHUNK) ? to - from : FS_CHUNK;

        status = cit_flash_read(st, b, base + from, buf, n);
        if (status == PSA_SUCCESS) {
            *crc = cit_crc32_update(*crc, buf, n);
        }
        from += n;
    }
    /* buf held payload bytes (key records are stored in the clear). */
    cit_zeroize(buf, sizeof(buf));
    return status;
}

/* fs_read_object reads [offset, offset + len) of e's payload, checking the whole record. */
static psa_status_t fs_read_object(cit_flash_store_t *st, const cit_flash_entry_t *e,
                                   uint32_t offset, uint8_t *out, uint32_t len)
{
    uint32_t base = e->offset + st->rec_hdr;
    uint32_t crc = 0;
    cit_flash_rec_t rec;
    psa_status_t status;

    status = fs_check_header(st, e, &rec);
    if (status != PSA_SUCCESS) {
        return status;
    }
    status = fs_crc_range(st, e->block, base, 0, offset, &crc);
    if (status == PSA_SUCCESS && len != 0) {
        status = cit_flash_read(st, e->block, base + offset, out, len);
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
    e = cit_flash_find(st, key);
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
    uint32_t need = cit_flash_rec_total(st, size);
    cit_flash_entry_t *e;
    cit_flash_entry_t old;
    cit_flash_rec_t rec;
    uint32_t off;
    psa_status_t status;

    status = cit_flash_make_room(st, need);
    if (status != PSA_SUCCESS) {
        return status;
    }
    /* Collection may have dropped this key's tombstone entry; entries never move. */
    e = cit_flash_find(st, key);
    if (e == NULL) {
        e = cit_flash_alloc(st);
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
    status = cit_flash_append(st, st->active, &rec, data, &off);
    if (status != PSA_SUCCESS) {
        return status;
    }
    old = *e;
    if (e->kind != 0) {
        st->blocks[e->block].live -= cit_flash_rec_total(st, e->size);
        st->used_bytes -= (e->kind == FS_KIND_VALUE) ? fs_charge(e->size) : 0u;
    }
    fs_entry_set(e, &rec, st->active, off);
    e->count++;
    st->blocks[st->active].live += need;
    st->used_bytes += (kind == FS_KIND_VALUE) ? fs_charge(size) : 0u;
    if (old.kind == FS_KIND_VALUE) {
        return cit_flash_wipe(st, &old);
    }
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
    status = fs_ensure_mounted(st);
    if (status != PSA_SUCCESS) {
        return status;
    }
    if (len > st->max_payload) {
        return PSA_ERROR_INSUFFICIENT_STORAGE;
    }
    status = cit_flash_wear_level(st);
    if (status != PSA_SUCCESS) {
        return status;
    }
    e = cit_flash_find(st, key);
    if (e == NULL && cit_flash_alloc(st) == NULL) {
        if (!fs_has_tombstone(st)) {
            return PSA_ERROR_INSUFFICIENT_STORAGE;
        }
        status = cit_flash_compact(st);
        if (status != PSA_SUCCESS) {
            return status;
        }
        e = cit_flash_find(st, key);
    }
    if (e != NULL) {
        old = cit_flash_rec_total(st, e->size);
    }
    /* Keep room for tombstones: a removal must never fail for lack of space. */
    need = cit_flash_rec_total(st, (uint32_t)len);
    reserve = (uint64_t)(st->dev->num_blocks + 1u) * st->small_rec;
    if (cit_flash_avail(st) + old < (uint64_t)need + st->small_rec + reserve) {
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
    e = cit_flash_find(st, key);
    if (e == NULL || e->kind != FS_KIND_VALUE) {
        return PSA_ERROR_DOES_NOT_EXIST;
    }
    status = cit_flash_wear_level(st);
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
    st->hdr_size = cit_flash_round(st, FS_HDR_BYTES);
    st->data_start = 2u * st->hdr_size;
    st->rec_hdr = cit_flash_round(st, FS_REC_BYTES);
    st->commit_size = cit_flash_round(st, FS_COMMIT_BYTES);
    st->small_rec = st->rec_hdr + st->commit_size;
    st->wear_delta = CIT_FLASH_WEAR_DELTA;
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
