#pragma once
// SRAM parameters, decoded from the top-level YAML section `sram:`:
//   sram:
//     bus_width: 4B                 # bytes per beat (one core clock each)
//     read_energy_per_byte: 0pJ     # dynamic energy above the MCU run power
//     write_energy_per_byte: 0pJ
//     regions:
//       - {name: dtcm, base: 0x20000000, size: 128KiB, wait_states: 0}
//       - {name: sram1, base: 0x20020000, size: 368KiB, wait_states: 0,
//          read_energy_per_byte: 1pJ}   # optional per-region override
// Regions must have non-zero size, distinct names and must not overlap.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "devices/device.hpp"
#include "sim/config/section.hpp"

namespace mcusim::dev {

struct SramRegion {
  std::string name;
  std::uint64_t base = 0;
  std::uint64_t size = 0;
  unsigned wait_states = 0;
  double read_energy_per_byte_j = 0;
  double write_energy_per_byte_j = 0;
  std::uint64_t end() const { return base + size; }  // exclusive
};

struct SramParams {
  std::uint64_t bus_bytes = 4;
  std::vector<SramRegion> regions;  // sorted by base after validate_sram()
};

// Throws InputError on zero size, overlap, duplicate names, bad bus width.
void validate_sram(SramParams& p);
SramParams decode_sram(cfg::Section s);
std::unique_ptr<MemoryModel> make_sram(const SramParams& p, double hclk_hz);

}  // namespace mcusim::dev
