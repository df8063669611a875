/*
 * ps_lock.c - the Protected Storage lock on Linux: a process-wide mutex
 * plus an exclusive flock(2) on the file "ps.lock" of the storage
 * directory, so that psa_ps_* calls are serialized across the threads of a
 * process and across the processes sharing the directory (each call is
 * several store operations that must not interleave with another's).
 *
 * Fork: the mutex is taken across fork() before the key-store and storage
 * locks (its handlers are registered after theirs, and prepare handlers run
 * in reverse order), so a child never inherits it held. The child opens its
 * own lock file descriptor: a flock belongs to the open file description,
 * which a child shares with its parent.
 */
#define _DEFAULT_SOURCE 1
#include "platform/platform.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sys/file.h>
#include <unistd.h>

#include "storage_dir.h"

#define PS_LOCK_NAME "ps.lock"

static pthread_mutex_t ps_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t ps_once = PTHREAD_ONCE_INIT;
static int ps_fd = -1;       /* the lock file; guarded by ps_mutex */
static uint32_t ps_fd_gen;   /* cit_platform_fork_generation() when ps_fd was opened */

static void ps_fork_prepare(void)
{
    (void)pthread_mutex_lock(&ps_mutex);
}

static void ps_fork_release(void)
{
    (void)pthread_mutex_unlock(&ps_mutex);
}

static void ps_register(void)
{
    /* The key-store and storage handlers first: ours then run first in prepare. */
    cit_platform_lock_init();
    (void)pthread_atfork(ps_fork_prepare, ps_fork_release, ps_fork_release);
}

/* ps_open_lock_file makes ps_fd this process's descriptor of the lock file (mutex held). */
static int ps_open_lock_file(void)
{
    uint32_t gen = cit_platform_fork_generation();
    int dir_fd;

    if (ps_fd >= 0 && ps_fd_gen == gen) {
        return 0;
    }
    if (ps_fd >= 0) {
        /* Inherited across fork(): the parent keeps its own descriptor. */
        (void)close(ps_fd);
        ps_fd = -1;
    }
    dir_fd = cit_linux_storage_dir_open();
    if (dir_fd < 0) {
        return -1;
    }
    ps_fd = openat(dir_fd, PS_LOCK_NAME, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    (void)close(dir_fd);
    if (ps_fd < 0) {
        return -1;
    }
    ps_fd_gen = gen;
    return 0;
}

/* see platform.h */
int cit_platform_ps_lock(void)
{
    (void)pthread_once(&ps_once, ps_register);
    (void)pthread_mutex_lock(&ps_mutex);
    if (ps_open_lock_file() != 0) {
        (void)pthread_mutex_unlock(&ps_mutex);
        return -1;
    }
    while (flock(ps_fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            (void)pthread_mutex_unlock(&ps_mutex);
            return -1;
        }
    }
    return 0;
}

/* see platform.h */
void cit_platform_ps_unlock(void)
{
    if (ps_fd >= 0) {
        (void)flock(ps_fd, LOCK_UN);
    }
    (void)pthread_mutex_unlock(&ps_mutex);
}
