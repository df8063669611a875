/*
 * builtin_hash.c - the builtin driver's hash and XOF entry points, the
 * descriptor table over the portable hash primitives, and the hash
 * suspend/resume state format of the Crypto API.
 */
#include "builtin.h"
#include "config_derive.h"
#include "util.h"

/* ---- Descriptor adapters ---- */

#if defined(CIT_NEED_SHA1)
static void hd_sha1_init(cit_hash_ctx_t *c)
{
    cit_sha1_init(&c->sha1);
}

/* see builtin.h */
void cit_hd_sha1_update(cit_hash_ctx_t *c, const uint8_t *in, size_t n)
{
    cit_sha1_update(&c->sha1, in, n);
}

/* see builtin.h */
void cit_hd_sha1_finish(cit_hash_ctx_t *c, uint8_t *out)
{
    cit_sha1_finish(&c->sha1, out);
}

static const cit_hash_desc_t hd_sha1 = {
    PSA_ALG_SHA_1, 64, 20, hd_sha1_init, cit_hd_sha1_update, cit_hd_sha1_finish
};
#endif

#if defined(CIT_NEED_SHA256)
static void hd_sha224_init(cit_hash_ctx_t *c)
{
    cit_sha224_init(&c->sha256);
}

static void hd_sha256_init(cit_hash_ctx_t *c)
{
    cit_sha256_init(&c->sha256);
}

/* see builtin.h */
void cit_hd_sha256_update(cit_hash_ctx_t *c, const uint8_t *in, size_t n)
{
    cit_sha256_update(&c->sha256, in, n);
}

/* see builtin.h */
void cit_hd_sha224_finish(cit_hash_ctx_t *c, uint8_t *out)
{
    cit_sha256_finish(&c->sha256, out, 28);
}

/* see builtin.h */
void cit_hd_sha256_finish(cit_hash_ctx_t *c, uint8_t *out)
{
    cit_sha256_finish(&c->sha256, out, 32);
}

/* see builtin.h */
void cit_hd_sha256_192_finish(cit_hash_ctx_t *c, uint8_t *out)
{
    cit_sha256_finish(&c->sha256, out, 24);
}

static const cit_hash_desc_t hd_sha224 = {
    PSA_ALG_SHA_224, 64, 28, hd_sha224_init, cit_hd_sha256_update, cit_hd_sha224_finish
};
static const cit_hash_desc_t hd_sha256 = {
    PSA_ALG_SHA_256, 64, 32, hd_sha256_init, cit_hd_sha256_update, cit_hd_sha256_finish
};
static const cit_hash_desc_t hd_sha256_192 = {
    PSA_ALG_SHA_256_192, 64, 24, hd_sha256_init, cit_hd_sha256_update, cit_hd_sha256_192_finish
};
#endif

#if defined(CIT_NEED_SHA512)
static void hd_sha384_init(cit_hash_ctx_t *c)
{
    cit_sha384_init(&c->sha512);
}

static void hd_sha512_init(cit_hash_ctx_t *c)
{
    cit_sha512_init(&c->sha512);
}

static void hd_sha512_224_init(cit_hash_ctx_t *c)
{
    cit_sha512_224_init(&c->sha512);
}

static void hd_sha512_256_init(cit_hash_ctx_t *c)
{
    cit_sha512_256_init(&c->sha512);
}

/* see builtin.h */
void cit_hd_sha512_update(cit_hash_ctx_t *c, const uint8_t *in, size_t n)
{
    cit_sha512_update(&c->sha512, in, n);
}

/* see builtin.h */
void cit_hd_sha384_finish(cit_hash_ctx_t *c, uint8_t *out)
{
    cit_sha512_finish(&c->sha512, out, 48);
}

/* see builtin.h */
void cit_hd_sha512_finish(cit_hash_ctx_t *c, uint8_t *out)
{
    cit_sha512_finish(&c->sha512, out, 64);
}

/* see builtin.h */
void cit_hd_sha512_224_finish(cit_hash_ctx_t *c, uint8_t *out)
{
    cit_sha512_finish(&c->sha512, out, 28);
}

/* see builtin.h */
void cit_hd_sha512_256_finish(cit_hash_ctx_t *c, uint8_t *out)
{
    cit_sha512_finish(&c->sha512, out, 32);
}

