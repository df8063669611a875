/*
 * test_persistent.c - persistent keys: creation rules and errors, a key
 * created in one process used by another, purge/reload, destroy, read-only
 * keys, owner separation, eviction from the slot cache, and damaged records
 * (DATA_CORRUPT / DATA_INVALID, never a crash).
 *
 * The program re-executes itself (/proc/self/exe) for the "other process"
 * steps, with the store in a fresh temporary directory (CITADEL_STORAGE_DIR).
 */
#define _POSIX_C_SOURCE 200809L
#include "test.h"

#include <psa/crypto.h>
#include <citadel/citadel_config.h>

#include "crypto/core.h"
#include "storage/storage.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(PSA_WANT_ALG_HMAC) && defined(PSA_WANT_ALG_SHA_256)

#define KEY_ID ((psa_key_id_t)0x42)
#define RO_ID ((psa_key_id_t)0x43)
#define ALG PSA_ALG_HMAC(PSA_ALG_SHA_256)

static const uint8_t key_bytes[32] = {
    0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b,
    0x0b, 0x0b, 0x0b, 0x0b, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c
};
static const uint8_t msg[] = "persistent keys survive restarts";

static char self_path[4096];

static void hmac_attr(psa_key_attributes_t *a, psa_key_id_t id)
{
    *a = psa_key_attributes_init();
    if (id != PSA_KEY_ID_NULL) {
        psa_set_key_id(a, id);
    }
    psa_set_key_type(a, PSA_KEY_TYPE_HMAC);
    psa_set_key_usage_flags(a, PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_EXPORT);
    psa_set_key_algorithm(a, ALG);
}

static psa_status_t mac_with(psa_key_id_t id, uint8_t out[32])
{
    size_t len = 0;

    return psa_mac_compute(id, ALG, msg, sizeof(msg) - 1, out, 32, &len);
}

/* The MAC the persistent key must give, from a volatile copy of its bytes. */
static int expected_mac(uint8_t out[32])
{
    psa_key_attributes_t a;
    psa_key_id_t v = PSA_KEY_ID_NULL;
    int ok;

    hmac_attr(&a, PSA_KEY_ID_NULL);
    if (psa_import_key(&a, key_bytes, sizeof(key_bytes), &v) != PSA_SUCCESS) {
        return 0;
    }
    ok = mac_with(v, out) == PSA_SUCCESS;
    psa_destroy_key(v);
    return ok;
}

/* Runs this program again with one argument; returns its exit status. */
static int run_child(const char *step)
{
    pid_t pid = fork();
    int status = 0;

    if (pid == 0) {
        execl(self_path, self_path, step, (char *)NULL);
        _exit(99);
    }
    if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
        return -1;
    }
    return WEXITSTATUS(status);
}

/* Child steps, each a fresh process: exit 0 on the expected outcome. */
static int child_main(const char *step)
{
    uint8_t mac[32], expect[32];

    if (psa_crypto_init() != PSA_SUCCESS) {
        return 10;
    }
    if (strcmp(step, "create") == 0) {
        psa_key_attributes_t a;
        psa_key_id_t id = PSA_KEY_ID_NULL;

        hmac_attr(&a, KEY_ID);
        if (psa_import_key(&a, key_bytes, sizeof(key_bytes), &id) != PSA_SUCCESS ||
            id != KEY_ID) {
            return 11;
        }
        return 0;
    }
    if (strcmp(step, "use") == 0) {
        if (mac_with(KEY_ID, mac) != PSA_SUCCESS || !expected_mac(expect)) {
            return 12;
        }
        return memcmp(mac, expect, 32) == 0 ? 0 : 13;
    }
    if (strcmp(step, "gone") == 0) {
        return mac_with(KEY_ID, mac) == PSA_ERROR_INVALID_HANDLE ? 0 : 14;
    }
    if (strcmp(step, "readonly") == 0) {
        /* A read-only key survives destroy attempts in any process. */
        if (psa_destroy_key(RO_ID) != PSA_ERROR_NOT_PERMITTED) {
            return 15;
        }
        return mac_with(RO_ID, mac) == PSA_SUCCESS ? 0 : 16;
    }
    return 20;
}

