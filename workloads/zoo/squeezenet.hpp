#pragma once
#include <string>

#include "workloads/graph.hpp"

namespace mcusim::wl {

struct SqueezeNetOptions {
  std::string version = "1.0";  // "1.0" (Iandola et al. 2016, Table 1) or "1.1"
  int resolution = 227;         // Caffe's crop; gives Table 1's 111x111 conv1 output
  int classes = 1000;
};

Graph build_squeezenet(const SqueezeNetOptions& o);
// "squeezenet_<version>[_<resolution>][_c<classes>]" (spec without "zoo:").
Graph build_squeezenet_spec(const std::string& spec);

}  // namespace mcusim::wl
