/*
 * crc32.h - CRC-32 for record integrity on storage media (freestanding).
 */
#ifndef CIT_CRC32_H
#define CIT_CRC32_H

#include <stddef.h>
#include <stdint.h>

/*
 * cit_crc32_update continues a CRC-32 (IEEE, as zlib's crc32()): start with
 * crc = 0; feeding the data in pieces gives the same result as one call.
 * in may be NULL when in_len is 0.
 */
uint32_t cit_crc32_update(uint32_t crc, const uint8_t *in, size_t in_len);

#endif /* CIT_CRC32_H */
