#include "workloads/planner/reorder.hpp"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "sim/core/error.hpp"
#include "workloads/planner/dependencies.hpp"
#include "workloads/planner/lifetimes.hpp"

namespace mcusim::wl {
namespace {

using Key = std::vector<std::uint64_t>;  // bit i set = op i executed
struct KeyHash {
  std::size_t operator()(const Key& k) const {
    std::size_t h = 1469598103934665603ull;
    for (auto w : k) h = (h ^ w) * 1099511628211ull ^ (w >> 29);
    return h;
  }
};

struct TooManyStates {};

// Search state shared by the recursion; counters are updated on the way down and
// restored on the way back so live bytes are incremental rather than recomputed.
class Search {
 public:
  Search(const Graph& g, std::size_t max_states)
      : g_(g), u_(tensor_uses(g)), pred_(op_predecessors(g, u_)), max_states_(max_states) {
    const std::size_t n = g.ops.size();
    done_.assign((n + 63) / 64, 0);
    waiting_.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) waiting_[i] = static_cast<int>(pred_[i].size());
    succ_.assign(n, {});
    for (std::size_t i = 0; i < n; ++i)
      for (int p : pred_[i]) succ_[static_cast<std::size_t>(p)].push_back(static_cast<int>(i));
    readers_left_.assign(g.tensors.size(), 0);
    for (std::size_t t = 0; t < g.tensors.size(); ++t) {
      const Tensor& ten = g.tensors[t];
      readers_left_[t] = static_cast<int>(u_.consumers[t].size());
      if (ten.is_const) continue;
      if (ten.is_variable) base_ += ten.bytes();
      else if (u_.producer[t] < 0 && stays(t)) resident_ += ten.bytes();  // graph inputs
    }
  }

  // Min over completions of the peak; fills best_next_ for order reconstruction.
  std::int64_t solve(std::size_t executed) {
    if (executed == g_.ops.size()) return 0;
    auto it = memo_.find(done_);
    if (it != memo_.end()) return it->second.peak;
    // Count states on entry: the memo only fills on the way back up.
    if (++visited_ > max_states_) throw TooManyStates{};
    Entry e{std::numeric_limits<std::int64_t>::max(), -1};
    for (std::size_t v = 0; v < g_.ops.size(); ++v) {
      if (is_done(v) || waiting_[v] != 0) continue;
      const std::int64_t during = base_ + resident_ + out_bytes(v);
      if (during >= e.peak) continue;  // cannot beat the best so far
      run(v, +1);
      std::int64_t rest = 0;
      try {
        rest = solve(executed + 1);
      } catch (const TooManyStates&) {
        run(v, -1);  // unwind to the empty set so greedy() starts clean
        throw;
      }
      run(v, -1);
      const std::int64_t peak = std::max(during, rest);
      if (peak < e.peak) e = {peak, static_cast<int>(v)};
    }
    memo_[done_] = e;
    return e.peak;
  }

  std::vector<int> order() {
    std::vector<int> o;
    while (o.size() < g_.ops.size()) {
      const int v = memo_.at(done_).next;
      o.push_back(v);
      run(static_cast<std::size_t>(v), +1);
    }
    for (auto it = o.rbegin(); it != o.rend(); ++it) run(static_cast<std::size_t>(*it), -1);
    return o;
  }

  // Greedy fallback: run the ready op with the smallest live set while it runs, then
  // the smallest resident bytes after it, then the lowest index.
  std::vector<int> greedy() {
    std::vector<int> o;
    while (o.size() < g_.ops.size()) {
      int pick = -1;
      std::int64_t key1 = 0, key2 = 0;
      for (std::size_t v = 0; v < g_.ops.size(); ++v) {
        if (is_done(v) || waiting_[v] != 0) continue;
        const std::int64_t during = resident_ + out_bytes(v);
        run(v, +1);
        const std::int64_t after = resident_;
        run(v, -1);
        if (pick < 0 || during < key1 || (during == key1 && after < key2))
          pick = static_cast<int>(v), key1 = during, key2 = after;
      }
      o.push_back(pick);
      run(static_cast<std::size_t>(pick), +1);
    }
    for (auto it = o.rbegin(); it != o.rend(); ++it) run(static_cast<std::size_t>(*it), -1);
    return o;
  }

