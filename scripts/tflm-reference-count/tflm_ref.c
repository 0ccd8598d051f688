/* See tflm_ref.h. Own C re-implementation of the TFLM 2.3.1 reference int8
 * kernels' loop nests and arithmetic. */
#include "tflm_ref.h"

/* ---- RuntimeShape helpers (tensorflow/lite/kernels/internal/types.h) ---- */
static inline int32_t rs_dims(const RuntimeShape *s, int i) {
  /* RuntimeShape::Dims(): small-size (inline array) vs heap pointer */
  return s->size > RS_MAX_SMALL_SIZE ? s->u.dims_pointer[i] : s->u.dims[i];
}

static inline const int32_t *rs_dims_data_up_to_5d(const RuntimeShape *s) {
  return s->u.dims;  /* DimsDataUpTo5D() */
}

static inline int offset4(const RuntimeShape *shape, int i0, int i1, int i2,
                          int i3) {
  /* Offset(shape, i0, i1, i2, i3); DCHECKs compiled out */
  const int32_t *dims_data = rs_dims_data_up_to_5d(shape);
  return ((i0 * dims_data[1] + i1) * dims_data[2] + i2) * dims_data[3] + i3;
}

static inline int matching_dim(const RuntimeShape *s1, int i1,
                               const RuntimeShape *s2, int i2) {
  (void)s2; (void)i2;  /* TFLITE_DCHECK_EQ compiled out */
  return rs_dims(s1, i1);
}

/* ---- gemmlowp fixedpoint (scalar int32 instantiation) ---- */
static inline int32_t saturating_rounding_doubling_high_mul(int32_t a,
                                                            int32_t b) {
  bool overflow = a == b && a == INT32_MIN;
  int64_t a_64 = a;
  int64_t b_64 = b;
  int64_t ab_64 = a_64 * b_64;
  int32_t nudge = ab_64 >= 0 ? (1 << 30) : (1 - (1 << 30));
  int32_t ab_x2_high32 = (int32_t)((ab_64 + nudge) / (1LL << 31));
  return overflow ? INT32_MAX : ab_x2_high32;
}

static inline int32_t mask_if_non_zero(int32_t a) { return a ? ~0 : 0; }
static inline int32_t mask_if_less_than(int32_t a, int32_t b) {
  return mask_if_non_zero(a < b);
}
static inline int32_t mask_if_greater_than(int32_t a, int32_t b) {
  return mask_if_non_zero(a > b);
}

static inline int32_t rounding_divide_by_pot(int32_t x, int exponent) {
  /* assert(exponent >= 0 && exponent <= 31) compiled out (NDEBUG) */
  const int32_t mask = (int32_t)((1LL << exponent) - 1);
  const int32_t zero = 0;
  const int32_t one = 1;
  const int32_t remainder = x & mask;
  const int32_t threshold = (mask >> 1) + (mask_if_less_than(x, zero) & one);
  return (x >> exponent) + (mask_if_greater_than(remainder, threshold) & one);
}

/* tensorflow/lite/kernels/internal/common.h */
static inline int32_t multiply_by_quantized_multiplier(
    int32_t x, int32_t quantized_multiplier, int shift) {
  int left_shift = shift > 0 ? shift : 0;
  int right_shift = shift > 0 ? 0 : -shift;
  return rounding_divide_by_pot(
      saturating_rounding_doubling_high_mul(x * (1 << left_shift),
                                            quantized_multiplier),
      right_shift);
}

static inline int32_t max_i32(int32_t a, int32_t b) { return a < b ? b : a; }
static inline int32_t min_i32(int32_t a, int32_t b) { return b < a ? b : a; }

