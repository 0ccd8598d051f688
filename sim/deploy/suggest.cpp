#include "sim/deploy/suggest.hpp"
#include "sim/deploy/tensor_moves.hpp"

#include <algorithm>
#include <cstdio>
#include <regex>

#include "sim/deploy/text.hpp"

namespace mcusim::deploy {

std::string smaller_width(const std::string& spec) {
  static const std::regex re(R"(^zoo:mobilenet_v([12])_([0-9.]+)_(.+)$)");
  std::smatch mm;
  if (!std::regex_match(spec, mm, re)) return "";
  const double alpha = std::stod(mm[2].str());
  const std::vector<double> v2 = {1.4, 1.3, 1.0, 0.75, 0.5, 0.35, 0.25};
  const std::vector<double> v1 = {1.0, 0.75, 0.5, 0.25};
  for (double a : mm[1].str() == "2" ? v2 : v1)
    if (a < alpha - 1e-9) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", a);
      return "zoo:mobilenet_v" + mm[1].str() + "_" + buf + "_" + mm[3].str();
    }
  return "";
}

std::string width_variant_id(const std::string& w) { return "width-" + w.substr(4); }

std::vector<Variant> plan_variants(const BoardStatic& st, const RunData& base,
                                   const std::string& model, const wl::Graph& graph) {
  std::vector<Variant> v;
  if (base.tier_ms[3] > 0 && st.sd_requested_hz < 25e6) v.push_back({"sd-25mhz", {"sd.clock=25MHz"}, ""});
  const auto& t = st.placement.totals;
  if (t.const_sd > 0 && st.weights_bytes <= flash_for_weights(st))
    v.push_back({"weights-flash", {"placement.policy=weights-flash"}, ""});
  else if (const auto moves = sd_tensors_to_flash(st); !moves.empty())
    v.push_back({"sd-tensors-flash", override_sets(moves, "flash"), ""});
  if (base.tier_ms[2] > 0)
    if (const auto moves = hot_weights_to_sram(st, base, graph); !moves.empty())
      v.push_back({"hot-weights-sram", override_sets(moves, "sram"), ""});
  const std::string w = smaller_width(model);
  if (!w.empty()) v.push_back({width_variant_id(w), {}, w});
  return v;
}

bool within(const RunData& r, const DeployRequest& req) {
  return r.fits && (req.budget_latency_ms <= 0 || r.latency_ms <= req.budget_latency_ms) &&
         (req.budget_energy_mj <= 0 || r.energy_mj <= req.budget_energy_mj);
}

namespace {

std::string layer_reason(const BoardStatic& st, const LayerData& l, std::size_t i) {
  std::size_t t = 0;
  for (std::size_t k = 1; k < 4; ++k)
    if (l.tier_ms[k] > l.tier_ms[t]) t = k;
  std::string r;
  if (l.working_set > static_cast<std::int64_t>(st.sram_bytes))
    r = "working set " + kib(l.working_set) + " over SRAM " + kib(static_cast<std::int64_t>(st.sram_bytes)) + "; ";
  const wl::LayerPlacement* lp = i < st.placement.layers.size() ? &st.placement.layers[i] : nullptr;
  const double share = l.latency_ms > 0 ? l.tier_ms[t] / l.latency_ms * 100 : 0;
  if (t == 3) {
    r += "µSD traffic (" + num(share, 0) + "% of its time)";
    if (lp && lp->const_sd > 0) r += ": weights on µSD " + bytes_text(lp->const_sd);
    if (lp && lp->spill_write_bytes > 0 && lp->spill_write_location == wl::Location::Sd)
      r += ", output spilled to µSD " + bytes_text(lp->spill_write_bytes);
    if (lp && lp->spill_read_bytes > 0 && lp->spill_read_location == wl::Location::Sd)
      r += ", input read back from µSD " + bytes_text(lp->spill_read_bytes);
  } else if (t == 2) {
    if (lp && lp->spill_write_bytes > 0 && lp->spill_write_location == wl::Location::Flash)
      r += "flash writes (" + num(share, 0) + "% of its time): output spilled to flash " +
           bytes_text(lp->spill_write_bytes) + " (erase before write)";
    else
      r += "flash reads (" + num(share, 0) + "% of its time): weights " + bytes_text(l.weight_bytes);
  } else if (t == 1) {
    r += "SRAM traffic (" + num(share, 0) + "% of its time)";
  } else {
    r += "compute (" + num(share, 0) + "% of its time): " + num(static_cast<double>(l.macs) / 1e6, 2) + " M MACs";
  }
  return r;
}

}  // namespace

std::vector<LimitingLayer> limiting_layers(const BoardStatic& st, const RunData& base) {
  const auto& L = base.layers;
  std::vector<std::size_t> by_lat(L.size()), by_en(L.size());
  for (std::size_t i = 0; i < L.size(); ++i) by_lat[i] = by_en[i] = i;
  std::stable_sort(by_lat.begin(), by_lat.end(), [&](auto a, auto b) { return L[a].latency_ms > L[b].latency_ms; });
  std::stable_sort(by_en.begin(), by_en.end(), [&](auto a, auto b) { return L[a].energy_mj > L[b].energy_mj; });
  std::vector<std::size_t> pick;
  for (std::size_t k = 0; k < 3 && k < L.size(); ++k) {
    if (std::find(pick.begin(), pick.end(), by_lat[k]) == pick.end()) pick.push_back(by_lat[k]);
    if (std::find(pick.begin(), pick.end(), by_en[k]) == pick.end()) pick.push_back(by_en[k]);
  }
  std::stable_sort(pick.begin(), pick.end(), [&](auto a, auto b) { return L[a].latency_ms > L[b].latency_ms; });
  std::vector<LimitingLayer> out;
  for (std::size_t i : pick) {
    LimitingLayer x;
    x.index = L[i].index;
    x.name = L[i].name;
    x.op = L[i].op;
    x.latency_ms = L[i].latency_ms;
    x.energy_mj = L[i].energy_mj;
    x.latency_share = base.latency_ms > 0 ? L[i].latency_ms / base.latency_ms : 0;
    x.energy_share = base.energy_mj > 0 ? L[i].energy_mj / base.energy_mj : 0;
    x.reason = layer_reason(st, L[i], i);
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace mcusim::deploy
