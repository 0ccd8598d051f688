#pragma once
// Operator registry: each operator type has one file in workloads/ops/ that describes
// its arithmetic (MACs, elements touched) and which kernel class costs it. Adding an
// operator = one file + one line in builtin_ops.cpp. No switch statements elsewhere.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "workloads/graph.hpp"

namespace mcusim::wl {

struct OpAnalysis {
  std::uint64_t macs = 0;      // multiply-accumulates
  std::uint64_t elements = 0;  // output elements produced (costs of non-MAC ops)
  std::string kernel;          // kernel class the engine profile costs, e.g. "conv_1x1"
  int bias_input = -1;         // input slot holding the bias (counted as bias bytes)
};

using AnalyzeFn = OpAnalysis (*)(const Graph&, const Operator&);

class OpRegistry {
 public:
  void add(const std::string& type, AnalyzeFn fn) { fns_[type] = fn; }
  AnalyzeFn find(const std::string& type) const {
    auto it = fns_.find(type);
    return it == fns_.end() ? nullptr : it->second;
  }
  std::vector<std::string> types() const;

 private:
  std::map<std::string, AnalyzeFn> fns_;
};

// The registry with every built-in operator registered.
const OpRegistry& op_registry();

// Shared helpers for op files.
const Tensor& op_input(const Graph& g, const Operator& op, std::size_t slot);
const Tensor& op_output(const Graph& g, const Operator& op, std::size_t slot = 0);
std::uint64_t shape_dim(const Tensor& t, std::size_t i);  // throws on out-of-range/negative

}  // namespace mcusim::wl
