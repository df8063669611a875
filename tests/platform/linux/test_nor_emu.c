/*
 * test_nor_emu.c - the emulated NOR flash (nor_emu.c): geometry checks,
 * AND programming (a 0 never becomes 1 without an erase, and attempts are
 * counted), alignment and range errors, erase and wear counts, a file
 * image, and power-cut injection (the partial outcomes of a program and of
 * every interrupted-erase mode; everything fails until power is back).
 */
#define _POSIX_C_SOURCE 200809L
#include "test.h"

#include "platform/linux/nor_emu.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BS 1024u
#define NB 4u
#define UNIT 8u

static uint8_t image[BS * NB];
static cit_nor_emu_t emu;

static int rd(uint32_t addr, uint8_t *buf, size_t len)
{
    return emu.dev.read(emu.dev.ctx, addr, buf, len);
}

static int pg(uint32_t addr, const uint8_t *buf, size_t len)
{
    return emu.dev.program(emu.dev.ctx, addr, buf, len);
}

static int er(uint32_t block)
{
    return emu.dev.erase(emu.dev.ctx, block);
}

static void test_geometry(void)
{
    CHECK(cit_nor_emu_init_ram(&emu, image, BS, NB, 3) == CIT_NOR_ERROR);
    CHECK(cit_nor_emu_init_ram(&emu, image, BS, NB, 128) == CIT_NOR_ERROR);
    CHECK(cit_nor_emu_init_ram(&emu, image, BS + 4, NB, UNIT) == CIT_NOR_ERROR);
    CHECK(cit_nor_emu_init_ram(&emu, image, BS, 0, UNIT) == CIT_NOR_ERROR);
    CHECK(cit_nor_emu_init_ram(&emu, image, BS, CIT_NOR_EMU_MAX_BLOCKS + 1u, UNIT) ==
          CIT_NOR_ERROR);
    CHECK(cit_nor_emu_init_ram(&emu, NULL, BS, NB, UNIT) == CIT_NOR_ERROR);
    CHECK(cit_nor_emu_init_ram(NULL, image, BS, NB, UNIT) == CIT_NOR_ERROR);
    CHECK(cit_nor_emu_init_ram(&emu, image, BS, NB, UNIT) == CIT_NOR_OK);
    CHECK(emu.dev.block_size == BS && emu.dev.num_blocks == NB && emu.dev.program_unit == UNIT);
    CHECK(emu.dev.flags == CIT_NOR_FLAG_REPROGRAM_ZERO);
}

static void test_rules(void)
{
    uint8_t a[16];
    uint8_t b[16];
    uint8_t got[16];
    uint32_t lo;
    uint32_t hi;

    memset(image, 0xFF, sizeof(image));
    CHECK(cit_nor_emu_init_ram(&emu, image, BS, NB, UNIT) == CIT_NOR_OK);
    memset(a, 0x0F, sizeof(a));
    memset(b, 0xF0, sizeof(b));
    CHECK(pg(16, a, 16) == CIT_NOR_OK);
    CHECK(emu.num_overprograms == 0);
    /* Programming ANDs: 0x0F then 0xF0 gives 0x00, and the 1s over 0s are counted. */
    CHECK(pg(16, b, 16) == CIT_NOR_OK);
    CHECK(emu.num_overprograms == 1);
    CHECK(rd(16, got, 16) == CIT_NOR_OK);
    CHECK(got[0] == 0x00 && got[15] == 0x00);
    /* Zeros over programmed cells are not an overprogram. */
    memset(got, 0, sizeof(got));
    CHECK(pg(16, got, 16) == CIT_NOR_OK);
    CHECK(emu.num_overprograms == 1);
    /* Alignment and range. */
    CHECK(pg(4, a, 8) == CIT_NOR_ERROR);
    CHECK(pg(8, a, 4) == CIT_NOR_ERROR);
    CHECK(pg(BS * NB - 8, a, 16) == CIT_NOR_ERROR);
    CHECK(pg(0, NULL, 8) == CIT_NOR_ERROR);
    CHECK(rd(BS * NB - 4, got, 8) == CIT_NOR_ERROR);
    CHECK(rd(3, got, 5) == CIT_NOR_OK); /* reads have no alignment rule */
    CHECK(rd(4, got, 8) == CIT_NOR_OK);
    CHECK(got[0] == 0xFF && got[4] == 0xFF);
    CHECK(er(NB) == CIT_NOR_ERROR);
    /* Erase and wear. */
    CHECK(er(0) == CIT_NOR_OK);
    CHECK(er(0) == CIT_NOR_OK);
    CHECK(er(2) == CIT_NOR_OK);
    CHECK(rd(16, got, 16) == CIT_NOR_OK);
    CHECK(got[0] == 0xFF && got[15] == 0xFF);
    CHECK(emu.erase_count[0] == 2 && emu.erase_count[1] == 0 && emu.erase_count[2] == 1);
    cit_nor_emu_wear(&emu, &lo, &hi);
    CHECK(lo == 0 && hi == 2);
    /* Steps: each program unit and each erase. */
    CHECK(emu.steps == 2 + 2 + 2 + 3);
}

