/* Own C11 re-implementation of the CMSIS-NN int8 kernel algorithms (loop
 * structure, blocking and DSP intrinsics as in ARM-software/CMSIS-NN), used
 * only to measure a representative dynamic instruction-class mix. Written
 * from the algorithm descriptions; not CMSIS-NN source code. */
#ifndef CMSIS_RE_H
#define CMSIS_RE_H
#include <stdint.h>

typedef struct { int32_t n, h, w, c; } cr_dims;
typedef struct {
  int32_t input_offset, output_offset;
  int32_t stride_h, stride_w, pad_h, pad_w;
  int32_t act_min, act_max;
} cr_conv_params;
typedef struct { const int32_t *mult, *shift; } cr_quant;

/* scratch buffer used by cr_convolve (im2col); caller provides it */
int32_t cr_convolve_buf_size(const cr_dims *in, const cr_dims *filt);

/* The convolution-like kernels share one signature (cr_conv_fn); those that
 * need a scratch buffer take it first (cr_conv_buf_fn). */
typedef int cr_conv_fn(const cr_conv_params *p, const cr_quant *q,
                       const cr_dims *in_d, const int8_t *in,
                       const cr_dims *f_d, const int8_t *filt,
                       const int32_t *bias, const cr_dims *o_d, int8_t *out);
typedef int cr_conv_buf_fn(void *buf, const cr_conv_params *p, const cr_quant *q,
                           const cr_dims *in_d, const int8_t *in,
                           const cr_dims *f_d, const int8_t *filt,
                           const int32_t *bias, const cr_dims *o_d, int8_t *out);
cr_conv_buf_fn cr_convolve;
cr_conv_fn cr_convolve_1x1_fast, cr_convolve_1x1, cr_depthwise_3x3;
/* arm_depthwise_conv_s8_opt (DSP) / depthwise_conv_s8_generic (plain C);
 * buf: cr_depthwise_buf_size() bytes (DSP only) */
int32_t cr_depthwise_buf_size(const cr_dims *in, const cr_dims *filt);
cr_conv_buf_fn cr_depthwise;
/* per-tensor: mult = q->mult[0], shift = q->shift[0] */
cr_conv_fn cr_fully_connected;
typedef struct {
  int32_t in1_offset, in1_mult, in1_shift, in2_offset, in2_mult, in2_shift;
  int32_t left_shift, out_offset, out_mult, out_shift, act_min, act_max;
} cr_add_params;
int cr_elementwise_add(const int8_t *in1, const int8_t *in2,
                       const cr_add_params *a, int8_t *out, int32_t n);
typedef struct { int32_t stride_h, stride_w, pad_h, pad_w, act_min, act_max; } cr_pool_params;
/* buf: in->c int32 (DSP only) */
int cr_avgpool(void *buf, const cr_pool_params *p, const cr_dims *in_d,
               const int8_t *src, const cr_dims *f_d, const cr_dims *o_d,
               int8_t *dst);
/* CMSIS_5 2020 DSP paths (TFLM 2.3.1), built with -DLIB_C2020D on DSP cores;
 * c20d_convolve's buf: 2 * kh * kw * ic int16 */
cr_conv_buf_fn c20d_convolve;
cr_conv_fn c20d_fully_connected;
cr_conv_fn c20d_convolve_1x1;
/* buf: kh * kw * ic int16 */
cr_conv_buf_fn c20d_dw_opt;
#endif
