/*
 * flash_log.c - the flash store's on-flash format (see flash_int.h and
 * docs/storage.md): block header slots, record headers and commit units,
 * device access, erasing and opening blocks, appending and copying records.
 */
#include "storage/flash_int.h"

#include <string.h>

#include "storage/crc32.h"
#include "util.h"

static void fs_hdr_encode(uint8_t *out, uint32_t slot, uint32_t magic, uint32_t a, uint32_t b)
{
    memset(out, 0xFF, slot);
    cit_store_le32(out, magic);
    cit_store_le32(out + 4, a);
    cit_store_le32(out + 8, b);
    cit_store_le32(out + 12, cit_crc32_update(0, out, 12));
}

/* see flash_int.h */
int cit_flash_hdr_decode(const uint8_t *in, uint32_t magic, uint32_t *a, uint32_t *b)
{
    if (cit_load_le32(in) != magic || cit_load_le32(in + 12) != cit_crc32_update(0, in, 12)) {
        return 0;
    }
    *a = cit_load_le32(in + 4);
    *b = cit_load_le32(in + 8);
    return 1;
}

/* fs_rec_encode fills the record header (out: rec_hdr bytes) and sets rec->header_crc. */
static void fs_rec_encode(const cit_flash_store_t *st, cit_flash_rec_t *rec, uint8_t *out)
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

/* see flash_int.h */
int cit_flash_rec_decode(const cit_flash_store_t *st, const uint8_t *in, cit_flash_rec_t *rec)
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

/* see flash_int.h */
psa_status_t cit_flash_fail(cit_flash_store_t *st)
{
    st->mounted = 0;
    return PSA_ERROR_STORAGE_FAILURE;
}

/* see flash_int.h */
psa_status_t cit_flash_read(cit_flash_store_t *st, uint32_t b, uint32_t off, uint8_t *buf,
                            size_t len)
{
    const cit_nor_flash_t *d = st->dev;

    if (d->read(d->ctx, b * d->block_size + off, buf, len) != CIT_NOR_OK) {
        return cit_flash_fail(st);
    }
    return PSA_SUCCESS;
}

/* see flash_int.h */
psa_status_t cit_flash_prog(cit_flash_store_t *st, uint32_t b, uint32_t off, const uint8_t *buf,
                            size_t len)
{
    const cit_nor_flash_t *d = st->dev;

    if (len == 0) {
        return PSA_SUCCESS;
    }
    if (d->program(d->ctx, b * d->block_size + off, buf, len) != CIT_NOR_OK) {
        return cit_flash_fail(st);
    }
    return PSA_SUCCESS;
}

/* see flash_int.h */
psa_status_t cit_flash_range_erased(cit_flash_store_t *st, uint32_t b, uint32_t off, uint32_t end,
                                    int *erased)
{
    uint8_t buf[FS_CHUNK];
    psa_status_t status;

    *erased = 1;
    while (off < end) {
        uint32_t n = (end - off < FS_CHUNK) ? end - off : FS_CHUNK;

        status = cit_flash_read(st, b, off, buf, n);
        if (status != PSA_SUCCESS) {
            return status;
        }
        if (!cit_flash_all_ff(buf, n)) {
            *erased = 0;
            return PSA_SUCCESS;
        }
        off += n;
    }
    return PSA_SUCCESS;
}

