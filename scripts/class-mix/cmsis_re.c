/* See cmsis_re.h. Own re-implementation of the CMSIS-NN s8 algorithms:
 *  - DSP intrinsics with the volatility CMSIS-NN's arm_nn_compiler.h gives
 *    them under GCC (SMLAD and the ROR-8 SXTB16/SXTAB16 forms volatile asm,
 *    SXTB16/SXTAB16/PKHBT plain asm, SMLABB/SMLATT ACLE builtins);
 *  - requantization: doubling high multiply as one SMLAL with 2^30 in the
 *    low word and >> 31, then rounding divide by a power of two;
 *  - cr_convolve: im2col per output pixel (int8 copy / pad fill), conversion
 *    of the column to int16 with the input offset ("unordered" SXTAB16 pairs
 *    on DSP cores), and a 2 output channels x 2 columns SMLAD kernel;
 *  - cr_convolve_1x1_fast / cr_convolve_1x1: a 2x2 (rhs rows x lhs rows)
 *    int8 matrix multiply with the input offset folded into a per-row
 *    contribution (sum of the filter row times the offset), one walking
 *    pointer per operand;
 *  - cr_depthwise_3x3: 4 channels at a time, the 3x3 taps unrolled per row,
 *    SMLABB/SMLATT on SXTB16 pairs;
 *  - cr_fully_connected: DSP 2 filter rows at a time, SMLAD, unrolled;
 *    plain C 3 rows at a time, not unrolled.
 * DSP paths under __ARM_FEATURE_DSP, plain C otherwise. */
#include "cmsis_re.h"
#include <string.h>
#if defined(__ARM_FEATURE_DSP)
#include <arm_acle.h>
#endif

#define NOINL __attribute__((noinline))

/* ---------------- helpers ---------------- */
static inline int32_t rd_s8x4(const int8_t *p) {
  int32_t v; memcpy(&v, p, 4); return v;
}
static inline int32_t rd_s8x4_ia(const int8_t **p) {
  int32_t v; memcpy(&v, *p, 4); *p += 4; return v;
}
static inline int32_t rd_s16x2_ia(const int16_t **p) {
  int32_t v; memcpy(&v, *p, 4); *p += 2; return v;
}

#if defined(__ARM_FEATURE_DSP)
/* DSP intrinsics as GCC builds of CMSIS-NN get them (arm_nn_compiler.h):
 * SXTB16 / SXTAB16 are plain inline asm; SMLAD and the rotated forms
 * SXTB16 ROR 8 / SXTAB16 ROR 8 are *volatile* inline asm (GCC keeps volatile
 * asm statements in source order, which shapes scheduling and register
 * pressure); SMLABB / SMLATT are the ACLE builtins. */
