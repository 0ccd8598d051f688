#!/usr/bin/env python3
"""Turn the SysTick records of scripts/quant-count into quant_costs.csv and
BUILD/summary.txt.

Per bracket (as scripts/tflm-reference-count/postprocess.py):
  D = ((v0 - v1) mod 2^24) * R - 4*k   (R = instructions per SysTick tick)
Fixed costs (call, argument set-up, bracket) cancel in slopes.

Per-element kernels run at n = 1000, 3000, 5000: the slope is the
least-squares slope over the three sizes; the two pairwise slopes are kept as
a linearity check. Code-book: for each tensor configuration the difference
between its two sizes is regressed on the differences of the work counts.

Usage: postprocess.py BUILD OUT_CSV CORES...
"""
import csv, sys
from collections import defaultdict

build, out_csv = sys.argv[1:3]
cores = sys.argv[3:]
MACH = {"cortex-m0": "mps2-an385", "cortex-m3": "mps2-an385", "cortex-m4": "mps2-an386",
        "cortex-m7": "mps2-an500", "cortex-m33": "mps2-an505"}
RATE = {"mps2-an385": 40, "mps2-an386": 40, "mps2-an500": 40, "mps2-an505": 50}
CB_OPS = ["huffman_bits_decoded", "huffman_symbols_decoded", "codebook_lookups", "zero_fills"]


def solve(A, b):
    """Least squares via normal equations (small, well-conditioned systems)."""
    n = len(A[0])
    M = [[sum(r[i] * r[j] for r in A) for j in range(n)] + [sum(r[i] * y for r, y in zip(A, b))]
         for i in range(n)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(M[r][c]))
        M[c], M[p] = M[p], M[c]
        for r in range(n):
            if r != c:
                f = M[r][c] / M[c][c]
                M[r] = [x - f * y for x, y in zip(M[r], M[c])]
    return [M[i][n] / M[i][i] for i in range(n)]


def slope(pts):
    xs = [x for x, _ in pts]; ys = [y for _, y in pts]
    mx = sum(xs) / len(xs); my = sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


