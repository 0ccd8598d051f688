/* Plain C reference of the TFLM/CMSIS-NN requantization (SaturatingRoundingDoublingHighMul,
 * RoundingDivideByPOT, MultiplyByQuantizedMultiplier, clamp), used by the measuring programs
 * to check kernel outputs bit-exactly OUTSIDE the measured brackets. Header-only and
 * static, like bare.h, so each program compiles exactly as when it held these lines. */
#ifndef QEMU_BARE_REF_REQUANT_H
#define QEMU_BARE_REF_REQUANT_H
#include <stdint.h>
static int32_t r_srdhm(int32_t a, int32_t b) {
  if (a == b && a == (int32_t)0x80000000) return 0x7FFFFFFF;
  const int64_t ab = (int64_t)a * b;
  const int32_t nudge = ab >= 0 ? (1 << 30) : (1 - (1 << 30));
  return (int32_t)((ab + nudge) / ((int64_t)1 << 31));
}
static int32_t r_rdbpot(int32_t x, int e) {
  const int32_t mask = (int32_t)((1ll << e) - 1);
  const int32_t rem = x & mask, thr = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> e) + (rem > thr ? 1 : 0);
}
static int32_t r_mbqm(int32_t x, int32_t m, int32_t s) {
  const int ls = s > 0 ? s : 0, rs = s > 0 ? 0 : -s;
  return r_rdbpot(r_srdhm(x * (1 << ls), m), rs);
}
static int32_t r_clamp(int32_t v, int32_t lo, int32_t hi) { return v < lo ? lo : (v > hi ? hi : v); }
#endif
