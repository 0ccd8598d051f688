// Each scheme's stored / unpacked bytes and work counts on small handmade tensors, the
// spec parser, and a real model (MLPerf Tiny ResNet-8, real int8 weights).
#include <gtest/gtest.h>

#include "sim/core/error.hpp"
#include "workloads/quant/codebook.hpp"
#include "workloads/quant/summary.hpp"
#include "workloads/tflite/import.hpp"

using namespace mcusim::wl;
using namespace mcusim::wl::quant;

namespace {
WeightTensor tensor(std::vector<float> v, std::vector<std::int64_t> shape,
                    WeightKind kind = WeightKind::Conv) {
  WeightTensor w;
  w.name = "t";
  w.values = std::move(v);
  w.shape = std::move(shape);
  w.kind = kind;
  return w;
}
}  // namespace

TEST(QuantSchemes, FixedWidthSchemes) {
  const auto w = tensor(std::vector<float>(24, 0.5f), {4, 1, 2, 3});  // 4 output channels
  EXPECT_EQ(make_scheme("float32")->quantize(w).stored_bytes, 96);
  const auto pt = make_scheme("int8-affine")->quantize(w);
  EXPECT_EQ(pt.stored_bytes, 24 + 5);  // one FP32 scale + int8 zero point
  EXPECT_EQ(pt.unpacked_bytes, 24);
  EXPECT_EQ(make_scheme("int8-affine-pc")->quantize(w).stored_bytes, 24 + 4 * 5);
  EXPECT_EQ(make_scheme("q8")->quantize(w).stored_bytes, 25);  // + binary point byte
  EXPECT_EQ(make_scheme("q16")->quantize(w).unpacked_bytes, 48);
  const LayerShape l{1000, 10};
  EXPECT_EQ(make_scheme("int8-affine")->kernel_work(l),
            (WorkCounts{{"output_zero_point_adds", 10}, {"requant_multiplies", 10},
                        {"requant_shifts", 10}, {"zero_point_subtractions", 2000}}));
  EXPECT_EQ(make_scheme("int8-affine-pc")->kernel_work(l).at("zero_point_subtractions"), 1000u);
  EXPECT_EQ(make_scheme("q8")->kernel_work(l),
            (WorkCounts{{"saturations", 10}, {"shifts", 20}}));
  EXPECT_EQ(make_scheme("float32")->kernel_work(l), (WorkCounts{{"fp32_macs", 1000}}));
}

TEST(QuantSchemes, CodebookDenseTiny) {
  const auto w = tensor({0.0f, 0.1f, 0.2f, 10.0f, 10.1f, 10.2f}, {6, 1});
  CodebookOptions o;
  o.k = 2;
  const auto s = make_codebook(o)->quantize(w);
  // 6 indices x 1 bit = 1 byte; overhead 2 centroids + 2 length bytes + 4 header.
  EXPECT_EQ(s.payload_bytes, 1);
  EXPECT_EQ(s.overhead_bytes, 8);
  EXPECT_EQ(s.stored_bytes, 9);
  EXPECT_EQ(s.unpacked_bytes, 6);
  EXPECT_EQ(s.unpack.at("huffman_bits_decoded"), 6u);
  EXPECT_EQ(s.unpack.at("codebook_lookups"), 6u);
  EXPECT_EQ(s.unpack.at("zero_fills"), 0u);
}

TEST(QuantSchemes, CodebookPrunedTinyWithFillers) {
  // Keep 3 of 12 (positions 1, 10, 11); 2-bit gaps span 1..4, so the gap of 9 before
  // position 10 needs two fillers (4 + 4) and a 1.
  const auto w = tensor({0.1f, 5, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, -6, 7}, {12, 1},
                        WeightKind::FullyConnected);
  CodebookOptions o;
  o.k = 2;
  o.density = 0.25;
  o.fc_index_bits = 2;
  const auto e = encode_codebook(w, o);
  EXPECT_EQ(e.kept, 3);
  EXPECT_EQ(e.fillers, 2);
  EXPECT_EQ(e.centroids, (std::vector<double>{-6, 6}));
  EXPECT_EQ(e.index_freq, (std::vector<std::uint64_t>{1, 2, 2}));  // -6, 6, filler
  EXPECT_EQ(e.index_lengths, (std::vector<int>{2, 2, 1}));
  EXPECT_EQ(e.gap_freq, (std::vector<std::uint64_t>{2, 1, 0, 2}));  // gaps 1, 2, 3, 4
  EXPECT_EQ(e.gap_lengths, (std::vector<int>{2, 2, 0, 1}));
  EXPECT_EQ(e.index_bits, 8u);
  EXPECT_EQ(e.gap_bits, 8u);
  EXPECT_EQ(e.payload_bytes, 2);
  EXPECT_EQ(e.overhead_bytes, 2 + 3 + 4 + 4);
  const auto s = make_codebook(o)->quantize(w);
  EXPECT_EQ(s.stored_bytes, 15);
  EXPECT_EQ(s.unpacked_bytes, 12);
  EXPECT_EQ(s.unpack, (WorkCounts{{"codebook_lookups", 3}, {"huffman_bits_decoded", 16},
                                  {"huffman_symbols_decoded", 10}, {"weights_written", 12},
                                  {"zero_fills", 9}}));
}

