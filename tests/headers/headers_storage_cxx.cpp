/*
 * headers_storage_cxx.cpp - psa/internal_trusted_storage.h included alone,
 * then psa/protected_storage.h, compiled as C++ and linked into headers_cxx:
 * the ITS and PS functions must have C linkage.
 */
#include <psa/internal_trusted_storage.h>
#include <psa/protected_storage.h>

int cit_headers_storage_cxx(void);

int cit_headers_storage_cxx(void)
{
    void (*const fns[])(void) = {
        reinterpret_cast<void (*)(void)>(&psa_its_set),
        reinterpret_cast<void (*)(void)>(&psa_its_get),
        reinterpret_cast<void (*)(void)>(&psa_its_get_info),
        reinterpret_cast<void (*)(void)>(&psa_its_remove),
        reinterpret_cast<void (*)(void)>(&psa_ps_set),
        reinterpret_cast<void (*)(void)>(&psa_ps_get),
        reinterpret_cast<void (*)(void)>(&psa_ps_get_info),
        reinterpret_cast<void (*)(void)>(&psa_ps_remove),
        reinterpret_cast<void (*)(void)>(&psa_ps_create),
        reinterpret_cast<void (*)(void)>(&psa_ps_set_extended),
        reinterpret_cast<void (*)(void)>(&psa_ps_get_support),
    };
    psa_storage_info_t info = { 0, 0, PSA_STORAGE_FLAG_WRITE_ONCE };
    int missing = 0;

    for (unsigned i = 0; i < sizeof(fns) / sizeof(fns[0]); i++) {
        missing += fns[i] == 0;
    }
    return missing + static_cast<int>(info.flags != 1u) +
           static_cast<int>(PSA_ITS_API_VERSION_MAJOR != 1 || PSA_PS_API_VERSION_MAJOR != 1);
}