/* ---- reference_integer_ops::ConvPerChannel ---- */
void tflm_ref_conv(const ConvParams *params, const int32_t *output_multiplier,
                   const int32_t *output_shift, const RuntimeShape *input_shape,
                   const int8_t *input_data, const RuntimeShape *filter_shape,
                   const int8_t *filter_data, const RuntimeShape *bias_shape,
                   const int32_t *bias_data, const RuntimeShape *output_shape,
                   int8_t *output_data) {
  (void)bias_shape;
  const int32_t input_offset = params->input_offset;
  const int stride_width = params->stride_width;
  const int stride_height = params->stride_height;
  const int dilation_width_factor = params->dilation_width_factor;
  const int dilation_height_factor = params->dilation_height_factor;
  const int pad_width = params->padding_values.width;
  const int pad_height = params->padding_values.height;
  const int32_t output_offset = params->output_offset;
  const int32_t output_activation_min = params->quantized_activation_min;
  const int32_t output_activation_max = params->quantized_activation_max;

  const int batches = matching_dim(input_shape, 0, output_shape, 0);
  const int input_depth = matching_dim(input_shape, 3, filter_shape, 3);
  const int output_depth = matching_dim(filter_shape, 0, output_shape, 3);
  const int input_height = rs_dims(input_shape, 1);
  const int input_width = rs_dims(input_shape, 2);
  const int filter_height = rs_dims(filter_shape, 1);
  const int filter_width = rs_dims(filter_shape, 2);
  const int output_height = rs_dims(output_shape, 1);
  const int output_width = rs_dims(output_shape, 2);

  for (int batch = 0; batch < batches; ++batch) {
    for (int out_y = 0; out_y < output_height; ++out_y) {
      for (int out_x = 0; out_x < output_width; ++out_x) {
        for (int out_channel = 0; out_channel < output_depth; ++out_channel) {
          const int in_x_origin = (out_x * stride_width) - pad_width;
          const int in_y_origin = (out_y * stride_height) - pad_height;
          int32_t acc = 0;
          for (int filter_y = 0; filter_y < filter_height; ++filter_y) {
            for (int filter_x = 0; filter_x < filter_width; ++filter_x) {
              for (int in_channel = 0; in_channel < input_depth;
                   ++in_channel) {
                const int in_x = in_x_origin + dilation_width_factor * filter_x;
                const int in_y =
                    in_y_origin + dilation_height_factor * filter_y;
                /* zero padding by omitting the areas outside the image */
                const bool is_point_inside_image =
                    (in_x >= 0) && (in_x < input_width) && (in_y >= 0) &&
                    (in_y < input_height);
                if (is_point_inside_image) {
                  int32_t input_val = input_data[offset4(
                      input_shape, batch, in_y, in_x, in_channel)];
                  int32_t filter_val = filter_data[offset4(
                      filter_shape, out_channel, filter_y, filter_x,
                      in_channel)];
                  acc += filter_val * (input_val + input_offset);
                }
              }
            }
          }
          if (bias_data) {
            acc += bias_data[out_channel];
          }
          acc = multiply_by_quantized_multiplier(
              acc, output_multiplier[out_channel], output_shift[out_channel]);
          acc += output_offset;
          acc = max_i32(acc, output_activation_min);
          acc = min_i32(acc, output_activation_max);
          output_data[offset4(output_shape, batch, out_y, out_x,
                              out_channel)] = (int8_t)acc;
        }
      }
    }
  }
}

