/*
 * flash_gc.c - the flash store's space management (see flash_int.h):
 * garbage collection with consumed markers, room for a record with one
 * block always kept free for the collector, the reserve that keeps
 * removals possible, static wear levelling, tombstone compaction.
 */
#include "storage/flash_int.h"

#include <string.h>

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
    uint32_t limit = cit_flash_block_size(st) - st->small_rec;
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
    cit_flash_rec_t rec;
    int valid;
    size_t i;
    psa_status_t status;

    if (st->active != FS_NONE && st->active != victim && vb->live <= fs_tail(st)) {
        dest = st->active;
    } else {
        status = cit_flash_open_block(st, relocate);
        if (status != PSA_SUCCESS) {
            return status;
        }
        dest = st->active;
    }
    /* Pass 1: forget the victim's records in the per-key record counts. */
    for (off = st->data_start; off < vb->end; off += cit_flash_rec_total(st, rec.size)) {
        cit_flash_entry_t *e;

        status = cit_flash_parse(st, victim, off, &rec, &valid);
        if (status != PSA_SUCCESS) {
            return status;
        }
        if (!valid) {
            break;
        }
        e = (rec.kind == FS_KIND_CONSUMED) ? NULL : cit_flash_find(st, &rec.key);
        if (e != NULL && e->count > 0) {
            e->count--;
        }
    }
    /* Pass 2: copy what is still needed. */
    for (off = st->data_start; off < vb->end; off += cit_flash_rec_total(st, rec.size)) {
        cit_flash_entry_t *e;

        status = cit_flash_parse(st, victim, off, &rec, &valid);
        if (status != PSA_SUCCESS) {
            return status;
        }
        if (!valid) {
            break;
        }
        e = (rec.kind == FS_KIND_CONSUMED) ? NULL : cit_flash_find(st, &rec.key);
        if (e == NULL || e->block != victim || e->offset != off) {
            continue; /* superseded record or old marker: dropped */
        }
        if (e->kind == FS_KIND_TOMB && e->count == 0) {
            e->kind = 0; /* no older record left anywhere: the tombstone goes */
            continue;
        }
        status = cit_flash_copy(st, victim, off, &rec, dest, &at);
        if (status != PSA_SUCCESS) {
            return status;
        }
        e->block = (uint16_t)dest;
        e->offset = at;
        e->count++;
        st->blocks[dest].live += cit_flash_rec_total(st, rec.size);
    }
    /* Never erase a block that still holds a newest record (e.g. unreadable since mount). */
    for (i = 0; i < CIT_FLASH_MAX_OBJECTS; i++) {
        if (st->index[i].kind != 0 && st->index[i].block == victim) {
            return cit_flash_fail(st);
        }
    }
    memset(&rec, 0, sizeof(rec));
    rec.kind = FS_KIND_CONSUMED;
    rec.key.uid = vb->seq;
    status = cit_flash_append(st, dest, &rec, NULL, &at);
    if (status != PSA_SUCCESS) {
        return status;
    }
    status = cit_flash_erase_block(st, victim);
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

/* see flash_int.h */
psa_status_t cit_flash_make_room(cit_flash_store_t *st, uint32_t need)
{
    uint32_t nb = st->dev->num_blocks;
    uint32_t iter;
    psa_status_t status;

    for (iter = 0; iter < 2u * nb + 2u; iter++) {
        uint32_t free_blocks = cit_flash_count_free(st);
        uint32_t victim = FS_NONE;
        uint32_t b;

        if (st->active != FS_NONE && fs_tail(st) >= need) {
            return PSA_SUCCESS;
        }
        if (free_blocks >= 2) {
            status = cit_flash_open_block(st, 0);
            if (status != PSA_SUCCESS) {
                return status;
            }
            continue;
        }
        if (free_blocks == 0) {
            return PSA_ERROR_INSUFFICIENT_STORAGE;
        }
        fs_update_droppable(st);
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
                            cit_flash_erase_count(st, b) < cit_flash_erase_count(st, victim)))) {
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

/* see flash_int.h */
uint64_t cit_flash_avail(cit_flash_store_t *st)
{
    uint64_t sum = 0;
    uint32_t free_blocks = cit_flash_count_free(st);
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

/* see flash_int.h */
psa_status_t cit_flash_wear_level(cit_flash_store_t *st)
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
        uint32_t c = cit_flash_erase_count(st, b);

        hi_count = (c > hi_count) ? c : hi_count;
        if (st->blocks[b].state == FS_BLK_USED && b != st->active &&
            (lo == FS_NONE || c < lo_count)) {
            lo = b;
            lo_count = c;
        }
    }
    if (lo == FS_NONE || hi_count - lo_count <= st->wear_delta || cit_flash_count_free(st) == 0) {
        return PSA_SUCCESS;
    }
    return fs_gc(st, lo, 1);
}

/* see flash_int.h */
psa_status_t cit_flash_compact(cit_flash_store_t *st)
{
    uint32_t round;
    psa_status_t status;

    st->num_compactions++;
    for (round = 0; round < 2; round++) {
        uint32_t limit = st->next_block_seq;

        for (;;) {
            uint32_t victim = FS_NONE;
            uint32_t b;

            if (cit_flash_alloc(st) != NULL) {
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
    return (cit_flash_alloc(st) != NULL) ? PSA_SUCCESS : PSA_ERROR_INSUFFICIENT_STORAGE;
}
