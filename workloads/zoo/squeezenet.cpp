// SqueezeNet (Iandola et al. 2016, arXiv:1602.07360).
// v1.0, Table 1: conv1 96 7x7/2 (no padding), maxpool 3x3/2, fire2..fire4, maxpool,
// fire5..fire8, maxpool, fire9, conv10 1000 1x1, global average pool, softmax.
// A fire module is a 1x1 "squeeze" conv (s1x1 filters) feeding two "expand" convs,
// 1x1 (e1x1) and 3x3 with padding 1 (e3x3), whose outputs are concatenated along
// channels. All convs are followed by ReLU (fused here).
// v1.1 (the authors' repository, forresti/SqueezeNet, SqueezeNet_v1.1/train_val.prototxt):
// conv1 64 3x3/2, the pools after conv1, fire3 and fire5; same fire widths.
// Pooling follows Caffe (ceil mode); at 227 every pooled size is odd-minus-3-even, so
// TFLite's VALID (floor) pooling gives the same 55 / 27 / 13 as Table 1.
#include "workloads/zoo/squeezenet.hpp"
#include "workloads/zoo/zoo.hpp"

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "sim/core/error.hpp"

namespace mcusim::wl {
namespace {

// SqueezeNet's operators on the shared GraphBuilder: VALID/SAME convolutions, Caffe
// max pooling, fire modules (concatenation) and softmax, which its helpers lack.
class Net {
 public:
  explicit Net(const std::string& name) : b_(name) {}
  int input(std::int64_t r) { return b_.input({1, r, r, 3}); }
  // Conv2D, OHWI filter, int8 weights, int32 bias, ReLU. pad = 0 (VALID) or (k-1)/2.
  int conv(const std::string& name, int x, int cout, int k, int stride, bool same) {
    const auto s = b_.tensor(x).shape;
    const std::int64_t pad = same ? (k - 1) / 2 : 0;
    const std::int64_t ho = (s[1] + 2 * pad - k) / stride + 1, wo = (s[2] + 2 * pad - k) / stride + 1;
    int w = b_.constant({cout, k, k, s[3]}, DType::Int8, name + "/weights");
    int b = b_.constant({cout}, DType::Int32, name + "/bias");
    int y = b_.activation({s[0], ho, wo, cout}, name);
    Operator& op = b_.op("CONV_2D", name, {x, w, b}, y);
    op.options.padding = same ? Padding::Same : Padding::Valid;
    op.options.stride_w = op.options.stride_h = stride;
    op.options.activation = Activation::Relu;
    return y;
  }
  int maxpool(const std::string& name, int x) {  // 3x3/2, Caffe ceil mode
    const auto s = b_.tensor(x).shape;
    auto out = [](std::int64_t in) { return (in - 3 + 1) / 2 + 1; };  // ceil((in-3)/2)+1
    int y = b_.activation({s[0], out(s[1]), out(s[2]), s[3]}, name);
    Operator& op = b_.op("MAX_POOL_2D", name, {x}, y);
    op.options.padding = Padding::Valid;
    op.options.filter_w = op.options.filter_h = 3;
    op.options.stride_w = op.options.stride_h = 2;
    return y;
  }
  int fire(const std::string& name, int x, int s1, int e1, int e3) {
    int sq = conv(name + "/squeeze1x1", x, s1, 1, 1, true);
    int a = conv(name + "/expand1x1", sq, e1, 1, 1, true);
    int b = conv(name + "/expand3x3", sq, e3, 3, 1, true);
    const auto s = b_.tensor(a).shape;
    int y = b_.activation({s[0], s[1], s[2], e1 + e3}, name + "/concat");
    b_.op("CONCATENATION", name + "/concat", {a, b}, y).options.axis = 3;
    return y;
  }
  int avgpool_global(const std::string& name, int x) { return b_.avgpool_global(name, x); }
  int softmax(const std::string& name, int x) {
    int y = b_.activation(b_.tensor(x).shape, name);
    b_.op("SOFTMAX", name, {x}, y);
    return y;
  }
  Graph finish(int out) { return b_.finish(out); }

 private:
  GraphBuilder b_;
};

}  // namespace

Graph build_squeezenet(const SqueezeNetOptions& o) {
  const bool v10 = o.version == "1.0";
  if (!v10 && o.version != "1.1")
    throw InputError("zoo:squeezenet_" + o.version + ": version must be 1.0 or 1.1");
  char name[64];
  std::snprintf(name, sizeof name, "squeezenet_%s_%d", o.version.c_str(), o.resolution);
  Net n(name);
  int x = n.input(o.resolution);
  // Fire widths (s1x1, e1x1, e3x3) of fire2..fire9, Table 1 (same in v1.1).
  struct F { int s, e1, e3; };
  static const F kFire[8] = {{16, 64, 64},  {16, 64, 64},  {32, 128, 128}, {32, 128, 128},
                             {48, 192, 192}, {48, 192, 192}, {64, 256, 256}, {64, 256, 256}};
  x = v10 ? n.conv("conv1", x, 96, 7, 2, false) : n.conv("conv1", x, 64, 3, 2, false);
  x = n.maxpool("maxpool1", x);
  for (int i = 0; i < 8; ++i) {
    const int id = i + 2;
    x = n.fire("fire" + std::to_string(id), x, kFire[i].s, kFire[i].e1, kFire[i].e3);
    // v1.0 pools after fire4 and fire8; v1.1 after fire3 and fire5.
    if ((v10 && (id == 4 || id == 8)) || (!v10 && (id == 3 || id == 5)))
      x = n.maxpool("maxpool" + std::to_string(id), x);
  }
  x = n.conv("conv10", x, o.classes, 1, 1, true);
  x = n.avgpool_global("avgpool10", x);
  x = n.softmax("prob", x);
  return n.finish(x);
}

Graph build_squeezenet_spec(const std::string& spec) {
  // squeezenet_<version>[_<resolution>][_c<classes>]
  const auto a = zoo_args(spec, "squeezenet_");
  SqueezeNetOptions o;
  o.version = a[0];
  auto number = [&](const std::string& s, long lo, long hi) { return zoo_integer(spec, s, lo, hi); };
  for (std::size_t i = 1; i < a.size(); ++i) {
    if (!a[i].empty() && a[i][0] == 'c')
      o.classes = number(a[i].substr(1), 1, 100000);
    else if (i == 1)
      o.resolution = number(a[i], 35, 1024);  // >= 35: the 3 pools keep a 1x1 map
    else
      throw InputError("zoo:" + spec + ": unknown option '" + a[i] + "' (expected c<classes>)");
  }
  return build_squeezenet(o);
}

}  // namespace mcusim::wl
