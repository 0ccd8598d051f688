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
  Operator op;
  op.type = "CONV_2D";
  op.name = name;
  op.inputs = {x, w, b};
  op.outputs = {y};
  op.options.stride_w = op.options.stride_h = stride;
  op.options.activation = act;
  g_.ops.push_back(op);
  return y;
}

int GraphBuilder::depthwise(const std::string& name, int x, int k, int stride, Activation act,
                            int multiplier) {
  const auto s = g_.tensor(x).shape;
  const std::int64_t c = s[3] * multiplier;
  int w = constant({1, k, k, c}, DType::Int8, name + "/weights");
  int b = constant({c}, DType::Int32, name + "/bias");
  int y = activation({s[0], same_out(s[1], stride), same_out(s[2], stride), c}, name);
  Operator op;
  op.type = "DEPTHWISE_CONV_2D";
  op.name = name;
  op.inputs = {x, w, b};
  op.outputs = {y};
  op.options.stride_w = op.options.stride_h = stride;
  op.options.depth_multiplier = multiplier;
  op.options.activation = act;
  g_.ops.push_back(op);
  return y;
}

int GraphBuilder::add(const std::string& name, int a, int b) {
  int y = activation(g_.tensor(a).shape, name);
  Operator op;
  op.type = "ADD";
  op.name = name;
  op.inputs = {a, b};
  op.outputs = {y};
  g_.ops.push_back(op);
  return y;
}

int GraphBuilder::avgpool_global(const std::string& name, int x) {
  const auto s = g_.tensor(x).shape;
  int y = activation({s[0], 1, 1, s[3]}, name);
  Operator op;
  op.type = "AVERAGE_POOL_2D";
  op.name = name;
  op.inputs = {x};
  op.outputs = {y};
  op.options.padding = Padding::Valid;
  op.options.filter_h = static_cast<int>(s[1]);
  op.options.filter_w = static_cast<int>(s[2]);
  op.options.stride_h = static_cast<int>(s[1]);
  op.options.stride_w = static_cast<int>(s[2]);
  g_.ops.push_back(op);
  return y;
}

int GraphBuilder::fully_connected(const std::string& name, int x, int cout) {
  const Tensor& in = g_.tensor(x);
  const std::int64_t k = in.shape.back();
  const std::int64_t batch = in.elements() / k;
  int w = constant({cout, k}, DType::Int8, name + "/weights");
  int b = constant({cout}, DType::Int32, name + "/bias");
  int y = activation({batch, cout}, name);
  Operator op;
  op.type = "FULLY_CONNECTED";
  op.name = name;
  op.inputs = {x, w, b};
  op.outputs = {y};
  g_.ops.push_back(op);
  return y;
}

Graph GraphBuilder::finish(int output) {
  g_.outputs = {output};
  return std::move(g_);
}

}  // namespace mcusim::wl
