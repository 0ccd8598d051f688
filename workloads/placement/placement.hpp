#pragma once
// Placement: where each tensor lives (SRAM, on-chip flash, SD card) and whether the
// model fits a board, with a one-line reason per decision.
//
// Constants (weights, biases, shape tensors) are read-only during inference, so they
// go to flash or the SD card unless the policy copies them to SRAM. Activations live
// in one SRAM arena packed by the planner (plan_tight). When the arena does not fit,
// activations are spilled as in the paper's §3.1 / Fig. 4: the producer writes the
// tensor off-SRAM and every consumer reads it back, recorded per layer.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "workloads/graph.hpp"

namespace mcusim::wl {

enum class Location { Sram, Flash, Sd };
const char* location_name(Location l);               // "SRAM", "FLASH", "SD"
Location parse_location(const std::string& s);       // same names, any case; InputError

// auto         constants in flash if they all fit beside the firmware, else the largest
//              constants go to SD one by one until the rest fits (fewest SD tensors;
//              each weight byte is read once per inference wherever it is, and this
//              keeps the many small per-layer tensors on the fast path). No SD card:
//              all in flash and fits = false.
// all-sram     constants copied to SRAM; the arena gets what is left.
// weights-flash  all constants in flash (fits = false if they do not fit).
// weights-sd     all constants on the SD card (fits = false without one).
enum class PlacementPolicy { Auto, AllSram, WeightsFlash, WeightsSd };
const char* policy_name(PlacementPolicy p);           // "auto", "all-sram", ...
PlacementPolicy parse_placement_policy(const std::string& s);  // InputError

struct PlacementBoard {
  std::uint64_t sram_bytes = 0;      // SRAM usable for the arena (and all-sram constants)
  std::uint64_t flash_bytes = 0;     // on-chip flash size
  std::uint64_t firmware_bytes = 0;  // already in flash (code, runtime)
  bool has_sd = false;
};

struct PlacementOptions {
  PlacementPolicy policy = PlacementPolicy::Auto;
  // Tensor name -> location, applied after the policy. An activation sent to FLASH/SD
  // is spilled (written by its producer, read by its consumers); one sent to SRAM is
  // never chosen for spilling. Unknown names throw InputError.
  std::map<std::string, Location> overrides;
  std::vector<int> order;      // execution order; empty = the graph's stored order
  std::int64_t alignment = 1;  // arena offset/size rounding (TFLM uses 16)
};

struct TensorPlacement {
  int tensor = -1;
  std::string name;
  bool is_const = false;
  std::int64_t bytes = 0;
  Location location = Location::Sram;
  std::int64_t arena_offset = -1;  // SRAM activations only
  bool spilled = false;            // activation kept off-SRAM
  std::string reason;              // one line
};

struct LayerPlacement {
  int op = -1;  // graph op index
  std::string name;
  std::int64_t live_bytes = 0;       // activations live while it runs, before spilling
  std::int64_t working_set = 0;      // paper: weights + biases + inputs + outputs
  bool live_over_sram = false;       // live_bytes > activation budget
  bool working_set_over_sram = false;  // working_set > sram_bytes (Fig. 3 crossing)
  std::int64_t const_sram = 0, const_flash = 0, const_sd = 0;  // its constants, by location
  std::int64_t spill_write_bytes = 0;  // its outputs written off-SRAM
  std::int64_t spill_read_bytes = 0;   // its spilled inputs read back
  Location spill_write_location = Location::Sram, spill_read_location = Location::Sram;
};

struct PlacementTotals {
  std::int64_t const_sram = 0, const_flash = 0, const_sd = 0;
  std::int64_t arena_bytes = 0;        // planned SRAM arena after spills
  std::int64_t arena_live_peak = 0;    // live-bytes bound before spills
  std::int64_t activation_budget = 0;  // sram_bytes - const_sram
  std::int64_t spill_flash = 0, spill_sd = 0;  // activation bytes kept off-SRAM
  std::int64_t spill_write_bytes = 0, spill_read_bytes = 0;  // per inference
  std::int64_t flash_used = 0;         // firmware + const_flash + spill_flash
  int spilled_tensors = 0;
};

struct Placement {
  std::vector<TensorPlacement> tensors;  // constants and planned activations, by index
  std::vector<LayerPlacement> layers;    // one per op, graph op order
  PlacementTotals totals;
  std::vector<int> order;
  bool fits = false;
  std::string reason;                    // one line: why it fits or what does not
  const TensorPlacement* find(const std::string& name) const;
};

Placement place_tensors(const Graph& g, const PlacementBoard& board,
                        const PlacementOptions& opt = {});

}  // namespace mcusim::wl
