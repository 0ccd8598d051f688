// MAC totals of the imported models. Each expected value is computed twice: from the
// independent dump's shapes (FORMAT_NOTES.md §9 formulas, no importer involved) and as
// the exact number below, which matches the published figure for the model.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "sim/core/error.hpp"
#include "workloads/metrics.hpp"
#include "workloads/tflite/import.hpp"

using namespace mcusim::wl;

namespace {

using Shape = std::vector<std::uint64_t>;

std::vector<Shape> shapes(const std::string& s) {
  std::vector<Shape> out;
  static const std::regex list(R"(\[([0-9, ]*)\])");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), list); it != std::sregex_iterator();
       ++it) {
    Shape sh;
    std::stringstream ss((*it)[1].str());
    std::string tok;
    while (std::getline(ss, tok, ',')) sh.push_back(std::stoull(tok));
    out.push_back(sh);
  }
  return out;
}

std::uint64_t prod(const Shape& s) {
  std::uint64_t p = 1;
  for (auto d : s) p *= d;
  return p;
}

// CONV_2D: out elems * KH*KW*Cin; DEPTHWISE: out elems * KH*KW; FC: batch*Cout*K.
std::uint64_t macs_from_dump(const std::string& name) {
  std::ifstream f("../shared/models/dumps/" + name + ".txt");
  static const std::regex op(R"(^\s*\d+ (\S+)\s+in=(\[.*\]) out=(\[.*?\]))");
  std::uint64_t total = 0;
  std::string line;
  std::smatch m;
  while (std::getline(f, line)) {
    if (!std::regex_search(line, m, op)) continue;
    const auto in = shapes(m[2]), out = shapes(m[3]);
    const std::string type = m[1];
    if (type == "CONV_2D") total += prod(out[0]) * in[1][1] * in[1][2] * in[1][3];
    if (type == "DEPTHWISE_CONV_2D") total += prod(out[0]) * in[1][1] * in[1][2];
    if (type == "FULLY_CONNECTED") total += prod(in[0]) * in[1][0];  // batch*K*Cout
  }
  return total;
}

struct Case {
  const char* model;
  std::uint64_t macs;
  std::size_t ops;
};

// Published: ResNet-8 12,501,632; VWW ~7.49 M; DS-CNN ~2.66 M; AD 264,192;
// MobileNetV2 1.0/224 (1000 classes) ~300.8 M; the rest per MANIFEST.md.
const Case kCases[] = {
    {"mlperftiny_ic_resnet8_int8", 12501632, 16},
    {"mlperftiny_vww_96_int8", 7489664, 31},
    {"mlperftiny_kws_dscnn_int8", 2656768, 13},
    {"mlperftiny_ad01_fc_autoencoder_int8", 264192, 10},
    {"mlperftiny_sww_ref_model", 826368, 11},
    {"tflm_person_detect_int8", 7157888, 31},
    {"tflm_micro_speech_quantized", 336000, 4},
    {"tflm_hello_world_int8", 288, 3},
    {"tflm_xtensa_mobilenet_v2_quantized_1x3x224x224", 300774272, 84},
    {"mcunet_tinyengine_vww", 11578816, 63},
    {"mcunetv2_tinyengine_large", 216815264, 163},
    {"mcunet_tinyengine_detection", 18296320, 79},
};

class TfliteMacs : public ::testing::TestWithParam<Case> {};

TEST_P(TfliteMacs, MatchesDumpShapesAndPublishedTotal) {
  const Case c = GetParam();
  const Graph g = load_tflite(std::string("../shared/models/") + c.model + ".tflite");
  EXPECT_EQ(g.ops.size(), c.ops);
  const auto t = totals(analyze_graph(g));
  EXPECT_EQ(t.macs, macs_from_dump(c.model));
  EXPECT_EQ(t.macs, c.macs);
}

INSTANTIATE_TEST_SUITE_P(SupportedModels, TfliteMacs, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& p) {
                           return std::string(p.param.model);
                         });

TEST(TfliteUnsupported, SvdfModelImportsButAnalysisNamesEverySvdf) {
  const Graph g = load_tflite("../shared/models/tflm_keyword_scrambled_8bit.tflite");
  ASSERT_EQ(g.ops.size(), 15u);
  EXPECT_EQ(g.ops[1].type, "SVDF");
  // The SVDF state tensor (input 4) is a persistent variable, not a constant.
  const Tensor& state = g.tensor(g.ops[1].inputs[4]);
  EXPECT_TRUE(state.is_variable);
  EXPECT_FALSE(state.is_const);
  EXPECT_EQ(g.tensor(g.inputs[0]).type, DType::Int16);
  try {
    analyze_graph(g);
    FAIL() << "SVDF accepted";
  } catch (const mcusim::InputError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("tflm_keyword_scrambled_8bit.tflite"), std::string::npos) << m;
    for (int i : {1, 3, 5, 7, 9, 10, 11})
      EXPECT_NE(m.find("SVDF at op " + std::to_string(i)), std::string::npos) << m;
    EXPECT_EQ(m.find("FULLY_CONNECTED"), std::string::npos) << m;
  }
}

TEST(TfliteQuantization, PerChannelAndPerTensorParameters) {
  const Graph g = load_tflite("../shared/models/mlperftiny_vww_96_int8.tflite");
  const Operator& conv = g.ops[0];
  ASSERT_EQ(conv.type, "CONV_2D");
  const Tensor& w = g.tensor(conv.inputs[1]);
  EXPECT_TRUE(w.is_const);
  EXPECT_EQ(w.quant.scale.size(), static_cast<std::size_t>(w.shape[0]));  // per-channel
  EXPECT_EQ(w.quant.axis, 0);
  EXPECT_EQ(w.data.size(), static_cast<std::size_t>(w.bytes()));
  for (auto z : w.quant.zero_point) EXPECT_EQ(z, 0);
  const Operator& dw = g.ops[1];
  ASSERT_EQ(dw.type, "DEPTHWISE_CONV_2D");
  EXPECT_EQ(g.tensor(dw.inputs[1]).quant.axis, 3);  // last axis of [1,KH,KW,C*M]
  const Tensor& in = g.tensor(g.inputs[0]);
  EXPECT_FALSE(in.is_const);
  ASSERT_EQ(in.quant.scale.size(), 1u);  // activations: per-tensor, asymmetric
  EXPECT_GE(in.quant.zero_point[0], -128);
  EXPECT_LE(in.quant.zero_point[0], 127);
}

}  // namespace
