/*
 * report.c - Citadel's extension functions: accelerator switch and the
 * build/configuration report.
 */
#include "citadel/citadel.h"
#include "core.h"
#include "dispatch.h"
#if defined(CIT_USE_X86)
#include "drivers/x86/x86.h"
#endif

void citadel_set_accelerators(int enabled)
{
    cit_dispatch_set_accelerators(enabled);
}

/* Appends s to buf at *pos (always counting, writing only what fits). */
static void put(char *buf, size_t size, size_t *pos, const char *s)
{
    while (*s != '\0') {
        if (*pos + 1 < size) {
            buf[*pos] = *s;
        }
        (*pos)++;
        s++;
    }
    if (size > 0) {
        buf[*pos < size ? *pos : size - 1] = '\0';
    }
}

size_t citadel_config_report(char *buf, size_t buf_size)
{
    size_t pos = 0;

    put(buf, buf_size, &pos, "hashes:");
#if defined(CIT_NEED_MD5)
    put(buf, buf_size, &pos, " MD5");
#endif
#if defined(CIT_NEED_RIPEMD160)
    put(buf, buf_size, &pos, " RIPEMD-160");
#endif
#if defined(CIT_NEED_SHA1)
    put(buf, buf_size, &pos, " SHA-1");
#endif
#if defined(CIT_NEED_SHA256)
    put(buf, buf_size, &pos, " SHA-224/256");
#endif
#if defined(CIT_NEED_SHA512)
    put(buf, buf_size, &pos, " SHA-384/512");
#endif
#if defined(CIT_NEED_SHA3)
    put(buf, buf_size, &pos, " SHA-3/SHAKE");
#endif
    put(buf, buf_size, &pos, "; macs:");
#if defined(CIT_NEED_HMAC)
    put(buf, buf_size, &pos, " HMAC");
#endif
#if defined(CIT_NEED_CMAC)
    put(buf, buf_size, &pos, " CMAC");
#endif
#if defined(CIT_NEED_CBC_MAC)
    put(buf, buf_size, &pos, " CBC-MAC");
#endif
    put(buf, buf_size, &pos, "; aead:");
#if defined(CIT_NEED_GCM)
    put(buf, buf_size, &pos, " GCM");
#endif
    put(buf, buf_size, &pos, "; kdfs:");
#if defined(CIT_NEED_HKDF)
    put(buf, buf_size, &pos, " HKDF");
#endif
    put(buf, buf_size, &pos, "; drivers: builtin");
#if defined(CIT_USE_X86)
    {
        uint32_t f = cit_x86_features();

        put(buf, buf_size, &pos, ", x86 (");
        put(buf, buf_size, &pos, (f & CIT_X86_SHA) ? "SHA-NI " : "no SHA-NI ");
        put(buf, buf_size, &pos, (f & CIT_X86_AES) ? "AES-NI)" : "no AES-NI)");
    }
#endif
    return pos;
}
