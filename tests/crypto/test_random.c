/*
 * test_random.c - psa_generate_random (spec 10.14.1): empty and odd-sized
 * requests, requests across the DRBG's 65536-byte per-request chunk, output
 * freshness, loose statistical sanity on 1 MiB (monobit and byte
 * frequencies, bounds with a false-alarm probability far below 1e-9), many
 * more requests than the reseed interval, fork safety (a child must never
 * repeat its parent's stream), and the whole set once more in a child
 * process that disables the accelerators before psa_crypto_init, so that
 * the DRBG runs on the portable AES.
 */
#define _POSIX_C_SOURCE 200809L

#include "psa/crypto.h"
#include "citadel/citadel.h"
#include "test.h"

#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* The DRBG's request chunk and reseed interval (src/drivers/builtin/primitives.h). */
#define DRBG_MAX_REQUEST 65536u
#define DRBG_RESEED_INTERVAL 10000u

#define STAT_BYTES (1024u * 1024u)

static int is_all(const uint8_t *p, size_t n, uint8_t v)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (p[i] != v) {
            return 0;
        }
    }
    return 1;
}

/* ---- Request sizes ---- */

static void test_sizes(void)
{
    static const size_t sizes[] = { 1,     2,     3,     7,     15,    16,    17,
                                    31,    32,    33,    63,    64,    65,    127,
                                    128,   129,   255,   256,   1000,  4096,  65535,
                                    65536, 65537, 65552, 70000, 99999, 100000 };
    const size_t guard = 32;
    uint8_t *buf = malloc(100000 + guard);
    uint8_t one = 0;
    size_t i, off;

    CHECK(buf != NULL);
    if (buf == NULL) {
        return;
    }
    /* Zero bytes: success, nothing written (a NULL buffer is fine). */
    memset(buf, 0xa5, guard);
    CHECK_STATUS(psa_generate_random(buf, 0), PSA_SUCCESS);
    CHECK(is_all(buf, guard, 0xa5));
    CHECK_STATUS(psa_generate_random(NULL, 0), PSA_SUCCESS);
    CHECK_STATUS(psa_generate_random(&one, 1), PSA_SUCCESS);

    for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        size_t n = sizes[i];

        memset(buf, 0xa5, n + guard);
        CHECK_STATUS(psa_generate_random(buf, n), PSA_SUCCESS);
        /* Nothing beyond the request is touched. */
        CHECK(is_all(buf + n, guard, 0xa5));
        if (n >= 16) {
            /* 16 equal bytes from a working generator: probability 2^-120. */
            CHECK(!is_all(buf, 16, buf[0]));
            CHECK(!is_all(buf + n - 16, 16, buf[n - 16]));
        }
        /* Every 64-byte window is filled (none left at the fill pattern or zero). */
        for (off = 0; off + 64 <= n; off += 64) {
            CHECK(!is_all(buf + off, 64, 0xa5) && !is_all(buf + off, 64, 0x00));
        }
        if (n > DRBG_MAX_REQUEST + 32) {
            /* The second chunk is not a repeat of the first. */
            CHECK(memcmp(buf, buf + DRBG_MAX_REQUEST, 32) != 0);
            CHECK(memcmp(buf + DRBG_MAX_REQUEST - 32, buf + DRBG_MAX_REQUEST, 32) != 0);
        }
    }
    free(buf);
}

/* ---- Freshness ---- */

static void test_distinct(void)
{
    enum { N = 64 };
    uint8_t out[N][32];
    size_t i, j;

    for (i = 0; i < N; i++) {
        CHECK_STATUS(psa_generate_random(out[i], sizeof(out[i])), PSA_SUCCESS);
    }
    for (i = 0; i < N; i++) {
        for (j = i + 1; j < N; j++) {
            CHECK(memcmp(out[i], out[j], sizeof(out[i])) != 0);
        }
    }
    /* Split requests do not replay the start of the stream either. */
    {
        uint8_t a[16], b[16];

        CHECK_STATUS(psa_generate_random(a, 7), PSA_SUCCESS);
        CHECK_STATUS(psa_generate_random(a + 7, 9), PSA_SUCCESS);
        CHECK_STATUS(psa_generate_random(b, 16), PSA_SUCCESS);
        CHECK(memcmp(a, b, 16) != 0);
        CHECK(memcmp(a, a + 7, 7) != 0);
    }
}

/* ---- Statistical sanity on 1 MiB ---- */

