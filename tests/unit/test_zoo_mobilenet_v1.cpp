#include <gtest/gtest.h>

#include "sim/core/error.hpp"
#include "workloads/metrics.hpp"
#include "workloads/tflite/import.hpp"
#include "workloads/zoo/zoo.hpp"

using namespace mcusim::wl;

namespace {

bool is_mac_op(const Operator& op) {
  return op.type == "CONV_2D" || op.type == "DEPTHWISE_CONV_2D" || op.type == "FULLY_CONNECTED";
}

std::vector<const Operator*> mac_ops(const Graph& g) {
  std::vector<const Operator*> out;
  for (const auto& op : g.ops)
    if (is_mac_op(op)) out.push_back(&op);
  return out;
}

TEST(ZooMobileNetV1, Alpha025Res96MatchesMlperfTinyVww) {
  const Graph zoo = build_zoo("mobilenet_v1_0.25_96_c2");
  const Graph ref = load_tflite("../shared/models/mlperftiny_vww_96_int8.tflite");
  const auto a = mac_ops(zoo), b = mac_ops(ref);
  ASSERT_EQ(a.size(), b.size());
  ASSERT_EQ(a.size(), 28u);  // 14 conv, 13 depthwise, 1 FC
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i]->type, b[i]->type) << i;
    // The tflite reshapes [1,1,1,C] to [1,C] before its FC; compare the FC's input by size.
    if (a[i]->type == "FULLY_CONNECTED")
      EXPECT_EQ(zoo.tensor(a[i]->inputs[0]).elements(), ref.tensor(b[i]->inputs[0]).elements());
    else
      EXPECT_EQ(zoo.tensor(a[i]->inputs[0]).shape, ref.tensor(b[i]->inputs[0]).shape) << i;
    EXPECT_EQ(zoo.tensor(a[i]->inputs[1]).shape, ref.tensor(b[i]->inputs[1]).shape)
        << "layer " << i << " weights";
    EXPECT_EQ(zoo.tensor(a[i]->outputs[0]).shape, ref.tensor(b[i]->outputs[0]).shape) << i;
    EXPECT_EQ(a[i]->options.stride_w, b[i]->options.stride_w) << i;
  }
  EXPECT_EQ(totals(analyze_graph(zoo)).macs, totals(analyze_graph(ref)).macs);
  EXPECT_EQ(totals(analyze_graph(zoo)).macs, 7489664u);
}

// TF-slim README: MobileNet_v1_1.0_224 has 569 M MACs and 4.24 M parameters (the
// latter includes biases/batch-norm terms, which `params` (weight elements) does not).
TEST(ZooMobileNetV1, Alpha10Res224MatchesPublishedCounts) {
  const auto t = totals(analyze_graph(build_zoo("mobilenet_v1_1.0_224")));
  EXPECT_NEAR(static_cast<double>(t.macs), 569e6, 1e6);
  EXPECT_NEAR(static_cast<double>(t.params), 4.24e6, 0.05e6);
  EXPECT_EQ(t.macs, 568741376u);
}

TEST(ZooMobileNetV1, RejectsBadSpecs) {
  EXPECT_THROW(build_zoo("mobilenet_v1_abc_96"), mcusim::InputError);
  EXPECT_THROW(build_zoo("mobilenet_v1_0.25"), mcusim::InputError);
  EXPECT_THROW(build_zoo("mobilenet_v1_0.25_96_x2"), mcusim::InputError);
  EXPECT_THROW(build_zoo("mobilenet_v1_0.25_96_c0"), mcusim::InputError);
  EXPECT_THROW(build_zoo("mobilenet_v1_0.25_96_c2_c3"), mcusim::InputError);
}

// The xtensa export (PyTorch origin) adds TRANSPOSE and explicit PAD ops, which have
// no MACs; every weighted layer must still match the zoo's MobileNetV2 in order.
TEST(ZooMobileNetV2, Alpha10Res224MatchesXtensaTflite) {
  const Graph zoo = build_zoo("mobilenet_v2_1.0_224_c1000");
  const Graph ref =
      load_tflite("../shared/models/tflm_xtensa_mobilenet_v2_quantized_1x3x224x224.tflite");
  const auto a = mac_ops(zoo), b = mac_ops(ref);
  ASSERT_EQ(a.size(), b.size());
  ASSERT_EQ(a.size(), 53u);  // 35 conv, 17 depthwise, 1 FC
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i]->type, b[i]->type) << i;
    EXPECT_EQ(zoo.tensor(a[i]->inputs[1]).shape, ref.tensor(b[i]->inputs[1]).shape)
        << "layer " << i << " weights";
    EXPECT_EQ(zoo.tensor(a[i]->outputs[0]).shape, ref.tensor(b[i]->outputs[0]).shape) << i;
  }
  EXPECT_EQ(totals(analyze_graph(zoo)).macs, totals(analyze_graph(ref)).macs);
  EXPECT_EQ(totals(analyze_graph(ref)).macs, 300774272u);
}

}  // namespace
