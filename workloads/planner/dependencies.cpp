#include "workloads/planner/dependencies.hpp"

#include <algorithm>

#include "sim/core/error.hpp"

namespace mcusim::wl {
namespace {

void check_index(const Graph& g, int t, std::size_t op) {
  if (t < -1 || t >= static_cast<int>(g.tensors.size()))
    throw InputError(g.name + ": op " + std::to_string(op) + " references tensor " +
                     std::to_string(t) + " (graph has " + std::to_string(g.tensors.size()) +
                     ")");
}

}  // namespace

TensorUses tensor_uses(const Graph& g) {
  const std::size_t nt = g.tensors.size();
  TensorUses u;
  u.producer.assign(nt, -1);
  u.consumers.assign(nt, {});
  u.is_graph_input.assign(nt, false);
  u.is_graph_output.assign(nt, false);
  for (std::size_t i = 0; i < g.ops.size(); ++i) {
    for (int t : g.ops[i].inputs) {
      check_index(g, t, i);
      if (t < 0) continue;  // optional input absent
      auto& c = u.consumers[static_cast<std::size_t>(t)];
      if (c.empty() || c.back() != static_cast<int>(i)) c.push_back(static_cast<int>(i));
    }
    for (int t : g.ops[i].outputs) {
      check_index(g, t, i);
      if (t < 0) continue;
      int& p = u.producer[static_cast<std::size_t>(t)];
      if (p >= 0)
        throw InputError(g.name + ": tensor " + std::to_string(t) + " '" + g.tensor(t).name +
                         "' is produced by op " + std::to_string(p) + " and op " +
                         std::to_string(i));
      p = static_cast<int>(i);
    }
  }
  for (int t : g.inputs) {
    check_index(g, t, 0);
    if (t >= 0) u.is_graph_input[static_cast<std::size_t>(t)] = true;
  }
  for (int t : g.outputs) {
    check_index(g, t, 0);
    if (t >= 0) u.is_graph_output[static_cast<std::size_t>(t)] = true;
  }
  return u;
}

std::vector<std::vector<int>> op_predecessors(const Graph& g, const TensorUses& u) {
  std::vector<std::vector<int>> pred(g.ops.size());
  for (std::size_t i = 0; i < g.ops.size(); ++i) {
    for (int t : g.ops[i].inputs) {
      if (t < 0) continue;
      const int p = u.producer[static_cast<std::size_t>(t)];
      if (p >= 0 && p != static_cast<int>(i)) pred[i].push_back(p);
    }
    std::sort(pred[i].begin(), pred[i].end());
    pred[i].erase(std::unique(pred[i].begin(), pred[i].end()), pred[i].end());
  }
  return pred;
}

std::vector<int> default_order(const Graph& g) {
  std::vector<int> o(g.ops.size());
  for (std::size_t i = 0; i < o.size(); ++i) o[i] = static_cast<int>(i);
  return o;
}

bool is_topological(const Graph& g, const std::vector<int>& order, std::string* why) {
  auto fail = [&](const std::string& s) {
    if (why) *why = s;
    return false;
  };
  if (order.size() != g.ops.size())
    return fail("order has " + std::to_string(order.size()) + " ops, graph has " +
                std::to_string(g.ops.size()));
  const TensorUses u = tensor_uses(g);
  const auto pred = op_predecessors(g, u);
  std::vector<int> pos(g.ops.size(), -1);
  for (std::size_t p = 0; p < order.size(); ++p) {
    const int op = order[p];
    if (op < 0 || op >= static_cast<int>(g.ops.size()))
      return fail("order[" + std::to_string(p) + "] = " + std::to_string(op) + " is not an op");
    if (pos[static_cast<std::size_t>(op)] >= 0)
      return fail("op " + std::to_string(op) + " appears twice");
    pos[static_cast<std::size_t>(op)] = static_cast<int>(p);
  }
  for (std::size_t op = 0; op < g.ops.size(); ++op)
    for (int q : pred[op])
      if (pos[static_cast<std::size_t>(q)] > pos[op])
        return fail("op " + std::to_string(op) + " runs before its producer op " +
                    std::to_string(q));
  return true;
}

}  // namespace mcusim::wl
