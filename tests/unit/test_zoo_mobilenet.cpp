#include <gtest/gtest.h>

#include "sim/core/error.hpp"
#include "workloads/metrics.hpp"
#include "workloads/zoo/zoo.hpp"

using namespace mcusim::wl;

// Published figures for MobileNet_V2_0.35_128 (hardware.md §7, TF-slim README).
TEST(ZooMobileNetV2, Alpha035Res128MatchesPublishedCounts) {
  Graph g = build_zoo("mobilenet_v2_0.35_128");
  auto layers = analyze_graph(g);
  EXPECT_EQ(layers.size(), 64u);
  auto t = totals(layers);
  EXPECT_EQ(t.macs, 20221952u);
  EXPECT_EQ(t.params, 1663328);
  EXPECT_EQ(t.bias_bytes, 8041 * 4);
}

TEST(ZooMobileNetV2, PeakInputPlusOutputAtBlock1Depthwise) {
  auto layers = analyze_graph(build_zoo("mobilenet_v2_0.35_128"));
  std::int64_t best = 0;
  std::string where;
  for (const auto& l : layers)
    if (l.input_bytes + l.output_bytes > best) {
      best = l.input_bytes + l.output_bytes;
      where = l.name;
    }
  EXPECT_EQ(best, 245760);
  EXPECT_EQ(where, "b1_dw");
}

TEST(ZooMobileNetV2, LastConvLayerShapeMatchesPaperSection51) {
  Graph g = build_zoo("mobilenet_v2_0.35_128");
  for (const auto& op : g.ops) {
    if (op.name != "conv_last") continue;
    EXPECT_EQ(g.tensor(op.inputs[0]).shape, (std::vector<std::int64_t>{1, 4, 4, 112}));
    EXPECT_EQ(g.tensor(op.inputs[1]).shape, (std::vector<std::int64_t>{1280, 1, 1, 112}));
    return;
  }
  FAIL() << "conv_last not found";
}

TEST(ZooMobileNetV2, Alpha10Res224IsAbout300MMacs) {
  // TF-slim README: 300 M MACs for 1.0_224; the xtensa TFLite export (1000 classes)
  // has 300.8 M, and the 1001-class slim head adds one row of 1280 MACs.
  EXPECT_EQ(totals(analyze_graph(build_zoo("mobilenet_v2_1.0_224_c1000"))).macs, 300774272u);
  EXPECT_EQ(totals(analyze_graph(build_zoo("mobilenet_v2_1.0_224"))).macs, 300775552u);
}

TEST(ZooMobileNetV2, RejectsBadSpecs) {
  EXPECT_THROW(build_zoo("mobilenet_v2_abc_128"), mcusim::InputError);
  EXPECT_THROW(build_zoo("mobilenet_v2_0.35"), mcusim::InputError);
  EXPECT_THROW(build_zoo("resnet_50"), mcusim::InputError);
}

TEST(ZooMobileNetV2, ExtraFiltersGrowFirstLayers) {
  auto base = analyze_graph(build_zoo("mobilenet_v2_0.35_128"));
  auto wide = analyze_graph(build_zoo("mobilenet_v2_0.35_128_x32x10"));
  EXPECT_EQ(wide[0].output_bytes, base[0].output_bytes * 48 / 16);  // 16 -> 48 channels
  EXPECT_GT(totals(wide).macs, totals(base).macs);
}
