#include "sim/run/results.hpp"

#include <cstdio>
#include <sstream>

#include "sim/run/atomic_writer.hpp"
#include "sim/run/json.hpp"

namespace mcusim {

std::string summary_json(const RunSummary& s) {
  JsonWriter j;
  j.begin_object();
  j.field("model", s.model).field("board", s.board).field("engine", s.engine);
  j.field("latency_ms", s.latency_s * 1e3, 6).field("energy_mj", s.energy_j * 1e3, 6);
  j.field("avg_power_mw", s.latency_s > 0 ? s.energy_j / s.latency_s * 1e3 : 0.0, 6);
  j.field_int("macs", static_cast<long long>(s.macs));
  j.field_int("weights_bytes", s.weights_bytes);
  j.field_int("peak_sram_bytes", s.peak_sram_bytes);
  j.field_int("sram_bytes", s.sram_bytes);
  j.field_bool("fits", s.fits).field("fits_reason", s.fits_reason);
  j.begin_object("breakdown");
  for (int t = 0; t < kTiers; ++t) {
    j.begin_object(tier_name(static_cast<Tier>(t)));
    j.field("time_ms", s.tier_s[static_cast<std::size_t>(t)] * 1e3, 6);
    j.field("energy_mj", s.tier_j[static_cast<std::size_t>(t)] * 1e3, 6);
    j.end_object();
  }
  j.end_object();
  j.begin_object("sd_clock");
  j.field("requested_hz", s.sd_requested_hz, 1).field("actual_hz", s.sd_actual_hz, 3);
  j.end_object();
  j.field("static_power_mw", s.static_power_w * 1e3, 6);
  // How far the engine profile has been checked against hardware (mcusim calibrate).
  j.begin_object("calibration");
  j.field_bool("calibrated", s.calibration.calibrated);
  j.field_int("rows", s.calibration.rows);
  j.field("core", s.core);
  j.field_int("core_rows", s.calibration.core_rows);
  if (s.calibration.calibrated) {
    j.field("heldout_median_abs_err", s.calibration.heldout_median, 4);
    j.field("heldout_worst_abs_err", s.calibration.heldout_worst, 4);
  }
  j.end_object();
  j.end_object();
  return j.str();
}

std::string layers_csv(const std::vector<LayerRow>& rows) {
  std::ostringstream o;
  o << "index,name,op,macs,weight_bytes,input_bytes,output_bytes,working_set_bytes,"
       "weight_location,latency_ms,energy_mj,compute_ms,sram_ms,flash_ms,sd_ms\n";
  for (const auto& r : rows) {
    o << r.m.index << ',' << r.m.name << ',' << r.m.type << ',' << r.m.macs << ','
      << r.m.weight_bytes + r.m.bias_bytes << ',' << r.m.input_bytes << ',' << r.m.output_bytes
      << ',' << r.m.working_set() << ',' << r.weight_location << ','
      << fixed(r.latency_s * 1e3, 6) << ',' << fixed(r.energy_j * 1e3, 6);
    for (int t = 0; t < kTiers; ++t) o << ',' << fixed(r.tier_s[static_cast<std::size_t>(t)] * 1e3, 6);
    o << '\n';
  }
  return o.str();
}

std::string power_csv(const Ledger& ledger, double rate_hz, ps_t end) {
  std::ostringstream o;
  o << "time_s,total_mw";
  for (const auto& d : ledger.devices()) o << ',' << d << "_mw";
  o << '\n';
  for (const auto& s : ledger.sample(rate_hz, end)) {
    o << fixed(s.t_s, 6) << ',' << fixed(s.total_w * 1e3, 4);
    for (double w : s.device_w) o << ',' << fixed(w * 1e3, 4);
    o << '\n';
  }
  return o.str();
}

std::string trace_json(const Ledger& ledger, const std::vector<LayerRow>& rows,
                       const std::vector<std::pair<ps_t, ps_t>>& layer_spans) {
  // Chrome trace-event format (opens in Perfetto): pid 1; tid 0 = layers, tid 1+i = device i.
  std::ostringstream o;
  o << "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n";
  o << R"({"name":"thread_name","ph":"M","pid":1,"tid":0,"args":{"name":"layers"}})";
  for (std::size_t d = 0; d < ledger.devices().size(); ++d)
    o << ",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":" << d + 1
      << ",\"args\":{\"name\":" << JsonWriter::escape(ledger.devices()[d]) << "}}";
  auto us = [](ps_t p) { return fixed(static_cast<double>(p) * 1e-6, 6); };
  for (std::size_t i = 0; i < rows.size(); ++i)
    o << ",\n{\"name\":" << JsonWriter::escape(rows[i].m.name) << ",\"cat\":\"layer\",\"ph\":\"X\""
      << ",\"pid\":1,\"tid\":0,\"ts\":" << us(layer_spans[i].first)
      << ",\"dur\":" << us(layer_spans[i].second - layer_spans[i].first) << ",\"args\":{\"op\":"
      << JsonWriter::escape(rows[i].m.type) << ",\"energy_mj\":" << fixed(rows[i].energy_j * 1e3, 6)
      << "}}";
  for (const auto& s : ledger.spans()) {
    if (s.duration == 0) continue;
    o << ",\n{\"name\":" << JsonWriter::escape(s.state) << ",\"cat\":\"" << tier_name(s.tier)
      << "\",\"ph\":\"X\",\"pid\":1,\"tid\":" << s.device + 1 << ",\"ts\":" << us(s.start)
      << ",\"dur\":" << us(s.duration) << ",\"args\":{\"energy_uj\":" << fixed(s.energy_j * 1e6, 6)
      << ",\"layer\":" << s.layer << "}}";
  }
  o << "\n]}\n";
  return o.str();
}

std::string layer_table(const std::vector<LayerRow>& rows, const RunSummary& s) {
  std::ostringstream o;
  char buf[256];
  std::snprintf(buf, sizeof buf, "%4s %-16s %-18s %10s %9s %6s %10s %9s %9s\n", "#", "layer", "op",
                "MACs", "WS bytes", "wloc", "lat ms", "E mJ", "sd ms");
  o << buf;
  for (const auto& r : rows) {
    std::snprintf(buf, sizeof buf, "%4d %-16.16s %-18.18s %10llu %9lld %6s %10.3f %9.4f %9.3f\n",
                  r.m.index, r.m.name.c_str(), r.m.type.c_str(),
                  static_cast<unsigned long long>(r.m.macs),
                  static_cast<long long>(r.m.working_set()), r.weight_location.c_str(),
                  r.latency_s * 1e3, r.energy_j * 1e3, r.tier_s[3] * 1e3);
    o << buf;
  }
  std::snprintf(buf, sizeof buf,
                "total: %.3f ms, %.4f mJ, %.1f mW avg, %llu MACs, peak SRAM %lld / %lld B, fits: %s\n",
                s.latency_s * 1e3, s.energy_j * 1e3,
                s.latency_s > 0 ? s.energy_j / s.latency_s * 1e3 : 0.0,
                static_cast<unsigned long long>(s.macs), static_cast<long long>(s.peak_sram_bytes),
                static_cast<long long>(s.sram_bytes), s.fits ? "yes" : "no");
  o << buf;
  o << calibration_line(s.calibration, s.engine, s.core);
  return o.str();
}

}  // namespace mcusim
