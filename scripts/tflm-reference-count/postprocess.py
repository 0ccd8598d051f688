#!/usr/bin/env python3
"""Turn the raw SysTick readings printed by the measuring program into
tflm_reference_instructions.csv and a summary (stdout + BUILD/summary.txt).

Per bracket: D = ((v0 - v1) mod 2^24) * R - 4*k, where v0 is the counter just
after the tick edge found by sync_start, v1 the counter just after the first
tick edge after the call (found by sync_end, k spin iterations of 4
instructions), R = instructions per tick (40 at 25 MHz, 50 at 20 MHz).
instructions = D(kernel bracket) - D(empty bracket)."""
import csv, sys
from collections import OrderedDict, defaultdict

layers_csv, build, out_csv = sys.argv[1:4]
configs = [c.split(":") for c in sys.argv[4:]]
MACH = {"cortex-m3": "mps2-an385", "cortex-m4": "mps2-an386",
        "cortex-m7": "mps2-an500", "cortex-m33": "mps2-an505"}
RATE = {"mps2-an385": 40, "mps2-an386": 40, "mps2-an500": 40, "mps2-an505": 50}
KERNEL = {"CONV_2D": "tflm_ref_conv", "DEPTHWISE_CONV_2D": "tflm_ref_depthwise",
          "FULLY_CONNECTED": "tflm_ref_fc"}
layers = list(csv.DictReader(open(layers_csv)))
summary = []
rows_out = []
checks = defaultdict(dict)
tot = OrderedDict()
for core, opt in configs:
    mach = MACH[core]; R = RATE[mach]
    recs = defaultdict(list)
    for line in open("%s/%s-%s.out" % (build, core, opt)):
        p = line.split()
        if len(p) == 6:
            recs[p[0]].append([int(x) for x in p[1:]])
    def D(r):
        _, v0, v1, k, _ = r
        return ((v0 - v1) & 0xFFFFFF) * R - 4 * k
    def raw(r):
        return ((r[1] - r[2]) & 0xFFFFFF) * R
    empties = [D(r) for r in recs["empty"]]
    # the tick edge can fall anywhere inside the 3-/4-instruction spin loops,
    # so single brackets scatter by a few instructions: use the rounded mean
    # of 16 empty brackets as the overhead.
    e = int(round(sum(empties) / len(empties)))
    summary.append("%s %s (%s, %d instr/tick): empty bracket = %d instructions (16 samples: min %d, max %d)" % (
        core, opt, mach, R, e, min(empties), max(empties)))
    for name, per in (("loop2", 2), ("loop10", 10)):
        d = {r[0]: D(r) - e for r in recs[name]}
        rw = {r[0]: raw(r) for r in recs[name]}
        ns = sorted(d)
        txt = ", ".join("n=%d: %d" % (n, d[n]) for n in ns)
        errs = ["%d-%d: %+d" % (ns[j], ns[i], (d[ns[j]] - d[ns[i]]) - per * (ns[j] - ns[i]))
                for i in range(len(ns)) for j in range(i + 1, len(ns))]
        rawerr = (rw[1000000] - rw[1000]) - per * 999000
        summary.append("  %s edge-aligned D-empty: %s; error vs %d*dn: %s; tick-only (1e6 - 1e3) error %+d" % (
            name, txt, per, ", ".join(errs), rawerr))
    lay = {r[0]: r for r in recs["layer"]}
    for i, L in enumerate(layers):
        r = lay[i]
        ins = D(r) - e
        macs = int(L["macs"])
        checks[i][(core, opt)] = r[4]
        rows_out.append([core, mach, opt, L["model"], L["layer_index"], L["op"], L["in_shape"],
                         L["filter_shape"], L["out_shape"], L["stride"], L["padding"], macs,
                         KERNEL[L["op"]], ins, "%.4f" % (ins / macs)])
with open(out_csv, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow("core,qemu_machine,opt,model,layer_index,op,in_shape,filter_shape,out_shape,"
               "stride,padding,macs,kernel,instructions,instructions_per_mac".split(","))
    w.writerows(rows_out)

bad = [i for i in checks if len(set(checks[i].values())) != 1]
summary.append("output checksums identical across all configs: %s%s" % (
    "yes" if not bad else "NO", "" if not bad else " (layers %s)" % bad))
# per-model totals
agg = OrderedDict()
for r in rows_out:
    k = (r[3], r[0], r[2])
    a = agg.setdefault(k, [0, 0, 0]); a[0] += 1; a[1] += r[11]; a[2] += r[13]
summary.append("per-model totals (model, core, opt, layers, MACs, instructions, instr/MAC):")
for (m, c, o), (n, macs, ins) in sorted(agg.items()):
    summary.append("  %s %s %s %d %d %d %.2f" % (m, c, o, n, macs, ins, ins / macs))
summary.append("per-kernel (core, opt, kernel, layers, mean of per-layer instr/MAC, sum instr/sum MAC, min, max):")
kk = OrderedDict()
for r in rows_out:
    kk.setdefault((r[0], r[2], r[12]), []).append((r[13], r[11]))
for (c, o, k), v in sorted(kk.items()):
    ratios = [a / b for a, b in v]
    summary.append("  %s %s %s %d %.3f %.3f %.3f %.3f" % (c, o, k, len(v), sum(ratios) / len(v),
                   sum(a for a, _ in v) / sum(b for _, b in v), min(ratios), max(ratios)))
s = "\n".join(summary) + "\n"
open("%s/summary.txt" % build, "w").write(s)
sys.stdout.write(s)