static void test_creation_rules(void)
{
    psa_key_attributes_t a;
    psa_key_id_t id = PSA_KEY_ID_NULL;

    /* Ids outside the application range. */
    hmac_attr(&a, PSA_KEY_ID_VENDOR_MIN);
    CHECK_STATUS(psa_import_key(&a, key_bytes, sizeof(key_bytes), &id),
                 PSA_ERROR_INVALID_ARGUMENT);
    CHECK(id == PSA_KEY_ID_NULL);
    hmac_attr(&a, KEY_ID);
    psa_set_key_lifetime(&a, PSA_KEY_LIFETIME_PERSISTENT);
    a.cit_id = PSA_KEY_ID_NULL;
    CHECK_STATUS(psa_import_key(&a, key_bytes, sizeof(key_bytes), &id),
                 PSA_ERROR_INVALID_ARGUMENT);
    /* A persistence level this build does not offer. */
    hmac_attr(&a, KEY_ID);
    psa_set_key_lifetime(&a, PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
                                 2, PSA_KEY_LOCATION_LOCAL_STORAGE));
    CHECK_STATUS(psa_import_key(&a, key_bytes, sizeof(key_bytes), &id),
                 PSA_ERROR_NOT_SUPPORTED);
    /* Another location (no secure element here). */
    hmac_attr(&a, KEY_ID);
    psa_set_key_lifetime(&a, PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
                                 PSA_KEY_PERSISTENCE_DEFAULT, 1));
    CHECK_STATUS(psa_import_key(&a, key_bytes, sizeof(key_bytes), &id),
                 PSA_ERROR_NOT_SUPPORTED);
}

static void test_across_processes(void)
{
    psa_key_attributes_t a, got;
    psa_key_id_t id = PSA_KEY_ID_NULL;
    uint8_t mac[32], expect[32], exported[64];
    size_t len = 0;

    /* Created in one process, used in another. */
    CHECK(run_child("create") == 0);
    CHECK(run_child("use") == 0);
    /* This process never saw it being created: it loads it on demand. */
    CHECK_STATUS(mac_with(KEY_ID, mac), PSA_SUCCESS);
    CHECK(expected_mac(expect));
    CHECK_MEM(mac, expect, 32);
    CHECK_STATUS(psa_get_key_attributes(KEY_ID, &got), PSA_SUCCESS);
    CHECK(psa_get_key_id(&got) == KEY_ID);
    CHECK(psa_get_key_lifetime(&got) == PSA_KEY_LIFETIME_PERSISTENT);
    CHECK(psa_get_key_bits(&got) == 256);
    CHECK_STATUS(psa_export_key(KEY_ID, exported, sizeof(exported), &len), PSA_SUCCESS);
    CHECK(len == sizeof(key_bytes) && memcmp(exported, key_bytes, len) == 0);
    /* Creating it again, in this process or from storage, is refused. */
    hmac_attr(&a, KEY_ID);
    CHECK_STATUS(psa_import_key(&a, key_bytes, sizeof(key_bytes), &id),
                 PSA_ERROR_ALREADY_EXISTS);
    CHECK(id == PSA_KEY_ID_NULL);
    CHECK_STATUS(psa_purge_key(KEY_ID), PSA_SUCCESS);
    CHECK_STATUS(psa_import_key(&a, key_bytes, sizeof(key_bytes), &id),
                 PSA_ERROR_ALREADY_EXISTS);
    /* Purge drops the RAM copy only. */
    CHECK_STATUS(psa_purge_key(KEY_ID), PSA_SUCCESS);
    CHECK_STATUS(mac_with(KEY_ID, mac), PSA_SUCCESS);
    CHECK_MEM(mac, expect, 32);
    CHECK_STATUS(psa_purge_key(0x777), PSA_ERROR_INVALID_HANDLE);
    /* Another owner cannot name it. */
    cit_core_set_owner(7);
    CHECK_STATUS(mac_with(KEY_ID, mac), PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_destroy_key(KEY_ID), PSA_ERROR_INVALID_HANDLE);
    cit_core_set_owner(CIT_OWNER_LOCAL);
    /* Destroy removes it from storage for every process. */
    CHECK_STATUS(psa_destroy_key(KEY_ID), PSA_SUCCESS);
    CHECK_STATUS(mac_with(KEY_ID, mac), PSA_ERROR_INVALID_HANDLE);
    CHECK(run_child("gone") == 0);
}