static const cit_hash_desc_t hd_sha384 = {
    PSA_ALG_SHA_384, 128, 48, hd_sha384_init, cit_hd_sha512_update, cit_hd_sha384_finish
};
static const cit_hash_desc_t hd_sha512 = {
    PSA_ALG_SHA_512, 128, 64, hd_sha512_init, cit_hd_sha512_update, cit_hd_sha512_finish
};
static const cit_hash_desc_t hd_sha512_224 = {
    PSA_ALG_SHA_512_224, 128, 28, hd_sha512_224_init, cit_hd_sha512_update, cit_hd_sha512_224_finish
};
static const cit_hash_desc_t hd_sha512_256 = {
    PSA_ALG_SHA_512_256, 128, 32, hd_sha512_256_init, cit_hd_sha512_update, cit_hd_sha512_256_finish
};
#endif

#if defined(CIT_NEED_SHA3)
static void hd_sha3_224_init(cit_hash_ctx_t *c)
{
    cit_sha3_224_init(&c->sha3);
}

static void hd_sha3_256_init(cit_hash_ctx_t *c)
{
    cit_sha3_256_init(&c->sha3);
}

static void hd_sha3_384_init(cit_hash_ctx_t *c)
{
    cit_sha3_384_init(&c->sha3);
}

static void hd_sha3_512_init(cit_hash_ctx_t *c)
{
    cit_sha3_512_init(&c->sha3);
}

static void hd_shake128_init(cit_hash_ctx_t *c)
{
    cit_shake128_init(&c->sha3);
}

static void hd_shake256_init(cit_hash_ctx_t *c)
{
    cit_shake256_init(&c->sha3);
}

static void hd_sha3_update(cit_hash_ctx_t *c, const uint8_t *in, size_t n)
{
    cit_sha3_update(&c->sha3, in, n);
}

static void hd_sha3_28(cit_hash_ctx_t *c, uint8_t *out)
{
    cit_sha3_finish(&c->sha3, out, 28);
}

static void hd_sha3_24(cit_hash_ctx_t *c, uint8_t *out)
{
    cit_sha3_finish(&c->sha3, out, 24);
}

static void hd_sha3_32(cit_hash_ctx_t *c, uint8_t *out)
{
    cit_sha3_finish(&c->sha3, out, 32);
}

static void hd_sha3_48(cit_hash_ctx_t *c, uint8_t *out)
{
    cit_sha3_finish(&c->sha3, out, 48);
}

static void hd_sha3_64(cit_hash_ctx_t *c, uint8_t *out)
{
    cit_sha3_finish(&c->sha3, out, 64);
}

/* HMAC block sizes of the SHA-3 family are their rates. */
static const cit_hash_desc_t hd_sha3_224 = {
    PSA_ALG_SHA3_224, 144, 28, hd_sha3_224_init, hd_sha3_update, hd_sha3_28
};
static const cit_hash_desc_t hd_sha3_256 = {
    PSA_ALG_SHA3_256, 136, 32, hd_sha3_256_init, hd_sha3_update, hd_sha3_32
};
static const cit_hash_desc_t hd_sha3_384 = {
    PSA_ALG_SHA3_384, 104, 48, hd_sha3_384_init, hd_sha3_update, hd_sha3_48
};
static const cit_hash_desc_t hd_sha3_512 = {
    PSA_ALG_SHA3_512, 72, 64, hd_sha3_512_init, hd_sha3_update, hd_sha3_64
};
static const cit_hash_desc_t hd_shake128_256 = {
    PSA_ALG_SHAKE128_256, 168, 32, hd_shake128_init, hd_sha3_update, hd_sha3_32
};
static const cit_hash_desc_t hd_shake256_192 = {
    PSA_ALG_SHAKE256_192, 136, 24, hd_shake256_init, hd_sha3_update, hd_sha3_24
};
static const cit_hash_desc_t hd_shake256_256 = {
    PSA_ALG_SHAKE256_256, 136, 32, hd_shake256_init, hd_sha3_update, hd_sha3_32
};
static const cit_hash_desc_t hd_shake256_512 = {
    PSA_ALG_SHAKE256_512, 136, 64, hd_shake256_init, hd_sha3_update, hd_sha3_64
};
#endif

#if defined(CIT_NEED_MD5)
static void hd_md5_init(cit_hash_ctx_t *c)
{
    cit_md5_init(&c->md5);
}

static void hd_md5_update(cit_hash_ctx_t *c, const uint8_t *in, size_t n)
{
    cit_md5_update(&c->md5, in, n);
}

static void hd_md5_finish(cit_hash_ctx_t *c, uint8_t *out)
{
    cit_md5_finish(&c->md5, out);
}

static const cit_hash_desc_t hd_md5 = {
    PSA_ALG_MD5, 64, 16, hd_md5_init, hd_md5_update, hd_md5_finish
};
#endif

