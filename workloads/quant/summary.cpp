#include "workloads/quant/summary.hpp"

#include <set>

#include "workloads/ops/registry.hpp"
#include "workloads/quant/weights.hpp"

namespace mcusim::wl::quant {

QuantSummary quantize_graph(const Graph& g, const QuantScheme& scheme) {
  QuantSummary q;
  q.scheme = scheme.name();
  q.layers.resize(g.ops.size());
  for (std::size_t i = 0; i < g.ops.size(); ++i) q.layers[i].op = static_cast<int>(i);
  std::set<int> seen;
  for (const WeightSlot& s : weight_slots(g)) {
    LayerQuant& l = q.layers[static_cast<std::size_t>(s.op)];
    if (seen.insert(s.weights).second) {
      const WeightStats w = scheme.quantize(weight_values(g, s));
      l.weight_stored = w.stored_bytes;
      l.weight_unpacked = w.unpacked_bytes;
      l.unpack = w.unpack;
      q.weight_elements += w.elements;
      q.weight_stored += w.stored_bytes;
      q.weight_unpacked += w.unpacked_bytes;
      q.synthetic_tensors += w.synthetic ? 1 : 0;
      add_work(q.unpack, w.unpack);
      q.weights.push_back(w);
    }
    if (s.bias >= 0 && seen.insert(s.bias).second) {
      const std::int64_t n = g.tensor(s.bias).elements();
      l.bias_bytes = scheme.bias_bytes(n);
      q.bias_elements += n;
      q.bias_bytes += l.bias_bytes;
    }
    const Operator& op = g.ops[static_cast<std::size_t>(s.op)];
    if (AnalyzeFn fn = op_registry().find(op.type)) {
      const OpAnalysis a = fn(g, op);
      l.kernel = scheme.kernel_work({a.macs, a.elements});
      add_work(q.kernel, l.kernel);
    }
  }
  return q;
}

}  // namespace mcusim::wl::quant
