/* The 2020 arm_nn_requantize form shared by the CMSIS_5 2020 re-implementations
 * (cmsis2020_nodsp.c and the LIB_C2020D block of cmsis_re.c): 64-bit product
 * with a sign-dependent nudge, truncating divide by 2^31, saturation of the
 * (MIN, MIN) case, then a rounding divide by a power of two; forced inline, as
 * CMSIS-NN declares these helpers __STATIC_FORCEINLINE. */
#ifndef CMSIS2020_REQUANT_H
#define CMSIS2020_REQUANT_H
#include <stdint.h>

static inline __attribute__((always_inline)) int32_t c20_dhm(int32_t a, int32_t b) {
  int64_t acc = (int64_t)1 << 30;
  if ((a < 0) != (b < 0)) acc = 1 - acc;
  acc += (int64_t)a * b;
  int32_t r = (int32_t)(acc / ((int64_t)1 << 31));
  if (a == b && a == INT32_MIN) r = INT32_MAX;
  return r;
}
static inline __attribute__((always_inline)) int32_t c20_rdiv(int32_t x, int32_t e) {
  const int32_t mask = (int32_t)((1u << e) - 1u);
  const int32_t rem = x & mask;
  int32_t r = x >> e;
  int32_t thr = mask >> 1;
  if (r < 0) thr++;
  if (rem > thr) r++;
  return r;
}
static inline __attribute__((always_inline)) int32_t c20_requant(int32_t v, int32_t m, int32_t s) {
  return c20_rdiv(c20_dhm(v * (1 << (s > 0 ? s : 0)), m), s > 0 ? 0 : -s);
}
static inline int8_t c20_out(int32_t v, int32_t m, int32_t s, int32_t off, int32_t lo, int32_t hi) {
  v = c20_requant(v, m, s) + off;
  if (v < lo) v = lo;
  if (v > hi) v = hi;
  return (int8_t)v;
}

#endif