#if defined(CIT_NEED_RIPEMD160)
static void hd_rmd_init(cit_hash_ctx_t *c)
{
    cit_ripemd160_init(&c->ripemd160);
}

static void hd_rmd_update(cit_hash_ctx_t *c, const uint8_t *in, size_t n)
{
    cit_ripemd160_update(&c->ripemd160, in, n);
}

static void hd_rmd_finish(cit_hash_ctx_t *c, uint8_t *out)
{
    cit_ripemd160_finish(&c->ripemd160, out);
}

static const cit_hash_desc_t hd_ripemd160 = {
    PSA_ALG_RIPEMD160, 64, 20, hd_rmd_init, hd_rmd_update, hd_rmd_finish
};
#endif

/*
 * The table. A family's members share their code, so a family is built as
 * a whole once any member is wanted.
 */
static const cit_hash_desc_t *const hash_table[] = {
#if defined(CIT_NEED_MD5)
    &hd_md5,
#endif
#if defined(CIT_NEED_RIPEMD160)
    &hd_ripemd160,
#endif
#if defined(CIT_NEED_SHA1)
    &hd_sha1,
#endif
#if defined(CIT_NEED_SHA256)
    &hd_sha224, &hd_sha256, &hd_sha256_192,
#endif
#if defined(CIT_NEED_SHA512)
    &hd_sha384, &hd_sha512, &hd_sha512_224, &hd_sha512_256,
#endif
#if defined(CIT_NEED_SHA3)
    &hd_sha3_224, &hd_sha3_256, &hd_sha3_384, &hd_sha3_512,
    &hd_shake128_256, &hd_shake256_192, &hd_shake256_256, &hd_shake256_512,
#endif
    NULL
};

/* see builtin.h */
const cit_hash_desc_t *cit_builtin_hash_desc(psa_algorithm_t alg)
{
    size_t i;

    for (i = 0; hash_table[i] != NULL; i++) {
        if (hash_table[i]->alg == alg) {
            return hash_table[i];
        }
    }
    return NULL;
}

/* ---- Hash entry points ---- */

/* see builtin.h */
void builtin_hash_setup_desc(builtin_hash_operation_t *operation, const cit_hash_desc_t *desc)
{
    operation->desc = desc;
    desc->init(&operation->ctx);
}

/* see builtin.h */
psa_status_t builtin_hash_setup(builtin_hash_operation_t *operation, psa_algorithm_t alg)
{
    const cit_hash_desc_t *desc = cit_builtin_hash_desc(alg);

    if (desc == NULL) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    builtin_hash_setup_desc(operation, desc);
    return PSA_SUCCESS;
}

/* see builtin.h */
psa_status_t builtin_hash_update(builtin_hash_operation_t *operation, const uint8_t *input,
                                 size_t input_length)
{
    if (input_length != 0) {
        operation->desc->update(&operation->ctx, input, input_length);
    }
    return PSA_SUCCESS;
}

/* see builtin.h */
psa_status_t builtin_hash_finish(builtin_hash_operation_t *operation, uint8_t *hash,
                                 size_t hash_size, size_t *hash_length)
{
    size_t len = operation->desc->digest_size;

    if (hash_size < len) {
        return PSA_ERROR_BUFFER_TOO_SMALL;
    }
    operation->desc->finish(&operation->ctx, hash);
    *hash_length = len;
    return PSA_SUCCESS;
}

/* see builtin.h */
psa_status_t builtin_hash_abort(builtin_hash_operation_t *operation)
{
    cit_zeroize(operation, sizeof(*operation));
    return PSA_SUCCESS;
}

/* see builtin.h */
psa_status_t builtin_hash_compute(psa_algorithm_t alg, const uint8_t *input, size_t input_length,
                                  uint8_t *hash, size_t hash_size, size_t *hash_length)
{
    builtin_hash_operation_t op;
    psa_status_t status = builtin_hash_setup(&op, alg);

    if (status == PSA_SUCCESS) {
        (void)builtin_hash_update(&op, input, input_length);
        status = builtin_hash_finish(&op, hash, hash_size, hash_length);
    }
    cit_zeroize(&op, sizeof(op));
    return status;
}

/* ---- Suspend / resume (Crypto API "hash suspend state" format) ---- */

/* Layout of one MD-style context in the suspend format. */
typedef struct {
    uint8_t len_field;   /* 8 or 16 bytes of big-endian input length */
    uint8_t num_words;   /* words of hash state */
    uint8_t word_bytes;  /* 4 or 8 */
    uint8_t little;      /* state words little-endian (MD5, RIPEMD-160) */
} suspend_shape_t;

