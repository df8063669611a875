/*
 * x86.h - internal interface of the x86-64 accelerator driver.
 *
 * The primitives here use the SHA extensions, AES-NI, PCLMULQDQ, SSE4.1, AVX2
 * and BMI2.
 * They are compiled for those extensions but only ever called after
 * cit_x86_features() reported the corresponding bit, so a build runs on any
 * x86-64 machine and falls back to the builtin driver where they are absent.
 *
 * Every function here is constant-time with respect to keys and data: the
 * instructions used have data-independent timing and there is no
 * secret-dependent branch or memory index.
 *
 * This header does not include any intrinsic header: the driver's sources do,
 * so that callers (the PSA driver glue, the tests) need no ISA flags.
 */
#ifndef CIT_X86_H
#define CIT_X86_H

#include <stddef.h>
#include <stdint.h>

#include "config_derive.h"
#include "primitives.h"

/* CIT_X86_SHA: the SHA extensions (SHA-1, SHA-256) plus SSSE3 and SSE4.1. */
#define CIT_X86_SHA 0x1u
/* CIT_X86_AES: AES-NI plus PCLMULQDQ, SSSE3 and SSE4.1. */
#define CIT_X86_AES 0x2u
/* CIT_X86_AVX2: AVX2, with the YMM state enabled by the operating system. */
#define CIT_X86_AVX2 0x4u
/* CIT_X86_BMI2: BMI2 (RORX, SHLX, ...); the *_avx2.c files are compiled for it. */
#define CIT_X86_BMI2 0x8u

/*
 * cit_x86_features returns the CIT_X86_* bits that both the CPU (CPUID, and
 * XGETBV for AVX2) and the mask set by cit_x86_set_mask allow. Detection runs
 * once and is cached; concurrent first calls are harmless.
 */
uint32_t cit_x86_features(void);

/*
 * cit_x86_set_mask restricts what cit_x86_features reports to the bits in
 * mask (default: all). cit_x86_set_mask(0) forces the builtin path;
 * cit_x86_set_mask(0xffffffff) restores detection. Intended for tests and
 * start-up configuration, not to be changed while operations are in flight.
 */
void cit_x86_set_mask(uint32_t mask);

/*
 * cit_sha1_blocks_shani is a drop-in cit_blocks32_fn for cit_sha1_ctx_t:
 * it compresses num_blocks 64-byte blocks at data into state (h[5], standard
 * word order). Needs CIT_X86_SHA.
 */
void cit_sha1_blocks_shani(uint32_t *state, const uint8_t *data, size_t num_blocks);

/*
 * cit_sha256_blocks_shani is a drop-in cit_blocks32_fn for cit_sha256_ctx_t
 * (SHA-224/256): state is h[8] in the standard word order. Needs CIT_X86_SHA.
 */
void cit_sha256_blocks_shani(uint32_t *state, const uint8_t *data, size_t num_blocks);

/*
 * cit_sha512_blocks_avx2 is a drop-in cit_blocks64_fn for cit_sha512_ctx_t
 * (SHA-384, SHA-512, SHA-512/224, SHA-512/256): it compresses num_blocks
 * 128-byte blocks at data into state (h[8], standard word order), computing
 * the message schedule of two blocks at a time with AVX2 and the rounds with
 * scalar BMI2 code. Needs CIT_X86_AVX2 and CIT_X86_BMI2.
 */
void cit_sha512_blocks_avx2(uint64_t *state, const uint8_t *data, size_t num_blocks);

/*
 * cit_aes_ni_init has the contract of cit_aes_ct_init: it expands a 16-, 24-
 * or 32-byte key into ctx (encryption round keys at ctx->rk, decryption round
 * keys for the equivalent inverse cipher after them) and sets ctx->encrypt and
 * ctx->decrypt to AES-NI block functions, which work on 8 blocks at a time.
 * Returns 0, or -1 for an invalid key length. Needs CIT_X86_AES.
 */
int cit_aes_ni_init(cit_aes_ctx_t *ctx, const uint8_t *key, size_t key_len);

/*
 * cit_gcm_use_clmul switches a GCM context keyed by cit_gcm_setkey to
 * PCLMULQDQ GHASH: it computes H with ctx->aes, stores H..H^8 in its own
 * form in ctx->h and sets ctx->ghash (eight blocks per reduction). Call it
 * after cit_gcm_setkey and before cit_gcm_start. Needs CIT_X86_AES (which
 * includes PCLMULQDQ).
 */
void cit_gcm_use_clmul(cit_gcm_ctx_t *ctx);

#endif /* CIT_X86_H */
