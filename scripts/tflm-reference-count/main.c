/* Measuring program: brackets each TFLM-reference kernel call with SysTick
 * reads under QEMU -icount shift=0 and prints raw counter values over
 * semihosting. Post-processing is done by ./measure. */
#include <stdint.h>
#include "tflm_ref.h"
#include "layers.h"

#ifndef SEED_XOR /* data-dependence check only; the CSV uses 0 */
#define SEED_XOR 0
#endif

uint32_t sync_start(void);
uint32_t sync_end(uint32_t *k);
void loop2(uint32_t n);
void loop10(uint32_t n);

/* ---------------- semihosting ---------------- */
static int semihost(int op, const void *arg) {
  register int r0 __asm__("r0") = op;
  register const void *r1 __asm__("r1") = arg;
  __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}
void semihost_exit(int code) {
  (void)code;
  semihost(0x18, (const void *)0x20026); /* ADP_Stopped_ApplicationExit */
}
static char obuf[256];
static int opos;
static void flush(void) { obuf[opos] = 0; semihost(0x04, obuf); opos = 0; }
static void puts_(const char *s) {
  while (*s) { if (opos > 240) flush(); obuf[opos++] = *s++; }
}
static void putu(uint32_t v) {
  char t[12]; int i = 0;
  do { t[i++] = (char)('0' + v % 10); v /= 10; } while (v);
  while (i) { if (opos > 240) flush(); obuf[opos++] = t[--i]; }
}

/* ---------------- SysTick ---------------- */
#define SYST_CSR (*(volatile uint32_t *)0xE000E010)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018)

static void report(const char *tag, uint32_t a, uint32_t v0, uint32_t v1, uint32_t k,
                   uint32_t sum) {
  puts_(tag); puts_(" "); putu(a); puts_(" "); putu(v0); puts_(" "); putu(v1);
  puts_(" "); putu(k); puts_(" "); putu(sum); puts_("\n"); flush();
}

/* ---------------- data ---------------- */
static uint32_t rng;
static uint32_t xs(void) { rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5; return rng; }

#define MAX_IN (64 * 64 * 48)
#define MAX_OUT (64 * 64 * 48)
#define MAX_FILT (1001 * 1280)
#define MAX_CH 1280
static int8_t in_buf[MAX_IN];
static int8_t out_buf[MAX_OUT];
static int8_t filt_buf[MAX_FILT];
static int32_t bias_buf[MAX_CH], mult_buf[MAX_CH], shift_buf[MAX_CH];

static uint32_t prod(const int32_t *d, int n) { uint32_t p = 1; for (int i = 0; i < n; i++) p *= (uint32_t)d[i]; return p; }
static void set_shape(RuntimeShape *s, const int32_t *d, int n) {
  s->size = n; for (int i = 0; i < n; i++) s->u.dims[i] = d[i];
}

int main(void) {
  SYST_RVR = 0xFFFFFF; SYST_CVR = 0; SYST_CSR = 5; /* enable, CPU clock, no IRQ */
  uint32_t v0, v1, k;
  static const uint32_t ns[4] = {1, 2, 1000, 1000000};
  for (int i = 0; i < 4; i++) {
    v0 = sync_start(); loop2(ns[i]); v1 = sync_end(&k); report("loop2", ns[i], v0, v1, k, 0);
  }
  for (int i = 0; i < 4; i++) {
    v0 = sync_start(); loop10(ns[i]); v1 = sync_end(&k); report("loop10", ns[i], v0, v1, k, 0);
  }
  for (int i = 0; i < 16; i++) {
    v0 = sync_start(); v1 = sync_end(&k); report("empty", i, v0, v1, k, 0);
  }

  for (int li = 0; li < NLAYERS; li++) {
    const layer_t *L = &layers[li];
    rng = 0x9E3779B9u ^ (uint32_t)(li * 2654435761u) ^ (uint32_t)SEED_XOR;
    if (!rng) rng = 1;
    uint32_t nin = prod(L->in, L->nin), nout = prod(L->out, L->nout);
    uint32_t nf = prod(L->filt, L->nfilt);
    int nch = L->op == OP_DW ? L->filt[3] : L->filt[0];
    if (nin > MAX_IN || nout > MAX_OUT || nf > MAX_FILT || nch > MAX_CH) {
      report("skip", li, 0, 0, 0, 0); continue;
    }
    for (uint32_t i = 0; i < nin; i++) in_buf[i] = (int8_t)xs();
    for (uint32_t i = 0; i < nf; i++) filt_buf[i] = (int8_t)((int)(xs() % 255u) - 127);
    for (int i = 0; i < nch; i++) {
      bias_buf[i] = (int32_t)(xs() % 4001u) - 2000;
      mult_buf[i] = (int32_t)(0x40000000u | (xs() & 0x3FFFFFFFu));
      shift_buf[i] = -6 - (int32_t)(xs() % 4u);
    }
    for (uint32_t i = 0; i < nout; i++) out_buf[i] = 0;
    RuntimeShape sin, sf, sb, so;
    set_shape(&sin, L->in, L->nin); set_shape(&sf, L->filt, L->nfilt);
    set_shape(&so, L->out, L->nout);
    { int32_t bd[1] = {nch}; set_shape(&sb, bd, 1); }

    if (L->op == OP_CONV) {
      ConvParams p = {0};
      p.padding_values.height = (int16_t)L->pad_h; p.padding_values.width = (int16_t)L->pad_w;
      p.stride_height = (int16_t)L->stride_h; p.stride_width = (int16_t)L->stride_w;
      p.dilation_height_factor = 1; p.dilation_width_factor = 1;
      p.input_offset = 128; p.weights_offset = 0; p.output_offset = -128;
      p.quantized_activation_min = -128; p.quantized_activation_max = 127;
      v0 = sync_start();
      tflm_ref_conv(&p, mult_buf, shift_buf, &sin, in_buf, &sf, filt_buf, &sb,
                    bias_buf, &so, out_buf);
      v1 = sync_end(&k);
    } else if (L->op == OP_DW) {
      DepthwiseParams p = {0};
      p.padding_values.height = (int16_t)L->pad_h; p.padding_values.width = (int16_t)L->pad_w;
      p.stride_height = (int16_t)L->stride_h; p.stride_width = (int16_t)L->stride_w;
      p.dilation_height_factor = 1; p.dilation_width_factor = 1;
      p.depth_multiplier = 1;
      p.input_offset = 128; p.weights_offset = 0; p.output_offset = -128;
      p.quantized_activation_min = -128; p.quantized_activation_max = 127;
      v0 = sync_start();
      tflm_ref_depthwise(&p, mult_buf, shift_buf, &sin, in_buf, &sf, filt_buf,
                         &sb, bias_buf, &so, out_buf);
      v1 = sync_end(&k);
    } else {
      FullyConnectedParams p = {0};
      p.input_offset = 128; p.weights_offset = 0; p.output_offset = -128;
      p.output_multiplier = mult_buf[0]; p.output_shift = shift_buf[0];
      p.quantized_activation_min = -128; p.quantized_activation_max = 127;
      v0 = sync_start();
      tflm_ref_fc(&p, &sin, in_buf, &sf, filt_buf, &sb, bias_buf, &so, out_buf);
      v1 = sync_end(&k);
    }
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < nout; i++) h = (h ^ (uint8_t)out_buf[i]) * 16777619u;
    report("layer", li, v0, v1, k, h);
  }
  puts_("done\n"); flush();
  return 0;
}