static inline int32_t sxtb16_ror8(int32_t x) {
  int32_t r; __asm__ volatile("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(x)); return r;
}
static inline int32_t sxtab16_ror8(int32_t a, int32_t x) {
  int32_t r; __asm__ volatile("sxtab16 %0, %1, %2, ror #8" : "=r"(r) : "r"(a), "r"(x)); return r;
}
static inline int32_t SXTB16(int32_t x) {
  int32_t r; __asm__("sxtb16 %0, %1" : "=r"(r) : "r"(x)); return r;
}
static inline int32_t SXTAB16(int32_t a, int32_t x) {
  int32_t r; __asm__("sxtab16 %0, %1, %2" : "=r"(r) : "r"(a), "r"(x)); return r;
}
static inline int32_t SMLAD(int32_t a, int32_t b, int32_t c) {
  int32_t r; __asm__ volatile("smlad %0, %1, %2, %3" : "=r"(r) : "r"(a), "r"(b), "r"(c)); return r;
}
#define SMLABB(a, b, c) ((int32_t)__smlabb((a), (b), (c)))
#define SMLATT(a, b, c) ((int32_t)__smlatt((a), (b), (c)))
/* CMSIS-NN's C ROR(): a separate ROR instruction, because it feeds the
 * plain-asm SXTB16 / SXTAB16 (GCC cannot fold it into their operand) */
static inline int32_t PKHBT16(int32_t a, int32_t b) {
  int32_t r; __asm__("pkhbt %0, %1, %2, lsl #16" : "=r"(r) : "r"(a), "r"(b)); return r;
}
static inline int32_t ror8(int32_t x) {
  return (int32_t)(((uint32_t)x >> 8) | ((uint32_t)x << 24));
}
#endif

/* (a*b + 2^30) >> 31 with an arithmetic (flooring) shift: one SMLAL with a
 * constant 2^30 in the low word. For every input this equals the
 * sign-dependent-nudge / truncating-divide form of TFLM's
 * SaturatingRoundingDoublingHighMul (no saturation case: mult >= 2^30). */
static inline int32_t dbl_high_mul(int32_t a, int32_t b) {
  const int64_t acc = ((int64_t)1 << 30) + (int64_t)a * b;
  return (int32_t)(acc >> 31);
}
static inline int32_t div_pot(int32_t x, int32_t e) {
  const int32_t mask = (int32_t)((1u << e) - 1u);
  const int32_t rem = x & mask;
  int32_t res = x >> e;
  int32_t thr = mask >> 1;
  if (res < 0) thr++;
  if (rem > thr) res++;
  return res;
}
static inline int32_t requant(int32_t v, int32_t m, int32_t s) {
  const int32_t ls = s > 0 ? s : 0, rs = s > 0 ? 0 : -s;
  return div_pot(dbl_high_mul(v * (1 << ls), m), rs);
}
static inline int32_t clamp(int32_t v, int32_t lo, int32_t hi) {
  v = v > lo ? v : lo; /* MAX, then MIN */
  return v < hi ? v : hi;
}
static inline int8_t finish(int32_t v, int32_t m, int32_t s, int32_t off,
                            int32_t lo, int32_t hi) {
  v = requant(v, m, s) + off;
  v = v < lo ? lo : v;
  v = v > hi ? hi : v;
  return (int8_t)v;
}

/* ---------------- im2col + 2x2 s8 x s16 kernel ---------------- */
int32_t cr_convolve_buf_size(const cr_dims *in, const cr_dims *f) {
  int32_t cols = f->h * f->w * in->c;
  int32_t al = (cols + 3) & ~3;
  return al * 2 * 2 + 2 * al + 16;
}

/* column int8 -> int16 plus offset */
static void col_to_s16(const int8_t *src, int16_t *dst, int32_t n, int16_t off) {
#if defined(__ARM_FEATURE_DSP)
  const int32_t off2 = (int32_t)(((uint32_t)(uint16_t)off << 16) | (uint16_t)off);
  int32_t k = n >> 2;
  while (k--) {
    int32_t w = rd_s8x4_ia(&src);
    int32_t e02 = SXTAB16(off2, w);       /* elements 0,2 */
    int32_t e13 = SXTAB16(off2, ror8(w)); /* elements 1,3 */
    memcpy(dst, &e02, 4); memcpy(dst + 2, &e13, 4);
    dst += 4;
  }
  k = n & 3;
#else
  int32_t k = n >> 2;
  while (k--) {
    dst[0] = (int16_t)(src[0] + off); dst[1] = (int16_t)(src[1] + off);
    dst[2] = (int16_t)(src[2] + off); dst[3] = (int16_t)(src[3] + off);
    src += 4; dst += 4;
  }
  k = n & 3;
#endif
  while (k--) *dst++ = (int16_t)(*src++ + off);
}

#if defined(__ARM_FEATURE_DSP)
/* weights in the same element order as col_to_s16 (read_and_pad_reordered:
 * SXTB16 of the word rotated by 8 with a separate ROR, then SXTB16) */
static inline const int8_t *rd_pad_reord(const int8_t *p, int32_t *e02, int32_t *e13) {
  int32_t w = rd_s8x4(p);
  *e13 = SXTB16(ror8(w)); *e02 = SXTB16(w);
  return p + 4;
}
#endif

static NOINL int8_t *mm_kernel_s8_s16(const int8_t *wa, const int16_t *colb,
                                      int32_t och, const int32_t *shift,
                                      const int32_t *mult, int32_t ooff,
                                      int32_t lo, int32_t hi, int32_t ncol,
                                      int32_t ncol_al, const int32_t *bias,
                                      int8_t *out0) {
  int8_t *out1 = out0 + och;
  const int8_t *a0 = wa;
  int32_t rows = och >> 1;
  while (rows--) {
    const int16_t *b0 = colb, *b1 = colb + ncol_al;
    const int8_t *a1 = a0 + ncol;
    int32_t c00 = bias[0], c01 = bias[0], c10 = bias[1], c11 = bias[1];
    bias += 2;
#if defined(__ARM_FEATURE_DSP)
    int32_t k = ncol >> 2;
    while (k--) {
      int32_t a0l, a0h, a1l, a1h;
      int32_t x0 = rd_s16x2_ia(&b0), x1 = rd_s16x2_ia(&b1);
      a0 = rd_pad_reord(a0, &a0l, &a0h);
      a1 = rd_pad_reord(a1, &a1l, &a1h);
      c00 = SMLAD(a0l, x0, c00); c01 = SMLAD(a0l, x1, c01);
      c10 = SMLAD(a1l, x0, c10); c11 = SMLAD(a1l, x1, c11);
      x0 = rd_s16x2_ia(&b0); x1 = rd_s16x2_ia(&b1);
      c00 = SMLAD(a0h, x0, c00); c01 = SMLAD(a0h, x1, c01);
      c10 = SMLAD(a1h, x0, c10); c11 = SMLAD(a1h, x1, c11);
    }
    k = ncol & 3;
#else
    int32_t k = ncol;
#endif
    while (k--) {
      int32_t w0 = *a0++, w1 = *a1++, x0 = *b0++, x1 = *b1++;
      c00 += w0 * x0; c01 += w0 * x1; c10 += w1 * x0; c11 += w1 * x1;
    }
    *out0++ = finish(c00, mult[0], shift[0], ooff, lo, hi);
    *out1++ = finish(c01, mult[0], shift[0], ooff, lo, hi);
    *out0++ = finish(c10, mult[1], shift[1], ooff, lo, hi);
    *out1++ = finish(c11, mult[1], shift[1], ooff, lo, hi);
    mult += 2; shift += 2;
    a0 += ncol;
  }
  if (och & 1) {
    const int16_t *b0 = colb, *b1 = colb + ncol_al;
    int32_t c00 = bias[0], c01 = bias[0];
#if defined(__ARM_FEATURE_DSP)
    int32_t k = ncol >> 2;
    while (k--) {
      int32_t al, ah;
      int32_t x0 = rd_s16x2_ia(&b0), x1 = rd_s16x2_ia(&b1);
      a0 = rd_pad_reord(a0, &al, &ah);
      c00 = SMLAD(al, x0, c00); c01 = SMLAD(al, x1, c01);
      x0 = rd_s16x2_ia(&b0); x1 = rd_s16x2_ia(&b1);
      c00 = SMLAD(ah, x0, c00); c01 = SMLAD(ah, x1, c01);
    }
    k = ncol & 3;
#else
    int32_t k = ncol;
#endif
    while (k--) {
      int32_t w0 = *a0++, x0 = *b0++, x1 = *b1++;
      c00 += w0 * x0; c01 += w0 * x1;
    }
    *out0++ = finish(c00, mult[0], shift[0], ooff, lo, hi);
    *out1++ = finish(c01, mult[0], shift[0], ooff, lo, hi);
  }
  return out0 + och;
}

int cr_convolve(void *buf, const cr_conv_params *p, const cr_quant *q,
                const cr_dims *in_d, const int8_t *in, const cr_dims *f_d,
                const int8_t *filt, const int32_t *bias, const cr_dims *o_d,
                int8_t *out) {
  const int32_t iw = in_d->w, ih = in_d->h, ic = in_d->c;
  const int32_t kw = f_d->w, kh = f_d->h;
  const int32_t ow = o_d->w, oh = o_d->h, och = o_d->c;
  const int32_t cols = kw * kh * ic;
  const int32_t al = (cols + 3) & ~3;
  int16_t *colbuf = (int16_t *)buf;
  int8_t *im8 = (int8_t *)(colbuf + 2 * al);
  int16_t *col16 = colbuf;
  int32_t ncols = 0;
  for (int32_t y = 0; y < oh; y++) {
    for (int32_t x = 0; x < ow; x++) {
      const int32_t by = y * p->stride_h - p->pad_h, bx = x * p->stride_w - p->pad_w;
      int8_t *dst = im8;
      for (int32_t ky = 0; ky < kh; ky++) {
        for (int32_t kx = 0; kx < kw; kx++) {
          const int32_t yy = by + ky, xx = bx + kx;
          if (yy < 0 || yy >= ih || xx < 0 || xx >= iw)
            memset(dst, (int8_t)-p->input_offset, (size_t)ic);
          else
            memcpy(dst, in + (yy * iw + xx) * ic, (size_t)ic);
          dst += ic;
        }
      }
      col_to_s16(im8, col16, cols, (int16_t)p->input_offset);
      col16 += al;
      if (++ncols == 2) {
        out = mm_kernel_s8_s16(filt, colbuf, och, q->shift, q->mult,
                               p->output_offset, p->act_min, p->act_max, cols,
                               al, bias, out);
        col16 = colbuf;
        ncols = 0;
      }
    }
  }
  if (ncols) { /* left-over single column */
    const int8_t *w = filt;
    for (int32_t c = 0; c < och; c++) {
      int32_t acc = bias[c];
      const int16_t *b = colbuf;
#if defined(__ARM_FEATURE_DSP)
      int32_t k = cols >> 2;
      while (k--) {
        int32_t wl, wh;
        w = rd_pad_reord(w, &wl, &wh);
        acc = SMLAD(wl, rd_s16x2_ia(&b), acc);
        acc = SMLAD(wh, rd_s16x2_ia(&b), acc);
      }
      k = cols & 3;
#else
      int32_t k = cols;
#endif
      while (k--) acc += *w++ * *b++;
      *out++ = finish(acc, q->mult[c], q->shift[c], p->output_offset,
                      p->act_min, p->act_max);
    }
  }
  return 0;
}

/* ---------------- int8 x int8 2x2 matrix multiply (1x1 conv) ----------------
 * As arm_nn_mat_mult_nt_t_s8: per pair of rhs (filter) rows, the offset
 * contribution sum(row) * lhs_offset + bias; then 2 lhs rows x 2 rhs rows.
 * Only one pointer per operand walks: the second rhs row is read at
 * +rhs_cols, the second lhs row at +lhs_stride (4-byte reads at the offset
 * minus 4 after the post-increment). Multipliers and shifts are read when
 * the results are requantized. DSP: x16 / x4 / scalar column loops;
 * plain C: one scalar column loop. */
static NOINL void mm_nt_t_s8(const int8_t *lhs, const int8_t *rhs,
                             const int32_t *bias, int8_t *dst,
                             const int32_t *mult, const int32_t *shift,
                             int32_t lhs_rows, int32_t rhs_rows,
                             int32_t rhs_cols, int32_t lhs_off, int32_t dst_off,
                             int32_t lo, int32_t hi, int32_t lhs_stride) {
#if defined(__ARM_FEATURE_DSP)
  const int32_t roff = rhs_cols - 4, loff = lhs_stride - 4;
#endif
/* one column of the 2x2 block, scalar (the DSP path's left-over columns and
 * the whole plain-C loop); plain braces, expands to the same tokens as the
 * loop body it replaced */
#define MM_COL_2X2                                                          \
  {                                                                         \
    const int32_t w0 = rp[0], w1 = rp[rhs_cols];                            \
    int32_t x = lp[0];                                                      \
    r00 += x * w0; r01 += x * w1;                                           \
    x = lp[lhs_stride];                                                     \
    r10 += x * w0; r11 += x * w1;                                           \
    rp++; lp++;                                                             \
  }
/* the same for the left-over lhs row (1x2) */
#define MM_COL_1X2                                                          \
  {                                                                         \
    const int32_t x = lp[0];                                                \
    r00 += x * rp[0]; r01 += x * rp[rhs_cols];                              \
    rp++; lp++;                                                             \
  }
  int32_t r = 0;
  for (; r <= rhs_rows - 2; r += 2) {
    const int8_t *lp = lhs;
    int8_t *d = dst;
    int32_t base0 = 0, base1 = 0;
    for (int32_t c = 0; c < rhs_cols; c++) { base0 += rhs[c]; base1 += rhs[c + rhs_cols]; }
    base0 = base0 * lhs_off + bias[r];
    base1 = base1 * lhs_off + bias[r + 1];
    for (int32_t l = lhs_rows >> 1; l != 0; l--) {
      const int8_t *rp = rhs;
      int32_t r00 = base0, r01 = base1, r10 = base0, r11 = base1;
#if defined(__ARM_FEATURE_DSP)
      int32_t c = 0;
#define MM_STEP4()                                                          \
  do {                                                                      \
    int32_t w0 = rd_s8x4_ia(&rp), w0l = SXTB16(w0);                         \
    int32_t x0 = rd_s8x4_ia(&lp), x0l = SXTB16(x0);                         \
    int32_t w1 = rd_s8x4(rp + roff);                                        \
    w0 = sxtb16_ror8(w0); x0 = sxtb16_ror8(x0);                             \
    r00 = SMLAD(x0l, w0l, r00);                                             \
    int32_t w1l = SXTB16(w1);                                               \
    r00 = SMLAD(x0, w0, r00);                                               \
    w1 = sxtb16_ror8(w1);                                                   \
    r01 = SMLAD(x0l, w1l, r01);                                             \
    r01 = SMLAD(x0, w1, r01);                                               \
    x0 = rd_s8x4(lp + loff); x0l = SXTB16(x0); x0 = sxtb16_ror8(x0);        \
    r10 = SMLAD(x0l, w0l, r10);                                             \
    r11 = SMLAD(x0l, w1l, r11);                                             \
    r10 = SMLAD(x0, w0, r10);                                               \
    r11 = SMLAD(x0, w1, r11);                                               \
  } while (0)
      for (; c <= rhs_cols - 16; c += 16) {
        MM_STEP4(); MM_STEP4(); MM_STEP4(); MM_STEP4();
      }
      for (; c <= rhs_cols - 4; c += 4) MM_STEP4();
#undef MM_STEP4
      for (; c < rhs_cols; c++) MM_COL_2X2
#else
      for (int32_t c = rhs_cols; c != 0; c--) MM_COL_2X2
#endif
      /* requantize all four, then offset and clamp, then store */
      r00 = requant(r00, mult[r], shift[r]);
      r01 = requant(r01, mult[r + 1], shift[r + 1]);
      r10 = requant(r10, mult[r], shift[r]);
      r11 = requant(r11, mult[r + 1], shift[r + 1]);
      r00 += dst_off; r01 += dst_off; r10 += dst_off; r11 += dst_off;
      r00 = clamp(r00, lo, hi); r01 = clamp(r01, lo, hi);
      r10 = clamp(r10, lo, hi); r11 = clamp(r11, lo, hi);
      d[0] = (int8_t)r00; d[1] = (int8_t)r01;
      d += rhs_rows;
      d[0] = (int8_t)r10; d[1] = (int8_t)r11;
      d += rhs_rows;
      lp += 2 * lhs_stride - rhs_cols;
    }
    if (lhs_rows & 1) { /* left-over lhs row */
      const int8_t *rp = rhs;
      int32_t r00 = base0, r01 = base1;
#if defined(__ARM_FEATURE_DSP)
      int32_t c = 0;
#define MM_STEP4_1()                                                        \
  do {                                                                      \
    int32_t w0 = rd_s8x4_ia(&rp), w1 = rd_s8x4(rp + roff);                  \
    int32_t x0 = rd_s8x4_ia(&lp);                                           \
    int32_t w0l = SXTB16(w0), x0l = SXTB16(x0), w1l = SXTB16(w1);           \
    w0 = sxtb16_ror8(w0); x0 = sxtb16_ror8(x0); w1 = sxtb16_ror8(w1);       \
    r00 = SMLAD(x0l, w0l, r00); r00 = SMLAD(x0, w0, r00);                   \
    r01 = SMLAD(x0l, w1l, r01); r01 = SMLAD(x0, w1, r01);                   \
  } while (0)
      for (; c <= rhs_cols - 16; c += 16) {
        MM_STEP4_1(); MM_STEP4_1(); MM_STEP4_1(); MM_STEP4_1();
      }
      for (; c <= rhs_cols - 4; c += 4) MM_STEP4_1();
#undef MM_STEP4_1
      for (; c < rhs_cols; c++) MM_COL_1X2
#else
      for (int32_t c = rhs_cols; c != 0; c--) MM_COL_1X2
#endif
      r00 = requant(r00, mult[r], shift[r]);
      r01 = requant(r01, mult[r + 1], shift[r + 1]);
      r00 += dst_off; r01 += dst_off;
      r00 = clamp(r00, lo, hi); r01 = clamp(r01, lo, hi);
      d[0] = (int8_t)r00; d[1] = (int8_t)r01;
    }
    rhs += 2 * rhs_cols;
    dst += 2;
  }
#undef MM_COL_2X2
#undef MM_COL_1X2
  if (rhs_rows & 1) { /* left-over rhs row: scalar, offset added per element */
    const int8_t *lp = lhs;
    int8_t *d = dst;
    for (int32_t l = 0; l < lhs_rows; l++) {
      const int8_t *rp = rhs;
      int32_t acc = bias[rhs_rows - 1];
      for (int32_t c = rhs_cols; c != 0; c--) acc += (*lp++ + lhs_off) * *rp++;
      lp += lhs_stride - rhs_cols;
      *d = finish(acc, mult[rhs_rows - 1], shift[rhs_rows - 1], dst_off, lo, hi);
      d += rhs_rows;
    }
  }
}

int cr_convolve_1x1_fast(const cr_conv_params *p, const cr_quant *q,
                         const cr_dims *in_d, const int8_t *in,
                         const cr_dims *f_d, const int8_t *filt,
                         const int32_t *bias, const cr_dims *o_d, int8_t *out) {
  (void)f_d;
  const int32_t rows = in_d->n * in_d->h * in_d->w;
  mm_nt_t_s8(in, filt, bias, out, q->mult, q->shift, rows, o_d->c, in_d->c,
             p->input_offset, p->output_offset, p->act_min, p->act_max, in_d->c);
  return 0;
}

/* strided / non-multiple-of-4 1x1: one matrix multiply per output row */
int cr_convolve_1x1(const cr_conv_params *p, const cr_quant *q,
                    const cr_dims *in_d, const int8_t *in, const cr_dims *f_d,
                    const int8_t *filt, const int32_t *bias,
                    const cr_dims *o_d, int8_t *out) {
  (void)f_d;
  const int32_t ic = in_d->c, oc = o_d->c;
  for (int32_t y = 0; y < o_d->h; y++) {
    const int8_t *src = in + (y * p->stride_h * in_d->w) * ic;
    mm_nt_t_s8(src, filt, bias, out, q->mult, q->shift, o_d->w, oc, ic,
               p->input_offset, p->output_offset, p->act_min, p->act_max,
               p->stride_w * ic);
    out += o_d->w * oc;
  }
  return 0;
}

/* ---------------- depthwise 3x3, ch_mult 1, pad <= 1 ---------------- */
#if defined(__ARM_FEATURE_DSP)
#define DW_TAP(IP, KP)                                   \
  do {                                                   \
    int32_t iv = rd_s8x4(IP), kv = rd_s8x4(KP);          \
    int32_t iv1 = sxtab16_ror8(off2, iv);                \
    int32_t kv1 = sxtb16_ror8(kv);                       \
    o1 = SMLABB(iv1, kv1, o1);                           \
    iv = SXTAB16(off2, iv);                              \
    o3 = SMLATT(iv1, kv1, o3);                           \
    kv = SXTB16(kv);                                     \
    o0 = SMLABB(iv, kv, o0);                             \
    o2 = SMLATT(iv, kv, o2);                             \
  } while (0)
#else
#define DW_TAP(IP, KP)                                                  \
  do {                                                                  \
    int32_t iv = rd_s8x4(IP), kv = rd_s8x4(KP);                         \
    o0 += ((int8_t)iv + ioff) * (int8_t)kv;                             \
    o1 += ((int8_t)(iv >> 8) + ioff) * (int8_t)(kv >> 8);               \
    o2 += ((int8_t)(iv >> 16) + ioff) * (int8_t)(kv >> 16);             \
    o3 += ((int8_t)(iv >> 24) + ioff) * (int8_t)(kv >> 24);             \
  } while (0)
#endif

int cr_depthwise_3x3(const cr_conv_params *p, const cr_quant *q,
                     const cr_dims *in_d, const int8_t *in, const cr_dims *f_d,
                     const int8_t *filt, const int32_t *bias,
                     const cr_dims *o_d, int8_t *out) {
  (void)f_d;
  const int32_t iw = in_d->w, ih = in_d->h, ch = in_d->c;
  const int32_t ow = o_d->w, oh = o_d->h;
  const int32_t ioff = p->input_offset, ooff = p->output_offset;
  const int32_t lo = p->act_min, hi = p->act_max;
  const int32_t *mult = q->mult, *shift = q->shift;
  int32_t oi = 0;
  for (int32_t y = 0, iy = -p->pad_h; y < oh; y++, iy += p->stride_h) {
    const int32_t kh0 = iy < 0 ? -iy : 0;
    const int32_t kh1 = (ih - iy) < 3 ? (ih - iy) : 3;
    for (int32_t x = 0, ix = -p->pad_w; x < ow; x++, ix += p->stride_w) {
      const int32_t kw0 = ix < 0 ? -ix : 0;
      const int32_t *bp = bias;
      int32_t c = 0;
      for (; c <= ch - 4; c += 4) {
        int32_t o0 = bp[0], o1 = bp[1], o2 = bp[2], o3 = bp[3];
        bp += 4;
        const int8_t *ip = in + (iy + kh0) * (ch * iw) + ix * ch + c;
        const int8_t *kp = filt + kh0 * (ch * 3) + c;
#if defined(__ARM_FEATURE_DSP)
        /* the packed offset pair is formed per channel group (PKHBT) */
        const int32_t off2 = PKHBT16(ioff, ioff);
#endif
        for (int32_t k = kh0; k < kh1; k++) {
          if (kw0 == 0) DW_TAP(ip, kp);
          DW_TAP(ip + ch, kp + ch);
          if (iw - ix >= 3) DW_TAP(ip + 2 * ch, kp + 2 * ch);
          ip += ch * iw;
          kp += ch * 3;
        }
        o0 = requant(o0, mult[c], shift[c]);
        o1 = requant(o1, mult[c + 1], shift[c + 1]);
        o2 = requant(o2, mult[c + 2], shift[c + 2]);
        o3 = requant(o3, mult[c + 3], shift[c + 3]);
        o0 += ooff; o1 += ooff; o2 += ooff; o3 += ooff;
        o0 = clamp(o0, lo, hi);
        o1 = clamp(o1, lo, hi);
        o2 = clamp(o2, lo, hi);
        o3 = clamp(o3, lo, hi);
        out[oi++] = (int8_t)o0; out[oi++] = (int8_t)o1;
        out[oi++] = (int8_t)o2; out[oi++] = (int8_t)o3;
      }
      for (; c < ch; c++) {
        int32_t acc = *bp++;
        const int8_t *ip = in + (iy + kh0) * (ch * iw) + ix * ch + c;
        const int8_t *kp = filt + kh0 * (ch * 3) + c;
        for (int32_t k = kh0; k < kh1; k++) {
          if (kw0 == 0) acc += (ip[0] + ioff) * kp[0];
          acc += (ip[ch] + ioff) * kp[ch];
          if (iw - ix >= 3) acc += (ip[2 * ch] + ioff) * kp[2 * ch];
          ip += ch * iw; kp += ch * 3;
        }
        out[oi++] = finish(acc, mult[c], shift[c], ooff, lo, hi);
      }
    }
  }
  return 0;
}

/* ---------------- generic depthwise (ch_mult 1, not 3x3/pad<=1) ----------------
 * What arm_depthwise_conv_wrapper_s8 runs for ch_mult 1, dilation 1, batch 1
 * when the 3x3 fast path does not apply: arm_depthwise_conv_s8_opt. On DSP
 * cores that is a per-output-pixel im2col into int16 (with the input offset,
 * arm_q7_to_q15_with_offset, a separate function called per kernel tap; zero
 * fill for padding) followed by 4 channels at a time over pairs of kernel
 * taps: 2 weight words (SXTB16, ROR + SXTB16), 4 int16-pair loads, PKHBT /
 * PKHTB re-pairing and 4 SMLAD; odd tap and left-over channels scalar.
 * Without DSP arm_depthwise_conv_s8_opt calls arm_depthwise_conv_s8, which
 * for ch_mult 1 runs depthwise_conv_s8_generic: one output channel at a
 * time, kernel bounds (with a dilation branch) per channel, index
 * arithmetic per tap. */
#if defined(__ARM_FEATURE_DSP)
static inline int32_t PKHTB16(int32_t a, int32_t b) {
  int32_t r; __asm__("pkhtb %0, %1, %2, asr #16" : "=r"(r) : "r"(a), "r"(b)); return r;
}
static inline int32_t PKHBT16r(int32_t a, int32_t b) { return PKHBT16(a, b); }
/* arm_q7_to_q15_with_offset (its own translation unit in CMSIS-NN) */
static NOINL void q7_to_q15_off(const int8_t *src, int16_t *dst, uint32_t n, int16_t off) {
  int32_t k = (int32_t)(n >> 2);
  const int32_t off2 = PKHBT16(off, off);
  while (k > 0) {
    int32_t w = rd_s8x4_ia(&src);
    int32_t e13 = SXTAB16(off2, ror8(w));
    int32_t e02 = SXTAB16(off2, w);
    int32_t hi = PKHTB16(e13, e02); /* elements 2,3 */
    int32_t lo = PKHBT16(e02, e13); /* elements 0,1 */
    memcpy(dst, &lo, 4); memcpy(dst + 2, &hi, 4);
    dst += 4;
    k--;
  }
  k = (int32_t)(n & 3);
  while (k > 0) { *dst++ = (int16_t)(*src++ + off); k--; }
}
static inline int32_t rd_s16x2(const int16_t *p) { int32_t v; memcpy(&v, p, 4); return v; }

int cr_depthwise(void *buf, const cr_conv_params *p, const cr_quant *q,
                 const cr_dims *in_d, const int8_t *in, const cr_dims *f_d,
                 const int8_t *filt, const int32_t *bias, const cr_dims *o_d,
                 int8_t *out) {
  const int32_t iw = in_d->w, ih = in_d->h, ch = in_d->c;
  const int32_t kw = f_d->w, kh = f_d->h;
  const int32_t ow = o_d->w, oh = o_d->h, och = o_d->c;
  const int32_t ioff = p->input_offset, ooff = p->output_offset;
  const int32_t lo = p->act_min, hi = p->act_max;
  int16_t *const colb = (int16_t *)buf;
  for (int32_t y = 0; y < oh; y++) {
    const int16_t by = (int16_t)(y * p->stride_h - p->pad_h);
    for (int32_t x = 0; x < ow; x++) {
      const int16_t bx = (int16_t)(x * p->stride_w - p->pad_w);
      const int32_t ky0 = by < 0 ? -by : 0;
      const int32_t ky1 = (ih - by) < kh ? (ih - by) : kh;
      int32_t idx = 0;
      if (ky0 != 0) {
        memset(&colb[idx], 0, (size_t)(kw * ch * ky0) * sizeof(int16_t));
        idx += kw * ch * ky0;
      }
      for (int32_t ky = ky0; ky < ky1; ky++) {
        const int32_t yy = by + ky;
        for (int32_t kx = 0; kx < kw; kx++) {
          const int32_t xx = bx + kx;
          if (xx < 0 || xx >= iw)
            memset(&colb[idx], 0, (size_t)ch * sizeof(int16_t));
          else
            q7_to_q15_off(in + (yy * iw + xx) * ch, &colb[idx], (uint32_t)ch, (int16_t)ioff);
          idx += ch;
        }
      }
      const int32_t rest = kh - ky1;
      if (rest != 0) memset(&colb[idx], 0, (size_t)(kw * ch * rest) * sizeof(int16_t));

      const int32_t *bp = bias, *mp = q->mult, *sp = q->shift;
      uint16_t groups = (uint16_t)(och / 4);
      uint16_t cs = 0;
      while (groups) {
        int32_t s0 = *bp++, s1 = *bp++, s2 = *bp++, s3 = *bp++;
        uint16_t taps = (uint16_t)((kw * kh) / 2);
        const int16_t *cp = colb + cs;
        const int8_t *wp = filt + cs;
        cs += 4;
        while (taps) {
          int32_t wa = rd_s8x4(wp), wb = rd_s8x4(wp + ch);
          int32_t xa = rd_s16x2(cp), xb = rd_s16x2(cp + ch);
          int32_t wa02 = SXTB16(wa), wa13 = SXTB16(ror8(wa));
          int32_t wb02 = SXTB16(wb), wb13 = SXTB16(ror8(wb));
          int32_t x0 = PKHBT16(xa, xb);   /* ch0 of tap a, ch0 of tap b */
          int32_t x1 = PKHTB16(xb, xa);   /* ch1 of tap a, ch1 of tap b */
          s0 = SMLAD(x0, PKHBT16r(wa02, wb02), s0);
          s1 = SMLAD(x1, PKHBT16r(wa13, wb13), s1);
          xa = rd_s16x2(cp + 2); xb = rd_s16x2(cp + ch + 2);
          x0 = PKHBT16(xa, xb);
          x1 = PKHTB16(xb, xa);
          s2 = SMLAD(x0, PKHTB16(wb02, wa02), s2);
          s3 = SMLAD(x1, PKHTB16(wb13, wa13), s3);
          wp += 2 * ch;
          cp += 2 * ch;
          taps--;
        }
        if ((kw * kh) & 1) {
          s0 += wp[0] * cp[0]; s1 += wp[1] * cp[1];
          s2 += wp[2] * cp[2]; s3 += wp[3] * cp[3];
        }
        s0 = requant(s0, *mp++, *sp++); s0 += ooff; s0 = clamp(s0, lo, hi); *out++ = (int8_t)s0;
        s1 = requant(s1, *mp++, *sp++); s1 += ooff; s1 = clamp(s1, lo, hi); *out++ = (int8_t)s1;
        s2 = requant(s2, *mp++, *sp++); s2 += ooff; s2 = clamp(s2, lo, hi); *out++ = (int8_t)s2;
        s3 = requant(s3, *mp++, *sp++); s3 += ooff; s3 = clamp(s3, lo, hi); *out++ = (int8_t)s3;
        groups--;
      }
      groups = (uint16_t)(och & 3);
      while (groups) {
        const int16_t *cp = colb + cs;
        const int8_t *wp = filt + cs;
        int32_t s = *bp++;
        const uint16_t nt = (uint16_t)(kw * kh);
        cs += 1;
        for (int32_t i = 0; i < nt; i++) s += wp[i * ch] * cp[i * ch];
        s = requant(s, *mp++, *sp++); s += ooff; s = clamp(s, lo, hi);
        *out++ = (int8_t)s;
        groups--;
      }
    }
  }
  return 0;
}
#else
static NOINL void dw_generic(const int8_t *in, int32_t iw, int32_t ih, int32_t ch,
                             const int8_t *filt, int32_t kw, int32_t kh,
                             int32_t pw, int32_t ph, int32_t sw, int32_t sh,
                             const int32_t *bias, int8_t *out, const int32_t *shift,
                             const int32_t *mult, int32_t ow, int32_t oh,
                             int32_t ooff, int32_t ioff, int32_t lo, int32_t hi,
                             int32_t dx, int32_t dy) {
  int32_t o = 0;
  for (int32_t y = 0; y < oh; y++) {
    const int32_t by = y * sh - ph;
    for (int32_t x = 0; x < ow; x++) {
      const int32_t bx = x * sw - pw;
      for (int32_t c = 0; c < ch; c++) {
        int32_t kx0, kx1, ky0, ky1;
        if (dx > 1) {
          kx0 = (-bx + dx - 1) / dx; kx0 = kx0 > 0 ? kx0 : 0;
          kx1 = (iw - bx + dx - 1) / dx; kx1 = kx1 < kw ? kx1 : kw;
        } else {
          kx0 = bx < 0 ? -bx : 0;
          kx1 = (iw - bx) < kw ? (iw - bx) : kw;
        }
        if (dy > 1) {
          ky0 = (-by + dy - 1) / dy; ky0 = ky0 > 0 ? ky0 : 0;
          ky1 = (ih - by + dy - 1) / dy; ky1 = ky1 < kh ? ky1 : kh;
        } else {
          ky0 = by < 0 ? -by : 0;
          ky1 = (ih - by) < kh ? (ih - by) : kh;
        }
        int32_t acc = bias[c];
        for (int32_t ky = ky0; ky < ky1; ky++) {
          const int32_t yy = by + dy * ky;
          for (int32_t kx = kx0; kx < kx1; kx++) {
            const int32_t xx = bx + dx * kx;
            acc += (in[(yy * iw + xx) * ch + c] + ioff) * filt[(ky * kw + kx) * ch + c];
          }
        }
        acc = requant(acc, mult[c], shift[c]);
        acc += ooff;
        acc = clamp(acc, lo, hi);
        out[o++] = (int8_t)acc;
      }
    }
  }
}

int cr_depthwise(void *buf, const cr_conv_params *p, const cr_quant *q,
                 const cr_dims *in_d, const int8_t *in, const cr_dims *f_d,
                 const int8_t *filt, const int32_t *bias, const cr_dims *o_d,
                 int8_t *out) {
  (void)buf;
  dw_generic(in, in_d->w, in_d->h, in_d->c, filt, f_d->w, f_d->h, p->pad_w,
             p->pad_h, p->stride_w, p->stride_h, bias, out, q->shift, q->mult,
             o_d->w, o_d->h, p->output_offset, p->input_offset, p->act_min,
             p->act_max, 1, 1);
  return 0;
}
#endif

int32_t cr_depthwise_buf_size(const cr_dims *in, const cr_dims *f) {
  return in->c * f->w * f->h * (int32_t)sizeof(int16_t);
}

/* ---------------- elementwise add (arm_elementwise_add_s8) ----------------
 * Per element: offset, left shift, requantize each input with its own
 * multiplier/shift, add, requantize, output offset, clamp. DSP: 4 elements
 * per iteration (read_and_pad_reordered of both inputs, SADD16 of the
 * packed offsets, halfword extracts, one packed word store). */
#if defined(__ARM_FEATURE_DSP)
static inline int32_t SADD16(int32_t a, int32_t b) {
  int32_t r; __asm__ volatile("sadd16 %0, %1, %2" : "=r"(r) : "r"(a), "r"(b)); return r;
}
#endif
static inline int32_t add_one(int32_t v1, int32_t v2, const cr_add_params *a) {
  v1 = requant(v1, a->in1_mult, a->in1_shift);
  v2 = requant(v2, a->in2_mult, a->in2_shift);
  int32_t s = requant(v1 + v2, a->out_mult, a->out_shift);
  s += a->out_offset;
  s = s > a->act_min ? s : a->act_min;
  s = s < a->act_max ? s : a->act_max;
  return s;
}
int cr_elementwise_add(const int8_t *in1, const int8_t *in2, const cr_add_params *a,
                       int8_t *out, int32_t n) {
  int32_t k;
  const int32_t ls = a->left_shift;
#if defined(__ARM_FEATURE_DSP)
  const int32_t o1 = (int32_t)(((uint32_t)a->in1_offset << 16) | ((uint32_t)a->in1_offset & 0xFFFFu));
  const int32_t o2 = (int32_t)(((uint32_t)a->in2_offset << 16) | ((uint32_t)a->in2_offset & 0xFFFFu));
  k = n >> 2;
  while (k > 0) {
    int32_t a02, a13, b02, b13;
    in1 = rd_pad_reord(in1, &a02, &a13);
    in2 = rd_pad_reord(in2, &b02, &b13);
    a13 = SADD16(a13, o1); a02 = SADD16(a02, o1);
    b13 = SADD16(b13, o2); b02 = SADD16(b02, o2);
#define LO16(v) ((int32_t)(((uint32_t)(v) & 0xFFFFu) << ls))
#define HI16(v) ((int32_t)((((uint32_t)(v) >> 16) & 0xFFFFu) << ls))
    int32_t r0 = add_one(LO16(a02), LO16(b02), a);
    int32_t r2 = add_one(HI16(a02), HI16(b02), a);
    int32_t r1 = add_one(LO16(a13), LO16(b13), a);
    int32_t r3 = add_one(HI16(a13), HI16(b13), a);
#undef LO16
#undef HI16
    int32_t w = (r0 & 0xFF) | ((r1 << 8) & 0xFF00) | ((r2 << 16) & 0xFF0000) |
                (int32_t)(((uint32_t)r3 << 24) & 0xFF000000u);
    memcpy(out, &w, 4); out += 4;
    k--;
  }
  k = n & 3;
#else
  k = n;
#endif
  while (k > 0) {
    int32_t v1 = (int32_t)((uint32_t)(*in1++ + a->in1_offset) << ls);
    int32_t v2 = (int32_t)((uint32_t)(*in2++ + a->in2_offset) << ls);
    *out++ = (int8_t)add_one(v1, v2, a);
    k--;
  }
  return 0;
}

/* ---------------- average pool (arm_avgpool_s8) ----------------
 * DSP: per output pixel, window bounds, then per window position a pass
 * over all channels into an int32 buffer (copy for the first position,
 * QADD after), then per channel round-half-away division by the count and
 * clamp. Plain C: per output element the full window loop with bounds
 * checks, then the same rounding division. */
#if defined(__ARM_FEATURE_DSP)
static inline int32_t QADD(int32_t a, int32_t b) {
  int32_t r; __asm__ volatile("qadd %0, %1, %2" : "=r"(r) : "r"(a), "r"(b)); return r;
}
static NOINL void scale_q31_q7(const int32_t *b, int8_t *t, int32_t len, int32_t cnt,
                               int32_t lo, int32_t hi) {
  const int32_t half = cnt / 2;
  for (int32_t i = 0; i < len; i++) {
    int32_t s = b[i] > 0 ? (b[i] + half) : (b[i] - half);
    s = s / cnt;
    s = s > lo ? s : lo;
    s = s < hi ? s : hi;
    t[i] = (int8_t)s;
  }
}
#endif
int cr_avgpool(void *buf, const cr_pool_params *p, const cr_dims *in_d,
               const int8_t *src, const cr_dims *f_d, const cr_dims *o_d,
               int8_t *dst) {
  const int32_t ih = in_d->h, iw = in_d->w, ch = in_d->c;
  const int32_t oh = o_d->h, ow = o_d->w, kh = f_d->h, kw = f_d->w;
  const int32_t sh = p->stride_h, sw = p->stride_w, ph = p->pad_h, pw = p->pad_w;
  const int32_t lo = p->act_min, hi = p->act_max;
#if defined(__ARM_FEATURE_DSP)
  int32_t *b = (int32_t *)buf;
  for (int32_t y = 0, iy = -ph; y < oh; iy += sh, y++) {
    for (int32_t x = 0, ix = -pw; x < ow; ix += sw, x++) {
      const int32_t ky0 = iy < 0 ? -iy : 0, kx0 = ix < 0 ? -ix : 0;
      const int32_t ky1 = (ih - iy) < kh ? (ih - iy) : kh;
      const int32_t kx1 = (iw - ix) < kw ? (iw - ix) : kw;
      int32_t cnt = 0;
      for (int32_t ky = ky0; ky < ky1; ky++) {
        for (int32_t kx = kx0; kx < kx1; kx++) {
          const int8_t *s = src + ch * (kx + ix + (ky + iy) * iw);
          if (cnt == 0) {
            for (int32_t i = 0; i < ch; i++) b[i] = s[i];
          } else {
            for (int32_t i = 0; i < ch; i++) b[i] = QADD(s[i], b[i]);
          }
          cnt++;
        }
      }
      if (cnt == 0) return -1;
      scale_q31_q7(b, dst, ch, cnt, lo, hi);
      dst += ch;
    }
  }
#else
  (void)buf;
  for (int32_t y = 0; y < oh; y++) {
    for (int32_t x = 0; x < ow; x++) {
      for (int32_t c = 0; c < ch; c++) {
        int32_t sum = 0, cnt = 0;
        for (int32_t ky = y * sh - ph; ky < y * sh - ph + kh; ky++) {
          for (int32_t kx = x * sw - pw; kx < x * sw - pw + kw; kx++) {
            if (ky >= 0 && kx >= 0 && ky < ih && kx < iw) {
              sum += src[c + ch * (kx + ky * iw)];
              cnt++;
            }
          }
        }
        if (cnt == 0) return -1;
        sum = sum > 0 ? (sum + cnt / 2) / cnt : (sum - cnt / 2) / cnt;
        sum = sum > lo ? sum : lo;
        sum = sum < hi ? sum : hi;
        dst[c + ch * (x + y * ow)] = (int8_t)sum;
      }
    }
  }
#endif
  return 0;
}

/* ---------------- fully connected: vector x matrix^T ---------------- */
/* CMSIS-NN applies "#pragma GCC optimize(unroll-loops)" to this function only
 * for GCC builds with DSP; the plain-C build is not unrolled. */
#if defined(__ARM_FEATURE_DSP)
#define FC_UNROLL __attribute__((optimize("unroll-loops")))
#else
#define FC_UNROLL
#endif
static NOINL FC_UNROLL void
vec_mat_mult_t_s8(const int8_t *lhs, const int8_t *rhs, const int32_t *bias,
                  int8_t *dst, int32_t lhs_off, int32_t dst_off, int32_t mult,
                  int32_t shift, int32_t cols, int32_t rows, int32_t lo,
                  int32_t hi) {
#if defined(__ARM_FEATURE_DSP)
  const int32_t off2 = (int32_t)(((uint32_t)(uint16_t)lhs_off << 16) | (uint16_t)lhs_off);
/* 4 input values (offset added, as SXTAB16 pairs x0/x1) times 4 weights of
 * row a into acc0; leaves x0, x1, w0, w1 declared for the caller. Expands to
 * the same tokens as the statements it replaced. */
#define FC_STEP4_A                                                          \
  int32_t x0 = rd_s8x4_ia(&v);                                              \
  int32_t x1 = sxtab16_ror8(off2, x0);                                      \
  x0 = SXTAB16(off2, x0);                                                   \
  int32_t w0 = rd_s8x4_ia(&a), w1 = sxtb16_ror8(w0);                        \
  w0 = SXTB16(w0);                                                          \
  acc0 = SMLAD(w1, x1, acc0); acc0 = SMLAD(w0, x0, acc0);
  for (int32_t r = 0; r < rows / 2; r++) {
    const int8_t *v = lhs, *a = rhs, *b = rhs + cols;
    int32_t acc0 = bias[0], acc1 = bias[1];
    bias += 2;
    int32_t k = cols >> 2;
    for (int32_t i = 0; i < k; i++) {
      FC_STEP4_A
      w0 = rd_s8x4_ia(&b); w1 = sxtb16_ror8(w0);
      w0 = SXTB16(w0);
      acc1 = SMLAD(w1, x1, acc1); acc1 = SMLAD(w0, x0, acc1);
    }
    for (int32_t i = cols & 3; i > 0; i--) {
      int32_t x = *v++ + lhs_off;
      acc0 += x * *a++; acc1 += x * *b++;
    }
    *dst++ = finish(acc0, mult, shift, dst_off, lo, hi);
    *dst++ = finish(acc1, mult, shift, dst_off, lo, hi);
    rhs += 2 * cols;
  }
  if (rows & 1) {
    const int8_t *v = lhs, *a = rhs;
    int32_t acc0 = bias[0];
    int32_t k = cols >> 2;
    for (int32_t i = 0; i < k; i++) {
      FC_STEP4_A
    }
    for (int32_t i = cols & 3; i > 0; i--) acc0 += (*v++ + lhs_off) * *a++;
    *dst++ = finish(acc0, mult, shift, dst_off, lo, hi);
  }
#undef FC_STEP4_A
#else
  /* plain C: 3 filter rows at a time, then the 0-2 remaining rows */
  for (int32_t r = 0; r < rows / 3; r++) {
    const int8_t *v = lhs, *a = rhs, *b = rhs + cols, *c = rhs + 2 * cols;
    int32_t acc0 = bias[0], acc1 = bias[1], acc2 = bias[2];
    bias += 3;
    for (int32_t i = 0; i < cols; i++) {
      const int32_t x = *v++ + lhs_off;
      acc0 += x * *a++; acc1 += x * *b++; acc2 += x * *c++;
    }
    *dst++ = finish(acc0, mult, shift, dst_off, lo, hi);
    *dst++ = finish(acc1, mult, shift, dst_off, lo, hi);
    *dst++ = finish(acc2, mult, shift, dst_off, lo, hi);
    rhs += 3 * cols;
  }
  for (int32_t r = rows % 3; r > 0; r--) {
    const int8_t *v = lhs, *a = rhs;
    int32_t acc0 = *bias++;
    for (int32_t i = 0; i < cols; i++) acc0 += (*v++ + lhs_off) * *a++;
    *dst++ = finish(acc0, mult, shift, dst_off, lo, hi);
    rhs += cols;
  }
#endif
}

int cr_fully_connected(const cr_conv_params *p, const cr_quant *q,
                       const cr_dims *in_d, const int8_t *in,
                       const cr_dims *f_d, const int8_t *filt,
                       const int32_t *bias, const cr_dims *o_d, int8_t *out) {
  (void)in_d;
  vec_mat_mult_t_s8(in, filt, bias, out, p->input_offset, p->output_offset,
                    q->mult[0], q->shift[0], f_d->c, o_d->c, p->act_min,
                    p->act_max);
  return 0;
}

/* ---------------- CMSIS_5 2020 DSP paths (LIB_C2020D only) ----------------
 * What TFLM 2.3.1 (MLPerf Tiny v0.5 reference, measurements.csv rows 1-2)
 * ships: CMSIS_5's 2020 kernels. Own re-implementation from the algorithm
 * descriptions (CMSIS_5 arm_convolve_s8 V.2.0.x, arm_nn_mat_mult_kernel_s8_s16
 * V.0.8-1.x, arm_q7_to_q15_with_offset, read_and_pad, arm_nn_vec_mat_mult_t_s8
 * V.1.x DSP branch), not CMSIS source. What differs from the current kernels
 * above: the im2col column is converted to int16 in element ORDER (SXTAB16
 * pairs re-interleaved with PKHBT/PKHTB, arm_q7_to_q15_with_offset), so each
 * group of 4 weights is re-interleaved the same way (read_and_pad: 2 PKH more
 * per 4 weights and row); requantization is the 2020 64-bit form
 * (cmsis2020_requant.h); the FC's 16-column loop is written out by hand
 * (below), so -Os keeps it unrolled. Compiled only for
 * DSP cores; no code of the measured libraries above changes. */
#if defined(LIB_C2020D) && defined(__ARM_FEATURE_DSP)
#include "cmsis2020_requant.h"

/* read_and_pad: 4 weights -> elements (0,1) and (2,3) as int16 pairs */
static inline const int8_t *c20d_read_and_pad(const int8_t *p, int32_t *e01, int32_t *e23) {
  int32_t w = rd_s8x4(p);
  int32_t e13 = SXTB16(ror8(w)), e02 = SXTB16(w);
  *e23 = PKHTB16(e13, e02);
  *e01 = PKHBT16(e02, e13);
  return p + 4;
}

static NOINL int8_t *c20d_mm_kernel(const int8_t *wa, const int16_t *colb, int32_t och,
                                    const int32_t *shift, const int32_t *mult, int32_t ooff,
                                    int32_t lo, int32_t hi, int32_t ncol, const int32_t *bias,
                                    int8_t *out0) {
  int8_t *out1 = out0 + och;
  const int8_t *a0 = wa;
  for (int32_t rows = och >> 1; rows != 0; rows--) {
    const int16_t *b0 = colb, *b1 = colb + ncol;
    const int8_t *a1 = a0 + ncol;
    int32_t c00 = bias[0], c01 = bias[0], c10 = bias[1], c11 = bias[1];
    bias += 2;
    for (int32_t k = ncol >> 2; k != 0; k--) {
      int32_t x0 = rd_s16x2_ia(&b0), x1 = rd_s16x2_ia(&b1), a01, a02, a11, a12;
      a0 = c20d_read_and_pad(a0, &a01, &a02);
      a1 = c20d_read_and_pad(a1, &a11, &a12);
      c00 = SMLAD(a01, x0, c00); c01 = SMLAD(a01, x1, c01);
      c10 = SMLAD(a11, x0, c10); c11 = SMLAD(a11, x1, c11);
      x0 = rd_s16x2_ia(&b0); x1 = rd_s16x2_ia(&b1);
      c00 = SMLAD(a02, x0, c00); c01 = SMLAD(a02, x1, c01);
      c10 = SMLAD(a12, x0, c10); c11 = SMLAD(a12, x1, c11);
    }
    for (int32_t k = ncol & 3; k != 0; k--) {
      int32_t w0 = *a0++, w1 = *a1++, x0 = *b0++, x1 = *b1++;
      c00 += w0 * x0; c01 += w0 * x1; c10 += w1 * x0; c11 += w1 * x1;
    }
    *out0++ = c20_out(c00, mult[0], shift[0], ooff, lo, hi);
    *out1++ = c20_out(c01, mult[0], shift[0], ooff, lo, hi);
    *out0++ = c20_out(c10, mult[1], shift[1], ooff, lo, hi);
    *out1++ = c20_out(c11, mult[1], shift[1], ooff, lo, hi);
    mult += 2; shift += 2;
    a0 += ncol;
  }
  if (och & 1) {
    const int16_t *b0 = colb, *b1 = colb + ncol;
    int32_t c00 = bias[0], c01 = bias[0];
    for (int32_t k = ncol >> 2; k != 0; k--) {
      int32_t x0 = rd_s16x2_ia(&b0), x1 = rd_s16x2_ia(&b1), al, ah;
      a0 = c20d_read_and_pad(a0, &al, &ah);
      c00 = SMLAD(al, x0, c00); c01 = SMLAD(al, x1, c01);
      x0 = rd_s16x2_ia(&b0); x1 = rd_s16x2_ia(&b1);
      c00 = SMLAD(ah, x0, c00); c01 = SMLAD(ah, x1, c01);
    }
    for (int32_t k = ncol & 3; k != 0; k--) {
      int32_t w0 = *a0++, x0 = *b0++, x1 = *b1++;
      c00 += w0 * x0; c01 += w0 * x1;
    }
    *out0++ = c20_out(c00, mult[0], shift[0], ooff, lo, hi);
    *out1++ = c20_out(c01, mult[0], shift[0], ooff, lo, hi);
  }
  return out0 + och;
}

/* arm_convolve_s8 (2020, DSP): per output pixel, each filter tap's input
 * pixel is converted straight into the int16 column (zeros for padding);
 * every two columns run the 2x2 kernel; an odd last column runs alone. */
int c20d_convolve(void *buf, const cr_conv_params *p, const cr_quant *q, const cr_dims *in_d,
                  const int8_t *in, const cr_dims *f_d, const int8_t *filt, const int32_t *bias,
                  const cr_dims *o_d, int8_t *out) {
  const int32_t iw = in_d->w, ih = in_d->h, ic = in_d->c;
  const int32_t kw = f_d->w, kh = f_d->h, ow = o_d->w, oh = o_d->h, och = o_d->c;
  const int32_t cols = kw * kh * ic;
  int16_t *colbuf = (int16_t *)buf, *col = colbuf;
  for (int32_t y = 0; y < oh; y++)
    for (int32_t x = 0; x < ow; x++) {
      for (int32_t yy = y * p->stride_h - p->pad_h; yy < y * p->stride_h - p->pad_h + kh; yy++)
        for (int32_t xx = x * p->stride_w - p->pad_w; xx < x * p->stride_w - p->pad_w + kw; xx++) {
          if (yy < 0 || yy >= ih || xx < 0 || xx >= iw)
            memset(col, 0, sizeof(int16_t) * (size_t)ic);
          else
            q7_to_q15_off(in + (yy * iw + xx) * ic, col, (uint32_t)ic, (int16_t)p->input_offset);
          col += ic;
        }
      if (col == colbuf + 2 * cols) {
        out = c20d_mm_kernel(filt, colbuf, och, q->shift, q->mult, p->output_offset, p->act_min,
                             p->act_max, cols, bias, out);
        col = colbuf;
      }
    }
  if (col != colbuf) {
    const int8_t *w = filt;
    for (int32_t c = 0; c < och; c++) {
      int32_t acc = bias[c];
      const int16_t *b = colbuf;
      for (int32_t k = cols >> 2; k != 0; k--) {
        int32_t wl, wh;
        w = c20d_read_and_pad(w, &wl, &wh);
        acc = SMLAD(wl, rd_s16x2_ia(&b), acc);
        acc = SMLAD(wh, rd_s16x2_ia(&b), acc);
      }
      for (int32_t k = cols & 3; k != 0; k--) acc += *w++ * *b++;
      *out++ = c20_out(acc, q->mult[c], q->shift[c], p->output_offset, p->act_min, p->act_max);
    }
  }
  return 0;
}

/* arm_fully_connected_s8 -> arm_nn_vec_mat_mult_t_s8 as TFLM 2.3.1 ships it:
 * V.1.x (2020), DSP branch (V.1.5.0 of April 2020, in a TFLM-vendored tree, read
 * with read_file; V.1.6.0 of March 2021 has the same branch, V.2.x of May 2021
 * replaced it by a plain 4-column loop). Two filter rows per pass; 16 columns
 * per iteration written out as four groups of four: 4 weights of the first row
 * (post-increment) and 4 inputs, widened by SXTAB16 with the weight and the
 * input offset (odd bytes through a separate ROR 8, as CMSIS_5's 2020
 * cmsis_gcc.h __ROR is plain C), 4 weights of the second row read at the
 * first row's pointer + cols - 4, four SMLAD; a scalar tail of cols % 16; a
 * lone last row in the same 16-column form; 2020 requantization. The weight
 * offset is a run-time argument there (0 for TFLM's symmetric int8 weights):
 * read from a volatile so the compiler keeps the SXTAB16 as the library has it. */
/* One group of 4 columns, written out 4 times per 16-column iteration as the
 * library does (a loop here would stay rolled at -Os): 4 weights of the first
 * row and 4 inputs widened, then (two rows) the second row's 4 weights. */
#define C20D_FC_WIDEN                              \
  int32_t a = rd_s8x4_ia(&w);                      \
  int32_t a_lo = SXTAB16(woff2, a);                \
  int32_t x = rd_s8x4_ia(&v);                      \
  int32_t a_hi = SXTAB16(woff2, ror8(a));          \
  int32_t x_lo = SXTAB16(loff2, x);                \
  int32_t x_hi = SXTAB16(loff2, ror8(x));
#define C20D_FC_GROUP2                             \
  {                                                \
    C20D_FC_WIDEN                                  \
    int32_t b = rd_s8x4(w + second);               \
    acc0 = SMLAD(x_lo, a_lo, acc0);                \
    int32_t b_lo = SXTAB16(woff2, b);              \
    acc0 = SMLAD(x_hi, a_hi, acc0);                \
    int32_t b_hi = SXTAB16(woff2, ror8(b));        \
    acc1 = SMLAD(x_lo, b_lo, acc1);                \
    acc1 = SMLAD(x_hi, b_hi, acc1);                \
  }
#define C20D_FC_GROUP1                             \
  {                                                \
    C20D_FC_WIDEN                                  \
    acc0 = SMLAD(x_lo, a_lo, acc0);                \
    acc0 = SMLAD(x_hi, a_hi, acc0);                \
  }
volatile int32_t c20d_fc_weight_offset = 0;
int c20d_fully_connected(const cr_conv_params *p, const cr_quant *q, const cr_dims *in_d,
                         const int8_t *in, const cr_dims *f_d, const int8_t *filt,
                         const int32_t *bias, const cr_dims *o_d, int8_t *out) {
  (void)in_d;
  const int32_t cols = f_d->c, rows = o_d->c, m = q->mult[0], s = q->shift[0];
  const int32_t loff = p->input_offset, woff = c20d_fc_weight_offset, doff = p->output_offset;
  const int32_t second = cols - 4;
  const int32_t loff2 = PKHBT16(loff, loff), woff2 = PKHBT16(woff, woff);
  const int8_t *rhs = filt;
  int32_t r = 0;
  for (; r <= rows - 2; r += 2) {
    const int8_t *v = in, *w = rhs;
    int32_t acc0 = *bias++, acc1 = *bias++;
    int32_t c = 0;
    for (; c <= cols - 16; c += 16) {
      C20D_FC_GROUP2 C20D_FC_GROUP2 C20D_FC_GROUP2 C20D_FC_GROUP2
    }
    for (; c < cols; c++) {
      const int32_t x = *v++ + loff;
      acc0 += x * (w[0] + woff);
      acc1 += x * (w[cols] + woff);
      w++;
    }
    *out++ = c20_out(acc0, m, s, doff, p->act_min, p->act_max);
    *out++ = c20_out(acc1, m, s, doff, p->act_min, p->act_max);
    rhs += 2 * cols;
  }
  if (rows % 2) {
    const int8_t *v = in, *w = rhs;
    int32_t acc0 = *bias;
    int32_t c = 0;
    for (; c <= cols - 16; c += 16) {
      C20D_FC_GROUP1 C20D_FC_GROUP1 C20D_FC_GROUP1 C20D_FC_GROUP1
    }
    for (; c < cols; c++) acc0 += (*v++ + loff) * (*w++ + woff);
    *out = c20_out(acc0, m, s, doff, p->act_min, p->act_max);
  }
  return 0;
}

/* arm_convolve_1x1_s8_fast (2020) -> arm_nn_mat_mult_nt_t_s8 V.1.0.x, DSP branch
 * (read with read_file: V.1.0.3 of October 2020; the 2020 cmsis_gcc.h gives the
 * rotated extend as a separate ROR + SXTB16): per pair of filter rows, their
 * sums x input offset + bias first; then 2 input rows x 2 filter rows, 16
 * columns per iteration written out as four groups (first rows post-increment,
 * second rows read at +cols - 4), a scalar tail, requantization of the four
 * (2020 form) before offset and clamp; a lone input row 1 x 2 in the same form;
 * a lone filter row scalar with the offset added per element. No 4-column
 * middle loop (today's kernel has one). */
#define C20D_MM_GROUP2X2                                                   \
  {                                                                        \
    int32_t w0 = rd_s8x4_ia(&rp), w0l = SXTB16(w0);                        \
    int32_t x0 = rd_s8x4_ia(&lp), x0l = SXTB16(x0);                        \
    int32_t w1 = rd_s8x4(rp + second);                                     \
    w0 = SXTB16(ror8(w0)); x0 = SXTB16(ror8(x0));                          \
    r00 = SMLAD(x0l, w0l, r00);                                            \
    int32_t w1l = SXTB16(w1);                                              \
    r00 = SMLAD(x0, w0, r00);                                              \
    w1 = SXTB16(ror8(w1));                                                 \
    r01 = SMLAD(x0l, w1l, r01);                                            \
    r01 = SMLAD(x0, w1, r01);                                              \
    x0 = rd_s8x4(lp + second); x0l = SXTB16(x0); x0 = SXTB16(ror8(x0));    \
    r10 = SMLAD(x0l, w0l, r10);                                            \
    r11 = SMLAD(x0l, w1l, r11);                                            \
    r10 = SMLAD(x0, w0, r10);                                              \
    r11 = SMLAD(x0, w1, r11);                                              \
  }
#define C20D_MM_GROUP1X2                                                   \
  {                                                                        \
    int32_t w0 = rd_s8x4_ia(&rp), w1 = rd_s8x4(rp + second);               \
    int32_t x0 = rd_s8x4_ia(&lp);                                          \
    int32_t w0l = SXTB16(w0), x0l = SXTB16(x0), w1l = SXTB16(w1);          \
    w0 = SXTB16(ror8(w0)); x0 = SXTB16(ror8(x0)); w1 = SXTB16(ror8(w1));   \
    r00 = SMLAD(x0l, w0l, r00); r00 = SMLAD(x0, w0, r00);                  \
    r01 = SMLAD(x0l, w1l, r01); r01 = SMLAD(x0, w1, r01);                  \
  }
static NOINL void c20d_mm_nt_t(const int8_t *lhs, const int8_t *rhs, const int32_t *bias,
                               int8_t *dst, const int32_t *mult, const int32_t *shift,
                               int32_t lhs_rows, int32_t rhs_rows, int32_t cols,
                               int32_t loff, int32_t doff, int32_t lo, int32_t hi) {
  const int32_t second = cols - 4;
  int32_t r = 0;
  for (; r <= rhs_rows - 2; r += 2) {
    const int8_t *lp = lhs;
    int8_t *d = dst;
    int32_t base0 = 0, base1 = 0;
    for (int32_t c = 0; c < cols; ++c) { base0 += rhs[c]; base1 += rhs[c + cols]; }
    base0 = base0 * loff + bias[r];
    base1 = base1 * loff + bias[r + 1];
    for (int32_t l = lhs_rows >> 1; l != 0; l--) {
      const int8_t *rp = rhs;
      int32_t r00 = base0, r01 = base1, r10 = base0, r11 = base1;
      int32_t c = 0;
      for (; c <= cols - 16; c += 16) {
        C20D_MM_GROUP2X2 C20D_MM_GROUP2X2 C20D_MM_GROUP2X2 C20D_MM_GROUP2X2
      }
      for (; c < cols; ++c) {
        const int32_t w0 = rp[0], w1 = rp[cols];
        int32_t x = lp[0];
        r00 += x * w0; r01 += x * w1;
        x = lp[cols];
        r10 += x * w0; r11 += x * w1;
        ++rp; ++lp;
      }
      r00 = c20_requant(r00, mult[r], shift[r]);
      r01 = c20_requant(r01, mult[r + 1], shift[r + 1]);
      r10 = c20_requant(r10, mult[r], shift[r]);
      r11 = c20_requant(r11, mult[r + 1], shift[r + 1]);
      r00 += doff; r01 += doff; r10 += doff; r11 += doff;
      r00 = r00 < lo ? lo : (r00 > hi ? hi : r00);
      r01 = r01 < lo ? lo : (r01 > hi ? hi : r01);
      r10 = r10 < lo ? lo : (r10 > hi ? hi : r10);
      r11 = r11 < lo ? lo : (r11 > hi ? hi : r11);
      d[0] = (int8_t)r00; d[1] = (int8_t)r01;
      d += rhs_rows;
      d[0] = (int8_t)r10; d[1] = (int8_t)r11;
      d += rhs_rows;
      lp += cols;
    }
    if (lhs_rows % 2) {
      const int8_t *rp = rhs;
      int32_t r00 = base0, r01 = base1;
      int32_t c = 0;
      for (; c <= cols - 16; c += 16) {
        C20D_MM_GROUP1X2 C20D_MM_GROUP1X2 C20D_MM_GROUP1X2 C20D_MM_GROUP1X2
      }
      for (; c < cols; ++c) {
        const int32_t x = lp[0];
        r00 += x * rp[0]; r01 += x * rp[cols];
        ++rp; ++lp;
      }
      r00 = c20_requant(r00, mult[r], shift[r]);
      r01 = c20_requant(r01, mult[r + 1], shift[r + 1]);
      r00 += doff; r01 += doff;
      r00 = r00 < lo ? lo : (r00 > hi ? hi : r00);
      r01 = r01 < lo ? lo : (r01 > hi ? hi : r01);
      d[0] = (int8_t)r00; d[1] = (int8_t)r01;
    }
    rhs += 2 * cols;
    dst += 2;
  }
  if (rhs_rows % 2) {
    const int8_t *lp = lhs;
    int8_t *d = dst;
    for (int32_t l = 0; l < lhs_rows; ++l) {
      const int8_t *rp = rhs;
      int32_t acc = bias[rhs_rows - 1];
      for (int32_t c = 0; c < cols; ++c) acc += (*lp++ + loff) * *rp++;
      *d = c20_out(acc, mult[rhs_rows - 1], shift[rhs_rows - 1], doff, lo, hi);
      d += rhs_rows;
    }
  }
}
#undef C20D_MM_GROUP2X2
#undef C20D_MM_GROUP1X2

int c20d_convolve_1x1(const cr_conv_params *p, const cr_quant *q, const cr_dims *in_d,
                      const int8_t *in, const cr_dims *f_d, const int8_t *filt,
                      const int32_t *bias, const cr_dims *o_d, int8_t *out) {
  (void)f_d;
  c20d_mm_nt_t(in, filt, bias, out, q->mult, q->shift, in_d->n * in_d->h * in_d->w, o_d->c,
               in_d->c, p->input_offset, p->output_offset, p->act_min, p->act_max);
  return 0;
}

/* arm_depthwise_conv_s8_opt V.1.5.0 (March 2020), DSP branch (read with
 * read_file); TFLM 2.3.1 sends every depthwise layer with multiplier 1 here,
 * 3x3 or not. Per output pixel: the kernel window's rows above/below the input
 * zero-filled in one block, each tap's input pixel converted to int16 with the
 * input offset (arm_q7_to_q15_with_offset; zeros left/right of the input);
 * then 4 channels at a time, the window's taps in pairs: 4 weights of two taps
 * each, both extended (SXTB16, separate ROR), the int16 inputs of the two taps
 * re-interleaved with PKHBT/PKHTB to meet them, 4 SMLAD per pair; an odd last
 * tap scalar; requantize (2020 form), offset, clamp per channel; left-over
 * channels scalar. buf: kh * kw * ch int16. */
int c20d_dw_opt(void *buf, const cr_conv_params *p, const cr_quant *q, const cr_dims *in_d,
                const int8_t *in, const cr_dims *f_d, const int8_t *filt, const int32_t *bias,
                const cr_dims *o_d, int8_t *out) {
  const int32_t iw = in_d->w, ih = in_d->h, ch = in_d->c;
  const int32_t kh = f_d->h, kw = f_d->w, ow = o_d->w, oh = o_d->h;
  const int32_t taps = kh * kw;
  int16_t *const col = (int16_t *)buf;
  const int16_t ioff = (int16_t)p->input_offset;
  for (int32_t oy = 0; oy < oh; oy++) {
    const int32_t by = oy * p->stride_h - p->pad_h;
    for (int32_t ox = 0; ox < ow; ox++) {
      const int32_t bx = ox * p->stride_w - p->pad_w;
      const int32_t ky0 = by < 0 ? -by : 0;
      const int32_t ky1 = kh < ih - by ? kh : ih - by;
      int32_t idx = 0;
      if (ky0 != 0) {
        memset(&col[idx], 0, (size_t)(kw * ch * ky0) * sizeof(int16_t));
        idx += kw * ch * ky0;
      }
      for (int32_t ky = ky0; ky < ky1; ky++) {
        const int32_t y = by + ky;
        for (int32_t kx = 0; kx < kw; kx++) {
          const int32_t x = bx + kx;
          if (x < 0 || x >= iw)
            memset(&col[idx], 0, (size_t)ch * sizeof(int16_t));
          else
            q7_to_q15_off(in + (y * iw + x) * ch, &col[idx], (uint32_t)ch, ioff);
          idx += ch;
        }
      }
      if (kh - ky1 != 0) memset(&col[idx], 0, (size_t)(kw * ch * (kh - ky1)) * sizeof(int16_t));
      const int32_t *b = bias, *m = q->mult, *s = q->shift;
      int32_t shift_ch = 0;
      for (int32_t g = ch / 4; g != 0; g--) {
        int32_t s0 = *b++, s1 = *b++, s2 = *b++, s3 = *b++;
        const int16_t *cp = col + shift_ch;
        const int8_t *wp = filt + shift_ch;
        shift_ch += 4;
        for (int32_t t = taps / 2; t != 0; t--) {
          int32_t wb1 = rd_s8x4(wp), wa1 = rd_s8x4(wp + ch);
          int32_t oa = rd_s16x2(cp), ob = rd_s16x2(cp + ch);
          int32_t wa2 = SXTB16(wb1);
          wb1 = SXTB16(ror8(wb1));
          int32_t wb2 = SXTB16(wa1);
          wa1 = SXTB16(ror8(wa1));
          int32_t oc = PKHBT16(ob, oa);
          oa = PKHTB16(ob, oa);
          int32_t t0 = PKHBT16(wb2, wa2);
          s0 = SMLAD(oc, t0, s0);
          t0 = PKHBT16(wb1, wa1);
          s1 = SMLAD(oa, t0, s1);
          oa = rd_s16x2(cp + 2);
          ob = rd_s16x2(cp + ch + 2);
          oc = PKHBT16(ob, oa);
          oa = PKHTB16(ob, oa);
          t0 = PKHTB16(wa2, wb2);
          s2 = SMLAD(oc, t0, s2);
          t0 = PKHTB16(wa1, wb1);
          s3 = SMLAD(oa, t0, s3);
          wp += ch << 1;
          cp += ch << 1;
        }
        if (taps & 1) {
          s0 += wp[0] * cp[0]; s1 += wp[1] * cp[1];
          s2 += wp[2] * cp[2]; s3 += wp[3] * cp[3];
        }
        *out++ = c20_out(s0, *m++, *s++, p->output_offset, p->act_min, p->act_max);
        *out++ = c20_out(s1, *m++, *s++, p->output_offset, p->act_min, p->act_max);
        *out++ = c20_out(s2, *m++, *s++, p->output_offset, p->act_min, p->act_max);
        *out++ = c20_out(s3, *m++, *s++, p->output_offset, p->act_min, p->act_max);
      }
      for (int32_t r = ch & 3; r != 0; r--) {
        const int16_t *cp = col + shift_ch;
        const int8_t *wp = filt + shift_ch;
        int32_t acc = *b++;
        shift_ch++;
        for (int32_t t = 0; t < taps; t++) acc += wp[t * ch] * cp[t * ch];
        *out++ = c20_out(acc, *m++, *s++, p->output_offset, p->act_min, p->act_max);
      }
    }
  }
  return 0;
}
#endif
