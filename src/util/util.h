/*
 * util.h - small freestanding helpers shared by every layer.
 *
 * Only memcpy/memset/memcmp-style helpers are needed; everything here
 * compiles with -ffreestanding.
 */
#ifndef CIT_UTIL_H
#define CIT_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* cit_zeroize wipes len bytes at p; the compiler cannot elide it. */
void cit_zeroize(void *p, size_t len);

/* CIT_ARRAY_LEN is the number of elements of a true array. */
#define CIT_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* CIT_STATIC_ASSERT is a C99 compile-time assertion usable at file scope. */
#define CIT_STATIC_ASSERT_CAT2(a, b) a##b
#define CIT_STATIC_ASSERT_CAT(a, b) CIT_STATIC_ASSERT_CAT2(a, b)
#define CIT_STATIC_ASSERT(cond, name) \
    typedef char CIT_STATIC_ASSERT_CAT(cit_static_assert_, name)[(cond) ? 1 : -1]

static inline uint32_t cit_load_be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) |
           (uint32_t)p[3];
}

static inline void cit_store_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static inline uint64_t cit_load_be64(const uint8_t *p)
{
    return ((uint64_t)cit_load_be32(p) << 32) | cit_load_be32(p + 4);
}

static inline void cit_store_be64(uint8_t *p, uint64_t v)
{
    cit_store_be32(p, (uint32_t)(v >> 32));
    cit_store_be32(p + 4, (uint32_t)v);
}

static inline uint32_t cit_load_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
           ((uint32_t)p[3] << 24);
}

static inline void cit_store_le32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static inline uint64_t cit_load_le64(const uint8_t *p)
{
    return (uint64_t)cit_load_le32(p) | ((uint64_t)cit_load_le32(p + 4) << 32);
}

static inline void cit_store_le64(uint8_t *p, uint64_t v)
{
    cit_store_le32(p, (uint32_t)v);
    cit_store_le32(p + 4, (uint32_t)(v >> 32));
}

static inline uint32_t cit_rotl32(uint32_t x, unsigned n)
{
    return (x << (n & 31)) | (x >> ((32 - n) & 31));
}

static inline uint32_t cit_rotr32(uint32_t x, unsigned n)
{
    return (x >> (n & 31)) | (x << ((32 - n) & 31));
}

static inline uint64_t cit_rotl64(uint64_t x, unsigned n)
{
    return (x << (n & 63)) | (x >> ((64 - n) & 63));
}

static inline uint64_t cit_rotr64(uint64_t x, unsigned n)
{
    return (x >> (n & 63)) | (x << ((64 - n) & 63));
}

#endif /* CIT_UTIL_H */
