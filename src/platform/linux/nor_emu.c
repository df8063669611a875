/*
 * nor_emu.c - emulated NOR flash with power-cut injection (see nor_emu.h).
 */
#define _POSIX_C_SOURCE 200809L
#include "platform/linux/nor_emu.h"

#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Interrupted-erase outcomes. */
#define EMU_ERASE_RANDOM_ONES 0u /* random bits of every byte back to 1 */
#define EMU_ERASE_SPARSE 1u      /* random bits of some bytes back to 1 (an early cut) */
#define EMU_ERASE_PREFIX 2u      /* a prefix erased, the rest untouched */
#define EMU_ERASE_NEARLY 3u      /* erased but for a few stray zero bits */
#define EMU_ERASE_NOTHING 4u     /* power failed before the erase began */
#define EMU_ERASE_ALL 5u         /* the erase finished, the ack was lost */
#define EMU_ERASE_MODES ((uint32_t)CIT_NOR_EMU_ERASE_MODES)

static uint64_t emu_rand(cit_nor_emu_t *emu)
{
    uint64_t x = emu->rng;

    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    emu->rng = x;
    return x * 0x2545F4914F6CDD1Du;
}

static int emu_geometry_ok(uint32_t block_size, uint32_t num_blocks, uint32_t program_unit)
{
    if (program_unit == 0 || program_unit > 64 || (program_unit & (program_unit - 1)) != 0) {
        return 0;
    }
    if (block_size == 0 || block_size % program_unit != 0) {
        return 0;
    }
    if (num_blocks == 0 || num_blocks > CIT_NOR_EMU_MAX_BLOCKS) {
        return 0;
    }
    return (uint64_t)block_size * num_blocks <= 0xFFFFFFFFu;
}

/* emu_range_ok: [addr, addr + len) lies inside the device. */
static int emu_range_ok(const cit_nor_emu_t *emu, uint32_t addr, size_t len)
{
    return (size_t)addr <= emu->size && len <= emu->size - (size_t)addr;
}

/* emu_step counts one step; returns 1 if power fails during it. */
static int emu_step(cit_nor_emu_t *emu)
{
    emu->steps++;
    if (emu->cut_at != 0 && emu->steps == emu->cut_at) {
        emu->powered = 0;
        emu->cut_at = 0;
        return 1;
    }
    return 0;
}

static int emu_read(void *ctx, uint32_t addr, uint8_t *buf, size_t len)
{
    cit_nor_emu_t *emu = (cit_nor_emu_t *)ctx;

    if (emu == NULL || !emu->powered || (buf == NULL && len != 0) ||
        !emu_range_ok(emu, addr, len)) {
        return CIT_NOR_ERROR;
    }
    emu->num_reads++;
    if (len != 0) {
        memcpy(buf, emu->mem + addr, len);
    }
    return CIT_NOR_OK;
}

/* emu_program_partial leaves one unit with a random subset of its new zero bits. */
static void emu_program_partial(cit_nor_emu_t *emu, uint8_t *cells, const uint8_t *data,
                                uint32_t unit)
{
    uint32_t i;

    for (i = 0; i < unit; i++) {
        uint8_t clear = (uint8_t)(cells[i] & (uint8_t)~data[i]);

        cells[i] = (uint8_t)(cells[i] & (uint8_t) ~(clear & (uint8_t)emu_rand(emu)));
    }
}

static void emu_program_unit(uint8_t *cells, const uint8_t *data, uint32_t unit)
{
    uint32_t i;

    for (i = 0; i < unit; i++) {
        cells[i] = (uint8_t)(cells[i] & data[i]);
    }
}