/* see flash_int.h */
psa_status_t cit_flash_parse(cit_flash_store_t *st, uint32_t b, uint32_t off, cit_flash_rec_t *rec,
                             int *valid)
{
    uint8_t buf[FS_CHUNK];
    uint32_t bs = cit_flash_block_size(st);
    uint32_t total;
    psa_status_t status;

    *valid = 0;
    if (off < st->data_start || off > bs || bs - off < st->small_rec) {
        return PSA_SUCCESS;
    }
    status = cit_flash_read(st, b, off, buf, FS_REC_BYTES);
    if (status != PSA_SUCCESS) {
        return status;
    }
    if (!cit_flash_rec_decode(st, buf, rec)) {
        return PSA_SUCCESS;
    }
    total = cit_flash_rec_total(st, rec->size);
    if (bs - off < total) {
        return PSA_SUCCESS;
    }
    status = cit_flash_read(st, b, off + total - st->commit_size, buf, st->commit_size);
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

/* see flash_int.h */
psa_status_t cit_flash_erase_block(cit_flash_store_t *st, uint32_t b)
{
    cit_flash_block_t *blk = &st->blocks[b];
    uint8_t hdr[FS_CHUNK];
    uint32_t count = cit_flash_erase_count(st, b);
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
        return cit_flash_fail(st);
    }
    count = (count == 0xFFFFFFFFu) ? count : count + 1u;
    blk->erase_count = count;
    blk->flags = FS_BF_COUNT_KNOWN;
    if (count > st->max_erase_count) {
        st->max_erase_count = count;
    }
    st->wear_check = 1;
    fs_hdr_encode(hdr, st->hdr_size, FS_MAGIC_ERASED, count, cit_flash_block_size(st));
    status = cit_flash_prog(st, b, 0, hdr, st->hdr_size);
    if (status != PSA_SUCCESS) {
        return status;
    }
    blk->flags |= FS_BF_HEADER_A | FS_BF_CLEAN;
    return PSA_SUCCESS;
}

