/*
 * random.c - psa_generate_random over the dispatched CTR_DRBG.
 *
 * The DRBG is seeded from the platform entropy source at psa_crypto_init,
 * reseeded when its reseed counter runs out, and reseeded in a child
 * process after fork() so that parent and child never share output.
 */
#include "core.h"
#include "dispatch.h"
#include "platform/platform.h"
#include "util.h"

/* Entropy per (re)seed: 256 bits of security plus a 128-bit nonce. */
#define SEED_BYTES 48

static uint32_t seeded_fork_gen;

static psa_status_t reseed(void)
{
    uint8_t entropy[SEED_BYTES];
    static const uint8_t pers[] = "Citadel PSA Crypto CTR_DRBG";

    if (cit_platform_entropy(entropy, sizeof(entropy)) != 0) {
        cit_zeroize(entropy, sizeof(entropy));
        return PSA_ERROR_INSUFFICIENT_ENTROPY;
    }
    cit_dispatch_random_seed(entropy, sizeof(entropy), pers, sizeof(pers) - 1);
    cit_zeroize(entropy, sizeof(entropy));
    seeded_fork_gen = cit_platform_fork_generation();
    return PSA_SUCCESS;
}

/* see core.h */
psa_status_t cit_random_init(void)
{
    return reseed();
}

psa_status_t psa_generate_random(uint8_t *output, size_t output_size)
{
    psa_status_t status;

    if (!cit_core_initialized()) {
        return PSA_ERROR_BAD_STATE;
    }
    if (output_size == 0) {
        return PSA_SUCCESS;
    }
    cit_platform_lock();
    status = PSA_SUCCESS;
    if (cit_platform_fork_generation() != seeded_fork_gen) {
        status = reseed();
    }
    if (status == PSA_SUCCESS) {
        status = cit_dispatch_random_generate(output, output_size);
        if (status == PSA_ERROR_INSUFFICIENT_ENTROPY) {
            status = reseed();
            if (status == PSA_SUCCESS) {
                status = cit_dispatch_random_generate(output, output_size);
            }
        }
    }
    cit_platform_unlock();
    if (status != PSA_SUCCESS) {
        cit_zeroize(output, output_size);
    }
    return status;
}
