/*
 * slots.c - the key store: a static pool of key slots and an arena for key
 * material, allocated in 16-byte units (first fit). No heap.
 *
 * Volatile keys live only here. Persistent keys live in the object store
 * (persist.c) and are loaded into a slot on first use; a loaded persistent
 * key that nobody is using may be evicted to make room, and reloaded later.
 *
 * The platform lock guards the slot table, the arena and the key records.
 * Key material does not move while a slot exists, so a caller holding a
 * slot (readers > 0) may use slot->material without the lock.
 */
#include "core.h"
#include "platform/platform.h"
#include "util.h"

#define UNIT 16u
#define NUM_UNITS ((CIT_KEY_ARENA_SIZE + UNIT - 1) / UNIT)

/* Slot states. */
#define SLOT_FREE 0u
#define SLOT_LIVE 1u     /* visible to lookups */
#define SLOT_RESERVED 2u /* being created; invisible */

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

static int slot_is_persistent(const cit_slot_t *slot)
{
    return !PSA_KEY_LIFETIME_IS_VOLATILE(slot->attr.cit_lifetime);
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

/* The live slot holding (owner, id), or NULL (lock held). */
static cit_slot_t *find_locked(cit_owner_t owner, psa_key_id_t id)
{
    size_t i;

    for (i = 0; i < CIT_KEY_SLOT_COUNT; i++) {
        cit_slot_t *s = &slots[i];

        if (s->in_use == SLOT_LIVE && !s->destroy_pending && s->attr.cit_id == id &&
            s->owner == owner) {
            return s;
        }
    }
    return NULL;
}

/* Evicts one loaded persistent key nobody uses; returns 0 if there is none (lock held). */
static int evict_one_locked(void)
{
    size_t i;

    for (i = 0; i < CIT_KEY_SLOT_COUNT; i++) {
        cit_slot_t *s = &slots[i];

        if (s->in_use == SLOT_LIVE && s->readers == 0 && slot_is_persistent(s)) {
            slot_free(s);
            return 1;
        }
    }
    return 0;
}

/* Reserves a slot and len bytes of arena, evicting cached keys if needed (lock held). */
static psa_status_t reserve_locked(const psa_key_attributes_t *attr, cit_owner_t owner,
                                   size_t len, cit_slot_t **slot)
{
    size_t n = units_for(len);

    for (;;) {
        size_t i, first;

        for (i = 0; i < CIT_KEY_SLOT_COUNT && slots[i].in_use != SLOT_FREE; i++) {
        }
        first = arena_find(n);
        if (i < CIT_KEY_SLOT_COUNT && first < NUM_UNITS) {
            cit_slot_t *s = &slots[i];

            arena_mark(first, n, 1);
            s->attr = *attr;
            s->owner = owner;
            s->material = arena_base() + first * UNIT;
            s->material_len = len;
            s->readers = 1;
            s->in_use = SLOT_RESERVED;
            s->destroy_pending = 0;
            *slot = s;
            return PSA_SUCCESS;
        }
        if (!evict_one_locked()) {
            return PSA_ERROR_INSUFFICIENT_MEMORY;
        }
    }
}

/* Loads the persistent key (owner, id) into a slot (lock held). */
static psa_status_t load_locked(cit_owner_t owner, psa_key_id_t id, cit_slot_t **slot)
{
    uint8_t material[CIT_MAX_KEY_BYTES];
    psa_key_attributes_t attr;
    size_t len = 0;
    psa_status_t status = cit_persist_load(owner, id, &attr, material, sizeof(material), &len);

    if (status == PSA_SUCCESS) {
        status = reserve_locked(&attr, owner, len, slot);
    }
    if (status == PSA_SUCCESS) {
        memcpy((*slot)->material, material, len);
        (*slot)->in_use = SLOT_LIVE;
    }
    cit_zeroize(material, sizeof(material));
    return status;
}

static int id_is_volatile(psa_key_id_t id)
{
    return id >= CIT_KEY_ID_VOLATILE_MIN && id <= CIT_KEY_ID_VOLATILE_MAX;
}

/* Picks a fresh volatile id not held by any slot (lock held). */
static psa_key_id_t volatile_id(void)
{
    psa_key_id_t id;
    size_t i;
    int taken;

    do {
        id = next_volatile;
        next_volatile = (id == CIT_KEY_ID_VOLATILE_MAX) ? CIT_KEY_ID_VOLATILE_MIN : id + 1;
        taken = 0;
        for (i = 0; i < CIT_KEY_SLOT_COUNT; i++) {
            taken |= slots[i].in_use != SLOT_FREE && slots[i].attr.cit_id == id;
        }
    } while (taken);
    return id;
}

/* see core.h */
psa_status_t cit_slot_acquire(psa_key_id_t id, cit_slot_t **slot)
{
    cit_owner_t owner = cit_core_owner();
    psa_status_t status = PSA_SUCCESS;
    cit_slot_t *s;

    *slot = NULL;
    if (id == PSA_KEY_ID_NULL) {
        return PSA_ERROR_INVALID_HANDLE;
    }
    cit_platform_lock();
    s = find_locked(owner, id);
    if (s == NULL) {
        if (id_is_volatile(id)) {
            status = PSA_ERROR_INVALID_HANDLE;
        } else {
            status = load_locked(owner, id, &s);
            if (status == PSA_SUCCESS) {
                s->readers = 0;
            }
        }
    }
    if (status == PSA_SUCCESS) {
        if (s->readers == UINT16_MAX) {
            status = PSA_ERROR_INSUFFICIENT_MEMORY;
        } else {
            s->readers++;
            *slot = s;
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
    psa_status_t status;

    *slot = NULL;
    cit_platform_lock();
    status = reserve_locked(attr, cit_core_owner(), len, slot);
    cit_platform_unlock();
    return status;
}

/* see core.h */
psa_status_t cit_slot_commit(cit_slot_t *slot, psa_key_id_t *id)
{
    psa_status_t status = PSA_SUCCESS;

    cit_platform_lock();
    if (!slot_is_persistent(slot)) {
        slot->attr.cit_id = volatile_id();
    } else {
        /* A persistent key is created once: in the cache or in storage means it exists. */
        if (find_locked(slot->owner, slot->attr.cit_id) != NULL) {
            status = PSA_ERROR_ALREADY_EXISTS;
        } else {
            status = cit_persist_exists(slot->owner, slot->attr.cit_id);
            if (status == PSA_SUCCESS) {
                status = PSA_ERROR_ALREADY_EXISTS;
            } else if (status == PSA_ERROR_DOES_NOT_EXIST) {
                status = cit_persist_write(slot->owner, &slot->attr, slot->material,
                                           slot->material_len);
            }
        }
    }
    if (status == PSA_SUCCESS) {
        *id = slot->attr.cit_id;
        slot->in_use = SLOT_LIVE;
        slot->readers--;
    } else {
        slot_free(slot);
    }
    cit_platform_unlock();
    return status;
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

    if ((status == PSA_ERROR_DATA_CORRUPT || status == PSA_ERROR_DATA_INVALID) &&
        !id_is_volatile(id)) {
        /*
         * A damaged record cannot be loaded, but destroy must make a best
         * effort to erase it (spec psa_destroy_key): remove it from the
         * store. Its persistence cannot be read, so read-only is not known.
         */
        cit_platform_lock();
        if (cit_persist_remove(cit_core_owner(), id) == PSA_SUCCESS) {
            status = PSA_SUCCESS;
        }
        cit_platform_unlock();
        return status;
    }
    if (status != PSA_SUCCESS) {
        return status;
    }
    cit_platform_lock();
    if (PSA_KEY_LIFETIME_GET_PERSISTENCE(slot->attr.cit_lifetime) ==
        PSA_KEY_PERSISTENCE_READ_ONLY) {
        status = PSA_ERROR_NOT_PERMITTED;
    } else if (slot_is_persistent(slot)) {
        status = cit_persist_remove(slot->owner, id);
        if (status == PSA_ERROR_DOES_NOT_EXIST) {
            status = PSA_SUCCESS;
        }
    }
    if (status == PSA_SUCCESS) {
        slot->destroy_pending = 1;
    }
    cit_platform_unlock();
    cit_slot_release(slot);
    return status;
}

/* see core.h */
int cit_slot_key_exists(psa_key_id_t id)
{
    cit_owner_t owner = cit_core_owner();
    int exists;

    cit_platform_lock();
    exists = find_locked(owner, id) != NULL;
    if (!exists && id != PSA_KEY_ID_NULL && !id_is_volatile(id)) {
        /* An idle persistent key may have been evicted: ask storage, without loading it. */
        exists = cit_persist_exists(owner, id) == PSA_SUCCESS;
    }
    cit_platform_unlock();
    return exists;
}

/* see core.h */
psa_status_t cit_slot_purge(psa_key_id_t id)
{
    cit_owner_t owner = cit_core_owner();
    psa_status_t status = PSA_SUCCESS;
    cit_slot_t *s;

    if (id == PSA_KEY_ID_NULL) {
        return PSA_ERROR_INVALID_HANDLE;
    }
    cit_platform_lock();
    s = find_locked(owner, id);
    if (s != NULL) {
        /* Drop the cached copy of a persistent key unless an operation holds it. */
        if (slot_is_persistent(s) && s->readers == 0) {
            slot_free(s);
        }
    } else if (id_is_volatile(id)) {
        status = PSA_ERROR_INVALID_HANDLE;
    } else {
        status = cit_persist_exists(owner, id);
        if (status == PSA_ERROR_DOES_NOT_EXIST) {
            status = PSA_ERROR_INVALID_HANDLE;
        }
    }
    cit_platform_unlock();
    return status;
}

/* see core.h */
void cit_slots_wipe_all(void)
{
    size_t i;

    cit_platform_lock();
    for (i = 0; i < CIT_KEY_SLOT_COUNT; i++) {
        if (slots[i].in_use != SLOT_FREE) {
            slot_free(&slots[i]);
        }
    }
    cit_platform_unlock();
}
