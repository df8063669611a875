/*
 * bench_common.h - what the throughput twins bench_psa.c (PSA Crypto API) and
 * bench_openssl.c (OpenSSL EVP) share, so that they measure and print the same
 * way: the cases and message sizes, the fixed message, key and nonce, the
 * timing loop, the options and the output.
 *
 * Not a library header: it defines static tables and functions, and each of
 * the two programs includes it once. Before including it, a program defines
 * BENCH_NOT_SUPPORTED; after it, it defines the hooks declared below and
 * calls bench_main() from main(). Statuses are int: 0 is success,
 * BENCH_NOT_SUPPORTED means the library lacks the algorithm ("n/a"), any
 * other value is an error ("ERR").
 *
 * Output (stdout), one line per case and message size:
 *     <case> TAB <size in bytes> TAB <MB/s, 1 MB = 10^6 bytes | n/a | ERR>
 * Lines starting with '#' are comments.
 *
 * Options:
 *     --filter SUBSTR   only cases whose name contains SUBSTR
 *     --case NAME       only the case named exactly NAME
 *     --time SECONDS    measuring time per case and size (default 0.2)
 *     --digest          instead of timing, print the output (hex) of one operation
 *                       on the fixed message, so implementations can be cross-checked
 *     --list            print the case names and exit
 *
 * Exit status: 0 if no case failed with an error other than "not supported", else 1
 * (2 for a usage error).
 */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef BENCH_NOT_SUPPORTED
#error "define BENCH_NOT_SUPPORTED (the status of an unsupported algorithm) first"
#endif

/* ---- Cases ---------------------------------------------------------------------- */

/* What a case computes; each program maps it to its library's calls. */
enum bench_kind {
    BK_HASH,   /* one-shot hash */
    BK_HMAC,   /* one-shot HMAC with the case's hash */
    BK_CMAC,   /* one-shot AES-CMAC */
    BK_CBCMAC, /* one-shot AES CBC-MAC */
    BK_GCM     /* AES-GCM encryption, 12-byte fixed nonce, no additional data: the tag */
};

/* The hash of a BK_HASH or BK_HMAC case; each program maps it to its identifier. */
enum bench_hash {
    BH_NONE,
    BH_MD5,
    BH_RIPEMD160,
    BH_SHA_1,
    BH_SHA_224,
    BH_SHA_256,
    BH_SHA_384,
    BH_SHA_512,
    BH_SHA_512_224,
    BH_SHA_512_256,
    BH_SHA3_224,
    BH_SHA3_256,
    BH_SHA3_384,
    BH_SHA3_512,
    BH_COUNT
};

struct bench_case {
    const char *name;
    enum bench_kind kind;
    enum bench_hash hash;
    size_t key_len; /* MAC and AEAD only, bytes */
};

static const struct bench_case cases[] = {
    { "md5", BK_HASH, BH_MD5, 0 },
    { "ripemd160", BK_HASH, BH_RIPEMD160, 0 },
    { "sha1", BK_HASH, BH_SHA_1, 0 },
    { "sha224", BK_HASH, BH_SHA_224, 0 },
    { "sha256", BK_HASH, BH_SHA_256, 0 },
    { "sha384", BK_HASH, BH_SHA_384, 0 },
    { "sha512", BK_HASH, BH_SHA_512, 0 },
    { "sha512-224", BK_HASH, BH_SHA_512_224, 0 },
    { "sha512-256", BK_HASH, BH_SHA_512_256, 0 },
    { "sha3-224", BK_HASH, BH_SHA3_224, 0 },
    { "sha3-256", BK_HASH, BH_SHA3_256, 0 },
    { "sha3-384", BK_HASH, BH_SHA3_384, 0 },
    { "sha3-512", BK_HASH, BH_SHA3_512, 0 },
    { "hmac-sha1", BK_HMAC, BH_SHA_1, 32 },
    { "hmac-sha256", BK_HMAC, BH_SHA_256, 32 },
    { "hmac-sha512", BK_HMAC, BH_SHA_512, 32 },
    { "hmac-sha3-256", BK_HMAC, BH_SHA3_256, 32 },
    { "cmac-aes128", BK_CMAC, BH_NONE, 16 },
    { "cbcmac-aes128", BK_CBCMAC, BH_NONE, 16 },
    { "aes128-gcm", BK_GCM, BH_NONE, 16 },
};

static const size_t sizes[] = { 64, 1024, 16384 };

#define N_CASES (sizeof(cases) / sizeof(cases[0]))
#define N_SIZES (sizeof(sizes) / sizeof(sizes[0]))
#define MAX_MSG 16384
#define OUT_MAX 128
#define KEY_MAX 64

/* ---- Inputs, outputs, state ------------------------------------------------------ */

static uint8_t msg[MAX_MSG];
static uint8_t out[OUT_MAX];
static uint8_t ct_buf[MAX_MSG + 16]; /* ciphertext (and tag) of the cipher-based cases */
static const uint8_t aead_nonce[12] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
static volatile uint8_t sink;

/* The case being measured. */
static const struct bench_case *cur;

/* ---- Hooks: defined by each program ----------------------------------------------- */

