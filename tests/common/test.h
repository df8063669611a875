/*
 * test.h - Citadel's small test harness (test code; heap allowed).
 *
 * A test program calls CHECK* macros, then returns cit_test_end(). Failures
 * print file:line and the expression. A test that cannot run (e.g. the
 * vector folder is missing) calls cit_test_skip(), which prints SKIPPED and
 * exits with code 77, reported by ctest as "Skipped", never as passed.
 */
#ifndef CIT_TEST_H
#define CIT_TEST_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

extern unsigned long cit_test_checks;
extern unsigned long cit_test_failures;

void cit_test_fail(const char *file, int line, const char *what);
/* cit_test_end prints a summary line and returns the process exit code. */
int cit_test_end(const char *name);
/* cit_test_skip prints "SKIPPED: <why>" and exits with 77. */
void cit_test_skip(const char *why);

#define CHECK(cond)                                                   \
    do {                                                              \
        cit_test_checks++;                                            \
        if (!(cond)) {                                                \
            cit_test_fail(__FILE__, __LINE__, #cond);                 \
        }                                                             \
    } while (0)

/* CHECK_STATUS: expr must evaluate to the psa_status_t `expected`. */
#define CHECK_STATUS(expr, expected)                                          \
    do {                                                                      \
        long cit_s_ = (long)(expr);                                           \
        cit_test_checks++;                                                    \
        if (cit_s_ != (long)(expected)) {                                     \
            char cit_m_[256];                                                 \
            snprintf(cit_m_, sizeof(cit_m_), "%s: got %ld, want %s (%ld)",    \
                     #expr, cit_s_, #expected, (long)(expected));             \
            cit_test_fail(__FILE__, __LINE__, cit_m_);                        \
        }                                                                     \
    } while (0)

#define CHECK_MEM(a, b, n)                                                     \
    do {                                                                       \
        cit_test_checks++;                                                     \
        if (cit_test_memdiff((a), (b), (n))) {                                 \
            cit_test_fail(__FILE__, __LINE__, "memory differs: " #a " vs " #b); \
            cit_test_dump("got ", (a), (n));                                   \
            cit_test_dump("want", (b), (n));                                   \
        }                                                                      \
    } while (0)

int cit_test_memdiff(const void *a, const void *b, size_t n);
void cit_test_dump(const char *label, const void *p, size_t n);

/* ---- Hex ---- */
/* cit_hex_decode: malloc'ed bytes of hex (odd length or bad digit: returns NULL). */
uint8_t *cit_hex_decode(const char *hex, size_t *out_len);

/* ---- Deterministic test randomness (xorshift; not for keys) ---- */
void cit_test_rand_seed(uint64_t seed);
uint32_t cit_test_rand(void);
void cit_test_rand_bytes(uint8_t *out, size_t len);
/* cit_test_rnd: a number in [0, n) (0 if n is 0). */
size_t cit_test_rnd(size_t n);

/*
 * A random way of cutting `total` bytes into update() calls: one call, many
 * small pieces, random pieces or pieces around the block size, with
 * zero-length calls mixed in. Uses the test randomness.
 */
typedef struct {
    size_t n;
    size_t len[72];
} cit_test_split_t;

void cit_test_make_split(cit_test_split_t *s, size_t total, size_t block);
/* cit_test_random_length: mostly short, sometimes around a block, sometimes up to max. */
size_t cit_test_random_length(size_t block, size_t max);

/* ---- Vector files ---- */
/*
 * cit_vector_path returns a malloc'ed path to CIT_VECTORS_DIR/rel, or NULL if
 * the file does not exist (the caller then skips visibly).
 */
char *cit_vector_path(const char *rel);
/* cit_read_file: whole file, NUL-terminated, malloc'ed; NULL on error. */
char *cit_read_file(const char *path, size_t *len);

/*
 * NIST CAVP .rsp reader. Records are "Name = value" lines separated by blank
 * lines; "[...]" lines set section parameters. For each record, the callback
 * receives the section header text (last "[...]" lines joined, or "") and the
 * record's fields.
 */
typedef struct {
    const char *section;       /* e.g. "L = 32" or "ENCRYPT" */
    size_t num_fields;
    const char *names[32];
    const char *values[32];
} cit_rsp_record_t;

/* cit_rsp_get returns the value of the named field (case-sensitive) or NULL. */
const char *cit_rsp_get(const cit_rsp_record_t *rec, const char *name);
/* cit_rsp_foreach parses the file; returns number of records, or -1 if unreadable. */
long cit_rsp_foreach(const char *path, void (*cb)(const cit_rsp_record_t *rec, void *arg),
                     void *arg);

/* ---- Minimal JSON DOM (enough for Wycheproof / ACVP files) ---- */
typedef enum {
    CIT_JSON_NULL,
    CIT_JSON_BOOL,
    CIT_JSON_NUMBER,
    CIT_JSON_STRING,
    CIT_JSON_ARRAY,
    CIT_JSON_OBJECT
} cit_json_type_t;

typedef struct cit_json cit_json_t;
struct cit_json {
    cit_json_type_t type;
    double number;          /* NUMBER, BOOL (0/1) */
    char *string;           /* STRING (decoded, NUL-terminated) */
    size_t count;           /* ARRAY/OBJECT: number of children */
    cit_json_t **items;     /* ARRAY/OBJECT children */
    char **keys;            /* OBJECT: keys, parallel to items */
};

/* cit_json_parse_file: parsed document, or NULL if missing/invalid. */
cit_json_t *cit_json_parse_file(const char *path);
void cit_json_free(cit_json_t *j);
/* cit_json_get: object member by key, or NULL. */
const cit_json_t *cit_json_get(const cit_json_t *obj, const char *key);
/* cit_json_str: string member value or NULL; cit_json_num: number member or dflt. */
const char *cit_json_str(const cit_json_t *obj, const char *key);
double cit_json_num(const cit_json_t *obj, const char *key, double dflt);

#endif /* CIT_TEST_H */
