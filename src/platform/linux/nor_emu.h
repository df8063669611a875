/*
 * nor_emu.h - an emulated NOR flash (src/storage/nor_flash.h) for tests,
 * benchmarks and host builds: RAM-backed (a caller buffer) or file-backed
 * (an image file mapped into memory), with any geometry.
 *
 * The device reports CIT_NOR_FLAG_REPROGRAM_ZERO (clear dev.flags to
 * emulate a part that forbids it). It enforces the NOR rules: programming
 * ANDs the data into the cells (a
 * 0 -> 1 transition is physically impossible and silently does not happen,
 * as on real parts; it is also counted in num_overprograms so a test can
 * assert that a client never tries), program ranges must be aligned to the
 * program unit (else CIT_NOR_ERROR and nothing changes), erase sets a block
 * to 0xFF. It counts erases per block (wear statistics).
 *
 * Power-cut injection: the device counts "steps" - each program unit written
 * and each block erase is one step. cit_nor_emu_set_cut(emu, k, seed) makes
 * power fail during the k-th step from now: that operation is left partly
 * done (a program: a random subset of its units programmed, in order or not,
 * and the unit being programmed with a random subset of its new zero bits;
 * an erase: the block with random bits back to 1 in every byte or in some
 * bytes, a partly erased prefix, a nearly erased block with a few stray zero
 * bits, untouched, or completely erased), it returns CIT_NOR_ERROR, and
 * every later read, program or erase
 * fails until cit_nor_emu_power_on() ("reboot"; the image is kept).
 *
 * Not thread-safe; one emulator per device.
 */
#ifndef CIT_NOR_EMU_H
#define CIT_NOR_EMU_H

#include <stddef.h>
#include <stdint.h>

#include "storage/nor_flash.h"

/* Largest number of erase blocks an emulated device may have. */
#define CIT_NOR_EMU_MAX_BLOCKS 1024u
/* Number of interrupted-erase outcomes (see erase_mode). */
#define CIT_NOR_EMU_ERASE_MODES 6

typedef struct {
    cit_nor_flash_t dev;   /* pass &emu->dev to the store; dev.ctx is the emulator */
    uint8_t *mem;          /* the image: num_blocks * block_size bytes */
    size_t size;
    int fd;                /* image file descriptor (file-backed), else -1 */
    /* Power-cut injection. */
    uint64_t steps;        /* steps (program units, erases) since init */
    uint64_t cut_at;       /* 0: no cut armed; else the step during which power fails */
    int powered;           /* 0 after a cut until cit_nor_emu_power_on */
    int cut_in_erase;      /* the last cut interrupted an erase (not a program) */
    int erase_mode;        /* -1: random interrupted-erase outcome; else forced: 0 random
                              bits in every byte, 1 in some bytes, 2 prefix erased,
                              3 nearly erased, 4 nothing done, 5 all done */
    uint64_t rng;          /* xorshift64* state for the partial outcomes */
    /* Statistics (since init). */
    uint64_t num_reads;
    uint64_t num_programs;     /* program calls */
    uint64_t num_units;        /* program units written */
    uint64_t num_erases;
    uint64_t num_overprograms; /* program calls that tried to turn a 0 bit into 1 */
    uint32_t erase_count[CIT_NOR_EMU_MAX_BLOCKS];
} cit_nor_emu_t;

/*
 * cit_nor_emu_init_ram makes emu a device over buf (num_blocks * block_size
 * bytes, used as is: fill it with 0xFF for a blank part, or keep an image).
 * program_unit: a power of two from 1 to 64 dividing block_size. Returns
 * CIT_NOR_OK or CIT_NOR_ERROR (bad geometry or pointer).
 */
int cit_nor_emu_init_ram(cit_nor_emu_t *emu, uint8_t *buf, uint32_t block_size,
                         uint32_t num_blocks, uint32_t program_unit);

/*
 * cit_nor_emu_init_file opens (or creates, blank: all 0xFF) the image file
 * at path and maps it. An existing file must have the geometry's size.
 * Erase counts are not kept in the file (they start at 0).
 */
int cit_nor_emu_init_file(cit_nor_emu_t *emu, const char *path, uint32_t block_size,
                          uint32_t num_blocks, uint32_t program_unit);

/* cit_nor_emu_close writes a file-backed image back and unmaps it; RAM: no-op. */
void cit_nor_emu_close(cit_nor_emu_t *emu);

/*
 * cit_nor_emu_set_cut arms a power cut during the k-th step from now
 * (k >= 1; k = 0 disarms). seed picks the partial outcome reproducibly.
 */
void cit_nor_emu_set_cut(cit_nor_emu_t *emu, uint64_t k, uint64_t seed);

/* cit_nor_emu_power_on restores power after a cut and disarms any cut. */
void cit_nor_emu_power_on(cit_nor_emu_t *emu);

/* cit_nor_emu_wear reports the smallest and largest per-block erase count. */
void cit_nor_emu_wear(const cit_nor_emu_t *emu, uint32_t *min_erases, uint32_t *max_erases);

#endif /* CIT_NOR_EMU_H */
