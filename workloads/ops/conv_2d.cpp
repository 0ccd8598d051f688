// CONV_2D: filter OHWI [Cout, KH, KW, Cin]; MACs = N*Hout*Wout*Cout*KH*KW*Cin
// (FORMAT_NOTES.md §9). A 1x1, stride-1 conv takes CMSIS-NN's fast path
// (arm_convolve_1x1_s8_fast); other shapes use im2col + mat-mult.
#include "workloads/ops/registry.hpp"

namespace mcusim::wl {

OpAnalysis analyze_conv_2d(const Graph& g, const Operator& op) {
  const Tensor& w = op_input(g, op, 1);
  const Tensor& out = op_output(g, op);
  OpAnalysis a;
  const auto cout = shape_dim(w, 0), kh = shape_dim(w, 1), kw = shape_dim(w, 2),
             cin = shape_dim(w, 3);
  const auto n = shape_dim(out, 0), ho = shape_dim(out, 1), wo = shape_dim(out, 2);
  a.macs = n * ho * wo * cout * kh * kw * cin;
  a.elements = n * ho * wo * cout;
  const bool one_by_one = kh == 1 && kw == 1;
  const bool unit_stride = op.options.stride_w == 1 && op.options.stride_h == 1;
  a.kernel = one_by_one ? (unit_stride ? "conv_1x1" : "conv_1x1_strided") : "conv";
  a.bias_input = op.inputs.size() > 2 ? 2 : -1;
  return a;
}

}  // namespace mcusim::wl
