/*
 * policy.c - the key usage policy rules of the Crypto API (spec 9.8):
 * implied usage flags, permitted-algorithm matching with wildcards, MAC and
 * AEAD algorithm validation against key types, and psa_check_key_usage.
 */
#include "core.h"
#include "dispatch.h"

/* MAC encoding fields (spec B.1.4): LEN in bits 21:16, wildcard flag W at bit 15. */
#define MAC_LEN(alg) (((alg) >> 16) & 0x3fu)
#define MAC_WILDCARD_FLAG ((psa_algorithm_t)0x00008000u)
/* AEAD encoding fields (spec B.1.6): tag length in bits 21:16, wildcard flag W at bit 15. */
#define AEAD_TAG_LEN(alg) (((alg) >> 16) & 0x3fu)
#define AEAD_WILDCARD_FLAG ((psa_algorithm_t)0x00008000u)

/* Usage flags that are neither key-management nor defined: rejected. */
#define KEY_MANAGEMENT_USAGES \
    (PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_COPY | PSA_KEY_USAGE_CACHE)

/* see core.h */
psa_key_usage_t cit_usage_with_implied(psa_key_usage_t usage)
{
    if (usage & PSA_KEY_USAGE_SIGN_HASH) {
        usage |= PSA_KEY_USAGE_SIGN_MESSAGE;
    }
    if (usage & PSA_KEY_USAGE_VERIFY_HASH) {
        usage |= PSA_KEY_USAGE_VERIFY_MESSAGE;
    }
    return usage;
}

/* see core.h */
int cit_alg_is_wildcard(psa_algorithm_t alg)
{
    if (PSA_ALG_IS_MAC(alg)) {
        return (alg & MAC_WILDCARD_FLAG) != 0;
    }
    return PSA_ALG_IS_WILDCARD(alg) ? 1 : 0;
}

/*
 * Does the spec define an HMAC block size for this hash (spec 10.4.1,
 * Table 14)? HMAC over other hashes (SHA-256/192, the SHAKE-based hashes,
 * Ascon-Hash256, BLAKE2sp/bp) is unspecified and the spec recommends not
 * supporting it: a future version may define a different block size.
 */
static int hmac_block_defined(psa_algorithm_t hash)
{
    switch (hash) {
    case PSA_ALG_AES_MMO_ZIGBEE:
    case PSA_ALG_MD2:
    case PSA_ALG_MD4:
    case PSA_ALG_MD5:
    case PSA_ALG_RIPEMD160:
    case PSA_ALG_SHA_1:
    case PSA_ALG_SHA_224:
    case PSA_ALG_SHA_256:
    case PSA_ALG_SHA_384:
    case PSA_ALG_SHA_512:
    case PSA_ALG_SHA_512_224:
    case PSA_ALG_SHA_512_256:
    case PSA_ALG_SHA3_224:
    case PSA_ALG_SHA3_256:
    case PSA_ALG_SHA3_384:
    case PSA_ALG_SHA3_512:
    case PSA_ALG_SM3:
    case PSA_ALG_BLAKE2S_HASH256:
    case PSA_ALG_BLAKE2B_HASH512:
        return 1;
    default:
        return 0;
    }
}

