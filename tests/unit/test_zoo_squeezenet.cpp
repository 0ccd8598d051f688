// SqueezeNet (Iandola et al. 2016) shapes, parameters and MACs, and the paper's §7
// claim: with Deep Compression it is 0.47 MB stored but 4.8 MB unpacked (float32).
#include <gtest/gtest.h>

#include "sim/core/error.hpp"
#include "workloads/metrics.hpp"
#include "workloads/quant/summary.hpp"
#include "workloads/zoo/zoo.hpp"

using namespace mcusim::wl;

namespace {
const Tensor& output_of(const Graph& g, const std::string& op_name) {
  for (const auto& op : g.ops)
    if (op.name == op_name) return g.tensor(op.outputs[0]);
  throw std::runtime_error("no op " + op_name);
}
}  // namespace

TEST(ZooSqueezeNet, V10ShapesMatchTable1) {
  const Graph g = build_zoo("squeezenet_1.0");
  using S = std::vector<std::int64_t>;
  EXPECT_EQ(g.tensor(g.inputs[0]).shape, (S{1, 227, 227, 3}));
  EXPECT_EQ(output_of(g, "conv1").shape, (S{1, 111, 111, 96}));
  EXPECT_EQ(output_of(g, "maxpool1").shape, (S{1, 55, 55, 96}));
  EXPECT_EQ(output_of(g, "fire2/concat").shape, (S{1, 55, 55, 128}));
  EXPECT_EQ(output_of(g, "fire4/concat").shape, (S{1, 55, 55, 256}));
  EXPECT_EQ(output_of(g, "maxpool4").shape, (S{1, 27, 27, 256}));
  EXPECT_EQ(output_of(g, "fire8/concat").shape, (S{1, 27, 27, 512}));
  EXPECT_EQ(output_of(g, "maxpool8").shape, (S{1, 13, 13, 512}));
  EXPECT_EQ(output_of(g, "conv10").shape, (S{1, 13, 13, 1000}));
  EXPECT_EQ(output_of(g, "avgpool10").shape, (S{1, 1, 1, 1000}));
  // 1 conv + 8 fires x (3 convs + concat) + 3 pools + conv10 + avgpool + softmax.
  EXPECT_EQ(g.ops.size(), 39u);
  for (const auto& op : g.ops) {
    if (op.type == "CONCATENATION") {
      EXPECT_EQ(op.options.axis, 3);
    }
  }
}

TEST(ZooSqueezeNet, V10ParamsAndMacs) {
  const Graph g = build_zoo("squeezenet_1.0");
  const auto t = totals(analyze_graph(g));
  // Table 1's per-layer counts sum to 1,248,424 = 1,244,448 weights + 3,976 biases.
  EXPECT_EQ(t.params, 1244448);
  EXPECT_EQ(t.bias_bytes / 4, 3976);
  EXPECT_EQ(t.macs, 832667936u);  // at 227x227
  // At 224 (Caffe ceil-mode pools: 109, 54, 27, 13) the MACs drop to 818.9 M.
  EXPECT_EQ(totals(analyze_graph(build_zoo("squeezenet_1.0_224"))).macs, 818924576u);
  EXPECT_EQ(output_of(build_zoo("squeezenet_1.0_224"), "maxpool1").shape[1], 54);
}

TEST(ZooSqueezeNet, V11AndBadSpecs) {
  const auto t = totals(analyze_graph(build_zoo("squeezenet_1.1")));
  EXPECT_EQ(t.params + t.bias_bytes / 4, 1235496);  // v1.1: 1,231,552 + 3,944
  EXPECT_EQ(t.macs, 387747520u);
  EXPECT_EQ(totals(analyze_graph(build_zoo("squeezenet_1.0_c10"))).params,
            1244448 - 512 * 990);
  EXPECT_THROW(build_zoo("squeezenet_2.0"), mcusim::InputError);
  EXPECT_THROW(build_zoo("squeezenet_1.0_x"), mcusim::InputError);
  EXPECT_THROW(build_zoo("squeezenet_1.0_224_q"), mcusim::InputError);
}

// §7. Deep Compression settings for SqueezeNet (Iandola et al. Table 2: 6-bit,
// 33% density): magnitude pruning to 33%, K-means with 64 clusters (6-bit indices),
// Han et al.'s relative indices (8 bits conv, 5 bits fc), Huffman coding of both
// streams, float32 code-book. Weights are synthetic (zoo graphs carry no data).
// Our pipeline gives 396,057 B; the paper's 0.47 MB is matched within 20 % (the
// Huffman-coded relative indices of randomly placed survivors are shorter than
// whatever Deep Compression stored for SqueezeNet; the paper gives no breakdown).
TEST(ZooSqueezeNet, DeepCompressionStoredVersusUnpacked) {
  const Graph g = build_zoo("squeezenet_1.0");
  const auto dc = quant::quantize_graph(
      g, *quant::make_scheme("codebook:k=64,density=0.33,unpacked=float32"));
  EXPECT_EQ(dc.synthetic_tensors, 26);
  EXPECT_EQ(dc.stored(), 396057);
  EXPECT_NEAR(static_cast<double>(dc.stored()), 0.47e6, 0.20 * 0.47e6);
  EXPECT_EQ(dc.unpacked(), 4993696);  // 1,248,424 float32 = 4.76 MiB, the paper's 4.8 MB
  EXPECT_NEAR(static_cast<double>(dc.unpacked()) / (1 << 20), 4.8, 0.05);
  const auto fp = quant::quantize_graph(g, *quant::make_scheme("float32"));
  EXPECT_EQ(fp.stored(), dc.unpacked());
  // Fits: the stored model is under 1 MB (all Table 1 flash but the F091RC's 256 KB);
  // unpacked it exceeds the largest Table 1 flash (2 MB) and SRAM (512 KB).
  EXPECT_LT(dc.stored(), 1 << 20);
  EXPECT_GT(dc.stored(), 256 << 10);
  EXPECT_GT(dc.unpacked(), 2 << 20);
}
