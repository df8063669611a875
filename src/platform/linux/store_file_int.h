/*
 * store_file_int.h - internals shared by the file backend's files:
 *   store_file.c     the backend operations, the directory lock and change
 *                    counter, recovery and accounting at open, the default
 *   store_file_io.c  one object file: its name, its header and checks,
 *                    atomic replacement (temporary file, fsync, rename),
 *                    streaming verification
 * The layout is described in docs/storage.md ("The file backend").
 */
#ifndef CIT_STORE_FILE_INT_H
#define CIT_STORE_FILE_INT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "store_file.h"

/* Header fields the operations read (little-endian uint32_t). */
#define CIT_SF_HDR_FLAGS 24u
#define CIT_SF_HDR_SIZE 28u

/* What a directory entry is (cit_sf_name_kind). */
enum { CIT_SF_NAME_OTHER, CIT_SF_NAME_OBJECT, CIT_SF_NAME_TEMP };

/* cit_sf_object_name writes the file name of key (".tmp" if temp, else ".obj"). */
void cit_sf_object_name(char name[CIT_STORE_FILE_NAME_LEN + 1], const cit_store_key_t *key,
                        int temp);

/* cit_sf_name_kind classifies a directory entry; anything not named by the backend is OTHER. */
int cit_sf_name_kind(const char *name);

/*
 * cit_sf_open_object opens the object file of key in dir_fd and reads and
 * checks its header: DOES_NOT_EXIST, DATA_CORRUPT (not a regular file, short
 * or bad header, header of another object) or STORAGE_FAILURE. On success
 * *fd is open at the payload and *file_size is the file's size.
 */
psa_status_t cit_sf_open_object(int dir_fd, const cit_store_key_t *key, int *fd,
                                uint8_t h[CIT_STORE_FILE_HEADER_SIZE], off_t *file_size);

/*
 * cit_sf_existing_file looks at the file `name` in dir_fd as it stands:
 * *charge, the bytes it is charged (its payload size from a valid header,
 * else what its length implies, plus CIT_STORE_OBJECT_CHARGE), and *flags,
 * its flags if its header is valid and names key (else 0; key may be NULL).
 * DOES_NOT_EXIST if there is none.
 */
psa_status_t cit_sf_existing_file(int dir_fd, const char *name, const cit_store_key_t *key,
                                  size_t *charge, uint32_t *flags);

/*
 * cit_sf_read_verified streams the payload and the object check of the
 * object open at fd (header h, as cit_sf_open_object read it) through
 * SHA-256, copying [offset, offset + len) of the payload to out on the way:
 * SUCCESS, DATA_CORRUPT (short, longer, or the check fails) or
 * STORAGE_FAILURE. The caller wipes out on failure.
 */
psa_status_t cit_sf_read_verified(int fd, const uint8_t h[CIT_STORE_FILE_HEADER_SIZE],
                                  size_t offset, uint8_t *out, size_t len);

/*
 * cit_sf_write_atomic writes the whole object file of key to its temporary
 * file in dir_fd, fsyncs it and renames it over the object's name; the
 * caller then fsyncs the directory. On failure the temporary file is
 * removed and the old file is untouched: INSUFFICIENT_STORAGE (disk full,
 * quota) or STORAGE_FAILURE.
 */
psa_status_t cit_sf_write_atomic(int dir_fd, const cit_store_key_t *key, uint32_t flags,
                                 const uint8_t *data, size_t len);

#endif /* CIT_STORE_FILE_INT_H */
