/*
 * nor_flash.h - the NOR flash device interface under the flash object store
 * (flash_store.c). Freestanding: a geometry and three operations reached
 * through function pointers and an opaque context.
 *
 * NOR rules the store relies on (and the emulator, nor_emu.c, enforces):
 *   - erase(block) sets every byte of one erase block to 0xFF;
 *   - program(addr, buf, len) can only clear bits: the cells become
 *     old AND buf. addr and len must be multiples of program_unit. The
 *     store programs each unit once after an erase, except (with
 *     CIT_NOR_FLAG_REPROGRAM_ZERO) to overwrite a dead payload with zeros;
 *   - read(addr, buf, len) has no alignment rule.
 * A power loss may leave the operation in progress partly done (some units
 * programmed, some bits of one unit, or a block partly erased); operations
 * completed before it are durable.
 */
#ifndef CIT_NOR_FLASH_H
#define CIT_NOR_FLASH_H

#include <stddef.h>
#include <stdint.h>

/* Return values of the device operations. */
#define CIT_NOR_OK 0
#define CIT_NOR_ERROR (-1)

/*
 * Device flags. CIT_NOR_FLAG_REPROGRAM_ZERO: a unit already programmed may
 * be programmed again with all zeros (true of plain NOR; not of parts whose
 * program unit carries an ECC word that must be written once). The store
 * then wipes the payload of a replaced or removed object.
 */
#define CIT_NOR_FLAG_REPROGRAM_ZERO 1u

typedef struct {
    /* Geometry. block_size is a multiple of program_unit, which is a power of two. */
    uint32_t block_size;   /* erase-block size in bytes */
    uint32_t num_blocks;   /* number of erase blocks; addresses are 0..size-1 */
    uint32_t program_unit; /* smallest programmable unit in bytes (1..64) */
    uint32_t flags;        /* CIT_NOR_FLAG_* */
    /* Operations: each returns CIT_NOR_OK or CIT_NOR_ERROR. */
    int (*read)(void *ctx, uint32_t addr, uint8_t *buf, size_t len);
    int (*program)(void *ctx, uint32_t addr, const uint8_t *buf, size_t len);
    int (*erase)(void *ctx, uint32_t block);
    void *ctx;
} cit_nor_flash_t;

#endif /* CIT_NOR_FLASH_H */
