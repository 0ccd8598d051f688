#include "sim/deploy/analysis.hpp"

#include "devices/nor_flash/nor_flash_params.hpp"
#include "sim/config/section.hpp"
#include "sim/run/devices.hpp"
#include "workloads/tflite/import.hpp"
#include "workloads/zoo/zoo.hpp"

namespace mcusim::deploy {

namespace {
// TFLM's MicroAllocator alignment, as sim/run/plan.cpp.
constexpr std::int64_t kArenaAlignment = 16;
}  // namespace

ModelStatic analyze_model(const std::string& spec) {
  ModelStatic m;
  m.spec = spec;
  m.graph = spec.rfind("zoo:", 0) == 0 ? wl::build_zoo(spec.substr(4)) : wl::load_tflite(spec);
  m.metrics = wl::analyze_graph(m.graph);
  m.reorder = wl::reorder_for_min_peak(m.graph);
  return m;
}

BoardStatic analyze_board(const ModelStatic& m, const RunRequest& req) {
  Assembled a = assemble(req);
  DeviceSet dev = build_devices(a.tree, a.board);
  BoardStatic b;
  b.preset = req.board;
  b.name = a.board.name;
  b.mcu = a.board.mcu;
  b.core = a.board.core;
  b.policy = a.placement.policy;
  b.sysclk_hz = a.board.sysclk_hz;
  b.vdd_v = a.board.vdd_v;
  b.sleep_current_a = a.power.sleep_current_a;
  b.sd_requested_hz = dev.sd_requested_hz;
  b.sram_bytes = dev.sram_bytes;
  b.flash_bytes = dev.flash_bytes;
  b.firmware_bytes = a.board.firmware_bytes;
  const auto flash = dev::decode_flash(cfg::Section::root(a.tree).section("flash"),
                                       a.board.sysclk_hz);
  b.sectors = flash.sectors;
  b.endurance = flash.endurance_cycles;

  wl::PlacementBoard pb;
  pb.sram_bytes = dev.sram_bytes;
  pb.flash_bytes = dev.flash_bytes;
  pb.firmware_bytes = a.board.firmware_bytes;
  pb.has_sd = dev.sd != nullptr;
  wl::PlacementOptions opt;
  opt.policy = wl::parse_placement_policy(a.placement.policy);
  opt.alignment = kArenaAlignment;
  b.placement = wl::place_tensors(m.graph, pb, opt);

  for (const auto& l : m.metrics) b.weights_bytes += l.weight_bytes + l.bias_bytes;
  // As is: the same plan on a board with unlimited memories (nothing spilled or moved).
  wl::PlacementBoard big = pb;
  big.sram_bytes = big.flash_bytes = std::uint64_t{1} << 40;
  const auto asis = wl::place_tensors(m.graph, big, opt);
  b.arena_as_is = asis.totals.arena_bytes + asis.totals.const_sram;
  b.sram_fits_as_is = b.arena_as_is <= static_cast<std::int64_t>(b.sram_bytes);
  b.flash_fits_as_is = static_cast<std::int64_t>(b.firmware_bytes) + b.weights_bytes <=
                       static_cast<std::int64_t>(b.flash_bytes);

  b.reorder_helps = m.reorder.peak_bytes < m.reorder.default_peak_bytes;
  if (b.reorder_helps) {
    wl::PlacementOptions ro = opt;
    ro.order = m.reorder.order;
    const auto rp = wl::place_tensors(m.graph, pb, ro);
    b.reordered = rp.totals;
    b.reordered_fits = rp.fits;
    b.reordered_reason = rp.reason;
  }

  std::vector<std::uint64_t> spills;
  for (const auto& l : b.placement.layers)
    if (l.spill_write_bytes > 0 && l.spill_write_location == wl::Location::Flash)
      spills.push_back(static_cast<std::uint64_t>(l.spill_write_bytes));
  b.wear = flash_wear(b.firmware_bytes + static_cast<std::uint64_t>(b.placement.totals.const_flash),
                      spills, b.sectors, b.endurance);
  return b;
}

}  // namespace mcusim::deploy
