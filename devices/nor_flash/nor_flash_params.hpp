#pragma once
// On-chip NOR flash parameters, decoded from the top-level YAML section `flash:`
// (see configs/boards/_devices_*.example.yaml for commented per-board values):
//   flash:
//     family: f7                  # f7|f4|f2|f0: wait-state table (hardware.md §1)
//     base: 0x08000000
//     size: 2MiB
//     sectors: [{count: 4, size: 32KiB}, {count: 1, size: 128KiB}, {count: 7, size: 256KiB}]
//     wait_states: 7              # optional: overrides the family table
//     bus_width: 16B              # flash read width (128-bit line, RM0090 §3)
//     cache: {line: 32B, size: 16KiB, ways: 4}   # or `cache: none`
//     program_parallelism: x32    # x8|x16|x32 (PSIZE)
//     program_time_per_word: 16us
//     sector_erase_times:         # one entry per sector size; the column of the
//       - {size: 16KiB, x8: 400ms, x16: 300ms, x32: 250ms}   # parallelism is used,
//       - {size: 2KiB, time: 40ms}                           # else `time`
//     program_erase_current: 12mA
//     vdd: 3.3V
//     read_energy_per_byte: 488.28125pJ   # per byte fetched from the array
//     endurance_cycles: 10000
//     on_program_error: record    # record|throw (programming a non-erased location)
//     write_policy: erase_if_needed   # erase_if_needed|program_only (MemoryModel::write)
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "devices/device.hpp"
#include "sim/config/section.hpp"

namespace mcusim::dev {

struct FlashCacheParams {
  std::uint64_t line_bytes = 0;  // 0 = no cache
  std::uint64_t size_bytes = 0;
  unsigned ways = 1;
  bool enabled() const { return size_bytes > 0; }
};

struct FlashEraseTime {
  std::uint64_t sector_bytes = 0;
  double seconds = 0;
};

enum class FlashWritePolicy { EraseIfNeeded, ProgramOnly };

struct FlashParams {
  std::string family = "f7";
  std::uint64_t base = 0x08000000;
  std::uint64_t size = 0;
  std::vector<std::uint64_t> sectors;  // sector sizes in address order
  std::string bank_mode;               // "single"/"dual" where the part has a bank option byte
  unsigned wait_states = 0;
  bool wait_states_override = false;
  std::uint64_t bus_bytes = 16;   // bytes per flash read beat
  std::uint64_t core_bytes = 4;   // bytes per core load beat on a cache hit
  FlashCacheParams cache;
  unsigned psize_bytes = 4;       // x8=1, x16=2, x32=4
  double t_prog_s = 16e-6;
  std::vector<FlashEraseTime> erase_times;
  double pe_current_a = 12e-3;
  double vdd_v = 3.3;
  double read_energy_per_byte_j = 0;
  std::uint64_t endurance_cycles = 10000;
  bool throw_on_program_error = false;
  FlashWritePolicy write_policy = FlashWritePolicy::EraseIfNeeded;
};

// Wait states for HCLK on VDD 2.7-3.6 V from the ST LL tables (hardware.md §1):
// the smallest WS whose maximum frequency is >= hclk. Throws InputError above the
// family's maximum or for an unknown family.
unsigned flash_wait_states(const std::string& family, double hclk_hz);
// Validates sizes, sector sum, erase-time coverage, cache geometry.
void validate_flash(const FlashParams& p);
FlashParams decode_flash(cfg::Section s, double hclk_hz);
std::unique_ptr<MemoryModel> make_flash(const FlashParams& p, double hclk_hz);

}  // namespace mcusim::dev
