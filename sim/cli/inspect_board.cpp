// Board preset -> the four numbers placement needs. Only these keys are read, so the
// preset's other sections (power, engine, card) are left to the run's own decoders.
#include <algorithm>

#include "devices/sram/sram_params.hpp"
#include "sim/cli/inspect_report.hpp"
#include "sim/config/section.hpp"
#include "sim/config/tree.hpp"
#include "sim/run/paths.hpp"

namespace mcusim::cli {

wl::PlacementBoard placement_board_from_preset(const std::string& name_or_path) {
  cfg::Tree tree;
  tree.merge_file(preset_path("boards", name_or_path));
  auto root = cfg::Section::root(tree);
  wl::PlacementBoard b;
  // The arena needs one contiguous block (as sim/run/devices.cpp: F767 DTCM + SRAM1 +
  // SRAM2 = 512 KiB; the F429's CCM is not contiguous with SRAM1-3).
  const auto sram = dev::decode_sram(root.section("sram"));  // sorted by base
  std::uint64_t run = 0, run_end = 0;
  for (const auto& r : sram.regions) {
    run = (run > 0 && r.base == run_end) ? run + r.size : r.size;
    run_end = r.end();
    b.sram_bytes = std::max(b.sram_bytes, run);
  }
  b.flash_bytes = root.section("flash").bytes("size");
  b.firmware_bytes =
      root.section("board").bytes_nonneg("firmware");
  b.has_sd = root.has_section("sd");
  return b;
}

}  // namespace mcusim::cli
