// `mcusim inspect MODEL`: the per-layer table of a model, in the spirit of X-CUBE-AI's
// analyze: operator, output shape, MACs, parameters, working set, and the totals with
// the arena peak of the default operator order and of the best reordering.
#include <cstdio>
#include <iostream>

#include "sim/cli/command.hpp"
#include "sim/cli/options.hpp"
#include "sim/run/runner.hpp"
#include "workloads/metrics.hpp"
#include "workloads/planner/arena.hpp"
#include "workloads/planner/lifetimes.hpp"
#include "workloads/planner/reorder.hpp"

namespace mcusim::cli {

namespace {
std::string shape_str(const std::vector<std::int64_t>& s) {
  std::string o;
  for (auto d : s) o += (o.empty() ? "" : "x") + std::to_string(d);
  return o;
}
}  // namespace

int cmd_inspect(const std::vector<std::string>& args) {
  po::options_description desc("inspect options");
  desc.add_options()("model", po::value<std::string>()->required(), "PATH.tflite or zoo:NAME");
  po::positional_options_description pos;
  pos.add("model", 1);
  po::variables_map vm;
  if (!parse_options("inspect", args, desc, vm, &pos, "MODEL")) return 0;
  set_log_level(vm["log-level"].as<std::string>());
  const auto g = load_model(vm["model"].as<std::string>());
  const auto layers = wl::analyze_graph(g);
  std::printf("%4s %-24s %-18s %-14s %11s %9s %9s %10s\n", "#", "name", "op", "output", "MACs",
              "params", "weight B", "WS bytes");
  for (const auto& l : layers) {
    const auto& op = g.ops[static_cast<std::size_t>(l.index)];
    std::printf("%4d %-24.24s %-18.18s %-14s %11llu %9lld %9lld %10lld\n", l.index,
                l.name.c_str(), l.type.c_str(), shape_str(g.tensor(op.outputs.at(0)).shape).c_str(),
                static_cast<unsigned long long>(l.macs), static_cast<long long>(l.params),
                static_cast<long long>(l.weight_bytes + l.bias_bytes),
                static_cast<long long>(l.working_set()));
  }
  const auto t = wl::totals(layers);
  std::vector<int> order(g.ops.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  const auto buffers = wl::compute_lifetimes(g, order);
  const auto greedy = wl::plan_greedy_by_size(buffers, 16);
  const auto re = wl::reorder_for_min_peak(g);
  std::printf("total: %zu layers, %llu MACs, %lld params, %lld weight+bias bytes, max working set %lld B\n",
              layers.size(), static_cast<unsigned long long>(t.macs),
              static_cast<long long>(t.params), static_cast<long long>(t.weight_bytes + t.bias_bytes),
              static_cast<long long>(t.max_working_set));
  std::printf("arena: %lld B (greedy-by-size, default order); live peak %lld B default order, "
              "%lld B best order (%s)\n",
              static_cast<long long>(greedy.arena_bytes),
              static_cast<long long>(re.default_peak_bytes), static_cast<long long>(re.peak_bytes),
              re.note.c_str());
  return 0;
}

}  // namespace mcusim::cli
