/* The measured kernels of scripts/quant-count: each operation of the
 * simulator's quantization work counts (the .cpp files of workloads/quant) written the
 * way an int8 MCU implementation does it. Compiled with -mthumb -Ofast in its
 * own translation unit; main.c brackets each call with SysTick reads at
 * several sizes and the slope gives instructions per operation.
 *
 * Staged kernels (rq_*, q_*, mac_s8_off*) differ only in the operation being
 * priced, so the difference of their slopes is the marginal cost of that
 * operation inside a real loop. */
#include "kernels.h"
#include <string.h>
#if defined(__ARM_FEATURE_SAT)
#include <arm_acle.h>
#endif

/* ================= per-MAC ================= */
/* Scalar int8 MAC loops (the inner loop of a convolution / FC output). The
 * zero-point subtraction is priced as (off2 - off0) / 2 per MAC. */
int32_t mac_s8_off0(const int8_t *in, const int8_t *w, int n) {
  int32_t sum = 0;
  for (int i = 0; i < n; i++) sum += (int32_t)in[i] * w[i];
  return sum;
}
int32_t mac_s8_off1(const int8_t *in, const int8_t *w, int n, int32_t in_off) {
  int32_t sum = 0;
  for (int i = 0; i < n; i++) sum += ((int32_t)in[i] + in_off) * w[i];
  return sum;
}
int32_t mac_s8_off2(const int8_t *in, const int8_t *w, int n, int32_t in_off, int32_t w_off) {
  int32_t sum = 0;
  for (int i = 0; i < n; i++) sum += ((int32_t)in[i] + in_off) * ((int32_t)w[i] + w_off);
  return sum;
}
/* fp32 MAC: VFP (VLDR, VFMA) with an FPU, libgcc soft-float calls on M0/M3. */
float mac_f32(const float *a, const float *b, int n) {
  float sum = 0.0f;
  for (int i = 0; i < n; i++) sum += a[i] * b[i];
  return sum;
}

/* ================= affine requantization (CMSIS-NN) ================= */
/* arm_nn_doubling_high_mult_no_sat: rounding constant in the low word of the
 * 64-bit accumulator, then SMLAL (v7-M/v8-M; __aeabi_lmul on v6-M), >> 31. */
static inline int32_t dhm_no_sat(int32_t m1, int32_t m2) {
  union {
    int64_t ll;
    struct { uint32_t lo; int32_t hi; } w;
  } r;
  r.w.lo = 1u << 30;
  r.w.hi = 0;
  r.ll = r.ll + (int64_t)m1 * m2;
  return (int32_t)(r.ll >> 31);
}
/* arm_nn_divide_by_power_of_two: round-half-away-from-zero shift. */
static inline int32_t div_pow2(int32_t dividend, int32_t exponent) {
  const int32_t mask = (int32_t)((1u << exponent) - 1u);
  const int32_t rem = mask & dividend;
  int32_t result = dividend >> exponent;
  int32_t threshold = mask >> 1;
  if (result < 0) threshold++;
  if (rem > threshold) result++;
  return result;
}
#define LEFT_SHIFT(s) ((s) > 0 ? (s) : 0)
#define RIGHT_SHIFT(s) ((s) > 0 ? 0 : -(s))

void rq_base(const int32_t *acc, int8_t *out, int n) {
  for (int i = 0; i < n; i++) out[i] = (int8_t)acc[i];
}
/* + requant_multiplies: load the channel multiplier, doubling high multiply */
void rq_mul(const int32_t *acc, const int32_t *mult, int8_t *out, int n) {
  for (int i = 0; i < n; i++) out[i] = (int8_t)dhm_no_sat(acc[i], mult[i]);
}
/* + requant_shifts: load the channel shift, left shift before / rounding
 * right shift after the multiply (arm_nn_requantize) */
void rq_shift(const int32_t *acc, const int32_t *mult, const int32_t *shift, int8_t *out, int n) {
  for (int i = 0; i < n; i++) {
    const int32_t s = shift[i];
    out[i] = (int8_t)div_pow2(dhm_no_sat(acc[i] * (1 << LEFT_SHIFT(s)), mult[i]), RIGHT_SHIFT(s));
  }
}
/* + output_zero_point_adds: output offset and activation clamp */
void rq_full(const int32_t *acc, const int32_t *mult, const int32_t *shift, int8_t *out, int n,
             int32_t out_off, int32_t act_min, int32_t act_max) {
  for (int i = 0; i < n; i++) {
    const int32_t s = shift[i];
    int32_t v = div_pow2(dhm_no_sat(acc[i] * (1 << LEFT_SHIFT(s)), mult[i]), RIGHT_SHIFT(s));
    v += out_off;
    v = v > act_min ? v : act_min;
    v = v < act_max ? v : act_max;
    out[i] = (int8_t)v;
  }
}

