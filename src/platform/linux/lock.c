/*
 * lock.c - the key-store lock on Linux: one process-wide pthread mutex.
 */
#include "platform/platform.h"

#include <pthread.h>

static pthread_mutex_t cit_store_mutex = PTHREAD_MUTEX_INITIALIZER;

/* see platform.h */
void cit_platform_lock_init(void)
{
    /* Statically initialised; nothing to do. */
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
