// builtin_options union -> OpOptions (field ids: FORMAT_NOTES.md §8). The union tag,
// not the op type, decides the table layout, so a mismatched pair cannot misread.
// Values the cost models divide by (strides, dilations) are validated here so that
// later stages never see a zero or negative stride from a hostile file.
#include "sim/core/error.hpp"
#include "workloads/tflite/internal.hpp"

namespace mcusim::wl::tflite {
namespace {

enum Tag : std::uint8_t {
  kConv2D = 1, kDepthwiseConv2D = 2, kPool2D = 5, kFullyConnected = 8, kConcatenation = 10,
  kAdd = 11, kMul = 21, kReducer = 27, kSub = 28, kTransposeConv = 49,
};

Padding padding(const fb::Bytes& b, const fb::Table& t, int id, const std::string& what) {
  const std::int8_t v = t.i8(id, 0);
  if (v != 0 && v != 1) b.fail(what + ": unknown padding " + std::to_string(v), t.field(id, 1));
  return v == 0 ? Padding::Same : Padding::Valid;
}

Activation activation(const fb::Bytes& b, const fb::Table& t, int id, const std::string& what) {
  const std::int8_t v = t.i8(id, 0);
  if (v < 0 || v > 5)
    b.fail(what + ": unknown fused activation " + std::to_string(v), t.field(id, 1));
  return static_cast<Activation>(v);
}

// Strides, dilations and window sizes must be >= 1 (a 0 would divide by zero later).
int positive(const fb::Bytes& b, const fb::Table& t, int id, std::int32_t def,
             const std::string& what, const char* field) {
  const std::int32_t v = t.i32(id, def);
  if (v < 1)
    b.fail(what + ": " + field + " " + std::to_string(v) + " must be >= 1",
           t.field(id, 4) ? t.field(id, 4) : t.pos());
  return v;
}

}  // namespace

void read_builtin_options(const fb::Bytes& b, const fb::Table& op, const std::string& what,
                          OpOptions& o) {
  const std::uint8_t tag = op.u8(3, 0);
  if (tag == 0) return;
  const std::string w = what + " options";
  const fb::Table t = op.table(4, w);
  if (!t.present()) return;  // tag without a table: every field takes its default
  switch (tag) {
    case kConv2D:
      o.padding = padding(b, t, 0, w);
      o.stride_w = positive(b, t, 1, 0, w, "stride_w");
      o.stride_h = positive(b, t, 2, 0, w, "stride_h");
      o.activation = activation(b, t, 3, w);
      o.dilation_w = positive(b, t, 4, 1, w, "dilation_w");
      o.dilation_h = positive(b, t, 5, 1, w, "dilation_h");
      break;
    case kDepthwiseConv2D:
      o.padding = padding(b, t, 0, w);
      o.stride_w = positive(b, t, 1, 0, w, "stride_w");
      o.stride_h = positive(b, t, 2, 0, w, "stride_h");
      // 0 = not written; the importer derives it from the channel counts instead.
      o.depth_multiplier = t.i32(3, 0);
      o.activation = activation(b, t, 4, w);
      o.dilation_w = positive(b, t, 5, 1, w, "dilation_w");
      o.dilation_h = positive(b, t, 6, 1, w, "dilation_h");
      break;
    case kPool2D:
      o.padding = padding(b, t, 0, w);
      o.stride_w = positive(b, t, 1, 0, w, "stride_w");
      o.stride_h = positive(b, t, 2, 0, w, "stride_h");
      o.filter_w = positive(b, t, 3, 0, w, "filter_width");
      o.filter_h = positive(b, t, 4, 0, w, "filter_height");
      o.activation = activation(b, t, 5, w);
      break;
    case kFullyConnected:
      o.activation = activation(b, t, 0, w);
      o.keep_num_dims = t.boolean(2, false);
      break;
    case kConcatenation:
      o.axis = t.i32(0, 0);
      o.activation = activation(b, t, 1, w);
      break;
    case kAdd: case kSub: case kMul:
      o.activation = activation(b, t, 0, w);
      break;
    case kReducer:
      o.keep_dims = t.boolean(0, false);
      break;
    case kTransposeConv:
      o.padding = padding(b, t, 0, w);
      o.stride_w = positive(b, t, 1, 0, w, "stride_w");
      o.stride_h = positive(b, t, 2, 0, w, "stride_h");
      o.activation = activation(b, t, 3, w);
      break;
    default:
      break;  // options the cost models do not use
  }
}

}  // namespace mcusim::wl::tflite
