/* Measuring program: brackets each TFLM-reference kernel call with SysTick
 * reads under QEMU -icount shift=0 and prints raw counter values over
 * semihosting (helpers in ../qemu-bare/bare.h). Post-processing is done by
 * ./measure. */
#include <stdint.h>
#include "bare.h"
#include "tflm_ref.h"
#include "layers.h"

#ifndef SEED_XOR /* data-dependence check only; the CSV uses 0 */
#define SEED_XOR 0
#endif

static uint32_t prod(const int32_t *d, int n) { uint32_t p = 1; for (int i = 0; i < n; i++) p *= (uint32_t)d[i]; return p; }
static void set_shape(RuntimeShape *s, const int32_t *d, int n) {
  s->size = n; for (int i = 0; i < n; i++) s->u.dims[i] = d[i];
}

int main(void) {
  SYSTICK_START();
  uint32_t v0, v1, k;
  static const uint32_t ns[4] = {1, 2, 1000, 1000000};
  for (int i = 0; i < 4; i++) {
    BRACKET(v0, v1, k, loop2(ns[i])); report("loop2", ns[i], v0, v1, k, 0);
  }
  for (int i = 0; i < 4; i++) {
    BRACKET(v0, v1, k, loop10(ns[i])); report("loop10", ns[i], v0, v1, k, 0);
  }
  for (int i = 0; i < 16; i++) {
    BRACKET(v0, v1, k, (void)0); report("empty", i, v0, v1, k, 0);
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
      BRACKET(v0, v1, k,
              tflm_ref_conv(&p, mult_buf, shift_buf, &sin, in_buf, &sf, filt_buf, &sb,
                            bias_buf, &so, out_buf));
    } else if (L->op == OP_DW) {
      DepthwiseParams p = {0};
      p.padding_values.height = (int16_t)L->pad_h; p.padding_values.width = (int16_t)L->pad_w;
      p.stride_height = (int16_t)L->stride_h; p.stride_width = (int16_t)L->stride_w;
      p.dilation_height_factor = 1; p.dilation_width_factor = 1;
      p.depth_multiplier = 1;
      p.input_offset = 128; p.weights_offset = 0; p.output_offset = -128;
      p.quantized_activation_min = -128; p.quantized_activation_max = 127;
      BRACKET(v0, v1, k,
              tflm_ref_depthwise(&p, mult_buf, shift_buf, &sin, in_buf, &sf, filt_buf,
                                 &sb, bias_buf, &so, out_buf));
    } else {
      FullyConnectedParams p = {0};
      p.input_offset = 128; p.weights_offset = 0; p.output_offset = -128;
      p.output_multiplier = mult_buf[0]; p.output_shift = shift_buf[0];
      p.quantized_activation_min = -128; p.quantized_activation_max = 127;
      BRACKET(v0, v1, k, tflm_ref_fc(&p, &sin, in_buf, &sf, filt_buf, &sb, bias_buf, &so, out_buf));
    }
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < nout; i++) h = (h ^ (uint8_t)out_buf[i]) * 16777619u;
    report("layer", li, v0, v1, k, h);
  }
  puts_("done\n"); flush();
  return 0;
}
