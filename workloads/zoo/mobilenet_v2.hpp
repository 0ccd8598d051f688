#pragma once
#include "workloads/graph.hpp"

namespace mcusim::wl {

struct MobileNetV2Options {
  double alpha = 0.35;
  int resolution = 128;
  int classes = 1001;
  int extra_filters = 0;        // filters added to each of the first k layers
  int extra_filter_layers = 0;  // k
};

Graph build_mobilenet_v2(const MobileNetV2Options& o);

}  // namespace mcusim::wl
