/*
 * headers_storage_common_c.c - psa/storage_common.h included alone,
 * compiled as C99 -pedantic (linked into headers_c99; compile-time checks).
 */
#include <psa/storage_common.h>

#define CIT_STATIC_ASSERT(name, cond) typedef char cit_assert_##name[(cond) ? 1 : -1]

CIT_STATIC_ASSERT(none, PSA_STORAGE_FLAG_NONE == 0u);
CIT_STATIC_ASSERT(info_fields, sizeof(struct psa_storage_info_t) >= 2 * sizeof(size_t) + 4);

/* The flags are unsigned constants usable in #if. */
#if (PSA_STORAGE_FLAG_WRITE_ONCE | PSA_STORAGE_FLAG_NO_CONFIDENTIALITY | \
     PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION) != 7u
#error "storage flag values"
#endif