  std::size_t states() const { return visited_; }

 private:
  struct Entry {
    std::int64_t peak;
    int next;
  };
  bool is_done(std::size_t v) const { return (done_[v / 64] >> (v % 64)) & 1u; }
  // A produced tensor stays resident while a reader is pending or it is a graph output.
  bool stays(std::size_t t) const { return readers_left_[t] > 0 || u_.is_graph_output[t]; }
  std::int64_t out_bytes(std::size_t v) const {
    std::int64_t b = 0;
    for (int t : g_.ops[v].outputs)
      if (t >= 0 && !g_.tensor(t).is_const && !g_.tensor(t).is_variable) b += g_.tensor(t).bytes();
    return b;
  }
  // dir = +1 executes v, -1 undoes it (exact inverse).
  void run(std::size_t v, int dir) {
    const Operator& op = g_.ops[v];
    done_[v / 64] ^= (std::uint64_t{1} << (v % 64));
    for (int s : succ_[v]) waiting_[static_cast<std::size_t>(s)] -= dir;
    std::vector<int> seen;  // an op may read one tensor twice; count it once
    for (int t : op.inputs) {
      if (t < 0 || std::find(seen.begin(), seen.end(), t) != seen.end()) continue;
      seen.push_back(t);
      const auto ts = static_cast<std::size_t>(t);
      const Tensor& ten = g_.tensors[ts];
      if (ten.is_const || ten.is_variable) continue;
      const bool before = stays(ts);
      readers_left_[ts] -= dir;
      const bool after = stays(ts);
      if (before != after) resident_ += (after ? 1 : -1) * ten.bytes();
    }
    for (int t : op.outputs) {
      if (t < 0) continue;
      const auto ts = static_cast<std::size_t>(t);
      const Tensor& ten = g_.tensors[ts];
      if (!ten.is_const && !ten.is_variable && stays(ts)) resident_ += dir * ten.bytes();
    }
  }

  const Graph& g_;
  TensorUses u_;
  std::vector<std::vector<int>> pred_, succ_;
  std::size_t max_states_;
  Key done_;
  std::vector<int> waiting_, readers_left_;
  std::int64_t base_ = 0, resident_ = 0;
  std::size_t visited_ = 0;
  std::unordered_map<Key, Entry, KeyHash> memo_;
};

}  // namespace

ReorderResult reorder_for_min_peak(const Graph& g, const ReorderOptions& opt) {
  ReorderResult r;
  const std::vector<int> def = default_order(g);
  // The stored order must already be topological: that also proves the graph acyclic,
  // which the search and the greedy fallback rely on to always find a ready op.
  std::string why;
  if (!is_topological(g, def, &why)) throw InputError(g.name + ": stored op order: " + why);
  r.default_peak_bytes = live_peak(g, def).bytes;
  Search s(g, opt.max_states);
  std::vector<int> cand;
  try {
    s.solve(0);
    cand = s.order();
    r.exhaustive = true;
    r.note = "exhaustive search over " + std::to_string(s.states()) + " sets of executed ops";
  } catch (const TooManyStates&) {
    cand = s.greedy();
    r.note = "search stopped at " + std::to_string(opt.max_states) +
             " states; greedy heuristic order, not proven optimal";
  }
  r.states = s.states();
  r.order = def;
  r.peak_bytes = r.default_peak_bytes;
  // The search's objective equals live_peak's except for edge cases (an unread graph
  // input counts at step 0 only there), so the candidate is re-scored by live_peak.
  const std::int64_t cand_peak = live_peak(g, cand).bytes;
  if (cand_peak < r.peak_bytes) {
    r.order = cand;
    r.peak_bytes = cand_peak;
  } else {
    r.note += "; default order kept (no strictly lower peak)";
  }
  return r;
}

}  // namespace mcusim::wl
