/*
 * store_file.h - the host file backend of the object store (store_file.c):
 * one directory, one file per object, atomic replacement by rename, a
 * SHA-256 integrity check per object. The layout and the recovery rules are
 * in docs/storage.md.
 */
#ifndef CIT_STORE_FILE_H
#define CIT_STORE_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "storage/storage.h"

/* The state of one open store directory (caller-allocated; no heap). */
typedef struct {
    int dir_fd;              /* the directory; -1 when closed */
    int lock_fd;             /* its lock file (flock per operation, change counter) */
    uint32_t fork_gen;       /* cit_platform_fork_generation() when the files were opened */
    uint64_t change;         /* the lock file's change counter when used was computed */
    size_t used;             /* bytes charged by the objects (cit_store_backend_ops_t.used) */
    unsigned long recovered; /* temporary files removed by the last open */
} cit_store_file_t;

/*
 * cit_store_file_open opens (creating it with mode 0700 if needed) the store
 * directory dir, removes the temporary files an interrupted write left
 * there, computes the space used, and fills *out with the backend (whose
 * context is state). Several processes (or several states) may have the
 * same directory open: each operation holds a lock on the directory's lock
 * file (flock), and a change counter in it tells the others to recount the
 * space used. Errors: INVALID_ARGUMENT (NULL argument), STORAGE_FAILURE
 * (the directory cannot be created, opened or read).
 */
psa_status_t cit_store_file_open(cit_store_backend_t *out, cit_store_file_t *state,
                                 const char *dir);

/* cit_store_file_close releases the directory; state can be opened again. */
void cit_store_file_close(cit_store_file_t *state);

/* File layout (docs/storage.md), for tests and tools. */
#define CIT_STORE_FILE_HEADER_SIZE 64u
#define CIT_STORE_FILE_DIGEST_SIZE 32u
#define CIT_STORE_FILE_OVERHEAD (CIT_STORE_FILE_HEADER_SIZE + CIT_STORE_FILE_DIGEST_SIZE)
/* Object file name: <space:8 hex>-<owner:8 hex>-<uid:16 hex>.obj (".tmp" while written). */
#define CIT_STORE_FILE_NAME_LEN 38u
/* The lock file in the store directory. */
#define CIT_STORE_FILE_LOCK_NAME "citadel.lock"

#endif /* CIT_STORE_FILE_H */
