/*
 * init.c - library initialisation and the current owner.
 */
#include "core.h"
#include "platform/platform.h"

static volatile int core_ready;
static cit_owner_t current_owner = CIT_OWNER_LOCAL;

/* see core.h */
int cit_core_initialized(void)
{
    return core_ready;
}

/* see core.h */
cit_owner_t cit_core_owner(void)
{
    return current_owner;
}

/* see core.h */
void cit_core_set_owner(cit_owner_t owner)
{
    current_owner = owner;
}

psa_status_t psa_crypto_init(void)
{
    psa_status_t status = PSA_SUCCESS;

    cit_platform_lock_init();
    cit_platform_lock();
    if (!core_ready) {
        status = cit_random_init();
        if (status == PSA_SUCCESS) {
            core_ready = 1;
        }
    }
    cit_platform_unlock();
    return status;
}
