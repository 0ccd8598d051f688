#pragma once
// SRAM timing/energy: an access of B bytes starting at A touches
// W = (last bus word - first bus word + 1) bus-width words ("beats"), each costing
// (1 + wait_states) core (HCLK) cycles; energy is B x the region's per-byte energy.
// An access spanning two adjacent regions is split at the boundary; any byte outside
// all regions is an InputError naming the address.
#include <cstdint>
#include <vector>

#include "devices/sram/sram_params.hpp"

namespace mcusim::dev {

class SramModel : public MemoryModel {
 public:
  SramModel(SramParams p, double hclk_hz);
  std::string name() const override { return "sram"; }
  Cost read(std::uint64_t addr, std::uint64_t bytes, ps_t now) override;
  Cost write(std::uint64_t addr, std::uint64_t bytes, ps_t now) override;
  // Each re-read beat costs the region's wait states (its base cycle is the core's load,
  // already in the kernel's instruction count): 0 on a 0-WS region.
  Cost reread(std::uint64_t addr, std::uint64_t bytes, std::uint64_t tiles, std::uint64_t passes,
              ps_t now) override;
  Stats stats() const override;
  void describe(std::ostream& os) const override;
  const SramParams& params() const { return p_; }

 private:
  std::size_t region_of(std::uint64_t addr) const;  // regions.size() if none holds addr
  struct Counters {
    std::uint64_t reads = 0, writes = 0, bytes_read = 0, bytes_written = 0, cycles = 0;
  };
  Cost access(std::uint64_t addr, std::uint64_t bytes, ps_t now, bool is_write);
  SramParams p_;
  double hclk_hz_;
  std::vector<Counters> per_region_;
};

}  // namespace mcusim::dev
