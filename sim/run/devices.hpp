#pragma once
// Builds the board's memory devices from the config sections sram, flash, sd, card.
#include <cstdint>
#include <memory>
#include <string>

#include "devices/device.hpp"
#include "sim/config/tree.hpp"
#include "sim/run/run_config.hpp"

namespace mcusim {

struct DeviceSet {
  std::unique_ptr<dev::MemoryModel> sram, flash, sd;
  std::uint64_t sram_base = 0, sram_bytes = 0;    // the contiguous arena region
  std::uint64_t flash_base = 0, flash_bytes = 0;
  std::uint64_t sd_bytes = 0;
  double sd_requested_hz = 0, sd_actual_hz = 0;
};

DeviceSet build_devices(const cfg::Tree& tree, const BoardInfo& board);

}  // namespace mcusim
