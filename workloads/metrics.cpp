#include "workloads/metrics.hpp"

#include <algorithm>

#include "sim/core/error.hpp"
#include "workloads/ops/registry.hpp"

namespace mcusim::wl {

std::vector<LayerMetrics> analyze_graph(const Graph& g) {
  const OpRegistry& reg = op_registry();
  std::string unsupported;
  for (std::size_t i = 0; i < g.ops.size(); ++i) {
    if (!reg.find(g.ops[i].type))
      unsupported += (unsupported.empty() ? "" : ", ") + g.ops[i].type + " at op " +
                     std::to_string(i);
  }
  if (!unsupported.empty())
    throw InputError(g.name + ": unsupported operator(s): " + unsupported);

  std::vector<LayerMetrics> out;
  for (std::size_t i = 0; i < g.ops.size(); ++i) {
    const Operator& op = g.ops[i];
    const OpAnalysis a = reg.find(op.type)(g, op);
    LayerMetrics m;
    m.index = static_cast<int>(i);
    m.name = op.name;
    m.type = op.type;
    m.kernel = a.kernel;
    m.macs = a.macs;
    m.elements = a.elements;
    for (std::size_t s = 0; s < op.inputs.size(); ++s) {
      if (op.inputs[s] < 0) continue;
      const Tensor& t = op_input(g, op, s);
      if (!t.is_const) {
        m.input_bytes += t.bytes();
      } else if (static_cast<int>(s) == a.bias_input) {
        m.bias_bytes += t.bytes();
      } else {
        m.weight_bytes += t.bytes();
        if (s == 1) m.params += t.elements();
      }
    }
    for (std::size_t s = 0; s < op.outputs.size(); ++s) m.output_bytes += op_output(g, op, s).bytes();
    out.push_back(std::move(m));
  }
  return out;
}

GraphTotals totals(const std::vector<LayerMetrics>& layers) {
  GraphTotals t;
  for (const auto& l : layers) {
    t.macs += l.macs;
    t.weight_bytes += l.weight_bytes;
    t.bias_bytes += l.bias_bytes;
    t.params += l.params;
    t.max_working_set = std::max(t.max_working_set, l.working_set());
  }
  return t;
}

}  // namespace mcusim::wl