static int emu_program(void *ctx, uint32_t addr, const uint8_t *buf, size_t len)
{
    cit_nor_emu_t *emu = (cit_nor_emu_t *)ctx;
    uint32_t unit;
    size_t n;
    size_t i;
    size_t k;

    if (emu == NULL || !emu->powered || (buf == NULL && len != 0) ||
        !emu_range_ok(emu, addr, len)) {
        return CIT_NOR_ERROR;
    }
    unit = emu->dev.program_unit;
    if (addr % unit != 0 || len % unit != 0) {
        return CIT_NOR_ERROR;
    }
    emu->num_programs++;
    for (i = 0; i < len; i++) {
        if ((uint8_t)(buf[i] & (uint8_t)~emu->mem[addr + i]) != 0) {
            emu->num_overprograms++;
            break;
        }
    }
    n = len / unit;
    for (i = 0; i < n; i++) {
        if (emu_step(emu)) {
            /* Power fails while unit i is being programmed. */
            int in_order = (emu_rand(emu) & 1u) != 0;

            for (k = 0; k < n; k++) {
                uint8_t *cells = emu->mem + addr + k * unit;
                const uint8_t *data = buf + k * unit;

                if (k == i) {
                    emu_program_partial(emu, cells, data, unit);
                } else if (in_order ? (k < i) : ((emu_rand(emu) & 1u) != 0)) {
                    emu_program_unit(cells, data, unit);
                }
            }
            emu->num_units += i;
            return CIT_NOR_ERROR;
        }
    }
    for (i = 0; i < n; i++) {
        emu_program_unit(emu->mem + addr + i * unit, buf + i * unit, unit);
    }
    emu->num_units += n;
    return CIT_NOR_OK;
}

/* emu_erase_partial leaves block bytes in one of the interrupted-erase outcomes. */
static void emu_erase_partial(cit_nor_emu_t *emu, uint8_t *cells, uint32_t size)
{
    uint32_t mode = (uint32_t)(emu_rand(emu) % EMU_ERASE_MODES);
    uint32_t i;

    if (emu->erase_mode >= 0 && (uint32_t)emu->erase_mode < EMU_ERASE_MODES) {
        mode = (uint32_t)emu->erase_mode;
    }
    switch (mode) {
    case EMU_ERASE_RANDOM_ONES:
        for (i = 0; i < size; i++) {
            cells[i] = (uint8_t)(cells[i] | (uint8_t)emu_rand(emu));
        }
        break;
    case EMU_ERASE_SPARSE: {
        /* One byte in 4, 32 or 512 gets some bits back to 1. */
        uint32_t shift = 2u + 3u * (uint32_t)(emu_rand(emu) % 3u);
        uint64_t mask = ((uint64_t)1 << shift) - 1u;

        for (i = 0; i < size; i++) {
            if ((emu_rand(emu) & mask) == 0) {
                cells[i] = (uint8_t)(cells[i] | (uint8_t)emu_rand(emu));
            }
        }
        break;
    }
    case EMU_ERASE_PREFIX: {
        uint32_t cut = (uint32_t)(emu_rand(emu) % size);

        memset(cells, 0xFF, cut);
        cells[cut] = (uint8_t)(cells[cut] | (uint8_t)emu_rand(emu));
        break;
    }
    case EMU_ERASE_NEARLY: {
        uint32_t stray = 1u + (uint32_t)(emu_rand(emu) % 4u);
        uint8_t keep[4];
        uint32_t where[4];

        for (i = 0; i < stray; i++) {
            where[i] = (uint32_t)(emu_rand(emu) % size);
            keep[i] = (uint8_t)(cells[where[i]] | (uint8_t)emu_rand(emu));
        }
        memset(cells, 0xFF, size);
        for (i = 0; i < stray; i++) {
            cells[where[i]] = (uint8_t)(cells[where[i]] & keep[i]);
        }
        break;
    }
    case EMU_ERASE_NOTHING:
        break;
    default:
        memset(cells, 0xFF, size);
        break;
    }
}

static int emu_erase(void *ctx, uint32_t block)
{
    cit_nor_emu_t *emu = (cit_nor_emu_t *)ctx;
    uint8_t *cells;

    if (emu == NULL || !emu->powered || block >= emu->dev.num_blocks) {
        return CIT_NOR_ERROR;
    }
    cells = emu->mem + (size_t)block * emu->dev.block_size;
    emu->num_erases++;
    emu->erase_count[block]++;
    if (emu_step(emu)) {
        emu->cut_in_erase = 1;
        emu_erase_partial(emu, cells, emu->dev.block_size);
        return CIT_NOR_ERROR;
    }
    memset(cells, 0xFF, emu->dev.block_size);
    return CIT_NOR_OK;
}

