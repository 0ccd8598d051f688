// FULLY_CONNECTED: weights [Cout, K]; the input may have rank > 2 and is flattened to
// [batch, K] (micro_speech feeds [1,25,20,8] into [4,4000]). MACs = batch*Cout*K.
#include "workloads/ops/registry.hpp"

#include "sim/core/error.hpp"

namespace mcusim::wl {

OpAnalysis analyze_fully_connected(const Graph& g, const Operator& op) {
  const Tensor& in = op_input(g, op, 0);
  const Tensor& w = op_input(g, op, 1);
  OpAnalysis a;
  const auto cout = shape_dim(w, 0), k = shape_dim(w, 1);
  if (k == 0) throw InputError("operator '" + op.name + "': FULLY_CONNECTED with K = 0");
  const auto batch = static_cast<std::uint64_t>(in.elements()) / k;
  a.macs = batch * cout * k;
  a.elements = batch * cout;
  a.kernel = "fc";
  a.bias_input = op.inputs.size() > 2 ? 2 : -1;
  return a;
}

}  // namespace mcusim::wl
