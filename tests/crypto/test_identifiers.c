/*
 * test_identifiers.c - the public headers against the specification's
 * identifier index.
 *
 * Reads CIT_SPEC_DIR/identifier-index.md (the environment variable
 * CIT_SPEC_DIR overrides the compiled-in path) and, for the Crypto API 1.5,
 * Secure Storage API 1.0 and Status code API sections:
 *  - evaluates the value the index gives each macro (casts stripped,
 *    references to other macros looked up) and compares it with the value
 *    compiled from psa/crypto.h and the storage headers;
 *  - checks that every macro with a value, every type and every function of
 *    the index is in the compiled tables.
 * The tables come from tools/gen_identifier_table.py: identifier_table.h
 * fails to compile if a macro is missing, and function_table.h if a function
 * is missing or is declared with a prototype that differs from the spec.
 * Functions declared but not implemented yet (cit_id_declared) have their
 * prototypes checked the same way but are not linked.
 */
#include "psa/crypto.h"
#include "psa/internal_trusted_storage.h"
#include "psa/protected_storage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"

typedef struct {
    const char *name;
    long long value;
} cit_id_value_t;

typedef void (*cit_fn_t)(void);

typedef struct {
    const char *name;
    cit_fn_t fn;
} cit_id_function_t;

#include "identifier_table.h"
#include "function_table.h"

#define NUM_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

static const char *const sections[] = {
    "PSA Certified Crypto API 1.5",
    "PSA Certified Secure Storage API",
    "PSA Certified Status code API",
};

/* ---- Lookup in the compiled tables ---- */

static const cit_id_value_t *find_value(const cit_id_value_t *tab, size_t n, const char *name,
                                        size_t len)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (strlen(tab[i].name) == len && memcmp(tab[i].name, name, len) == 0) {
            return &tab[i];
        }
    }
    return NULL;
}

static int has_function(const char *name)
{
    size_t i;

    for (i = 0; i < NUM_ELEMS(cit_id_functions); i++) {
        if (strcmp(cit_id_functions[i].name, name) == 0) {
            return cit_id_functions[i].fn != NULL;
        }
    }
    return 0;
}

static int is_declared_only(const char *name)
{
    size_t i;

    for (i = 0; cit_id_declared[i] != NULL; i++) {
        if (strcmp(cit_id_declared[i], name) == 0) {
            return 1;
        }
    }
    return 0;
}

/* ---- Evaluation of an index value: a small C integer-expression parser ---- */

typedef struct {
    const char *p;
    int ok;
} expr_t;

static void skip_ws(expr_t *e)
{
    while (*e->p == ' ' || *e->p == '\t') {
        e->p++;
    }
}

