// Ranked suggestions with their simulated (or, for reordering, in-process) effects.
#include <algorithm>

#include "sim/deploy/suggest.hpp"
#include "sim/deploy/tensor_moves.hpp"
#include "sim/deploy/text.hpp"

namespace mcusim::deploy {
namespace {

double rel_gain(double base, double delta) { return base > 0 ? -delta / base : 0; }

Suggestion make(const std::string& id, const std::string& title, const std::string& action) {
  Suggestion s;
  s.id = id;
  s.title = title;
  s.action = action;
  return s;
}

void from_variant(Suggestion& s, const BoardReport& b, const std::string& id,
                  const DeployRequest& req) {
  auto it = b.variants.find(id);
  s.variant_dir = "boards/" + b.st.preset + "/variants/" + id;
  if (it == b.variants.end()) {
    s.note = "variant run failed; see " + s.variant_dir;
    return;
  }
  const RunData& v = it->second;
  s.simulated = true;
  s.d_latency_ms = v.latency_ms - b.base.latency_ms;
  s.d_energy_mj = v.energy_mj - b.base.energy_mj;
  s.d_peak_bytes = v.peak_sram_bytes - b.base.peak_sram_bytes;
  s.fixes = !b.ok && within(v, req);
  s.score = std::max({rel_gain(b.base.latency_ms, s.d_latency_ms),
                      rel_gain(b.base.energy_mj, s.d_energy_mj),
                      rel_gain(static_cast<double>(b.base.peak_sram_bytes),
                               static_cast<double>(s.d_peak_bytes))}) +
            (s.fixes ? 1.0 : 0.0);
  s.effect = signed_num(s.d_latency_ms, 3) + " ms, " + signed_num(s.d_energy_mj, 3) +
             " mJ per inference, peak SRAM " + signed_num(static_cast<double>(s.d_peak_bytes) / 1024, 1) +
             " KiB (simulated: " + num(v.latency_ms, 3) + " ms, " + num(v.energy_mj, 3) + " mJ" +
             (v.fits ? "" : ", does not fit") + ")";
}

// One placement.overrides suggestion; `why_not` when there is nothing to move.
Suggestion tensor_move_suggestion(const BoardReport& b, const DeployRequest& req, const std::string& id,
                                  const std::vector<TensorMove>& moves, const std::string& loc,
                                  const std::string& title, const std::string& why_not) {
  Suggestion s = make(id, title, "");
  if (moves.empty()) {
    s.note = why_not;
    return s;
  }
  s.applicable = true;
  s.title += " (" + std::to_string(moves.size()) + (moves.size() == 1 ? " tensor, " : " tensors, ") +
             bytes_text(total_bytes(moves)) + ")";
  for (std::size_t i = 0; i < moves.size() && i < 3; ++i)
    s.action += (i ? " " : "") + std::string("--set placement.overrides.") + moves[i].name + "=" + loc;
  if (moves.size() > 3) s.action += " (and " + std::to_string(moves.size() - 3) + " more: see the variant's config.resolved.yaml)";
  from_variant(s, b, id, req);
  if (loc == "sram")
    s.note = "copied from flash once at start-up, not per inference; " +
             bytes_text(spare_sram_bytes(b.st) - total_bytes(moves)) + " of SRAM stays spare beside the arena";
  else
    s.note = bytes_text(free_flash_bytes(b.st) - total_bytes(moves)) + " of flash stays free";
  return s;
}

}  // namespace

void make_suggestions(BoardReport& b, const ModelStatic& m, const DeployRequest& req) {
  const BoardStatic& st = b.st;
  std::vector<Suggestion> out;

  Suggestion ro = make("reorder", "reorder operators for a lower activation peak", "");
  ro.action = "execute the operators in the order reorder_for_min_peak finds (mcusim inspect shows it)";
  if (st.reorder_helps) {
    ro.applicable = true;
    ro.d_peak_bytes = m.reorder.peak_bytes - m.reorder.default_peak_bytes;
    const auto& t0 = st.placement.totals;
    ro.fixes = !st.placement.fits && st.reordered_fits;
    ro.score = rel_gain(static_cast<double>(m.reorder.default_peak_bytes),
                        static_cast<double>(ro.d_peak_bytes)) + (ro.fixes ? 1.0 : 0.0);
    ro.effect = signed_num(static_cast<double>(ro.d_peak_bytes) / 1024, 1) + " KiB live peak (" +
                bytes_text(m.reorder.default_peak_bytes) + " -> " + bytes_text(m.reorder.peak_bytes) +
                "); spills " + bytes_text(t0.spill_write_bytes + t0.spill_read_bytes) + " -> " +
                bytes_text(st.reordered.spill_write_bytes + st.reordered.spill_read_bytes) +
                " per inference; arena " + bytes_text(t0.arena_bytes) + " -> " +
                bytes_text(st.reordered.arena_bytes);
    ro.note = "in-process placement with the new order; latency not simulated (the run "
              "configuration cannot set an operator order)";
  } else {
    ro.note = "not applicable: the default order already has the lowest live peak (" +
              bytes_text(m.reorder.default_peak_bytes) + ", " + m.reorder.note + ")";
  }
  out.push_back(ro);

  Suggestion wf = make("weights-flash", "move weights from µSD to on-chip flash",
                       "--set placement.policy=weights-flash");
  const auto& t = st.placement.totals;
  const std::int64_t free_flash = flash_for_weights(st);
  if (t.const_sd == 0) {
    wf.note = "not applicable: no weights on µSD";
  } else if (st.weights_bytes > free_flash) {
    wf.note = "not applicable: flash has " + bytes_text(free_flash) + " beside the firmware, all weights need " +
              bytes_text(st.weights_bytes) + " (the placement keeps " + bytes_text(t.const_flash) +
              " in flash; see sd-tensors-flash for the tensors that fit)";
  } else {
    wf.applicable = true;
    from_variant(wf, b, "weights-flash", req);
    wf.note = "policy weights-flash";
  }
  out.push_back(wf);

  out.push_back(tensor_move_suggestion(b, req, "sd-tensors-flash",
                                       wf.applicable ? std::vector<TensorMove>{} : sd_tensors_to_flash(st), "flash",
                                       "move the largest µSD weights that fit into free flash",
                                       t.const_sd == 0          ? "not applicable: no weights on µSD"
                                       : wf.applicable          ? "not needed: weights-flash moves them all"
                                                                : "not applicable: no µSD tensor fits the " +
                                                                      bytes_text(free_flash_bytes(st)) + " of free flash"));
  out.push_back(tensor_move_suggestion(
      b, req, "hot-weights-sram",
      b.base.tier_ms[2] > 0 ? hot_weights_to_sram(st, b.base, m.graph) : std::vector<TensorMove>{}, "sram",
      "copy the weights that stall longest on flash into spare SRAM",
      b.base.tier_ms[2] <= 0        ? "not applicable: no flash stalls"
      : spare_sram_bytes(st) <= 0   ? "not applicable: no spare SRAM beside the arena"
                                    : "not applicable: no flash weight fits the " +
                                          bytes_text(spare_sram_bytes(st)) + " of spare SRAM"));

  Suggestion sd = make("sd-25mhz", "raise the µSD SPI clock to 25 MHz", "--set sd.clock=25MHz");
  if (b.base.tier_ms[3] <= 0) {
    sd.note = "not applicable: no µSD traffic";
  } else if (st.sd_requested_hz >= 25e6) {
    sd.note = "not applicable: already at " + num(st.sd_requested_hz / 1e6, 3) + " MHz";
  } else {
    sd.applicable = true;
    from_variant(sd, b, "sd-25mhz", req);
    auto it = b.variants.find("sd-25mhz");
    if (it != b.variants.end())
      sd.note = "actual SPI clock " + num(it->second.sd_actual_hz / 1e6, 3) + " MHz after the prescaler (was " +
                num(b.base.sd_actual_hz / 1e6, 3) + " MHz)";
  }
  out.push_back(sd);

  const std::string w = smaller_width(m.spec);
  Suggestion wd = make("width", "smaller width multiplier", w.empty() ? "" : "--model " + w);
  if (w.empty()) {
    wd.note = "not applicable: not a zoo MobileNet, or already the smallest width";
  } else {
    wd.applicable = true;
    wd.title += " (" + w + ")";
    from_variant(wd, b, width_variant_id(w), req);
    wd.note = "a different network: retrain it, and expect lower accuracy";
  }
  out.push_back(wd);

  // Rank: applicable with a gain first (highest score), then the rest in fixed order.
  std::stable_sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& c) {
    const bool ga = a.applicable && a.score > 0, gc = c.applicable && c.score > 0;
    if (ga != gc) return ga;
    if (ga) return a.score > c.score;
    return a.applicable && !c.applicable;
  });
  b.suggestions = std::move(out);
}

}  // namespace mcusim::deploy
