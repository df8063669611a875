/*
 * headers_its_c.c - psa/internal_trusted_storage.h included alone, compiled
 * as C99 -pedantic (linked into headers_c99; compile-time checks only).
 */
#include <psa/internal_trusted_storage.h>

#define CIT_STATIC_ASSERT(name, cond) typedef char cit_assert_##name[(cond) ? 1 : -1]

CIT_STATIC_ASSERT(uid_size, sizeof(psa_storage_uid_t) == 8);
CIT_STATIC_ASSERT(flags_size, sizeof(psa_storage_create_flags_t) == 4);
CIT_STATIC_ASSERT(write_once, PSA_STORAGE_FLAG_WRITE_ONCE == 1u);
CIT_STATIC_ASSERT(status, PSA_ERROR_DATA_CORRUPT == -152 && PSA_ERROR_INSUFFICIENT_STORAGE == -142);

#if PSA_ITS_API_VERSION_MAJOR != 1 || PSA_ITS_API_VERSION_MINOR != 0
#error "wrong ITS API version"
#endif

/* A redeclaration with the specification's prototype must agree with the header. */
typedef psa_status_t cit_its_set_t(psa_storage_uid_t uid, size_t data_length, const void *p_data,
                                   psa_storage_create_flags_t create_flags);
cit_its_set_t psa_its_set;
psa_status_t psa_its_get_info(psa_storage_uid_t uid, struct psa_storage_info_t *p_info);

size_t cit_headers_its_info_size(void);

size_t cit_headers_its_info_size(void)
{
    struct psa_storage_info_t info = { 0, 0, PSA_STORAGE_FLAG_NONE };

    return sizeof(info);
}
