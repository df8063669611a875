/*
 * psa/protected_storage.h - the Protected Storage API of the PSA Certified
 * Secure Storage API 1.0: per-caller objects with confidentiality, integrity
 * and replay protection, unless the caller asks for less with the
 * PSA_STORAGE_FLAG_NO_* flags.
 */
#ifndef PSA_PROTECTED_STORAGE_H
#define PSA_PROTECTED_STORAGE_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "storage_common.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PSA_PS_API_VERSION_MAJOR 1
#define PSA_PS_API_VERSION_MINOR 0

/* psa_ps_set stores data_length bytes from p_data as the object uid (create or replace). */
psa_status_t psa_ps_set(psa_storage_uid_t uid,
                        size_t data_length,
                        const void *p_data,
                        psa_storage_create_flags_t create_flags);

/* psa_ps_get reads up to data_size bytes of the object uid from data_offset. */
psa_status_t psa_ps_get(psa_storage_uid_t uid,
                        size_t data_offset,
                        size_t data_size,
                        void *p_data,
                        size_t *p_data_length);

/* psa_ps_get_info writes the metadata of the object uid to *p_info. */
psa_status_t psa_ps_get_info(psa_storage_uid_t uid, struct psa_storage_info_t *p_info);

/* psa_ps_remove removes the object uid and its replay-protection data. */
psa_status_t psa_ps_remove(psa_storage_uid_t uid);

/* psa_ps_create reserves capacity bytes for a new, empty object uid (optional). */
psa_status_t psa_ps_create(psa_storage_uid_t uid,
                           size_t capacity,
                           psa_storage_create_flags_t create_flags);

/* psa_ps_set_extended writes data_length bytes at data_offset of the object uid (optional). */
psa_status_t psa_ps_set_extended(psa_storage_uid_t uid,
                                 size_t data_offset,
                                 size_t data_length,
                                 const void *p_data);

/* psa_ps_get_support returns the PSA_STORAGE_SUPPORT_* bits of the optional functions. */
uint32_t psa_ps_get_support(void);

#ifdef __cplusplus
}
#endif

#endif /* PSA_PROTECTED_STORAGE_H */