cbrows = list(csv.DictReader(open("%s/cb_counts.csv" % build)))
summary = []
rows = []
fmt = lambda v: "%.3f" % v
for core in cores:
    mach = MACH[core]; R = RATE[mach]
    recs = defaultdict(dict)
    bad = []
    for line in open("%s/%s.out" % (build, core)):
        p = line.split()
        if len(p) != 6:
            continue
        tag, a, v0, v1, k, s = p[0], int(p[1]), int(p[2]), int(p[3]), int(p[4]), int(p[5])
        if tag.startswith("check") or tag == "fails":
            if s != 0:
                bad.append(line.strip())
            continue
        recs[tag][a] = ((v0 - v1) & 0xFFFFFF) * R - 4 * k
    if bad:
        sys.exit("%s: reference mismatch:\n  %s" % (core, "\n  ".join(bad)))
    empt = list(recs["empty"].values())
    summary.append("%s (%s, %d instr/tick): empty bracket %d..%d instructions over 16 samples"
                   % (core, mach, R, min(empt), max(empt)))

    def sl(tag):
        pts = sorted(recs[tag].items())
        s = slope(pts)
        pair = [(pts[i + 1][1] - pts[i][1]) / (pts[i + 1][0] - pts[i][0]) for i in range(len(pts) - 1)]
        summary.append("  %-9s slope %8.3f  (pairwise %s)" % (tag, s, ", ".join("%.3f" % x for x in pair)))
        return s
    l2, l10 = sl("loop2"), sl("loop10")
    if abs(l2 - 2) > 0.01 or abs(l10 - 10) > 0.01:
        sys.exit("%s: method check failed (loop2 %.4f, loop10 %.4f)" % (core, l2, l10))
    s = {t: sl(t) for t in ("mac_off0", "mac_off1", "mac_off2", "mac_f32", "rq_base", "rq_mul",
                            "rq_shift", "rq_full", "q_base", "q_shift", "q_sat")}
    SZ = "1000;3000;5000"
    out = []
    out.append(("zero_point_subtractions", (s["mac_off2"] - s["mac_off0"]) / 2, SZ,
                "scalar int8 MAC loop with 2 offsets minus without, /2; 1 offset: %+.3f, 2nd offset: %+.3f; "
                "MAC loop without offsets %.3f/MAC" % (s["mac_off1"] - s["mac_off0"],
                                                      s["mac_off2"] - s["mac_off1"], s["mac_off0"])))
    out.append(("requant_multiplies", s["rq_mul"] - s["rq_base"], SZ,
                "multiplier load + doubling high multiply (rounding in low word) >> 31; " +
                ("ARMv6-M has no SMULL/SMLAL: libgcc __aeabi_lmul call" if core == "cortex-m0"
                 else "SMLAL")))
    out.append(("requant_shifts", s["rq_shift"] - s["rq_mul"], SZ,
                "shift load + left shift + rounding divide by power of two (arm_nn_requantize)"))
    out.append(("output_zero_point_adds", s["rq_full"] - s["rq_shift"], SZ,
                "output offset add + activation clamp (min/max)"))
    out.append(("shifts", (s["q_shift"] - s["q_base"]) / 2, SZ,
                "per output bias << bias_shift + NN_ROUND add + >> out_shift, /2"))
    out.append(("saturations", s["q_sat"] - s["q_shift"], SZ,
                "SSAT 8" if core != "cortex-m0" else "compare/branch clamp to [-128,127] (no SSAT on ARMv6-M)"))
    # ---- code-book ----
    # Sequential attribution (a joint 4-parameter fit is ill-conditioned:
    # symbols = lookups in every dense tensor, symbols ~ 2 x lookups in every
    # sparse one, so per-entry loop overhead swaps freely between them):
    #  1. decoder-only kernel, dense tensors: delta = a*bits + b*symbols
    #  2. dense unpack: delta - a*bits - b*symbols = K * lookups
    #  3. sparse unpack: delta - a*bits - b*symbols - K*lookups = Z * zero_fills
    by = defaultdict(dict)
    for i, r in enumerate(cbrows):
        by[r["config"]][int(r["size_index"])] = (i, r)
    dd, sd = [], []  # (name, dcounts, dinstr(unpack), dinstr(decoder))
    for cfg, d in by.items():
        (i0, r0), (i1, r1) = d[0], d[1]
        dv = [int(r1[o]) - int(r0[o]) for o in CB_OPS]
        y = recs["cb"][i1] - recs["cb"][i0]
        if r0["sparse"] == "0":
            dd.append((cfg, dv, y, recs["hdec"][i1] - recs["hdec"][i0]))
        else:
            sd.append((cfg, dv, y, None))
    a, b = solve([[float(v[0]), float(v[1])] for _, v, _, _ in dd], [float(h) for _, _, _, h in dd])
    K = solve([[float(v[2])] for _, v, _, _ in dd], [y - a * v[0] - b * v[1] for _, v, y, _ in dd])[0]
    Z = solve([[float(v[3])] for _, v, _, _ in sd],
              [y - a * v[0] - b * v[1] - K * v[2] for _, v, y, _ in sd])[0]
    x = [a, b, K, Z]
    cberr = []
    summary.append("  code-book: decoder-only fit (dense tensors: measured delta, model, error):")
    for nm, v, _, h in dd:
        f = a * v[0] + b * v[1]
        summary.append("    %-20s %9d %11.1f %+6.2f%%" % (nm, h, f, 100 * (f - h) / h))
    summary.append("  code-book: unpack = sum(count x price) (measured delta, model, error):")
    for nm, v, y, _ in dd + sd:
        f = sum(c * q for c, q in zip(x, v))
        cberr.append(100 * (f - y) / y)
        summary.append("    %-20s %9d %11.1f %+6.2f%%   (%.2f bits/symbol)" % (
            nm, y, f, cberr[-1], v[0] / v[1]))
    CBS = "dense k=2/4/16/256 n=1024->4096; sparse k=4/16 density .05-.5 5/8-bit gaps n=4096->16384"
    rng_err = "unpack model error over the 8 tensors %+.1f%%..%+.1f%%" % (min(cberr), max(cberr))
    out.append(("huffman_bits_decoded", a, CBS,
                "decoder-only kernel fit over 4 dense tensors (bit-serial canonical decode, byte refill); "
                + rng_err))
    out.append(("huffman_symbols_decoded", b, CBS,
                "decoder-only kernel fit: per symbol (table index, symbol store, loop)"))
    out.append(("codebook_lookups", K, CBS,
                "dense unpack minus its decode price, per kept weight: centroid load + store + loop"))
    out.append(("zero_fills", Z, CBS,
                "sparse unpack minus decode and lookup prices, per zero-filled weight "
                "(fill loop compiled to a memset call at -Ofast; includes per-entry overhead)"))
    out.append(("weights_written", 0.0, CBS,
                "0 by construction: weights_written = codebook_lookups + zero_fills identically, "
                "so the store is priced inside those two"))
    out.append(("fp32_macs", s["mac_f32"], SZ,
                ("VFP fp32 MAC loop" if core not in ("cortex-m0", "cortex-m3") else
                 "soft-float (libgcc __aeabi_fmul + __aeabi_fadd) MAC loop") +
                "; full loop cost per MAC (int8 MAC loop: %.3f/MAC)" % s["mac_off0"]))
    for op, v, sz, note in out:
        rows.append([core, op, fmt(v), sz, note])

ORDER = ["zero_point_subtractions", "requant_multiplies", "requant_shifts", "output_zero_point_adds",
         "shifts", "saturations", "huffman_bits_decoded", "huffman_symbols_decoded", "codebook_lookups",
         "zero_fills", "weights_written", "fp32_macs"]
rows.sort(key=lambda r: (cores.index(r[0]), ORDER.index(r[1])))
with open(out_csv, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["core", "operation", "instructions_per_op", "sizes", "notes"])
    w.writerows(rows)
# compact table
summary.append("")
summary.append("%-24s" % "operation" + "".join("%11s" % c for c in cores))
for op in ORDER:
    vals = {r[0]: r[2] for r in rows if r[1] == op}
    summary.append("%-24s" % op + "".join("%11s" % vals[c] for c in cores))
txt = "\n".join(summary) + "\n"
open("%s/summary.txt" % build, "w").write(txt)
sys.stdout.write(txt)