static int suspend_shape(psa_algorithm_t alg, suspend_shape_t *s)
{
    switch (alg) {
    case PSA_ALG_MD5:
        s->len_field = 8, s->num_words = 4, s->word_bytes = 4, s->little = 1;
        return 1;
    case PSA_ALG_RIPEMD160:
        s->len_field = 8, s->num_words = 5, s->word_bytes = 4, s->little = 1;
        return 1;
    case PSA_ALG_SHA_1:
        s->len_field = 8, s->num_words = 5, s->word_bytes = 4, s->little = 0;
        return 1;
    case PSA_ALG_SHA_224:
    case PSA_ALG_SHA_256:
        s->len_field = 8, s->num_words = 8, s->word_bytes = 4, s->little = 0;
        return 1;
    case PSA_ALG_SHA_384:
    case PSA_ALG_SHA_512:
    case PSA_ALG_SHA_512_224:
    case PSA_ALG_SHA_512_256:
        s->len_field = 16, s->num_words = 8, s->word_bytes = 8, s->little = 0;
        return 1;
    default:
        return 0;
    }
}

/* Pointers into a context: state words, byte count and pending buffer. */
typedef struct {
    uint32_t *w32;
    uint64_t *w64;
    uint64_t *num_bytes;
    uint8_t *buf;
    size_t block;
} ctx_view_t;

static void view_ctx(cit_hash_ctx_t *c, psa_algorithm_t alg, ctx_view_t *v)
{
    v->w32 = NULL;
    v->w64 = NULL;
    v->num_bytes = NULL;
    v->buf = NULL;
    v->block = 1;
    (void)c; /* unused when only SHA-3 is built */
    switch (alg) {
#if defined(CIT_NEED_MD5)
    case PSA_ALG_MD5:
        v->w32 = c->md5.h, v->num_bytes = &c->md5.num_bytes, v->buf = c->md5.buf, v->block = 64;
        break;
#endif
#if defined(CIT_NEED_RIPEMD160)
    case PSA_ALG_RIPEMD160:
        v->w32 = c->ripemd160.h, v->num_bytes = &c->ripemd160.num_bytes;
        v->buf = c->ripemd160.buf, v->block = 64;
        break;
#endif
#if defined(CIT_NEED_SHA1)
    case PSA_ALG_SHA_1:
        v->w32 = c->sha1.h, v->num_bytes = &c->sha1.num_bytes, v->buf = c->sha1.buf;
        v->block = 64;
        break;
#endif
#if defined(CIT_NEED_SHA256)
    case PSA_ALG_SHA_224:
    case PSA_ALG_SHA_256:
        v->w32 = c->sha256.h, v->num_bytes = &c->sha256.num_bytes, v->buf = c->sha256.buf;
        v->block = 64;
        break;
#endif
#if defined(CIT_NEED_SHA512)
    case PSA_ALG_SHA_384:
    case PSA_ALG_SHA_512:
    case PSA_ALG_SHA_512_224:
    case PSA_ALG_SHA_512_256:
        v->w64 = c->sha512.h, v->num_bytes = &c->sha512.num_bytes, v->buf = c->sha512.buf;
        v->block = 128;
        break;
#endif
    default:
        break;
    }
}

static void put_word(uint8_t *p, uint64_t w, const suspend_shape_t *s)
{
    unsigned i;

    for (i = 0; i < s->word_bytes; i++) {
        unsigned shift = s->little ? 8 * i : 8 * (s->word_bytes - 1 - i);
        p[i] = (uint8_t)(w >> shift);
    }
}

static uint64_t get_word(const uint8_t *p, const suspend_shape_t *s)
{
    uint64_t w = 0;
    unsigned i;

    for (i = 0; i < s->word_bytes; i++) {
        unsigned shift = s->little ? 8 * i : 8 * (s->word_bytes - 1 - i);
        w |= (uint64_t)p[i] << shift;
    }
    return w;
}

