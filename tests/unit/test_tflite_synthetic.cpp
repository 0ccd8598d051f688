// Hand-built minimal .tflite files (one FULLY_CONNECTED op) so that each hostile
// field can be set exactly: negative/huge dimensions, bad buffer/tensor/opcode
// indices, self-loops, schema version, opcode rules. A tiny forward-layout
// FlatBuffers writer lives here; offsets always point forward, as uoffsets must.
#include <gtest/gtest.h>

#include <deque>
#include <memory>

#include "sim/core/error.hpp"
#include "workloads/metrics.hpp"
#include "workloads/tflite/import.hpp"

using namespace mcusim::wl;

namespace {

struct Node;
using NodeP = std::shared_ptr<Node>;
struct Field {
  int id, size;
  std::uint64_t value;
  NodeP ref;  // non-null: a 4-byte uoffset to this node
};
struct Node {
  bool table = false;
  std::vector<Field> fields;       // table
  std::vector<std::uint8_t> raw;   // scalar vector payload
  std::uint32_t count = 0;
  std::vector<NodeP> elems;        // vector of tables
};

NodeP tbl(std::vector<Field> f) {
  auto n = std::make_shared<Node>();
  n->table = true;
  n->fields = std::move(f);
  return n;
}
Field ref(int id, NodeP n) { return {id, 4, 0, std::move(n)}; }
Field i32(int id, std::int64_t v) { return {id, 4, static_cast<std::uint32_t>(v), nullptr}; }
Field i8(int id, int v) { return {id, 1, static_cast<std::uint8_t>(v), nullptr}; }
NodeP vec_i32(std::vector<std::int32_t> v) {
  auto n = std::make_shared<Node>();
  n->count = static_cast<std::uint32_t>(v.size());
  for (auto x : v)
    for (int k = 0; k < 4; ++k) n->raw.push_back(static_cast<std::uint8_t>(static_cast<std::uint32_t>(x) >> (8 * k)));
  return n;
}
NodeP vec_u8(std::vector<std::uint8_t> v) {
  auto n = std::make_shared<Node>();
  n->count = static_cast<std::uint32_t>(v.size());
  n->raw = std::move(v);
  return n;
}
NodeP vec_tbl(std::vector<NodeP> v) {
  auto n = std::make_shared<Node>();
  n->count = static_cast<std::uint32_t>(v.size());
  n->elems = std::move(v);
  return n;
}

class Writer {
 public:
  std::vector<std::uint8_t> finish(const NodeP& root) {
    b_ = {0, 0, 0, 0, 'T', 'F', 'L', '3'};
    pending_.push_back({0, root});
    while (!pending_.empty()) {
      auto [at, n] = pending_.front();
      pending_.pop_front();
      const std::size_t pos = write(*n);
      put32_at(at, static_cast<std::uint32_t>(pos - at));
    }
    return b_;
  }

