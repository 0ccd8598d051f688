#pragma once
// Built-in networks, addressed as "zoo:<family>_<args>", e.g. zoo:mobilenet_v2_0.35_128.
// Each family is one file registering a parser of its argument string.
#include <string>
#include <vector>

#include "workloads/graph.hpp"

namespace mcusim::wl {

// Builds the named network; throws InputError for unknown families or bad arguments.
Graph build_zoo(const std::string& spec);  // spec without the "zoo:" prefix
std::vector<std::string> zoo_families();   // "mobilenet_v2_<alpha>_<resolution>", ...

// Shape-only graph construction helpers shared by the zoo families.
class GraphBuilder {
 public:
  explicit GraphBuilder(std::string name) { g_.name = std::move(name); }
  int input(std::vector<std::int64_t> nhwc);
  // Conv2D with OHWI filter [cout, k, k, cin], SAME padding.
  int conv(const std::string& name, int x, int cout, int k, int stride, Activation act);
  int depthwise(const std::string& name, int x, int k, int stride, Activation act,
                int multiplier = 1);
  int add(const std::string& name, int a, int b);
  int avgpool_global(const std::string& name, int x);
  int fully_connected(const std::string& name, int x, int cout);
  Graph finish(int output);
  const Tensor& tensor(int i) const { return g_.tensor(i); }

  // Building blocks for operators the helpers above do not cover (SqueezeNet's VALID
  // convolutions, pooling, concatenation): an int8 activation, a constant, and an
  // operator appended to the graph (the reference is valid until the next one).
  int activation(std::vector<std::int64_t> shape, const std::string& name);
  int constant(std::vector<std::int64_t> shape, DType t, const std::string& name);
  Operator& op(const char* type, const std::string& name, std::vector<int> inputs, int output);

 private:
  Graph g_;
};

// Argument helpers shared by the zoo families: "mobilenet_v2_0.35_128" with prefix
// "mobilenet_v2_" -> {"0.35", "128"}; a number in [lo, hi] or InputError naming the spec.
std::vector<std::string> zoo_args(const std::string& spec, const std::string& prefix);
double zoo_number(const std::string& spec, const std::string& text, double lo, double hi);
int zoo_integer(const std::string& spec, const std::string& text, long lo, long hi);

// TF-slim's _make_divisible: round to the nearest multiple of `divisor`, at least
// `divisor`, and never more than 10% below the requested value.
int make_divisible(double v, int divisor = 8);

}  // namespace mcusim::wl
