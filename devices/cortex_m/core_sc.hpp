#pragma once
// The Cortex-M core as a TLM initiator: runs each layer's steps in order. A compute
// step is a wait of cycles / f_core; a memory step is one (burst) transaction whose
// returned delay the core waits out (loosely timed, one wait per transaction).
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "sim/platform/ledger.hpp"
#include "sim/platform/platform.hpp"

namespace mcusim::dev {

class CortexM : public sc_core::sc_module {
 public:
  tlm_utils::simple_initiator_socket<CortexM> socket;
  SC_HAS_PROCESS(CortexM);

  // `tier_of` maps an address to the tier it reaches (for per-layer breakdowns).
  CortexM(sc_core::sc_module_name n, double hz, const std::vector<LayerWork>& work,
          const std::vector<TargetSpec>& targets, Ledger& ledger, int device,
          std::vector<LayerResult>& results, int& current_layer);

 private:
  void run();
  Tier tier_of(std::uint64_t addr) const;
  double hz_;
  const std::vector<LayerWork>& work_;
  const std::vector<TargetSpec>& targets_;
  Ledger& ledger_;
  int device_;
  std::vector<LayerResult>& results_;
  int& current_layer_;
};

}  // namespace mcusim::dev
