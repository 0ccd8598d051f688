// Every model in ../shared/models against its independent dump (dumps/NAME.txt):
// op count, op types in order, every input/output shape, and the options shown.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "sim/core/error.hpp"
#include "workloads/metrics.hpp"
#include "workloads/tflite/import.hpp"
#include "tests/unit/shared_models.hpp"

using namespace mcusim::wl;

namespace {

constexpr auto& kModels = mcusim::test::kSharedModels;

using Shape = std::vector<std::int64_t>;
const Shape kAbsent = {-1};  // how the parser records a "None" (optional, absent) input

struct DumpOp {
  int index = 0;
  std::string type;
  std::vector<Shape> in, out;
  std::map<std::string, std::string> opts;  // key -> value text without quotes
};

struct Dump {
  int ops = -1, tensors = -1;
  long long const_bytes = -1;
  std::string inputs, outputs;  // "INT8[1, 32, 32, 3], ..." as printed
  std::vector<DumpOp> op_lines;
};

// "[[1, 2], [3], None]" -> shapes.
std::vector<Shape> parse_shapes(const std::string& s) {
  std::vector<Shape> out;
  std::size_t i = 1;  // skip the outer '['
  while (i < s.size()) {
    if (s[i] == '[') {
      Shape sh;
      ++i;
      while (i < s.size() && s[i] != ']') {
        if (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '-') {
          std::size_t used = 0;
          sh.push_back(std::stoll(s.substr(i), &used));
          i += used;
        } else {
          ++i;
        }
      }
      out.push_back(sh);
    } else if (s.compare(i, 4, "None") == 0) {
      out.push_back(kAbsent);
      i += 4;
    }
    ++i;
  }
  return out;
}

std::map<std::string, std::string> parse_opts(const std::string& s) {
  std::map<std::string, std::string> m;
  static const std::regex kv("'([a-z_]+)': '?([A-Za-z0-9_]+)'?");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), kv); it != std::sregex_iterator(); ++it)
    m[(*it)[1]] = (*it)[2];
  return m;
}

Dump read_dump(const std::string& path) {
  std::ifstream f(path);
  EXPECT_TRUE(f.good()) << path;
  Dump d;
  static const std::regex head(R"(schema v3, \d+ subgraph\(s\), (\d+) ops, (\d+) tensors, const data (\d+) B)");
  static const std::regex op(R"(^\s*(\d+) (\S+)\s+in=(\[.*\]) out=(\[.*?\])\s*(\{.*\})?\s*$)");
  std::string line;
  std::smatch m;
  while (std::getline(f, line)) {
    if (std::regex_search(line, m, head)) {
      d.ops = std::stoi(m[1]);
      d.tensors = std::stoi(m[2]);
      d.const_bytes = std::stoll(m[3]);
    } else if (line.rfind("  inputs : ", 0) == 0) {
      d.inputs = line.substr(11);
    } else if (line.rfind("  outputs: ", 0) == 0) {
      d.outputs = line.substr(11);
    } else if (std::regex_match(line, m, op)) {
      DumpOp o;
      o.index = std::stoi(m[1]);
      o.type = m[2];
      o.in = parse_shapes(m[3]);
      o.out = parse_shapes(m[4]);
      o.opts = parse_opts(m[5]);
      d.op_lines.push_back(o);
    }
  }
  return d;
}

std::string io_text(const Graph& g, const std::vector<int>& idx) {
  std::string s;
  for (int i : idx) {
    const Tensor& t = g.tensor(i);
    s += std::string(s.empty() ? "" : ", ") + dtype_name(t.type) + "[";
    for (std::size_t k = 0; k < t.shape.size(); ++k)
      s += (k ? ", " : "") + std::to_string(t.shape[k]);
    s += "]";
  }
  return s;
}

const char* act_name(Activation a) {
  static const char* const n[] = {"NONE", "RELU", "RELU_N1_TO_1", "RELU6", "TANH", "SIGN_BIT"};
  return n[static_cast<int>(a)];
}

