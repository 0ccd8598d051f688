#include "workloads/quant/weights.hpp"

#include <cmath>
#include <cstring>
#include <random>

namespace mcusim::wl::quant {

std::vector<WeightSlot> weight_slots(const Graph& g) {
  std::vector<WeightSlot> out;
  for (std::size_t i = 0; i < g.ops.size(); ++i) {
    const Operator& op = g.ops[i];
    const bool conv = op.type == "CONV_2D", dw = op.type == "DEPTHWISE_CONV_2D",
               fc = op.type == "FULLY_CONNECTED";
    if (!(conv || dw || fc) || op.inputs.size() < 2 || op.inputs[1] < 0) continue;
    const Tensor& w = g.tensor(op.inputs[1]);
    if (!w.is_const || w.shape.empty()) continue;
    WeightSlot s;
    s.op = static_cast<int>(i);
    s.weights = op.inputs[1];
    if (op.inputs.size() > 2 && op.inputs[2] >= 0 && g.tensor(op.inputs[2]).is_const)
      s.bias = op.inputs[2];
    s.kind = fc ? WeightKind::FullyConnected : WeightKind::Conv;
    s.channel_axis = dw ? static_cast<int>(w.shape.size()) - 1 : 0;
    const std::int64_t ch = w.shape[static_cast<std::size_t>(s.channel_axis)];
    s.fan_in = ch > 0 ? std::max<std::int64_t>(1, w.elements() / ch) : 1;
    out.push_back(s);
  }
  return out;
}

std::uint64_t fnv1a64(const std::string& s) {
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a 64-bit offset basis
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::vector<float> synthetic_laplace(std::uint64_t seed, std::size_t n, double b) {
  std::mt19937_64 gen(seed);
  std::vector<float> v(n);
  for (auto& x : v) {
    const double u = (static_cast<double>(gen() >> 11) + 0.5) * 0x1.0p-53;  // (0, 1)
    x = static_cast<float>(u < 0.5 ? b * std::log(2 * u) : -b * std::log(2 * (1 - u)));
  }
  return v;
}

namespace {

// Element index -> index along `axis` of a row-major shape.
struct AxisIndex {
  std::int64_t inner = 1, dim = 1;
  AxisIndex(const std::vector<std::int64_t>& shape, int axis) {
    if (axis < 0 || static_cast<std::size_t>(axis) >= shape.size()) return;
    dim = std::max<std::int64_t>(1, shape[static_cast<std::size_t>(axis)]);
    for (std::size_t d = static_cast<std::size_t>(axis) + 1; d < shape.size(); ++d) inner *= shape[d];
  }
  std::size_t operator()(std::size_t i) const {
    return static_cast<std::size_t>((static_cast<std::int64_t>(i) / inner) % dim);
  }
};

template <typename T>
bool dequantize(const Tensor& t, std::vector<float>& out) {
  const std::size_t n = static_cast<std::size_t>(t.elements());
  if (t.data.size() != n * sizeof(T)) return false;
  const AxisIndex ax(t.shape, t.quant.axis);
  const auto& sc = t.quant.scale;
  const auto& zp = t.quant.zero_point;
  out.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    T q;
    std::memcpy(&q, t.data.data() + i * sizeof(T), sizeof(T));
    const std::size_t c = sc.size() > 1 ? ax(i) : 0;
    const double s = c < sc.size() ? sc[c] : 1.0;
    const double z = c < zp.size() ? static_cast<double>(zp[c]) : 0.0;
    out[i] = static_cast<float>(s * (static_cast<double>(q) - z));
  }
  return true;
}

}  // namespace

WeightTensor weight_values(const Graph& g, const WeightSlot& s) {
  const Tensor& t = g.tensor(s.weights);
  WeightTensor w;
  w.name = t.name;
  w.shape = t.shape;
  w.channel_axis = s.channel_axis;
  w.kind = s.kind;
  bool ok = false;
  switch (t.type) {
    case DType::Int8: ok = dequantize<std::int8_t>(t, w.values); break;
    case DType::UInt8: ok = dequantize<std::uint8_t>(t, w.values); break;
    case DType::Int16: ok = dequantize<std::int16_t>(t, w.values); break;
    case DType::Float32: ok = dequantize<float>(t, w.values); break;
    default: break;
  }
  if (!ok) {
    w.synthetic = true;
    w.values = synthetic_laplace(fnv1a64(t.name), static_cast<std::size_t>(std::max<std::int64_t>(0, t.elements())),
                                 1.0 / std::sqrt(static_cast<double>(s.fan_in)));
  }
  return w;
}

}  // namespace mcusim::wl::quant
