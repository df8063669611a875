/*
 * psa/error.h - PSA Certified Status code API 1.0 (psa_status_t and the
 * PSA_SUCCESS / PSA_ERROR_* codes), plus the two error codes that the Crypto
 * API 1.5 adds (PSA_ERROR_INSUFFICIENT_ENTROPY, PSA_ERROR_INVALID_PADDING).
 *
 * Every definition is spelled exactly as in the specifications, without any
 * white-space inside the value, so that this header can be combined with
 * other PSA headers (an FF-M psa/client.h, for example) that define the same
 * macros: C permits identical macro redefinitions only.
 */
#ifndef PSA_ERROR_H
#define PSA_ERROR_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* psa_status_t: negative values are errors, zero and positive values success. */
#ifndef PSA_SUCCESS
typedef int32_t psa_status_t;
#endif

/* ---- Status code API 1.0: success and common error codes ---- */
#define PSA_SUCCESS ((psa_status_t)0)

#define PSA_ERROR_PROGRAMMER_ERROR ((psa_status_t)-129)
#define PSA_ERROR_CONNECTION_REFUSED ((psa_status_t)-130)
#define PSA_ERROR_CONNECTION_BUSY ((psa_status_t)-131)
#define PSA_ERROR_GENERIC_ERROR ((psa_status_t)-132)
#define PSA_ERROR_NOT_PERMITTED ((psa_status_t)-133)
#define PSA_ERROR_NOT_SUPPORTED ((psa_status_t)-134)
#define PSA_ERROR_INVALID_ARGUMENT ((psa_status_t)-135)
#define PSA_ERROR_INVALID_HANDLE ((psa_status_t)-136)
#define PSA_ERROR_BAD_STATE ((psa_status_t)-137)
#define PSA_ERROR_BUFFER_TOO_SMALL ((psa_status_t)-138)
#define PSA_ERROR_ALREADY_EXISTS ((psa_status_t)-139)
#define PSA_ERROR_DOES_NOT_EXIST ((psa_status_t)-140)
#define PSA_ERROR_INSUFFICIENT_MEMORY ((psa_status_t)-141)
#define PSA_ERROR_INSUFFICIENT_STORAGE ((psa_status_t)-142)
#define PSA_ERROR_INSUFFICIENT_DATA ((psa_status_t)-143)
#define PSA_ERROR_SERVICE_FAILURE ((psa_status_t)-144)
#define PSA_ERROR_COMMUNICATION_FAILURE ((psa_status_t)-145)
#define PSA_ERROR_STORAGE_FAILURE ((psa_status_t)-146)
#define PSA_ERROR_HARDWARE_FAILURE ((psa_status_t)-147)
#define PSA_ERROR_INVALID_SIGNATURE ((psa_status_t)-149)
#define PSA_ERROR_CORRUPTION_DETECTED ((psa_status_t)-151)
#define PSA_ERROR_DATA_CORRUPT ((psa_status_t)-152)
#define PSA_ERROR_DATA_INVALID ((psa_status_t)-153)

/* ---- Status code API 1.0: unfinished operation ---- */
#define PSA_OPERATION_INCOMPLETE ((psa_status_t)-248)

/* ---- Crypto API 1.5: error codes specific to cryptography ---- */
#define PSA_ERROR_INSUFFICIENT_ENTROPY ((psa_status_t)-148)
#define PSA_ERROR_INVALID_PADDING ((psa_status_t)-150)

#ifdef __cplusplus
}
#endif

#endif /* PSA_ERROR_H */
