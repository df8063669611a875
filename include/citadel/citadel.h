/*
 * citadel/citadel.h - Citadel extensions beyond the PSA Crypto API.
 */
#ifndef CITADEL_CITADEL_H
#define CITADEL_CITADEL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * citadel_set_accelerators enables (1, the default) or disables (0) every
 * accelerator driver. With accelerators disabled, every operation set up
 * afterwards runs on the portable builtin driver. Tests use this to cover
 * both paths in one run.
 */
void citadel_set_accelerators(int enabled);

/*
 * citadel_config_report writes a short, NUL-terminated description of the
 * build (wanted algorithms, drivers and the CPU features in use) to buf.
 * Returns the length it needed (like snprintf).
 */
size_t citadel_config_report(char *buf, size_t buf_size);

#ifdef __cplusplus
}
#endif

#endif /* CITADEL_CITADEL_H */
