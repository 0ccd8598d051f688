// DEPTHWISE_CONV_2D: filter [1, KH, KW, Cin*M]; MACs = N*Hout*Wout*Cout*KH*KW.
// CMSIS-NN has a 3x3 fast path (arm_depthwise_conv_3x3_s8) for multiplier 1.
#include "workloads/ops/registry.hpp"

namespace mcusim::wl {

OpAnalysis analyze_depthwise_conv_2d(const Graph& g, const Operator& op) {
  const Tensor& w = op_input(g, op, 1);
  const Tensor& out = op_output(g, op);
  OpAnalysis a;
  const auto kh = shape_dim(w, 1), kw = shape_dim(w, 2);
  const auto n = shape_dim(out, 0), ho = shape_dim(out, 1), wo = shape_dim(out, 2),
             c = shape_dim(out, 3);
  a.macs = n * ho * wo * c * kh * kw;
  a.elements = n * ho * wo * c;
  a.kernel = (kh == 3 && kw == 3 && op.options.depth_multiplier == 1) ? "dw_3x3" : "dw";
  a.bias_input = op.inputs.size() > 2 ? 2 : -1;
  return a;
}

}  // namespace mcusim::wl
