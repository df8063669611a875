/*
 * builtin_random.c - the builtin driver's random generator: CTR_DRBG with
 * AES-256 and the derivation function (NIST SP 800-90A), run over whichever
 * AES implementation the dispatcher hands in.
 */
#include "builtin.h"
#include "config_derive.h"
#include "util.h"

/* see builtin.h */
void builtin_random_seed(builtin_random_context_t *ctx, cit_aes_init_fn aes_init,
                         const uint8_t *entropy, size_t entropy_length, const uint8_t *pers,
                         size_t pers_length)
{
    if (!ctx->seeded) {
        /* The nonce is taken from the second half of the entropy input. */
        size_t half = entropy_length / 2;

        cit_ctr_drbg_instantiate(&ctx->drbg, aes_init, entropy, entropy_length - half,
                                 entropy + entropy_length - half, half, pers, pers_length);
        ctx->seeded = 1;
    } else {
        cit_ctr_drbg_reseed(&ctx->drbg, aes_init, entropy, entropy_length, pers, pers_length);
    }
}

/* see builtin.h */
psa_status_t builtin_random_generate(builtin_random_context_t *ctx, cit_aes_init_fn aes_init,
                                     uint8_t *output, size_t output_length)
{
    if (!ctx->seeded) {
        return PSA_ERROR_INSUFFICIENT_ENTROPY;
    }
    while (output_length > 0) {
        size_t chunk = output_length;

        if (chunk > CIT_CTR_DRBG_MAX_REQUEST) {
            chunk = CIT_CTR_DRBG_MAX_REQUEST;
        }
        if (cit_ctr_drbg_generate(&ctx->drbg, aes_init, NULL, 0, output, chunk) != 0) {
            return PSA_ERROR_INSUFFICIENT_ENTROPY;
        }
        output += chunk;
        output_length -= chunk;
    }
    return PSA_SUCCESS;
}
