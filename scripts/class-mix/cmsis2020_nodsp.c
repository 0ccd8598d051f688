/* Own C11 re-implementation of the NON-DSP (plain C) paths of CMSIS-NN as
 * shipped in ARM-software/CMSIS_5 in 2020-2021 (arm_convolve_wrapper_s8
 * V.1.0.x, arm_convolve_s8 V.2.0.x, arm_convolve_1x1_s8_fast V.2.0.x ->
 * arm_nn_mat_mult_nt_t_s8 V.1.0.x, arm_fully_connected_s8 ->
 * arm_nn_vec_mat_mult_t_s8 V.2.x), i.e. what a build WITHOUT ARM_MATH_DSP
 * executes. Written from the algorithm descriptions, not CMSIS source.
 * The path is fixed (no __ARM_FEATURE_DSP test): the library row
 * "cmsis-nn-2020-nodsp" is plain C on every core.
 * Requantization uses the 2020 arm_nn_requantize form: 64-bit product with a
 * sign-dependent nudge, truncating divide by 2^31, saturation of the
 * (MIN, MIN) case, then a rounding divide by a power of two; forced inline,
 * as CMSIS-NN declares these helpers __STATIC_FORCEINLINE. */
#include <stdint.h>
#include "cmsis2020_nodsp.h"

#define NOINL __attribute__((noinline))

#include "cmsis2020_requant.h"

/* arm_convolve_s8, "#else" branch (Cortex-M0/M3 reference): naive loop nest,
 * output channel outermost, kernel window clipped to the input. */
NOINL int c20_convolve(const cr_conv_params *p, const cr_quant *q,
                       const cr_dims *in_d, const int8_t *in,
                       const cr_dims *f_d, const int8_t *filt,
                       const int32_t *bias, const cr_dims *o_d, int8_t *out) {
  const int32_t in_w = in_d->w, in_h = in_d->h, in_c = in_d->c;
  const int32_t k_w = f_d->w, k_h = f_d->h;
  const int32_t o_w = o_d->w, o_h = o_d->h, o_c = o_d->c;
  const int32_t ioff = p->input_offset;
  for (int32_t n = 0; n < in_d->n; n++) {
    for (int32_t oc = 0; oc < o_c; oc++) {
      const int8_t *fo = filt + oc * in_c * k_h * k_w;
      for (int32_t oy = 0; oy < o_h; oy++) {
        for (int32_t ox = 0; ox < o_w; ox++) {
          const int32_t by = p->stride_h * oy - p->pad_h;
          const int32_t bx = p->stride_w * ox - p->pad_w;
          const int32_t ky0 = by < 0 ? -by : 0, kx0 = bx < 0 ? -bx : 0;
          const int32_t ky1 = (in_h - by) < k_h ? (in_h - by) : k_h;
          const int32_t kx1 = (in_w - bx) < k_w ? (in_w - bx) : k_w;
          int32_t acc = 0;
          for (int32_t ky = ky0; ky < ky1; ky++)
            for (int32_t kx = kx0; kx < kx1; kx++) {
              const int32_t iy = by + ky, ix = bx + kx;
              for (int32_t c = 0; c < in_c; c++)
                acc += (in[(iy * in_w + ix) * in_c + c] + ioff) *
                       fo[(ky * k_w + kx) * in_c + c];
            }
          if (bias) acc += bias[oc];
          out[oc + (oy * o_w + ox) * o_c] =
              c20_out(acc, q->mult[oc], q->shift[oc], p->output_offset, p->act_min, p->act_max);
        }
      }
    }
    in += in_w * in_h * in_c;
    out += o_w * o_h * o_c;
  }
  return 0;
}

/* arm_convolve_1x1_s8_fast (non-MVE) -> arm_nn_mat_mult_nt_t_s8, non-DSP
 * branch: 2 filter rows x 2 pixel rows, scalar column loop, input offset
 * folded into the per-filter-row sum; odd pixel row; odd filter row with
 * the offset added per element. */