/* see builtin.h */
psa_status_t builtin_hash_suspend(const builtin_hash_operation_t *operation, uint8_t *state,
                                  size_t state_size, size_t *state_length)
{
    suspend_shape_t s;
    ctx_view_t v;
    size_t need, pending, off, i;
    psa_algorithm_t alg = operation->desc->alg;

    if (!suspend_shape(alg, &s)) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    view_ctx((cit_hash_ctx_t *)&operation->ctx, alg, &v);
    if (v.w32 == NULL && v.w64 == NULL) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    pending = (size_t)(*v.num_bytes % v.block);
    need = 4 + s.len_field + (size_t)s.num_words * s.word_bytes + pending;
    if (state_size < need) {
        return PSA_ERROR_BUFFER_TOO_SMALL;
    }
    cit_store_be32(state, alg);
    off = 4;
    memset(state + off, 0, s.len_field);
    cit_store_be64(state + off + s.len_field - 8, *v.num_bytes);
    off += s.len_field;
    for (i = 0; i < s.num_words; i++) {
        put_word(state + off, v.w32 != NULL ? v.w32[i] : v.w64[i], &s);
        off += s.word_bytes;
    }
    memcpy(state + off, v.buf, pending);
    *state_length = need;
    return PSA_SUCCESS;
}

/* see builtin.h */
psa_status_t builtin_hash_resume(builtin_hash_operation_t *operation, const cit_hash_desc_t *desc,
                                 const uint8_t *state, size_t state_length)
{
    suspend_shape_t s;
    ctx_view_t v;
    size_t off, i, pending;
    uint64_t total;

    if (!suspend_shape(desc->alg, &s)) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    if (state_length < 4u + s.len_field + (size_t)s.num_words * s.word_bytes ||
        cit_load_be32(state) != desc->alg) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    off = 4;
    for (i = 0; i + 8 < s.len_field; i++) {
        if (state[off + i] != 0) {
            /* Inputs of 2^64 bytes or more are beyond this implementation. */
            return PSA_ERROR_NOT_SUPPORTED;
        }
    }
    total = cit_load_be64(state + off + s.len_field - 8);
    off += s.len_field;
    builtin_hash_setup_desc(operation, desc);
    view_ctx(&operation->ctx, desc->alg, &v);
    if (v.w32 == NULL && v.w64 == NULL) {
        cit_zeroize(operation, sizeof(*operation));
        return PSA_ERROR_NOT_SUPPORTED;
    }
    pending = (size_t)(total % v.block);
    if (state_length != off + (size_t)s.num_words * s.word_bytes + pending) {
        cit_zeroize(operation, sizeof(*operation));
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    for (i = 0; i < s.num_words; i++) {
        uint64_t w = get_word(state + off, &s);
        if (v.w32 != NULL) {
            v.w32[i] = (uint32_t)w;
        } else {
            v.w64[i] = w;
        }
        off += s.word_bytes;
    }
    *v.num_bytes = total;
    memcpy(v.buf, state + off, pending);
    return PSA_SUCCESS;
}

/* ---- XOF entry points ---- */

/* see builtin.h */
psa_status_t builtin_xof_setup(builtin_xof_operation_t *operation, psa_algorithm_t alg)
{
    switch (alg) {
#if defined(CIT_NEED_SHA3)
    case PSA_ALG_SHAKE128:
        cit_shake128_init(&operation->ctx);
        return PSA_SUCCESS;
    case PSA_ALG_SHAKE256:
        cit_shake256_init(&operation->ctx);
        return PSA_SUCCESS;
#endif
    default:
        (void)operation;
        return PSA_ERROR_NOT_SUPPORTED;
    }
}

#if defined(CIT_NEED_SHA3)
/* see builtin.h */
psa_status_t builtin_xof_update(builtin_xof_operation_t *operation, const uint8_t *input,
                                size_t input_length)
{
    cit_sha3_update(&operation->ctx, input, input_length);
    return PSA_SUCCESS;
}

/* see builtin.h */
psa_status_t builtin_xof_output(builtin_xof_operation_t *operation, uint8_t *output,
                                size_t output_length)
{
    cit_sha3_squeeze(&operation->ctx, output, output_length);
    return PSA_SUCCESS;
}
#else
/* see builtin.h */
psa_status_t builtin_xof_update(builtin_xof_operation_t *operation, const uint8_t *input,
                                size_t input_length)
{
    (void)operation, (void)input, (void)input_length;
    return PSA_ERROR_NOT_SUPPORTED;
}

/* see builtin.h */
psa_status_t builtin_xof_output(builtin_xof_operation_t *operation, uint8_t *output,
                                size_t output_length)
{
    (void)operation, (void)output, (void)output_length;
    return PSA_ERROR_NOT_SUPPORTED;
}
#endif

/* see builtin.h */
psa_status_t builtin_xof_abort(builtin_xof_operation_t *operation)
{
    cit_zeroize(operation, sizeof(*operation));
    return PSA_SUCCESS;
}
