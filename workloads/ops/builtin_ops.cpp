// One line per operator type. Operators not listed here are unsupported: importing a
// model that uses one fails with a message listing them (never a silent zero).
#include "workloads/ops/registry.hpp"

namespace mcusim::wl {

OpAnalysis analyze_conv_2d(const Graph&, const Operator&);
OpAnalysis analyze_depthwise_conv_2d(const Graph&, const Operator&);
OpAnalysis analyze_fully_connected(const Graph&, const Operator&);
OpAnalysis analyze_add(const Graph&, const Operator&);
OpAnalysis analyze_mul(const Graph&, const Operator&);
OpAnalysis analyze_copy(const Graph&, const Operator&);
OpAnalysis analyze_softmax(const Graph&, const Operator&);
OpAnalysis analyze_requantize(const Graph&, const Operator&);
OpAnalysis analyze_pool(const Graph&, const Operator&);
OpAnalysis analyze_reduce(const Graph&, const Operator&);

void register_builtin_ops(OpRegistry& r) {
  r.add("CONV_2D", analyze_conv_2d);
  r.add("DEPTHWISE_CONV_2D", analyze_depthwise_conv_2d);
  r.add("FULLY_CONNECTED", analyze_fully_connected);
  r.add("ADD", analyze_add);
  r.add("SUB", analyze_add);
  r.add("MUL", analyze_mul);
  r.add("AVERAGE_POOL_2D", analyze_pool);
  r.add("MAX_POOL_2D", analyze_pool);
  r.add("MEAN", analyze_reduce);
  r.add("SOFTMAX", analyze_softmax);
  r.add("LOGISTIC", analyze_softmax);
  r.add("QUANTIZE", analyze_requantize);
  r.add("DEQUANTIZE", analyze_requantize);
  r.add("RESHAPE", analyze_copy);
  r.add("SQUEEZE", analyze_copy);
  r.add("PAD", analyze_copy);
  r.add("PADV2", analyze_copy);
  r.add("TRANSPOSE", analyze_copy);
  r.add("CONCATENATION", analyze_copy);
  r.add("RESIZE_NEAREST_NEIGHBOR", analyze_copy);
  r.add("RELU", analyze_requantize);
  r.add("RELU6", analyze_requantize);
}

}  // namespace mcusim::wl
