#!/usr/bin/env python3
"""Instruction classes and pair statistics from tbcount output + objdump.

usage: classify.py ELF DIS COUNTS OUT_JSON CORE
Writes a JSON list, one entry per segment, with the class counts and pair
statistics (see ../../configs/engines/data/class_mix.md for the rules)."""
import json, re, subprocess, sys
from collections import defaultdict

CLASSES = ["alu", "simd", "mul", "mac", "mul64", "div", "load", "store", "ldrd",
           "ldm", "stm", "branch_taken", "branch_not_taken", "it", "fpu", "other"]
STATS = ["ldm_regs", "stm_regs", "pop_pc", "ldst_after_load", "load_use", "mul_use",
         "dual_issued"]

def words(s):
    return s.split()

TAB = {}
for c, ms in (
    ("alu", "mov mvn add adc sub sbc rsb and orr orn eor bic lsl lsr asr ror rrx cmp cmn "
            "tst teq adr movw movt sxtb sxth uxtb uxth ubfx sbfx bfi bfc clz rbit rev "
            "rev16 revsh ssat usat nop addw subw neg cpy"),
    ("simd", "sxtb16 uxtb16 sxtab16 uxtab16 sxtab sxtah uxtab uxtah pkhbt pkhtb sadd16 "
             "ssub16 qadd16 qsub16 sadd8 ssub8 qadd8 qsub8 uadd16 usub16 uadd8 usub8 "
             "uqadd8 uqsub8 uqadd16 uqsub16 shadd16 shsub16 shadd8 shsub8 uhadd16 "
             "uhsub16 uhadd8 uhsub8 sasx ssax qasx qsax uasx usax shasx shsax uqasx "
             "uqsax uhasx uhsax sel ssat16 usat16 qadd qsub qdadd qdsub usad8 usada8"),
    ("mul", "mul smulbb smulbt smultb smultt smulwb smulwt smmul smmulr smuad smuadx "
            "smusd smusdx"),
    ("mac", "mla mls smlabb smlabt smlatb smlatt smlawb smlawt smlad smladx smlsd "
            "smlsdx smmla smmlar smmls smmlsr"),
    ("mul64", "smull umull smlal umlal smlalbb smlalbt smlaltb smlaltt smlald smlaldx "
              "smlsld smlsldx umaal"),
    ("div", "sdiv udiv"),
    ("load", "ldr ldrb ldrh ldrsb ldrsh ldrt ldrbt ldrht ldrsbt ldrsht ldrex ldrexb "
             "ldrexh pld pli"),
    ("store", "str strb strh strt strbt strht strex strexb strexh"),
    ("ldrd", "ldrd strd"),
    ("ldm", "ldm ldmia ldmdb ldmfd ldmea pop"),
    ("stm", "stm stmia stmdb stmea stmfd push"),
    ("branch", "b bl blx bx cbz cbnz tbb tbh"),
):
    for m in ms.split():
        TAB[m] = c
CC = set("eq ne cs hs cc lo mi pl vs vc hi ls ge lt gt le al".split())
RMAP = {"sp": 13, "lr": 14, "pc": 15, "ip": 12, "fp": 11, "sl": 10, "sb": 9}
REG_RE = re.compile(r"\b(r1[0-5]|r[0-9]|sp|lr|pc|ip|fp|sl|sb)\b")
NO_READ_FIRST = set("mov mvn movw adr sxtb sxth uxtb uxth rev rev16 revsh rbit clz neg cpy".split())
ACC64 = set("smlal umlal smlalbb smlalbt smlaltb smlaltt smlald smlaldx smlsld smlsldx umaal".split())


def reg(n):
    return RMAP[n] if n in RMAP else int(n[1:])


def regs_in(s):
    out = []
    for part in re.split(r"(\{[^}]*\})", s):
        if part.startswith("{"):
            for item in part[1:-1].split(","):
                item = item.strip()
                if "-" in item:
                    a, b = item.split("-")
                    out.extend(range(reg(a.strip()), reg(b.strip()) + 1))
                elif item:
                    out.append(reg(item))
        else:
            out.extend(reg(m) for m in REG_RE.findall(part))
    return out