 private:
  void align4() { while (b_.size() % 4) b_.push_back(0); }
  void put(std::uint64_t v, int n) {
    for (int k = 0; k < n; ++k) b_.push_back(static_cast<std::uint8_t>(v >> (8 * k)));
  }
  void put32_at(std::size_t at, std::uint32_t v) {
    for (int k = 0; k < 4; ++k) b_[at + k] = static_cast<std::uint8_t>(v >> (8 * k));
  }
  std::size_t write(const Node& n) {
    align4();
    if (!n.table) {
      const std::size_t pos = b_.size();
      put(n.count, 4);
      if (n.elems.empty()) {
        b_.insert(b_.end(), n.raw.begin(), n.raw.end());
      } else {
        for (const auto& e : n.elems) {
          pending_.push_back({b_.size(), e});
          put(0, 4);
        }
      }
      b_.push_back(0);  // strings end in 0; harmless for other vectors
      return pos;
    }
    // vtable first, then the table: every field in its own 4-byte slot.
    int max_id = -1;
    for (const auto& f : n.fields) max_id = std::max(max_id, f.id);
    const std::size_t vt = b_.size();
    put(4 + 2 * static_cast<std::uint64_t>(max_id + 1), 2);
    put(4 + 4 * n.fields.size(), 2);
    std::vector<std::uint16_t> slot(static_cast<std::size_t>(max_id + 1), 0);
    for (std::size_t i = 0; i < n.fields.size(); ++i)
      slot[static_cast<std::size_t>(n.fields[i].id)] = static_cast<std::uint16_t>(4 + 4 * i);
    for (auto s : slot) put(s, 2);
    align4();
    const std::size_t pos = b_.size();
    put(static_cast<std::uint32_t>(pos - vt), 4);
    for (const auto& f : n.fields) {
      if (f.ref) pending_.push_back({b_.size(), f.ref});
      put(f.value, 4);
    }
    return pos;
  }
  std::vector<std::uint8_t> b_;
  std::deque<std::pair<std::size_t, NodeP>> pending_;
};

// One FULLY_CONNECTED: t0 [1,4] x t1 [3,4] (const, buffer 1) -> t2 [1,3].
struct Spec {
  std::int64_t version = 3;
  std::vector<std::int32_t> in_shape = {1, 4};
  std::int64_t weight_buffer = 1;
  std::vector<std::int32_t> op_in = {0, 1}, op_out = {2};
  std::int64_t opcode_index = 0;
  int deprecated_code = 9, builtin_code = 9;
};

std::vector<std::uint8_t> build(const Spec& s) {
  auto tensor = [](std::vector<std::int32_t> shape, std::int64_t buf, const char* name) {
    std::string n(name);
    return tbl({ref(0, vec_i32(std::move(shape))), i8(1, 9), i32(2, buf),
                ref(3, vec_u8(std::vector<std::uint8_t>(n.begin(), n.end())))});
  };
  auto fc_opts = tbl({i8(0, 1), i8(2, 1)});  // RELU, keep_num_dims
  auto op = tbl({i32(0, s.opcode_index), ref(1, vec_i32(s.op_in)), ref(2, vec_i32(s.op_out)),
                 i8(3, 8), ref(4, fc_opts)});
  auto sg = tbl({ref(0, vec_tbl({tensor(s.in_shape, 0, "in"), tensor({3, 4}, s.weight_buffer, "w"),
                                 tensor({1, 3}, 2, "out")})),
                 ref(1, vec_i32({0})), ref(2, vec_i32({2})), ref(3, vec_tbl({op}))});
  std::vector<std::uint8_t> w(12);
  for (std::size_t i = 0; i < w.size(); ++i) w[i] = static_cast<std::uint8_t>(i);
  auto bufs = vec_tbl({tbl({}), tbl({ref(0, vec_u8(w))}), tbl({})});
  auto code = tbl({i8(0, s.deprecated_code), i32(3, s.builtin_code)});
  auto model = tbl({i32(0, s.version), ref(1, vec_tbl({code})), ref(2, vec_tbl({sg})),
                    ref(4, bufs)});
  return Writer().finish(model);
}

void expect_rejected(const Spec& s, const std::string& needle) {
  try {
    parse_tflite(build(s), "synthetic.tflite");
    ADD_FAILURE() << "accepted; expected: " << needle;
  } catch (const mcusim::InputError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find(needle), std::string::npos) << m;
    EXPECT_EQ(m.rfind("synthetic.tflite: ", 0), 0u) << m;
    EXPECT_NE(m.find(" at byte "), std::string::npos) << m;
    EXPECT_EQ(m.find('\n'), std::string::npos) << m;
  }
}

