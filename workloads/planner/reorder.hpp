#pragma once
// Operator reordering to minimise peak live bytes (Liberis & Lane, "Neural networks
// on microcontrollers: saving memory at inference via operator reordering",
// arXiv:1910.05110): a memoised search over the sets of already-executed ops.
// For a set S, the bytes live while op v runs are the tensors produced so far (or
// graph inputs) that are graph outputs or still have a reader outside S, plus v's
// outputs, plus variable tensors. best(S) = min over ready v of
// max(live(S, v), best(S + v)). Chains have one state per op; only branches
// (residual shortcuts, parallel convolutions) multiply the states.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "workloads/graph.hpp"

namespace mcusim::wl {

struct ReorderOptions {
  // The search gives up (and falls back to a greedy heuristic) after memoising this
  // many sets of executed ops; it then reports exhaustive = false.
  std::size_t max_states = 200000;
};

struct ReorderResult {
  std::vector<int> order;            // a topological order of the ops
  std::int64_t peak_bytes = 0;       // live_peak(g, order).bytes
  std::int64_t default_peak_bytes = 0;  // live_peak(g, default_order(g)).bytes
  bool exhaustive = false;           // true: order is optimal under the lifetime rule
  std::size_t states = 0;            // distinct sets of executed ops the search visited
  std::string note;                  // how the order was obtained, one line
};

// Throws InputError if the stored order is not topological (e.g. a cycle).
// Never returns a peak above the default order's: when the search (or the fallback)
// finds nothing strictly better, the default order is returned unchanged.
ReorderResult reorder_for_min_peak(const Graph& g, const ReorderOptions& opt = {});

}  // namespace mcusim::wl
