/*
 * core.h - internal interface of the PSA Crypto core (src/crypto/).
 *
 * The core owns the key store (a static slot pool and key-material arena),
 * the policy rules, the operation state machines and the RNG state. It
 * reaches cryptography only through the dispatch layer (dispatch.h).
 */
#ifndef CIT_CORE_H
#define CIT_CORE_H

#include "psa/crypto.h"
#include "config_derive.h"

#include <stddef.h>
#include <stdint.h>

/* ---- Owners ---- */

/*
 * Key identifiers carry an owner. In the library build every caller is the
 * same owner (CIT_OWNER_LOCAL); in the isolated builds the service layer
 * sets the client id from the SPM before calling into the core.
 */
typedef int32_t cit_owner_t;
#define CIT_OWNER_LOCAL ((cit_owner_t)0)

/* cit_core_owner returns the owner on whose behalf the core is acting. */
cit_owner_t cit_core_owner(void);
/* cit_core_set_owner is called by the service layer around each request. */
void cit_core_set_owner(cit_owner_t owner);

/* ---- Library state ---- */

/* cit_core_initialized is non-zero after a successful psa_crypto_init(). */
int cit_core_initialized(void);

/* ---- Key slots ---- */

/* Volatile key identifiers are allocated from this part of the vendor range. */
#define CIT_KEY_ID_VOLATILE_MIN ((psa_key_id_t)0x7f000000)
#define CIT_KEY_ID_VOLATILE_MAX ((psa_key_id_t)0x7fffffff)

typedef struct {
    psa_key_attributes_t attr; /* attr.cit_id is the key id */
    cit_owner_t owner;
    uint8_t *material;         /* into the arena; NULL when free */
    size_t material_len;
    uint16_t readers;          /* calls currently using the material */
    uint8_t in_use;
    uint8_t destroy_pending;
} cit_slot_t;

/*
 * cit_slot_acquire finds the key `id` of the current owner and marks it in
 * use. Returns PSA_ERROR_INVALID_HANDLE if there is no such key. The caller
 * must cit_slot_release() it.
 */
psa_status_t cit_slot_acquire(psa_key_id_t id, cit_slot_t **slot);
void cit_slot_release(cit_slot_t *slot);

/*
 * cit_slot_create reserves a free slot and len bytes of arena for a new key
 * with attributes attr (already validated) and assigns its id. The slot is
 * not visible to lookups until cit_slot_commit().
 */
psa_status_t cit_slot_create(const psa_key_attributes_t *attr, size_t len, cit_slot_t **slot);
/*
 * cit_slot_commit makes a created slot visible and sets *id: a volatile key
 * gets a fresh id; a persistent key (attr id set) is first written to
 * storage (ALREADY_EXISTS if the id is taken, or a storage error). On
 * failure the slot is wiped and freed.
 */
psa_status_t cit_slot_commit(cit_slot_t *slot, psa_key_id_t *id);
/* cit_slot_abandon wipes and frees a created (uncommitted) slot. */
void cit_slot_abandon(cit_slot_t *slot);
/*
 * cit_slot_destroy removes the key `id` (wiped now or when its last user
 * releases); a persistent key is also removed from storage. NOT_PERMITTED
 * for read-only keys.
 */
psa_status_t cit_slot_destroy(psa_key_id_t id);
/*
 * cit_slot_key_exists: does the current owner's key `id` still exist? A
 * cheap check for running operations (spec 9.9.2: destroying a key makes
 * them fail); it never loads a persistent key into the pool.
 */
int cit_slot_key_exists(psa_key_id_t id);
/* cit_slot_purge drops a cached persistent key from RAM (INVALID_HANDLE if no key). */
psa_status_t cit_slot_purge(psa_key_id_t id);
/* cit_slots_wipe_all wipes and frees every slot (used by tests via citadel.h). */
void cit_slots_wipe_all(void);

/* ---- Persistent key records (persist.c) ---- */

/* cit_persist_write stores a key record (attr->cit_id names it); replaces any old one. */
psa_status_t cit_persist_write(cit_owner_t owner, const psa_key_attributes_t *attr,
                               const uint8_t *material, size_t len);