// Compares one option from the dump against the imported OpOptions.
void check_option(const std::string& key, const std::string& want, const OpOptions& o,
                  const std::string& where) {
  std::string got;
  if (key == "padding") got = o.padding == Padding::Same ? "SAME" : "VALID";
  else if (key == "stride_w") got = std::to_string(o.stride_w);
  else if (key == "stride_h") got = std::to_string(o.stride_h);
  else if (key == "dil_w") got = std::to_string(o.dilation_w);
  else if (key == "dil_h") got = std::to_string(o.dilation_h);
  else if (key == "depth_multiplier") got = std::to_string(o.depth_multiplier);
  else if (key == "filter_w") got = std::to_string(o.filter_w);
  else if (key == "filter_h") got = std::to_string(o.filter_h);
  else if (key == "act") got = act_name(o.activation);
  else if (key == "keep_num_dims") got = o.keep_num_dims ? "True" : "False";
  else if (key == "weights_format") got = "0";  // only the default layout is imported
  else ADD_FAILURE() << where << ": dump option '" << key << "' not checked";
  EXPECT_EQ(got, want) << where << " option " << key;
}

class TfliteModel : public ::testing::TestWithParam<const char*> {};

TEST_P(TfliteModel, MatchesIndependentDump) {
  const std::string name = GetParam();
  const Graph g = load_tflite("../shared/models/" + name + ".tflite");
  const Dump d = read_dump("../shared/models/dumps/" + name + ".txt");
  ASSERT_GT(d.ops, 0);
  EXPECT_EQ(static_cast<int>(g.ops.size()), d.ops);
  ASSERT_EQ(d.op_lines.size(), g.ops.size());
  EXPECT_EQ(static_cast<int>(g.tensors.size()), d.tensors);
  long long const_bytes = 0;
  for (const auto& t : g.tensors)
    if (t.is_const) const_bytes += static_cast<long long>(t.data.size());
  EXPECT_EQ(const_bytes, d.const_bytes);
  EXPECT_EQ(io_text(g, g.inputs), d.inputs);
  EXPECT_EQ(io_text(g, g.outputs), d.outputs);
  for (std::size_t i = 0; i < g.ops.size(); ++i) {
    const Operator& op = g.ops[i];
    const DumpOp& want = d.op_lines[i];
    const std::string where = name + " op " + std::to_string(i) + " " + op.type;
    EXPECT_EQ(want.index, static_cast<int>(i));
    EXPECT_EQ(op.type, want.type) << where;
    EXPECT_EQ(op.name, op.type + "_" + std::to_string(i));
    ASSERT_EQ(op.inputs.size(), want.in.size()) << where;
    for (std::size_t k = 0; k < op.inputs.size(); ++k)
      EXPECT_EQ(op.inputs[k] < 0 ? kAbsent : g.tensor(op.inputs[k]).shape, want.in[k])
          << where << " input " << k;
    ASSERT_EQ(op.outputs.size(), want.out.size()) << where;
    for (std::size_t k = 0; k < op.outputs.size(); ++k)
      EXPECT_EQ(g.tensor(op.outputs[k]).shape, want.out[k]) << where << " output " << k;
    if (op.type == "CONV_2D" || op.type == "DEPTHWISE_CONV_2D" || op.type == "FULLY_CONNECTED" ||
        op.type == "AVERAGE_POOL_2D" || op.type == "MAX_POOL_2D")
    {
      EXPECT_GE(want.opts.size(), 3u) << where << ": dump options not parsed";
    }
    for (const auto& kv : want.opts) check_option(kv.first, kv.second, op.options, where);
  }
}

INSTANTIATE_TEST_SUITE_P(AllModels, TfliteModel, ::testing::ValuesIn(kModels),
                         [](const ::testing::TestParamInfo<const char*>& p) {
                           return std::string(p.param);
                         });

}  // namespace
