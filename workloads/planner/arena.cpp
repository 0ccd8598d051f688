#include "workloads/planner/arena.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

#include "sim/core/error.hpp"

namespace mcusim::wl {
namespace {

std::int64_t align_up(std::int64_t v, std::int64_t a) { return (v + a - 1) / a * a; }

void check_alignment(std::int64_t a) {
  if (a < 1) throw InputError("arena alignment must be >= 1, got " + std::to_string(a));
}

enum class Fit { First, Best };

// Places buffers in the sequence `seq` (indices into `buffers`).
ArenaPlan place(const std::vector<Buffer>& buffers, const std::vector<std::size_t>& seq,
                std::int64_t alignment, Fit fit) {
  ArenaPlan plan;
  plan.offsets.assign(buffers.size(), -1);
  std::vector<std::size_t> placed;
  struct Span {
    std::int64_t lo, hi;
  };
  std::vector<Span> busy;
  for (std::size_t i : seq) {
    const Buffer& b = buffers[i];
    const std::int64_t size = align_up(b.bytes, alignment);
    busy.clear();
    for (std::size_t j : placed)
      if (b.overlaps_in_time(buffers[j]) && buffers[j].bytes > 0)
        busy.push_back({plan.offsets[j], plan.offsets[j] + align_up(buffers[j].bytes, alignment)});
    std::sort(busy.begin(), busy.end(), [](const Span& a, const Span& c) { return a.lo < c.lo; });
    // Walk the gaps between busy spans in offset order; the space above the last span
    // is an unbounded gap.
    std::int64_t cursor = 0, best = -1, best_slack = std::numeric_limits<std::int64_t>::max();
    for (const Span& s : busy) {
      if (s.lo > cursor && s.lo - cursor >= size) {
        const std::int64_t slack = s.lo - cursor - size;
        if (fit == Fit::First) {
          best = cursor;
          break;
        }
        if (slack < best_slack) best = cursor, best_slack = slack;
      }
      cursor = std::max(cursor, s.hi);
    }
    const std::int64_t off = best >= 0 ? best : cursor;
    plan.offsets[i] = off;
    plan.arena_bytes = std::max(plan.arena_bytes, off + size);
    placed.push_back(i);
  }
  return plan;
}

std::vector<std::size_t> sorted(const std::vector<Buffer>& b,
                                bool (*less)(const Buffer&, const Buffer&)) {
  std::vector<std::size_t> idx(b.size());
  std::iota(idx.begin(), idx.end(), std::size_t{0});
  std::stable_sort(idx.begin(), idx.end(),
                   [&](std::size_t x, std::size_t y) { return less(b[x], b[y]); });
  return idx;
}

std::int64_t len(const Buffer& b) { return b.last - b.first + 1; }

}  // namespace

ArenaPlan plan_greedy_by_size(const std::vector<Buffer>& buffers, std::int64_t alignment) {
  check_alignment(alignment);
  auto seq = sorted(buffers, [](const Buffer& a, const Buffer& b) { return a.bytes > b.bytes; });
  ArenaPlan p = place(buffers, seq, alignment, Fit::First);
  p.method = "greedy_by_size";
  return p;
}

ArenaPlan plan_tight(const std::vector<Buffer>& buffers, std::int64_t alignment) {
  check_alignment(alignment);
  struct Ordering {
    const char* name;
    bool (*less)(const Buffer&, const Buffer&);
  };
  static const Ordering kOrderings[] = {
      {"size", [](const Buffer& a, const Buffer& b) { return a.bytes > b.bytes; }},
      {"size_x_lifetime",
       [](const Buffer& a, const Buffer& b) { return a.bytes * len(a) > b.bytes * len(b); }},
      {"lifetime",
       [](const Buffer& a, const Buffer& b) {
         return len(a) != len(b) ? len(a) > len(b) : a.bytes > b.bytes;
       }},
      {"start",
       [](const Buffer& a, const Buffer& b) {
         return a.first != b.first ? a.first < b.first : a.bytes > b.bytes;
       }},
      {"end",
       [](const Buffer& a, const Buffer& b) {
         return a.last != b.last ? a.last > b.last : a.bytes > b.bytes;
       }},
  };
  const std::int64_t bound = arena_lower_bound(buffers, alignment);
  ArenaPlan best = plan_greedy_by_size(buffers, alignment);
  best.method = "tight:size/first_fit";
  for (const Ordering& o : kOrderings) {
    for (Fit fit : {Fit::First, Fit::Best}) {
      if (best.arena_bytes <= bound) return best;  // provably optimal already
      ArenaPlan p = place(buffers, sorted(buffers, o.less), alignment, fit);
      if (p.arena_bytes < best.arena_bytes) {
        best = std::move(p);
        best.method = std::string("tight:") + o.name + (fit == Fit::First ? "/first_fit" : "/best_fit");
      }
    }
  }
  return best;
}

std::int64_t arena_lower_bound(const std::vector<Buffer>& buffers, std::int64_t alignment) {
  check_alignment(alignment);
  int steps = 0;
  std::vector<Buffer> aligned = buffers;
  for (Buffer& b : aligned) {
    b.bytes = align_up(b.bytes, alignment);
    steps = std::max(steps, b.last + 1);
  }
  const auto live = live_bytes_per_step(aligned, steps);
  return live.empty() ? 0 : *std::max_element(live.begin(), live.end());
}

bool plan_is_valid(const std::vector<Buffer>& buffers, const ArenaPlan& plan,
                   std::int64_t alignment, std::string* why) {
  auto fail = [&](const std::string& s) {
    if (why) *why = s;
    return false;
  };
  if (plan.offsets.size() != buffers.size()) return fail("offset count != buffer count");
  std::int64_t top = 0;
  for (std::size_t i = 0; i < buffers.size(); ++i) {
    if (plan.offsets[i] < 0) return fail("buffer " + std::to_string(i) + " has no offset");
    const std::int64_t hi_i = plan.offsets[i] + align_up(buffers[i].bytes, alignment);
    top = std::max(top, hi_i);
    if (buffers[i].bytes == 0) continue;
    for (std::size_t j = i + 1; j < buffers.size(); ++j) {
      if (buffers[j].bytes == 0 || !buffers[i].overlaps_in_time(buffers[j])) continue;
      const std::int64_t hi_j = plan.offsets[j] + align_up(buffers[j].bytes, alignment);
      if (plan.offsets[i] < hi_j && plan.offsets[j] < hi_i)
        return fail("tensors " + std::to_string(buffers[i].tensor) + " and " +
                    std::to_string(buffers[j].tensor) + " overlap in time and in memory");
    }
  }
  if (top != plan.arena_bytes)
    return fail("arena_bytes " + std::to_string(plan.arena_bytes) + " != max end " +
                std::to_string(top));
  return true;
}

}  // namespace mcusim::wl
