/*
 * entropy.c - Linux entropy source (getrandom) and fork detection.
 */
#define _GNU_SOURCE 1
#include "platform/platform.h"

#include <errno.h>
#include <pthread.h>
#include <sys/random.h>

static volatile uint32_t cit_fork_gen;
static pthread_once_t cit_atfork_once = PTHREAD_ONCE_INIT;

static void cit_on_fork_child(void)
{
    cit_fork_gen++;
}

static void cit_register_atfork(void)
{
    (void)pthread_atfork(NULL, NULL, cit_on_fork_child);
}

/* see platform.h */
int cit_platform_entropy(uint8_t *out, size_t len)
{
    size_t done = 0;

    (void)pthread_once(&cit_atfork_once, cit_register_atfork);
    while (done < len) {
        size_t chunk = len - done;
        ssize_t got;

        if (chunk > 256) {
            chunk = 256;
        }
        got = getrandom(out + done, chunk, 0);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -1;
        }
        done += (size_t)got;
    }
    return 0;
}

/* see platform.h */
uint32_t cit_platform_fork_generation(void)
{
    (void)pthread_once(&cit_atfork_once, cit_register_atfork);
    return cit_fork_gen;
}
