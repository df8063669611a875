/*
 * platform.h - what the portable core needs from the platform below it.
 *
 * Each target (src/platform/<target>/) implements these hooks; the core,
 * drivers and storage stay freestanding.
 */
#ifndef CIT_PLATFORM_H
#define CIT_PLATFORM_H

#include <stddef.h>
#include <stdint.h>

/*
 * cit_platform_entropy fills out with len bytes of full-entropy data from
 * the platform's true random source. Returns 0 on success, -1 on failure.
 */
int cit_platform_entropy(uint8_t *out, size_t len);

/*
 * cit_platform_fork_generation changes value in a child process after
 * fork() (and stays constant otherwise), so that the RNG can reseed and a
 * child never repeats its parent's random output.
 */
uint32_t cit_platform_fork_generation(void);

/*
 * The key-store lock. cit_platform_lock_init may be called more than once;
 * psa_crypto_init calls it before anything else (it also installs the fork
 * handlers that keep the lock and the RNG safe across fork()).
 */
void cit_platform_lock_init(void);
void cit_platform_lock(void);
void cit_platform_unlock(void);

#endif /* CIT_PLATFORM_H */