static void test_program_cut(void)
{
    uint8_t data[64];
    uint8_t got[64];
    uint8_t blank[8];
    unsigned seed;
    unsigned partial_seen = 0;

    memset(blank, 0xFF, sizeof(blank));
    for (seed = 1; seed <= 200; seed++) {
        unsigned i;
        unsigned k = 1 + seed % 8u;
        int units_done = 0;

        memset(image, 0xFF, sizeof(image));
        CHECK(cit_nor_emu_init_ram(&emu, image, BS, NB, UNIT) == CIT_NOR_OK);
        for (i = 0; i < sizeof(data); i++) {
            data[i] = (uint8_t)(i * 37u + seed);
        }
        cit_nor_emu_set_cut(&emu, k, seed);
        CHECK(pg(64, data, 64) == CIT_NOR_ERROR);
        CHECK(!emu.powered && !emu.cut_in_erase);
        CHECK(emu.steps == k);
        /* Everything fails until power is back. */
        CHECK(rd(64, got, 64) == CIT_NOR_ERROR);
        CHECK(pg(0, data, 8) == CIT_NOR_ERROR);
        CHECK(er(1) == CIT_NOR_ERROR);
        cit_nor_emu_power_on(&emu);
        CHECK(rd(64, got, 64) == CIT_NOR_OK);
        /* Each cell only lost 1s that the data has as 0s. */
        for (i = 0; i < sizeof(data); i++) {
            CHECK((uint8_t)(got[i] & data[i]) == data[i]);
        }
        for (i = 0; i < 8; i++) {
            if (memcmp(got + 8 * i, data + 8 * i, 8) == 0) {
                units_done++;
            } else if (memcmp(got + 8 * i, blank, 8) != 0) {
                partial_seen++;
            }
        }
        CHECK(units_done < 8);
    }
    CHECK(partial_seen > 50);
}

static void test_erase_cut(void)
{
    uint8_t old[BS];
    uint8_t got[BS];
    int mode;
    unsigned seed;

    for (mode = -1; mode < CIT_NOR_EMU_ERASE_MODES; mode++) {
        for (seed = 1; seed <= 20; seed++) {
            unsigned i;
            unsigned changed = 0;

            memset(image, 0xFF, sizeof(image));
            CHECK(cit_nor_emu_init_ram(&emu, image, BS, NB, UNIT) == CIT_NOR_OK);
            for (i = 0; i < BS; i++) {
                old[i] = (uint8_t)(i * 91u + seed);
            }
            CHECK(pg(BS, old, BS) == CIT_NOR_OK);
            CHECK(rd(BS, old, BS) == CIT_NOR_OK);
            emu.erase_mode = mode;
            cit_nor_emu_set_cut(&emu, 1, seed);
            CHECK(er(1) == CIT_NOR_ERROR);
            CHECK(!emu.powered && emu.cut_in_erase);
            CHECK(emu.erase_count[1] == 1);
            cit_nor_emu_power_on(&emu);
            CHECK(rd(BS, got, BS) == CIT_NOR_OK);
            for (i = 0; i < BS; i++) {
                CHECK((uint8_t)(got[i] & old[i]) == old[i]); /* bits only went to 1 */
                changed += got[i] != old[i];
            }
            if (mode == 4) {
                CHECK(changed == 0);
            } else if (mode == 5) {
                CHECK(got[0] == 0xFF && got[BS - 1] == 0xFF && changed > BS / 2);
            }
            /* The neighbours are untouched. */
            CHECK(rd(0, got, 8) == CIT_NOR_OK && got[0] == 0xFF);
        }
    }
}

static void test_file(void)
{
    char path[512];
    const char *tmp = getenv("TMPDIR");
    uint8_t data[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    uint8_t got[8];
    cit_nor_emu_t f;

    snprintf(path, sizeof(path), "%s/cit_nor_emu_%ld.img", tmp != NULL ? tmp : "/tmp",
             (long)getpid());
    (void)unlink(path);
    CHECK(cit_nor_emu_init_file(&f, path, BS, NB, UNIT) == CIT_NOR_OK);
    CHECK(f.dev.read(f.dev.ctx, 100, got, 8) == CIT_NOR_OK && got[0] == 0xFF);
    CHECK(f.dev.program(f.dev.ctx, 2048, data, 8) == CIT_NOR_OK);
    cit_nor_emu_close(&f);
    CHECK(cit_nor_emu_init_file(&f, path, BS, NB * 2, UNIT) == CIT_NOR_ERROR);
    CHECK(cit_nor_emu_init_file(&f, path, BS, NB, UNIT) == CIT_NOR_OK);
    CHECK(f.dev.read(f.dev.ctx, 2048, got, 8) == CIT_NOR_OK);
    CHECK_MEM(got, data, 8);
    cit_nor_emu_close(&f);
    (void)unlink(path);
}

int main(void)
{
    test_geometry();
    test_rules();
    test_program_cut();
    test_erase_cut();
    test_file();
    return cit_test_end("test_nor_emu");
}
