#!/usr/bin/env bash
# bench/run.sh [CITADEL_BUILD_DIR]
#
# Builds bench_psa.c unchanged against Citadel and against Debian's Mbed TLS 2.28
# (its PSA API), plus the OpenSSL EVP twin (the two share bench_common.h: cases,
# timing loop, options, output); runs them alternately, pinned to one CPU, and
# prints one table of medians and ratios (also written to bench/results/latest.txt;
# raw outputs go to bench/results/raw/).
#
# CITADEL_BUILD_DIR holds libcitadel.a (default: build/release under the repository).
# A missing Citadel library is tolerated: its column shows n/a.
#
# Environment:
#   BENCH_ROUNDS    rounds (default 5); in each, every case runs on citadel, mbedtls
#                   and openssl in turn, the order rotating from round to round
#   BENCH_TIME      measuring seconds per case and size (default 0.2)
#   BENCH_FILTER    only cases whose name contains this substring
#   BENCH_CPU       CPU to pin to (default 1)
#   CC              compiler (default gcc)
#   CITADEL_CFLAGS  extra flags for the Citadel build of bench_psa.c
#                   (e.g. -DCIT_CONFIG_FILE=... if the library used another config)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -ge 1 ] && [ -n "$1" ]; then
    case "$1" in
        /*) BUILDDIR=$1 ;;
        *) BUILDDIR=$PWD/$1 ;;
    esac
else
    BUILDDIR=$ROOT/build/release
fi
ROUNDS=${BENCH_ROUNDS:-5}
TIME=${BENCH_TIME:-0.2}
FILTER=${BENCH_FILTER:-}
CPU=${BENCH_CPU:-1}
CC=${CC:-gcc}
CITADEL_CFLAGS=${CITADEL_CFLAGS:-}

BENCH=$ROOT/bench
OUT=$BENCH/build
RESULTS=$BENCH/results
RAW=$RESULTS/raw
CFLAGS="-std=c99 -O2 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L"

say() { printf '%s\n' "$*" >&2; }

# ---- Packages ------------------------------------------------------------------
have_pkg() {
    if command -v dpkg-query >/dev/null 2>&1; then
        dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
    else
        # Not Debian-like: look for the headers and libraries directly.
        case "$1" in
            libmbedtls-dev) [ -f /usr/include/psa/crypto.h ] && [ -f /usr/include/mbedtls/version.h ] ;;
            libssl-dev) [ -f /usr/include/openssl/evp.h ] ;;
            python3) command -v python3 >/dev/null 2>&1 ;;
            *) return 1 ;;
        esac
    fi
}
missing=""
for p in libmbedtls-dev libssl-dev; do
    have_pkg "$p" || missing="$missing $p"
done
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing:$missing"
        # shellcheck disable=SC2086
        apt-get install -y $missing || { apt-get update && apt-get install -y $missing; }
    else
        say "missing packages:$missing; install them with:"
        say "  sudo apt-get install -y$missing"
        exit 1
    fi
fi

# ---- Build -----------------------------------------------------------------------
mkdir -p "$OUT" "$RAW"
rm -f "$RAW"/*.tsv "$RAW"/meta.txt

# bench_mbedtls: system include path only, so <psa/crypto.h> is libmbedtls-dev's.
# shellcheck disable=SC2086
$CC $CFLAGS "$BENCH/bench_psa.c" -o "$OUT/bench_mbedtls" -lmbedcrypto
# shellcheck disable=SC2086
$CC $CFLAGS "$BENCH/bench_openssl.c" -o "$OUT/bench_openssl" -lcrypto

# bench_citadel: the project's headers first; never the system psa/ headers.
rm -f "$OUT/bench_citadel"
CITLIB=$BUILDDIR/libcitadel.a
if [ -f "$CITLIB" ] && [ -f "$ROOT/include/psa/crypto.h" ]; then
    # shellcheck disable=SC2086
    deps=$($CC $CFLAGS -I "$ROOT/include" $CITADEL_CFLAGS -M "$BENCH/bench_psa.c")
    if printf '%s\n' "$deps" | tr ' ' '\n' | grep -E '^/usr/(local/)?include/(psa|mbedtls)/' >&2; then
        say "error: the Citadel build of bench_psa.c picked up the system headers above"
        exit 1
    fi
    # shellcheck disable=SC2086
    $CC $CFLAGS -I "$ROOT/include" $CITADEL_CFLAGS "$BENCH/bench_psa.c" \
        -o "$OUT/bench_citadel" "$CITLIB" -lpthread
else
    say "citadel build missing ($CITLIB or include/psa/crypto.h not found): Citadel column is n/a"
fi

# ---- Run -------------------------------------------------------------------------
PIN=()
if command -v taskset >/dev/null 2>&1 && taskset -c "$CPU" true 2>/dev/null; then
    PIN=(taskset -c "$CPU")
    pinning="taskset -c $CPU"
else
    pinning="unpinned (taskset or CPU $CPU unavailable)"
    say "warning: running $pinning"
fi
ARGS=(--time "$TIME")
DARGS=(--digest)
[ -n "$FILTER" ] && DARGS+=(--filter "$FILTER")

IMPLS=()
for impl in citadel mbedtls openssl; do
    [ -x "$OUT/bench_$impl" ] && IMPLS+=("$impl")
done

failed=0
for impl in "${IMPLS[@]}"; do
    if ! "$OUT/bench_$impl" "${DARGS[@]}" >"$RAW/$impl.digest.tsv"; then
        say "warning: bench_$impl --digest reported errors"
        failed=1
    fi
done

# Case list: the union of what the binaries know, in their order (they agree).
CASES=()
while IFS= read -r c; do
    if [ -z "$FILTER" ] || [[ "$c" == *"$FILTER"* ]]; then CASES+=("$c"); fi
done < <(for impl in "${IMPLS[@]}"; do "$OUT/bench_$impl" --list; done | awk '!seen[$0]++')

# Interleave as finely as possible on this noisy machine: within each round every
# case is run by each implementation in turn (A B C, one process per case), and
# the order of the implementations rotates from round to round.
n=${#IMPLS[@]}
for r in $(seq 1 "$ROUNDS"); do
    order=()
    for k in $(seq 0 $((n - 1))); do order+=("${IMPLS[$(((k + r - 1) % n))]}"); done
    say "round $r/$ROUNDS (${#CASES[@]} cases; order ${order[*]})"
    for c in "${CASES[@]}"; do
        for impl in "${order[@]}"; do
            if ! "${PIN[@]}" "$OUT/bench_$impl" "${ARGS[@]}" --case "$c" >>"$RAW/$impl.$r.tsv"; then
                say "warning: bench_$impl reported errors for $c in round $r"
                failed=1
            fi
        done
    done
done

# ---- Report ----------------------------------------------------------------------
cpu=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | head -n 1)
mbedver=$(dpkg-query -W -f='${Version}' libmbedtls-dev 2>/dev/null || echo "?")
sslver=$(sed -n 's/^# api\t//p' "$RAW/openssl.digest.tsv" 2>/dev/null | head -n 1)
citver=$(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo "?")
{
    echo "Citadel vs Mbed TLS (PSA API) vs OpenSSL (EVP): hash, MAC and AEAD throughput"
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); host: ${cpu:-?}, $(nproc 2>/dev/null || echo '?') CPUs"
    echo "Citadel: $citver ($( [ -x "$OUT/bench_citadel" ] && echo "$CITLIB" || echo "build missing" )); Mbed TLS: libmbedtls-dev $mbedver; OpenSSL: ${sslver:-?}"
    echo "per case and size: ${TIME} s measured after a warm-up; $pinning; ${ROUNDS} rounds, cases interleaved across ${IMPLS[*]}"
} >"$RAW/meta.txt"

report_status=0
python3 "$BENCH/report.py" "$RAW" >"$RESULTS/latest.txt" || report_status=$?
cat "$RESULTS/latest.txt"
say "table written to ${RESULTS#"$ROOT"/}/latest.txt"
if [ "$report_status" -ne 0 ] || [ "$failed" -ne 0 ]; then
    exit 1
fi
