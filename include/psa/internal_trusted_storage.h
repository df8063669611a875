/*
 * psa/internal_trusted_storage.h - the Internal Trusted Storage API of the
 * PSA Certified Secure Storage API 1.0.
 *
 * Each caller has its own namespace of uids: an object set by one caller can
 * never be seen or changed by another. Every modification is atomic: after
 * an interruption at any point (crash, power loss) an object holds either
 * its old or its new value.
 */
#ifndef PSA_INTERNAL_TRUSTED_STORAGE_H
#define PSA_INTERNAL_TRUSTED_STORAGE_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "storage_common.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PSA_ITS_API_VERSION_MAJOR 1
#define PSA_ITS_API_VERSION_MINOR 0

/*
 * psa_its_set stores data_length bytes from p_data as the object uid,
 * creating it or replacing its previous value.
 */
psa_status_t psa_its_set(psa_storage_uid_t uid,
                         size_t data_length,
                         const void *p_data,
                         psa_storage_create_flags_t create_flags);

/*
 * psa_its_get copies the lesser of data_size and (object size - data_offset)
 * bytes of the object uid, from data_offset, to p_data and their number to
 * *p_data_length.
 */
psa_status_t psa_its_get(psa_storage_uid_t uid,
                         size_t data_offset,
                         size_t data_size,
                         void *p_data,
                         size_t *p_data_length);

/* psa_its_get_info writes the metadata of the object uid to *p_info. */
psa_status_t psa_its_get_info(psa_storage_uid_t uid, struct psa_storage_info_t *p_info);

/* psa_its_remove removes the object uid. */
psa_status_t psa_its_remove(psa_storage_uid_t uid);

#ifdef __cplusplus
}
#endif

#endif /* PSA_INTERNAL_TRUSTED_STORAGE_H */
