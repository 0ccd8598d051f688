#pragma once
// `mcusim inspect` as functions (the command is a thin wrapper, so tests call these):
// a per-layer report of a model with shapes, MACs, parameters, working set, the arena
// offset of each output under the default plan, where each layer's constants go on a
// board, and stored versus unpacked weight bytes under a quantization scheme.
#include <cstdint>
#include <string>
#include <vector>

#include "workloads/graph.hpp"
#include "workloads/metrics.hpp"
#include "workloads/placement/placement.hpp"
#include "workloads/quant/scheme.hpp"

namespace mcusim::cli {

struct InspectOptions {
  std::string board;                  // preset name or YAML path; empty = no placement
  std::string quant = "int8-affine";  // workloads/quant spec
};

using Shape = std::vector<std::int64_t>;

struct InspectLayer {
  wl::LayerMetrics m;
  std::vector<Shape> inputs, outputs;  // non-constant inputs; all outputs
  std::int64_t arena_offset = -1;      // first output's offset, default-order greedy plan
  std::int64_t stored = 0, unpacked = 0;  // weights + biases under the scheme
  std::string constants = "-";         // "FLASH", "SD", "FLASH+SD", ... ("-": none / no board)
  std::int64_t const_sram = 0, const_flash = 0, const_sd = 0;
};

struct InspectReport {
  std::string model, graph, quant;
  std::vector<InspectLayer> layers;
  wl::GraphTotals totals;
  std::int64_t arena_bytes = 0;        // plan_greedy_by_size, alignment 16, default order
  std::int64_t peak_default = 0, peak_best = 0;  // live-bytes peak, default / best order
  bool best_exhaustive = false;
  std::string reorder_note;
  // Quantization totals (weights + biases of the weight-bearing layers).
  std::int64_t weight_elements = 0, stored_bytes = 0, unpacked_bytes = 0;
  int synthetic_tensors = 0;           // > 0: code-book sizes use generated weights
  wl::quant::WorkCounts unpack_work, kernel_work;
  // Placement (only with a board).
  bool has_board = false;
  std::string board;
  wl::PlacementBoard board_info;
  bool fits = false;
  std::string placement_reason;
  wl::PlacementTotals placement;
};

// "zoo:NAME" or a .tflite path (as load_model, without the simulation runtime).
wl::Graph inspect_load(const std::string& spec);
// Throws InputError for unsupported operators (naming them), bad boards or schemes.
InspectReport inspect_graph(const wl::Graph& g, const std::string& model,
                            const InspectOptions& o);
InspectReport inspect_model(const std::string& spec, const InspectOptions& o);

// configs/boards/<name>.yaml -> placement limits: sram = the largest run of
// address-contiguous `sram.regions`, flash = `flash.size`, firmware = `board.firmware`,
// SD card present iff the preset has an `sd:` section.
wl::PlacementBoard placement_board_from_preset(const std::string& name_or_path);

std::string format_inspect_table(const InspectReport& r);
std::string format_inspect_json(const InspectReport& r);

}  // namespace mcusim::cli
