#include "sim/run/devices.hpp"

#include <algorithm>

#include "devices/adapters.hpp"
#include "devices/nor_flash/nor_flash_params.hpp"
#include "devices/sd_card/sd_card_params.hpp"
#include "devices/sram/sram_params.hpp"
#include "sim/config/section.hpp"
#include "sim/core/error.hpp"
#include "sim/run/plan.hpp"

namespace mcusim {

namespace {

// The arena goes into the largest run of address-contiguous SRAM regions
// (F767: DTCM + SRAM1 + SRAM2 = 512 KiB at 0x20000000; F429: SRAM1-3 = 192 KiB,
// not the CCM at 0x10000000).
std::pair<std::uint64_t, std::uint64_t> largest_contiguous(const dev::SramParams& p) {
  std::uint64_t best_base = 0, best = 0, run_base = 0, run = 0, run_end = 0;
  for (const auto& r : p.regions) {  // sorted by base by validate_sram
    if (run > 0 && r.base == run_end) {
      run += r.size;
    } else {
      run_base = r.base;
      run = r.size;
    }
    run_end = r.base + r.size;
    if (run > best) {
      best = run;
      best_base = run_base;
    }
  }
  return {best_base, best};
}

double bus_clock(const BoardInfo& b, const std::string& bus) {
  // Mbed's clock trees (hardware.md §1): APB1 = APB2 / 2 on the F2/F4/F7 presets;
  // the F0 has a single APB at sysclk.
  if (bus == "apb2" || bus == "apb") return b.apb2_hz;
  return b.apb2_hz / 2;
}

}  // namespace

DeviceSet build_devices(const cfg::Tree& tree, const BoardInfo& board) {
  auto root = cfg::Section::root(tree);
  DeviceSet d;
  auto sram = dev::decode_sram(root.section("sram"));
  const auto [base, bytes] = largest_contiguous(sram);
  d.sram_base = base;
  d.sram_bytes = bytes;
  d.sram = std::make_unique<dev::WrapModel>(dev::make_sram(sram, board.sysclk_hz), base, bytes);

  auto flash = dev::decode_flash(root.section("flash"), board.sysclk_hz);
  d.flash_base = flash.base;
  d.flash_bytes = flash.size;
  d.flash = std::make_unique<dev::WrapModel>(dev::make_flash(flash, board.sysclk_hz), flash.base,
                                             flash.size);

  auto sd_sec = root.section("sd");
  const std::string bus = sd_sec.has("bus") ? sd_sec.string("bus") : "apb2";
  auto sd = dev::decode_sd(root.section("sd"), root.section("card"), bus_clock(board, bus),
                           board.sysclk_hz);
  d.sd_bytes = sd.card.capacity;
  d.sd_requested_hz = sd.link.requested_hz;
  d.sd_actual_hz = sd.clock.actual_hz;
  d.sd = std::make_unique<dev::OffsetModel>(dev::make_sd(sd), kSdWindowBase);
  return d;
}

}  // namespace mcusim
