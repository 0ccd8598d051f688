#pragma once
// Assembles the configuration of one run: presets, user files and overrides merged in
// a fixed order, then decoded strictly into typed sections.
//   1. configs/cards/sd-2gb-class4.yaml (the default card)
//   2. configs/boards/<board>.yaml      (when --board is given)
//   3. configs/cores/<board.core>.yaml  (instruction timing of the final board.core)
//   4. configs/engines/<engine>.yaml    (workload.engine, default cmsis-nn)
//   5. each --config file, in order     (later files override earlier ones)
//   6. each --set key.path=value        (in order)
// The merged tree is written back as config.resolved.yaml, which --config accepts.
#include <memory>
#include <string>
#include <vector>

#include "sim/config/tree.hpp"
#include "sim/run/engine.hpp"
#include "sim/run/layer_filter.hpp"
#include "sim/run/run_config.hpp"
#include "sim/run/transfers.hpp"

namespace mcusim {

struct RunRequest {
  std::string board, model, engine;  // empty: taken from the config files
  std::vector<std::string> configs, sets;
};

struct Assembled {
  cfg::Tree tree;
  std::string model, engine_name;
  std::string quant;  // workload.quant: a scheme of workloads/quant, empty = the engine's own
  BoardInfo board;
  PowerParams power;
  SimParams sim;
  PlacementParams placement;
  EngineProfile engine;
  core::CoreTiming core;                // the core's instruction-class timing
  LayerFilter layers;                   // workload.layers (empty: all)
  std::vector<TransferSpec> transfers;  // workload.transfers (model: transfers)
};

// Decodes everything except the device sections, which build_devices() consumes.
// Throws InputError naming file:line (or the --set argument) and the key.
Assembled assemble(const RunRequest& req);

}  // namespace mcusim
