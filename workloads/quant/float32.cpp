// float32: the unquantized reference (paper §6: "the 32-bit used in training").
// Stored = unpacked = 4 bytes per weight; the kernel does its MACs in floating point.
#include "workloads/quant/scheme.hpp"

namespace mcusim::wl::quant {
namespace {

class Float32 : public QuantScheme {
 public:
  std::string name() const override { return "float32"; }
  WeightStats quantize(const WeightTensor& w) const override {
    WeightStats s;
    s.tensor = w.name;
    s.elements = static_cast<std::int64_t>(w.values.size());
    s.payload_bytes = s.stored_bytes = s.unpacked_bytes = 4 * s.elements;
    s.synthetic = w.synthetic;
    return s;
  }
  std::int64_t bias_bytes(std::int64_t elements) const override { return 4 * elements; }
  WorkCounts kernel_work(const LayerShape& l) const override {
    return {{"fp32_macs", l.macs}};
  }
};

}  // namespace

std::unique_ptr<QuantScheme> make_float32() { return std::make_unique<Float32>(); }

}  // namespace mcusim::wl::quant