TEST(QuantSchemes, SpecParsing) {
  EXPECT_EQ(make_scheme("codebook")->name(), "codebook:k=16,density=1,unpacked=int8");
  EXPECT_EQ(make_scheme("codebook:k=32")->name(), "codebook:k=32,density=1,unpacked=int8");
  EXPECT_EQ(make_scheme("codebook:k=64,density=0.33,unpacked=float32")->name(),
            "codebook:k=64,density=0.33,unpacked=float32,conv_index_bits=8,fc_index_bits=5");
  EXPECT_THROW(make_scheme("int4"), mcusim::InputError);
  EXPECT_THROW(make_scheme("codebook:k=0"), mcusim::InputError);
  EXPECT_THROW(make_scheme("codebook:kk=3"), mcusim::InputError);
  EXPECT_THROW(make_scheme("codebook:k"), mcusim::InputError);
  EXPECT_THROW(make_scheme("codebook:density=1.5"), mcusim::InputError);
  try {
    make_scheme("bogus");
  } catch (const mcusim::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("int8-affine"), std::string::npos) << e.what();
  }
}

// ResNet-8 (MLPerf Tiny IC), real per-channel int8 weights: 10 filters, 77,360
// weights, 346 int32 biases (1,384 B).
TEST(QuantSchemes, ResNet8RealWeights) {
  const Graph g = load_tflite("../shared/models/mlperftiny_ic_resnet8_int8.tflite");
  const auto q = [&](const char* s) { return quantize_graph(g, *make_scheme(s)); };
  const auto f = q("float32");
  EXPECT_EQ(f.weights.size(), 10u);
  EXPECT_EQ(f.weight_elements, 77360);
  EXPECT_EQ(f.bias_elements, 346);
  EXPECT_EQ(f.synthetic_tensors, 0);
  EXPECT_EQ(f.stored(), 4 * (77360 + 346));
  EXPECT_EQ(q("int8-affine").weight_stored, 77360 + 10 * 5);
  EXPECT_EQ(q("int8-affine-pc").weight_stored, 77360 + 346 * 5);
  EXPECT_EQ(q("q8").stored(), 77360 + 10 + 346);
  // Code-book, k = 16: K-means over the dequantized real weights, Huffman indices.
  const auto cb = q("codebook");
  EXPECT_EQ(cb.weight_unpacked, 77360);
  EXPECT_EQ(cb.weight_stored, 34273);
  EXPECT_LT(cb.weight_stored, cb.weight_unpacked);
  EXPECT_EQ(cb.stored(), 35657);
  EXPECT_EQ(cb.unpacked(), 78744);
  EXPECT_EQ(cb.unpack.at("codebook_lookups"), 77360u);
  EXPECT_EQ(cb.unpack.at("weights_written"), 77360u);
  // Fewer than 4 bits per index after Huffman coding.
  EXPECT_LT(cb.unpack.at("huffman_bits_decoded"), 4u * 77360u);
  EXPECT_EQ(q("codebook:k=32").weight_stored, 40325);
  // Kernel work follows the layers: one requant multiply per output element.
  std::uint64_t outs = 0;
  for (const auto& l : q("int8-affine").layers) outs += l.kernel.count("requant_multiplies") ? l.kernel.at("requant_multiplies") : 0;
  EXPECT_EQ(q("int8-affine").kernel.at("requant_multiplies"), outs);
  EXPECT_GT(outs, 0u);
}
