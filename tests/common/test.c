/*
 * test.c - Citadel's shared test harness: check counting, hex helpers, a
 * deterministic PRNG, vector file lookup, a NIST CAVP .rsp reader and a small
 * recursive-descent JSON parser. Test code only: heap and stdio are fine.
 */
#define _POSIX_C_SOURCE 200809L

#include "test.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef CIT_VECTORS_DIR
#define CIT_VECTORS_DIR "../shared/vectors"
#endif

unsigned long cit_test_checks;
unsigned long cit_test_failures;

/* ---- Checks and reporting ---- */

void cit_test_fail(const char *file, int line, const char *what)
{
    cit_test_failures++;
    fprintf(stderr, "FAIL %s:%d: %s\n", file, line, what);
    fflush(stderr);
}

int cit_test_end(const char *name)
{
    printf("%s: %lu checks, %lu failures\n", name, cit_test_checks, cit_test_failures);
    fflush(stdout);
    return cit_test_failures == 0 ? 0 : 1;
}

void cit_test_skip(const char *why)
{
    printf("SKIPPED: %s\n", why);
    fflush(stdout);
    exit(77);
}

int cit_test_memdiff(const void *a, const void *b, size_t n)
{
    if (n == 0) {
        return 0;
    }
    if (a == NULL || b == NULL) {
        return a != b;
    }
    return memcmp(a, b, n) != 0;
}

void cit_test_dump(const char *label, const void *p, size_t n)
{
    const uint8_t *b = (const uint8_t *)p;
    size_t i;

    fprintf(stderr, "  %s (%lu):", label, (unsigned long)n);
    if (b == NULL && n != 0) {
        fprintf(stderr, " (null)\n");
        return;
    }
    for (i = 0; i < n; i++) {
        if (i % 32 == 0) {
            fprintf(stderr, "\n    ");
        }
        fprintf(stderr, "%02x", b[i]);
    }
    fprintf(stderr, "\n");
}

/* ---- Hex ---- */

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

uint8_t *cit_hex_decode(const char *hex, size_t *out_len)
{
    size_t len, i;
    uint8_t *out;

    if (hex == NULL) {
        return NULL;
    }
    len = strlen(hex);
    if (len % 2 != 0) {
        return NULL;
    }
    out = (uint8_t *)malloc(len / 2 + 1); /* +1: empty input still allocates */
    if (out == NULL) {
        return NULL;
    }
    for (i = 0; i < len / 2; i++) {
        int hi = hex_digit(hex[2 * i]);
        int lo = hex_digit(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            free(out);
            return NULL;
        }
        out[i] = (uint8_t)((hi << 4) | lo);
    }
    if (out_len != NULL) {
        *out_len = len / 2;
    }
    return out;
}

/* ---- Deterministic test randomness: xorshift64* ---- */

static uint64_t cit_rand_state = 0x9E3779B97F4A7C15u;

void cit_test_rand_seed(uint64_t seed)
{
    cit_rand_state = (seed != 0) ? seed : 0x9E3779B97F4A7C15u;
}

uint32_t cit_test_rand(void)
{
    uint64_t x = cit_rand_state;

    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    cit_rand_state = x;
    return (uint32_t)((x * 0x2545F4914F6CDD1Du) >> 32);
}

void cit_test_rand_bytes(uint8_t *out, size_t len)
{
    size_t i = 0;

    while (i < len) {
        uint32_t r = cit_test_rand();
        size_t k;
        for (k = 0; k < 4 && i < len; k++, i++) {
            out[i] = (uint8_t)(r >> (8 * k));
        }
    }
}

/* ---- Vector files ---- */

char *cit_vector_path(const char *rel)
{
    const char *dir = getenv("CIT_VECTORS_DIR");
    struct stat st;
    size_t n;
    char *path;

    if (dir == NULL || dir[0] == '\0') {
        dir = CIT_VECTORS_DIR;
    }
    n = strlen(dir) + 1 + strlen(rel) + 1;
    path = (char *)malloc(n);
    if (path == NULL) {
        return NULL;
    }
    snprintf(path, n, "%s/%s", dir, rel);
    if (stat(path, &st) != 0) {
        free(path);
        return NULL;
    }
    return path;
}

