#pragma once
#include <string>

#include "workloads/graph.hpp"

namespace mcusim::wl {

struct MobileNetV1Options {
  double alpha = 1.0;
  int resolution = 224;
  int classes = 1001;
};

Graph build_mobilenet_v1(const MobileNetV1Options& o);
// "mobilenet_v1_<alpha>_<resolution>[_c<classes>]" (spec without "zoo:").
Graph build_mobilenet_v1_spec(const std::string& spec);

}  // namespace mcusim::wl
