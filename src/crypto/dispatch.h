/*
 * dispatch.h - routing of the core's cryptographic entry points to drivers.
 *
 * For each entry point the dispatcher tries the accelerator drivers first
 * (a driver returns PSA_ERROR_NOT_SUPPORTED to pass), then the builtin
 * driver, and records in the operation which driver accepted it.
 */
#ifndef CIT_DISPATCH_H
#define CIT_DISPATCH_H

#include "psa/crypto.h"

/* Driver ids stored in operation objects (0 = none). */
#define CIT_DRIVER_NONE 0u
#define CIT_DRIVER_BUILTIN 1u
#define CIT_DRIVER_X86 2u

/*
 * cit_dispatch_set_accelerators enables (1) or disables (0) every
 * accelerator driver; disabled means all entry points go to builtin.
 */
void cit_dispatch_set_accelerators(int enabled);

psa_status_t cit_dispatch_hash_setup(psa_hash_operation_t *op, psa_algorithm_t alg);
psa_status_t cit_dispatch_hash_update(psa_hash_operation_t *op, const uint8_t *input,
                                      size_t input_length);
psa_status_t cit_dispatch_hash_finish(psa_hash_operation_t *op, uint8_t *hash, size_t hash_size,
                                      size_t *hash_length);
void cit_dispatch_hash_abort(psa_hash_operation_t *op);
psa_status_t cit_dispatch_hash_compute(psa_algorithm_t alg, const uint8_t *input,
                                       size_t input_length, uint8_t *hash, size_t hash_size,
                                       size_t *hash_length);
psa_status_t cit_dispatch_hash_suspend(const psa_hash_operation_t *op, uint8_t *state,
                                       size_t state_size, size_t *state_length);
psa_status_t cit_dispatch_hash_resume(psa_hash_operation_t *op, psa_algorithm_t alg,
                                      const uint8_t *state, size_t state_length);

psa_status_t cit_dispatch_xof_setup(psa_xof_operation_t *op, psa_algorithm_t alg);
psa_status_t cit_dispatch_xof_update(psa_xof_operation_t *op, const uint8_t *input,
                                     size_t input_length);
psa_status_t cit_dispatch_xof_output(psa_xof_operation_t *op, uint8_t *output,
                                     size_t output_length);
void cit_dispatch_xof_abort(psa_xof_operation_t *op);

psa_status_t cit_dispatch_mac_setup(psa_mac_operation_t *op, const psa_key_attributes_t *attr,
                                    const uint8_t *key, size_t key_length, psa_algorithm_t alg,
                                    int is_sign);
psa_status_t cit_dispatch_mac_update(psa_mac_operation_t *op, const uint8_t *input,
                                     size_t input_length);
psa_status_t cit_dispatch_mac_finish(psa_mac_operation_t *op, uint8_t *mac, size_t mac_size,
                                     size_t *mac_length);
void cit_dispatch_mac_abort(psa_mac_operation_t *op);
/* cit_dispatch_mac_supported: can some driver run the (valid, specific) MAC alg? */
int cit_dispatch_mac_supported(psa_algorithm_t alg);

/*
 * The random generator: a CTR_DRBG whose state lives in the dispatch layer
 * (it runs on the fastest AES available). seed instantiates (or, if
 * already instantiated, reseeds) from the given entropy; generate returns
 * PSA_ERROR_INSUFFICIENT_ENTROPY when a reseed is due. The caller (the
 * core's random.c) holds the lock.
 */
void cit_dispatch_random_seed(const uint8_t *entropy, size_t entropy_length,
                              const uint8_t *pers, size_t pers_length);
psa_status_t cit_dispatch_random_generate(uint8_t *output, size_t output_length);
void cit_dispatch_random_wipe(void);

#endif /* CIT_DISPATCH_H */