/* see core.h */
psa_status_t cit_mac_alg_check(psa_key_type_t type, size_t bits, psa_algorithm_t alg,
                               size_t *mac_length)
{
    psa_algorithm_t base = PSA_ALG_FULL_LENGTH_MAC(alg);
    size_t full, len;

    if (!PSA_ALG_IS_MAC(alg) || (alg & MAC_WILDCARD_FLAG) != 0) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    if (PSA_ALG_IS_HMAC(base)) {
        psa_algorithm_t hash = PSA_ALG_GET_HASH(base);

        if (!PSA_ALG_IS_HASH(hash) || hash == PSA_ALG_ANY_HASH) {
            return PSA_ERROR_INVALID_ARGUMENT;
        }
        if (type != PSA_KEY_TYPE_HMAC) {
            return PSA_ERROR_INVALID_ARGUMENT;
        }
        full = PSA_HASH_LENGTH(hash);
        if (full == 0 || !hmac_block_defined(hash)) {
            return PSA_ERROR_NOT_SUPPORTED;
        }
    } else if (base == PSA_ALG_CMAC || base == PSA_ALG_CBC_MAC) {
        /* Only a block-cipher key (symmetric category, block size > 1) fits. */
        if (!CIT_PSA_KEY_TYPE_IS_BLOCK_CIPHER(type)) {
            return PSA_ERROR_INVALID_ARGUMENT;
        }
        if (type != PSA_KEY_TYPE_AES) {
            return PSA_ERROR_NOT_SUPPORTED;
        }
        full = PSA_BLOCK_CIPHER_BLOCK_LENGTH(type);
    } else {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    (void)bits;
    len = MAC_LEN(alg);
    if (len == 0) {
        len = full;
    } else if (len > full) {
        return PSA_ERROR_INVALID_ARGUMENT;
    } else if (len < CIT_MAC_MIN_TRUNCATED_LENGTH) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    *mac_length = len;
    return PSA_SUCCESS;
}

/*
 * aead_valid checks that the specific AEAD algorithm alg is defined for key
 * type `type` with its tag length (spec 10.6.1), whether or not it is built:
 * INVALID_ARGUMENT if not, NOT_SUPPORTED for an AEAD algorithm the spec
 * does not define.
 */
static psa_status_t aead_valid(psa_key_type_t type, psa_algorithm_t alg)
{
    size_t len = AEAD_TAG_LEN(alg);
    int key_fits, tag_fits;

    if (!PSA_ALG_IS_AEAD(alg) || (alg & AEAD_WILDCARD_FLAG) != 0) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    switch (PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg)) {
    case PSA_ALG_CCM:
        key_fits = CIT_PSA_KEY_TYPE_IS_BLOCK_CIPHER(type) &&
                   PSA_BLOCK_CIPHER_BLOCK_LENGTH(type) == 16u;
        tag_fits = len >= 4 && len <= 16 && len % 2 == 0;
        break;
    case PSA_ALG_GCM:
        key_fits = CIT_PSA_KEY_TYPE_IS_BLOCK_CIPHER(type) &&
                   PSA_BLOCK_CIPHER_BLOCK_LENGTH(type) == 16u;
        tag_fits = len == 4 || len == 8 || (len >= 12 && len <= 16);
        break;
    case PSA_ALG_CHACHA20_POLY1305:
        key_fits = type == PSA_KEY_TYPE_CHACHA20;
        tag_fits = len >= 1 && len <= 16;
        break;
    case PSA_ALG_XCHACHA20_POLY1305:
        key_fits = type == PSA_KEY_TYPE_XCHACHA20;
        tag_fits = len >= 1 && len <= 16;
        break;
    case PSA_ALG_ASCON_AEAD128:
        key_fits = type == PSA_KEY_TYPE_ASCON;
        tag_fits = len >= 4 && len <= 16;
        break;
    default:
        return PSA_ERROR_NOT_SUPPORTED;
    }
    return key_fits && tag_fits ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
}

/* see core.h */
psa_status_t cit_aead_alg_check(psa_key_type_t type, size_t bits, psa_algorithm_t alg,
                                size_t *tag_length)
{
    psa_status_t status = aead_valid(type, alg);

    (void)bits;
    if (status != PSA_SUCCESS) {
        return status;
    }
    /* This release runs GCM with AES keys only. */
    if (type != PSA_KEY_TYPE_AES || !cit_dispatch_aead_supported(alg)) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    *tag_length = AEAD_TAG_LEN(alg);
    return PSA_SUCCESS;
}

/*
 * Does the key's permitted algorithm `policy` permit the specific
 * algorithm `alg` on a key of the given type and size?
 */
