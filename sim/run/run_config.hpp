#pragma once
// Typed views of the top-level config sections the run itself owns. Device sections
// (sram, flash, sd, card) are decoded by their devices (devices/<dev>/<dev>_params.hpp).
#include <cstdint>
#include <map>
#include <string>

#include "sim/config/section.hpp"

namespace mcusim {

struct BoardInfo {
  std::string name, mcu, core;  // core: cortex-m0|m0plus|m3|m4|m7|m33
  double sysclk_hz = 0, apb2_hz = 0, vdd_v = 0;
  std::uint64_t firmware_bytes = 0;  // application binary already in flash
  bool fpu = false;
};
BoardInfo decode_board(cfg::Section s);

struct PowerParams {
  double mcu_run_current_a = 0;  // MCU supply current while running at sysclk
  double board_baseline_w = 0;   // everything else on the board at the monitored rail
  // MCU supply current asleep between inferences (optional key power.sleep_current; the
  // default is the F429's Stop mode, DS9405 0.40 mA typ, hardware.md §4, a PROXY elsewhere).
  double sleep_current_a = 0.40e-3;
  double static_power_w(double vdd) const { return mcu_run_current_a * vdd + board_baseline_w; }
};
PowerParams decode_power(cfg::Section s);

struct SimParams {
  std::string fidelity = "burst";  // burst | access
  std::uint64_t burst_bytes = 4096;
  double power_sample_hz = 5000;   // the paper's Monsoon rate
  double bus_latency_s = 0;
  bool vcd = false;                // also write trace.vcd (sim/run/vcd.hpp)
};
SimParams decode_sim(cfg::Section s);

struct PlacementParams {
  std::string policy = "auto";  // auto | all-sram | weights-flash | weights-sd
  // Per-tensor overrides applied after the policy: tensor name -> sram | flash | sd.
  std::map<std::string, std::string> overrides;
};
PlacementParams decode_placement(cfg::Section s);

}  // namespace mcusim
