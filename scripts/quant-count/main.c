/* Measuring program of scripts/quant-count: calls each kernel of kernels.c
 * at several sizes between SysTick reads (QEMU -icount shift=0: one
 * instruction = one virtual ns; helpers in ../qemu-bare/bare.h and timer.S)
 * and checks every output bit-exactly against the plain C references below
 * (fp32: against a double-precision sum within a tolerance). Records go out
 * over semihosting as "tag a v0 v1 k sum"; postprocess.py takes the slopes. */
#include <stdint.h>
#include "bare.h"
#include "kernels.h"
#include "cbdata.h"

static volatile int32_t sink_i;
static volatile float sink_f;
static uint32_t fails;

#define MEASURE(tag, a, call)                      \
  do {                                             \
    uint32_t v0_, v1_, k_;                         \
    v0_ = sync_start();                            \
    call;                                          \
    v1_ = sync_end(&k_);                           \
    report(tag, (uint32_t)(a), v0_, v1_, k_, 0);   \
  } while (0)

static void check(const char *tag, uint32_t a, uint32_t bad) {
  report(tag, a, 0, 0, 0, bad);
  fails += bad != 0;
}

/* ---------------- plain C references (TFLM-style arithmetic) ---------------- */
#include "ref_requant.h"
static int32_t r_q(int32_t acc, int8_t bias, int bs, int os, int sat) {
  const int64_t sum = (int64_t)bias * (1 << bs) + (os ? (1 << (os - 1)) : 0) + acc;
  const int32_t v = (int32_t)(sum / ((int64_t)1 << os) - ((sum % ((int64_t)1 << os)) < 0 ? 1 : 0));
  return sat ? r_clamp(v, -128, 127) : v;
}

/* ---------------- data ---------------- */
#define NMAX 5000
static int32_t acc_buf[NMAX], m_buf[NMAX], s_buf[NMAX];
static int8_t b8_buf[NMAX];
static float fa[NMAX], fb[NMAX];
static int8_t cb_out[CB_MAX_N + 16];
static uint8_t sym_out[CB_MAX_N + 16];

static const int sizes[3] = {1000, 3000, 5000};

