/*
 * kdf.c - the key-derivation API (psa_key_derivation_*): which input steps
 * each algorithm takes and in which order, key policies of input keys, the
 * capacity, output as bytes or keys, verification, and the operation state
 * machine (spec 10.8).
 *
 * Algorithms: HKDF, HKDF-Extract and HKDF-Expand over every hash that HMAC is
 * defined for (spec Table 14) and that the build has. Other key-derivation
 * algorithms and key agreement inputs are PSA_ERROR_NOT_SUPPORTED at setup.
 *
 * Inputs are absorbed by the driver as they arrive (key material is only
 * read during psa_key_derivation_input_key), so the operation holds no key
 * slot. The state byte records which steps were given and how:
 */
#include "core.h"
#include "dispatch.h"
#include "ct.h"
#include "util.h"

#define KDF_HAVE_SALT 0x01u    /* PSA_KEY_DERIVATION_INPUT_SALT given */
#define KDF_HAVE_SECRET 0x02u  /* PSA_KEY_DERIVATION_INPUT_SECRET given */
#define KDF_HAVE_INFO 0x04u    /* PSA_KEY_DERIVATION_INPUT_INFO given */
#define KDF_OUTPUT 0x08u       /* output (or verification) has started: no more inputs */
#define KDF_VERIFY_ONLY 0x10u  /* an input key had VERIFY_DERIVATION but not DERIVE */
#define KDF_SECRET_KEY 0x20u   /* the secret was a key with DERIVE (permits output_key) */

/* HKDF-Expand's counter is one octet: at most 255 blocks (RFC 5869 2.3). */
#define HKDF_MAX_BLOCKS 255u

/* Verification reads the stream in chunks of this many bytes. */
#define KDF_VERIFY_CHUNK 64u

/* ---- Algorithms and steps ---- */

/* The state flag of an HKDF input step, or 0 for steps HKDF never takes. */
static uint8_t step_flag(psa_key_derivation_step_t step)
{
    switch (step) {
    case PSA_KEY_DERIVATION_INPUT_SALT:
        return KDF_HAVE_SALT;
    case PSA_KEY_DERIVATION_INPUT_SECRET:
        return KDF_HAVE_SECRET;
    case PSA_KEY_DERIVATION_INPUT_INFO:
        return KDF_HAVE_INFO;
    default:
        return 0;
    }
}

/* The steps alg takes (a set of KDF_HAVE_* flags). */
static uint8_t alg_steps(psa_algorithm_t alg)
{
    if (PSA_ALG_IS_HKDF(alg)) {
        return KDF_HAVE_SALT | KDF_HAVE_SECRET | KDF_HAVE_INFO;
    }
    if (PSA_ALG_IS_HKDF_EXTRACT(alg)) {
        return KDF_HAVE_SALT | KDF_HAVE_SECRET;
    }
    if (PSA_ALG_IS_HKDF_EXPAND(alg)) {
        return KDF_HAVE_SECRET | KDF_HAVE_INFO;
    }
    return 0;
}

/*
 * The steps that must be complete before output: HKDF's salt is optional
 * (spec: "if omitted, the derivation uses an empty salt"); every other input
 * of the three algorithms is required.
 */
static uint8_t alg_required_steps(psa_algorithm_t alg)
{
    return PSA_ALG_IS_HKDF(alg) ? (KDF_HAVE_SECRET | KDF_HAVE_INFO) : alg_steps(alg);
}

/*
 * Validates a key-derivation algorithm: HKDF, HKDF-Extract or HKDF-Expand
 * over a hash that HMAC is defined for and the build supports. On success
 * writes the initial capacity (255 blocks; one block for HKDF-Extract).
 */
static psa_status_t kdf_alg_check(psa_algorithm_t alg, size_t *capacity)
{
    psa_algorithm_t hash = PSA_ALG_GET_HASH(alg);
    size_t hash_length = 0;

    if (alg_steps(alg) == 0) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    if (!PSA_ALG_IS_HASH(hash) || hash == PSA_ALG_ANY_HASH) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    /* Spec 10.8.1: only hashes of Table 14 (those HMAC is defined for). */
    if (cit_mac_alg_check(PSA_KEY_TYPE_HMAC, 0, PSA_ALG_HMAC(hash), &hash_length) !=
            PSA_SUCCESS ||
        !cit_dispatch_kdf_supported(alg)) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    *capacity = PSA_ALG_IS_HKDF_EXTRACT(alg) ? hash_length : HKDF_MAX_BLOCKS * hash_length;
    return PSA_SUCCESS;
}

