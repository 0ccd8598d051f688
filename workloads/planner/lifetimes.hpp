#pragma once
// Tensor lifetimes for one execution order, and the live-bytes lower bound.
//
// Rule (the one TFLM's allocator applies): a non-constant tensor occupies the arena
// from the step of the op that produces it to the step of the last op that reads it,
// both inclusive, so an op's inputs and outputs are live together (no in-place ops).
// Graph inputs (and other non-constant tensors no op produces) are live from step 0;
// graph outputs stay live to the last step; variable tensors (SVDF/LSTM state) live
// for the whole run. Constants are excluded: they stay in flash or on the SD card.
#include <cstdint>
#include <vector>

#include "workloads/graph.hpp"

namespace mcusim::wl {

struct Buffer {
  int tensor = -1;
  std::int64_t bytes = 0;
  int first = 0, last = 0;  // steps (positions in the order), inclusive
  bool overlaps_in_time(const Buffer& o) const { return first <= o.last && o.first <= last; }
};

// One buffer per non-constant tensor that an op touches or that is a graph input or
// output, in tensor-index order. `order` must be a topological order of g's ops
// (InputError otherwise). Tensors with a negative byte count throw InputError.
std::vector<Buffer> compute_lifetimes(const Graph& g, const std::vector<int>& order);

// Sum of live buffer bytes at each of `steps` steps.
std::vector<std::int64_t> live_bytes_per_step(const std::vector<Buffer>& buffers, int steps);

struct LivePeak {
  std::int64_t bytes = 0;  // max over steps of the live bytes: no arena can be smaller
  int step = -1;           // first step reaching it
  int op = -1;             // order[step]
};
LivePeak live_peak(const Graph& g, const std::vector<int>& order);

}  // namespace mcusim::wl
