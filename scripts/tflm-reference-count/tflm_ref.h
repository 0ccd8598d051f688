/* Re-implementation (own code) of the TFLite Micro 2.3.1 portable reference
 * int8 kernels: reference_integer_ops::ConvPerChannel,
 * DepthwiseConvPerChannel and FullyConnected, with the helpers they call
 * (RuntimeShape::Dims, Offset, MatchingDim, MultiplyByQuantizedMultiplier,
 * gemmlowp SaturatingRoundingDoublingHighMul / RoundingDivideByPOT).
 * Same loop nests, same per-MAC / per-tap / per-output work; no hand
 * optimisation. TFLITE_DCHECK_* and gemmlowp assert() are compiled out
 * (NDEBUG / release build), as in a release TFLM build. */
#ifndef TFLM_REF_H
#define TFLM_REF_H
#include <stdint.h>
#include <stdbool.h>

#define RS_MAX_SMALL_SIZE 5
typedef struct {
  int32_t size;
  union {
    int32_t dims[RS_MAX_SMALL_SIZE];
    int32_t *dims_pointer;
  } u;
} RuntimeShape;

typedef struct { int16_t width, height, width_offset, height_offset; } PaddingValues;

typedef struct {
  int padding_type;
  PaddingValues padding_values;
  int16_t stride_width, stride_height;
  int16_t dilation_width_factor, dilation_height_factor;
  int32_t input_offset, weights_offset, output_offset;
  int32_t output_multiplier;
  int output_shift;
  int32_t quantized_activation_min, quantized_activation_max;
} ConvParams;

typedef struct {
  int padding_type;
  PaddingValues padding_values;
  int16_t stride_width, stride_height;
  int16_t dilation_width_factor, dilation_height_factor;
  int16_t depth_multiplier;
  int32_t input_offset, weights_offset, output_offset;
  int32_t output_multiplier;
  int output_shift;
  int32_t quantized_activation_min, quantized_activation_max;
} DepthwiseParams;

typedef struct {
  int32_t input_offset, weights_offset, output_offset;
  int32_t output_multiplier;
  int output_shift;
  int32_t quantized_activation_min, quantized_activation_max;
} FullyConnectedParams;

void tflm_ref_conv(const ConvParams *params, const int32_t *output_multiplier,
                   const int32_t *output_shift, const RuntimeShape *input_shape,
                   const int8_t *input_data, const RuntimeShape *filter_shape,
                   const int8_t *filter_data, const RuntimeShape *bias_shape,
                   const int32_t *bias_data, const RuntimeShape *output_shape,
                   int8_t *output_data);

void tflm_ref_depthwise(const DepthwiseParams *params,
                        const int32_t *output_multiplier,
                        const int32_t *output_shift,
                        const RuntimeShape *input_shape, const int8_t *input_data,
                        const RuntimeShape *filter_shape,
                        const int8_t *filter_data,
                        const RuntimeShape *bias_shape, const int32_t *bias_data,
                        const RuntimeShape *output_shape, int8_t *output_data);

void tflm_ref_fc(const FullyConnectedParams *params,
                 const RuntimeShape *input_shape, const int8_t *input_data,
                 const RuntimeShape *filter_shape, const int8_t *filter_data,
                 const RuntimeShape *bias_shape, const int32_t *bias_data,
                 const RuntimeShape *output_shape, int8_t *output_data);
#endif