/*
 * Checks that the operation can take `step` now: INVALID_ARGUMENT if its
 * algorithm has no such step, BAD_STATE if the step was given already or is
 * out of order (salt before secret; HKDF-Extract: salt first; HKDF-Expand:
 * secret first) or output has started.
 */
static psa_status_t step_check(const psa_key_derivation_operation_t *op,
                               psa_key_derivation_step_t step)
{
    uint8_t flag = step_flag(step);
    uint8_t have = op->cit_state;

    if (flag == 0 || (alg_steps(op->cit_alg) & flag) == 0) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    if ((have & (flag | KDF_OUTPUT)) != 0) {
        return PSA_ERROR_BAD_STATE;
    }
    if (flag == KDF_HAVE_SALT && (have & KDF_HAVE_SECRET) != 0) {
        return PSA_ERROR_BAD_STATE;
    }
    if (flag == KDF_HAVE_SECRET && PSA_ALG_IS_HKDF_EXTRACT(op->cit_alg) &&
        (have & KDF_HAVE_SALT) == 0) {
        return PSA_ERROR_BAD_STATE;
    }
    if (flag == KDF_HAVE_INFO && PSA_ALG_IS_HKDF_EXPAND(op->cit_alg) &&
        (have & KDF_HAVE_SECRET) == 0) {
        return PSA_ERROR_BAD_STATE;
    }
    return PSA_SUCCESS;
}

/* HKDF-Expand's secret is a PRK: at least HashLen bytes (RFC 5869 2.3). */
static psa_status_t input_length_check(psa_algorithm_t alg, psa_key_derivation_step_t step,
                                       size_t data_length)
{
    if (PSA_ALG_IS_HKDF_EXPAND(alg) && step == PSA_KEY_DERIVATION_INPUT_SECRET &&
        data_length < PSA_HASH_LENGTH(PSA_ALG_GET_HASH(alg))) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    return PSA_SUCCESS;
}

/*
 * Key types an HKDF step accepts (spec 10.8.1, "Compatible key types"):
 * DERIVE for the secret, RAW_DATA for the salt and the info.
 */
static psa_status_t key_type_check(psa_key_derivation_step_t step, psa_key_type_t type)
{
    if (step == PSA_KEY_DERIVATION_INPUT_SECRET) {
        return type == PSA_KEY_TYPE_DERIVE ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
    }
    return type == PSA_KEY_TYPE_RAW_DATA ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
}

/* ---- State machine ---- */

static int kdf_active(const psa_key_derivation_operation_t *op)
{
    return op->cit_alg != 0 && (op->cit_state & CIT_OP_STATE_ERROR) == 0;
}

/* Active with every required input step complete. */
static int kdf_ready(const psa_key_derivation_operation_t *op)
{
    uint8_t required = alg_required_steps(op->cit_alg);

    return kdf_active(op) && (op->cit_state & required) == required;
}

static psa_status_t kdf_fail(psa_key_derivation_operation_t *op, psa_status_t status)
{
    if (op->cit_alg != 0) {
        op->cit_state |= CIT_OP_STATE_ERROR;
    }
    return status;
}

/*
 * Takes length bytes of the stream into out: INSUFFICIENT_DATA (capacity set
 * to zero, not an error state) if the capacity does not cover it. A request
 * of zero bytes from an exhausted operation is INSUFFICIENT_DATA too (the
 * spec leaves that case to the implementation).
 */
static psa_status_t kdf_read(psa_key_derivation_operation_t *op, uint8_t *out, size_t length)
{
    psa_status_t status;

    if (length > op->cit_capacity || op->cit_capacity == 0) {
        op->cit_capacity = 0;
        return PSA_ERROR_INSUFFICIENT_DATA;
    }
    op->cit_state |= KDF_OUTPUT;
    status = cit_dispatch_kdf_output_bytes(op, out, length);
    if (status != PSA_SUCCESS) {
        return kdf_fail(op, status);
    }
    op->cit_capacity -= length;
    return PSA_SUCCESS;
}