static int alg_permits(psa_algorithm_t policy, psa_algorithm_t alg, psa_key_type_t type,
                       size_t bits)
{
    if (policy == PSA_ALG_NONE || alg == PSA_ALG_NONE) {
        return 0;
    }
    if (policy == alg) {
        return 1;
    }
    /* Hash-and-sign with PSA_ALG_ANY_HASH. */
    if (PSA_ALG_IS_SIGN_HASH(policy) && PSA_ALG_GET_HASH(policy) == PSA_ALG_ANY_HASH) {
        if (policy == PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_ANY_HASH) &&
            alg == PSA_ALG_RSA_PKCS1V15_SIGN_RAW) {
            return 1;
        }
        return PSA_ALG_IS_SIGN_HASH(alg) && PSA_ALG_IS_HASH(PSA_ALG_GET_HASH(alg)) &&
               PSA_ALG_GET_HASH(alg) != PSA_ALG_ANY_HASH &&
               (alg & ~(psa_algorithm_t)0xff) == (policy & ~(psa_algorithm_t)0xff);
    }
    /* A standalone key agreement permits any KDF on top of it. */
    if (PSA_ALG_IS_RAW_KEY_AGREEMENT(policy) && PSA_ALG_IS_KEY_AGREEMENT(alg)) {
        return PSA_ALG_KEY_AGREEMENT_GET_BASE(alg) == policy;
    }
    /* MACs: same base; a wildcard sets a minimum length, otherwise lengths must match. */
    if (PSA_ALG_IS_MAC(policy) && PSA_ALG_IS_MAC(alg)) {
        psa_algorithm_t pbase = PSA_ALG_FULL_LENGTH_MAC(policy & ~MAC_WILDCARD_FLAG);
        size_t want_len, have_len;

        if (pbase != PSA_ALG_FULL_LENGTH_MAC(alg) ||
            cit_mac_alg_check(type, bits, alg, &have_len) != PSA_SUCCESS) {
            return 0;
        }
        if (policy & MAC_WILDCARD_FLAG) {
            return have_len >= MAC_LEN(policy);
        }
        if (cit_mac_alg_check(type, bits, policy, &want_len) != PSA_SUCCESS) {
            return 0;
        }
        return have_len == want_len;
    }
    /*
     * AEAD minimum-tag-length wildcard: same base, a tag at least that long
     * (whether the tag length and key type fit the algorithm is checked by
     * cit_aead_alg_check when the key is used).
     */
    if (PSA_ALG_IS_AEAD(policy) && (policy & AEAD_WILDCARD_FLAG) != 0 && PSA_ALG_IS_AEAD(alg) &&
        (alg & AEAD_WILDCARD_FLAG) == 0) {
        return CIT_PSA_AEAD_BASE(policy) == CIT_PSA_AEAD_BASE(alg) &&
               AEAD_TAG_LEN(alg) >= AEAD_TAG_LEN(policy);
    }
    /* CCM*: the untagged cipher and CCM with 4-, 8- or 16-byte tags. */
    if (policy == PSA_ALG_CCM_STAR_ANY_TAG) {
        return alg == PSA_ALG_CCM_STAR_NO_TAG || alg == PSA_ALG_CCM ||
               alg == PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 4) ||
               alg == PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 8);
    }
    return 0;
}

/* see core.h */
psa_status_t cit_policy_check(const cit_slot_t *slot, psa_key_usage_t usage, psa_algorithm_t alg)
{
    const psa_key_attributes_t *a = &slot->attr;

    if ((a->cit_usage & usage) != usage) {
        return PSA_ERROR_NOT_PERMITTED;
    }
    if (!alg_permits(a->cit_alg, alg, a->cit_type, a->cit_bits)) {
        return PSA_ERROR_NOT_PERMITTED;
    }
    return PSA_SUCCESS;
}

/* Is usage (one crypto usage flag) a role of alg's family? */
static int usage_fits_alg(psa_key_usage_t usage, psa_algorithm_t alg)
{
    switch (usage) {
    case PSA_KEY_USAGE_SIGN_MESSAGE:
    case PSA_KEY_USAGE_VERIFY_MESSAGE:
        return PSA_ALG_IS_MAC(alg) || PSA_ALG_IS_SIGN_MESSAGE(alg);
    case PSA_KEY_USAGE_SIGN_HASH:
    case PSA_KEY_USAGE_VERIFY_HASH:
        return PSA_ALG_IS_SIGN_HASH(alg);
    case PSA_KEY_USAGE_ENCRYPT:
    case PSA_KEY_USAGE_DECRYPT:
        return PSA_ALG_IS_CIPHER(alg) || PSA_ALG_IS_AEAD(alg) ||
               PSA_ALG_IS_ASYMMETRIC_ENCRYPTION(alg) || PSA_ALG_IS_KEY_ENCAPSULATION(alg);
    case PSA_KEY_USAGE_DERIVE:
    case PSA_KEY_USAGE_VERIFY_DERIVATION:
        return PSA_ALG_IS_KEY_DERIVATION(alg) || PSA_ALG_IS_KEY_AGREEMENT(alg);
    case PSA_KEY_USAGE_WRAP:
    case PSA_KEY_USAGE_UNWRAP:
        return PSA_ALG_IS_KEY_WRAP(alg);
    default:
        return 0;
    }
}

