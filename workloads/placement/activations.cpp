// Stage 2 of placement: activations into the SRAM arena, spilling when it is too big.
//
// Spill rule (paper §3.1 / Fig. 4: a layer's output that does not fit is written
// off-SRAM by its producer and read back by its consumers). Repeat until the planned
// arena fits the activation budget: take the step with the largest live set; the
// excess is live - budget (or, when every live set fits but packing fragments,
// arena - budget); spill the smallest tensor live there that covers the excess alone,
// else the largest one there. Smallest-covering keeps the spill traffic (written once,
// read once per consumer) low. Spills go to the SD card when there is one (flash writes
// need an erase and wear the part), else to free flash.
#include <algorithm>

#include "workloads/placement/internal.hpp"
#include "workloads/planner/arena.hpp"
#include "workloads/planner/dependencies.hpp"
#include "workloads/planner/lifetimes.hpp"

namespace mcusim::wl::placement_detail {

std::string place_activations(const Graph& g, const PlacementBoard& b, const PlacementOptions& o,
                              bool allow_spill, Placement& p) {
  PlacementTotals& tot = p.totals;
  const std::int64_t budget = tot.activation_budget;
  const std::vector<Buffer> buffers = compute_lifetimes(g, p.order);
  const int steps = static_cast<int>(p.order.size());
  std::vector<TensorPlacement*> entry(buffers.size());
  for (std::size_t i = 0; i < buffers.size(); ++i)
    for (auto& t : p.tensors)
      if (t.tensor == buffers[i].tensor) entry[i] = &t;

  // Per-layer live set before any spill: the Fig. 3-style "does this layer fit" mark.
  const auto live0 = live_bytes_per_step(buffers, steps);
  for (int s = 0; s < steps; ++s) {
    LayerPlacement& l = p.layers[static_cast<std::size_t>(p.order[static_cast<std::size_t>(s)])];
    l.live_bytes = live0[static_cast<std::size_t>(s)];
    l.live_over_sram = l.live_bytes > budget;
    tot.arena_live_peak = std::max(tot.arena_live_peak, l.live_bytes);
  }

  std::vector<bool> spilled(buffers.size(), false), pinned(buffers.size(), false);
  for (std::size_t i = 0; i < buffers.size(); ++i) {
    TensorPlacement& t = *entry[i];
    pinned[i] = g.tensor(t.tensor).is_variable;  // state persists across inferences
    auto ov = o.overrides.find(t.name);
    if (ov == o.overrides.end()) continue;
    t.location = ov->second;
    t.reason = std::string("override: ") + location_name(ov->second) + " by request";
    spilled[i] = ov->second != Location::Sram;
    pinned[i] = !spilled[i];
    if (ov->second == Location::Flash) tot.flash_used += t.bytes;  // checked by the caller
  }

  ArenaPlan plan;
  std::vector<std::size_t> resident;
  for (std::size_t round = 0;; ++round) {
    resident.clear();
    std::vector<Buffer> rb;
    for (std::size_t i = 0; i < buffers.size(); ++i)
      if (!spilled[i]) resident.push_back(i), rb.push_back(buffers[i]);
    const auto live = live_bytes_per_step(rb, steps);
    int s = 0;
    for (int k = 1; k < steps; ++k)
      if (live[static_cast<std::size_t>(k)] > live[static_cast<std::size_t>(s)]) s = k;
    const std::int64_t peak = steps > 0 ? live[static_cast<std::size_t>(s)] : 0;
    std::int64_t excess = peak - budget;
    const bool fragmented = excess <= 0;
    if (fragmented || !allow_spill) {
      plan = plan_tight(rb, o.alignment);
      if (plan.arena_bytes <= budget || !allow_spill) break;
      excess = plan.arena_bytes - budget;
    }
    const int op = p.order[static_cast<std::size_t>(s)];
    const std::string where = "op " + std::to_string(op) + " '" +
                              g.ops[static_cast<std::size_t>(op)].name + "'";
    int pick = -1;
    for (std::size_t i : resident) {
      const Buffer& c = buffers[i];
      if (pinned[i] || c.bytes == 0 || c.first > s || c.last < s) continue;
      const std::int64_t pb = pick < 0 ? 0 : buffers[static_cast<std::size_t>(pick)].bytes;
      const bool covers = c.bytes >= excess, pick_covers = pick >= 0 && pb >= excess;
      if (pick < 0 || (covers && (!pick_covers || c.bytes < pb)) ||
          (!covers && !pick_covers && c.bytes > pb))
        pick = static_cast<int>(i);
    }
    if (pick < 0 || (!b.has_sd && static_cast<std::int64_t>(b.flash_bytes) - tot.flash_used <
                                       buffers[static_cast<std::size_t>(pick)].bytes))
      tot.arena_bytes = plan_tight(rb, o.alignment).arena_bytes;  // for the failure report
    if (pick < 0)
      return "activations at " + where + " need " + commas(peak) + " B of a " + commas(budget) +
             " B SRAM budget and none of them can be spilled";
    const std::size_t c = static_cast<std::size_t>(pick);
    const std::int64_t room = static_cast<std::int64_t>(b.flash_bytes) - tot.flash_used;
    if (!b.has_sd && room < buffers[c].bytes)
      return "activations at " + where + " need " + commas(peak) + " B of a " + commas(budget) +
             " B SRAM budget; no SD card and " + commas(room) + " B flash left to spill to";
    spilled[c] = true;
    TensorPlacement& t = *entry[c];
    t.location = b.has_sd ? Location::Sd : Location::Flash;
    if (t.location == Location::Flash) tot.flash_used += t.bytes;
    t.reason = std::string("spilled to ") + location_name(t.location) + ": " +
               (fragmented ? "arena packs to " + commas(plan.arena_bytes) + " B"
                           : "live set at " + where + " is " + commas(peak) + " B") +
               " > " + commas(budget) + " B SRAM budget; " +
               (t.bytes >= excess ? "smallest tensor there covering" : "largest tensor there (short of)") +
               " the " + commas(excess) + " B excess";
  }

  // Offsets and reasons of the SRAM-resident activations, spill traffic per layer.
  tot.arena_bytes = plan.arena_bytes;
  for (std::size_t k = 0; k < resident.size(); ++k) {
    TensorPlacement& t = *entry[resident[k]];
    t.location = Location::Sram;
    t.arena_offset = plan.offsets[k];
    if (t.reason.empty())
      t.reason = "in the SRAM arena at offset " + commas(t.arena_offset) + " (arena " +
                 commas(plan.arena_bytes) + " B of a " + commas(budget) + " B budget)";
  }
  const TensorUses u = tensor_uses(g);
  for (std::size_t i = 0; i < buffers.size(); ++i) {
    if (!spilled[i]) continue;
    TensorPlacement& t = *entry[i];
    t.spilled = true;
    ++tot.spilled_tensors;
    (t.location == Location::Sd ? tot.spill_sd : tot.spill_flash) += t.bytes;
    const auto ti = static_cast<std::size_t>(t.tensor);
    if (u.producer[ti] >= 0) {
      LayerPlacement& l = p.layers[static_cast<std::size_t>(u.producer[ti])];
      l.spill_write_bytes += t.bytes;
      l.spill_write_location = t.location;
      tot.spill_write_bytes += t.bytes;
    }
    for (int c : u.consumers[ti]) {
      LayerPlacement& l = p.layers[static_cast<std::size_t>(c)];
      l.spill_read_bytes += t.bytes;
      l.spill_read_location = t.location;
      tot.spill_read_bytes += t.bytes;
    }
  }
  return "";
}

}  // namespace mcusim::wl::placement_detail