/* Reads length bytes and compares them with expected in constant time. */
static psa_status_t kdf_verify(psa_key_derivation_operation_t *op, const uint8_t *expected,
                               size_t length)
{
    uint8_t chunk[KDF_VERIFY_CHUNK];
    psa_status_t status = PSA_SUCCESS;
    uint32_t diff = 0;
    size_t done = 0;

    if (length > op->cit_capacity || op->cit_capacity == 0) {
        op->cit_capacity = 0;
        return PSA_ERROR_INSUFFICIENT_DATA;
    }
    while (done < length && status == PSA_SUCCESS) {
        size_t n = length - done < sizeof(chunk) ? length - done : sizeof(chunk);

        status = kdf_read(op, chunk, n);
        if (status == PSA_SUCCESS) {
            diff |= cit_ct_memcmp(chunk, expected + done, n);
        }
        done += n;
    }
    cit_zeroize(chunk, sizeof(chunk));
    if (status != PSA_SUCCESS) {
        return kdf_fail(op, status);
    }
    if (cit_ct_declassify_u32(cit_ct_u32_is_zero(diff)) == 0) {
        return kdf_fail(op, PSA_ERROR_INVALID_SIGNATURE);
    }
    return PSA_SUCCESS;
}

/* ---- API ---- */

psa_status_t psa_key_derivation_setup(psa_key_derivation_operation_t *operation,
                                      psa_algorithm_t alg)
{
    psa_status_t status;
    size_t capacity = 0;

    if (operation->cit_alg != 0) {
        return PSA_ERROR_BAD_STATE;
    }
    if (!cit_core_initialized()) {
        return PSA_ERROR_BAD_STATE;
    }
    if (!PSA_ALG_IS_KEY_DERIVATION(alg) &&
        !(PSA_ALG_IS_KEY_AGREEMENT(alg) && !PSA_ALG_IS_STANDALONE_KEY_AGREEMENT(alg))) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    /* Key agreement inputs come with the key agreement API (not yet). */
    status = kdf_alg_check(alg, &capacity);
    if (status == PSA_SUCCESS) {
        status = cit_dispatch_kdf_setup(operation, alg);
        if (status != PSA_SUCCESS) {
            cit_dispatch_kdf_abort(operation);
        }
    }
    if (status != PSA_SUCCESS) {
        cit_zeroize(operation, sizeof(*operation));
        return status;
    }
    operation->cit_alg = alg;
    operation->cit_state = 0;
    operation->cit_capacity = capacity;
    return PSA_SUCCESS;
}

psa_status_t psa_key_derivation_get_capacity(const psa_key_derivation_operation_t *operation,
                                             size_t *capacity)
{
    if (!kdf_active(operation)) {
        return PSA_ERROR_BAD_STATE;
    }
    *capacity = operation->cit_capacity;
    return PSA_SUCCESS;
}

psa_status_t psa_key_derivation_set_capacity(psa_key_derivation_operation_t *operation,
                                             size_t capacity)
{
    if (!kdf_active(operation)) {
        return kdf_fail(operation, PSA_ERROR_BAD_STATE);
    }
    /* A capacity can only go down; the operation stays valid if it cannot. */
    if (capacity > operation->cit_capacity) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    operation->cit_capacity = capacity;
    return PSA_SUCCESS;
}

psa_status_t psa_key_derivation_input_bytes(psa_key_derivation_operation_t *operation,
                                            psa_key_derivation_step_t step, const uint8_t *data,
                                            size_t data_length)
{
    psa_status_t status;

    if (!kdf_active(operation)) {
        return kdf_fail(operation, PSA_ERROR_BAD_STATE);
    }
    status = step_check(operation, step);
    if (status == PSA_SUCCESS) {
        status = input_length_check(operation->cit_alg, step, data_length);
    }
    if (status == PSA_SUCCESS) {
        status = cit_dispatch_kdf_input_bytes(operation, step, data, data_length);
    }
    if (status != PSA_SUCCESS) {
        return kdf_fail(operation, status);
    }
    operation->cit_state |= step_flag(step);
    return PSA_SUCCESS;
}

psa_status_t psa_key_derivation_input_integer(psa_key_derivation_operation_t *operation,
                                              psa_key_derivation_step_t step, uint64_t value)
{
    (void)step, (void)value;
    if (!kdf_active(operation)) {
        return kdf_fail(operation, PSA_ERROR_BAD_STATE);
    }
    /* No step of the HKDF algorithms takes a numeric input. */
    return kdf_fail(operation, PSA_ERROR_INVALID_ARGUMENT);
}