/*
 * cit_persist_load reads and validates a whole key record in one store read:
 * the attributes, and the material into material (material_size bytes
 * available). INVALID_HANDLE if there is none, DATA_CORRUPT if the store's
 * integrity check failed, DATA_INVALID if the record is malformed.
 */
psa_status_t cit_persist_load(cit_owner_t owner, psa_key_id_t id, psa_key_attributes_t *attr,
                              uint8_t *material, size_t material_size, size_t *len);
/* cit_persist_exists: PSA_SUCCESS if a record exists, DOES_NOT_EXIST if not, or an I/O error. */
psa_status_t cit_persist_exists(cit_owner_t owner, psa_key_id_t id);
psa_status_t cit_persist_remove(cit_owner_t owner, psa_key_id_t id);

/* ---- Policy ---- */

/* cit_usage_with_implied adds the usage flags the spec implies (SIGN_HASH -> SIGN_MESSAGE...). */
psa_key_usage_t cit_usage_with_implied(psa_key_usage_t usage);

/*
 * cit_policy_check checks that the key in slot permits `usage` with the
 * specific algorithm alg: PSA_ERROR_NOT_PERMITTED if not.
 */
psa_status_t cit_policy_check(const cit_slot_t *slot, psa_key_usage_t usage, psa_algorithm_t alg);

/*
 * cit_policy_intersect computes the permitted algorithm of a key copied
 * under policy a from a key with policy b (spec psa_copy_key): the common
 * algorithm, or INVALID_ARGUMENT if they permit nothing in common.
 */
psa_status_t cit_policy_intersect(psa_algorithm_t a, psa_algorithm_t b, psa_key_type_t type,
                                  size_t bits, psa_algorithm_t *out);

/* cit_alg_is_wildcard: PSA_ALG_NONE is not a wildcard; ANY_HASH and AT_LEAST forms are. */
int cit_alg_is_wildcard(psa_algorithm_t alg);

/*
 * cit_mac_alg_check validates a specific MAC algorithm against a key
 * type/size: returns PSA_SUCCESS and the MAC length, or INVALID_ARGUMENT /
 * NOT_SUPPORTED as the spec documents.
 */
psa_status_t cit_mac_alg_check(psa_key_type_t type, size_t bits, psa_algorithm_t alg,
                               size_t *mac_length);

/* Minimum accepted length of a truncated MAC, in bytes. */
#define CIT_MAC_MIN_TRUNCATED_LENGTH 4

/*
 * cit_kdf_check_key_usage answers psa_check_key_usage for a key-derivation
 * algorithm and the usage DERIVE or VERIFY_DERIVATION (kdf.c).
 */
psa_status_t cit_kdf_check_key_usage(const cit_slot_t *slot, psa_key_usage_t usage,
                                     psa_algorithm_t alg);

/*
 * cit_aead_alg_check validates a specific AEAD algorithm against a key
 * type/size: INVALID_ARGUMENT for a wildcard, a key type the algorithm is
 * not defined for or a tag length the algorithm does not define;
 * NOT_SUPPORTED for an algorithm this build does not run. On success it
 * returns the tag length.
 */
psa_status_t cit_aead_alg_check(psa_key_type_t type, size_t bits, psa_algorithm_t alg,
                                size_t *tag_length);

/* ---- RNG ---- */

/* cit_random_init instantiates the DRBG from platform entropy (lock held). */
psa_status_t cit_random_init(void);

/* ---- Small helpers ---- */

/*
 * cit_key_creation_check checks creation attributes' lifetime and id before
 * any work is spent on the key (e.g. derivation output): INVALID_ARGUMENT,
 * NOT_SUPPORTED, or ALREADY_EXISTS for a taken persistent id. The final
 * check happens again, atomically, when the key is stored.
 */
psa_status_t cit_key_creation_check(const psa_key_attributes_t *attr);

/* cit_key_type_is_unstructured: raw bytes are the whole key (symmetric, raw, derive...). */
int cit_key_type_is_unstructured(psa_key_type_t type);

/*
 * cit_key_type_check_bits checks that an unstructured key of `type` may
 * have `bits` bits in this build: INVALID_ARGUMENT or NOT_SUPPORTED if not.
 */
psa_status_t cit_key_type_check_bits(psa_key_type_t type, size_t bits);

#endif /* CIT_CORE_H */
