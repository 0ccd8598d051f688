// Names, parsing and number formatting for placement (kept apart from the decisions).
#include <algorithm>
#include <cctype>

#include "sim/core/error.hpp"
#include "workloads/placement/internal.hpp"

namespace mcusim::wl {

const char* location_name(Location l) {
  switch (l) {
    case Location::Sram: return "SRAM";
    case Location::Flash: return "FLASH";
    case Location::Sd: return "SD";
  }
  return "?";
}

static std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

Location parse_location(const std::string& s) {
  const std::string l = lower(s);
  if (l == "sram") return Location::Sram;
  if (l == "flash") return Location::Flash;
  if (l == "sd") return Location::Sd;
  throw InputError("unknown tensor location '" + s + "' (expected SRAM, FLASH or SD)");
}

const char* policy_name(PlacementPolicy p) {
  switch (p) {
    case PlacementPolicy::Auto: return "auto";
    case PlacementPolicy::AllSram: return "all-sram";
    case PlacementPolicy::WeightsFlash: return "weights-flash";
    case PlacementPolicy::WeightsSd: return "weights-sd";
  }
  return "?";
}

PlacementPolicy parse_placement_policy(const std::string& s) {
  for (PlacementPolicy p : {PlacementPolicy::Auto, PlacementPolicy::AllSram,
                            PlacementPolicy::WeightsFlash, PlacementPolicy::WeightsSd})
    if (s == policy_name(p)) return p;
  throw InputError("unknown placement policy '" + s +
                   "' (expected auto, all-sram, weights-flash or weights-sd)");
}

const TensorPlacement* Placement::find(const std::string& name) const {
  for (const auto& t : tensors)
    if (t.name == name) return &t;
  return nullptr;
}

namespace placement_detail {

std::string size_text(std::uint64_t v) {
  if (v > 0 && v % (1024 * 1024) == 0) return std::to_string(v / (1024 * 1024)) + " MiB";
  if (v > 0 && v % 1024 == 0) return std::to_string(v / 1024) + " KiB";
  return commas(static_cast<std::int64_t>(v)) + " B";
}

}  // namespace placement_detail
}  // namespace mcusim::wl