/* ================= Q-format rescale (arm_convolve_HWC_q7_basic) ================= */
static inline int32_t sat8(int32_t x) {
#if defined(__ARM_FEATURE_SAT)
  return __ssat(x, 8);
#else
  return x < -128 ? -128 : (x > 127 ? 127 : x);
#endif
}
void q_base(const int32_t *acc, const int8_t *bias, int8_t *out, int n) {
  for (int i = 0; i < n; i++) out[i] = (int8_t)((int32_t)bias[i] + acc[i]);
}
/* + 2 shifts: bias << bias_shift (+ NN_ROUND), sum >> out_shift */
void q_shift(const int32_t *acc, const int8_t *bias, int8_t *out, int n, int bias_shift, int out_shift) {
  const int32_t rnd = (int32_t)(1u << out_shift >> 1);
  for (int i = 0; i < n; i++) {
    const int32_t sum = ((int32_t)bias[i] << bias_shift) + rnd + acc[i];
    out[i] = (int8_t)(sum >> out_shift);
  }
}
/* + saturation: __SSAT(sum >> out_shift, 8) */
void q_sat(const int32_t *acc, const int8_t *bias, int8_t *out, int n, int bias_shift, int out_shift) {
  const int32_t rnd = (int32_t)(1u << out_shift >> 1);
  for (int i = 0; i < n; i++) {
    const int32_t sum = ((int32_t)bias[i] << bias_shift) + rnd + acc[i];
    out[i] = (int8_t)sat8(sum >> out_shift);
  }
}

/* ================= canonical Huffman + code-book unpack ================= */
/* Bit reader: MSB first, refilled one byte at a time (puff.c style). */
typedef struct {
  const uint8_t *p;
  uint32_t buf;
  int cnt;
} bits_t;

/* Canonical decode with a first-code / count table (RFC 1951 §3.2.2,
 * zlib's puff.c decode()): one bit per step, compare against the codes of
 * the current length. */
static inline int decode(bits_t *s, const huff_t *h) {
  int code = 0, first = 0, index = 0;
  for (int len = 1; len <= HUFF_MAXBITS; len++) {
    if (s->cnt == 0) { s->buf = *s->p++; s->cnt = 8; }
    s->cnt--;
    code |= (int)((s->buf >> s->cnt) & 1u);
    const int count = h->count[len];
    if (code - count < first) return h->symbol[index + (code - first)];
    index += count;
    first += count;
    first <<= 1;
    code <<= 1;
  }
  return -1; /* not reached on valid streams */
}

void huff_decode_n(const uint8_t *stream, const huff_t *h, uint8_t *sym, int m) {
  bits_t s = {stream, 0, 0};
  for (int i = 0; i < m; i++) sym[i] = (uint8_t)decode(&s, h);
}

/* Dense: decode each cluster index, look its int8 centroid up, write it. */
void cb_unpack_dense(const uint8_t *stream, const huff_t *h, const int8_t *cb, int8_t *out, int n) {
  bits_t s = {stream, 0, 0};
  for (int i = 0; i < n; i++) out[i] = cb[decode(&s, h)];
}

/* Sparse (Han et al.'s relative indices): the output is zero-filled first
 * (pruned weights, filler positions), then per entry a gap symbol (gap-1,
 * gaps 1..2^b) and a cluster index are decoded and the kept weight's
 * centroid is written at its position (the filler symbol writes nothing). */
void cb_unpack_sparse(const uint8_t *stream, const huff_t *ih, const huff_t *gh, const int8_t *cb,
                      int filler, int8_t *out, int n, int entries) {
  bits_t s = {stream, 0, 0};
  memset(out, 0, (size_t)n);
  int8_t *p = out - 1;
  for (int e = 0; e < entries; e++) {
    p += decode(&s, gh) + 1;
    const int c = decode(&s, ih);
    if (c != filler) *p = cb[c];
  }
}