static void test_read_only(void)
{
    psa_key_attributes_t a;
    psa_key_id_t id = PSA_KEY_ID_NULL;
    uint8_t mac[32];

    hmac_attr(&a, RO_ID);
    psa_set_key_lifetime(&a, PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
                                 PSA_KEY_PERSISTENCE_READ_ONLY, PSA_KEY_LOCATION_LOCAL_STORAGE));
    CHECK_STATUS(psa_import_key(&a, key_bytes, sizeof(key_bytes), &id), PSA_SUCCESS);
    CHECK(id == RO_ID);
    CHECK_STATUS(psa_destroy_key(RO_ID), PSA_ERROR_NOT_PERMITTED);
    CHECK_STATUS(mac_with(RO_ID, mac), PSA_SUCCESS);
    CHECK(run_child("readonly") == 0);
}

static void test_generate_and_copy(void)
{
    psa_key_attributes_t a;
    psa_key_id_t vol = PSA_KEY_ID_NULL, id = PSA_KEY_ID_NULL;
    uint8_t m1[32], m2[32];

    /* A generated persistent key, and a persistent copy of a volatile key. */
    hmac_attr(&a, 0x100);
    psa_set_key_bits(&a, 256);
    CHECK_STATUS(psa_generate_key(&a, &id), PSA_SUCCESS);
    CHECK(id == 0x100);
    CHECK_STATUS(psa_purge_key(id), PSA_SUCCESS);
    CHECK_STATUS(mac_with(id, m1), PSA_SUCCESS);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);

    hmac_attr(&a, PSA_KEY_ID_NULL);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_COPY);
    CHECK_STATUS(psa_import_key(&a, key_bytes, sizeof(key_bytes), &vol), PSA_SUCCESS);
    hmac_attr(&a, 0x101);
    CHECK_STATUS(psa_copy_key(vol, &a, &id), PSA_SUCCESS);
    CHECK(id == 0x101);
    CHECK_STATUS(psa_purge_key(id), PSA_SUCCESS);
    CHECK_STATUS(mac_with(id, m1), PSA_SUCCESS);
    CHECK_STATUS(mac_with(vol, m2), PSA_SUCCESS);
    CHECK_MEM(m1, m2, 32);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
    CHECK_STATUS(psa_destroy_key(vol), PSA_SUCCESS);
}

#if defined(PSA_WANT_ALG_HKDF)
/* Derived persistent keys: a taken id is refused, a free one is stored. */
static void test_derive_into_taken_id(void)
{
    psa_key_derivation_operation_t op = PSA_KEY_DERIVATION_OPERATION_INIT;
    psa_key_attributes_t a;
    psa_key_id_t id = PSA_KEY_ID_NULL, taken = PSA_KEY_ID_NULL, secret = PSA_KEY_ID_NULL;

    hmac_attr(&a, 0x300);
    CHECK_STATUS(psa_import_key(&a, key_bytes, sizeof(key_bytes), &taken), PSA_SUCCESS);
    a = psa_key_attributes_init();
    psa_set_key_type(&a, PSA_KEY_TYPE_DERIVE);
    psa_set_key_usage_flags(&a, PSA_KEY_USAGE_DERIVE);
    psa_set_key_algorithm(&a, PSA_ALG_HKDF(PSA_ALG_SHA_256));
    CHECK_STATUS(psa_import_key(&a, key_bytes, sizeof(key_bytes), &secret), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_setup(&op, PSA_ALG_HKDF(PSA_ALG_SHA_256)), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_input_key(&op, PSA_KEY_DERIVATION_INPUT_SECRET, secret),
                 PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_INFO,
                                                (const uint8_t *)"i", 1),
                 PSA_SUCCESS);
    hmac_attr(&a, 0x300);
    psa_set_key_bits(&a, 256);
    CHECK_STATUS(psa_key_derivation_output_key(&a, &op, &id), PSA_ERROR_ALREADY_EXISTS);
    CHECK(id == PSA_KEY_ID_NULL);
    psa_key_derivation_abort(&op);
    /* Deriving into a free persistent id works and stores the key. */
    CHECK_STATUS(psa_key_derivation_setup(&op, PSA_ALG_HKDF(PSA_ALG_SHA_256)), PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_input_key(&op, PSA_KEY_DERIVATION_INPUT_SECRET, secret),
                 PSA_SUCCESS);
    CHECK_STATUS(psa_key_derivation_input_bytes(&op, PSA_KEY_DERIVATION_INPUT_INFO,
                                                (const uint8_t *)"i", 1),
                 PSA_SUCCESS);
    hmac_attr(&a, 0x301);
    psa_set_key_bits(&a, 256);
    CHECK_STATUS(psa_key_derivation_output_key(&a, &op, &id), PSA_SUCCESS);
    CHECK(id == 0x301);
    psa_key_derivation_abort(&op);
    CHECK_STATUS(psa_purge_key(0x301), PSA_SUCCESS);
    CHECK_STATUS(psa_get_key_attributes(0x301, &a), PSA_SUCCESS);
    CHECK(psa_get_key_bits(&a) == 256);
    CHECK_STATUS(psa_destroy_key(0x301), PSA_SUCCESS);
    CHECK_STATUS(psa_destroy_key(taken), PSA_SUCCESS);
    CHECK_STATUS(psa_destroy_key(secret), PSA_SUCCESS);
}
#endif

