#pragma once
// Per-tensor placement suggestions, applied through the run configuration's
// placement.overrides (one --set per tensor):
//  - sd-tensors-flash: when not every weight fits in flash (so the weights-flash policy
//    cannot apply), the largest µSD constants that fit in the free flash, largest first;
//  - hot-weights-sram: when the arena leaves SRAM spare, the flash constants whose
//    layers stall longest per byte on flash line fills, hottest first, while they fit.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/deploy/analysis.hpp"
#include "sim/deploy/readback.hpp"

namespace mcusim::deploy {

struct TensorMove {
  std::string name;
  std::int64_t bytes = 0;
};

// A name a `--set placement.overrides.NAME=LOC` can carry (the key path splits on '.').
bool overridable(const std::string& tensor_name);

std::int64_t free_flash_bytes(const BoardStatic& st);  // flash - firmware - constants - spills
// Flash beside the firmware and the spilled activations: what all weights would share
// under the weights-flash policy.
std::int64_t flash_for_weights(const BoardStatic& st);
std::int64_t spare_sram_bytes(const BoardStatic& st);  // 0 while anything is spilled

std::vector<TensorMove> sd_tensors_to_flash(const BoardStatic& st);
std::vector<TensorMove> hot_weights_to_sram(const BoardStatic& st, const RunData& base,
                                            const wl::Graph& graph);

// "placement.overrides.NAME=LOC" for each move.
std::vector<std::string> override_sets(const std::vector<TensorMove>& moves, const std::string& loc);
std::int64_t total_bytes(const std::vector<TensorMove>& moves);

}  // namespace mcusim::deploy
