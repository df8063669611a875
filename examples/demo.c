/*
 * demo.c - a short tour of the PSA Crypto API on Citadel: initialise,
 * hash, generate and import keys, MAC and verify, XOF, random bytes, what
 * the key policy refuses, and secure storage: ITS, PS and a persistent key
 * that the next run finds again (kept in $CITADEL_STORAGE_DIR, default
 * ./citadel-storage).
 */
#include <psa/crypto.h>
#include <psa/internal_trusted_storage.h>
#include <psa/protected_storage.h>
#include <citadel/citadel.h>

#include <stdio.h>
#include <string.h>

static void hex(const char *label, const uint8_t *p, size_t n)
{
    size_t i;

    printf("  %-26s ", label);
    for (i = 0; i < n; i++) {
        printf("%02x", p[i]);
    }
    printf("\n");
}

static int check(psa_status_t status, const char *what)
{
    if (status != PSA_SUCCESS) {
        printf("  %s failed: %d\n", what, (int)status);
        return 1;
    }
    return 0;
}

static int storage_tour(void)
{
    static const char its_text[] = "kept in Internal Trusted Storage";
    static const char ps_text[] = "sealed with AES-GCM in Protected Storage";
    const psa_key_id_t pid = 0x1001;
    psa_key_attributes_t attr = PSA_KEY_ATTRIBUTES_INIT;
    char buf[64];
    uint8_t mac[32];
    size_t len = 0;
    psa_key_id_t id = PSA_KEY_ID_NULL;
    int failures = 0;

    printf("secure storage:\n");
    failures += check(psa_its_set(1, sizeof(its_text), its_text, PSA_STORAGE_FLAG_NONE),
                      "psa_its_set");
    memset(buf, 0, sizeof(buf));
    failures += check(psa_its_get(1, 0, sizeof(its_text), buf, &len), "psa_its_get");
    printf("  ITS uid 1: \"%s\" (%u bytes)\n", buf, (unsigned)len);
    failures += check(psa_ps_set(1, sizeof(ps_text), ps_text, PSA_STORAGE_FLAG_NONE),
                      "psa_ps_set");
    memset(buf, 0, sizeof(buf));
    failures += check(psa_ps_get(1, 0, sizeof(ps_text), buf, &len), "psa_ps_get");
    printf("  PS uid 1:  \"%s\" (%u bytes)\n", buf, (unsigned)len);

    if (psa_get_key_attributes(pid, &attr) == PSA_SUCCESS) {
        printf("  persistent key 0x%04x found in storage (created by an earlier run)\n",
               (unsigned)pid);
    } else {
        psa_reset_key_attributes(&attr);
        psa_set_key_id(&attr, pid);
        psa_set_key_type(&attr, PSA_KEY_TYPE_HMAC);
        psa_set_key_bits(&attr, 256);
        psa_set_key_usage_flags(&attr, PSA_KEY_USAGE_SIGN_MESSAGE);
        psa_set_key_algorithm(&attr, PSA_ALG_HMAC(PSA_ALG_SHA_256));
        failures += check(psa_generate_key(&attr, &id), "persistent generate");
        printf("  persistent key 0x%04x generated and stored; run the demo again to see it"
               " loaded from storage\n", (unsigned)pid);
    }
    failures += check(psa_mac_compute(pid, PSA_ALG_HMAC(PSA_ALG_SHA_256),
                                      (const uint8_t *)"x", 1, mac, sizeof(mac), &len),
                      "mac with persistent key");
    hex("HMAC with persistent key", mac, len);
    return failures;
}

