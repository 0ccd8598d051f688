// MobileNet_V2 as TF-slim defines it (tensorflow/models research/slim/nets/mobilenet/
// mobilenet_v2.py): channels multiplied by alpha and rounded with make_divisible(8);
// stem 3x3/2 conv of 32*alpha; inverted residual blocks (t, c, n, s) below; last 1x1
// conv of 1280 channels, kept at 1280 for alpha < 1 (finegrain_classification_mode);
// global average pool; logits over `classes` (1001 with the background class).
// The per-layer numbering follows ../shared/models/mobilenet_v2_0.35_128_layers.csv.
#include <cstdio>
#include <string>

#include "workloads/zoo/mobilenet_v2.hpp"
#include "workloads/zoo/zoo.hpp"

namespace mcusim::wl {

Graph build_mobilenet_v2(const MobileNetV2Options& o) {
  struct Block {
    int t, c, n, s;
  };
  static const Block kBlocks[] = {{1, 16, 1, 1},  {6, 24, 2, 2},  {6, 32, 3, 2}, {6, 64, 4, 2},
                                  {6, 96, 3, 1},  {6, 160, 3, 2}, {6, 320, 1, 1}};
  char name[64];
  std::snprintf(name, sizeof name, "mobilenet_v2_%g_%d", o.alpha, o.resolution);
  GraphBuilder b(name);
  int layer = 0;
  // Extra filters on the first k layers with an output channel count (paper Fig. 4/8).
  auto extra = [&](int channels) {
    return channels + (layer++ < o.extra_filter_layers ? o.extra_filters : 0);
  };
  int x = b.input({1, o.resolution, o.resolution, 3});
  x = b.conv("conv0", x, extra(make_divisible(32 * o.alpha)), 3, 2, Activation::Relu6);
  int block = 0;
  for (const Block& blk : kBlocks) {
    const int cout = make_divisible(blk.c * o.alpha);
    for (int i = 0; i < blk.n; ++i, ++block) {
      const std::string p = "b" + std::to_string(block);
      const int stride = i == 0 ? blk.s : 1;
      const int cin = static_cast<int>(b.tensor(x).shape[3]);
      int y = x;
      if (blk.t != 1) y = b.conv(p + "_expand", y, extra(make_divisible(cin * blk.t)), 1, 1,
                                 Activation::Relu6);
      y = b.depthwise(p + "_dw", y, 3, stride, Activation::Relu6);
      ++layer;  // the depthwise layer keeps its input's channel count
      y = b.conv(p + "_project", y, cout, 1, 1, Activation::None);
      ++layer;
      if (stride == 1 && cin == cout) y = b.add(p + "_add", x, y);
      x = y;
    }
  }
  const int last = o.alpha > 1.0 ? make_divisible(1280 * o.alpha) : 1280;
  x = b.conv("conv_last", x, last, 1, 1, Activation::Relu6);
  x = b.avgpool_global("avgpool", x);
  x = b.fully_connected("logits", x, o.classes);
  return b.finish(x);
}

}  // namespace mcusim::wl