/* bench_init initialises the library and prints the "# api" line: 0, or nonzero to give up. */
static int bench_init(void);
/* bench_setup prepares the case cur (keys, contexts): a status. */
static int bench_setup(void);
/* bench_op does one operation on msg[0..len), leaving the result in out[0..*out_len). */
static int bench_op(size_t len, size_t *out_len);
/* bench_teardown releases what bench_setup prepared (also after a failed setup). */
static void bench_teardown(void);
/* bench_error reports on stderr that case cur failed at size len with status st. */
static void bench_error(size_t len, int st);

/* ---- Shared code ---------------------------------------------------------------- */

/* The same fixed message and keys in both programs, for --digest cross-checks. */
static void fill_inputs(void)
{
    size_t i;

    for (i = 0; i < MAX_MSG; i++) {
        msg[i] = (uint8_t)(i * 31u + 7u);
    }
}

static void fill_key(uint8_t *key, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        key[i] = (uint8_t)(0xa5u ^ (i * 17u));
    }
}

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/*
 * Repeat the operation for at least `budget` seconds. The clock is read once per
 * batch; the batch doubles while it takes less than a millisecond, so the clock's
 * own cost stays negligible even for 64-byte messages.
 */
static int run_for(size_t len, double budget, double *mbps)
{
    unsigned long batch = 1, i;
    double ops = 0.0, t0, t, t1;
    size_t out_len = 0;
    int st;

    t0 = t = now();
    do {
        for (i = 0; i < batch; i++) {
            st = bench_op(len, &out_len);
            if (st != 0) {
                return st;
            }
        }
        sink ^= out[0];
        ops += (double)batch;
        t1 = now();
        if (t1 - t < 1e-3 && batch < (1ul << 24)) {
            batch *= 2;
        }
        t = t1;
    } while (t - t0 < budget);
    *mbps = ops * (double)len / (t - t0) / 1e6;
    return 0;
}

/* run_case measures (or, in digest mode, prints) the case cur at every size: 1 on error. */
static int run_case(double budget, int digest_mode)
{
    int st = bench_setup();
    int failed = 0;
    size_t s, i;

    for (s = 0; s < N_SIZES; s++) {
        size_t len = sizes[s], out_len = 0;
        double mbps = 0.0;

        /* One operation first: tells unsupported apart and warms caches. */
        if (st == 0) {
            st = bench_op(len, &out_len);
        }
        if (st == 0 && digest_mode) {
            printf("%s\t%lu\t", cur->name, (unsigned long)len);
            for (i = 0; i < out_len; i++) {
                printf("%02x", out[i]);
            }
            printf("\n");
            continue;
        }
        if (st == 0) {
            st = run_for(len, budget * 0.25, &mbps); /* warm-up */
        }
        if (st == 0) {
            st = run_for(len, budget, &mbps);
        }
        if (st == 0) {
            printf("%s\t%lu\t%.2f\n", cur->name, (unsigned long)len, mbps);
        } else if (st == BENCH_NOT_SUPPORTED) {
            printf("%s\t%lu\tn/a\n", cur->name, (unsigned long)len);
        } else {
            bench_error(len, st);
            printf("%s\t%lu\tERR\n", cur->name, (unsigned long)len);
            failed = 1;
        }
        fflush(stdout);
    }
    bench_teardown();
    return failed;
}

static void usage(const char *prog)
{
    fprintf(stderr,
            "usage: %s [--filter SUBSTR] [--case NAME] [--time SECONDS] [--digest] "
            "[--list]\n",
            prog);
}

/* bench_main parses the options and runs the selected cases; main() returns its value. */
static int bench_main(int argc, char **argv)
{
    const char *filter = NULL, *only = NULL;
    double budget = 0.2;
    int digest_mode = 0, failed = 0, a;
    size_t c;

    for (a = 1; a < argc; a++) {
        if (strcmp(argv[a], "--filter") == 0 && a + 1 < argc) {
            filter = argv[++a];
        } else if (strcmp(argv[a], "--case") == 0 && a + 1 < argc) {
            only = argv[++a];
        } else if (strcmp(argv[a], "--time") == 0 && a + 1 < argc) {
            char *end;

            budget = strtod(argv[++a], &end);
            if (*end != '\0' || !(budget > 0.0)) {
                usage(argv[0]);
                return 2;
            }
        } else if (strcmp(argv[a], "--digest") == 0) {
            digest_mode = 1;
        } else if (strcmp(argv[a], "--list") == 0) {
            for (c = 0; c < N_CASES; c++) {
                printf("%s\n", cases[c].name);
            }
            return 0;
        } else {
            usage(argv[0]);
            return 2;
        }
    }

    if (bench_init() != 0) {
        return 1;
    }
    fill_inputs();
    printf("# mode\t%s\n", digest_mode ? "digest" : "throughput");

    for (c = 0; c < N_CASES; c++) {
        cur = &cases[c];
        if (filter != NULL && strstr(cur->name, filter) == NULL) {
            continue;
        }
        if (only != NULL && strcmp(cur->name, only) != 0) {
            continue;
        }
        failed |= run_case(budget, digest_mode);
    }
    return failed;
}

#endif /* BENCH_COMMON_H */
