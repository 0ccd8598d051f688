#include "workloads/zoo/zoo.hpp"

#include <algorithm>
#include <cmath>

namespace mcusim::wl {

int make_divisible(double v, int divisor) {
  int nv = std::max(divisor, static_cast<int>(v + divisor / 2.0) / divisor * divisor);
  if (nv < 0.9 * v) nv += divisor;
  return nv;
}

int GraphBuilder::activation(std::vector<std::int64_t> shape, const std::string& name) {
  Tensor t;
  t.name = name;
  t.shape = std::move(shape);
  t.type = DType::Int8;
  return g_.add_tensor(std::move(t));
}

int GraphBuilder::constant(std::vector<std::int64_t> shape, DType type, const std::string& name) {
  Tensor t;
  t.name = name;
  t.shape = std::move(shape);
  t.type = type;
  t.is_const = true;
  return g_.add_tensor(std::move(t));
}

Operator& GraphBuilder::op(const char* type, const std::string& name, std::vector<int> inputs,
                           int output) {
  Operator o;
  o.type = type;
  o.name = name;
  o.inputs = std::move(inputs);
  o.outputs = {output};
  g_.ops.push_back(std::move(o));
  return g_.ops.back();
}

int GraphBuilder::input(std::vector<std::int64_t> nhwc) {
  int t = activation(std::move(nhwc), "input");
  g_.inputs.push_back(t);
  return t;
}

static std::int64_t same_out(std::int64_t in, int stride) { return (in + stride - 1) / stride; }

int GraphBuilder::conv(const std::string& name, int x, int cout, int k, int stride,
                       Activation act) {
  const auto s = g_.tensor(x).shape;
  int w = constant({cout, k, k, s[3]}, DType::Int8, name + "/weights");
  int b = constant({cout}, DType::Int32, name + "/bias");
  int y = activation({s[0], same_out(s[1], stride), same_out(s[2], stride), cout}, name);
  Operator& o = op("CONV_2D", name, {x, w, b}, y);
  o.options.stride_w = o.options.stride_h = stride;
  o.options.activation = act;
  return y;
}

int GraphBuilder::depthwise(const std::string& name, int x, int k, int stride, Activation act,
                            int multiplier) {
  const auto s = g_.tensor(x).shape;
  const std::int64_t c = s[3] * multiplier;
  int w = constant({1, k, k, c}, DType::Int8, name + "/weights");
  int b = constant({c}, DType::Int32, name + "/bias");
  int y = activation({s[0], same_out(s[1], stride), same_out(s[2], stride), c}, name);
  Operator& o = op("DEPTHWISE_CONV_2D", name, {x, w, b}, y);
  o.options.stride_w = o.options.stride_h = stride;
  o.options.depth_multiplier = multiplier;
  o.options.activation = act;
  return y;
}

int GraphBuilder::add(const std::string& name, int a, int b) {
  int y = activation(g_.tensor(a).shape, name);
  op("ADD", name, {a, b}, y);
  return y;
}

int GraphBuilder::avgpool_global(const std::string& name, int x) {
  const auto s = g_.tensor(x).shape;
  int y = activation({s[0], 1, 1, s[3]}, name);
  Operator& o = op("AVERAGE_POOL_2D", name, {x}, y);
  o.options.padding = Padding::Valid;
  o.options.filter_h = o.options.stride_h = static_cast<int>(s[1]);
  o.options.filter_w = o.options.stride_w = static_cast<int>(s[2]);
  return y;
}

int GraphBuilder::fully_connected(const std::string& name, int x, int cout) {
  const Tensor& in = g_.tensor(x);
  const std::int64_t k = in.shape.back();
  const std::int64_t batch = in.elements() / k;
  int w = constant({cout, k}, DType::Int8, name + "/weights");
  int b = constant({cout}, DType::Int32, name + "/bias");
  int y = activation({batch, cout}, name);
  op("FULLY_CONNECTED", name, {x, w, b}, y);
  return y;
}

Graph GraphBuilder::finish(int output) {
  g_.outputs = {output};
  return std::move(g_);
}

}  // namespace mcusim::wl