def split_ops(s):
    """top-level comma split (brackets and braces kept together)"""
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch in "[{": depth += 1
        if ch in "]}": depth -= 1
        if ch == "," and depth == 0:
            out.append(cur.strip()); cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


def base_of(mn):
    m = mn.lower()
    for suf in (".w", ".n"):
        if m.endswith(suf):
            m = m[:-2]
    if m.startswith("v"):
        return m, "fpu", False
    if m.startswith("it") and all(ch in "te" for ch in m[2:]):
        return "it", "it", False
    if m in TAB:
        return m, TAB[m], False
    if m[-2:] in CC and m[:-2] in TAB:
        return m[:-2], TAB[m[:-2]], True
    if m.endswith("s") and m[:-1] in TAB:
        return m[:-1], TAB[m[:-1]], False
    if m[-2:] in CC and m[:-2].endswith("s") and m[:-3] in TAB:
        return m[:-3], TAB[m[:-3]], True
    return m, "other", False


class Insn:
    __slots__ = ("addr", "size", "base", "cls", "cond", "W", "R", "L", "nregs", "pop_pc",
                 "slot", "res", "slot0", "acc", "text")


def decode(addr, size, mn, ops):
    i = Insn()
    i.addr, i.size, i.text = addr, size, (mn + " " + ops).strip()
    ops = re.sub(r"<[^>]*>", "", ops.split("@")[0]).strip()
    b, c, cond = base_of(mn)
    i.base, i.cls, i.cond = b, c, cond
    f = split_ops(ops)
    allr = regs_in(ops)
    W, R = set(), set()
    i.nregs, i.pop_pc = 0, False
    wb = "!" in ops or (len(f) >= 2 and f[-1].startswith("#") and any(x.endswith("]") for x in f[:-1]))
    def br_base():
        for x in f:
            if x.startswith("["):
                r = regs_in(x)
                return r
        return []
    if c in ("alu", "simd", "mul", "mac", "div"):
        if b in ("cmp", "cmn", "tst", "teq"):
            R = set(allr)
        elif b == "nop":
            pass
        else:
            fr = regs_in(f[0]) if f else []
            if fr:
                W = {fr[0]}
            rest = regs_in(",".join(f[1:]))
            R = set(rest)
            if fr and (b in ("movt", "bfi", "bfc") or (len(f) == 2 and b not in NO_READ_FIRST)):
                R.add(fr[0])
    elif c == "mul64":
        fr = [regs_in(x)[0] for x in f[:2] if regs_in(x)]
        W = set(fr)
        R = set(regs_in(",".join(f[2:])))
        if b in ACC64:
            R |= W
    elif c == "load":
        if b not in ("pld", "pli"):
            W = {regs_in(f[0])[0]}
        R = set(br_base())
        if f and f[-1].startswith("[") is False and len(f) > 2:
            R |= set(regs_in(",".join(f[2:])))
        if wb:
            W |= set(br_base()[:1])
    elif c == "store":
        R = set(allr)
        if wb:
            W |= set(br_base()[:1])
    elif c == "ldrd":
        if b == "ldrd":
            W = set(regs_in(f[0]) + regs_in(f[1]))
            R = set(br_base())
        else:
            R = set(allr)
        if wb:
            W |= set(br_base()[:1])
    elif c in ("ldm", "stm"):
        lst = regs_in(ops[ops.index("{"):]) if "{" in ops else []
        i.nregs = len(lst)
        if b in ("pop", "push"):
            base = [13]; wbk = True
        else:
            base = regs_in(f[0])[:1]; wbk = "!" in f[0]
        if c == "ldm":
            W = set(lst); R = set(base); i.pop_pc = 15 in lst
        else:
            R = set(lst) | set(base)
        if wbk:
            W |= set(base)
    elif c == "branch":
        R = set(allr)
        if b in ("bl", "blx"):
            W = {14}
        if b in ("cbz", "cbnz"):
            i.cond = True
    i.W, i.R = frozenset(W), frozenset(R)
    # registers that receive loaded data (not the base write-back)
    Ld = set()
    if c == "load" and b not in ("pld", "pli"):
        Ld = {regs_in(f[0])[0]}
    elif c == "ldrd" and b == "ldrd":
        Ld = set(regs_in(f[0]) + regs_in(f[1]))
    elif c == "ldm":
        Ld = set(regs_in(ops[ops.index("{"):])) if "{" in ops else set()
    i.L = frozenset(Ld)
    # M7 issue resources, after LLVM's Cortex-M7 machine model (llvm/lib/Target/ARM/
    # ARMScheduleM7.td @6a555331, the source of configs/cores/cortex-m7.yaml): two ALU, two
    # load, one store, one MAC, one branch, one SIMD unit, one early shifter (Shift1).
    # SIMD/extend/bit-field ops and BFI/BFC/CLZ issue only from slot 0 (BeginGroup).
    SIMD_LIKE = ("sxtb", "sxth", "uxtb", "uxth", "ubfx", "sbfx", "rev", "rev16", "revsh",
                 "rbit", "ssat", "usat")
    # Shifter users: pure shifts, shifted register operands, and (measured on an M7 by the
    # mastodawn.com #CortexM7 posts) immediates that do not fit in 8 bits.
    shifted = c == "alu" and (b in ("lsl", "lsr", "asr", "ror", "rrx") or
                              bool(re.search(r"\b(lsl|lsr|asr|ror|rrx)\b", ops)))
    for x in f if c == "alu" else []:
        if x.startswith("#"):
            try:
                v = int(x[1:], 0)
            except ValueError:
                v = 0
            shifted = shifted or v > 255 or v < 0
    i.slot0, i.res = False, ()
    if c == "alu" and b in SIMD_LIKE:
        i.res, i.slot0 = ("SIMD", "ALU") + (("SH1",) if b not in ("sxtb", "sxth", "uxtb", "uxth") else ()), True
    elif c == "alu" and b in ("bfi", "bfc", "clz"):
        i.res, i.slot0 = ("ALU",) + (("SH1",) if b != "clz" else ()), True
    elif c == "alu":
        i.res = ("ALU", "SH1") if shifted else ("ALU",)
    elif c == "simd":
        i.res, i.slot0 = ("SIMD", "ALU") + (("SH1",) if b.startswith(("pkh", "sxta", "uxta", "ssat", "usat")) else ()), True
    elif c in ("mul", "mac"):
        i.res = ("MAC",)
    elif c == "load":
        i.res = ("LOAD",)
    elif c == "store":
        i.res = ("STORE",)
    elif c == "branch":
        i.res = ("BRANCH",)
    i.slot = "X" if (not i.res or (15 in W and c != "branch")) else ("B" if c == "branch" else "P")
    # accumulator operands a MAC reads late (LLVM ReadAdvance<ReadMAC, 1>: an accumulate
    # chain does not wait for the previous multiply's result)
    i.acc = frozenset()
    if c == "mac" and len(f) >= 4:
        i.acc = frozenset(regs_in(f[3]))
    elif c == "mul64" and b in ACC64:
        i.acc = frozenset(regs_in(",".join(f[:2])))
    return i