char *cit_read_file(const char *path, size_t *len)
{
    FILE *f;
    char *buf = NULL;
    size_t cap = 0, used = 0;

    if (path == NULL) {
        return NULL;
    }
    f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    for (;;) {
        size_t got;
        if (cap - used < 4096) {
            size_t ncap = cap ? cap * 2 : 65536;
            char *nbuf = (char *)realloc(buf, ncap + 1);
            if (nbuf == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nbuf;
            cap = ncap;
        }
        got = fread(buf + used, 1, cap - used, f);
        used += got;
        if (got == 0) {
            break;
        }
    }
    if (ferror(f)) {
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    buf[used] = '\0';
    if (len != NULL) {
        *len = used;
    }
    return buf;
}

/* ---- NIST CAVP .rsp reader ---- */

const char *cit_rsp_get(const cit_rsp_record_t *rec, const char *name)
{
    size_t i;

    for (i = 0; i < rec->num_fields; i++) {
        if (strcmp(rec->names[i], name) == 0) {
            return rec->values[i];
        }
    }
    return NULL;
}

/* trim: strips leading/trailing blanks of s[0..n) in place, NUL-terminates. */
static char *trim(char *s, size_t n)
{
    while (n > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) {
        n--;
    }
    s[n] = '\0';
    return s;
}

long cit_rsp_foreach(const char *path, void (*cb)(const cit_rsp_record_t *rec, void *arg),
                     void *arg)
{
    size_t len;
    char *buf = cit_read_file(path, &len);
    char *p, *end;
    char *section;
    size_t sec_len = 0;
    int sec_done = 0; /* records seen since the last bracket line */
    cit_rsp_record_t rec;
    long count = 0;

    if (buf == NULL) {
        return -1;
    }
    section = (char *)malloc(len + 1); /* joined text never exceeds the file */
    if (section == NULL) {
        free(buf);
        return -1;
    }
    section[0] = '\0';
    memset(&rec, 0, sizeof(rec));
    rec.section = section;
    p = buf;
    end = buf + len;
    /* One extra pass with p == end flushes the last record. */
    for (;;) {
        int at_end = (p >= end);
        char *nl = at_end ? end : memchr(p, '\n', (size_t)(end - p));
        char *line;

        if (nl == NULL) {
            nl = end;
        }
        line = at_end ? (char *)"" : trim(p, (size_t)(nl - p));
        if (line[0] == '#') {
            p = nl + 1;
            continue;
        }
        if ((line[0] == '\0' || line[0] == '[') && rec.num_fields > 0) {
            if (cb != NULL) {
                cb(&rec, arg);
            }
            count++;
            rec.num_fields = 0;
            sec_done = 1;
        }
        if (at_end) {
            break;
        }
        if (line[0] == '[') {
            size_t n = strlen(line);
            if (sec_done) {
                sec_len = 0;
                section[0] = '\0';
                sec_done = 0;
            }
            line++;
            n--;
            if (n > 0 && line[n - 1] == ']') {
                n--;
            }
            line = trim(line, n);
            n = strlen(line);
            if (sec_len > 0) {
                memcpy(section + sec_len, ", ", 2);
                sec_len += 2;
            }
            memcpy(section + sec_len, line, n + 1);
            sec_len += n;
        } else if (line[0] != '\0' && rec.num_fields < 32) {
            char *eq = strchr(line, '=');
            if (eq != NULL) {
                rec.names[rec.num_fields] = trim(line, (size_t)(eq - line));
                rec.values[rec.num_fields] = trim(eq + 1, strlen(eq + 1));
            } else {
                rec.names[rec.num_fields] = line;
                rec.values[rec.num_fields] = "";
            }
            rec.num_fields++;
        }
        p = nl + 1;
    }
    free(section);
    free(buf);
    return count;
}

/* ---- JSON ---- */

#define JSON_MAX_DEPTH 256

typedef struct {
    const char *p;
    const char *end;
    int depth;
} json_parser_t;

static cit_json_t *json_value(json_parser_t *ps);

static void json_ws(json_parser_t *ps)
{
    while (ps->p < ps->end &&
           (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r')) {
        ps->p++;
    }
}

static int json_lit(json_parser_t *ps, const char *word)
{
    size_t n = strlen(word);

    if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0) {
        return 0;
    }
    ps->p += n;
    return 1;
}

static int json_hex4(const char *s, unsigned long *out)
{
    unsigned long v = 0;
    int i;

    for (i = 0; i < 4; i++) {
        int d = hex_digit(s[i]);
        if (d < 0) {
            return 0;
        }
        v = (v << 4) | (unsigned long)d;
    }
    *out = v;
    return 1;
}

static size_t utf8_put(char *o, unsigned long cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* json_string: ps->p is at the opening quote; returns a malloc'ed string. */
static char *json_string(json_parser_t *ps)
{
    const char *s = ps->p + 1;
    const char *q = s;
    char *out, *o;

    /* Find the closing quote; decoded text is never longer than the raw. */
    while (q < ps->end && *q != '"') {
        if ((unsigned char)*q < 0x20 || (*q == '\\' && ps->end - q < 2)) {
            return NULL;
        }
        q += (*q == '\\') ? 2 : 1;
    }
    if (q >= ps->end) {
        return NULL;
    }
    out = (char *)malloc((size_t)(q - s) + 1);
    if (out == NULL) {
        return NULL;
    }
    o = out;
    while (s < q) {
        unsigned long cp, lo;
        if (*s != '\\') {
            *o++ = *s++;
            continue;
        }
        s++;
        switch (*s++) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u':
            if (q - s < 4 || !json_hex4(s, &cp)) {
                free(out);
                return NULL;
            }
            s += 4;
            /* Combine a surrogate pair; a lone surrogate is kept as is. */
            if (cp >= 0xD800 && cp < 0xDC00 && q - s >= 6 && s[0] == '\\' &&
                s[1] == 'u' && json_hex4(s + 2, &lo) && lo >= 0xDC00 && lo < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                s += 6;
            }
            o += utf8_put(o, cp);
            break;
        default:
            free(out);
            return NULL;
        }
    }
    *o = '\0';
    ps->p = q + 1;
    return out;
}

/* skip_digits: advances past ASCII digits; returns how many were skipped. */
static size_t skip_digits(const char **e, const char *end)
{
    const char *start = *e;

    while (*e < end && **e >= '0' && **e <= '9') {
        (*e)++;
    }
    return (size_t)(*e - start);
}

static int json_number(json_parser_t *ps, double *out)
{
    const char *s = ps->p, *e = ps->p;
    char small[64];
    char *tmp = small;
    size_t n;

    if (e < ps->end && *e == '-') {
        e++;
    }
    if (e < ps->end && *e == '0') {
        e++; /* no leading zeros */
    } else if (skip_digits(&e, ps->end) == 0) {
        return 0;
    }
    if (e < ps->end && *e == '.') {
        e++;
        if (skip_digits(&e, ps->end) == 0) {
            return 0;
        }
    }
    if (e < ps->end && (*e == 'e' || *e == 'E')) {
        e++;
        if (e < ps->end && (*e == '+' || *e == '-')) {
            e++;
        }
        if (skip_digits(&e, ps->end) == 0) {
            return 0;
        }
    }
    /* Convert a private copy so strtod cannot read past the validated text. */
    n = (size_t)(e - s);
    if (n >= sizeof(small)) {
        tmp = (char *)malloc(n + 1);
        if (tmp == NULL) {
            return 0;
        }
    }
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    *out = strtod(tmp, NULL);
    if (tmp != small) {
        free(tmp);
    }
    ps->p = e;
    return 1;
}

/* json_add: appends a child (and key, for objects) to a container. */
static int json_add(cit_json_t *c, size_t *cap, cit_json_t *item, char *key)
{
    if (c->count == *cap) {
        size_t ncap = *cap ? *cap * 2 : 4;
        cit_json_t **ni = (cit_json_t **)realloc(c->items, ncap * sizeof(*ni));
        if (ni == NULL) {
            return 0;
        }
        c->items = ni;
        if (c->type == CIT_JSON_OBJECT) {
            char **nk = (char **)realloc(c->keys, ncap * sizeof(*nk));
            if (nk == NULL) {
                return 0;
            }
            c->keys = nk;
        }
        *cap = ncap;
    }
    c->items[c->count] = item;
    if (c->type == CIT_JSON_OBJECT) {
        c->keys[c->count] = key;
    }
    c->count++;
    return 1;
}

/* json_container: parses an array or object; ps->p is at '[' or '{'. */
static int json_container(json_parser_t *ps, cit_json_t *c)
{
    char close = (c->type == CIT_JSON_OBJECT) ? '}' : ']';
    size_t cap = 0;

    if (++ps->depth > JSON_MAX_DEPTH) {
        return 0;
    }
    ps->p++;
    json_ws(ps);
    if (ps->p < ps->end && *ps->p == close) {
        ps->p++;
        ps->depth--;
        return 1;
    }
    for (;;) {
        char *key = NULL;
        cit_json_t *item;

        json_ws(ps);
        if (c->type == CIT_JSON_OBJECT) {
            if (ps->p >= ps->end || *ps->p != '"') {
                return 0;
            }
            key = json_string(ps);
            if (key == NULL) {
                return 0;
            }
            json_ws(ps);
            if (ps->p >= ps->end || *ps->p != ':') {
                free(key);
                return 0;
            }
            ps->p++;
        }
        item = json_value(ps);
        if (item == NULL || !json_add(c, &cap, item, key)) {
            cit_json_free(item);
            free(key);
            return 0;
        }
        json_ws(ps);
        if (ps->p < ps->end && *ps->p == ',') {
            ps->p++;
            continue;
        }
        if (ps->p < ps->end && *ps->p == close) {
            ps->p++;
            ps->depth--;
            return 1;
        }
        return 0;
    }
}

static cit_json_t *json_value(json_parser_t *ps)
{
    cit_json_t *j;
    int ok = 0;

    json_ws(ps);
    if (ps->p >= ps->end) {
        return NULL;
    }
    j = (cit_json_t *)calloc(1, sizeof(*j));
    if (j == NULL) {
        return NULL;
    }
    switch (*ps->p) {
    case '{':
        j->type = CIT_JSON_OBJECT;
        ok = json_container(ps, j);
        break;
    case '[':
        j->type = CIT_JSON_ARRAY;
        ok = json_container(ps, j);
        break;
    case '"':
        j->type = CIT_JSON_STRING;
        j->string = json_string(ps);
        ok = (j->string != NULL);
        break;
    case 't':
        j->type = CIT_JSON_BOOL;
        j->number = 1;
        ok = json_lit(ps, "true");
        break;
    case 'f':
        j->type = CIT_JSON_BOOL;
        ok = json_lit(ps, "false");
        break;
    case 'n':
        j->type = CIT_JSON_NULL;
        ok = json_lit(ps, "null");
        break;
    default:
        j->type = CIT_JSON_NUMBER;
        ok = json_number(ps, &j->number);
        break;
    }
    if (!ok) {
        cit_json_free(j);
        return NULL;
    }
    return j;
}

cit_json_t *cit_json_parse_file(const char *path)
{
    size_t len;
    char *buf = cit_read_file(path, &len);
    json_parser_t ps;
    cit_json_t *root;

    if (buf == NULL) {
        return NULL;
    }
    ps.p = buf;
    ps.end = buf + len;
    ps.depth = 0;
    root = json_value(&ps);
    if (root != NULL) {
        json_ws(&ps);
        if (ps.p != ps.end) {
            cit_json_free(root);
            root = NULL;
        }
    }
    free(buf);
    return root;
}

void cit_json_free(cit_json_t *j)
{
    size_t i;

    if (j == NULL) {
        return;
    }
    for (i = 0; i < j->count; i++) {
        cit_json_free(j->items[i]);
        if (j->keys != NULL) {
            free(j->keys[i]);
        }
    }
    free(j->items);
    free(j->keys);
    free(j->string);
    free(j);
}

const cit_json_t *cit_json_get(const cit_json_t *obj, const char *key)
{
    size_t i;

    if (obj == NULL || obj->type != CIT_JSON_OBJECT) {
        return NULL;
    }
    for (i = 0; i < obj->count; i++) {
        if (strcmp(obj->keys[i], key) == 0) {
            return obj->items[i];
        }
    }
    return NULL;
}

const char *cit_json_str(const cit_json_t *obj, const char *key)
{
    const cit_json_t *v = cit_json_get(obj, key);

    return (v != NULL && v->type == CIT_JSON_STRING) ? v->string : NULL;
}

double cit_json_num(const cit_json_t *obj, const char *key, double dflt)
{
    const cit_json_t *v = cit_json_get(obj, key);

    return (v != NULL && v->type == CIT_JSON_NUMBER) ? v->number : dflt;
}

/* see test.h */
size_t cit_test_rnd(size_t n)
{
    return n == 0 ? 0 : (size_t)cit_test_rand() % n;
}

/* see test.h */
void cit_test_make_split(cit_test_split_t *s, size_t total, size_t block)
{
    unsigned mode = (unsigned)cit_test_rnd(4);
    size_t left = total;

    s->n = 0;
    if (cit_test_rnd(4) == 0) {
        s->len[s->n++] = 0;
    }
    if (mode == 0) {
        s->len[s->n++] = total;
        return;
    }
    while (left > 0 && s->n < 64) {
        size_t piece;

        if (cit_test_rnd(6) == 0) {
            s->len[s->n++] = 0;
            continue;
        }
        if (mode == 1) {
            piece = 1 + cit_test_rnd(17);
        } else if (mode == 2) {
            piece = cit_test_rnd(left + 1);
        } else {
            piece = block + cit_test_rnd(3) - 1 + (cit_test_rnd(4) == 0 ? block : 0);
        }
        if (piece > left) {
            piece = left;
        }
        s->len[s->n++] = piece;
        left -= piece;
    }
    if (left > 0) {
        s->len[s->n++] = left;
    }
    if (cit_test_rnd(3) == 0) {
        s->len[s->n++] = 0;
    }
}

/* see test.h */
size_t cit_test_random_length(size_t block, size_t max)
{
    size_t n;

    switch (cit_test_rnd(4)) {
    case 0:
        n = cit_test_rnd(8);
        break;
    case 1:
        n = block - 1 + cit_test_rnd(3);
        break;
    case 2:
        n = cit_test_rnd(2 * block + 2);
        break;
    default:
        n = cit_test_rnd(max + 1);
        break;
    }
    return n > max ? max : n;
}