static void emu_setup(cit_nor_emu_t *emu, uint8_t *mem, uint32_t block_size,
                      uint32_t num_blocks, uint32_t program_unit)
{
    memset(emu, 0, sizeof(*emu));
    emu->dev.block_size = block_size;
    emu->dev.num_blocks = num_blocks;
    emu->dev.program_unit = program_unit;
    emu->dev.flags = CIT_NOR_FLAG_REPROGRAM_ZERO;
    emu->dev.read = emu_read;
    emu->dev.program = emu_program;
    emu->dev.erase = emu_erase;
    emu->dev.ctx = emu;
    emu->mem = mem;
    emu->size = (size_t)block_size * num_blocks;
    emu->fd = -1;
    emu->powered = 1;
    emu->erase_mode = -1;
    emu->rng = 0x9E3779B97F4A7C15u;
}

/* see nor_emu.h */
int cit_nor_emu_init_ram(cit_nor_emu_t *emu, uint8_t *buf, uint32_t block_size,
                         uint32_t num_blocks, uint32_t program_unit)
{
    if (emu == NULL || buf == NULL || !emu_geometry_ok(block_size, num_blocks, program_unit)) {
        return CIT_NOR_ERROR;
    }
    emu_setup(emu, buf, block_size, num_blocks, program_unit);
    return CIT_NOR_OK;
}

/* see nor_emu.h */
int cit_nor_emu_init_file(cit_nor_emu_t *emu, const char *path, uint32_t block_size,
                          uint32_t num_blocks, uint32_t program_unit)
{
    struct stat st;
    size_t size;
    void *map;
    int fd;
    int blank;

    if (emu == NULL || path == NULL || !emu_geometry_ok(block_size, num_blocks, program_unit)) {
        return CIT_NOR_ERROR;
    }
    size = (size_t)block_size * num_blocks;
    fd = open(path, O_RDWR | O_CREAT, 0600);
    if (fd < 0) {
        return CIT_NOR_ERROR;
    }
    if (fstat(fd, &st) != 0) {
        (void)close(fd);
        return CIT_NOR_ERROR;
    }
    blank = (st.st_size == 0);
    if (blank) {
        if (ftruncate(fd, (off_t)size) != 0) {
            (void)close(fd);
            return CIT_NOR_ERROR;
        }
    } else if ((uint64_t)st.st_size != (uint64_t)size) {
        (void)close(fd);
        return CIT_NOR_ERROR;
    }
    map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (map == MAP_FAILED) {
        (void)close(fd);
        return CIT_NOR_ERROR;
    }
    if (blank) {
        memset(map, 0xFF, size);
    }
    emu_setup(emu, (uint8_t *)map, block_size, num_blocks, program_unit);
    emu->fd = fd;
    return CIT_NOR_OK;
}

/* see nor_emu.h */
void cit_nor_emu_close(cit_nor_emu_t *emu)
{
    if (emu == NULL || emu->fd < 0) {
        return;
    }
    (void)msync(emu->mem, emu->size, MS_SYNC);
    (void)munmap(emu->mem, emu->size);
    (void)close(emu->fd);
    emu->fd = -1;
    emu->mem = NULL;
    emu->size = 0;
    emu->powered = 0;
}

/* see nor_emu.h */
void cit_nor_emu_set_cut(cit_nor_emu_t *emu, uint64_t k, uint64_t seed)
{
    if (emu == NULL) {
        return;
    }
    emu->cut_at = (k == 0) ? 0 : emu->steps + k;
    emu->cut_in_erase = 0;
    emu->rng = seed * 0x9E3779B97F4A7C15u + 0x632BE59BD9B4E019u;
    if (emu->rng == 0) {
        emu->rng = 1;
    }
}

/* see nor_emu.h */
void cit_nor_emu_power_on(cit_nor_emu_t *emu)
{
    if (emu == NULL || emu->mem == NULL) {
        return;
    }
    emu->powered = 1;
    emu->cut_at = 0;
}

/* see nor_emu.h */
void cit_nor_emu_wear(const cit_nor_emu_t *emu, uint32_t *min_erases, uint32_t *max_erases)
{
    uint32_t lo = 0xFFFFFFFFu;
    uint32_t hi = 0;
    uint32_t b;

    if (emu == NULL) {
        return;
    }
    for (b = 0; b < emu->dev.num_blocks; b++) {
        lo = (emu->erase_count[b] < lo) ? emu->erase_count[b] : lo;
        hi = (emu->erase_count[b] > hi) ? emu->erase_count[b] : hi;
    }
    if (min_erases != NULL) {
        *min_erases = (emu->dev.num_blocks == 0) ? 0 : lo;
    }
    if (max_erases != NULL) {
        *max_erases = hi;
    }
}