static NOINL void c20_mm_nt_t(const int8_t *lhs, const int8_t *rhs, const int32_t *bias,
                              int8_t *dst, const int32_t *mult, const int32_t *shift,
                              int32_t lrows, int32_t rrows, int32_t cols, int32_t loff,
                              int32_t doff, int32_t lo, int32_t hi) {
  int32_t r = 0;
  for (; r <= rrows - 2; r += 2) {
    const int8_t *lp = lhs;
    int8_t *dp = dst;
    int32_t s0 = 0, s1 = 0;
    for (int32_t x = 0; x < cols; x++) { s0 += rhs[x]; s1 += rhs[x + cols]; }
    s0 *= loff; s1 *= loff;
    if (bias) { s0 += bias[r]; s1 += bias[r + 1]; }
    for (int32_t i = lrows >> 1; i != 0; i--) {
      const int8_t *rp = rhs;
      int32_t a00 = s0, a01 = s1, a10 = s0, a11 = s1;
      for (int32_t c = 0; c < cols; c++) {
        const int32_t w0 = rp[0], w1 = rp[cols];
        int32_t v = lp[0];
        a00 += v * w0; a01 += v * w1;
        v = lp[cols];
        a10 += v * w0; a11 += v * w1;
        rp++; lp++;
      }
      dp[0] = c20_out(a00, mult[r], shift[r], doff, lo, hi);
      dp[1] = c20_out(a01, mult[r + 1], shift[r + 1], doff, lo, hi);
      dp += rrows;
      dp[0] = c20_out(a10, mult[r], shift[r], doff, lo, hi);
      dp[1] = c20_out(a11, mult[r + 1], shift[r + 1], doff, lo, hi);
      dp += rrows;
      lp += cols;
    }
    if (lrows & 1) {
      const int8_t *rp = rhs;
      int32_t a00 = s0, a01 = s1;
      for (int32_t c = 0; c < cols; c++) {
        const int32_t v = lp[0];
        a00 += v * rp[0]; a01 += v * rp[cols];
        rp++; lp++;
      }
      dp[0] = c20_out(a00, mult[r], shift[r], doff, lo, hi);
      dp[1] = c20_out(a01, mult[r + 1], shift[r + 1], doff, lo, hi);
    }
    rhs += 2 * cols;
    dst += 2;
  }
  if (rrows & 1) {
    const int8_t *lp = lhs;
    int8_t *dp = dst;
    for (int32_t i = 0; i < lrows; i++) {
      const int8_t *rp = rhs;
      int32_t a = bias ? bias[rrows - 1] : 0;
      for (int32_t c = 0; c < cols; c++) { a += (lp[0] + loff) * rp[0]; rp++; lp++; }
      dp[0] = c20_out(a, mult[rrows - 1], shift[rrows - 1], doff, lo, hi);
      dp += rrows;
    }
  }
}
int c20_convolve_1x1_fast(const cr_conv_params *p, const cr_quant *q,
                          const cr_dims *in_d, const int8_t *in,
                          const cr_dims *f_d, const int8_t *filt,
                          const int32_t *bias, const cr_dims *o_d, int8_t *out) {
  (void)f_d;
  if (in_d->c % 4 || p->pad_w || p->pad_h || p->stride_w != 1 || p->stride_h != 1) return -1;
  c20_mm_nt_t(in, filt, bias, out, q->mult, q->shift, in_d->n * in_d->h * in_d->w, o_d->c,
              in_d->c, p->input_offset, p->output_offset, p->act_min, p->act_max);
  return 0;
}

/* arm_convolve_wrapper_s8 (2020, V.1.0.x) without DSP: 1x1 / pad 0 /
 * stride 1 / in_ch%4==0 -> 1x1_fast; 1xN with output width %4 -> 1_x_n
 * (whose non-DSP path is arm_convolve_s8 as well); otherwise arm_convolve_s8. */
int c20_convolve_wrapper(const cr_conv_params *p, const cr_quant *q,
                         const cr_dims *in_d, const int8_t *in,
                         const cr_dims *f_d, const int8_t *filt,
                         const int32_t *bias, const cr_dims *o_d, int8_t *out) {
  if (p->pad_w == 0 && p->pad_h == 0 && in_d->c % 4 == 0 && p->stride_w == 1 &&
      p->stride_h == 1 && f_d->w == 1 && f_d->h == 1)
    return c20_convolve_1x1_fast(p, q, in_d, in, f_d, filt, bias, o_d, out);
  return c20_convolve(p, q, in_d, in, f_d, filt, bias, o_d, out);
}

/* arm_fully_connected_s8 -> arm_nn_vec_mat_mult_t_s8, non-DSP branch:
 * 3 filter rows at a time, the input offset added to each input element,
 * then the 0-2 remaining rows one at a time. Per-tensor quantization. */
static NOINL void c20_vec_mat(const int8_t *lhs, const int8_t *rhs, const int32_t *bias,
                              int8_t *dst, int32_t loff, int32_t doff, int32_t m,
                              int32_t s, int32_t cols, int32_t rows, int32_t lo, int32_t hi) {
  for (int32_t i = rows / 3; i != 0; i--) {
    const int8_t *lp = lhs, *r0 = rhs, *r1 = rhs + cols, *r2 = rhs + 2 * cols;
    int32_t a0 = 0, a1 = 0, a2 = 0;
    if (bias) { a0 = *bias++; a1 = *bias++; a2 = *bias++; }
    for (int32_t c = 0; c < cols; c++) {
      const int32_t w0 = *r0++, w1 = *r1++, w2 = *r2++;
      const int32_t v = *lp++ + loff;
      a0 += v * w0; a1 += v * w1; a2 += v * w2;
    }
    *dst++ = c20_out(a0, m, s, doff, lo, hi);
    *dst++ = c20_out(a1, m, s, doff, lo, hi);
    *dst++ = c20_out(a2, m, s, doff, lo, hi);
    rhs += 3 * cols;
  }
  for (int32_t i = rows % 3; i != 0; i--) {
    const int8_t *lp = lhs, *r0 = rhs;
    int32_t a0 = bias ? *bias++ : 0;
    for (int32_t c = 0; c < cols; c++) a0 += (*lp++ + loff) * *r0++;
    *dst++ = c20_out(a0, m, s, doff, lo, hi);
    rhs += cols;
  }
}
int c20_fully_connected(const cr_conv_params *p, const cr_quant *q,
                        const cr_dims *in_d, const int8_t *in,
                        const cr_dims *f_d, const int8_t *filt,
                        const int32_t *bias, const cr_dims *o_d, int8_t *out) {
  (void)f_d;
  const int32_t cols = in_d->c, rows = o_d->c;
  for (int32_t b = 0; b < in_d->n; b++) {
    c20_vec_mat(in, filt, bias, out, p->input_offset, p->output_offset, q->mult[0],
                q->shift[0], cols, rows, p->act_min, p->act_max);
    in += cols;
    out += rows;
  }
  return 0;
}
