// .tflite -> wl::Graph. Reads subgraph 0 with the bounds-checked reader; field ids
// follow FORMAT_NOTES.md §3-§7. Every rejection names the byte offset of the
// offending field so a corrupt file can be inspected with a hex dump.
#include "workloads/tflite/import.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "sim/core/error.hpp"
#include "workloads/tflite/internal.hpp"

namespace mcusim::wl {
namespace {

using fb::Bytes;
using fb::Table;
using fb::Vector;

constexpr std::uint64_t kMaxElements = std::uint64_t{1} << 31;
constexpr std::uint64_t kMaxTensorBytes = std::uint64_t{1} << 30;  // 1 GiB
// Several tensors may share one buffer; capping the total copied stops a small
// hostile file from making the importer allocate without bound.
constexpr std::uint64_t kMaxConstBytes = std::uint64_t{1} << 30;

struct BufferRef {
  std::uint64_t pos = 0;  // first data byte
  std::uint32_t len = 0;
};

std::string idx(const char* what, std::uint32_t i) { return std::string(what) + " " + std::to_string(i); }

std::vector<std::string> read_opcodes(const Bytes& b, const Table& model) {
  const Vector codes = model.vector(1, 4, "operator_codes");
  std::vector<std::string> names;
  for (std::uint32_t i = 0; i < codes.size(); ++i) {
    const std::string w = idx("operator_code", i);
    const Table c = codes.table(i, w);
    // TFLite's GetBuiltinCode: max(builtin_code, deprecated_builtin_code) copes with old
    // files (only the 1-byte code), new files (both) and codes >= 127 (placeholder 127).
    const int deprecated = c.i8(0, 0);
    const std::int32_t code = std::max<std::int32_t>(c.i32(3, 0), deprecated);
    if (code < 0) b.fail(w + ": negative builtin code", c.pos());
    std::string name = tflite::builtin_op_name(code);
    if (name == "CUSTOM") {
      const std::string custom = c.string(1, w + " custom_code");
      if (!custom.empty()) name += ":" + custom;
    }
    names.push_back(name);
  }
  return names;
}

std::vector<BufferRef> read_buffers(const Bytes& b, const Table& model) {
  const Vector bufs = model.vector(4, 4, "buffers");
  std::vector<BufferRef> out(bufs.size());
  for (std::uint32_t i = 0; i < bufs.size(); ++i) {
    const std::string w = idx("buffer", i);
    const Table t = bufs.table(i, w);
    const Vector data = t.vector(0, 1, w + " data");
    if (data.size() > 0) out[i] = {data.elem_pos(0), data.size()};
    // offset/size point past the flatbuffer (>2 GB models); such data is not in `bytes`.
    if (t.u(1, 8, 0) > 1) b.fail(w + ": external data (>2 GB model) not supported", t.field(1, 8));
  }
  return out;
}

void read_quantization(const Table& q, const std::string& w, Quantization& out) {
  if (!q.present()) return;
  const Vector scale = q.vector(2, 4, w + " scale");
  const Vector zp = q.vector(3, 8, w + " zero_point");
  for (std::uint32_t i = 0; i < scale.size(); ++i) out.scale.push_back(scale.f32(i));
  for (std::uint32_t i = 0; i < zp.size(); ++i) out.zero_point.push_back(zp.i64(i));
  out.axis = q.i32(6, 0);
}

Tensor read_tensor(const Bytes& b, const Table& t, std::uint32_t i,
                   const std::vector<BufferRef>& buffers, std::uint64_t& const_total) {
  const std::string w = idx("tensor", i);
  Tensor out;
  out.name = t.string(3, w + " name");
  const Vector shape = t.vector(0, 4, w + " shape");
  std::uint64_t elements = 1;
  for (std::uint32_t d = 0; d < shape.size(); ++d) {
    const std::int32_t v = shape.i32(d);
    if (v < 0) b.fail(w + ": negative dimension " + std::to_string(v), shape.elem_pos(d));
    elements *= static_cast<std::uint64_t>(v);  // each factor <= 2^31, checked below
    if (elements > kMaxElements)
      b.fail(w + ": absurd shape (more than 2^31 elements)", shape.elem_pos(d));
    out.shape.push_back(v);
  }
  const std::int8_t type = t.i8(1, 0);
  if (type < 0 || type > static_cast<int>(DType::BFloat16))
    b.fail(w + ": unsupported tensor type " + std::to_string(type), t.field(1, 1));
  out.type = static_cast<DType>(type);
  if (static_cast<std::uint64_t>(out.bytes()) > kMaxTensorBytes)
    b.fail(w + ": tensor larger than 1 GiB", t.pos());
  const std::uint32_t buf = t.u32(2, 0);
  if (buf >= buffers.size() && !(buf == 0 && buffers.empty()))
    b.fail(w + ": buffer index " + std::to_string(buf) + " out of range (" +
               std::to_string(buffers.size()) + " buffers)",
           t.field(2, 4));
  // Constant = its buffer holds data; buffer 0 is not a marker (FORMAT_NOTES.md §5).
  if (!buffers.empty() && buffers[buf].len > 0) {
    const BufferRef r = buffers[buf];
    const bool fixed_size = out.type != DType::String && out.type != DType::Resource &&
                            out.type != DType::Variant;
    if (fixed_size && r.len != static_cast<std::uint64_t>(out.bytes()))
      b.fail(w + ": constant data has " + std::to_string(r.len) + " bytes, shape needs " +
                 std::to_string(out.bytes()),
             r.pos);
    const_total += r.len;
    if (const_total > kMaxConstBytes) b.fail(w + ": constant data exceeds 1 GiB in total", r.pos);
    out.is_const = true;
    out.data.assign(b.data() + r.pos, b.data() + r.pos + r.len);
  }
  read_quantization(t.table(4, w + " quantization"), w + " quantization", out.quant);
  out.is_variable = t.boolean(5, false);
  return out;
}

// Reads an int32 tensor-index vector; -1 (optional input) only where allowed.
std::vector<int> read_indices(const Bytes& b, const Vector& v, std::size_t ntensors,
                              bool allow_absent, const std::string& w) {
  std::vector<int> out;
  for (std::uint32_t k = 0; k < v.size(); ++k) {
    const std::int32_t t = v.i32(k);
    if (!(allow_absent && t == -1) && (t < 0 || static_cast<std::size_t>(t) >= ntensors))
      b.fail(w + ": tensor index " + std::to_string(t) + " out of range (" +
                 std::to_string(ntensors) + " tensors)",
             v.elem_pos(k));
    out.push_back(t);
  }
  return out;
}

// depth_multiplier is redundant in the schema and may be unwritten (0); newer kernels
// derive it as out_channels / in_channels, so do the same.
void derive_depth_multiplier(const Graph& g, Operator& op) {
  if (op.type != "DEPTHWISE_CONV_2D" || op.options.depth_multiplier > 0) return;
  op.options.depth_multiplier = 1;
  if (op.inputs.empty() || op.outputs.empty() || op.inputs[0] < 0) return;
  const auto& in = g.tensor(op.inputs[0]).shape;
  const auto& out = g.tensor(op.outputs[0]).shape;
  if (in.size() == 4 && out.size() == 4 && in[3] > 0 && out[3] % in[3] == 0)
    op.options.depth_multiplier = static_cast<int>(out[3] / in[3]);
}

Operator read_operator(const Bytes& b, const Table& t, std::uint32_t i,
                       const std::vector<std::string>& opcodes, const Graph& g) {
  const std::string w = idx("operator", i);
  Operator op;
  const std::uint32_t code = t.u32(0, 0);
  if (code >= opcodes.size())
    b.fail(w + ": opcode index " + std::to_string(code) + " out of range (" +
               std::to_string(opcodes.size()) + " operator codes)",
           t.field(0, 4) ? t.field(0, 4) : t.pos());
  op.type = opcodes[code];
  op.name = op.type + "_" + std::to_string(i);
  const Vector ins = t.vector(1, 4, w + " inputs");
  const Vector outs = t.vector(2, 4, w + " outputs");
  op.inputs = read_indices(b, ins, g.tensors.size(), true, w + " inputs");
  op.outputs = read_indices(b, outs, g.tensors.size(), false, w + " outputs");
  for (std::uint32_t k = 0; k < ins.size(); ++k)
    for (int o : op.outputs)
      if (op.inputs[k] == o)
        b.fail(w + ": input tensor " + std::to_string(o) + " is also its own output",
               ins.elem_pos(k));
  tflite::read_builtin_options(b, t, w, op.options);
  derive_depth_multiplier(g, op);
  return op;
}

}  // namespace

Graph parse_tflite(const std::vector<std::uint8_t>& bytes, const std::string& name) {
  const Bytes b(bytes.data(), bytes.size(), name);
  if (bytes.size() < 8) b.fail("truncated file (" + std::to_string(bytes.size()) + " bytes)", 0);
  static const char kLfs[] = "version https://git-lfs";
  if (bytes.size() >= sizeof kLfs - 1 &&
      std::equal(kLfs, kLfs + sizeof kLfs - 1, bytes.begin()))
    b.fail("a Git LFS pointer, not a model (run git lfs pull)", 0);
  if (!(bytes[4] == 'T' && bytes[5] == 'F' && bytes[6] == 'L' && bytes[7] == '3'))
    b.fail("bad file identifier (expected TFL3)", 4);
  const std::uint32_t root = b.u32(0, "root offset");
  if (root < 8 || root >= bytes.size()) b.fail("root offset out of range", 0);
  const Table model = Table::at(b, root, "Model");
  const std::uint32_t version = model.u32(0, 0);
  if (version != 3)
    b.fail("schema version " + std::to_string(version) + " (expected 3)",
           model.field(0, 4) ? model.field(0, 4) : root);

  const std::vector<std::string> opcodes = read_opcodes(b, model);
  const std::vector<BufferRef> buffers = read_buffers(b, model);
  const Vector subgraphs = model.vector(2, 4, "subgraphs");
  if (subgraphs.size() == 0) b.fail("model has no subgraph", root);
  const Table sg = subgraphs.table(0, "subgraph 0");

  Graph g;
  g.name = name;
  const Vector tensors = sg.vector(0, 4, "tensors");
  std::uint64_t const_total = 0;
  for (std::uint32_t i = 0; i < tensors.size(); ++i)
    g.tensors.push_back(read_tensor(b, tensors.table(i, idx("tensor", i)), i, buffers, const_total));
  g.inputs = read_indices(b, sg.vector(1, 4, "graph inputs"), g.tensors.size(), false,
                          "graph inputs");
  g.outputs = read_indices(b, sg.vector(2, 4, "graph outputs"), g.tensors.size(), false,
                           "graph outputs");
  const Vector ops = sg.vector(3, 4, "operators");
  for (std::uint32_t i = 0; i < ops.size(); ++i)
    g.ops.push_back(read_operator(b, ops.table(i, idx("operator", i)), i, opcodes, g));
  return g;
}

Graph load_tflite(const std::string& path) {
  // An ifstream opens a directory; its size then reads as -1 ("too large" below).
  if (std::filesystem::is_directory(path))
    throw InputError(path + ": is a directory, not a model file");
  std::ifstream f(path, std::ios::binary);
  if (!f) throw InputError(path + ": cannot open file at byte 0");
  f.seekg(0, std::ios::end);
  const std::streamoff size = f.tellg();
  // FlatBuffers cannot address more than 2 GiB; refuse before allocating.
  if (size < 0 || size > (std::streamoff{1} << 31))
    throw InputError(path + ": file too large for a FlatBuffer at byte 0");
  f.seekg(0, std::ios::beg);
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  if (size > 0 && !f.read(reinterpret_cast<char*>(bytes.data()), size))
    throw InputError(path + ": read error at byte 0");
  return parse_tflite(bytes, path);
}

}  // namespace mcusim::wl