int main(void) {
  SYSTICK_START();
  uint32_t v0, v1, k;
  /* method check: loop2 / loop10 slopes must come out as 2 and 10 */
  for (int i = 0; i < 3; i++) {
    MEASURE("loop2", sizes[i], loop2((uint32_t)sizes[i]));
    MEASURE("loop10", sizes[i], loop10((uint32_t)sizes[i]));
  }
  for (int i = 0; i < 16; i++) {
    v0 = sync_start(); v1 = sync_end(&k); report("empty", (uint32_t)i, v0, v1, k, 0);
  }

  rng = 0x1234567u;
  for (int i = 0; i < NMAX; i++) {
    in_buf[i] = (int8_t)xs();
    filt_buf[i] = (int8_t)((int)(xs() % 255u) - 127);
    acc_buf[i] = (int32_t)(xs() & 0x1FFFFFFu) - 0x1000000; /* +-2^24 */
    m_buf[i] = (int32_t)(0x40000000u | (xs() & 0x3FFFFFFFu));
    s_buf[i] = -11 + (int32_t)(xs() % 12u);                 /* -11 .. 0 */
    b8_buf[i] = (int8_t)xs();
    fa[i] = (float)(int32_t)(xs() % 2001u - 1000) / 256.0f;
    fb[i] = (float)(int32_t)(xs() % 2001u - 1000) / 512.0f;
  }
  const int32_t ioff = 128, woff = -3, ooff = -128, lo = -128, hi = 127;

  for (int si = 0; si < 3; si++) {
    const int n = sizes[si];
    int32_t r;
    /* ---- MAC loops ---- */
    int64_t e0 = 0, e1 = 0, e2 = 0;
    for (int i = 0; i < n; i++) {
      e0 += (int64_t)in_buf[i] * filt_buf[i];
      e1 += ((int64_t)in_buf[i] + ioff) * filt_buf[i];
      e2 += ((int64_t)in_buf[i] + ioff) * ((int64_t)filt_buf[i] + woff);
    }
    MEASURE("mac_off0", n, r = mac_s8_off0(in_buf, filt_buf, n)); sink_i = r;
    check("check_mac_off0", (uint32_t)n, r != (int32_t)e0);
    MEASURE("mac_off1", n, r = mac_s8_off1(in_buf, filt_buf, n, ioff)); sink_i = r;
    check("check_mac_off1", (uint32_t)n, r != (int32_t)e1);
    MEASURE("mac_off2", n, r = mac_s8_off2(in_buf, filt_buf, n, ioff, woff)); sink_i = r;
    check("check_mac_off2", (uint32_t)n, r != (int32_t)e2);
    {
      float f;
      double ef = 0, mag = 0;
      for (int i = 0; i < n; i++) { ef += (double)fa[i] * fb[i]; mag += __builtin_fabs((double)fa[i] * fb[i]); }
      MEASURE("mac_f32", n, f = mac_f32(fa, fb, n)); sink_f = f;
      const double d = (double)f - ef;
      check("check_mac_f32", (uint32_t)n, (d < 0 ? -d : d) > 1e-5 * mag);
    }
    /* ---- affine requantization stages ---- */
    uint32_t bad;
    MEASURE("rq_base", n, rq_base(acc_buf, out_buf, n));
    bad = 0; for (int i = 0; i < n; i++) bad += out_buf[i] != (int8_t)acc_buf[i];
    check("check_rq_base", (uint32_t)n, bad);
    MEASURE("rq_mul", n, rq_mul(acc_buf, m_buf, out_buf, n));
    bad = 0; for (int i = 0; i < n; i++) bad += out_buf[i] != (int8_t)r_srdhm(acc_buf[i], m_buf[i]);
    check("check_rq_mul", (uint32_t)n, bad);
    MEASURE("rq_shift", n, rq_shift(acc_buf, m_buf, s_buf, out_buf, n));
    bad = 0; for (int i = 0; i < n; i++) bad += out_buf[i] != (int8_t)r_mbqm(acc_buf[i], m_buf[i], s_buf[i]);
    check("check_rq_shift", (uint32_t)n, bad);
    MEASURE("rq_full", n, rq_full(acc_buf, m_buf, s_buf, out_buf, n, ooff, lo, hi));
    bad = 0;
    for (int i = 0; i < n; i++)
      bad += out_buf[i] != (int8_t)r_clamp(r_mbqm(acc_buf[i], m_buf[i], s_buf[i]) + ooff, lo, hi);
    check("check_rq_full", (uint32_t)n, bad);
    /* ---- Q-format stages (accumulators scaled so the shifts matter) ---- */
    const int bs = 6, os = 9;
    MEASURE("q_base", n, q_base(acc_buf, b8_buf, out_buf, n));
    bad = 0; for (int i = 0; i < n; i++) bad += out_buf[i] != (int8_t)(b8_buf[i] + acc_buf[i]);
    check("check_q_base", (uint32_t)n, bad);
    for (int i = 0; i < n; i++) s_buf[i] = acc_buf[i] >> 8; /* +-2^16: saturates sometimes */
    MEASURE("q_shift", n, q_shift(s_buf, b8_buf, out_buf, n, bs, os));
    bad = 0; for (int i = 0; i < n; i++) bad += out_buf[i] != (int8_t)r_q(s_buf[i], b8_buf[i], bs, os, 0);
    check("check_q_shift", (uint32_t)n, bad);
    MEASURE("q_sat", n, q_sat(s_buf, b8_buf, out_buf, n, bs, os));
    bad = 0; for (int i = 0; i < n; i++) bad += out_buf[i] != (int8_t)r_q(s_buf[i], b8_buf[i], bs, os, 1);
    check("check_q_sat", (uint32_t)n, bad);
    /* restore the requant shifts for the next size */
    rng = 0x7654321u;
    for (int i = 0; i < NMAX; i++) s_buf[i] = -11 + (int32_t)(xs() % 12u);
  }

  /* ---- canonical Huffman decode and code-book unpack ---- */
  for (int c = 0; c < NCBCASES; c++) {
    const cbcase_t *C = &cbcases[c];
    uint32_t bad = 0;
    if (!C->sparse) {
      MEASURE("hdec", c, huff_decode_n(C->stream, C->ih, sym_out, C->n));
      for (int i = 0; i < C->n; i++) bad += sym_out[i] != C->syms[i];
      check("check_hdec", (uint32_t)c, bad);
      for (int i = 0; i < C->n; i++) cb_out[i] = 99;
      MEASURE("cb", c, cb_unpack_dense(C->stream, C->ih, C->cb, cb_out, C->n));
    } else {
      for (int i = 0; i < C->n; i++) cb_out[i] = 99;
      MEASURE("cb", c, cb_unpack_sparse(C->stream, C->ih, C->gh, C->cb, C->filler, cb_out, C->n, C->entries));
    }
    bad = 0;
    for (int i = 0; i < C->n; i++) bad += cb_out[i] != C->exp[i];
    check("check_cb", (uint32_t)c, bad);
  }
  report("fails", 0, 0, 0, 0, fails);
  puts_("done\n"); flush();
  return 0;
}