/* More persistent keys than slots: the cache evicts idle keys and reloads them. */
static void test_eviction(void)
{
    enum { N = CIT_KEY_SLOT_COUNT + 8 };
    psa_key_attributes_t a;
    psa_key_id_t id;
    uint8_t mac[32], expect[32];
    int i, ok = 1;

    CHECK(expected_mac(expect));
    for (i = 0; i < N; i++) {
        hmac_attr(&a, (psa_key_id_t)(0x1000 + i));
        ok &= psa_import_key(&a, key_bytes, sizeof(key_bytes), &id) == PSA_SUCCESS;
    }
    CHECK(ok);
    for (i = N - 1; i >= 0; i--) {
        ok &= mac_with((psa_key_id_t)(0x1000 + i), mac) == PSA_SUCCESS &&
              memcmp(mac, expect, 32) == 0;
    }
    CHECK(ok);
    for (i = 0; i < N; i++) {
        ok &= psa_destroy_key((psa_key_id_t)(0x1000 + i)) == PSA_SUCCESS;
    }
    CHECK(ok);
}

/*
 * A key record whose file header (the store's metadata) is damaged: the key
 * is DATA_CORRUPT, and destroy still erases the record (it holds the key in
 * the clear), so the id can be used again.
 */
static void test_damaged_metadata(const char *dir)
{
    psa_key_attributes_t a;
    psa_key_id_t id = PSA_KEY_ID_NULL;
    uint8_t mac[32];
    char path[8192];
    FILE *f;
    int c;

    hmac_attr(&a, 0x201);
    CHECK_STATUS(psa_import_key(&a, key_bytes, sizeof(key_bytes), &id), PSA_SUCCESS);
    CHECK_STATUS(psa_purge_key(id), PSA_SUCCESS);
    snprintf(path, sizeof(path), "%s/%08x-%08x-%016x.obj", dir, (unsigned)CIT_SPACE_KEYS,
             (unsigned)CIT_OWNER_LOCAL, 0x201u);
    f = fopen(path, "r+b");
    CHECK(f != NULL);
    if (f != NULL) {
        /* A byte of the stored uid: the header check fails. */
        fseek(f, 16, SEEK_SET);
        c = fgetc(f);
        fseek(f, 16, SEEK_SET);
        fputc(c ^ 0x5a, f);
        fclose(f);
    }
    CHECK_STATUS(mac_with(0x201, mac), PSA_ERROR_DATA_CORRUPT);
    CHECK_STATUS(psa_destroy_key(0x201), PSA_SUCCESS);
    CHECK(access(path, F_OK) != 0);
    CHECK_STATUS(mac_with(0x201, mac), PSA_ERROR_INVALID_HANDLE);
    CHECK_STATUS(psa_import_key(&a, key_bytes, sizeof(key_bytes), &id), PSA_SUCCESS);
    CHECK_STATUS(psa_destroy_key(id), PSA_SUCCESS);
}

