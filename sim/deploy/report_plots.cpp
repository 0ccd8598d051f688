#include "sim/deploy/report.hpp"
#include "sim/deploy/svg.hpp"
#include "sim/deploy/text.hpp"

namespace mcusim::deploy {
namespace {

const char* const kTierColors[kTierCount] = {"#4e79a7", "#59a14f", "#f28e2b", "#e15759"};

std::vector<std::string> layer_labels(const RunData& r) {
  std::vector<std::string> v;
  for (const auto& l : r.layers) v.push_back(std::to_string(l.index) + " " + l.name);
  return v;
}

Chart tier_chart(const BoardReport& b, bool energy) {
  Chart c;
  c.title = b.st.preset + ": per-layer " + (energy ? "energy" : "latency") + " by tier";
  c.x_label = "layer index";
  c.y_label = energy ? "energy (mJ)" : "latency (ms)";
  c.labels = layer_labels(b.base);
  for (int t = 0; t < kTierCount; ++t) {
    Series s;
    s.name = t == 3 ? "µSD" : kTierNames[t];
    s.color = kTierColors[t];
    for (const auto& l : b.base.layers)
      s.v.push_back(energy ? l.tier_mj[static_cast<std::size_t>(t)] : l.tier_ms[static_cast<std::size_t>(t)]);
    c.series.push_back(std::move(s));
  }
  return c;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> board_plots(const DeployResult& r) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& b : r.boards) {
    if (!b.ran) continue;
    const auto& L = b.base.layers;
    Chart ws;
    ws.title = b.st.preset + ": per-layer working set (weights + biases + input + output, int8) vs SRAM (paper Fig. 3)";
    ws.x_label = "layer index";
    ws.y_label = "KiB";
    ws.labels = layer_labels(b.base);
    Series s{"working set", "#4e79a7", {}};
    for (const auto& l : L) s.v.push_back(static_cast<double>(l.working_set) / 1024);
    ws.series.push_back(s);
    ws.hlines.push_back({"SRAM " + kib(static_cast<std::int64_t>(b.st.sram_bytes)), static_cast<double>(b.st.sram_bytes) / 1024});
    out.emplace_back("ws-" + b.st.preset + ".svg", svg_chart(ws));

    Chart cum;
    cum.title = b.st.preset + ": cumulative constant memory per layer, by location (paper Fig. 8)";
    cum.x_label = "layer index";
    cum.y_label = "KiB";
    cum.labels = ws.labels;
    Series f{"in flash", "#f28e2b", {}}, d{"on µSD", "#e15759", {}}, m{"in SRAM", "#59a14f", {}};
    double cf = 0, cd = 0, cm = 0;
    for (std::size_t i = 0; i < L.size(); ++i) {
      if (i < b.st.placement.layers.size()) {
        const auto& lp = b.st.placement.layers[i];
        cf += static_cast<double>(lp.const_flash) / 1024;
        cd += static_cast<double>(lp.const_sd) / 1024;
        cm += static_cast<double>(lp.const_sram) / 1024;
      }
      f.v.push_back(cf);
      d.v.push_back(cd);
      m.v.push_back(cm);
    }
    cum.series = {f, d, m};
    cum.hlines.push_back({"flash beside firmware " + kib(static_cast<std::int64_t>(b.st.flash_bytes - b.st.firmware_bytes)),
                          static_cast<double>(b.st.flash_bytes - b.st.firmware_bytes) / 1024});
    out.emplace_back("cum-" + b.st.preset + ".svg", svg_chart(cum));
    out.emplace_back("lat-" + b.st.preset + ".svg", svg_chart(tier_chart(b, false)));
    out.emplace_back("energy-" + b.st.preset + ".svg", svg_chart(tier_chart(b, true)));
  }
  for (bool energy : {false, true}) {
    Chart c;
    c.title = std::string("latency and energy per inference across boards: ") + (energy ? "energy" : "latency") + " (log scale)";
    c.x_label = "board";
    c.y_label = energy ? "energy per inference (mJ)" : "latency per inference (ms)";
    c.log_y = true;
    c.height = 260;
    Series tot{energy ? "energy" : "latency", energy ? "#e15759" : "#4e79a7", {}};
    for (const auto& b : r.boards) {
      if (!b.ran) continue;
      c.labels.push_back(b.st.preset);
      tot.v.push_back(energy ? b.base.energy_mj : b.base.latency_ms);
    }
    c.series.push_back(tot);
    const double budget = energy ? r.req.budget_energy_mj : r.req.budget_latency_ms;
    if (budget > 0) c.hlines.push_back({"budget " + num(budget, 3), budget});
    out.emplace_back(energy ? "boards-energy.svg" : "boards-latency.svg", svg_chart(c));
  }
  return out;
}

}  // namespace mcusim::deploy
