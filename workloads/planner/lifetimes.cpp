#include "workloads/planner/lifetimes.hpp"

#include <algorithm>

#include "sim/core/error.hpp"
#include "workloads/planner/dependencies.hpp"

namespace mcusim::wl {

std::vector<Buffer> compute_lifetimes(const Graph& g, const std::vector<int>& order) {
  std::string why;
  if (!is_topological(g, order, &why)) throw InputError(g.name + ": bad op order: " + why);
  const TensorUses u = tensor_uses(g);
  const int steps = static_cast<int>(order.size());
  const int end = std::max(0, steps - 1);
  std::vector<int> pos(order.size());
  for (int p = 0; p < steps; ++p) pos[static_cast<std::size_t>(order[p])] = p;

  std::vector<Buffer> out;
  for (std::size_t t = 0; t < g.tensors.size(); ++t) {
    const Tensor& ten = g.tensors[t];
    if (ten.is_const) continue;
    const bool touched = u.producer[t] >= 0 || !u.consumers[t].empty();
    if (!touched && !u.is_graph_input[t] && !u.is_graph_output[t] && !ten.is_variable) continue;
    Buffer b;
    b.tensor = static_cast<int>(t);
    b.bytes = ten.bytes();
    if (b.bytes < 0)
      throw InputError(g.name + ": tensor " + std::to_string(t) + " '" + ten.name +
                       "' has a negative size (dynamic shape?)");
    if (ten.is_variable) {
      b.first = 0;
      b.last = end;
    } else {
      b.first = u.producer[t] >= 0 ? pos[static_cast<std::size_t>(u.producer[t])] : 0;
      b.last = b.first;
      for (int c : u.consumers[t]) b.last = std::max(b.last, pos[static_cast<std::size_t>(c)]);
      if (u.is_graph_output[t]) b.last = end;
    }
    out.push_back(b);
  }
  return out;
}

std::vector<std::int64_t> live_bytes_per_step(const std::vector<Buffer>& buffers, int steps) {
  // Difference array: +bytes at first, -bytes after last; O(buffers + steps).
  std::vector<std::int64_t> d(static_cast<std::size_t>(std::max(steps, 0)) + 1, 0);
  for (const Buffer& b : buffers) {
    if (b.first >= steps) continue;
    d[static_cast<std::size_t>(b.first)] += b.bytes;
    d[static_cast<std::size_t>(std::min(b.last, steps - 1)) + 1] -= b.bytes;
  }
  std::vector<std::int64_t> live(static_cast<std::size_t>(std::max(steps, 0)), 0);
  std::int64_t run = 0;
  for (int s = 0; s < steps; ++s) live[static_cast<std::size_t>(s)] = run += d[static_cast<std::size_t>(s)];
  return live;
}

LivePeak live_peak(const Graph& g, const std::vector<int>& order) {
  const auto live = live_bytes_per_step(compute_lifetimes(g, order), static_cast<int>(order.size()));
  LivePeak p;
  for (std::size_t s = 0; s < live.size(); ++s)
    if (p.step < 0 || live[s] > p.bytes) {
      p.bytes = live[s];
      p.step = static_cast<int>(s);
      p.op = order[s];
    }
  return p;
}

}  // namespace mcusim::wl
