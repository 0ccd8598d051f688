#include "sim/run/plan.hpp"

#include <map>

#include "sim/core/error.hpp"
#include "workloads/placement/placement.hpp"

namespace mcusim {
namespace {

// TFLM's MicroAllocator aligns arena buffers to 16 bytes before planning.
constexpr std::int64_t kArenaAlignment = 16;
// SD blocks are staged in an SRAM buffer of one burst (sim.burst_bytes).

Location to_loc(wl::Location l) {
  switch (l) {
    case wl::Location::Sram: return Location::Sram;
    case wl::Location::Flash: return Location::Flash;
    case wl::Location::Sd: return Location::Sd;
  }
  return Location::Sram;
}

}  // namespace

ModelPlan plan_model(const wl::Graph& g, const std::vector<wl::LayerMetrics>& layers,
                     const BoardInfo& board, const PlacementParams& placement,
                     const DeviceSet& dev) {
  wl::PlacementBoard pb;
  pb.sram_bytes = dev.sram_bytes;
  pb.flash_bytes = dev.flash_bytes;
  pb.firmware_bytes = board.firmware_bytes;
  pb.has_sd = dev.sd != nullptr;
  wl::PlacementOptions opt;
  opt.policy = wl::parse_placement_policy(placement.policy);
  opt.alignment = kArenaAlignment;
  for (const auto& [name, loc] : placement.overrides) {
    // Names are checked against the graph by place_tensors (InputError if unknown).
    opt.overrides[name] = wl::parse_location(loc);
  }
  const wl::Placement pl = wl::place_tensors(g, pb, opt);

  ModelPlan p;
  p.peak_sram_bytes = pl.totals.arena_bytes;
  p.fits = pl.fits;
  p.fits_reason = pl.reason;
  p.map.sram_base = dev.sram_base;
  p.map.flash_base = dev.flash_base;
  p.map.sd_base = kSdWindowBase;
  p.map.staging_addr = dev.sram_base + static_cast<std::uint64_t>(pl.totals.arena_bytes);

  // Constants laid out back to back per location, in tensor order: flash after the
  // firmware, SD from card address 0, SRAM copies above the arena and staging buffer.
  std::map<int, std::uint64_t> const_addr;
  std::uint64_t next[3] = {p.map.staging_addr + 4096, dev.flash_base + board.firmware_bytes,
                           kSdWindowBase};
  std::map<int, Location> where;
  for (const auto& t : pl.tensors) {
    if (!t.is_const) continue;
    const Location l = to_loc(t.location);
    const auto i = static_cast<std::size_t>(l);
    const_addr[t.tensor] = next[i];
    where[t.tensor] = l;
    next[i] += static_cast<std::uint64_t>(t.bytes);
  }
  std::map<int, std::int64_t> offset;
  std::map<int, Location> act_loc;
  for (const auto& t : pl.tensors) {
    if (t.is_const) continue;
    if (t.arena_offset >= 0) offset[t.tensor] = t.arena_offset;
    act_loc[t.tensor] = t.spilled ? to_loc(t.location) : Location::Sram;
  }
  std::uint64_t spill_next[3] = {0, next[1], next[2]};  // spills go after the constants

  std::map<int, std::uint64_t> spill_addr;
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const auto& op = g.ops[i];
    const auto& lp_in = pl.layers[i];
    LayerPlan lp;
    std::string wl;
    for (int t : op.inputs) {
      if (t < 0 || !g.tensor(t).is_const || !where.count(t)) continue;
      const auto li = static_cast<std::size_t>(where[t]);
      if (lp.const_bytes[li] == 0) lp.const_addr[li] = const_addr[t];
      lp.const_bytes[li] += static_cast<std::uint64_t>(g.tensor(t).bytes());
    }
    for (Location l : {Location::Flash, Location::Sd, Location::Sram})
      if (lp.const_bytes[static_cast<std::size_t>(l)] > 0)
        wl += (wl.empty() ? "" : "+") + std::string(location_name(l));
    lp.weight_location = wl.empty() ? "-" : wl;
    for (int t : op.inputs)
      if (t >= 0 && !g.tensor(t).is_const && offset.count(t)) {
        lp.input_addr = dev.sram_base + static_cast<std::uint64_t>(offset[t]);
        break;
      }
    if (!op.outputs.empty() && offset.count(op.outputs[0]))
      lp.output_addr = dev.sram_base + static_cast<std::uint64_t>(offset[op.outputs[0]]);
    else
      lp.output_addr = p.map.staging_addr;
    if (lp.input_addr == 0) lp.input_addr = p.map.staging_addr;
    // Spills (paper §3.1): outputs written off-SRAM after the layer, read back by consumers.
    if (lp_in.spill_write_bytes > 0) {
      lp.spill_write_bytes = static_cast<std::uint64_t>(lp_in.spill_write_bytes);
      lp.spill_write_location = to_loc(lp_in.spill_write_location);
      auto& nx = spill_next[static_cast<std::size_t>(lp.spill_write_location)];
      lp.spill_write_addr = nx;
      for (int t : op.outputs) spill_addr[t] = nx;
      nx += lp.spill_write_bytes;
    }
    if (lp_in.spill_read_bytes > 0) {
      lp.spill_read_bytes = static_cast<std::uint64_t>(lp_in.spill_read_bytes);
      lp.spill_read_location = to_loc(lp_in.spill_read_location);
      lp.spill_read_addr = kSdWindowBase;
      for (int t : op.inputs)
        if (t >= 0 && spill_addr.count(t)) {
          lp.spill_read_addr = spill_addr[t];
          break;
        }
    }
    p.layers.push_back(lp);
  }
  return p;
}

}  // namespace mcusim