/* ---- reference_integer_ops::DepthwiseConvPerChannel ---- */
void tflm_ref_depthwise(const DepthwiseParams *params,
                        const int32_t *output_multiplier,
                        const int32_t *output_shift,
                        const RuntimeShape *input_shape, const int8_t *input_data,
                        const RuntimeShape *filter_shape,
                        const int8_t *filter_data,
                        const RuntimeShape *bias_shape, const int32_t *bias_data,
                        const RuntimeShape *output_shape, int8_t *output_data) {
  (void)bias_shape;
  const int stride_width = params->stride_width;
  const int stride_height = params->stride_height;
  const int dilation_width_factor = params->dilation_width_factor;
  const int dilation_height_factor = params->dilation_height_factor;
  const int pad_width = params->padding_values.width;
  const int pad_height = params->padding_values.height;
  const int depth_multiplier = params->depth_multiplier;
  const int32_t input_offset = params->input_offset;
  const int32_t output_offset = params->output_offset;
  const int32_t output_activation_min = params->quantized_activation_min;
  const int32_t output_activation_max = params->quantized_activation_max;

  const int batches = matching_dim(input_shape, 0, output_shape, 0);
  const int output_depth = matching_dim(filter_shape, 3, output_shape, 3);
  const int input_height = rs_dims(input_shape, 1);
  const int input_width = rs_dims(input_shape, 2);
  const int input_depth = rs_dims(input_shape, 3);
  const int filter_height = rs_dims(filter_shape, 1);
  const int filter_width = rs_dims(filter_shape, 2);
  const int output_height = rs_dims(output_shape, 1);
  const int output_width = rs_dims(output_shape, 2);
  (void)output_depth;

  for (int batch = 0; batch < batches; ++batch) {
    for (int out_y = 0; out_y < output_height; ++out_y) {
      for (int out_x = 0; out_x < output_width; ++out_x) {
        for (int in_channel = 0; in_channel < input_depth; ++in_channel) {
          for (int m = 0; m < depth_multiplier; ++m) {
            const int output_channel = m + in_channel * depth_multiplier;
            const int in_x_origin = (out_x * stride_width) - pad_width;
            const int in_y_origin = (out_y * stride_height) - pad_height;
            int32_t acc = 0;
            for (int filter_y = 0; filter_y < filter_height; ++filter_y) {
              for (int filter_x = 0; filter_x < filter_width; ++filter_x) {
                const int in_x = in_x_origin + dilation_width_factor * filter_x;
                const int in_y =
                    in_y_origin + dilation_height_factor * filter_y;
                /* zero padding by omitting the areas outside the image */
                const bool is_point_inside_image =
                    (in_x >= 0) && (in_x < input_width) && (in_y >= 0) &&
                    (in_y < input_height);
                if (is_point_inside_image) {
                  int32_t input_val = input_data[offset4(
                      input_shape, batch, in_y, in_x, in_channel)];
                  int32_t filter_val = filter_data[offset4(
                      filter_shape, 0, filter_y, filter_x, output_channel)];
                  acc += filter_val * (input_val + input_offset);
                }
              }
            }
            if (bias_data) {
              acc += bias_data[output_channel];
            }
            acc = multiply_by_quantized_multiplier(
                acc, output_multiplier[output_channel],
                output_shift[output_channel]);
            acc += output_offset;
            acc = max_i32(acc, output_activation_min);
            acc = min_i32(acc, output_activation_max);
            output_data[offset4(output_shape, batch, out_y, out_x,
                                output_channel)] = (int8_t)acc;
          }
        }
      }
    }
  }
}

/* ---- reference_integer_ops::FullyConnected ---- */
void tflm_ref_fc(const FullyConnectedParams *params,
                 const RuntimeShape *input_shape, const int8_t *input_data,
                 const RuntimeShape *filter_shape, const int8_t *filter_data,
                 const RuntimeShape *bias_shape, const int32_t *bias_data,
                 const RuntimeShape *output_shape, int8_t *output_data) {
  (void)input_shape; (void)bias_shape;
  const int32_t input_offset = params->input_offset;
  const int32_t filter_offset = params->weights_offset;
  const int32_t output_offset = params->output_offset;
  const int32_t output_multiplier = params->output_multiplier;
  const int output_shift = params->output_shift;
  const int32_t output_activation_min = params->quantized_activation_min;
  const int32_t output_activation_max = params->quantized_activation_max;
  const int filter_dim_count = filter_shape->size;
  const int batches = rs_dims(output_shape, 0);
  const int output_depth = rs_dims(output_shape, 1);
  const int accum_depth = rs_dims(filter_shape, filter_dim_count - 1);
  for (int b = 0; b < batches; ++b) {
    for (int out_c = 0; out_c < output_depth; ++out_c) {
      int32_t acc = 0;
      for (int d = 0; d < accum_depth; ++d) {
        int32_t input_val = input_data[b * accum_depth + d];
        int32_t filter_val = filter_data[out_c * accum_depth + d];
        acc += (filter_val + filter_offset) * (input_val + input_offset);
      }
      if (bias_data) {
        acc += bias_data[out_c];
      }
      acc = multiply_by_quantized_multiplier(acc, output_multiplier,
                                             output_shift);
      acc += output_offset;
      acc = max_i32(acc, output_activation_min);
      acc = min_i32(acc, output_activation_max);
      output_data[out_c + output_depth * b] = (int8_t)acc;
    }
  }
}
