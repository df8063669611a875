/*
 * lock.c - the key-store lock and the storage lock on Linux (process-wide
 * pthread mutexes) and fork handling: the locks are taken across fork() (in
 * their lock order: key store, then storage) so that the child never
 * inherits one held by a thread that does not exist there, and the child's
 * fork generation changes so that its RNG reseeds.
 */
#include "platform/platform.h"

#include <pthread.h>

static pthread_mutex_t cit_store_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t cit_storage_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t cit_atfork_once = PTHREAD_ONCE_INIT;
static volatile uint32_t cit_fork_gen;

static void cit_fork_prepare(void)
{
    (void)pthread_mutex_lock(&cit_store_mutex);
    (void)pthread_mutex_lock(&cit_storage_mutex);
}

static void cit_fork_parent(void)
{
    (void)pthread_mutex_unlock(&cit_storage_mutex);
    (void)pthread_mutex_unlock(&cit_store_mutex);
}

static void cit_fork_child(void)
{
    cit_fork_gen++;
    (void)pthread_mutex_unlock(&cit_storage_mutex);
    (void)pthread_mutex_unlock(&cit_store_mutex);
}

static void cit_register_atfork(void)
{
    (void)pthread_atfork(cit_fork_prepare, cit_fork_parent, cit_fork_child);
}

/* see platform.h */
void cit_platform_lock_init(void)
{
    (void)pthread_once(&cit_atfork_once, cit_register_atfork);
}

/* see platform.h */
void cit_platform_lock(void)
{
    (void)pthread_mutex_lock(&cit_store_mutex);
}

/* see platform.h */
void cit_platform_unlock(void)
{
    (void)pthread_mutex_unlock(&cit_store_mutex);
}

/* see platform.h */
void cit_platform_storage_lock(void)
{
    /* The fork handlers protect this lock too, also when psa_crypto_init was not called. */
    (void)pthread_once(&cit_atfork_once, cit_register_atfork);
    (void)pthread_mutex_lock(&cit_storage_mutex);
}

/* see platform.h */
void cit_platform_storage_unlock(void)
{
    (void)pthread_mutex_unlock(&cit_storage_mutex);
}

/* see platform.h */
uint32_t cit_platform_fork_generation(void)
{
    return cit_fork_gen;
}
