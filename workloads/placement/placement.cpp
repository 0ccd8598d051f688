// Placement driver: lists the tensors, runs the constant and activation stages, and
// states one reason for the verdict.
#include "workloads/placement/placement.hpp"

#include <set>

#include "sim/core/error.hpp"
#include "workloads/placement/internal.hpp"
#include "workloads/planner/dependencies.hpp"

namespace mcusim::wl {

using namespace placement_detail;

Placement place_tensors(const Graph& g, const PlacementBoard& board, const PlacementOptions& opt) {
  Placement p;
  p.order = opt.order.empty() ? default_order(g) : opt.order;
  std::string why;
  if (!is_topological(g, p.order, &why)) throw InputError(g.name + ": bad op order: " + why);

  // Constants an op reads, then every non-constant tensor the planner tracks.
  std::set<int> consts;
  for (const auto& op : g.ops)
    for (int t : op.inputs)
      if (t >= 0 && g.tensor(t).is_const) consts.insert(t);
  const TensorUses u = tensor_uses(g);
  for (std::size_t i = 0; i < g.tensors.size(); ++i) {
    const Tensor& t = g.tensors[i];
    const bool used = u.producer[i] >= 0 || !u.consumers[i].empty() || u.is_graph_input[i] ||
                      u.is_graph_output[i] || t.is_variable;
    if (t.is_const ? consts.count(static_cast<int>(i)) == 0 : !used) continue;
    TensorPlacement tp;
    tp.tensor = static_cast<int>(i);
    tp.name = t.name;
    tp.is_const = t.is_const;
    tp.bytes = t.bytes();
    p.tensors.push_back(tp);
  }
  for (const auto& kv : opt.overrides)
    if (!p.find(kv.first))
      throw InputError(g.name + ": placement override names unknown tensor '" + kv.first + "'");

  p.layers.resize(g.ops.size());
  for (std::size_t i = 0; i < g.ops.size(); ++i) {
    p.layers[i].op = static_cast<int>(i);
    p.layers[i].name = g.ops[i].name;
  }

  std::string err = place_constants(g, board, opt, p);
  PlacementTotals& tot = p.totals;
  tot.activation_budget = static_cast<std::int64_t>(board.sram_bytes) - tot.const_sram;
  // Activations are planned even when the constants already failed, so the report
  // still shows the arena and per-layer live sets; they are not spilled then.
  const std::string act_err = place_activations(g, board, opt, err.empty(), p);
  if (err.empty()) err = act_err;
  if (err.empty() && tot.arena_bytes > tot.activation_budget)
    err = "arena " + commas(tot.arena_bytes) + " B > " + commas(tot.activation_budget) +
          " B SRAM budget";
  // flash_used already includes activation bytes spilled or overridden to flash.
  if (err.empty() && tot.flash_used > static_cast<std::int64_t>(board.flash_bytes))
    err = "flash holds " + commas(tot.flash_used) + " B > " + size_text(board.flash_bytes);
  if (err.empty() && tot.spill_sd > 0 && !board.has_sd)
    err = "activations on SD " + commas(tot.spill_sd) + " B but the board has no SD card";

  // Per-layer working set (paper Fig. 3) and where its constants sit.
  std::vector<const TensorPlacement*> by_index(g.tensors.size(), nullptr);
  for (const auto& t : p.tensors) by_index[static_cast<std::size_t>(t.tensor)] = &t;
  for (std::size_t i = 0; i < g.ops.size(); ++i) {
    LayerPlacement& l = p.layers[i];
    std::set<int> seen;
    for (const auto* list : {&g.ops[i].inputs, &g.ops[i].outputs}) {
      for (int t : *list) {
        if (t < 0 || !seen.insert(t).second) continue;
        l.working_set += g.tensor(t).bytes();
        const TensorPlacement* tp = by_index[static_cast<std::size_t>(t)];
        if (!tp || !tp->is_const) continue;
        (tp->location == Location::Sram ? l.const_sram
                                        : tp->location == Location::Flash ? l.const_flash
                                                                          : l.const_sd) += tp->bytes;
      }
    }
    l.working_set_over_sram = l.working_set > static_cast<std::int64_t>(board.sram_bytes);
  }

  p.fits = err.empty();
  if (!p.fits) {
    p.reason = err;
  } else {
    p.reason = "fits: arena " + commas(tot.arena_bytes) + " B in a " +
               commas(tot.activation_budget) + " B SRAM budget";
    if (tot.spilled_tensors > 0)
      p.reason += " after spilling " + std::to_string(tot.spilled_tensors) + " tensor(s) (" +
                  commas(tot.spill_write_bytes) + " B written, " + commas(tot.spill_read_bytes) +
                  " B read per inference)";
    p.reason += "; constants " + commas(tot.const_flash) + " B flash, " + commas(tot.const_sd) +
                " B SD, " + commas(tot.const_sram) + " B SRAM";
  }
  return p;
}

}  // namespace mcusim::wl
