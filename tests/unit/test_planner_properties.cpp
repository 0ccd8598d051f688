// Planner properties over every zoo network and every model in ../shared/models:
// valid packings, peaks bounded below by every op's live set, reordering never worse.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/core/error.hpp"
#include "workloads/planner/arena.hpp"
#include "workloads/planner/dependencies.hpp"
#include "workloads/planner/lifetimes.hpp"
#include "workloads/planner/reorder.hpp"
#include "workloads/tflite/import.hpp"
#include "workloads/zoo/zoo.hpp"
#include "tests/unit/shared_models.hpp"

using namespace mcusim::wl;

namespace {

// The planner must work on all of them, the SVDF model included (only metrics skip it).
constexpr auto& kModels = mcusim::test::kSharedModels;

const char* kZoo[] = {"mobilenet_v2_0.35_128", "mobilenet_v2_1.0_224", "mobilenet_v2_0.5_96",
                      "mobilenet_v2_0.75_160_c10", "mobilenet_v2_0.35_128_x32x10"};

// The largest set of tensors one op needs at once: its non-constant inputs and outputs.
std::int64_t largest_op_live_set(const Graph& g) {
  std::int64_t best = 0;
  for (const auto& op : g.ops) {
    std::int64_t s = 0;
    std::vector<int> seen;
    for (const auto* list : {&op.inputs, &op.outputs}) {
      for (int t : *list) {
        if (t < 0 || g.tensor(t).is_const) continue;
        bool dup = false;
        for (int q : seen) dup = dup || q == t;
        if (!dup) s += g.tensor(t).bytes(), seen.push_back(t);
      }
    }
    best = std::max(best, s);
  }
  return best;
}

void check_graph(const Graph& g) {
  SCOPED_TRACE(g.name);
  const auto order = default_order(g);
  ASSERT_TRUE(is_topological(g, order));
  const auto buffers = compute_lifetimes(g, order);
  const LivePeak peak = live_peak(g, order);
  EXPECT_GE(peak.bytes, largest_op_live_set(g));
  EXPECT_EQ(arena_lower_bound(buffers), peak.bytes);
  for (std::int64_t align : {1, 16}) {
    for (const ArenaPlan& p : {plan_greedy_by_size(buffers, align), plan_tight(buffers, align)}) {
      std::string why;
      EXPECT_TRUE(plan_is_valid(buffers, p, align, &why)) << p.method << ": " << why;
      EXPECT_GE(p.arena_bytes, arena_lower_bound(buffers, align)) << p.method;
    }
    EXPECT_LE(plan_tight(buffers, align).arena_bytes,
              plan_greedy_by_size(buffers, align).arena_bytes);
  }
  const ReorderResult r = reorder_for_min_peak(g);
  std::string why;
  EXPECT_TRUE(is_topological(g, r.order, &why)) << why;
  EXPECT_EQ(r.default_peak_bytes, peak.bytes);
  EXPECT_LE(r.peak_bytes, r.default_peak_bytes);
  EXPECT_EQ(live_peak(g, r.order).bytes, r.peak_bytes);
  EXPECT_GE(r.peak_bytes, largest_op_live_set(g));
  const auto rb = compute_lifetimes(g, r.order);
  EXPECT_TRUE(plan_is_valid(rb, plan_tight(rb), 1, &why)) << why;
  // A search cut short must still return a valid order no worse than the default.
  const ReorderResult cut = reorder_for_min_peak(g, ReorderOptions{2});
  EXPECT_TRUE(is_topological(g, cut.order));
  EXPECT_LE(cut.peak_bytes, cut.default_peak_bytes);
  if (g.ops.size() > 2) {
    EXPECT_FALSE(cut.exhaustive);
  }
}

}  // namespace

TEST(PlannerProperties, EveryZooNetwork) {
  for (const char* s : kZoo) check_graph(build_zoo(s));
}

TEST(PlannerProperties, EverySharedModel) {
  for (const char* m : kModels) check_graph(load_tflite(std::string("../shared/models/") + m + ".tflite"));
}

TEST(PlannerProperties, LifetimeRule) {
  const Graph g = build_zoo("mobilenet_v2_0.35_128");
  const auto buffers = compute_lifetimes(g, default_order(g));
  // 64 op outputs + the graph input; constants excluded.
  ASSERT_EQ(buffers.size(), 65u);
  for (const Buffer& b : buffers) {
    EXPECT_FALSE(g.tensor(b.tensor).is_const);
    if (b.tensor == g.inputs[0]) { EXPECT_EQ(b.first, 0); }
    if (b.tensor == g.outputs[0]) { EXPECT_EQ(b.last, 63); }
  }
}

TEST(PlannerProperties, RejectsNonTopologicalOrder) {
  const Graph g = build_zoo("mobilenet_v2_0.35_128");
  auto order = default_order(g);
  std::swap(order[0], order[1]);
  std::string why;
  EXPECT_FALSE(is_topological(g, order, &why));
  EXPECT_NE(why.find("before its producer"), std::string::npos) << why;
  EXPECT_THROW(compute_lifetimes(g, order), mcusim::InputError);
  order.pop_back();
  EXPECT_FALSE(is_topological(g, order));
}
