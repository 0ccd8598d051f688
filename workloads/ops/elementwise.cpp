// Operators costed per output element, with no MACs: element-wise arithmetic, pooling,
// data movement and normalisation. Each kernel class has its own per-element cost in
// the engine profile (configs/engines/*.yaml).
#include "workloads/ops/registry.hpp"

namespace mcusim::wl {
namespace {

OpAnalysis per_output(const Graph& g, const Operator& op, const char* kernel) {
  OpAnalysis a;
  for (std::size_t i = 0; i < op.outputs.size(); ++i)
    a.elements += static_cast<std::uint64_t>(op_output(g, op, i).elements());
  a.kernel = kernel;
  return a;
}

}  // namespace

OpAnalysis analyze_add(const Graph& g, const Operator& op) { return per_output(g, op, "add"); }
OpAnalysis analyze_mul(const Graph& g, const Operator& op) { return per_output(g, op, "mul"); }
OpAnalysis analyze_copy(const Graph& g, const Operator& op) { return per_output(g, op, "copy"); }
OpAnalysis analyze_softmax(const Graph& g, const Operator& op) {
  return per_output(g, op, "softmax");
}
OpAnalysis analyze_requantize(const Graph& g, const Operator& op) {
  return per_output(g, op, "requantize");
}

// Pooling reads a window per output element; the window is folded into `elements`
// as input elements read, so the engine's per-element cost applies to reads.
OpAnalysis analyze_pool(const Graph& g, const Operator& op) {
  OpAnalysis a = per_output(g, op, "pool");
  const auto win = static_cast<std::uint64_t>(op.options.filter_w) *
                   static_cast<std::uint64_t>(op.options.filter_h);
  if (win > 0) a.elements *= win;
  return a;
}

// Reductions (MEAN) read every input element once.
OpAnalysis analyze_reduce(const Graph& g, const Operator& op) {
  OpAnalysis a;
  a.elements = static_cast<std::uint64_t>(op_input(g, op, 0).elements());
  a.kernel = "pool";
  return a;
}

}  // namespace mcusim::wl