TEST(TfliteSynthetic, ValidModelImports) {
  const Graph g = parse_tflite(build(Spec{}), "synthetic.tflite");
  ASSERT_EQ(g.ops.size(), 1u);
  EXPECT_EQ(g.ops[0].type, "FULLY_CONNECTED");
  EXPECT_EQ(g.ops[0].name, "FULLY_CONNECTED_0");
  EXPECT_EQ(g.ops[0].options.activation, Activation::Relu);
  EXPECT_TRUE(g.ops[0].options.keep_num_dims);
  EXPECT_FALSE(g.tensor(0).is_const);
  EXPECT_TRUE(g.tensor(1).is_const);
  EXPECT_EQ(g.tensor(1).data.size(), 12u);
  EXPECT_EQ(g.tensor(1).data[11], 11);
  EXPECT_FALSE(g.tensor(2).is_const);  // own empty buffer 2: not constant
  EXPECT_EQ(g.tensor(1).name, "w");
  EXPECT_EQ(g.inputs, std::vector<int>{0});
  EXPECT_EQ(g.outputs, std::vector<int>{2});
  EXPECT_EQ(totals(analyze_graph(g)).macs, 12u);
}

TEST(TfliteSynthetic, OpcodeIsMaxOfDeprecatedAndBuiltinCode) {
  Spec old_file;  // only the 1-byte code written (builtin_code 0 = ADD)
  old_file.builtin_code = 0;
  EXPECT_EQ(parse_tflite(build(old_file), "s").ops[0].type, "FULLY_CONNECTED");
  Spec extended;  // >= 127: placeholder byte, real code in builtin_code
  extended.deprecated_code = 127;
  extended.builtin_code = 150;
  EXPECT_EQ(parse_tflite(build(extended), "s").ops[0].type, "GELU");
  extended.builtin_code = 5000;  // unknown future op: imports, analysis refuses it
  const Graph g = parse_tflite(build(extended), "s");
  EXPECT_EQ(g.ops[0].type, "BUILTIN_5000");
  EXPECT_THROW(analyze_graph(g), mcusim::InputError);
}

TEST(TfliteSynthetic, RejectsHostileFields) {
  Spec s;
  s.version = 2;
  expect_rejected(s, "schema version 2");
  s = Spec{};
  s.in_shape = {1, -4};
  expect_rejected(s, "negative dimension");
  s = Spec{};
  s.in_shape = {65536, 65536};
  expect_rejected(s, "absurd shape");
  s = Spec{};
  s.in_shape = {1 << 30, 2};  // 2^31 elements: a legal count, but 2 GiB of INT8
  expect_rejected(s, "larger than 1 GiB");
  s = Spec{};
  s.weight_buffer = 7;
  expect_rejected(s, "buffer index 7 out of range");
  s = Spec{};
  s.op_in = {0, 9};
  expect_rejected(s, "tensor index 9 out of range");
  s = Spec{};
  s.op_in = {0, -2};
  expect_rejected(s, "tensor index -2 out of range");
  s = Spec{};
  s.op_out = {-1};
  expect_rejected(s, "tensor index -1 out of range");
  s = Spec{};
  s.op_out = {0};
  expect_rejected(s, "is also its own output");
  s = Spec{};
  s.opcode_index = 1;
  expect_rejected(s, "opcode index 1 out of range");
}

TEST(TfliteSynthetic, OptionalInputMinusOneIsAllowed) {
  Spec s;
  s.op_in = {0, 1, -1};  // FC without bias
  const Graph g = parse_tflite(build(s), "s");
  EXPECT_EQ(g.ops[0].inputs, (std::vector<int>{0, 1, -1}));
  EXPECT_EQ(totals(analyze_graph(g)).macs, 12u);
}

TEST(TfliteSynthetic, EveryTruncationIsRejectedCleanly) {
  const auto full = build(Spec{});
  for (std::size_t n = 0; n < full.size(); ++n) {
    std::vector<std::uint8_t> cut(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n));
    EXPECT_THROW(parse_tflite(cut, "cut.tflite"), mcusim::InputError) << "length " << n;
  }
}

}  // namespace
