#include "sim/run/lowering.hpp"

#include <algorithm>

namespace mcusim {

const char* location_name(Location l) {
  switch (l) {
    case Location::Sram: return "sram";
    case Location::Flash: return "flash";
    case Location::Sd: return "sd";
  }
  return "?";
}

namespace {

void burst(std::vector<Step>& steps, Step::Kind kind, std::uint64_t addr, std::uint64_t bytes,
           std::uint64_t burst_bytes, bool overlap = false) {
  for (std::uint64_t off = 0; off < bytes; off += burst_bytes) {
    Step s;
    s.kind = kind;
    s.overlap = overlap;
    s.addr = addr + off;
    s.bytes = std::min(burst_bytes, bytes - off);
    steps.push_back(s);
  }
}

}  // namespace

LayerWork lower_layer(const wl::LayerMetrics& m, const LayerPlan& plan, std::uint64_t cycles,
                      const AddressMap& map, std::uint64_t burst_bytes,
                      std::uint64_t sd_chunk_bytes, const WeightReuse& reuse,
                      bool overlap_weights) {
  LayerWork w;
  w.index = m.index;
  w.name = m.name;
  auto& st = w.steps;
  // One µSD transaction = one block-driver call of sd_chunk_bytes (whole 512-byte
  // blocks), identical in burst and access fidelity.
  const std::uint64_t sd_burst = std::max<std::uint64_t>(512, sd_chunk_bytes / 512 * 512);
  auto gran = [&](Location l) { return l == Location::Sd ? sd_burst : burst_bytes; };
  // Read back a spilled input first (it is the layer's input).
  if (plan.spill_read_bytes > 0) {
    burst(st, Step::Kind::Read, plan.spill_read_addr, plan.spill_read_bytes,
          gran(plan.spill_read_location));
    burst(st, Step::Kind::Write, plan.input_addr, plan.spill_read_bytes, burst_bytes);
  }
  // Constants: streamed from where they live. SD chunks are copied into the SRAM
  // staging buffer by the block driver before the kernel reads them from there.
  for (Location loc : {Location::Sram, Location::Flash, Location::Sd}) {
    const auto i = static_cast<std::size_t>(loc);
    const std::uint64_t bytes = plan.const_bytes[i];
    if (loc != Location::Sd) {  // memory-mapped: the kernel's own loads
      burst(st, Step::Kind::Read, plan.const_addr[i], bytes, burst_bytes, overlap_weights);
      continue;
    }
    for (std::uint64_t off = 0; off < bytes; off += sd_burst) {
      const std::uint64_t n = std::min(sd_burst, bytes - off);
      burst(st, Step::Kind::Read, plan.const_addr[i] + off, n, sd_burst);
      burst(st, Step::Kind::Write, map.staging_addr, n, burst_bytes);
      burst(st, Step::Kind::Read, map.staging_addr, n, burst_bytes);
    }
  }
  // Activations in the SRAM arena.
  burst(st, Step::Kind::Read, plan.input_addr, static_cast<std::uint64_t>(m.input_bytes),
        burst_bytes);
  // The kernel's later passes over its weights, where they lie memory-mapped in full.
  if (reuse.passes > 0 && reuse.tiles > 0)
    for (Location loc : {Location::Flash, Location::Sram}) {
      const auto i = static_cast<std::size_t>(loc);
      if (plan.const_bytes[i] < reuse.tile_bytes * reuse.tiles) continue;
      Step r;
      r.kind = Step::Kind::Reread;
      r.addr = plan.const_addr[i];
      r.bytes = reuse.tile_bytes;
      r.tiles = reuse.tiles;
      r.passes = reuse.passes;
      r.overlap = overlap_weights;
      st.push_back(r);
      break;
    }
  Step c;
  c.kind = Step::Kind::Compute;
  c.cycles = cycles;
  st.push_back(c);
  burst(st, Step::Kind::Write, plan.output_addr, static_cast<std::uint64_t>(m.output_bytes),
        burst_bytes);
  if (plan.spill_write_bytes > 0)
    burst(st, Step::Kind::Write, plan.spill_write_addr, plan.spill_write_bytes,
          gran(plan.spill_write_location));
  return w;
}

}  // namespace mcusim
