#include "sim/run/plan.hpp"

#include <map>

#include "sim/core/error.hpp"
#include "workloads/planner/arena.hpp"
#include "workloads/planner/lifetimes.hpp"

namespace mcusim {
namespace {

// TFLM's MicroAllocator aligns arena buffers to 16 bytes before planning.
constexpr std::int64_t kArenaAlignment = 16;

std::string kib(std::uint64_t b) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(b));
  return buf;
}

}  // namespace

ModelPlan plan_model(const wl::Graph& g, const std::vector<wl::LayerMetrics>& layers,
                     const BoardInfo& board, const PlacementParams& placement,
                     const DeviceSet& dev) {
  ModelPlan p;
  std::vector<int> order(g.ops.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  const auto buffers = wl::compute_lifetimes(g, order);
  const auto arena = wl::plan_greedy_by_size(buffers, kArenaAlignment);
  std::map<int, std::int64_t> offset;
  for (std::size_t i = 0; i < buffers.size(); ++i) offset[buffers[i].tensor] = arena.offsets[i];
  p.peak_sram_bytes = arena.arena_bytes;

  std::uint64_t const_bytes = 0;
  for (const auto& l : layers) const_bytes += static_cast<std::uint64_t>(l.weight_bytes + l.bias_bytes);

  // Where the weights go (one location for the whole model in this version).
  Location wloc = Location::Flash;
  const std::uint64_t flash_free =
      dev.flash_bytes > board.firmware_bytes ? dev.flash_bytes - board.firmware_bytes : 0;
  std::string why;
  if (placement.policy == "weights-sd") {
    wloc = Location::Sd;
    why = "weights on the SD card (policy weights-sd)";
  } else if (placement.policy == "all-sram") {
    wloc = Location::Sram;
    why = "weights copied into SRAM (policy all-sram)";
  } else if (placement.policy == "weights-flash" || const_bytes <= flash_free) {
    wloc = Location::Flash;
    why = "weights in flash (" + kib(const_bytes) + " beside " + kib(board.firmware_bytes) +
          " of firmware in " + kib(dev.flash_bytes) + ")";
  } else {
    wloc = Location::Sd;
    why = "weights on the SD card (" + kib(const_bytes) + " do not fit the " + kib(flash_free) +
          " of flash beside the firmware)";
  }

  p.map.sram_base = dev.sram_base;
  p.map.flash_base = dev.flash_base;
  p.map.sd_base = 0x60000000ULL;
  // SD chunks are staged just above the arena.
  p.map.staging_addr = dev.sram_base + static_cast<std::uint64_t>(arena.arena_bytes);

  std::uint64_t sram_need = static_cast<std::uint64_t>(arena.arena_bytes);
  if (wloc == Location::Sd) sram_need += 4096;  // staging buffer
  if (wloc == Location::Sram) sram_need += const_bytes;
  const bool flash_ok = wloc != Location::Flash || const_bytes <= flash_free;
  const bool sram_ok = sram_need <= dev.sram_bytes;
  p.fits = flash_ok && sram_ok;
  p.fits_reason = why + "; arena " + kib(static_cast<std::uint64_t>(arena.arena_bytes)) +
                  (sram_ok ? " fits " : " exceeds ") + kib(dev.sram_bytes) + " of SRAM";
  if (!flash_ok) p.fits_reason += "; weights exceed free flash";

  std::uint64_t woff = 0;
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const auto& op = g.ops[i];
    LayerPlan lp;
    lp.weights = wloc;
    switch (wloc) {
      case Location::Flash: lp.weight_addr = dev.flash_base + board.firmware_bytes + woff; break;
      case Location::Sd: lp.weight_addr = p.map.sd_base + woff; break;
      case Location::Sram: lp.weight_addr = p.map.staging_addr + woff; break;
    }
    woff += static_cast<std::uint64_t>(layers[i].weight_bytes + layers[i].bias_bytes);
    for (int t : op.inputs)
      if (t >= 0 && !g.tensor(t).is_const && offset.count(t)) {
        lp.input_addr = dev.sram_base + static_cast<std::uint64_t>(offset[t]);
        break;
      }
    if (!op.outputs.empty() && offset.count(op.outputs[0]))
      lp.output_addr = dev.sram_base + static_cast<std::uint64_t>(offset[op.outputs[0]]);
    p.layers.push_back(lp);
  }
  return p;
}

}  // namespace mcusim
