// Tables and bullet points shared by report.md and report.html.
#include "sim/deploy/report.hpp"
#include "sim/deploy/text.hpp"

namespace mcusim::deploy {

std::string budget_text(const DeployRequest& q) {
  std::string s;
  if (q.budget_latency_ms > 0) s += "latency <= " + num(q.budget_latency_ms, 3) + " ms";
  if (q.budget_energy_mj > 0) s += std::string(s.empty() ? "" : ", ") + "energy <= " + num(q.budget_energy_mj, 3) + " mJ";
  return s.empty() ? "none" : s;
}

std::string verdict_text(const BoardReport& b) {
  if (!b.ran) return "ERROR";
  std::string v = b.ok ? "OK" : "NO";
  v += " (" + b.verdict;
  if (!b.latency_ok) v += ", over latency budget";
  if (!b.energy_ok) v += ", over energy budget";
  return v + ")";
}

std::vector<std::string> header_lines(const DeployResult& r) {
  std::vector<std::string> h = {
      "model: `" + r.req.model + "`, engine: " + (r.req.engine.empty() ? "cmsis-nn" : r.req.engine),
      "budgets: " + budget_text(r.req) + (r.req.sd_clock.empty() ? "" : "; SD clock " + r.req.sd_clock),
      std::string("overall: ") + (r.all_ok ? "fits within the budgets on every board (exit 0)"
                                            : "does NOT fit within the budgets on every board (exit 1)"),
      "verdicts: fits = on chip as is; fits-with-offload = runs with weights on µSD and/or "
      "activations spilled (placement auto, paper §3.1); does-not-fit = no placement runs it"};
  return h;
}

Table cross_board_table(const DeployResult& r) {
  Table t{{"board", "verdict", "SRAM arena as is / SRAM", "flash fw+weights / flash", "weights flash / µSD",
           "spills per inference", "latency ms", "energy mJ", "avg mW", "µSD ms"}, {}};
  for (const auto& b : r.boards) {
    const auto& st = b.st;
    const auto& p = st.placement.totals;
    if (!b.ran) {
      t.rows.push_back({st.preset, verdict_text(b) + ": " + b.error, "", "", "", "", "", "", "", ""});
      continue;
    }
    t.rows.push_back({st.preset, verdict_text(b),
                      kib(st.arena_as_is) + " / " + kib(static_cast<std::int64_t>(st.sram_bytes)) + (st.sram_fits_as_is ? "" : " (over)"),
                      kib(static_cast<std::int64_t>(st.firmware_bytes) + st.weights_bytes) + " / " +
                          kib(static_cast<std::int64_t>(st.flash_bytes)) + (st.flash_fits_as_is ? "" : " (over)"),
                      kib(p.const_flash) + " / " + kib(p.const_sd),
                      p.spilled_tensors ? kib(p.spill_write_bytes + p.spill_read_bytes) : "none",
                      num(b.base.latency_ms, 3), num(b.base.energy_mj, 3), num(b.base.avg_power_mw, 1),
                      num(b.base.tier_ms[3], 3)});
  }
  return t;
}

Table breakdown_table(const BoardReport& b) {
  Table t{{"tier", "time ms", "share", "energy mJ", "share"}, {}};
  for (int k = 0; k < kTierCount; ++k) {
    const auto i = static_cast<std::size_t>(k);
    t.rows.push_back({k == 3 ? "µSD" : kTierNames[k], num(b.base.tier_ms[i], 3),
                      num(b.base.latency_ms > 0 ? 100 * b.base.tier_ms[i] / b.base.latency_ms : 0, 1) + "%",
                      num(b.base.tier_mj[i], 3),
                      num(b.base.energy_mj > 0 ? 100 * b.base.tier_mj[i] / b.base.energy_mj : 0, 1) + "%"});
  }
  t.rows.push_back({"total", num(b.base.latency_ms, 3), "100%", num(b.base.energy_mj, 3), "100%"});
  return t;
}

Table limiting_table(const BoardReport& b) {
  Table t{{"#", "layer", "op", "latency ms", "of total", "energy mJ", "of total", "why"}, {}};
  for (const auto& l : b.limiting)
    t.rows.push_back({std::to_string(l.index), l.name, l.op, num(l.latency_ms, 3), num(100 * l.latency_share, 1) + "%",
                      num(l.energy_mj, 3), num(100 * l.energy_share, 1) + "%", l.reason});
  return t;
}

Table suggestion_table(const BoardReport& b) {
  Table t{{"rank", "suggestion", "how", "effect", "how measured / why not"}, {}};
  int rank = 0;
  for (const auto& s : b.suggestions) {
    const std::string how = s.simulated ? "simulated (" + s.variant_dir + "); " + s.note : s.note;
    t.rows.push_back({s.applicable ? std::to_string(++rank) : "-", s.title + (s.fixes ? " (fixes the verdict)" : ""),
                      s.action, s.applicable ? s.effect : "", how});
  }
  return t;
}

std::vector<std::string> fit_lines(const BoardReport& b) {
  const auto& st = b.st;
  const auto& p = st.placement.totals;
  std::vector<std::string> v;
  v.push_back("SRAM: planned arena as is " + bytes_text(st.arena_as_is) + " vs " + bytes_text(static_cast<std::int64_t>(st.sram_bytes)) +
              " contiguous SRAM: " + (st.sram_fits_as_is ? "fits" : "does NOT fit as is"));
  v.push_back("flash: firmware " + bytes_text(static_cast<std::int64_t>(st.firmware_bytes)) + " + weights " + bytes_text(st.weights_bytes) +
              " vs " + bytes_text(static_cast<std::int64_t>(st.flash_bytes)) + ": " + (st.flash_fits_as_is ? "fits" : "does NOT fit as is"));
  v.push_back("placement (" + st.policy + "): " + st.placement.reason);
  v.push_back("constants by location: flash " + bytes_text(p.const_flash) + ", µSD " + bytes_text(p.const_sd) + ", SRAM " + bytes_text(p.const_sram));
  if (p.spilled_tensors > 0)
    v.push_back("activation spills: " + std::to_string(p.spilled_tensors) + " tensor(s), " + bytes_text(p.spill_write_bytes) +
                " written and " + bytes_text(p.spill_read_bytes) + " read back per inference (" + bytes_text(p.spill_sd) +
                " on µSD, " + bytes_text(p.spill_flash) + " in flash)");
  if (b.ran && (p.const_sd > 0 || p.spilled_tensors > 0))
    v.push_back("cost of the off-chip placement: µSD time " + num(b.base.tier_ms[3], 3) + " ms (" +
                num(b.base.latency_ms > 0 ? 100 * b.base.tier_ms[3] / b.base.latency_ms : 0, 1) + "% of latency), µSD energy " +
                num(b.base.tier_mj[3], 3) + " mJ (" + num(b.base.energy_mj > 0 ? 100 * b.base.tier_mj[3] / b.base.energy_mj : 0, 1) + "%)");
  if (b.ran)
    v.push_back("per inference: " + num(b.base.latency_ms, 3) + " ms, " + num(b.base.energy_mj, 3) + " mJ, " +
                num(b.base.avg_power_mw, 1) + " mW average; SD clock requested " + num(b.base.sd_requested_hz / 1e6, 3) +
                " MHz, actual " + num(b.base.sd_actual_hz / 1e6, 3) + " MHz");
  return v;
}

std::vector<std::string> lifetime_lines(const BoardReport& b) {
  std::vector<std::string> v;
  const auto& bt = b.battery;
  if (!bt.valid) {
    v.push_back("battery: not computed (give --inferences-per-hour, --battery-mah and --battery-volts)");
  } else {
    v.push_back("battery: " + num(bt.inference_j_per_day, 3) + " J/day inferring (" + num(bt.active_s_per_day, 1) +
                " s active) + " + num(bt.sleep_j_per_day, 3) + " J/day asleep (" + num(b.st.sleep_current_a * 1e3, 2) +
                " mA x " + num(b.st.vdd_v, 2) + " V) = " + num(bt.energy_j_per_day, 3) + " J/day; battery " +
                num(bt.battery_j, 0) + " J lasts " + num(bt.days, 1) + " days");
    v.push_back("battery assumptions: " + bt.note + "; sleep current from power.sleep_current (F429 Stop mode 0.40 mA, PROXY on other boards)");
  }
  const auto& w = b.st.wear;
  if (!w.writes_flash) {
    v.push_back("flash wear: the placement writes no flash at run time (no spills to flash): no erase cycles consumed");
  } else {
    v.push_back("flash wear: " + bytes_text(static_cast<std::int64_t>(w.spill_bytes_per_inference)) + " spilled to flash per inference over " +
                std::to_string(w.sectors.size()) + " sector(s), " + num(w.max_erases_per_inference, 0) +
                " erase per sector per inference: " + commas(static_cast<std::int64_t>(w.inferences_to_endurance)) +
                " inferences until the " + commas(static_cast<std::int64_t>(w.endurance_cycles)) + "-cycle endurance" +
                (bt.valid && bt.inferences_per_day > 0
                     ? " (" + num(w.inferences_to_endurance / bt.inferences_per_day, 1) + " days at the given rate)"
                     : std::string()));
  }
  v.push_back("flash wear method: " + w.method);
  return v;
}

}  // namespace mcusim::deploy