static void test_statistics(void)
{
    uint8_t *buf = malloc(STAT_BYTES);
    unsigned long counts[256];
    unsigned long ones = 0;
    const double bits = 8.0 * STAT_BYTES;
    const double expect = STAT_BYTES / 256.0;
    double chi2 = 0.0, dev;
    unsigned long worst = 0;
    size_t i;
    int b;

    CHECK(buf != NULL);
    if (buf == NULL) {
        return;
    }
    /* In pieces of varied size, as applications draw it. */
    for (i = 0; i < STAT_BYTES;) {
        size_t n = 1 + (i * 7919u) % 5000u;

        if (n > STAT_BYTES - i) {
            n = STAT_BYTES - i;
        }
        CHECK_STATUS(psa_generate_random(buf + i, n), PSA_SUCCESS);
        i += n;
    }
    memset(counts, 0, sizeof(counts));
    for (i = 0; i < STAT_BYTES; i++) {
        counts[buf[i]]++;
    }
    for (b = 0; b < 256; b++) {
        unsigned long c = counts[b];
        int k;

        for (k = 0; k < 8; k++) {
            if (b & (1 << k)) {
                ones += c;
            }
        }
        dev = (double)c - expect;
        chi2 += dev * dev / expect;
        if ((dev < 0 ? -dev : dev) > (double)worst) {
            worst = (unsigned long)(dev < 0 ? -dev : dev);
        }
    }
    /*
     * Monobit: n = 2^23 bits, sd = sqrt(n)/2 = 1448.2; 10200 is 7.04 sd
     * (two-sided probability 2e-12).
     */
    dev = (double)ones - bits / 2.0;
    CHECK((dev < 0 ? -dev : dev) < 10200.0);
    /*
     * Byte frequencies: each count has mean 4096 and sd 63.9; 520 is 8.1 sd
     * (probability < 1e-15 per byte value, < 3e-13 over all 256).
     */
    CHECK(worst < 520);
    /*
     * Chi-square with 255 degrees of freedom (mean 255, sd 22.6): outside
     * [120, 460] has probability below 1e-12 (Wilson-Hilferty: z = -7.5 / +7.4).
     */
    CHECK(chi2 > 120.0 && chi2 < 460.0);
    dev = dev < 0 ? -dev : dev;
    if (dev >= 10200.0 || worst >= 520 || !(chi2 > 120.0 && chi2 < 460.0)) {
        fprintf(stderr, "  ones %lu of %.0f, worst byte deviation %lu, chi2 %.1f\n", ones, bits,
                worst, chi2);
    }
    free(buf);
}

/* ---- Reseeding ---- */

static void test_reseed(void)
{
    uint8_t prev[16], cur[16];
    unsigned long i, same = 0, failed = 0;
    const unsigned long requests = DRBG_RESEED_INTERVAL + 500;

    CHECK_STATUS(psa_generate_random(prev, sizeof(prev)), PSA_SUCCESS);
    for (i = 0; i < requests; i++) {
        if (psa_generate_random(cur, sizeof(cur)) != PSA_SUCCESS) {
            failed++;
        }
        if (memcmp(prev, cur, sizeof(cur)) == 0) {
            same++;
        }
        memcpy(prev, cur, sizeof(cur));
    }
    CHECK(failed == 0);
    CHECK(same == 0);
    /* Large requests (several chunks each) in the middle of an interval. */
    {
        uint8_t *big = malloc(3 * DRBG_MAX_REQUEST);

        CHECK(big != NULL);
        for (i = 0; big != NULL && i < 4; i++) {
            CHECK_STATUS(psa_generate_random(big, 3 * DRBG_MAX_REQUEST), PSA_SUCCESS);
        }
        free(big);
    }
    for (i = 0; i < DRBG_RESEED_INTERVAL + 10; i++) {
        if (psa_generate_random(cur, 1) != PSA_SUCCESS) {
            failed++;
        }
    }
    CHECK(failed == 0);
    CHECK_STATUS(psa_generate_random(cur, sizeof(cur)), PSA_SUCCESS);
    CHECK(memcmp(prev, cur, sizeof(cur)) != 0);
}

/* ---- fork() ---- */

static int read_all(int fd, uint8_t *buf, size_t len)
{
    size_t done = 0;

    while (done < len) {
        ssize_t got = read(fd, buf + done, len - done);

        if (got <= 0) {
            return -1;
        }
        done += (size_t)got;
    }
    return 0;
}

