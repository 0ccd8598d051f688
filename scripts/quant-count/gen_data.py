#!/usr/bin/env python3
"""Generate the code-book test tensors for scripts/quant-count (deterministic).

For each configuration and size: cluster indices drawn from a fixed-seed
distribution (Gaussian-shaped cluster populations, as K-means on Gaussian-like
weights gives), optional magnitude-style pruning at a density, the sparse
relative-index entries with filler entries exactly as
workloads/quant/codebook.cpp builds them, Huffman code lengths from the actual
frequencies (as huffman.cpp), canonical codes (RFC 1951), one MSB-first
bitstream per tensor (per entry: gap code, then index code), and the expected
int8 output (an independent Python model of the unpack, checked bit-exactly
on the target).

The work counts are computed with the rules of codebook.cpp:
  huffman_bits_decoded   = index bits + gap bits
  huffman_symbols_decoded = entries (x2 when sparse)
  codebook_lookups       = kept weights
  zero_fills             = elements - kept
  weights_written        = elements

Usage: gen_data.py OUT_HEADER OUT_COUNTS_CSV
"""
import heapq, math, random, sys

MAXBITS = 16
# name, k, density, gap bits (sparse), size list, sigma of cluster populations
CONFIGS = [
    ("dense_k2", 2, 1.0, 0, (1024, 4096), 1.0),
    ("dense_k4", 4, 1.0, 0, (1024, 4096), 0.8),
    ("dense_k16", 16, 1.0, 0, (1024, 4096), 4.0),
    ("dense_k256", 256, 1.0, 0, (1024, 4096), 60.0),
    ("sparse_k16_d30_b5", 16, 0.30, 5, (4096, 16384), 4.0),
    ("sparse_k16_d10_b5", 16, 0.10, 5, (4096, 16384), 4.0),
    ("sparse_k16_d05_b8", 16, 0.05, 8, (4096, 16384), 4.0),
    ("sparse_k4_d50_b8", 4, 0.50, 8, (4096, 16384), 0.8),
]


def huffman_lengths(freq):
    """Code length per symbol (0 for unused), as workloads/quant/huffman.cpp."""
    n = len(freq)
    used = [s for s in range(n) if freq[s] > 0]
    lens = [0] * n
    if not used:
        return lens
    if len(used) == 1:
        lens[used[0]] = 1
        return lens
    parent = []
    heap = []
    leaf = {}
    for s in used:
        leaf[s] = len(parent)
        heapq.heappush(heap, (freq[s], len(parent)))
        parent.append(None)
    while len(heap) > 1:
        a = heapq.heappop(heap)
        b = heapq.heappop(heap)
        nid = len(parent)
        parent.append(None)
        parent[a[1]] = parent[b[1]] = nid
        heapq.heappush(heap, (a[0] + b[0], nid))
    depth = [0] * len(parent)
    for i in range(len(parent) - 1, -1, -1):
        if parent[i] is not None:
            depth[i] = depth[parent[i]] + 1
    for s in used:
        lens[s] = depth[leaf[s]]
    return lens


def canonical(lens):
    """(codes, count[], symbols in canonical order)."""
    mx = max(lens)
    assert mx <= MAXBITS, "code too long"
    count = [0] * (MAXBITS + 1)
    for l in lens:
        if l:
            count[l] += 1
    nxt = [0] * (MAXBITS + 2)
    code = 0
    for b in range(1, MAXBITS + 1):
        code = (code + count[b - 1]) << 1
        nxt[b] = code
    codes = [0] * len(lens)
    for s, l in enumerate(lens):
        if l:
            codes[s] = nxt[l]
            nxt[l] += 1
    count[0] = 0
    order = sorted((l, s) for s, l in enumerate(lens) if l)
    return codes, count, [s for _, s in order]