psa_status_t psa_check_key_usage(psa_key_id_t key, psa_algorithm_t alg, psa_key_usage_t usage)
{
    cit_slot_t *slot = NULL;
    psa_status_t status;
    size_t mac_len, tag_len;

    if (!cit_core_initialized()) {
        return PSA_ERROR_BAD_STATE;
    }
    status = cit_slot_acquire(key, &slot);
    if (status != PSA_SUCCESS) {
        return status;
    }
    if (usage == 0 || (usage & (usage - 1)) != 0) {
        status = PSA_ERROR_INVALID_ARGUMENT; /* not a single flag */
    } else if (usage & KEY_MANAGEMENT_USAGES) {
        if (alg != PSA_ALG_NONE) {
            status = PSA_ERROR_INVALID_ARGUMENT;
        } else if ((slot->attr.cit_usage & usage) != usage) {
            status = PSA_ERROR_NOT_PERMITTED;
        }
    } else if (alg == PSA_ALG_NONE || cit_alg_is_wildcard(alg) || !usage_fits_alg(usage, alg)) {
        status = PSA_ERROR_INVALID_ARGUMENT;
    } else if (PSA_ALG_IS_MAC(alg)) {
        status = cit_mac_alg_check(slot->attr.cit_type, slot->attr.cit_bits, alg, &mac_len);
        if (status == PSA_SUCCESS) {
            status = cit_policy_check(slot, usage, alg);
        }
        /* Spec 9.8.2: NOT_SUPPORTED when the implementation does not support alg. */
        if (status == PSA_SUCCESS && !cit_dispatch_mac_supported(alg)) {
            status = PSA_ERROR_NOT_SUPPORTED;
        }
    } else if (PSA_ALG_IS_AEAD(alg)) {
        /* Validity, then support (NOT_SUPPORTED, spec 9.8.2), then the policy. */
        status = cit_aead_alg_check(slot->attr.cit_type, slot->attr.cit_bits, alg, &tag_len);
        if (status == PSA_SUCCESS) {
            status = cit_policy_check(slot, usage, alg);
        }
    } else if (PSA_ALG_IS_KEY_DERIVATION(alg)) {
        status = cit_kdf_check_key_usage(slot, usage, alg);
    } else {
        /* Families not built yet in this release. */
        status = PSA_ERROR_NOT_SUPPORTED;
    }
    cit_slot_release(slot);
    return status;
}

/* see core.h */
psa_status_t cit_policy_intersect(psa_algorithm_t a, psa_algorithm_t b, psa_key_type_t type,
                                  size_t bits, psa_algorithm_t *out)
{
    if (a == b) {
        *out = a;
        return PSA_SUCCESS;
    }
    if (a == PSA_ALG_NONE || b == PSA_ALG_NONE) {
        *out = PSA_ALG_NONE;
        return PSA_SUCCESS;
    }
    /* Two MAC minimum-length wildcards of one base: the stricter minimum. */
    if (PSA_ALG_IS_MAC(a) && PSA_ALG_IS_MAC(b) && (a & MAC_WILDCARD_FLAG) &&
        (b & MAC_WILDCARD_FLAG) &&
        PSA_ALG_FULL_LENGTH_MAC(a & ~MAC_WILDCARD_FLAG) ==
            PSA_ALG_FULL_LENGTH_MAC(b & ~MAC_WILDCARD_FLAG)) {
        *out = MAC_LEN(a) >= MAC_LEN(b) ? a : b;
        return PSA_SUCCESS;
    }
    /* Two AEAD minimum-tag-length wildcards of one base: the stricter minimum. */
    if (PSA_ALG_IS_AEAD(a) && PSA_ALG_IS_AEAD(b) && (a & AEAD_WILDCARD_FLAG) &&
        (b & AEAD_WILDCARD_FLAG) && CIT_PSA_AEAD_BASE(a) == CIT_PSA_AEAD_BASE(b)) {
        *out = AEAD_TAG_LEN(a) >= AEAD_TAG_LEN(b) ? a : b;
        return PSA_SUCCESS;
    }
    /* A wildcard that includes the other, specific algorithm. */
    if (!cit_alg_is_wildcard(b) && alg_permits(a, b, type, bits)) {
        *out = b;
        return PSA_SUCCESS;
    }
    if (!cit_alg_is_wildcard(a) && alg_permits(b, a, type, bits)) {
        *out = a;
        return PSA_SUCCESS;
    }
    return PSA_ERROR_INVALID_ARGUMENT;
}
