/*
 * entropy.c - Linux entropy source: getrandom(2), blocking until the
 * kernel's pool is initialised.
 */
#define _GNU_SOURCE 1
#include "platform/platform.h"

#include <errno.h>
#include <sys/random.h>

/* see platform.h */
int cit_platform_entropy(uint8_t *out, size_t len)
{
    size_t done = 0;

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
