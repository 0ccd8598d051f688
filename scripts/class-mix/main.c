/* Measuring program for the instruction-class mix: runs each layer's kernel
 * (LIB_CMSIS: own CMSIS-NN re-implementation, cmsis_re.c; LIB_TFLM: the
 * TFLM-reference re-implementation ../tflm-reference-count/tflm_ref.c)
 * between mark_begin()/mark_end() (segments for the QEMU TB-log counter) and
 * SysTick brackets (independent count under -icount shift=0). Output over
 * semihosting (helpers in ../qemu-bare/bare.h), same record format as
 * ../tflm-reference-count/main.c. */
#include <stdint.h>
void mark_begin(void); /* markers.S */
void mark_end(void);
#define MARK_BEGIN() mark_begin()
#define MARK_END() mark_end()
#include "bare.h"
#include "layers.h"
#if defined(LIB_TFLM)
#include "tflm_ref.h"
#elif defined(LIB_C2020)
#include "cmsis2020_nodsp.h"
#elif defined(LIB_C2020D)
#include "cmsis_re.h"
#else
#include "cmsis_re.h"
#endif
#ifndef LAYER_SEED
#define LAYER_SEED(li) (li) /* layers.h may map a filtered list to base indices */
#endif

#if !defined(LIB_TFLM)
static int32_t scratch[4096];
#endif

#if defined(LIB_TFLM)
static void set_shape(RuntimeShape *s, int n, int32_t a, int32_t b, int32_t c, int32_t d) {
  s->size = n; s->u.dims[0] = a; s->u.dims[1] = b; s->u.dims[2] = c; s->u.dims[3] = d;
}
#endif

/* ---- layers after NLAYERS_BASE: generic depthwise (dw), elementwise add,
 * average pool. Same data recipe as the base layers; every output is
 * checked bit-exactly against the straightforward C reference below
 * (TFLM-style arithmetic, independent of cmsis_re.c / tflm_ref.c). ---- */
static int8_t in2_buf[MAX_IN] __attribute__((unused)); /* add: second input */
static int8_t ref_buf[MAX_OUT];
#if !defined(LIB_TFLM)
static int32_t xbuf[8192]; /* dw: ic*kh*kw int16; avgpool: ic int32 */
#endif
#include "ref_requant.h"

