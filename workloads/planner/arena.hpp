#pragma once
// Arena packing: give every buffer an offset so that two buffers whose lifetimes
// overlap never overlap in memory. The arena size is max(offset + size).
#include <cstdint>
#include <string>
#include <vector>

#include "workloads/planner/lifetimes.hpp"

namespace mcusim::wl {

struct ArenaPlan {
  std::string method;                 // "greedy_by_size", "tight:<ordering>/<fit>"
  std::vector<std::int64_t> offsets;  // one per buffer, same index as the input vector
  std::int64_t arena_bytes = 0;
};

// TFLM's GreedyMemoryPlanner (the default of MicroAllocator): buffers sorted by size,
// largest first (stable, so ties keep tensor order), each placed at the lowest offset
// where it overlaps no already-placed buffer that is live at the same time.
// Sizes are rounded up to `alignment` first (TFLM rounds to 16 before planning).
ArenaPlan plan_greedy_by_size(const std::vector<Buffer>& buffers, std::int64_t alignment = 1);

// Tries several placement orders (size, size x lifetime, lifetime length, start, end)
// with first-fit and best-fit gap choice, and keeps the smallest arena; ties keep the
// earlier candidate, and greedy_by_size is the first candidate, so the result is never
// larger than plan_greedy_by_size. Stops early once it reaches the live-bytes bound.
ArenaPlan plan_tight(const std::vector<Buffer>& buffers, std::int64_t alignment = 1);

// Max over steps of the live bytes (sizes rounded up to `alignment`): no packing
// can be smaller.
std::int64_t arena_lower_bound(const std::vector<Buffer>& buffers, std::int64_t alignment = 1);

// True iff no two time-overlapping buffers overlap in memory, offsets are >= 0 and
// arena_bytes == max(offset + size); otherwise false and the first violation in *why.
bool plan_is_valid(const std::vector<Buffer>& buffers, const ArenaPlan& plan,
                   std::int64_t alignment = 1, std::string* why = nullptr);

}  // namespace mcusim::wl
