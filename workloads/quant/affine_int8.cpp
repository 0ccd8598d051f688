// int8 affine: r = S (q - Z) (paper §6.1 "Affine", Jacob et al. 2018). S is FP32 and Z
// is quantized to the same 8 bits as q, so each (S, Z) pair stores 5 bytes: one pair
// per tensor, or one per output channel with per-channel quantization.
//
// Per-tensor: asymmetric (Z from the min/max range), so the kernel subtracts both the
// input and the weight zero point in every MAC. Per-channel: symmetric weights (Z = 0,
// as the TFLite int8 spec requires), so only the input zero point is applied per MAC.
// Either way each output is requantized: one fixed-point multiply by the
// combined scale, one rounding shift, one output zero-point add (TFLM reference
// kernels, MultiplyByQuantizedMultiplier). Biases are int32.
#include <algorithm>
#include <cmath>

#include "workloads/quant/scheme.hpp"

namespace mcusim::wl::quant {
namespace {

class AffineInt8 : public QuantScheme {
 public:
  explicit AffineInt8(bool per_channel) : per_channel_(per_channel) {}
  std::string name() const override { return per_channel_ ? "int8-affine-pc" : "int8-affine"; }

  WeightStats quantize(const WeightTensor& w) const override {
    WeightStats s;
    s.tensor = w.name;
    s.elements = static_cast<std::int64_t>(w.values.size());
    s.payload_bytes = s.elements;
    const std::int64_t pairs = per_channel_ ? w.channels() : 1;
    s.overhead_bytes = pairs * (4 + 1);  // FP32 scale + int8 zero point
    s.stored_bytes = s.payload_bytes + s.overhead_bytes;
    s.unpacked_bytes = s.elements;  // the kernel reads the int8 values as stored
    s.synthetic = w.synthetic;
    return s;
  }
  std::int64_t bias_bytes(std::int64_t elements) const override { return 4 * elements; }
  WorkCounts kernel_work(const LayerShape& l) const override {
    return {{"zero_point_subtractions", per_channel_ ? l.macs : 2 * l.macs},
            {"requant_multiplies", l.outputs},
            {"requant_shifts", l.outputs},
            {"output_zero_point_adds", l.outputs}};
  }

 private:
  bool per_channel_;
};

}  // namespace

std::unique_ptr<QuantScheme> make_affine_int8(bool per_channel) {
  return std::make_unique<AffineInt8>(per_channel);
}

}  // namespace mcusim::wl::quant