static __attribute__((noinline)) void run_extra(int li) {
  const layer_t *L = &layers[li];
  uint32_t v0 = 0, v1 = 0, k = 0;
  rng = 0x9E3779B9u ^ (uint32_t)(li * 2654435761u);
  if (!rng) rng = 1;
  const uint32_t nin = (uint32_t)(L->ih * L->iw * L->ic);
  const uint32_t nout = (uint32_t)(L->oh * L->ow * L->oc);
  const int32_t ioff = 128, ooff = -128, lo = -128, hi = 127;
  for (uint32_t i = 0; i < nin; i++) in_buf[i] = (int8_t)xs();
  for (uint32_t i = 0; i < nout; i++) out_buf[i] = 0;
  if (L->k == K_DW) {
    const uint32_t nf = (uint32_t)(L->kh * L->kw * L->oc);
    const int nch = L->oc;
    for (uint32_t i = 0; i < nf; i++) filt_buf[i] = (int8_t)((int)(xs() % 255u) - 127);
    for (int i = 0; i < nch; i++) {
      bias_buf[i] = (int32_t)(xs() % 4001u) - 2000;
      mult_buf[i] = (int32_t)(0x40000000u | (xs() & 0x3FFFFFFFu));
      shift_buf[i] = -6 - (int32_t)(xs() % 4u);
    }
#if defined(LIB_TFLM)
    RuntimeShape sin, sf, sb, so;
    set_shape(&sb, 1, nch, 0, 0, 0);
    DepthwiseParams p = {0};
    set_shape(&sin, 4, 1, L->ih, L->iw, L->ic); set_shape(&sf, 4, 1, L->kh, L->kw, L->oc);
    set_shape(&so, 4, 1, L->oh, L->ow, L->oc);
    p.padding_values.height = (int16_t)L->ph; p.padding_values.width = (int16_t)L->pw;
    p.stride_height = (int16_t)L->sh; p.stride_width = (int16_t)L->sw;
    p.dilation_height_factor = 1; p.dilation_width_factor = 1; p.depth_multiplier = 1;
    p.input_offset = ioff; p.weights_offset = 0; p.output_offset = ooff;
    p.quantized_activation_min = lo; p.quantized_activation_max = hi;
    BRACKET(v0, v1, k,
            tflm_ref_depthwise(&p, mult_buf, shift_buf, &sin, in_buf, &sf, filt_buf,
                               &sb, bias_buf, &so, out_buf));
#else
    cr_dims din = {1, L->ih, L->iw, L->ic}, df = {L->oc, L->kh, L->kw, L->oc};
    cr_dims dout = {1, L->oh, L->ow, L->oc};
    cr_conv_params p = {ioff, ooff, L->sh, L->sw, L->ph, L->pw, lo, hi};
    cr_quant q = {mult_buf, shift_buf};
    if (cr_depthwise_buf_size(&din, &df) > (int32_t)sizeof(xbuf)) { report("skip", li, 0, 0, 0, 0); return; }
    BRACKET(v0, v1, k,
            cr_depthwise(xbuf, &p, &q, &din, in_buf, &df, filt_buf, bias_buf, &dout, out_buf));
#endif
    uint32_t o = 0;
    for (int y = 0; y < L->oh; y++)
      for (int x = 0; x < L->ow; x++)
        for (int c = 0; c < L->oc; c++) {
          int32_t acc = bias_buf[c];
          for (int ky = 0; ky < L->kh; ky++)
            for (int kx = 0; kx < L->kw; kx++) {
              const int yy = y * L->sh - L->ph + ky, xx = x * L->sw - L->pw + kx;
              if (yy < 0 || yy >= L->ih || xx < 0 || xx >= L->iw) continue;
              acc += (in_buf[(yy * L->iw + xx) * L->ic + c] + ioff) *
                     filt_buf[(ky * L->kw + kx) * L->oc + c];
            }
          ref_buf[o++] = (int8_t)r_clamp(r_mbqm(acc, mult_buf[c], shift_buf[c]) + ooff, lo, hi);
        }
#if !defined(LIB_TFLM)
  } else if (L->k == K_ADD) {
    for (uint32_t i = 0; i < nin; i++) in2_buf[i] = (int8_t)xs();
    /* TFLM-style add parameters: left shift 20, input multipliers < 0.5
     * (shift -1/-2), output shift -20 */
    cr_add_params a;
    a.in1_offset = 128; a.in2_offset = 128 - (int32_t)(xs() % 32u);
    a.in1_mult = (int32_t)(0x40000000u | (xs() & 0x3FFFFFFFu)); a.in1_shift = -1;
    a.in2_mult = (int32_t)(0x40000000u | (xs() & 0x3FFFFFFFu)); a.in2_shift = -2;
    a.left_shift = 20; a.out_offset = ooff;
    a.out_mult = (int32_t)(0x40000000u | (xs() & 0x3FFFFFFFu)); a.out_shift = -20;
    a.act_min = lo; a.act_max = hi;
    BRACKET(v0, v1, k, cr_elementwise_add(in_buf, in2_buf, &a, out_buf, (int32_t)nout));
    for (uint32_t i = 0; i < nout; i++) {
      const int32_t x1 = r_mbqm((in_buf[i] + a.in1_offset) * (1 << 20), a.in1_mult, a.in1_shift);
      const int32_t x2 = r_mbqm((in2_buf[i] + a.in2_offset) * (1 << 20), a.in2_mult, a.in2_shift);
      ref_buf[i] = (int8_t)r_clamp(r_mbqm(x1 + x2, a.out_mult, a.out_shift) + a.out_offset, lo, hi);
    }
  } else if (L->k == K_AVGPOOL) {
    cr_dims din = {1, L->ih, L->iw, L->ic}, df = {1, L->kh, L->kw, 1};
    cr_dims dout = {1, L->oh, L->ow, L->oc};
    cr_pool_params p = {L->sh, L->sw, L->ph, L->pw, lo, hi};
    BRACKET(v0, v1, k, cr_avgpool(xbuf, &p, &din, in_buf, &df, &dout, out_buf));
    uint32_t o = 0;
    for (int y = 0; y < L->oh; y++)
      for (int x = 0; x < L->ow; x++)
        for (int c = 0; c < L->oc; c++) {
          int32_t s = 0, n = 0;
          for (int ky = 0; ky < L->kh; ky++)
            for (int kx = 0; kx < L->kw; kx++) {
              const int yy = y * L->sh - L->ph + ky, xx = x * L->sw - L->pw + kx;
              if (yy < 0 || yy >= L->ih || xx < 0 || xx >= L->iw) continue;
              s += in_buf[(yy * L->iw + xx) * L->ic + c]; n++;
            }
          s = s > 0 ? (s + n / 2) / n : (s - n / 2) / n;
          ref_buf[o++] = (int8_t)r_clamp(s, lo, hi);
        }
#endif
  } else {
    report("skip", li, 0, 0, 0, 0); return;
  }
  uint32_t h = 2166136261u, bad = 0;
  for (uint32_t i = 0; i < nout; i++) {
    h = (h ^ (uint8_t)out_buf[i]) * 16777619u;
    bad += out_buf[i] != ref_buf[i];
  }
  report("check", li, nout, 0, 0, bad);
  report("layer", li, v0, v1, k, h);
}

