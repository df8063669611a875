#!/usr/bin/env python3
"""Turn the raw benchmark outputs written by bench/run.sh into one table.

Usage: report.py RAWDIR

RAWDIR holds
  meta.txt                    free text, printed above the table
  <impl>.<round>.tsv          throughput runs: "case TAB size TAB MB/s|n/a|ERR"
  <impl>.digest.tsv           one output per case and size (--digest), optional
for impl in citadel, mbedtls, openssl. A missing implementation shows as n/a.

The table shows, per case and size, the median MB/s over the rounds of each
implementation and the ratios of the medians. Digests of Citadel and Mbed TLS are
compared with OpenSSL's; any mismatch is listed and the exit status is 3.
"""

import glob
import math
import os
import statistics
import sys

IMPLS = ("citadel", "mbedtls", "openssl")


def read_tsv(path):
    """Rows (case, size, value) of a result file, comments skipped."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                continue
            rows.append((parts[0], int(parts[1]), parts[2]))
    return rows


def size_label(n):
    if n >= 1024 and n % 1024 == 0:
        return "%d KiB" % (n // 1024)
    return "%d B" % n


def fmt_rate(v):
    if isinstance(v, str):
        return v
    return "%.1f" % v


def fmt_ratio(a, b):
    if isinstance(a, str) or isinstance(b, str) or b <= 0:
        return "n/a"
    return "%.2f" % (a / b)


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: report.py RAWDIR\n")
        return 2
    raw = sys.argv[1]

    order = []          # (case, size) in first-seen order
    seen = set()
    values = {}         # (impl, case, size) -> list of float or marker strings
    rounds = {}
    for impl in IMPLS:
        files = sorted(glob.glob(os.path.join(raw, "%s.[0-9]*.tsv" % impl)))
        rounds[impl] = len(files)
        for path in files:
            for case, size, val in read_tsv(path):
                key = (case, size)
                if key not in seen:
                    seen.add(key)
                    order.append(key)
                try:
                    v = float(val)
                except ValueError:
                    v = val
                values.setdefault((impl, case, size), []).append(v)

    def median(impl, case, size):
        vals = values.get((impl, case, size), [])
        if any(v == "ERR" for v in vals):
            return "ERR"
        nums = [v for v in vals if not isinstance(v, str)]
        if not nums:
            return "n/a"
        return statistics.median(nums)

    header = ("case", "size", "Citadel MB/s", "Mbed TLS MB/s", "OpenSSL MB/s",
              "Citadel/OpenSSL", "Citadel/MbedTLS")
    rows = []
    ratios = {"openssl": [], "mbedtls": [], "mbedtls/openssl": []}
    for case, size in order:
        c, m, o = (median(i, case, size) for i in IMPLS)
        rows.append((case, size_label(size), fmt_rate(c), fmt_rate(m), fmt_rate(o),
                     fmt_ratio(c, o), fmt_ratio(c, m)))
        for peer, v in (("openssl", o), ("mbedtls", m)):
            if not isinstance(c, str) and not isinstance(v, str) and c > 0 and v > 0:
                ratios[peer].append(c / v)
        if not isinstance(m, str) and not isinstance(o, str) and m > 0 and o > 0:
            ratios["mbedtls/openssl"].append(m / o)

    meta = os.path.join(raw, "meta.txt")
    if os.path.exists(meta):
        with open(meta, encoding="utf-8") as f:
            sys.stdout.write(f.read())
    print("rounds: " + ", ".join("%s %d" % (i, rounds[i]) for i in IMPLS)
          + "; cells are medians over rounds; MB = 10^6 bytes")
    print()

    widths = [max(len(r[k]) for r in rows + [header]) for k in range(len(header))]

    def line(cells):
        out = []
        for k, cell in enumerate(cells):
            out.append(cell.ljust(widths[k]) if k == 0 else cell.rjust(widths[k]))
        return "| " + " | ".join(out) + " |"

    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))
    print()
    for peer, name in (("openssl", "Citadel/OpenSSL"), ("mbedtls", "Citadel/Mbed TLS"),
                       ("mbedtls/openssl", "Mbed TLS/OpenSSL")):
        rs = ratios[peer]
        if rs:
            gm = math.exp(sum(math.log(x) for x in rs) / len(rs))
            print("%s geometric mean over %d comparable cells: %.2f" % (name, len(rs), gm))

    # How noisy was this run: spread between rounds, per cell, median over cells.
    spreads = []
    for impl in IMPLS:
        sp = []
        for case, size in order:
            nums = [v for v in values.get((impl, case, size), []) if not isinstance(v, str)]
            if len(nums) >= 2 and min(nums) > 0:
                sp.append(max(nums) / min(nums) - 1.0)
        if sp:
            spreads.append("%s %.0f%%" % (impl, 100.0 * statistics.median(sp)))
    if spreads:
        print("round-to-round spread (max/min - 1, median over cells): " + ", ".join(spreads))

    # Cross-check outputs against OpenSSL.
    status = 0
    ref_path = os.path.join(raw, "openssl.digest.tsv")
    if os.path.exists(ref_path):
        ref = {(c, s): v for c, s, v in read_tsv(ref_path)}
        bad = []
        for impl in ("citadel", "mbedtls"):
            path = os.path.join(raw, "%s.digest.tsv" % impl)
            if not os.path.exists(path):
                continue
            for case, size, val in read_tsv(path):
                want = ref.get((case, size))
                if val in ("n/a", "ERR") or want is None or want in ("n/a", "ERR"):
                    continue
                if val != want:
                    bad.append("%s %s %d: %s, OpenSSL %s" % (impl, case, size, val, want))
        if bad:
            status = 3
            print("OUTPUT MISMATCH against OpenSSL (these speeds are meaningless):")
            for b in bad:
                print("  " + b)
        else:
            print("outputs checked against OpenSSL: all comparable cells agree")
    return status


if __name__ == "__main__":
    sys.exit(main())