static int is_ident_start(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

static int is_ident_char(char c)
{
    return is_ident_start(c) || (c >= '0' && c <= '9');
}

static long long parse_or(expr_t *e);

/* number, identifier (looked up in the compiled table) or parenthesized expression */
static long long parse_primary(expr_t *e)
{
    long long v = 0;

    skip_ws(e);
    if (*e->p >= '0' && *e->p <= '9') {
        char *end;

        v = (long long)strtoull(e->p, &end, 0);
        e->p = end;
        while (*e->p == 'u' || *e->p == 'U' || *e->p == 'l' || *e->p == 'L') {
            e->p++;
        }
    } else if (is_ident_start(*e->p)) {
        const char *start = e->p;
        const cit_id_value_t *ref;

        while (is_ident_char(*e->p)) {
            e->p++;
        }
        ref = find_value(cit_id_values, NUM_ELEMS(cit_id_values), start,
                         (size_t)(e->p - start));
        if (ref != NULL) {
            v = ref->value;
        } else {
            e->ok = 0;
        }
    } else if (*e->p == '(') {
        e->p++;
        v = parse_or(e);
        skip_ws(e);
        if (*e->p == ')') {
            e->p++;
        } else {
            e->ok = 0;
        }
    } else {
        e->ok = 0;
    }
    return v;
}

/* A cast is "(" identifier ")" where the identifier is a type of the API or of C. */
static int is_cast(const expr_t *e)
{
    const char *q = e->p + 1;
    const char *start;
    size_t len;

    while (*q == ' ') {
        q++;
    }
    start = q;
    while (is_ident_char(*q)) {
        q++;
    }
    len = (size_t)(q - start);
    while (*q == ' ') {
        q++;
    }
    if (len < 2 || *q != ')') {
        return 0;
    }
    return start[len - 2] == '_' && start[len - 1] == 't';
}

static long long parse_unary(expr_t *e)
{
    skip_ws(e);
    if (*e->p == '-') {
        e->p++;
        return -parse_unary(e);
    }
    if (*e->p == '+') {
        e->p++;
        return parse_unary(e);
    }
    if (*e->p == '~') {
        e->p++;
        return ~parse_unary(e);
    }
    if (*e->p == '(' && is_cast(e)) {
        e->p = strchr(e->p, ')') + 1;
        return parse_unary(e);
    }
    return parse_primary(e);
}

static long long parse_shift(expr_t *e)
{
    long long v = parse_unary(e);

    for (;;) {
        skip_ws(e);
        if (e->p[0] == '<' && e->p[1] == '<') {
            e->p += 2;
            v = (long long)((unsigned long long)v << parse_unary(e));
        } else if (e->p[0] == '>' && e->p[1] == '>') {
            e->p += 2;
            v >>= parse_unary(e);
        } else {
            return v;
        }
    }
}

static long long parse_or(expr_t *e)
{
    long long v = parse_shift(e);

    for (;;) {
        skip_ws(e);
        if (*e->p == '|' && e->p[1] != '|') {
            e->p++;
            v |= parse_shift(e);
        } else if (*e->p == '&' && e->p[1] != '&') {
            e->p++;
            v &= parse_shift(e);
        } else {
            return v;
        }
    }
}

/* eval_value: 1 and *out on success, 0 if the text is not an expression we evaluate. */
static int eval_value(const char *text, long long *out)
{
    expr_t e;

    e.p = text;
    e.ok = 1;
    *out = parse_or(&e);
    skip_ws(&e);
    return e.ok && *e.p == '\0';
}

/* ---- Index rows ---- */

typedef struct {
    unsigned long values_in_table;
    unsigned long values_checked;
    unsigned long values_not_parsed;
    unsigned long values_implementation_defined;
    unsigned long macros;
    unsigned long types;
    unsigned long functions;
    unsigned long declared_only;
} counts_t;

/*
 * split_row: for "| `name` | kind | value | file |", point name, kind and
 * value at NUL-terminated fields inside line (value without its backquotes).
 */
static int split_row(char *line, char **name, char **kind, char **value)
{
    char *f[4];
    char *p = line;
    size_t i;

    if (strncmp(p, "| `", 3) != 0) {
        return 0;
    }
    for (i = 0; i < 4; i++) {
        char *bar = strstr(p + 1, " |");
        char *s = p + 1;
        char *t;

        if (bar == NULL) {
            return 0;
        }
        *bar = '\0';
        while (*s == ' ') {
            s++;
        }
        t = s + strlen(s);
        while (t > s && t[-1] == ' ') {
            *--t = '\0';
        }
        if (t - s >= 2 && s[0] == '`' && t[-1] == '`') {
            t[-1] = '\0';
            s++;
        }
        f[i] = s;
        p = bar + 1;
    }
    *name = f[0];
    *kind = f[1];
    *value = f[2];
    return 1;
}

static void check_macro(const char *name, const char *value, counts_t *c)
{
    const cit_id_value_t *compiled;
    long long want;

    c->macros++;
    if (value[0] == '\0') {
        return;
    }
    if (strncmp(value, "/*", 2) == 0) {
        c->values_implementation_defined++;
        return;
    }
    compiled = find_value(cit_id_values, NUM_ELEMS(cit_id_values), name, strlen(name));
    if (compiled != NULL) {
        c->values_in_table++;
    }
    if (compiled == NULL || !eval_value(value, &want)) {
        printf("not parsed: %s = %s\n", name, value);
        c->values_not_parsed++;
        return;
    }
    c->values_checked++;
    if (compiled->value != want) {
        char msg[256];

        snprintf(msg, sizeof(msg), "%s: compiled %lld (0x%llx), spec %s", name, compiled->value,
                 (unsigned long long)compiled->value, value);
        cit_test_fail(__FILE__, __LINE__, msg);
    }
    cit_test_checks++;
}

static void check_row(char *line, counts_t *c)
{
    char *name;
    char *kind;
    char *value;

    if (!split_row(line, &name, &kind, &value)) {
        return;
    }
    if (strcmp(kind, "macro") == 0) {
        check_macro(name, value, c);
    } else if (strcmp(kind, "typedef") == 0 || strcmp(kind, "struct") == 0) {
        c->types++;
        CHECK(find_value(cit_id_types, NUM_ELEMS(cit_id_types), name, strlen(name)) != NULL);
    } else if (strcmp(kind, "function") == 0) {
        c->functions++;
        if (is_declared_only(name)) {
            c->declared_only++;
        } else if (!has_function(name)) {
            char msg[160];

            snprintf(msg, sizeof(msg), "function %s is not in function_table.h", name);
            cit_test_fail(__FILE__, __LINE__, msg);
        }
        cit_test_checks++;
    }
}

static int wanted_section(const char *line)
{
    size_t i;

    for (i = 0; i < NUM_ELEMS(sections); i++) {
        if (strstr(line, sections[i]) != NULL) {
            return 1;
        }
    }
    return 0;
}

int main(void)
{
    const char *dir = getenv("CIT_SPEC_DIR");
    char path[1024];
    char *text;
    char *line;
    int take = 0;
    counts_t c;

    memset(&c, 0, sizeof(c));
    if (dir == NULL || dir[0] == '\0') {
        dir = CIT_SPEC_DIR;
    }
    snprintf(path, sizeof(path), "%s/identifier-index.md", dir);
    text = cit_read_file(path, NULL);
    if (text == NULL) {
        char why[1100];

        snprintf(why, sizeof(why), "cannot read %s", path);
        cit_test_skip(why);
        return 77; /* not reached: cit_test_skip exits */
    }

    for (line = strtok(text, "\n"); line != NULL; line = strtok(NULL, "\n")) {
        if (strncmp(line, "## ", 3) == 0) {
            take = wanted_section(line);
        } else if (take) {
            check_row(line, &c);
        }
    }
    free(text);

    printf("identifier index: %lu macros (%lu values checked, %lu implementation-defined, "
           "%lu not parsed), %lu types, %lu functions (%lu declared, not implemented yet)\n",
           c.macros, c.values_checked, c.values_implementation_defined, c.values_not_parsed,
           c.types, c.functions, c.declared_only);
    /* Every compiled entry must have been met in the index. */
    CHECK(c.values_in_table == NUM_ELEMS(cit_id_values));
    CHECK(c.types == NUM_ELEMS(cit_id_types));
    CHECK(c.functions - c.declared_only == NUM_ELEMS(cit_id_functions));
    CHECK(c.declared_only == NUM_ELEMS(cit_id_declared) - 1);
    CHECK(c.values_checked > 0);
    return cit_test_end("test_identifiers");
}