int main(void) {
  SYSTICK_START();
  uint32_t v0, v1, k;
  static const uint32_t ns[4] = {1, 2, 1000, 100000};
  for (int i = 0; i < 4; i++) {
    BRACKET(v0, v1, k, loop2(ns[i]));
    report("loop2", ns[i], v0, v1, k, 0);
  }
  for (int i = 0; i < 4; i++) {
    BRACKET(v0, v1, k, loop10(ns[i]));
    report("loop10", ns[i], v0, v1, k, 0);
  }
  for (int i = 0; i < 16; i++) {
    BRACKET(v0, v1, k, (void)0);
    report("empty", i, v0, v1, k, 0);
  }
  for (int li = 0; li < NLAYERS_BASE; li++) {
    const layer_t *L = &layers[li];
    rng = 0x9E3779B9u ^ (uint32_t)(LAYER_SEED(li) * 2654435761u);
    if (!rng) rng = 1;
    const int dw = L->k == K_DW_3X3 || L->k == K_DW;
    uint32_t nin = (uint32_t)(L->ih * L->iw * L->ic);
    uint32_t nout = (uint32_t)(L->oh * L->ow * L->oc);
    uint32_t nf = (uint32_t)(L->kh * L->kw * (dw ? 1 : L->ic) * L->oc);
    int nch = L->oc;
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
#if defined(LIB_TFLM)
    RuntimeShape sin, sf, sb, so;
    set_shape(&sb, 1, nch, 0, 0, 0);
    if (L->k == K_FC) {
      FullyConnectedParams p = {0};
      set_shape(&sin, 2, 1, L->ic, 0, 0); set_shape(&sf, 2, L->oc, L->ic, 0, 0);
      set_shape(&so, 2, 1, L->oc, 0, 0);
      p.input_offset = 128; p.weights_offset = 0; p.output_offset = -128;
      p.output_multiplier = mult_buf[0]; p.output_shift = shift_buf[0];
      p.quantized_activation_min = -128; p.quantized_activation_max = 127;
      BRACKET(v0, v1, k, tflm_ref_fc(&p, &sin, in_buf, &sf, filt_buf, &sb, bias_buf, &so, out_buf));
    } else if (dw) {
      DepthwiseParams p = {0};
      set_shape(&sin, 4, 1, L->ih, L->iw, L->ic); set_shape(&sf, 4, 1, L->kh, L->kw, L->oc);
      set_shape(&so, 4, 1, L->oh, L->ow, L->oc);
      p.padding_values.height = (int16_t)L->ph; p.padding_values.width = (int16_t)L->pw;
      p.stride_height = (int16_t)L->sh; p.stride_width = (int16_t)L->sw;
      p.dilation_height_factor = 1; p.dilation_width_factor = 1; p.depth_multiplier = 1;
      p.input_offset = 128; p.weights_offset = 0; p.output_offset = -128;
      p.quantized_activation_min = -128; p.quantized_activation_max = 127;
      BRACKET(v0, v1, k,
              tflm_ref_depthwise(&p, mult_buf, shift_buf, &sin, in_buf, &sf, filt_buf,
                                 &sb, bias_buf, &so, out_buf));
    } else {
      ConvParams p = {0};
      set_shape(&sin, 4, 1, L->ih, L->iw, L->ic); set_shape(&sf, 4, L->oc, L->kh, L->kw, L->ic);
      set_shape(&so, 4, 1, L->oh, L->ow, L->oc);
      p.padding_values.height = (int16_t)L->ph; p.padding_values.width = (int16_t)L->pw;
      p.stride_height = (int16_t)L->sh; p.stride_width = (int16_t)L->sw;
      p.dilation_height_factor = 1; p.dilation_width_factor = 1;
      p.input_offset = 128; p.weights_offset = 0; p.output_offset = -128;
      p.quantized_activation_min = -128; p.quantized_activation_max = 127;
      BRACKET(v0, v1, k,
              tflm_ref_conv(&p, mult_buf, shift_buf, &sin, in_buf, &sf, filt_buf, &sb,
                            bias_buf, &so, out_buf));
    }
#else
    cr_dims din = {1, L->ih, L->iw, L->ic}, df = {L->oc, L->kh, L->kw, L->ic};
    cr_dims dout = {1, L->oh, L->ow, L->oc};
    cr_conv_params p = {128, -128, L->sh, L->sw, L->ph, L->pw, -128, 127};
    cr_quant q = {mult_buf, shift_buf};
    if (dw) df.c = L->oc;
    /* the arguments every cr_conv_fn / cr_conv_buf_fn kernel takes */
#define CONV_ARGS &p, &q, &din, in_buf, &df, filt_buf, bias_buf, &dout, out_buf
#if defined(LIB_C2020D) || defined(LIB_C2020)
#if defined(LIB_C2020D)
    /* CMSIS_5 2020 with ARM_MATH_DSP (TFLM 2.3.1): the 2020 wrapper sends a
     * 1x1 stride-1 unpadded layer to arm_convolve_1x1_s8_fast and every other
     * conv layer (3x3, strided 1x1) to arm_convolve_s8; TFLM 2.3.1 sends every
     * depthwise layer with multiplier 1 to arm_depthwise_conv_s8_opt */
    if (L->k == K_FC) {
      BRACKET(v0, v1, k, c20d_fully_connected(CONV_ARGS));
    } else if (L->k == K_CONV_1X1) {
      BRACKET(v0, v1, k, c20d_convolve_1x1(CONV_ARGS));
    } else if (dw) {
      BRACKET(v0, v1, k, c20d_dw_opt(scratch, CONV_ARGS));
    } else {
      BRACKET(v0, v1, k, c20d_convolve(scratch, CONV_ARGS));
    }
#else
    /* CMSIS_5 2020-2021 without ARM_MATH_DSP: conv layers through the
     * wrapper dispatch of that version, fc through vec_mat_mult_t_s8 */
    if (L->k == K_FC) {
      BRACKET(v0, v1, k, c20_fully_connected(CONV_ARGS));
    } else if (L->k == K_CONV_1X1) {
      BRACKET(v0, v1, k, c20_convolve_1x1_fast(CONV_ARGS));
    } else if (!dw) {
      BRACKET(v0, v1, k, c20_convolve(CONV_ARGS));
    } else {
      report("skip", li, 0, 0, 0, 0); continue;
    }
#endif
    { /* bit-exact check against the straightforward C reference */
      uint32_t bad = 0, o = 0;
      const int fc = L->k == K_FC;
      for (int y = 0; y < L->oh; y++)
        for (int x = 0; x < L->ow; x++)
          for (int c = 0; c < L->oc; c++) {
            int32_t acc = bias_buf[c];
            for (int ky = 0; ky < L->kh; ky++)
              for (int kx = 0; kx < L->kw; kx++) {
                const int yy = y * L->sh - L->ph + ky, xx = x * L->sw - L->pw + kx;
                if (yy < 0 || yy >= L->ih || xx < 0 || xx >= L->iw) continue;
                if (dw) /* depthwise, multiplier 1: filter [1, kh, kw, oc] */
                  acc += (in_buf[(yy * L->iw + xx) * L->ic + c] + 128) *
                         filt_buf[(ky * L->kw + kx) * L->oc + c];
                else
                  for (int ci = 0; ci < L->ic; ci++)
                    acc += (in_buf[(yy * L->iw + xx) * L->ic + ci] + 128) *
                           filt_buf[((c * L->kh + ky) * L->kw + kx) * L->ic + ci];
              }
            const int qc = fc ? 0 : c;
            bad += out_buf[o++] != (int8_t)r_clamp(r_mbqm(acc, mult_buf[qc], shift_buf[qc]) - 128, -128, 127);
          }
      report("check", li, nout, 0, 0, bad);
    }
#else
    switch (L->k) {
    case K_CONV:
      BRACKET(v0, v1, k, cr_convolve(scratch, CONV_ARGS)); break;
    case K_CONV_1X1:
      BRACKET(v0, v1, k, cr_convolve_1x1_fast(CONV_ARGS)); break;
    case K_CONV_1X1_STRIDED:
      BRACKET(v0, v1, k, cr_convolve_1x1(CONV_ARGS)); break;
    case K_DW_3X3:
      BRACKET(v0, v1, k, cr_depthwise_3x3(CONV_ARGS)); break;
    case K_DW:
      BRACKET(v0, v1, k, cr_depthwise(scratch, CONV_ARGS)); break;
    default:
      BRACKET(v0, v1, k, cr_fully_connected(CONV_ARGS)); break;
    }
#endif
#undef CONV_ARGS
#endif
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < nout; i++) h = (h ^ (uint8_t)out_buf[i]) * 16777619u;
    report("layer", li, v0, v1, k, h);
  }
  for (int li = NLAYERS_BASE; li < NLAYERS; li++) run_extra(li);
  puts_("done\n"); flush();
  return 0;
}