psa_status_t psa_key_derivation_input_key(psa_key_derivation_operation_t *operation,
                                          psa_key_derivation_step_t step, psa_key_id_t key)
{
    cit_slot_t *slot = NULL;
    psa_key_usage_t usage;
    psa_status_t status;

    if (!kdf_active(operation)) {
        return kdf_fail(operation, PSA_ERROR_BAD_STATE);
    }
    status = step_check(operation, step);
    if (status == PSA_SUCCESS) {
        status = cit_slot_acquire(key, &slot);
    }
    if (status != PSA_SUCCESS) {
        return kdf_fail(operation, status);
    }
    /* DERIVE permits every output; VERIFY_DERIVATION alone permits verification only. */
    usage = slot->attr.cit_usage & (PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_VERIFY_DERIVATION);
    if (usage == 0) {
        status = PSA_ERROR_NOT_PERMITTED;
    } else {
        status = cit_policy_check(slot, (usage & PSA_KEY_USAGE_DERIVE) != 0
                                            ? PSA_KEY_USAGE_DERIVE
                                            : PSA_KEY_USAGE_VERIFY_DERIVATION,
                                  operation->cit_alg);
    }
    if (status == PSA_SUCCESS) {
        status = key_type_check(step, slot->attr.cit_type);
    }
    if (status == PSA_SUCCESS) {
        status = input_length_check(operation->cit_alg, step, slot->material_len);
    }
    if (status == PSA_SUCCESS) {
        status = cit_dispatch_kdf_input_bytes(operation, step, slot->material,
                                              slot->material_len);
    }
    cit_slot_release(slot);
    if (status != PSA_SUCCESS) {
        return kdf_fail(operation, status);
    }
    operation->cit_state |= step_flag(step);
    if ((usage & PSA_KEY_USAGE_DERIVE) == 0) {
        operation->cit_state |= KDF_VERIFY_ONLY;
    } else if (step == PSA_KEY_DERIVATION_INPUT_SECRET) {
        operation->cit_state |= KDF_SECRET_KEY;
    }
    return PSA_SUCCESS;
}

psa_status_t psa_key_derivation_output_bytes(psa_key_derivation_operation_t *operation,
                                             uint8_t *output, size_t output_length)
{
    if (!kdf_ready(operation)) {
        return kdf_fail(operation, PSA_ERROR_BAD_STATE);
    }
    if ((operation->cit_state & KDF_VERIFY_ONLY) != 0) {
        return kdf_fail(operation, PSA_ERROR_NOT_PERMITTED);
    }
    return kdf_read(operation, output, output_length);
}

/*
 * Validates the type, size and policy of a key to derive. This release has
 * unstructured key types only: each takes bits / 8 bytes of the stream as
 * its material (spec 9.3, "Key derivation").
 */