/* see flash_int.h */
psa_status_t cit_flash_open_block(cit_flash_store_t *st, int most_worn)
{
    uint32_t best = FS_NONE;
    uint32_t best_count = 0;
    uint32_t b;
    uint8_t hdr[FS_CHUNK];
    cit_flash_block_t *blk;
    psa_status_t status;

    for (b = 0; b < st->dev->num_blocks; b++) {
        uint32_t c = cit_flash_erase_count(st, b);

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
        uint32_t from = (blk->flags & FS_BF_HEADER_A) ? st->hdr_size : 0;

        status = cit_flash_range_erased(st, best, from, cit_flash_block_size(st), &erased);
        if (status != PSA_SUCCESS) {
            return status;
        }
        if (!erased) {
            status = cit_flash_erase_block(st, best);
        } else if (!(blk->flags & FS_BF_HEADER_A)) {
            blk->erase_count = best_count;
            blk->flags |= FS_BF_COUNT_KNOWN;
            fs_hdr_encode(hdr, st->hdr_size, FS_MAGIC_ERASED, best_count,
                          cit_flash_block_size(st));
            status = cit_flash_prog(st, best, 0, hdr, st->hdr_size);
        }
        if (status != PSA_SUCCESS) {
            return status;
        }
    }
    fs_hdr_encode(hdr, st->hdr_size, FS_MAGIC_OPEN, st->next_block_seq,
                  (FS_FORMAT_VERSION << 16) | st->unit);
    status = cit_flash_prog(st, best, st->hdr_size, hdr, st->hdr_size);
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

/* see flash_int.h */
psa_status_t cit_flash_append(cit_flash_store_t *st, uint32_t b, cit_flash_rec_t *rec,
                              const uint8_t *data, uint32_t *off)
{
    cit_flash_block_t *blk = &st->blocks[b];
    uint8_t buf[FS_CHUNK];
    uint8_t chk[FS_CHUNK];
    uint32_t at = blk->end;
    uint32_t full = rec->size & ~(st->unit - 1u);
    uint32_t total;
    uint32_t pos;
    psa_status_t status;

    rec->seq = st->next_seq++;
    rec->payload_crc = cit_crc32_update(0, data, rec->size);
    fs_rec_encode(st, rec, buf);
    /* From here on the block's tail is no longer known to be erased. */
    st->active = (st->active == b) ? FS_NONE : st->active;
    status = cit_flash_prog(st, b, at, buf, st->rec_hdr);
    if (status == PSA_SUCCESS) {
        status = cit_flash_prog(st, b, at + st->rec_hdr, data, full);
    }
    if (status == PSA_SUCCESS && full < rec->size) {
        memset(buf, 0xFF, st->unit);
        memcpy(buf, data + full, rec->size - full);
        status = cit_flash_prog(st, b, at + st->rec_hdr + full, buf, st->unit);
    }
    if (status != PSA_SUCCESS) {
        goto exit;
    }
    /* Read back before committing: a record that did not program right is never committed. */
    fs_rec_encode(st, rec, buf);
    status = cit_flash_read(st, b, at, chk, FS_REC_BYTES);
    if (status != PSA_SUCCESS) {
        goto exit;
    }
    if (memcmp(buf, chk, FS_REC_BYTES) != 0) {
        status = cit_flash_fail(st);
        goto exit;
    }
    for (pos = 0; pos < rec->size; pos += FS_CHUNK) {
        uint32_t n = (rec->size - pos < FS_CHUNK) ? rec->size - pos : FS_CHUNK;

        status = cit_flash_read(st, b, at + st->rec_hdr + pos, chk, n);
        if (status != PSA_SUCCESS) {
            goto exit;
        }
        if (memcmp(chk, data + pos, n) != 0) {
            status = cit_flash_fail(st);
            goto exit;
        }
    }
    fs_commit_encode(st, buf, rec->header_crc);
    total = cit_flash_rec_total(st, rec->size);
    status = cit_flash_prog(st, b, at + total - st->commit_size, buf, st->commit_size);
    if (status != PSA_SUCCESS) {
        goto exit;
    }
    blk->end = at + total;
    st->active = b;
    *off = at;
exit:
    /* Both buffers held payload bytes (key records are stored in the clear). */
    cit_zeroize(buf, sizeof(buf));
    cit_zeroize(chk, sizeof(chk));
    return status;
}

/* see flash_int.h */
psa_status_t cit_flash_copy(cit_flash_store_t *st, uint32_t src, uint32_t src_off,
                            const cit_flash_rec_t *rec, uint32_t dst, uint32_t *dst_off)
{
    cit_flash_block_t *blk = &st->blocks[dst];
    uint8_t buf[FS_CHUNK];
    uint8_t chk[FS_CHUNK];
    uint32_t total = cit_flash_rec_total(st, rec->size);
    uint32_t body = total - st->commit_size;
    uint32_t at = blk->end;
    uint32_t pos;
    psa_status_t status;

    st->active = FS_NONE;
    for (pos = 0; pos < body; pos += FS_CHUNK) {
        uint32_t n = (body - pos < FS_CHUNK) ? body - pos : FS_CHUNK;

        status = cit_flash_read(st, src, src_off + pos, buf, n);
        if (status == PSA_SUCCESS) {
            status = cit_flash_prog(st, dst, at + pos, buf, n);
        }
        if (status == PSA_SUCCESS) {
            status = cit_flash_read(st, dst, at + pos, chk, n);
        }
        if (status != PSA_SUCCESS) {
            goto exit;
        }
        if (memcmp(buf, chk, n) != 0) {
            status = cit_flash_fail(st);
            goto exit;
        }
    }
    fs_commit_encode(st, buf, rec->header_crc);
    status = cit_flash_prog(st, dst, at + body, buf, st->commit_size);
    if (status != PSA_SUCCESS) {
        goto exit;
    }
    blk->end = at + total;
    st->active = dst;
    *dst_off = at;
exit:
    /* The chunks copied held payload bytes. */
    cit_zeroize(buf, sizeof(buf));
    cit_zeroize(chk, sizeof(chk));
    return status;
}

/* see flash_int.h */
psa_status_t cit_flash_wipe(cit_flash_store_t *st, const cit_flash_entry_t *old)
{
    uint8_t zero[FS_CHUNK];
    uint32_t len = cit_flash_round(st, old->size);
    uint32_t at = old->offset + st->rec_hdr;
    uint32_t pos;
    psa_status_t status;

    if (!(st->dev->flags & CIT_NOR_FLAG_REPROGRAM_ZERO)) {
        return PSA_SUCCESS;
    }
    memset(zero, 0, sizeof(zero));
    for (pos = 0; pos < len; pos += FS_CHUNK) {
        uint32_t n = (len - pos < FS_CHUNK) ? len - pos : FS_CHUNK;

        status = cit_flash_prog(st, old->block, at + pos, zero, n);
        if (status != PSA_SUCCESS) {
            return status;
        }
    }
    return PSA_SUCCESS;
}
