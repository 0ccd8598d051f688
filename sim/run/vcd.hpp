#pragma once
// trace.vcd (opt-in, `sim.vcd: true`): the run as a Value Change Dump for waveform
// viewers (GTKWave): the running layer's index and, per device and in total, the
// instantaneous power in mW, exact at every change (not sampled like power.csv).
// Device power = the sum of its spans' dynamic power (energy / duration) while they
// run; the total adds the board's static power. Zero-duration spans (instantaneous
// actions) have no width to draw and are left out; their energy is in summary.json.
#include <string>
#include <utility>
#include <vector>

#include "sim/core/units.hpp"
#include "sim/platform/ledger.hpp"

namespace mcusim {

// layer_spans[i] = [start, end) of layer i; timescale 1 ps.
std::string trace_vcd(const Ledger& ledger, const std::vector<std::pair<ps_t, ps_t>>& layer_spans,
                      ps_t end);

}  // namespace mcusim