static psa_status_t output_key_check(const psa_key_attributes_t *attributes,
                                     psa_algorithm_t kdf_alg)
{
    psa_key_type_t type = psa_get_key_type(attributes);
    psa_algorithm_t policy = psa_get_key_algorithm(attributes);

    if (PSA_KEY_TYPE_IS_PUBLIC_KEY(type)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    if (type == PSA_KEY_TYPE_PASSWORD_HASH && policy != PSA_ALG_NONE && policy != kdf_alg) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    return cit_key_type_check_bits(type, psa_get_key_bits(attributes));
}

psa_status_t psa_key_derivation_output_key_custom(const psa_key_attributes_t *attributes,
                                                  psa_key_derivation_operation_t *operation,
                                                  const psa_custom_key_parameters_t *custom,
                                                  const uint8_t *custom_data,
                                                  size_t custom_data_length, psa_key_id_t *key)
{
    uint8_t material[CIT_MAX_KEY_BYTES];
    psa_status_t status;
    size_t length;

    (void)custom_data;
    if (key == NULL || attributes == NULL || custom == NULL) {
        return kdf_fail(operation, PSA_ERROR_INVALID_ARGUMENT);
    }
    *key = PSA_KEY_ID_NULL;
    if (!kdf_ready(operation)) {
        return kdf_fail(operation, PSA_ERROR_BAD_STATE);
    }
    /* The secret must come from a key, and every input key must permit DERIVE. */
    if ((operation->cit_state & KDF_VERIFY_ONLY) != 0 ||
        (operation->cit_state & KDF_SECRET_KEY) == 0) {
        return kdf_fail(operation, PSA_ERROR_NOT_PERMITTED);
    }
    /* Unstructured key types take no production parameters. */
    if (custom->flags != 0 || custom_data_length != 0) {
        return kdf_fail(operation, PSA_ERROR_INVALID_ARGUMENT);
    }
    status = output_key_check(attributes, operation->cit_alg);
    if (status == PSA_SUCCESS) {
        /* A bad lifetime or a taken id must not cost derivation output. */
        status = cit_key_creation_check(attributes);
    }
    if (status != PSA_SUCCESS) {
        return kdf_fail(operation, status);
    }
    length = psa_get_key_bits(attributes) / 8;
    status = kdf_read(operation, material, length);
    if (status == PSA_SUCCESS) {
        /* Lifetime, id and usage checks and the key store are import's. */
        status = psa_import_key(attributes, material, length, key);
        if (status != PSA_SUCCESS) {
            (void)kdf_fail(operation, status);
        }
    }
    cit_zeroize(material, sizeof(material));
    return status;
}

psa_status_t psa_key_derivation_output_key(const psa_key_attributes_t *attributes,
                                           psa_key_derivation_operation_t *operation,
                                           psa_key_id_t *key)
{
    const psa_custom_key_parameters_t dflt = PSA_CUSTOM_KEY_PARAMETERS_INIT;

    return psa_key_derivation_output_key_custom(attributes, operation, &dflt, NULL, 0, key);
}

psa_status_t psa_key_derivation_verify_bytes(psa_key_derivation_operation_t *operation,
                                             const uint8_t *expected_output, size_t output_length)
{
    if (!kdf_ready(operation)) {
        return kdf_fail(operation, PSA_ERROR_BAD_STATE);
    }
    return kdf_verify(operation, expected_output, output_length);
}

psa_status_t psa_key_derivation_verify_key(psa_key_derivation_operation_t *operation,
                                           psa_key_id_t expected)
{
    cit_slot_t *slot;
    psa_status_t status;

    if (!kdf_ready(operation)) {
        return kdf_fail(operation, PSA_ERROR_BAD_STATE);
    }
    status = cit_slot_acquire(expected, &slot);
    if (status != PSA_SUCCESS) {
        return kdf_fail(operation, status);
    }
    status = cit_policy_check(slot, PSA_KEY_USAGE_VERIFY_DERIVATION, operation->cit_alg);
    if (status == PSA_SUCCESS && slot->attr.cit_type != PSA_KEY_TYPE_PASSWORD_HASH) {
        status = PSA_ERROR_INVALID_ARGUMENT;
    }
    if (status == PSA_SUCCESS) {
        status = kdf_verify(operation, slot->material, slot->material_len);
    } else {
        (void)kdf_fail(operation, status);
    }
    cit_slot_release(slot);
    return status;
}

psa_status_t psa_key_derivation_abort(psa_key_derivation_operation_t *operation)
{
    if (operation->cit_alg != 0) {
        cit_dispatch_kdf_abort(operation);
    }
    cit_zeroize(operation, sizeof(*operation));
    return PSA_SUCCESS;
}

psa_status_t psa_key_derivation_key_agreement(psa_key_derivation_operation_t *operation,
                                              psa_key_derivation_step_t step,
                                              psa_key_id_t private_key, const uint8_t *peer_key,
                                              size_t peer_key_length)
{
    (void)step, (void)private_key, (void)peer_key, (void)peer_key_length;
    if (!kdf_active(operation)) {
        return kdf_fail(operation, PSA_ERROR_BAD_STATE);
    }
    if (!PSA_ALG_IS_KEY_AGREEMENT(operation->cit_alg)) {
        return kdf_fail(operation, PSA_ERROR_INVALID_ARGUMENT);
    }
    /* Unreachable while setup refuses every key-agreement algorithm. */
    return kdf_fail(operation, PSA_ERROR_NOT_SUPPORTED);
}

/* see core.h */
psa_status_t cit_kdf_check_key_usage(const cit_slot_t *slot, psa_key_usage_t usage,
                                     psa_algorithm_t alg)
{
    psa_key_type_t type = slot->attr.cit_type;
    size_t capacity;
    psa_status_t status = kdf_alg_check(alg, &capacity);

    if (status != PSA_SUCCESS) {
        return status;
    }
    /* An input of some step, or (verification) the expected value of verify_key. */
    if (type != PSA_KEY_TYPE_DERIVE && type != PSA_KEY_TYPE_RAW_DATA &&
        !(type == PSA_KEY_TYPE_PASSWORD_HASH && usage == PSA_KEY_USAGE_VERIFY_DERIVATION)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    return cit_policy_check(slot, usage, alg);
}