M7_UNITS = {"ALU": 2, "LOAD": 2, "STORE": 1, "MAC": 1, "BRANCH": 1, "SIMD": 1, "SH1": 1}


def m7_pair(a, b):
    """may a (older) and b (next in execution order) issue together? (LLVM CortexM7Model
    resources; see class_mix.md)"""
    if a.slot == "X" or b.slot == "X" or a.slot == "B":
        return False
    if b.slot0:                        # BeginGroup: slot 0 only
        return False
    for u in set(a.res) | set(b.res):
        if a.res.count(u) + b.res.count(u) > M7_UNITS[u]:
            return False
    if a.W & b.R:                      # no dependency inside the pair
        return False
    return True


def pair_stats(p, q, st):
    """statistics for q executed right after p (adds into st)"""
    if q.cls in ("load", "store") and p.cls == "load":
        st["ldst_after_load"] += 1
    if p.L & q.R:
        st["load_use"] += 1
    if p.cls in ("mul", "mac", "mul64") and ((p.W & q.R) - q.acc):
        st["mul_use"] += 1


def main():
    elf, dis, counts, out_json, core = sys.argv[1:6]
    # ---- static code ----
    ins = {}
    line_re = re.compile(r"^\s*([0-9a-f]+):\t([0-9a-f ]+?)\s*\t(\S+)\s*(.*)$")
    for line in open(dis):
        m = line_re.match(line)
        if not m:
            continue
        a = int(m.group(1), 16)
        size = 2 * len(m.group(2).split())
        if m.group(3).startswith("."):
            continue
        ins[a] = (size, m.group(3), m.group(4).rstrip())
    # ---- blocks and segments ----
    tbs = {}
    segs = []
    for line in open(counts):
        p = line.split()
        if p[0] == "T":
            tbs[int(p[1])] = (int(p[2]), int(p[3]))
        elif p[0] == "S":
            segs.append([])
        elif p[0] == "E":
            segs[-1].append((int(p[1]), int(p[2]), int(p[3])))
    dec = {}

    def D(a):
        if a not in dec:
            s, mn, ops = ins[a]
            dec[a] = decode(a, s, mn, ops)
        return dec[a]

    info = {}

    def tbinfo(t):
        if t in info:
            return info[t]
        first, last = tbs[t]
        seq, a = [], first
        while True:
            if a not in ins:
                raise SystemExit("classify: no instruction at 0x%x (block %d)" % (a, t))
            seq.append(D(a))
            if a == last:
                break
            a += ins[a][0]
            if a > last:
                raise SystemExit("classify: block %d overruns" % t)
        cnt = defaultdict(int)
        st = defaultdict(int)
        for k, x in enumerate(seq):
            if x.cls == "branch":
                if k < len(seq) - 1:
                    cnt["branch_not_taken" if x.cond else "branch_taken"] += 1
            else:
                cnt[x.cls] += 1
            if x.cls == "ldm":
                st["ldm_regs"] += x.nregs
                st["pop_pc"] += int(x.pop_pc)
            if x.cls == "stm":
                st["stm_regs"] += x.nregs
            if k:
                pair_stats(seq[k - 1], x, st)
        # M7 greedy for entry state 0 (first free) and 1 (first already paired)
        m7 = {}
        for s0 in (0, 1):
            pairs, k = 0, s0
            last_free = not s0 or len(seq) > 1
            while k < len(seq) - 1:
                if m7_pair(seq[k], seq[k + 1]):
                    pairs += 1; k += 2
                else:
                    k += 1
            # is the last instruction free to pair with the next block's first?
            last_free = (k == len(seq) - 1)
            m7[s0] = (pairs, last_free)
        info[t] = (seq, cnt, st, m7)
        return info[t]

    mark_end = None
    results = []
    for edges in segs:
        cnt = defaultdict(int)
        st = defaultdict(int)
        end_ids = set()
        # the terminal block (mark_end) is the 'cur' of the last transition;
        # identify it as a block never left inside the segment
        left = {e[0] for e in edges}
        for p_, c_, n in edges:
            if c_ not in left:
                end_ids.add(c_)
        for p_, c_, n in edges:
            cur_is_end = c_ in end_ids
            cseq = tbinfo(c_)[0]
            if p_ >= 0:
                pseq, _, _, pm7 = tbinfo(p_)
                last = pseq[-1]
                if last.cls == "branch":
                    taken = cseq[0].addr != last.addr + last.size
                    cnt["branch_taken" if taken else "branch_not_taken"] += n
                if not cur_is_end:
                    tmp = defaultdict(int)
                    pair_stats(last, cseq[0], tmp)
                    for k, v in tmp.items():
                        st[k] += v * n
            if cur_is_end:
                continue
            _, ccnt, cst, cm7 = tbinfo(c_)
            for k, v in ccnt.items():
                cnt[k] += v * n
            for k, v in cst.items():
                st[k] += v * n
            if core == "cortex-m7":
                s_in = 0
                if p_ >= 0 and pm7[0][1] and m7_pair(pseq[-1], cseq[0]):
                    s_in = 1
                    st["dual_issued"] += n
                st["dual_issued"] += cm7[s_in][0] * n
        row = {k: cnt.get(k, 0) for k in CLASSES}
        row.update({k: st.get(k, 0) for k in STATS})
        row["instructions"] = sum(row[k] for k in CLASSES)
        results.append(row)
    json.dump(results, open(out_json, "w"))


if __name__ == "__main__":
    main()
