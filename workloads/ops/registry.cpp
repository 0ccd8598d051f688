#include "workloads/ops/registry.hpp"

#include "sim/core/error.hpp"

namespace mcusim::wl {

void register_builtin_ops(OpRegistry& r);  // builtin_ops.cpp

std::vector<std::string> OpRegistry::types() const {
  std::vector<std::string> out;
  for (const auto& kv : fns_) out.push_back(kv.first);
  return out;
}

const OpRegistry& op_registry() {
  static const OpRegistry r = [] {
    OpRegistry reg;
    register_builtin_ops(reg);
    return reg;
  }();
  return r;
}

const Tensor& op_input(const Graph& g, const Operator& op, std::size_t slot) {
  if (slot >= op.inputs.size() || op.inputs[slot] < 0 ||
      static_cast<std::size_t>(op.inputs[slot]) >= g.tensors.size())
    throw InputError("operator '" + op.name + "' (" + op.type + "): missing input " +
                     std::to_string(slot));
  return g.tensors[static_cast<std::size_t>(op.inputs[slot])];
}

const Tensor& op_output(const Graph& g, const Operator& op, std::size_t slot) {
  if (slot >= op.outputs.size() || op.outputs[slot] < 0 ||
      static_cast<std::size_t>(op.outputs[slot]) >= g.tensors.size())
    throw InputError("operator '" + op.name + "' (" + op.type + "): missing output " +
                     std::to_string(slot));
  return g.tensors[static_cast<std::size_t>(op.outputs[slot])];
}

std::uint64_t shape_dim(const Tensor& t, std::size_t i) {
  if (i >= t.shape.size())
    throw InputError("tensor '" + t.name + "': expected rank > " + std::to_string(i));
  if (t.shape[i] < 0) throw InputError("tensor '" + t.name + "': negative dimension");
  return static_cast<std::uint64_t>(t.shape[i]);
}

}  // namespace mcusim::wl
