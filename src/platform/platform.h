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

#include "storage/storage.h"

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

/*
 * The storage lock: serializes the object store (src/storage/store.c). It is
 * a second lock, not the key-store lock, because the crypto core calls the
 * store while it holds the key-store lock; the order is always key-store
 * lock first. Usable before cit_platform_lock_init (static initializer).
 */
void cit_platform_storage_lock(void);
void cit_platform_storage_unlock(void);

/*
 * cit_platform_store_default returns the platform's storage medium, opened
 * on first use (Linux: the file backend in $CITADEL_STORAGE_DIR, default
 * ./citadel-storage), or NULL if it cannot be opened (a later call retries).
 * Called with the storage lock held.
 */
const cit_store_backend_t *cit_platform_store_default(void);

/*
 * cit_platform_huk fills huk with the device's hardware unique key: 32
 * secret bytes, the same on every call for the life of the device, never
 * leaving the secure side (an OTP/fuse key on a microcontroller; on Linux a
 * file "huk", mode 0600, in the storage directory, made from platform
 * entropy on first use). Protected Storage derives its keys from it.
 * Returns 0 on success, -1 on failure (huk is then wiped).
 */
int cit_platform_huk(uint8_t huk[32]);

/*
 * The Protected Storage lock: held for a whole psa_ps_* call, which is
 * several store operations and crypto calls. It is the outermost lock: taken
 * before the key-store lock and the storage lock, never while holding them.
 * On Linux it also excludes other processes using the same storage
 * directory. cit_platform_ps_lock returns 0 when held, -1 if it cannot be
 * taken (then nothing is held).
 */
int cit_platform_ps_lock(void);
void cit_platform_ps_unlock(void);

#endif /* CIT_PLATFORM_H */
