/*
 * util.c - zeroization and constant-time memory helpers.
 */
#include "util.h"
#include "ct.h"

/*
 * Calling memset through a volatile function pointer keeps the compiler
 * from proving the store dead and removing it.
 */
static void *(*const volatile cit_memset_fn)(void *, int, size_t) = memset;

/* see util.h */
void cit_zeroize(void *p, size_t len)
{
    if (len != 0) {
        cit_memset_fn(p, 0, len);
    }
}

/* see ct.h */
uint32_t cit_ct_memcmp(const void *a, const void *b, size_t n)
{
    const volatile uint8_t *pa = (const volatile uint8_t *)a;
    const volatile uint8_t *pb = (const volatile uint8_t *)b;
    uint32_t acc = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        acc |= (uint32_t)(pa[i] ^ pb[i]);
    }
    return acc;
}

/* see ct.h */
void cit_ct_memcpy_if(uint32_t mask, uint8_t *dst, const uint8_t *src, size_t n)
{
    uint8_t m = (uint8_t)cit_ct_barrier_u32(mask);
    size_t i;

    for (i = 0; i < n; i++) {
        dst[i] = (uint8_t)((src[i] & m) | (dst[i] & (uint8_t)~m));
    }
}