static void test_fork(void)
{
    uint8_t seen[2 * 3][32];
    size_t nseen = 0, i, j;
    int round;

    for (round = 0; round < 2; round++) {
        uint8_t before[32], parent[32], child[32];
        int fds[2];
        int status = 0;
        pid_t pid;

        CHECK_STATUS(psa_generate_random(before, sizeof(before)), PSA_SUCCESS);
        CHECK(pipe(fds) == 0);
        fflush(stdout);
        fflush(stderr);
        pid = fork();
        CHECK(pid >= 0);
        if (pid < 0) {
            close(fds[0]);
            close(fds[1]);
            return;
        }
        if (pid == 0) {
            uint8_t out[32];
            int ok;

            close(fds[0]);
            ok = psa_generate_random(out, sizeof(out)) == PSA_SUCCESS &&
                 write(fds[1], out, sizeof(out)) == (ssize_t)sizeof(out);
            close(fds[1]);
            _exit(ok ? 0 : 1);
        }
        close(fds[1]);
        CHECK_STATUS(psa_generate_random(parent, sizeof(parent)), PSA_SUCCESS);
        CHECK(read_all(fds[0], child, sizeof(child)) == 0);
        close(fds[0]);
        CHECK(waitpid(pid, &status, 0) == pid);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);

        /* The child's stream is its own: not the parent's next output. */
        CHECK(memcmp(child, parent, sizeof(child)) != 0);
        CHECK(memcmp(child, before, sizeof(child)) != 0);
        CHECK(memcmp(parent, before, sizeof(parent)) != 0);
        memcpy(seen[nseen++], before, 32);
        memcpy(seen[nseen++], parent, 32);
        memcpy(seen[nseen++], child, 32);
    }
    /* Nothing repeats across both forks either. */
    for (i = 0; i < nseen; i++) {
        for (j = i + 1; j < nseen; j++) {
            CHECK(memcmp(seen[i], seen[j], 32) != 0);
        }
    }

    /* A grandchild: fork detection works at every level. */
    {
        uint8_t parent[32], child[32];
        int fds[2];
        int status = 0;
        pid_t pid;

        CHECK(pipe(fds) == 0);
        fflush(stdout);
        fflush(stderr);
        pid = fork();
        CHECK(pid >= 0);
        if (pid == 0) {
            uint8_t mine[32], grand[32];
            int gfds[2];
            int gstatus = 0;
            pid_t gpid;
            int ok = 1;

            close(fds[0]);
            ok &= psa_generate_random(mine, sizeof(mine)) == PSA_SUCCESS;
            ok &= pipe(gfds) == 0;
            gpid = fork();
            if (gpid == 0) {
                uint8_t out[32];
                int gok;

                close(gfds[0]);
                gok = psa_generate_random(out, sizeof(out)) == PSA_SUCCESS &&
                      write(gfds[1], out, sizeof(out)) == (ssize_t)sizeof(out);
                _exit(gok ? 0 : 1);
            }
            close(gfds[1]);
            ok &= gpid > 0;
            ok &= psa_generate_random(mine, sizeof(mine)) == PSA_SUCCESS;
            ok &= read_all(gfds[0], grand, sizeof(grand)) == 0;
            ok &= waitpid(gpid, &gstatus, 0) == gpid && WIFEXITED(gstatus) &&
                  WEXITSTATUS(gstatus) == 0;
            ok &= memcmp(mine, grand, sizeof(mine)) != 0;
            ok &= write(fds[1], mine, sizeof(mine)) == (ssize_t)sizeof(mine);
            _exit(ok ? 0 : 1);
        }
        close(fds[1]);
        CHECK_STATUS(psa_generate_random(parent, sizeof(parent)), PSA_SUCCESS);
        if (pid > 0) {
            CHECK(read_all(fds[0], child, sizeof(child)) == 0);
            CHECK(waitpid(pid, &status, 0) == pid);
            CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
            CHECK(memcmp(child, parent, sizeof(child)) != 0);
        }
        close(fds[0]);
    }
}

static void run_all(int with_statistics)
{
    test_sizes();
    test_distinct();
    if (with_statistics) {
        test_statistics();
    }
    test_reseed();
    test_fork();
}

int main(void)
{
    uint8_t buf[16];
    int status = 0;
    pid_t pid;

    /* Before psa_crypto_init. */
    CHECK_STATUS(psa_generate_random(buf, sizeof(buf)), PSA_ERROR_BAD_STATE);

    /*
     * The portable-AES DRBG: the DRBG picks its AES at first seeding, so the
     * accelerators are switched off before psa_crypto_init, in a child that
     * has not initialized the library.
     */
    fflush(stdout);
    fflush(stderr);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        citadel_set_accelerators(0);
        CHECK_STATUS(psa_crypto_init(), PSA_SUCCESS);
        run_all(1);
        fflush(stdout);
        fflush(stderr);
        _exit(cit_test_failures == 0 ? 0 : 1);
    }
    if (pid > 0) {
        CHECK(waitpid(pid, &status, 0) == pid);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
            fprintf(stderr, "  the run without accelerators failed (see above)\n");
        }
    }

    /* The default: accelerators on where the CPU has them. */
    CHECK_STATUS(psa_crypto_init(), PSA_SUCCESS);
    CHECK_STATUS(psa_crypto_init(), PSA_SUCCESS);
    run_all(1);
    return cit_test_end("random");
}
