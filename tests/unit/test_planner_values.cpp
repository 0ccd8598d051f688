// Exact planner numbers. Lifetime rule: a tensor is live from its producer's step to
// its last reader's step inclusive (graph input from step 0, graph output to the end),
// no in-place ops, no scratch buffers, int8 activations.
#include <gtest/gtest.h>

#include "workloads/planner/arena.hpp"
#include "workloads/planner/dependencies.hpp"
#include "workloads/planner/lifetimes.hpp"
#include "workloads/planner/reorder.hpp"
#include "workloads/tflite/import.hpp"
#include "workloads/zoo/zoo.hpp"

using namespace mcusim::wl;

namespace {

Graph model(const std::string& name) { return load_tflite("../shared/models/" + name + ".tflite"); }

std::int64_t live_at(const Graph& g, const std::string& op_name) {
  const auto order = default_order(g);
  const auto live = live_bytes_per_step(compute_lifetimes(g, order), static_cast<int>(order.size()));
  for (std::size_t s = 0; s < order.size(); ++s)
    if (g.ops[static_cast<std::size_t>(order[s])].name == op_name) return live[s];
  return -1;
}

// x -> a1 (1000 B) -> a2 (10 B); x -> b1 (1000 B) -> b2 (10 B); c = f(a2, b2).
// Stored order a1, b1, a2, b2, c keeps both 1000 B tensors live at b1.
Graph two_branches() {
  Graph g;
  g.name = "two_branches";
  auto t = [&](const char* n, std::int64_t bytes) {
    Tensor x;
    x.name = n;
    x.shape = {bytes};
    return g.add_tensor(x);
  };
  const int x = t("x", 100), a1 = t("a1", 1000), a2 = t("a2", 10), b1 = t("b1", 1000),
            b2 = t("b2", 10), c = t("c", 10);
  auto op = [&](const char* n, std::vector<int> in, int out) {
    Operator o;
    o.type = "CONV_2D";
    o.name = n;
    o.inputs = std::move(in);
    o.outputs = {out};
    g.ops.push_back(o);
  };
  op("a1", {x}, a1);
  op("b1", {x}, b1);
  op("a2", {a1}, a2);
  op("b2", {b1}, b2);
  op("c", {a2, b2}, c);
  g.inputs = {x};
  g.outputs = {c};
  return g;
}

}  // namespace

// hardware.md §7: 245,760 B at block 1's depthwise = 64x64x48 in + 32x32x48 out. Block 1
// is a stride-2 block without a residual, so nothing else is live there: b0's output
// died at b1_expand, b1_expand's input. Residual blocks keep their skip tensor live
// across expand/dw/project: at b2_dw that is 49,152 in + 49,152 out + 8,192 (b1's
// 32x32x8 output, read again by b2_add) = 106,496 B.
TEST(PlannerValues, MobileNetV2_035_128) {
  const Graph g = build_zoo("mobilenet_v2_0.35_128");
  const auto order = default_order(g);
  const LivePeak p = live_peak(g, order);
  EXPECT_EQ(p.bytes, 245760);
  EXPECT_EQ(g.ops[static_cast<std::size_t>(p.op)].name, "b1_dw");
  EXPECT_EQ(p.step, 4);
  EXPECT_EQ(live_at(g, "b2_dw"), 49152 + 49152 + 8192);
  EXPECT_EQ(live_at(g, "b2_add"), 3 * 8192);
  const auto buffers = compute_lifetimes(g, order);
  EXPECT_EQ(plan_greedy_by_size(buffers).arena_bytes, 245760);  // meets the bound
  EXPECT_EQ(plan_tight(buffers).arena_bytes, 245760);
  // A chain with skip tensors but no parallel ops: one state per op, nothing to gain.
  const ReorderResult r = reorder_for_min_peak(g);
  EXPECT_TRUE(r.exhaustive);
  EXPECT_EQ(r.states, 64u);
  EXPECT_EQ(r.peak_bytes, 245760);
  EXPECT_EQ(r.order, order);
}

// Greedy-by-size is not optimal: the tighter planner reaches the live bound here.
TEST(PlannerValues, TightBeatsGreedyBySize) {
  const Graph m = build_zoo("mobilenet_v2_0.5_96");
  const auto mb = compute_lifetimes(m, default_order(m));
  EXPECT_EQ(arena_lower_bound(mb), 138240);
  EXPECT_EQ(plan_greedy_by_size(mb).arena_bytes, 147456);
  EXPECT_EQ(plan_tight(mb).arena_bytes, 138240);

  const Graph v = model("mlperftiny_vww_96_int8");
  const auto vb = compute_lifetimes(v, default_order(v));
  EXPECT_EQ(arena_lower_bound(vb), 55296);
  EXPECT_EQ(plan_greedy_by_size(vb).arena_bytes, 64512);
  EXPECT_EQ(plan_tight(vb).arena_bytes, 55296);
}

// ResNet-8: op 2 (the second 3x3 conv of the first stack) holds its 32x32x16 input and
// output plus op 0's output, which ADD op 3 reads again: 3 x 16,384 = 49,152 B. The only
// freedom is where the 1x1 shortcut convs (ops 6, 10) run, and every placement of them
// peaks at 32,768 B or less, so reordering cannot go below the 49,152 B of op 2.
TEST(PlannerValues, ResNet8DefaultAndReordered) {
  const Graph g = model("mlperftiny_ic_resnet8_int8");
  const LivePeak p = live_peak(g, default_order(g));
  EXPECT_EQ(p.bytes, 49152);
  EXPECT_EQ(p.op, 2);
  const ReorderResult r = reorder_for_min_peak(g);
  EXPECT_TRUE(r.exhaustive);
  EXPECT_EQ(r.states, 20u);
  EXPECT_EQ(r.default_peak_bytes, 49152);
  EXPECT_EQ(r.peak_bytes, 49152);
  // Running the shortcut conv 6 before conv 5 gives the same 32,768 B at both.
  std::vector<int> alt = default_order(g);
  std::swap(alt[5], alt[6]);
  ASSERT_TRUE(is_topological(g, alt));
  EXPECT_EQ(live_peak(g, alt).bytes, 49152);
}

TEST(PlannerValues, DetectionModelHasBranchesButNoGain) {
  const ReorderResult r = reorder_for_min_peak(model("mcunet_tinyengine_detection"));
  EXPECT_TRUE(r.exhaustive);
  EXPECT_EQ(r.states, 546u);
  EXPECT_EQ(r.peak_bytes, 337024);
  EXPECT_EQ(r.default_peak_bytes, 337024);
}

TEST(PlannerValues, ReorderingFinishesABranchFirst) {
  const Graph g = two_branches();
  EXPECT_EQ(live_peak(g, default_order(g)).bytes, 2100);  // x + a1 + b1 at b1
  const ReorderResult r = reorder_for_min_peak(g);
  EXPECT_TRUE(r.exhaustive);
  EXPECT_EQ(r.default_peak_bytes, 2100);
  EXPECT_EQ(r.peak_bytes, 1110);  // x + a1 + a2, then x + a2 + b1
  EXPECT_EQ(r.order, (std::vector<int>{0, 2, 1, 3, 4}));
  // The fallback heuristic makes the same choice here.
  const ReorderResult h = reorder_for_min_peak(g, ReorderOptions{1});
  EXPECT_FALSE(h.exhaustive);
  EXPECT_EQ(h.peak_bytes, 1110);
  EXPECT_NE(h.note.find("not proven optimal"), std::string::npos);
}
