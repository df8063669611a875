/*
 * headers_ps_c.c - psa/protected_storage.h included alone, compiled as C99
 * -pedantic (linked into headers_c99; compile-time checks only); then the
 * other PSA headers, which must coexist with it.
 */
#include <psa/protected_storage.h>

#include <psa/crypto.h>
#include <psa/internal_trusted_storage.h>

#define CIT_STATIC_ASSERT(name, cond) typedef char cit_assert_##name[(cond) ? 1 : -1]

CIT_STATIC_ASSERT(support, PSA_STORAGE_SUPPORT_SET_EXTENDED == 1u);
CIT_STATIC_ASSERT(flags, PSA_STORAGE_FLAG_NO_CONFIDENTIALITY == 2u &&
                             PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION == 4u);
CIT_STATIC_ASSERT(status, PSA_ERROR_INVALID_SIGNATURE == -149);

#if PSA_PS_API_VERSION_MAJOR != 1 || PSA_PS_API_VERSION_MINOR != 0
#error "wrong PS API version"
#endif

/* Redeclarations with the specification's prototypes must agree with the header. */
psa_status_t psa_ps_get(psa_storage_uid_t uid, size_t data_offset, size_t data_size,
                        void *p_data, size_t *p_data_length);
uint32_t psa_ps_get_support(void);
