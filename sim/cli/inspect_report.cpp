#include "sim/cli/inspect_report.hpp"

#include <map>

#include "workloads/planner/arena.hpp"
#include "workloads/planner/lifetimes.hpp"
#include "workloads/planner/reorder.hpp"
#include "workloads/quant/summary.hpp"
#include "workloads/tflite/import.hpp"
#include "workloads/zoo/zoo.hpp"

namespace mcusim::cli {

wl::Graph inspect_load(const std::string& spec) {
  if (spec.rfind("zoo:", 0) == 0) return wl::build_zoo(spec.substr(4));
  return wl::load_tflite(spec);
}

namespace {

std::string where(std::int64_t sram, std::int64_t flash, std::int64_t sd) {
  std::string s;
  if (sram > 0) s += "SRAM";
  if (flash > 0) s += std::string(s.empty() ? "" : "+") + "FLASH";
  if (sd > 0) s += std::string(s.empty() ? "" : "+") + "SD";
  return s.empty() ? "-" : s;
}

}  // namespace

InspectReport inspect_graph(const wl::Graph& g, const std::string& model, const InspectOptions& o) {
  const auto scheme = wl::quant::make_scheme(o.quant);  // bad spec fails before the work
  InspectReport r;
  r.model = model;
  r.graph = g.name;
  const auto metrics = wl::analyze_graph(g);  // InputError naming unsupported ops
  r.totals = wl::totals(metrics);

  // Default plan: TFLM's greedy-by-size with 16-byte alignment, stored op order.
  std::vector<int> order(g.ops.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  const auto buffers = wl::compute_lifetimes(g, order);
  const auto plan = wl::plan_greedy_by_size(buffers, 16);
  r.arena_bytes = plan.arena_bytes;
  std::map<int, std::int64_t> offset;
  for (std::size_t i = 0; i < buffers.size(); ++i) offset[buffers[i].tensor] = plan.offsets[i];
  const auto re = wl::reorder_for_min_peak(g);
  r.peak_default = re.default_peak_bytes;
  r.peak_best = re.peak_bytes;
  r.best_exhaustive = re.exhaustive;
  r.reorder_note = re.note;

  const auto q = wl::quant::quantize_graph(g, *scheme);
  r.quant = q.scheme;
  r.weight_elements = q.weight_elements;
  r.stored_bytes = q.stored();
  r.unpacked_bytes = q.unpacked();
  r.synthetic_tensors = q.synthetic_tensors;
  r.unpack_work = q.unpack;
  r.kernel_work = q.kernel;

  wl::Placement pl;
  if (!o.board.empty()) {
    r.has_board = true;
    r.board = o.board;
    r.board_info = placement_board_from_preset(o.board);
    wl::PlacementOptions po;
    po.alignment = 16;
    pl = wl::place_tensors(g, r.board_info, po);
    r.fits = pl.fits;
    r.placement_reason = pl.reason;
    r.placement = pl.totals;
  }

  for (const auto& m : metrics) {
    const auto& op = g.ops[static_cast<std::size_t>(m.index)];
    InspectLayer l;
    l.m = m;
    for (int t : op.inputs)
      if (t >= 0 && !g.tensor(t).is_const) l.inputs.push_back(g.tensor(t).shape);
    for (int t : op.outputs) l.outputs.push_back(g.tensor(t).shape);
    if (!op.outputs.empty()) {
      auto it = offset.find(op.outputs[0]);
      if (it != offset.end()) l.arena_offset = it->second;
    }
    const auto& lq = q.layers[static_cast<std::size_t>(m.index)];
    l.stored = lq.stored();
    l.unpacked = lq.unpacked();
    if (r.has_board) {
      const auto& lp = pl.layers[static_cast<std::size_t>(m.index)];
      l.const_sram = lp.const_sram;
      l.const_flash = lp.const_flash;
      l.const_sd = lp.const_sd;
      l.constants = where(lp.const_sram, lp.const_flash, lp.const_sd);
    }
    r.layers.push_back(std::move(l));
  }
  return r;
}

InspectReport inspect_model(const std::string& spec, const InspectOptions& o) {
  return inspect_graph(inspect_load(spec), spec, o);
}

}  // namespace mcusim::cli
