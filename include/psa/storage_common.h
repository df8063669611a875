/*
 * psa/storage_common.h - the definitions shared by the two interfaces of the
 * PSA Certified Secure Storage API 1.0 (Internal Trusted Storage and
 * Protected Storage): the uid and flag types, the object metadata and the
 * flag values.
 */
#ifndef PSA_STORAGE_COMMON_H
#define PSA_STORAGE_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* psa_storage_uid_t identifies a stored object within its caller's namespace; 0 is reserved. */
typedef uint64_t psa_storage_uid_t;

/* psa_storage_create_flags_t: PSA_STORAGE_FLAG_* bits given when an object is created. */
typedef uint32_t psa_storage_create_flags_t;

/* psa_storage_info_t: the metadata of a stored object (psa_its_get_info, psa_ps_get_info). */
struct psa_storage_info_t {
    size_t capacity;                  /* bytes allocated to the object */
    size_t size;                      /* bytes of data stored */
    psa_storage_create_flags_t flags; /* flags the object was created with */
};

/* No flags. */
#define PSA_STORAGE_FLAG_NONE 0u
/* The object can be neither modified nor removed once created. */
#define PSA_STORAGE_FLAG_WRITE_ONCE (1u << 0)
/* The object is public: integrity protection suffices. */
#define PSA_STORAGE_FLAG_NO_CONFIDENTIALITY (1u << 1)
/* The object need not be protected against replay of an earlier version. */
#define PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION (1u << 2)

/* psa_ps_get_support() bit: psa_ps_create() and psa_ps_set_extended() are supported. */
#define PSA_STORAGE_SUPPORT_SET_EXTENDED (1u << 0)

#ifdef __cplusplus
}
#endif

#endif /* PSA_STORAGE_COMMON_H */
