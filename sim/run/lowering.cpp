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
           std::uint64_t burst_bytes) {
  for (std::uint64_t off = 0; off < bytes; off += burst_bytes) {
    Step s;
    s.kind = kind;
    s.addr = addr + off;
    s.bytes = std::min(burst_bytes, bytes - off);
    steps.push_back(s);
  }
}

}  // namespace

LayerWork lower_layer(const wl::LayerMetrics& m, const LayerPlan& plan, std::uint64_t cycles,
                      const AddressMap& map, std::uint64_t burst_bytes) {
  LayerWork w;
  w.index = m.index;
  w.name = m.name;
  auto& st = w.steps;
  const auto wbytes = static_cast<std::uint64_t>(m.weight_bytes + m.bias_bytes);
  // Read back a spilled input first (it is the layer's input).
  if (plan.spill_read_bytes > 0) {
    burst(st, Step::Kind::Read, plan.spill_read_addr, plan.spill_read_bytes, burst_bytes);
    burst(st, Step::Kind::Write, plan.input_addr, plan.spill_read_bytes, burst_bytes);
  }
  // Weights: streamed from where they live. SD chunks are copied into SRAM by the
  // block driver before the kernel reads them from there.
  if (wbytes > 0) {
    const std::uint64_t chunk = plan.weights == Location::Sd ? std::max<std::uint64_t>(512, burst_bytes) : burst_bytes;
    for (std::uint64_t off = 0; off < wbytes; off += chunk) {
      const std::uint64_t n = std::min(chunk, wbytes - off);
      burst(st, Step::Kind::Read, plan.weight_addr + off, n, burst_bytes);
      if (plan.weights == Location::Sd) {
        burst(st, Step::Kind::Write, map.staging_addr, n, burst_bytes);
        burst(st, Step::Kind::Read, map.staging_addr, n, burst_bytes);
      }
    }
  }
  // Activations in the SRAM arena.
  burst(st, Step::Kind::Read, plan.input_addr, static_cast<std::uint64_t>(m.input_bytes),
        burst_bytes);
  Step c;
  c.kind = Step::Kind::Compute;
  c.cycles = cycles;
  st.push_back(c);
  burst(st, Step::Kind::Write, plan.output_addr, static_cast<std::uint64_t>(m.output_bytes),
        burst_bytes);
  if (plan.spill_write_bytes > 0)
    burst(st, Step::Kind::Write, plan.spill_write_addr, plan.spill_write_bytes, burst_bytes);
  return w;
}

}  // namespace mcusim
