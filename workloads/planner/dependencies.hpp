#pragma once
// Who produces and who consumes each tensor, and which ops must run before which.
// Every planner stage (lifetimes, reordering, placement) derives from these tables so
// they agree on one definition: op B depends on op A iff B consumes a tensor A produces.
#include <string>
#include <vector>

#include "workloads/graph.hpp"

namespace mcusim::wl {

struct TensorUses {
  std::vector<int> producer;                // per tensor: op index, -1 if none
  std::vector<std::vector<int>> consumers;  // per tensor: op indices, ascending, no repeats
  std::vector<bool> is_graph_input, is_graph_output;
};

// Throws InputError if a tensor index is out of range or a tensor has two producers.
TensorUses tensor_uses(const Graph& g);

// Per op: the ops it depends on (ascending, no repeats).
std::vector<std::vector<int>> op_predecessors(const Graph& g, const TensorUses& u);

// 0, 1, ..., ops-1: the order the graph stores (the converter's / builder's order).
std::vector<int> default_order(const Graph& g);

// True iff `order` is a permutation of the op indices in which every op comes after
// the producers of its inputs; otherwise false with the first violation in *why.
bool is_topological(const Graph& g, const std::vector<int>& order, std::string* why = nullptr);

}  // namespace mcusim::wl
