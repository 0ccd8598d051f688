// deploy.json: the machine-readable verdicts (deterministic: no host times or paths
// outside OUT).
#include "sim/deploy/report.hpp"
#include "sim/run/json.hpp"

namespace mcusim::deploy {
namespace {

void budget(JsonWriter& j, const std::string& k, double v) {
  if (v > 0) j.field(k, v, 6);
  else j.raw(k, "null");
}

void board_json(JsonWriter& j, const BoardReport& b) {
  const auto& st = b.st;
  const auto& t = st.placement.totals;
  j.begin_object();
  j.field("board", st.preset).field("verdict", b.verdict).field_bool("ok", b.ok);
  j.field_bool("latency_ok", b.latency_ok).field_bool("energy_ok", b.energy_ok);
  j.field("error", b.error).field("run_dir", "boards/" + st.preset);
  j.begin_object("sram");
  j.field_int("bytes", static_cast<long long>(st.sram_bytes));
  j.field_int("arena_as_is_bytes", st.arena_as_is).field_bool("fits_as_is", st.sram_fits_as_is);
  j.field_int("arena_planned_bytes", t.arena_bytes);
  j.end_object();
  j.begin_object("flash");
  j.field_int("bytes", static_cast<long long>(st.flash_bytes));
  j.field_int("firmware_bytes", static_cast<long long>(st.firmware_bytes));
  j.field_int("weights_bytes", st.weights_bytes).field_bool("fits_as_is", st.flash_fits_as_is);
  j.field_int("used_bytes", t.flash_used);
  j.end_object();
  j.begin_object("placement");
  j.field("policy", st.policy).field_bool("fits", st.placement.fits).field("fits_reason", st.placement.reason);
  j.begin_object("constants_bytes");
  j.field_int("sram", t.const_sram).field_int("flash", t.const_flash).field_int("sd", t.const_sd);
  j.end_object();
  j.field_int("spilled_tensors", t.spilled_tensors);
  j.field_int("spill_write_bytes", t.spill_write_bytes).field_int("spill_read_bytes", t.spill_read_bytes);
  j.field_int("spill_flash_bytes", t.spill_flash).field_int("spill_sd_bytes", t.spill_sd);
  j.begin_object("sd_cost");
  j.field("time_ms", b.base.tier_ms[3], 6).field("energy_mj", b.base.tier_mj[3], 6);
  j.end_object();
  j.end_object();
  j.field("latency_ms", b.base.latency_ms, 6).field("energy_mj", b.base.energy_mj, 6);
  j.field("avg_power_mw", b.base.avg_power_mw, 6);
  j.begin_object("breakdown");
  for (int k = 0; k < kTierCount; ++k) {
    j.begin_object(kTierNames[k]);
    j.field("time_ms", b.base.tier_ms[static_cast<std::size_t>(k)], 6);
    j.field("energy_mj", b.base.tier_mj[static_cast<std::size_t>(k)], 6);
    j.end_object();
  }
  j.end_object();
  j.begin_object("sd_clock");
  j.field("requested_hz", b.base.sd_requested_hz, 1).field("actual_hz", b.base.sd_actual_hz, 3);
  j.end_object();
  j.begin_array("limiting_layers");
  for (const auto& l : b.limiting) {
    j.begin_object();
    j.field_int("index", l.index).field("name", l.name).field("op", l.op);
    j.field("latency_ms", l.latency_ms, 6).field("energy_mj", l.energy_mj, 6);
    j.field("latency_share", l.latency_share, 4).field("energy_share", l.energy_share, 4);
    j.field("reason", l.reason);
    j.end_object();
  }
  j.end_array();
  j.begin_array("suggestions");
  int rank = 0;
  for (const auto& s : b.suggestions) {
    j.begin_object();
    j.field_int("rank", ++rank).field("id", s.id).field("title", s.title).field("action", s.action);
    j.field_bool("applicable", s.applicable).field_bool("simulated", s.simulated);
    j.field("variant_dir", s.variant_dir);
    j.field("d_latency_ms", s.d_latency_ms, 6).field("d_energy_mj", s.d_energy_mj, 6);
    j.field_int("d_peak_bytes", s.d_peak_bytes).field_bool("fixes", s.fixes).field("score", s.score, 6);
    j.field("effect", s.effect).field("note", s.note);
    j.end_object();
  }
  j.end_array();
  j.begin_object("battery");
  j.field_bool("given", b.battery.valid);
  if (b.battery.valid) {
    j.field_bool("feasible", b.battery.feasible);
    j.field("sleep_current_ma", st.sleep_current_a * 1e3, 4).field("sleep_power_mw", b.battery.sleep_power_w * 1e3, 6);
    j.field("active_s_per_day", b.battery.active_s_per_day, 6);
    j.field("inference_j_per_day", b.battery.inference_j_per_day, 6);
    j.field("sleep_j_per_day", b.battery.sleep_j_per_day, 6);
    j.field("energy_j_per_day", b.battery.energy_j_per_day, 6);
    j.field("battery_j", b.battery.battery_j, 3).field("days", b.battery.days, 3);
    j.field("note", b.battery.note);
  }
  j.end_object();
  const auto& w = st.wear;
  j.begin_object("flash_wear");
  j.field_bool("writes_flash", w.writes_flash);
  j.field_int("spill_bytes_per_inference", static_cast<long long>(w.spill_bytes_per_inference));
  j.field_int("endurance_cycles", static_cast<long long>(w.endurance_cycles));
  j.field("max_erases_per_inference", w.max_erases_per_inference, 3);
  if (w.writes_flash) j.field("inferences_to_endurance", w.inferences_to_endurance, 0);
  else j.raw("inferences_to_endurance", "null");
  if (w.writes_flash && b.battery.valid && b.battery.inferences_per_day > 0)
    j.field("days_to_endurance", w.inferences_to_endurance / b.battery.inferences_per_day, 3);
  else j.raw("days_to_endurance", "null");
  j.begin_array("sectors");
  for (const auto& s : w.sectors) {
    j.begin_object();
    j.field_int("sector", s.sector).field_int("offset", static_cast<long long>(s.offset));
    j.field_int("bytes", static_cast<long long>(s.bytes));
    j.field_int("written_bytes", static_cast<long long>(s.written_bytes));
    j.field("erases_per_inference", s.erases_per_inference, 3);
    j.end_object();
  }
  j.end_array();
  j.field("method", w.method);
  j.end_object();
  j.end_object();
}

}  // namespace

std::string deploy_json(const DeployResult& r) {
  JsonWriter j;
  j.begin_object();
  j.field("model", r.req.model).field("engine", r.req.engine.empty() ? "cmsis-nn" : r.req.engine);
  j.begin_object("budgets");
  budget(j, "latency_ms", r.req.budget_latency_ms);
  budget(j, "energy_mj", r.req.budget_energy_mj);
  j.end_object();
  j.field("sd_clock", r.req.sd_clock);
  j.field_bool("all_ok", r.all_ok);
  j.begin_array("boards");
  for (const auto& b : r.boards) board_json(j, b);
  j.end_array();
  j.end_object();
  return j.str();
}

}  // namespace mcusim::deploy
