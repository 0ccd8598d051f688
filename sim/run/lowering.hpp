#pragma once
// Lowering: one layer's metrics + where its tensors live -> the platform steps
// (burst transactions and a compute delay). Per the paper's §3.1: weights kept in
// backing storage are read in chunks as the kernel needs them; weights on the SD card
// are staged through an SRAM buffer; a spilled output is written off-SRAM after the
// layer and read back by its consumer.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/platform/platform.hpp"
#include "sim/run/weight_reuse.hpp"
#include "workloads/metrics.hpp"

namespace mcusim {

enum class Location { Sram, Flash, Sd };
const char* location_name(Location l);

struct AddressMap {
  std::uint64_t sram_base = 0, flash_base = 0, sd_base = 0;
  std::uint64_t staging_addr = 0;  // SRAM buffer SD weight chunks land in
};

struct LayerPlan {
  // The layer's constants (weights, biases) by where they live, with bus addresses.
  std::uint64_t const_bytes[3] = {0, 0, 0};  // indexed by Location
  std::uint64_t const_addr[3] = {0, 0, 0};
  std::string weight_location;     // "flash", "sd", "sram", "flash+sd", or "-" 
  std::uint64_t input_addr = 0, output_addr = 0;  // arena addresses (SRAM)
  std::uint64_t spill_write_bytes = 0, spill_read_bytes = 0;
  Location spill_write_location = Location::Sd, spill_read_location = Location::Sd;
  std::uint64_t spill_write_addr = 0, spill_read_addr = 0;
};

// burst_bytes: largest memory-mapped transaction (a tile or cache-line run; 4 B in
// access fidelity). sd_chunk_bytes: the size of one block-driver call on the µSD card
// (a multiple of 512 B), the same in every fidelity: it is what the application asks
// the driver for, not a simulation granularity.
// reuse: the kernel's re-read sweep over its weights (weight_reuse.hpp), issued as one
// Reread step on the memory-mapped location holding the weights (flash or SRAM; weights
// on the SD card are staged chunk by chunk and used up in SRAM, so not re-read).
// overlap_weights: the memory-mapped weight reads (first pass and re-reads) overlap the
// layer's computation (engine.weight_fetch: overlapped) instead of stalling the core.
LayerWork lower_layer(const wl::LayerMetrics& m, const LayerPlan& plan, std::uint64_t cycles,
                      const AddressMap& map, std::uint64_t burst_bytes,
                      std::uint64_t sd_chunk_bytes, const WeightReuse& reuse = {},
                      bool overlap_weights = false);

}  // namespace mcusim
