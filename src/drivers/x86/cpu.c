/*
 * cpu.c - run-time detection of the x86-64 extensions the driver uses.
 *
 * CPUID leaf 1 (ECX) and leaf 7 sub-leaf 0 (EBX) give the instruction set
 * extensions; for AVX2 the OS must also have enabled the XMM and YMM state
 * in XCR0 (read with XGETBV, allowed when CPUID.1:ECX.OSXSAVE is set).
 * No environment is read here: tests restrict features with cit_x86_set_mask.
 */
#include "x86.h"

#if defined(CIT_USE_X86)

#include <cpuid.h>

/* CPUID.1:ECX */
#define CIT_CPUID1_ECX_PCLMUL (1u << 1)
#define CIT_CPUID1_ECX_SSSE3 (1u << 9)
#define CIT_CPUID1_ECX_SSE41 (1u << 19)
#define CIT_CPUID1_ECX_AES (1u << 25)
#define CIT_CPUID1_ECX_OSXSAVE (1u << 27)
#define CIT_CPUID1_ECX_AVX (1u << 28)
/* CPUID.(7,0):EBX */
#define CIT_CPUID7_EBX_AVX2 (1u << 5)
#define CIT_CPUID7_EBX_BMI2 (1u << 8)
#define CIT_CPUID7_EBX_SHA (1u << 29)
/* XCR0: SSE (XMM) and AVX (upper YMM) state enabled by the OS. */
#define CIT_XCR0_XMM_YMM 0x6u

/* Marks cit_x86_detected as computed (never a feature bit). */
#define CIT_X86_DETECTED 0x80000000u

/* 0 until the first detection, then CIT_X86_DETECTED | features. */
static uint32_t cit_x86_detected;
static uint32_t cit_x86_mask = 0xffffffffu;

/* cit_x86_xcr0 returns the low half of XCR0; only call if OSXSAVE is set. */
static uint32_t cit_x86_xcr0(void)
{
    uint32_t lo;
    uint32_t hi;

    __asm__ __volatile__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0u));
    (void)hi;
    return lo;
}

/* cit_x86_detect queries the CPU and returns the CIT_X86_* bits it supports. */
static uint32_t cit_x86_detect(void)
{
    unsigned int max_leaf = 0;
    unsigned int eax = 0;
    unsigned int ebx = 0;
    unsigned int ecx1 = 0;
    unsigned int ebx7 = 0;
    unsigned int edx = 0;
    unsigned int ecx = 0;
    uint32_t features = 0;
    uint32_t base;

    if (__get_cpuid(0, &max_leaf, &ebx, &ecx, &edx) == 0 || max_leaf < 1) {
        return 0;
    }
    if (__get_cpuid(1, &eax, &ebx, &ecx1, &edx) == 0) {
        return 0;
    }
    if (max_leaf >= 7 && __get_cpuid_count(7, 0, &eax, &ebx7, &ecx, &edx) == 0) {
        ebx7 = 0;
    }

    /* Every accelerated routine is compiled with SSSE3 and SSE4.1 enabled. */
    base = CIT_CPUID1_ECX_SSSE3 | CIT_CPUID1_ECX_SSE41;
    if ((ecx1 & base) != base) {
        return 0;
    }
    if ((ebx7 & CIT_CPUID7_EBX_SHA) != 0) {
        features |= CIT_X86_SHA;
    }
    if ((ecx1 & (CIT_CPUID1_ECX_AES | CIT_CPUID1_ECX_PCLMUL)) ==
        (CIT_CPUID1_ECX_AES | CIT_CPUID1_ECX_PCLMUL)) {
        features |= CIT_X86_AES;
    }
    if ((ecx1 & (CIT_CPUID1_ECX_OSXSAVE | CIT_CPUID1_ECX_AVX)) ==
            (CIT_CPUID1_ECX_OSXSAVE | CIT_CPUID1_ECX_AVX) &&
        (ebx7 & CIT_CPUID7_EBX_AVX2) != 0 &&
        (cit_x86_xcr0() & CIT_XCR0_XMM_YMM) == CIT_XCR0_XMM_YMM) {
        features |= CIT_X86_AVX2;
    }
    if ((ebx7 & CIT_CPUID7_EBX_BMI2) != 0) {
        features |= CIT_X86_BMI2;
    }
    return features;
}

/* see x86.h */
uint32_t cit_x86_features(void)
{
    uint32_t detected = __atomic_load_n(&cit_x86_detected, __ATOMIC_RELAXED);

    if (detected == 0) {
        detected = CIT_X86_DETECTED | cit_x86_detect();
        __atomic_store_n(&cit_x86_detected, detected, __ATOMIC_RELAXED);
    }
    return detected & ~CIT_X86_DETECTED & __atomic_load_n(&cit_x86_mask, __ATOMIC_RELAXED);
}

/* see x86.h */
void cit_x86_set_mask(uint32_t mask)
{
    __atomic_store_n(&cit_x86_mask, mask, __ATOMIC_RELAXED);
}

#else
typedef int cit_x86_cpu_unused_t;
#endif /* CIT_USE_X86 */
