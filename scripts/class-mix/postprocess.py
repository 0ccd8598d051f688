#!/usr/bin/env python3
"""class_mix.csv + BUILD/summary.txt from the per-(library, core) results.

usage: postprocess.py BUILD OUT_CSV REF_CSV "LIBS" "CORES"
Segments per run (main.c order): loop2 x4, loop10 x4, empty x16, layers."""
import csv, json, os, statistics, sys

build, out_csv, ref_csv, libs, cores = sys.argv[1:6]
libs, cores = libs.split(), cores.split()
CLASSES = ["alu", "simd", "mul", "mac", "mul64", "div", "load", "store", "ldrd", "ldm",
           "stm", "branch_taken", "branch_not_taken", "it", "fpu", "other"]
STATS = ["ldm_regs", "stm_regs", "pop_pc", "ldst_after_load", "load_use", "mul_use",
         "dual_issued"]
HEADER = ["library", "core", "kernel", "model", "layer_index", "instructions"] + CLASSES + STATS
RATE = {"cortex-m33": 50}
REFCORE = {"cortex-m3": "cortex-m3", "cortex-m4": "cortex-m4", "cortex-m7": "cortex-m7",
           "cortex-m33": "cortex-m33"}

ref = {}
if os.path.exists(ref_csv):
    for r in csv.DictReader(open(ref_csv)):
        ref[(r["core"], r["model"], r["layer_index"])] = int(r["instructions"])

summ = []
rows = []
valid = {}
mix = {}
for lib in libs:
    meta = [l.strip().split(",") for l in open(os.path.join(build, lib, "layers.h.meta"))]
    for core in cores:
        b = os.path.join(build, lib, core)
        segs = json.load(open(b + ".json"))
        recs = {"loop2": [], "loop10": [], "empty": [], "layer": []}
        R = RATE.get(core, 40)
        for line in open(b + ".out"):
            p = line.split()
            if len(p) == 6 and p[0] in recs:
                v = [int(x) for x in p[1:]]
                recs[p[0]].append((v[0], ((v[1] - v[2]) & 0xFFFFFF) * R - 4 * v[3]))
        assert len(segs) == 24 + len(meta), (lib, core, len(segs))
        lp2, lp10, emp, lay = segs[0:4], segs[4:8], segs[8:24], segs[24:]
        e_log = emp[0]["instructions"]
        assert all(x["instructions"] == e_log for x in emp)
        e_tick = int(round(statistics.mean(d for _, d in recs["empty"])))
        # check 1: per-layer log count vs icount/SysTick count
        diffs = [(lay[i]["instructions"] - e_log) - (recs["layer"][i][1] - e_tick)
                 for i in range(len(lay))]
        # check 2: known loops (differences remove the constant bracket)
        def dl(a, b_, k):
            return a[k] - b_[k]
        l10 = {k: dl(lp10[3], lp10[2], k) for k in ("instructions", "alu", "branch_taken", "branch_not_taken")}
        l2 = {k: dl(lp2[3], lp2[2], k) for k in ("instructions", "alu", "branch_taken", "branch_not_taken")}
        dn = 100000 - 1000
        ok10 = l10 == {"instructions": 10 * dn, "alu": 9 * dn, "branch_taken": dn, "branch_not_taken": 0}
        ok2 = l2 == {"instructions": 2 * dn, "alu": dn, "branch_taken": dn, "branch_not_taken": 0}
        summ.append("%s %s: empty bracket %d instr (log); log vs icount/SysTick per layer: max |diff| %d"
                    " (tick = %d instr), loop10 d(1e5-1e3) %s %s, loop2 %s %s" % (
                        lib, core, e_log, max(abs(d) for d in diffs), R, l10,
                        "EXACT" if ok10 else "MISMATCH", l2, "EXACT" if ok2 else "MISMATCH"))
        for i, (model, li, kern, macs) in enumerate(meta):
            s = lay[i]
            assert sum(s[k] for k in CLASSES) == s["instructions"]
            rows.append([lib, core, kern, model, li, s["instructions"]] +
                        [s[k] for k in CLASSES] + [s[k] for k in STATS])
            m = mix.setdefault((lib, core, kern), {k: 0 for k in ["instructions"] + CLASSES + STATS})
            for k in m:
                m[k] += s[k]
            rk = (REFCORE.get(core), model, li)
            if lib == "cmsis-nn" and rk in ref:
                valid.setdefault((core, kern), []).append((s["instructions"] - e_log) / ref[rk])
        hashes = [r for r, _ in recs["layer"]]

def key(r):
    return (r[0], r[1], r[3], int(r[4]))
# keep the rows of libraries not measured in this run
if os.path.exists(out_csv):
    with open(out_csv, newline="") as f:
        rd = csv.reader(f)
        assert next(rd) == HEADER
        rows += [r for r in rd if r[0] not in libs]
rows.sort(key=key)
with open(out_csv, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(HEADER)
    w.writerows(rows)

summ.append("")
summ.append("validation: cmsis-nn re-implementation / real CMSIS-NN instructions per layer "
            "(core, kernel, layers, median, min, max)")
for (core, kern), v in sorted(valid.items()):
    summ.append("  %s %s %d %.3f %.3f %.3f" % (core, kern, len(v), statistics.median(v), min(v), max(v)))
summ.append("")
summ.append("mix per instruction (library, core, kernel, instructions; alu simd mul mac mul64 load store"
            " ldrd ldm+stm branch_taken branch_not_taken it | ldst_after_load load_use mul_use dual_issued)")
for (lib, core, kern), m in sorted(mix.items()):
    n = m["instructions"]
    f = lambda k: m[k] / n
    summ.append("  %s %s %s %d; %.3f %.3f %.3f %.3f %.3f %.3f %.3f %.3f %.3f %.3f %.3f %.3f | %.3f %.3f %.3f %.3f" % (
        lib, core, kern, n, f("alu"), f("simd"), f("mul"), f("mac"), f("mul64"), f("load"),
        f("store"), f("ldrd"), (m["ldm"] + m["stm"]) / n, f("branch_taken"),
        f("branch_not_taken"), f("it"), f("ldst_after_load"), f("load_use"), f("mul_use"),
        f("dual_issued")))
s = "\n".join(summ) + "\n"
open(os.path.join(build, "summary.txt"), "w").write(s)
sys.stdout.write(s)
