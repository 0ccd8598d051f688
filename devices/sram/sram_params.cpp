#include "devices/sram/sram_params.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <set>

#include "sim/core/error.hpp"
#include "sim/core/units.hpp"

namespace mcusim::dev {

void validate_sram(SramParams& p) {
  if (p.bus_bytes == 0) throw InputError("sram: bus_width must be positive");
  if (p.regions.empty()) throw InputError("sram: at least one region is required");
  std::set<std::string> names;
  for (const auto& r : p.regions) {
    if (r.size == 0) throw InputError("sram: region '" + r.name + "' has zero size");
    if (!names.insert(r.name).second)
      throw InputError("sram: duplicate region name '" + r.name + "'");
    if (r.base + r.size < r.base) throw InputError("sram: region '" + r.name + "' wraps around");
  }
  std::sort(p.regions.begin(), p.regions.end(),
            [](const SramRegion& a, const SramRegion& b) { return a.base < b.base; });
  for (std::size_t i = 1; i < p.regions.size(); ++i) {
    const auto& a = p.regions[i - 1];
    const auto& b = p.regions[i];
    if (b.base < a.end())
      throw InputError("sram: region '" + b.name + "' at " + format_address(b.base) + " overlaps '" +
                       a.name + "' [" + format_address(a.base) + ", " + format_address(a.end()) + ")");
  }
}

SramParams decode_sram(cfg::Section s) {
  SramParams p;
  p.bus_bytes = s.bytes_or("bus_width", 4);
  const double er = s.quantity_nonneg_or("read_energy_per_byte", Dim::Energy, 0.0);
  const double ew = s.quantity_nonneg_or("write_energy_per_byte", Dim::Energy, 0.0);
  for (auto& r : s.section_list("regions")) {
    SramRegion reg;
    reg.name = r.string("name");
    reg.base = static_cast<std::uint64_t>(
        r.integer("base", 0, std::numeric_limits<std::int64_t>::max()));
    // Zero size is rejected by bytes() ("must be positive").
    reg.size = r.bytes("size");
    reg.wait_states = static_cast<unsigned>(r.integer_or("wait_states", 0, 15, 0));
    reg.read_energy_per_byte_j = r.quantity_nonneg_or("read_energy_per_byte", Dim::Energy, er);
    reg.write_energy_per_byte_j = r.quantity_nonneg_or("write_energy_per_byte", Dim::Energy, ew);
    r.finish();
    p.regions.push_back(reg);
  }
  s.finish();
  try {
    validate_sram(p);
  } catch (const InputError& e) {
    s.fail("regions", e.what());
  }
  return p;
}

}  // namespace mcusim::dev