def make(name, k, density, gbits, n, sigma, seed):
    rng = random.Random(seed)
    # cluster populations: Gaussian-shaped around the middle cluster
    wts = [math.exp(-0.5 * ((c - (k - 1) / 2.0) / sigma) ** 2) + 1e-3 for c in range(k)]
    cb = [int(round(-127 + 254 * c / max(1, k - 1))) if k > 1 else 17 for c in range(k)]
    cb = [v if v != 0 else 1 for v in cb]  # a kept weight never decodes to 0
    sparse = density < 1.0
    if sparse:
        keep = max(1, int(round(density * n)))
        pos = sorted(rng.sample(range(n), keep))
    else:
        pos = list(range(n))
    clusters = rng.choices(range(k), weights=wts, k=len(pos))
    out = [0] * n
    for p, c in zip(pos, clusters):
        out[p] = cb[c]
    entries = []  # (gap symbol = gap-1 or None, index symbol)
    fillers = 0
    if sparse:
        span = 1 << gbits
        prev = 0
        for p, c in zip(pos, clusters):
            gap = p + 1 - prev
            while gap > span:
                entries.append((span - 1, k))
                fillers += 1
                gap -= span
            entries.append((gap - 1, c))
            prev = p + 1
    else:
        entries = [(None, c) for c in clusters]
    ifreq = [0] * (k + (1 if sparse else 0))
    for _, c in entries:
        ifreq[c] += 1
    ilens = huffman_lengths(ifreq)
    icodes, icount, isyms = canonical(ilens)
    gfreq = glens = gcodes = gcount = gsyms = None
    if sparse:
        gfreq = [0] * (1 << gbits)
        for g, _ in entries:
            gfreq[g] += 1
        glens = huffman_lengths(gfreq)
        gcodes, gcount, gsyms = canonical(glens)
    bits = []
    for g, c in entries:
        if sparse:
            bits += [(gcodes[g] >> (glens[g] - 1 - j)) & 1 for j in range(glens[g])]
        bits += [(icodes[c] >> (ilens[c] - 1 - j)) & 1 for j in range(ilens[c])]
    nbits = len(bits)
    ibits = sum(f * l for f, l in zip(ifreq, ilens))
    gbits_tot = sum(f * l for f, l in zip(gfreq, glens)) if sparse else 0
    assert nbits == ibits + gbits_tot
    stream = []
    for i in range(0, nbits, 8):
        byte = 0
        for j in range(8):
            byte = (byte << 1) | (bits[i + j] if i + j < nbits else 0)
        stream.append(byte)
    stream += [0] * 4  # padding
    kept = len(pos)
    counts = dict(
        huffman_bits_decoded=nbits,
        huffman_symbols_decoded=2 * len(entries) if sparse else len(entries),
        codebook_lookups=kept,
        zero_fills=n - kept,
        weights_written=n,
    )
    return dict(name=name, n=n, sparse=sparse, k=k, filler=k if sparse else -1, cb=cb, out=out,
                stream=stream, icount=icount, isyms=isyms, gcount=gcount, gsyms=gsyms,
                entries=len(entries), fillers=fillers, counts=counts, clusters=[c for _, c in entries])


def carr(ctype, name, vals, per=24):
    s = "static const %s %s[%d] = {\n" % (ctype, name, len(vals))
    for i in range(0, len(vals), per):
        s += "  " + ",".join(str(v) for v in vals[i:i + per]) + ",\n"
    return s + "};\n"


def main():
    out_h, out_csv = sys.argv[1:3]
    h = ["/* generated by scripts/quant-count/gen_data.py: do not edit */",
         "#include \"kernels.h\""]
    recs = []
    rows = ["config,size_index,n,sparse,k,entries,fillers,huffman_bits_decoded,"
            "huffman_symbols_decoded,codebook_lookups,zero_fills,weights_written"]
    seed = 12345
    for name, k, density, gbits, sizes, sigma in CONFIGS:
        for si, n in enumerate(sizes):
            seed += 1
            d = make(name, k, density, gbits, n, sigma, seed)
            t = "%s_%d" % (name, si)
            h.append(carr("uint8_t", t + "_stream", d["stream"]))
            h.append(carr("int8_t", t + "_exp", d["out"]))
            h.append(carr("int8_t", t + "_cb", d["cb"]))
            h.append(carr("uint16_t", t + "_isym", d["isyms"]))
            h.append("static const huff_t %s_ih = {{%s}, %s_isym};" % (
                t, ",".join(map(str, d["icount"])), t))
            if d["sparse"]:
                h.append(carr("uint16_t", t + "_gsym", d["gsyms"]))
                h.append("static const huff_t %s_gh = {{%s}, %s_gsym};" % (
                    t, ",".join(map(str, d["gcount"])), t))
            # symbol stream of the index alphabet for the decoder-only kernel (dense)
            h.append(carr("uint8_t", t + "_syms", [c & 0xFF for c in d["clusters"]]))
            recs.append((t, name, si, d))
            c = d["counts"]
            rows.append("%s,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d" % (
                name, si, n, int(d["sparse"]), k, d["entries"], d["fillers"],
                c["huffman_bits_decoded"], c["huffman_symbols_decoded"], c["codebook_lookups"],
                c["zero_fills"], c["weights_written"]))
    h.append("typedef struct { const char *name; int size_index, n, sparse, filler, entries;")
    h.append("  const uint8_t *stream; const int8_t *exp, *cb; const huff_t *ih, *gh;")
    h.append("  const uint8_t *syms; } cbcase_t;")
    h.append("static const cbcase_t cbcases[] = {")
    for t, name, si, d in recs:
        h.append('  {"%s", %d, %d, %d, %d, %d, %s_stream, %s_exp, %s_cb, &%s_ih, %s, %s_syms},' % (
            name, si, d["n"], int(d["sparse"]), d["filler"], d["entries"], t, t, t, t,
            ("&%s_gh" % t) if d["sparse"] else "0", t))
    h.append("};")
    h.append("#define NCBCASES %d" % len(recs))
    h.append("#define CB_MAX_N %d" % max(d["n"] for _, _, _, d in recs))
    open(out_h, "w").write("\n".join(h) + "\n")
    open(out_csv, "w").write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
