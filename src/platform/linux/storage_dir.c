/*
 * storage_dir.c - the Linux storage directory ($CITADEL_STORAGE_DIR) for
 * the platform state kept beside the object store: the hardware unique key
 * (huk.c) and the Protected Storage lock file (ps_lock.c).
 */
#define _DEFAULT_SOURCE 1
#include "storage_dir.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* see storage_dir.h */
int cit_linux_storage_dir_open(void)
{
    const char *dir = getenv("CITADEL_STORAGE_DIR");

    if (dir == NULL || dir[0] == '\0') {
        dir = CIT_LINUX_STORAGE_DIR_DEFAULT;
    }
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
        return -1;
    }
    return open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

/* see storage_dir.h */
int cit_linux_fsync_dir(int dir_fd)
{
    while (fsync(dir_fd) != 0) {
        if (errno != EINTR) {
            return -1;
        }
    }
    return 0;
}