/* Damaged records give DATA_CORRUPT / DATA_INVALID, never a crash or a wrong key. */
static void test_damaged_records(const char *dir)
{
    psa_key_attributes_t a;
    psa_key_id_t id = PSA_KEY_ID_NULL;
    cit_store_key_t k = { CIT_SPACE_KEYS, CIT_OWNER_LOCAL, 0x200 };
    uint8_t mac[32], bad[40];
    psa_status_t s;
    DIR *d;
    struct dirent *e;
    int damaged = 0;

    hmac_attr(&a, 0x200);
    CHECK_STATUS(psa_import_key(&a, key_bytes, sizeof(key_bytes), &id), PSA_SUCCESS);
    CHECK_STATUS(psa_purge_key(id), PSA_SUCCESS);
    /* Flip one byte in every object file of the store: the key record is among them. */
    d = opendir(dir);
    CHECK(d != NULL);
    while (d != NULL && (e = readdir(d)) != NULL) {
        char path[8192];
        FILE *f;
        long size;

        if (e->d_name[0] == '.') {
            continue;
        }
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        f = fopen(path, "r+b");
        if (f == NULL) {
            continue;
        }
        fseek(f, 0, SEEK_END);
        size = ftell(f);
        if (size > 40) {
            int c;

            fseek(f, size - 40, SEEK_SET);
            c = fgetc(f);
            fseek(f, size - 40, SEEK_SET);
            fputc(c ^ 0x5a, f);
            damaged++;
        }
        fclose(f);
    }
    if (d != NULL) {
        closedir(d);
    }
    CHECK(damaged > 0);
    CHECK_STATUS(mac_with(0x200, mac), PSA_ERROR_DATA_CORRUPT);
    /* Destroy still erases a damaged key (best effort, spec psa_destroy_key). */
    CHECK_STATUS(psa_destroy_key(0x200), PSA_SUCCESS);
    CHECK_STATUS(mac_with(0x200, mac), PSA_ERROR_INVALID_HANDLE);
    /* An intact object that is not a key record: DATA_INVALID. */
    memset(bad, 0x41, sizeof(bad));
    CHECK_STATUS(cit_store_write(&k, 0, bad, sizeof(bad)), PSA_SUCCESS);
    s = mac_with(0x200, mac);
    CHECK_STATUS(s, PSA_ERROR_DATA_INVALID);
    CHECK_STATUS(cit_store_write(&k, 0, bad, 5), PSA_SUCCESS);
    CHECK_STATUS(mac_with(0x200, mac), PSA_ERROR_DATA_INVALID);
    CHECK_STATUS(psa_destroy_key(0x200), PSA_SUCCESS);
    CHECK_STATUS(mac_with(0x200, mac), PSA_ERROR_INVALID_HANDLE);
    test_damaged_metadata(dir);
}

int main(int argc, char **argv)
{
    char dir[] = "/tmp/citadel-persist-XXXXXX";
    ssize_t n;

    if (argc == 2) {
        return child_main(argv[1]);
    }
    n = readlink("/proc/self/exe", self_path, sizeof(self_path) - 1);
    if (n <= 0 || mkdtemp(dir) == NULL) {
        cit_test_skip("cannot locate /proc/self/exe or create a temporary directory");
    }
    self_path[n] = '\0';
    setenv("CITADEL_STORAGE_DIR", dir, 1);
    CHECK_STATUS(psa_crypto_init(), PSA_SUCCESS);
    test_creation_rules();
    test_across_processes();
    test_read_only();
    test_generate_and_copy();
    test_eviction();
#if defined(PSA_WANT_ALG_HKDF)
    test_derive_into_taken_id();
#endif
    test_damaged_records(dir);
    {
        char cmd[256];

        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
        if (system(cmd) != 0) {
            fprintf(stderr, "note: could not remove %s\n", dir);
        }
    }
    return cit_test_end("persistent_keys");
}

#else
int main(void)
{
    cit_test_skip("persistent-key test needs HMAC and SHA-256 in the configuration");
    return 77;
}
#endif
