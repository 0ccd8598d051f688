#include "sim/run/run_config.hpp"

#include "devices/cortex_m/timing.hpp"

namespace mcusim {

BoardInfo decode_board(cfg::Section s) {
  BoardInfo b;
  b.name = s.string("name");
  b.mcu = s.string("mcu");
  b.core = s.choice("core", core::kCoreNames);
  b.sysclk_hz = s.quantity("sysclk", Dim::Frequency);
  b.apb2_hz = s.quantity("apb2", Dim::Frequency);
  if (b.apb2_hz > b.sysclk_hz) s.fail("apb2", "must not exceed sysclk");
  b.vdd_v = s.quantity("vdd", Dim::Voltage);
  if (b.vdd_v > 5.5) s.fail("vdd", "is above any Cortex-M supply (max 5.5 V)");
  b.firmware_bytes = s.bytes_nonneg("firmware");
  b.fpu = s.boolean_or("fpu", false);
  s.string_or("description", "");
  s.finish();
  return b;
}

PowerParams decode_power(cfg::Section s) {
  PowerParams p;
  p.mcu_run_current_a = s.quantity("mcu_run_current", Dim::Current);
  p.board_baseline_w = s.quantity_nonneg("board_baseline", Dim::Power);
  p.sleep_current_a = s.quantity_nonneg_or("sleep_current", Dim::Current, 0.40e-3);
  s.finish();
  return p;
}

SimParams decode_sim(cfg::Section s) {
  SimParams p;
  p.fidelity = s.choice_or("fidelity", {"burst", "access"}, "burst");
  p.burst_bytes = s.bytes_or("burst_bytes", 4096);
  p.power_sample_hz = s.quantity_or("power_sample_rate", Dim::Frequency, 5000);
  p.bus_latency_s = s.quantity_nonneg_or("bus_latency", Dim::Time, 0);
  p.vcd = s.boolean_or("vcd", false);
  s.finish();
  return p;
}

PlacementParams decode_placement(cfg::Section s) {
  PlacementParams p;
  p.policy = s.choice_or("policy", {"auto", "all-sram", "weights-flash", "weights-sd"}, "auto");
  if (s.has("overrides")) {
    auto o = s.section("overrides");
    for (const auto& name : o.keys()) p.overrides[name] = o.choice(name, {"sram", "flash", "sd"});
    o.finish();
  }
  s.finish();
  return p;
}

}  // namespace mcusim
