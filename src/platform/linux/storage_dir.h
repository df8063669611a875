/*
 * storage_dir.h - the Linux storage directory shared by the platform files
 * that keep state next to the object store (huk.c, ps_lock.c).
 */
#ifndef CIT_LINUX_STORAGE_DIR_H
#define CIT_LINUX_STORAGE_DIR_H

/* The directory used when $CITADEL_STORAGE_DIR is unset or empty. */
#define CIT_LINUX_STORAGE_DIR_DEFAULT "./citadel-storage"

/*
 * cit_linux_storage_dir_open opens the storage directory
 * ($CITADEL_STORAGE_DIR, else CIT_LINUX_STORAGE_DIR_DEFAULT), creating it
 * with mode 0700 if it does not exist. Returns a directory descriptor
 * (O_CLOEXEC) for the caller to close, or -1.
 */
int cit_linux_storage_dir_open(void);

/*
 * cit_linux_fsync_dir makes the directory entries of dir_fd durable
 * (fsync on the directory). Returns 0 or -1.
 */
int cit_linux_fsync_dir(int dir_fd);

#endif /* CIT_LINUX_STORAGE_DIR_H */
