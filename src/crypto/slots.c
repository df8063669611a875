/*
 * slots.c - the key store: a static pool of key slots and an arena for key
 * material, allocated in 16-byte units from a bitmap (first fit). No heap.
 *
 * All functions here take the key-store lock themselves. Key material does
 * not move while a slot exists, so a caller holding a slot (readers > 0)
 * may use slot->material without the lock.
 */
#include "core.h"
#include "platform/platform.h"
#include "util.h"

#define UNIT 16u
#define NUM_UNITS ((CIT_KEY_ARENA_SIZE + UNIT - 1) / UNIT)

static cit_slot_t slots[CIT_KEY_SLOT_COUNT];
static uint64_t arena_words[NUM_UNITS * UNIT / 8];
static uint8_t unit_used[NUM_UNITS];
/* Next volatile id to hand out; rolls over within the volatile range. */
static psa_key_id_t next_volatile = CIT_KEY_ID_VOLATILE_MIN;

static uint8_t *arena_base(void)
{
    return (uint8_t *)arena_words;
}

static size_t units_for(size_t len)
{
    return len == 0 ? 1 : (len + UNIT - 1) / UNIT;
}

/* Returns the first unit of a free run of n units, or NUM_UNITS if none. */
static size_t arena_find(size_t n)
{
    size_t start = 0, run = 0, i;

    for (i = 0; i < NUM_UNITS; i++) {
        if (unit_used[i]) {
            run = 0;
            start = i + 1;
        } else if (++run == n) {
            return start;
        }
    }
    return NUM_UNITS;
}

static void arena_mark(size_t first, size_t n, uint8_t used)
{
    size_t i;

    for (i = 0; i < n; i++) {
        unit_used[first + i] = used;
    }
}

/* Wipes the material and returns the slot and its units to the pools (lock held). */
static void slot_free(cit_slot_t *slot)
{
    if (slot->material != NULL) {
        size_t first = (size_t)(slot->material - arena_base()) / UNIT;
        size_t n = units_for(slot->material_len);

        cit_zeroize(slot->material, n * UNIT);
        arena_mark(first, n, 0);
    }
    cit_zeroize(slot, sizeof(*slot));
}

static int id_in_use(psa_key_id_t id)
{
    size_t i;

    for (i = 0; i < CIT_KEY_SLOT_COUNT; i++) {
        if (slots[i].in_use && slots[i].attr.cit_id == id) {
            return 1;
        }
    }
    return 0;
}

/* Picks a fresh volatile id not held by any slot (lock held). */
static psa_key_id_t volatile_id(void)
{
    psa_key_id_t id;

    do {
        id = next_volatile;
        next_volatile = (id == CIT_KEY_ID_VOLATILE_MAX) ? CIT_KEY_ID_VOLATILE_MIN : id + 1;
    } while (id_in_use(id));
    return id;
}

/* see core.h */
psa_status_t cit_slot_acquire(psa_key_id_t id, cit_slot_t **slot)
{
    cit_owner_t owner = cit_core_owner();
    psa_status_t status = PSA_ERROR_INVALID_HANDLE;
    size_t i;

    *slot = NULL;
    if (id == PSA_KEY_ID_NULL) {
        return PSA_ERROR_INVALID_HANDLE;
    }
    cit_platform_lock();
    for (i = 0; i < CIT_KEY_SLOT_COUNT; i++) {
        cit_slot_t *s = &slots[i];

        if (s->in_use == 1 && !s->destroy_pending && s->attr.cit_id == id && s->owner == owner) {
            if (s->readers == UINT16_MAX) {
                status = PSA_ERROR_INSUFFICIENT_MEMORY;
                break;
            }
            s->readers++;
            *slot = s;
            status = PSA_SUCCESS;
            break;
        }
    }
    cit_platform_unlock();
    return status;
}

/* see core.h */
void cit_slot_release(cit_slot_t *slot)
{
    if (slot == NULL) {
        return;
    }
    cit_platform_lock();
    slot->readers--;
    if (slot->readers == 0 && slot->destroy_pending) {
        slot_free(slot);
    }
    cit_platform_unlock();
}

/* see core.h */
psa_status_t cit_slot_create(const psa_key_attributes_t *attr, size_t len, cit_slot_t **slot)
{
    size_t i, first, n = units_for(len);
    psa_status_t status = PSA_ERROR_INSUFFICIENT_MEMORY;

    *slot = NULL;
    cit_platform_lock();
    for (i = 0; i < CIT_KEY_SLOT_COUNT; i++) {
        if (!slots[i].in_use) {
            break;
        }
    }
    if (i < CIT_KEY_SLOT_COUNT) {
        first = arena_find(n);
        if (first < NUM_UNITS) {
            cit_slot_t *s = &slots[i];

            arena_mark(first, n, 1);
            s->attr = *attr;
            s->owner = cit_core_owner();
            s->material = arena_base() + first * UNIT;
            s->material_len = len;
            s->readers = 1;
            s->in_use = 2; /* reserved: invisible to lookups until committed */
            s->destroy_pending = 0;
            *slot = s;
            status = PSA_SUCCESS;
        }
    }
    cit_platform_unlock();
    return status;
}

/* see core.h */
psa_key_id_t cit_slot_commit(cit_slot_t *slot)
{
    psa_key_id_t id;

    cit_platform_lock();
    id = volatile_id();
    slot->attr.cit_id = id;
    slot->in_use = 1;
    slot->readers--;
    cit_platform_unlock();
    return id;
}

/* see core.h */
void cit_slot_abandon(cit_slot_t *slot)
{
    cit_platform_lock();
    slot_free(slot);
    cit_platform_unlock();
}

/* see core.h */
psa_status_t cit_slot_destroy(psa_key_id_t id)
{
    cit_slot_t *slot;
    psa_status_t status = cit_slot_acquire(id, &slot);

    if (status != PSA_SUCCESS) {
        return status;
    }
    cit_platform_lock();
    slot->destroy_pending = 1;
    cit_platform_unlock();
    cit_slot_release(slot);
    return PSA_SUCCESS;
}

/* see core.h */
void cit_slots_wipe_all(void)
{
    size_t i;

    cit_platform_lock();
    for (i = 0; i < CIT_KEY_SLOT_COUNT; i++) {
        if (slots[i].in_use) {
            slot_free(&slots[i]);
        }
    }
    cit_platform_unlock();
}
