#pragma once
// Shared by the placement stages; not part of the public API.
#include <cstdint>
#include <string>

#include "sim/core/units.hpp"
#include "workloads/placement/placement.hpp"

namespace mcusim::wl::placement_detail {

using mcusim::commas;                  // sim/core/units.hpp: 1663328 -> "1,663,328"
std::string size_text(std::uint64_t v);  // 2097152 -> "2 MiB", 524288 -> "512 KiB", else "N B"

// Stage 1: sets location/reason of every constant tensor in p.tensors (already listed)
// and the constant totals; returns "" or the reason the constants do not fit.
std::string place_constants(const Graph& g, const PlacementBoard& b, const PlacementOptions& o,
                            Placement& p);

// Stage 2: activations into the SRAM arena within totals.activation_budget, spilling as
// needed (only when allow_spill: a placement already failed on its constants is
// reported without spills); fills offsets, spills and per-layer spill bytes.
// Returns "" or why not.
std::string place_activations(const Graph& g, const PlacementBoard& b, const PlacementOptions& o,
                              bool allow_spill, Placement& p);

}  // namespace mcusim::wl::placement_detail
