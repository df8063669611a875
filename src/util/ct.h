/*
 * ct.h - constant-time building blocks.
 *
 * Everything that touches secret data selects and compares through these
 * helpers: no branch and no memory index may depend on a secret. A
 * "mask" is all-ones (true) or all-zeros (false).
 */
#ifndef CIT_CT_H
#define CIT_CT_H

#include <stddef.h>
#include <stdint.h>

/* cit_ct_barrier_u32 hides x from the optimiser so that masks stay masks. */
static inline uint32_t cit_ct_barrier_u32(uint32_t x)
{
    volatile uint32_t v = x;
    return v;
}

/* cit_ct_u32_is_zero returns an all-ones mask if x == 0, else 0. */
static inline uint32_t cit_ct_u32_is_zero(uint32_t x)
{
    uint32_t nz = (x | (0u - x)) >> 31; /* 1 if x != 0 */
    return cit_ct_barrier_u32(nz) - 1u;
}

/* cit_ct_u32_eq returns an all-ones mask if a == b, else 0. */
static inline uint32_t cit_ct_u32_eq(uint32_t a, uint32_t b)
{
    return cit_ct_u32_is_zero(a ^ b);
}

/* cit_ct_u32_lt returns an all-ones mask if a < b (unsigned), else 0. */
static inline uint32_t cit_ct_u32_lt(uint32_t a, uint32_t b)
{
    uint32_t borrow = ((~a & b) | ((~(a ^ b)) & (a - b))) >> 31;
    return 0u - cit_ct_barrier_u32(borrow);
}

/* cit_ct_u32_select returns a if mask is all-ones, b if it is zero. */
static inline uint32_t cit_ct_u32_select(uint32_t mask, uint32_t a, uint32_t b)
{
    return (a & mask) | (b & ~mask);
}

/*
 * cit_ct_memcmp returns 0 if the n bytes at a and b are equal and a
 * non-zero value otherwise, in time that depends only on n.
 */
uint32_t cit_ct_memcmp(const void *a, const void *b, size_t n);

/* cit_ct_memcpy_if copies n bytes from src to dst when mask is all-ones. */
void cit_ct_memcpy_if(uint32_t mask, uint8_t *dst, const uint8_t *src, size_t n);

/*
 * Annotations for the constant-time checker: under valgrind (the CT test
 * build defines CIT_CT_VALGRIND) memory marked secret is "undefined", so any
 * branch or index on it is reported.
 */
#if defined(CIT_CT_VALGRIND)
#include <valgrind/memcheck.h>
#define CIT_CT_SECRET(p, n) VALGRIND_MAKE_MEM_UNDEFINED((p), (n))
#define CIT_CT_PUBLIC(p, n) VALGRIND_MAKE_MEM_DEFINED((p), (n))
#else
#define CIT_CT_SECRET(p, n) ((void)(p), (void)(n))
#define CIT_CT_PUBLIC(p, n) ((void)(p), (void)(n))
#endif

/*
 * cit_ct_declassify_u32 returns x, marked public for the checker. It belongs
 * only where the API reveals the value by design: the verdict of a tag or
 * digest check (match or not) is returned to the caller, so the comparison
 * result is declassified right before the one branch on whether it is zero,
 * and nothing computed before it is. A no-op outside the checker build.
 */
static inline uint32_t cit_ct_declassify_u32(uint32_t x)
{
    CIT_CT_PUBLIC(&x, sizeof(x));
    return x;
}

#endif /* CIT_CT_H */
