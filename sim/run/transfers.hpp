#pragma once
// A synthetic workload of block transfers (`workload.model: transfers`), for the
// paper's storage experiments (Fig. 5: 1 MB written and read in 16 KB blocks to flash
// and to the µSD card; Fig. 6: µSD writes of 10 B..200 KB):
//   workload:
//     model: transfers
//     transfers:
//       - {op: write, device: flash, bytes: 1MiB, block: 16KiB}
//       - {op: read, device: flash, bytes: 1MiB, block: 16KiB}
// Every block is one row ("layer") of layers.csv. A read is one Read transaction of
// the block from the device; a write copies the block from an SRAM source buffer: one
// Read of the source, then one Write to the device, as the block driver's
// program(buffer, addr, size) call does. Each transfer starts at the device's first
// free address: flash at base + board.firmware (where placement puts flash data),
// the µSD card at card address 0, SRAM at the arena base. A block is one transaction
// whatever sim.fidelity says (the driver call moves it as one unit).
// Flash writes go through the flash model's write(), so the erase-before-write cost
// appears: with `prior: data` (the default for flash writes) the target range holds
// the previous run's data, as when an application rewrites its scratch area on every
// inference (paper §5.1, "inference would be performed multiple times"), so every
// sector touched is erased first; `prior: erased` starts from a blank (0xFF) range.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/config/section.hpp"
#include "sim/config/tree.hpp"
#include "sim/platform/platform.hpp"
#include "sim/run/devices.hpp"
#include "sim/run/lowering.hpp"
#include "sim/run/run_config.hpp"
#include "workloads/metrics.hpp"

namespace mcusim {

constexpr const char* kTransfersModel = "transfers";

struct TransferSpec {
  enum class Op { Read, Write } op = Op::Read;
  Location device = Location::Sram;
  std::uint64_t bytes = 0, block = 0;  // block defaults to bytes (one transaction)
  bool prior_data = false;             // flash writes: the range is not erased
  std::string origin;  // "file:line: workload.transfers[i]", for range errors
};

// Decodes workload.transfers when workload.model is `transfers` (required then, a
// non-empty list; strict keys op, device, bytes, block, prior); rejects the key for
// any other model. Throws InputError naming file:line and key.
std::vector<TransferSpec> decode_transfers(cfg::Section& workload, const cfg::Tree& tree,
                                           const std::string& model);

struct TransferWork {
  std::vector<wl::LayerMetrics> rows;  // one per block; macs 0
  std::vector<std::string> device;     // layers.csv weight_location column
  std::vector<LayerWork> work;
};

// Checks every transfer fits its device (InputError otherwise) and lowers the blocks.
// Replaces dev.flash by a flash model whose target ranges hold data when a flash
// write asks for `prior: data` (content is set at no cost before the run).
TransferWork lower_transfers(const std::vector<TransferSpec>& t, const cfg::Tree& tree,
                             const BoardInfo& board, DeviceSet& dev);

}  // namespace mcusim
