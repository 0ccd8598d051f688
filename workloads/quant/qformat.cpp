// Q-format Qm.n weights (paper §6.1; CMSIS-NN's legacy q7/q15 kernels). The only
// parameter is the position of the binary point: one byte per tensor. The kernel works
// on the stored integers directly, so stored = unpacked; per output it shifts the
// bias into the accumulator's format and shifts the result back (bias_shift and
// out_shift in arm_convolve_HWC_q7_basic), then saturates to the output width.
// Biases are stored in the same width as the weights (q7_t / q15_t bias arrays).
#include "workloads/quant/qformat.hpp"

#include <algorithm>
#include <cmath>

#include "sim/core/error.hpp"
#include "workloads/quant/scheme.hpp"

namespace mcusim::wl::quant {

double QFormat::min() const { return -std::ldexp(1.0, int_bits); }
double QFormat::max() const { return std::ldexp(1.0, int_bits) - step(); }
double QFormat::step() const { return std::ldexp(1.0, -frac_bits); }

QFormat qformat(int bits, int int_bits) {
  QFormat q;
  q.bits = bits;
  q.int_bits = int_bits;
  q.frac_bits = bits - 1 - int_bits;
  return q;
}

QFormat choose_qformat(int bits, double max_abs) {
  // Smallest m with max_abs <= 2^m (the top value rounds to 2^m - 2^-n at worst).
  int m = -(bits - 1);
  while (m < bits - 1 && max_abs > std::ldexp(1.0, m)) ++m;
  return qformat(bits, m);
}

namespace {

class QFormatScheme : public QuantScheme {
 public:
  explicit QFormatScheme(int bits) : bits_(bits) {}
  std::string name() const override { return "q" + std::to_string(bits_); }
  WeightStats quantize(const WeightTensor& w) const override {
    WeightStats s;
    s.tensor = w.name;
    s.elements = static_cast<std::int64_t>(w.values.size());
    s.payload_bytes = s.elements * (bits_ / 8);
    s.overhead_bytes = 1;  // the binary-point position
    s.stored_bytes = s.payload_bytes + s.overhead_bytes;
    s.unpacked_bytes = s.payload_bytes;
    s.synthetic = w.synthetic;
    return s;
  }
  std::int64_t bias_bytes(std::int64_t elements) const override {
    return elements * (bits_ / 8);
  }
  WorkCounts kernel_work(const LayerShape& l) const override {
    return {{"shifts", 2 * l.outputs}, {"saturations", l.outputs}};
  }

 private:
  int bits_;
};

}  // namespace

std::unique_ptr<QuantScheme> make_qformat(int bits) {
  if (bits != 8 && bits != 16) throw InputError("q-format: bits must be 8 or 16");
  return std::make_unique<QFormatScheme>(bits);
}

}  // namespace mcusim::wl::quant
