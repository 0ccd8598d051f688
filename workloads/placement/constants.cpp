// Stage 1 of placement: where the constant tensors (weights, biases) live.
#include <algorithm>

#include "workloads/placement/internal.hpp"

namespace mcusim::wl::placement_detail {

std::string place_constants(const Graph& g, const PlacementBoard& b, const PlacementOptions& o,
                            Placement& p) {
  (void)g;
  const auto flash = static_cast<std::int64_t>(b.flash_bytes);
  const auto fw = static_cast<std::int64_t>(b.firmware_bytes);
  const std::int64_t free_flash = std::max<std::int64_t>(0, flash - fw);
  const std::string beside = " beside the " + commas(fw) + " B firmware in " +
                             size_text(b.flash_bytes) + " flash (" + commas(free_flash) +
                             " B free)";
  std::vector<TensorPlacement*> todo;  // constants the policy decides (no override)
  std::int64_t total = 0;
  for (auto& t : p.tensors) {
    if (!t.is_const) continue;
    auto ov = o.overrides.find(t.name);
    if (ov != o.overrides.end()) {
      t.location = ov->second;
      t.reason = std::string("override: ") + location_name(ov->second) + " by request";
      continue;
    }
    todo.push_back(&t);
    total += t.bytes;
  }
  auto set_all = [&](Location l, const std::string& why) {
    for (auto* t : todo) t->location = l, t->reason = why;
  };
  std::string err;
  switch (o.policy) {
    case PlacementPolicy::AllSram:
      set_all(Location::Sram, "all-sram: constants copied to SRAM (" + commas(total) + " B)");
      break;
    case PlacementPolicy::WeightsFlash:
      set_all(Location::Flash, "weights-flash: constants in flash (" + commas(total) + " B)");
      break;
    case PlacementPolicy::WeightsSd:
      set_all(Location::Sd, "weights-sd: constants on SD (" + commas(total) + " B)");
      break;
    case PlacementPolicy::Auto:
      if (total <= free_flash || !b.has_sd) {
        // Without an SD card flash is the only place; the capacity check below fails.
        set_all(Location::Flash, "constants in flash: " + commas(total) + " B " +
                                     (total <= free_flash ? "fit" : "do not fit") + beside +
                                     (total <= free_flash ? "" : ", no SD card"));
        break;
      }
      {
        // Largest first to SD until the rest fits in flash. Once the rest fits, every
        // moved tensor is larger than the flash left over, so no refill pass can help.
        std::vector<TensorPlacement*> by_size = todo;
        std::stable_sort(by_size.begin(), by_size.end(),
                         [](const TensorPlacement* x, const TensorPlacement* y) {
                           return x->bytes > y->bytes;
                         });
        std::int64_t rest = total;
        std::size_t moved = 0;
        while (rest > free_flash && moved < by_size.size()) rest -= by_size[moved++]->bytes;
        for (std::size_t i = 0; i < by_size.size(); ++i) {
          TensorPlacement* t = by_size[i];
          if (i < moved) {
            t->location = Location::Sd;
            t->reason = "on SD: constants " + commas(total) + " B do not fit" + beside +
                        "; largest first to SD, #" + std::to_string(i + 1) + " of " +
                        std::to_string(moved);
          } else {
            t->location = Location::Flash;
            t->reason = "in flash: the " + commas(rest) + " B of constants left after " +
                        std::to_string(moved) + " largest went to SD fit" + beside;
          }
        }
      }
      break;
  }
  PlacementTotals& tot = p.totals;
  for (const auto& t : p.tensors) {
    if (!t.is_const) continue;
    if (t.location == Location::Sram) tot.const_sram += t.bytes;
    if (t.location == Location::Flash) tot.const_flash += t.bytes;
    if (t.location == Location::Sd) tot.const_sd += t.bytes;
  }
  tot.flash_used = fw + tot.const_flash;
  if (fw > flash) return "firmware " + commas(fw) + " B exceeds " + size_text(b.flash_bytes) + " flash";
  if (tot.const_flash > free_flash)
    return "constants in flash " + commas(tot.const_flash) + " B do not fit" + beside +
           (b.has_sd ? "" : ", no SD card");
  if (tot.const_sd > 0 && !b.has_sd)
    return "constants on SD " + commas(tot.const_sd) + " B but the board has no SD card";
  if (tot.const_sram > static_cast<std::int64_t>(b.sram_bytes))
    return "constants in SRAM " + commas(tot.const_sram) + " B exceed " +
           size_text(b.sram_bytes) + " SRAM";
  return "";
}

}  // namespace mcusim::wl::placement_detail
