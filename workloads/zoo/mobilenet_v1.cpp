// MobileNet_V1 as TF-slim (research/slim/nets/mobilenet_v1.py) and Keras define it:
// a 3x3/2 stem conv, then 13 depthwise-separable blocks (3x3 depthwise + 1x1
// pointwise, each with BN + ReLU6), channels max(int(c * alpha), 8) ending at
// 1024*alpha; global average pool; logits as a fully connected layer. The MLPerf Tiny
// VWW model (alpha 0.25, 96x96, 2 classes) is this network with ReLU instead of ReLU6;
// the activation does not change shapes or MACs.
#include "workloads/zoo/mobilenet_v1.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "sim/core/error.hpp"
#include "workloads/zoo/zoo.hpp"

namespace mcusim::wl {

Graph build_mobilenet_v1(const MobileNetV1Options& o) {
  struct Sep {
    int c, s;
  };
  static const Sep kBlocks[] = {{64, 1},  {128, 2}, {128, 1}, {256, 2}, {256, 1},
                                {512, 2}, {512, 1}, {512, 1}, {512, 1}, {512, 1},
                                {512, 1}, {1024, 2}, {1024, 1}};
  // slim's depth(): int() truncates, min_depth 8.
  auto depth = [&](int c) { return std::max(static_cast<int>(c * o.alpha), 8); };
  char name[64];
  std::snprintf(name, sizeof name, "mobilenet_v1_%g_%d", o.alpha, o.resolution);
  GraphBuilder b(name);
  int x = b.input({1, o.resolution, o.resolution, 3});
  x = b.conv("conv0", x, depth(32), 3, 2, Activation::Relu6);
  int i = 1;
  for (const Sep& blk : kBlocks) {
    const std::string p = "conv" + std::to_string(i++);
    x = b.depthwise(p + "_dw", x, 3, blk.s, Activation::Relu6);
    x = b.conv(p + "_pw", x, depth(blk.c), 1, 1, Activation::Relu6);
  }
  x = b.avgpool_global("avgpool", x);
  x = b.fully_connected("logits", x, o.classes);
  return b.finish(x);
}

Graph build_mobilenet_v1_spec(const std::string& spec) {
  const auto a = zoo_args(spec, "mobilenet_v1_");
  if (a.size() < 2 || a.size() > 3)
    throw InputError("zoo:" + spec + ": expected mobilenet_v1_<alpha>_<resolution>[_c<classes>]");
  MobileNetV1Options o;
  o.alpha = zoo_number(spec, a[0], 0.05, 4.0);
  o.resolution = static_cast<int>(zoo_number(spec, a[1], 16, 1024));
  if (a.size() == 3) {
    if (a[2].empty() || a[2][0] != 'c')
      throw InputError("zoo:" + spec + ": unknown option '" + a[2] + "' (expected c<classes>)");
    o.classes = static_cast<int>(zoo_number(spec, a[2].substr(1), 1, 100000));
  }
  return build_mobilenet_v1(o);
}

}  // namespace mcusim::wl
