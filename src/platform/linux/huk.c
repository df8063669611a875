/*
 * huk.c - the hardware unique key on Linux: 32 secret bytes in the file
 * "huk" of the storage directory (mode 0600), made from platform entropy on
 * first use. On a microcontroller this would be an OTP/fuse key.
 *
 * Creation is atomic and never replaces a key that exists: the key is
 * written to a private temporary file, fsync'ed, then hard-linked to "huk"
 * (link fails if "huk" appeared meanwhile, and the winner's key is used),
 * the temporary name is removed and the directory fsync'ed. So every caller,
 * in any thread or process, sees the same key, and a power loss leaves
 * either no key or the whole key. A "huk" file of the wrong size or type is
 * an error, never replaced: a new key would make every sealed object
 * unreadable. The storage directory must be on a file system with hard
 * links (ext4, xfs, btrfs, tmpfs...).
 */
#define _DEFAULT_SOURCE 1
#include "platform/platform.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "storage_dir.h"
#include "util.h"

#define HUK_SIZE 32u
#define HUK_NAME "huk"

/* read_huk: 1 if the key was read, 0 if there is no key file, -1 on error. */
static int read_huk(int dir_fd, uint8_t huk[HUK_SIZE])
{
    struct stat st;
    size_t done = 0;
    int fd;
    int result = -1;

    fd = openat(dir_fd, HUK_NAME, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        return errno == ENOENT ? 0 : -1;
    }
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == (off_t)HUK_SIZE) {
        while (done < HUK_SIZE) {
            ssize_t got = read(fd, huk + done, HUK_SIZE - done);

            if (got < 0 && errno == EINTR) {
                continue;
            }
            if (got <= 0) {
                break;
            }
            done += (size_t)got;
        }
        result = done == HUK_SIZE ? 1 : -1;
    }
    (void)close(fd);
    return result;
}

static int write_all(int fd, const uint8_t *p, size_t len)
{
    while (len > 0) {
        ssize_t put = write(fd, p, len);

        if (put < 0 && errno == EINTR) {
            continue;
        }
        if (put <= 0) {
            return -1;
        }
        p += put;
        len -= (size_t)put;
    }
    return 0;
}

/*
 * create_huk makes a new key: 1 if it is now "huk" (and in huk), 0 if
 * another caller created "huk" first (read that one), -1 on error.
 */
static int create_huk(int dir_fd, uint8_t huk[HUK_SIZE])
{
    char temp[48];
    uint8_t tag[4];
    int fd;
    int ok;
    int result;

    if (cit_platform_entropy(huk, HUK_SIZE) != 0 || cit_platform_entropy(tag, sizeof(tag)) != 0) {
        return -1;
    }
    (void)snprintf(temp, sizeof(temp), "huk.tmp-%ld-%02x%02x%02x%02x", (long)getpid(), tag[0],
                   tag[1], tag[2], tag[3]);
    fd = openat(dir_fd, temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        return -1;
    }
    /* Exactly 0600 whatever the umask. */
    ok = fchmod(fd, 0600) == 0 && write_all(fd, huk, HUK_SIZE) == 0 && fsync(fd) == 0;
    ok = close(fd) == 0 && ok;
    if (!ok) {
        (void)unlinkat(dir_fd, temp, 0);
        return -1;
    }
    if (linkat(dir_fd, temp, dir_fd, HUK_NAME, 0) == 0) {
        result = 1;
    } else {
        result = errno == EEXIST ? 0 : -1;
    }
    (void)unlinkat(dir_fd, temp, 0);
    if (cit_linux_fsync_dir(dir_fd) != 0) {
        result = -1;
    }
    return result;
}

/* see platform.h */
int cit_platform_huk(uint8_t huk[32])
{
    int dir_fd;
    int attempt;
    int result = -1;

    if (huk == NULL) {
        return -1;
    }
    dir_fd = cit_linux_storage_dir_open();
    if (dir_fd >= 0) {
        /* A lost creation race (0) is followed by reading the winner's key. */
        for (attempt = 0; attempt < 2; attempt++) {
            result = read_huk(dir_fd, huk);
            if (result != 0) {
                break;
            }
            result = create_huk(dir_fd, huk);
            if (result != 0) {
                break;
            }
        }
        (void)close(dir_fd);
    }
    if (result != 1) {
        cit_zeroize(huk, HUK_SIZE);
        return -1;
    }
    return 0;
}