int main(void)
{
    static const uint8_t msg[] = "The quick brown fox jumps over the lazy dog";
    uint8_t out[64], mac[32];
    char report[256];
    size_t len = 0, mac_len = 0;
    psa_key_attributes_t attr = PSA_KEY_ATTRIBUTES_INIT;
    psa_key_id_t key = PSA_KEY_ID_NULL, aes = PSA_KEY_ID_NULL;
    psa_xof_operation_t xof = PSA_XOF_OPERATION_INIT;
    psa_status_t status;
    int failures = 0;

    printf("Citadel PSA Crypto API %d.%d demo\n", PSA_CRYPTO_API_VERSION_MAJOR,
           PSA_CRYPTO_API_VERSION_MINOR);
    status = psa_generate_random(out, 16);
    printf("psa_generate_random before psa_crypto_init -> %d (PSA_ERROR_BAD_STATE)\n",
           (int)status);
    failures += check(psa_crypto_init(), "psa_crypto_init");
    citadel_config_report(report, sizeof(report));
    printf("build: %s\n", report);

    printf("hashes of \"%s\":\n", (const char *)msg);
    failures += check(psa_hash_compute(PSA_ALG_SHA_256, msg, sizeof(msg) - 1, out, sizeof(out),
                                       &len), "SHA-256");
    hex("SHA-256", out, len);
    failures += check(psa_hash_compute(PSA_ALG_SHA3_256, msg, sizeof(msg) - 1, out, sizeof(out),
                                       &len), "SHA3-256");
    hex("SHA3-256", out, len);

    failures += check(psa_xof_setup(&xof, PSA_ALG_SHAKE128), "xof setup");
    failures += check(psa_xof_update(&xof, msg, sizeof(msg) - 1), "xof update");
    failures += check(psa_xof_output(&xof, out, 20), "xof output");
    psa_xof_abort(&xof);
    hex("SHAKE128 (20 bytes)", out, 20);

    psa_set_key_type(&attr, PSA_KEY_TYPE_HMAC);
    psa_set_key_usage_flags(&attr, PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE);
    psa_set_key_algorithm(&attr, PSA_ALG_HMAC(PSA_ALG_SHA_256));
    failures += check(psa_import_key(&attr, (const uint8_t *)"key", 3, &key), "import");
    printf("imported HMAC key, id 0x%08x\n", (unsigned)key);
    failures += check(psa_mac_compute(key, PSA_ALG_HMAC(PSA_ALG_SHA_256), msg, sizeof(msg) - 1,
                                      mac, sizeof(mac), &mac_len), "mac");
    hex("HMAC-SHA-256(\"key\", msg)", mac, mac_len);
    failures += check(psa_mac_verify(key, PSA_ALG_HMAC(PSA_ALG_SHA_256), msg, sizeof(msg) - 1,
                                     mac, mac_len), "verify");
    printf("  verify: ok\n");
    mac[0] ^= 1;
    printf("  verify of a modified tag -> %d (PSA_ERROR_INVALID_SIGNATURE)\n",
           (int)psa_mac_verify(key, PSA_ALG_HMAC(PSA_ALG_SHA_256), msg, sizeof(msg) - 1, mac,
                               mac_len));
    printf("  export without PSA_KEY_USAGE_EXPORT -> %d (PSA_ERROR_NOT_PERMITTED)\n",
           (int)psa_export_key(key, out, sizeof(out), &len));
    printf("  HMAC-SHA-512 with a key for HMAC-SHA-256 -> %d (PSA_ERROR_NOT_PERMITTED)\n",
           (int)psa_mac_compute(key, PSA_ALG_HMAC(PSA_ALG_SHA_512), msg, 1, out, sizeof(out),
                                &len));

    psa_reset_key_attributes(&attr);
    psa_set_key_type(&attr, PSA_KEY_TYPE_AES);
    psa_set_key_bits(&attr, 256);
    psa_set_key_usage_flags(&attr, PSA_KEY_USAGE_SIGN_MESSAGE);
    psa_set_key_algorithm(&attr, PSA_ALG_CMAC);
    failures += check(psa_generate_key(&attr, &aes), "generate");
    failures += check(psa_mac_compute(aes, PSA_ALG_CMAC, msg, sizeof(msg) - 1, mac, sizeof(mac),
                                      &mac_len), "cmac");
    printf("generated AES-256 key 0x%08x\n", (unsigned)aes);
    hex("AES-CMAC(random key, msg)", mac, mac_len);

    failures += check(psa_destroy_key(key), "destroy");
    failures += check(psa_destroy_key(aes), "destroy");
    printf("destroyed keys; using one again -> %d (PSA_ERROR_INVALID_HANDLE)\n",
           (int)psa_mac_compute(key, PSA_ALG_HMAC(PSA_ALG_SHA_256), msg, 1, out, sizeof(out),
                                &len));
    failures += storage_tour();
    if (failures == 0) {
        printf("demo finished: all steps succeeded\n");
    } else {
        printf("demo: %d steps failed\n", failures);
    }
    return failures == 0 ? 0 : 1;
}
