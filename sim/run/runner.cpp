#include "sim/run/runner.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>

#include <spdlog/spdlog.h>

#include "sim/core/error.hpp"
#include "sim/platform/platform.hpp"
#include "sim/run/atomic_writer.hpp"
#include "sim/run/devices.hpp"
#include "sim/run/plan.hpp"
#include "sim/run/quant_cost.hpp"
#include "sim/run/results.hpp"
#include "sim/run/vcd.hpp"
#include "sim/run/transfers.hpp"
#include "workloads/tflite/import.hpp"
#include "workloads/zoo/zoo.hpp"

namespace mcusim {

wl::Graph load_model(const std::string& spec) {
  if (spec.rfind("zoo:", 0) == 0) return wl::build_zoo(spec.substr(4));
  return wl::load_tflite(spec);
}

namespace {

PlatformSpec platform_spec(const Assembled& a, const DeviceSet& d) {
  PlatformSpec p;
  p.core_hz = a.board.sysclk_hz;
  // Static power: MCU run current and board baseline, plus every device's idle draw
  // (the µSD card's standby current whether or not it is used).
  p.static_power_w = a.power.static_power_w(a.board.vdd_v) + d.sram->idle_power_w() +
                     d.flash->idle_power_w() + d.sd->idle_power_w();
  p.bus_latency = seconds_to_ps(a.sim.bus_latency_s);
  // SRAM and flash get bus windows wider than the parts: a plan that does not fit
  // (fits = false) is still simulated, its excess addresses wrapping onto the device.
  p.targets.push_back({"sram", Tier::Sram, d.sram_base, kSramWindow, d.sram.get()});
  p.targets.push_back({"flash", Tier::Flash, d.flash_base, kFlashWindow, d.flash.get()});
  p.targets.push_back({"sd", Tier::Sd, kSdWindowBase, d.sd_bytes, d.sd.get()});
  return p;
}

}  // namespace

int run_simulation(const RunRequest& req, const std::string& out_dir, bool print_table) {
  const auto t0 = std::chrono::steady_clock::now();
  Assembled a = assemble(req);
  DeviceSet dev = build_devices(a.tree, a.board);
  // The rows to simulate: a model's layers (all, or those of workload.layers, each
  // costed with the full model's plan), or the blocks of a transfer workload.
  std::vector<wl::LayerMetrics> metrics;
  std::vector<std::string> locations;  // layers.csv weight_location
  std::vector<LayerWork> work;
  ModelPlan plan;
  if (a.model == kTransfersModel) {
    TransferWork t = lower_transfers(a.transfers, a.tree, a.board, dev);
    metrics = std::move(t.rows);
    locations = std::move(t.device);
    work = std::move(t.work);
    plan.fits = true;
    plan.fits_reason = "synthetic transfers (no model)";
  } else {
    wl::Graph g = load_model(a.model);
    const auto all = wl::analyze_graph(g);
    plan = plan_model(g, all, a.board, a.placement, dev);
    // Fidelity: `burst` moves tiles of sim.burst_bytes per transaction; `access` sends
    // every 32-bit word through the sockets, caches and wait states (the reference the
    // burst mode is checked against).
    const std::uint64_t burst = a.sim.fidelity == "access" ? 4 : a.sim.burst_bytes;
    // A quantization scheme other than the engine's own (workload.quant) adds or
    // removes the priced work of its representation (paper Fig. 7).
    std::vector<double> extra(all.size(), 0.0);
    if (!a.quant.empty()) extra = quant_extra_instructions(g, all, a.quant, a.engine.quant_costs);
    for (std::size_t i : select_layers(all, a.layers)) {
      metrics.push_back(all[i]);
      locations.push_back(plan.layers[i].weight_location);
      const double cycles = static_cast<double>(a.engine.cycles(all[i])) + extra[i] * a.engine.cpi_for("");
      work.push_back(lower_layer(all[i], plan.layers[i],
                                 static_cast<std::uint64_t>(std::llround(std::max(0.0, cycles))),
                                 plan.map, burst, a.sim.burst_bytes, a.engine.reuse_for(all[i]),
                                 a.engine.overlaps_weights(all[i].kernel)));
    }
  }
  AtomicOutput out(out_dir);  // created only once all input has been validated

  const PlatformSpec spec = platform_spec(a, dev);
  SimResult sim = simulate(spec, work);

  const double stat_w = spec.static_power_w;
  RunSummary s;
  s.model = a.model;
  s.board = a.board.name;
  s.engine = a.engine_name;
  s.core = a.board.core;
  s.calibration = a.engine.calibration;
  s.latency_s = ps_to_seconds(sim.end);
  s.energy_j = sim.ledger->total_energy_j(sim.end);
  s.sd_requested_hz = dev.sd_requested_hz;
  s.sd_actual_hz = dev.sd_actual_hz;
  s.static_power_w = stat_w;
  s.peak_sram_bytes = plan.peak_sram_bytes;
  s.sram_bytes = static_cast<std::int64_t>(dev.sram_bytes);
  s.fits = plan.fits;
  s.fits_reason = plan.fits_reason;
  std::vector<LayerRow> rows;
  std::vector<std::pair<ps_t, ps_t>> spans;
  for (std::size_t i = 0; i < metrics.size(); ++i) {
    const LayerResult& r = sim.layers[i];
    LayerRow row;
    row.m = metrics[i];
    row.weight_location = locations[i];
    row.latency_s = ps_to_seconds(r.end - r.start);
    for (int t = 0; t < kTiers; ++t) {
      const auto k = static_cast<std::size_t>(t);
      row.tier_s[k] = ps_to_seconds(r.tier_time[k]);
      row.tier_j[k] = stat_w * row.tier_s[k] + r.dyn_energy[k];
      row.energy_j += row.tier_j[k];
      s.tier_s[k] += row.tier_s[k];
      s.tier_j[k] += row.tier_j[k];
    }
    s.macs += metrics[i].macs;
    s.weights_bytes += metrics[i].weight_bytes + metrics[i].bias_bytes;
    rows.push_back(std::move(row));
    spans.emplace_back(r.start, r.end);
  }

  out.stage("summary.json", summary_json(s));
  out.stage("layers.csv", layers_csv(rows));
  out.stage("power.csv", power_csv(*sim.ledger, a.sim.power_sample_hz, sim.end));
  out.stage("trace.json", trace_json(*sim.ledger, rows, spans));
  if (a.sim.vcd) out.stage("trace.vcd", trace_vcd(*sim.ledger, spans, sim.end));
  out.stage("config.resolved.yaml", a.tree.dump());
  out.commit();

  const double host_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (print_table) std::cout << layer_table(rows, s);
  std::cout << "results: " << out_dir << "/{summary.json,layers.csv,power.csv,trace.json,"
            << (a.sim.vcd ? "trace.vcd," : "") << "config.resolved.yaml}\n";
  spdlog::info("simulated {:.3f} ms in {:.3f} s host time ({:.1f} simulated s per host s)",
               s.latency_s * 1e3, host_s, s.latency_s / host_s);
  return 0;
}

}  // namespace mcusim
