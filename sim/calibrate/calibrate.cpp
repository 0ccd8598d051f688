#include "sim/calibrate/calibrate.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <tuple>

#include "sim/calibrate/fit.hpp"
#include "sim/calibrate/measurements.hpp"
#include "sim/calibrate/report.hpp"
#include "sim/calibrate/row_sim.hpp"
#include "sim/calibrate/select.hpp"
#include "sim/config/section.hpp"
#include "sim/config/tree.hpp"
#include "sim/core/error.hpp"
#include "sim/core/sha256.hpp"
#include "sim/run/atomic_writer.hpp"
#include "sim/run/engine.hpp"
#include "sim/run/paths.hpp"

namespace mcusim::cal {
namespace fs = std::filesystem;

namespace {

std::string fmt(double v, int d) {
  return fixed(v, d);
}

}  // namespace

int calibrate(const CalibrateRequest& req) {
  const auto rows = read_measurements(req.measurements);
  cfg::Tree base;
  base.merge_file(req.engine_file);
  auto root = cfg::Section::root(base);
  auto eng_sec = root.section("engine");
  // Decode for every core to validate the file; CPIs come from the cores map.
  EngineProfile prof = decode_engine(eng_sec, "cortex-m4");
  if (prof.matches.empty())
    throw InputError(req.engine_file + ": engine.matches lists no measurement engine names");
  const double prior_layer_cycles = prof.per_layer_cycles;
  // The model: --model, else the one the base profile names for its engine, else the default.
  const std::string profile_model =
      prof.calibrate_model.empty() ? kDefaultModel : prof.calibrate_model;
  const std::string model = req.model.empty() ? profile_model : req.model;
  try {
    model_index(model);
  } catch (const InputError& e) {
    throw InputError(req.engine_file + ": engine.calibrate_model: " + e.what());
  }
  // The fitted per-core multiplier: `efficiency` on the class timing (engine.class_mix)
  // or a flat `cpi`; both enter the simulated compute time linearly.
  const bool class_mode = !prof.class_mix.empty();
  const std::string mult_key = class_mode ? "efficiency" : "cpi";
  const std::string prior_key = class_mode ? "prior_efficiency" : "prior_cpi";
  std::map<std::string, double> prior_cpi;
  for (const auto& kv : base.root()["engine"]["cores"])
    prior_cpi[kv.first.as<std::string>()] = kv.second[mult_key].as<double>();

  std::vector<Measurement> used;
  std::vector<Observation> obs;
  std::vector<RowSim> sims;
  std::vector<std::string> skipped;
  const ScratchDir scratch("mcusim-calibrate");
  for (const RowTarget& t : select_rows(rows, prof.matches, req.boards, prior_cpi, "", &skipped)) {
    const Measurement& m = *t.m;
    if (isatty(STDERR_FILENO))  // progress only for a person watching
      std::cerr << "\rcalibrate: row " << m.id << " " << t.preset << " " << m.model_file << "   "
                << std::flush;
    const RowSim s = simulate_row(m, t.preset, row_model_path(m, req.models_dir), req.engine_file,
                                  prior_cpi[t.core],
                                  prof.kernel_scale.count("fc") ? prof.kernel_scale.at("fc") : 1.0,
                                  t.bank_modes, scratch.path() + "/row" + m.id);
    used.push_back(m);
    sims.push_back(s);
    Observation o;
    o.core = t.core;
    o.a = s.a;
    o.a_fc = s.a_fc;
    o.b = s.b;
    o.measured = m.latency_ms * 1e-3;
    o.group = t.preset + "|" + m.model_file;
    // Per-layer overhead in seconds per cycle, minus what the prior already adds.
    o.layers_s = s.layers / (m.clock_mhz * 1e6);
    o.b -= prior_layer_cycles * o.layers_s;
    obs.push_back(o);
  }
  if (isatty(STDERR_FILENO)) std::cerr << "\n";
  if (obs.empty())
    throw InputError(req.measurements + ": no row matches engine '" + req.engine_name +
                     "' with a board preset");

  // The model is fixed in advance (--model, default select.hpp kDefaultModel); the others are
  // fitted and printed beside it so a user sees what each would have given on held-out rows.
  std::vector<double> static_w;
  for (const auto& sm : sims) static_w.push_back(sm.static_w);
  struct Candidate {
    std::string name;
    FitResult fit;
    Report rep;
  };
  std::vector<Candidate> cand;
  // The base profile's CPIs are the cross-core prior (fit-engine: M4 measured, the other
  // cores scaled by DMIPS/MHz).
  // A fitted profile records the prior it was fitted against (engine.prior_cpi), so a
  // refit from it uses the same prior rather than its own fitted CPIs.
  std::map<std::string, double> prior_ratio = prior_cpi;
  if (const YAML::Node pc = base.find("engine." + prior_key))
    for (const auto& kv : pc) prior_ratio[kv.first.as<std::string>()] = kv.second.as<double>();
  const CorePrior prior{prior_ratio, 0};
  for (const auto& spec : model_specs()) {
    FitResult f = fit_spec(obs, spec, prior);
    Report r = make_report(used, obs, static_w, f);
    cand.push_back({spec.name, std::move(f), std::move(r)});
  }
  const std::size_t pick = model_index(model);
  const FitResult& fit = cand[pick].fit;
  const Report& rep = cand[pick].rep;
  std::cout << "model: " << cand[pick].name << " (--model " << model_specs()[pick].id
            << "); held-out error rms / median / worst of each model:\n";
  for (const auto& c : cand)
    std::cout << "  " << c.name << ": " << fmt(100 * c.rep.loo_rms, 1) << "% / "
              << fmt(100 * c.rep.loo_median, 1) << "% / " << fmt(100 * c.rep.loo_worst, 1) << "%\n";
  std::cout << format_report(rep, skipped);
  // How far the base profile is off before fitting (in class mode: the cores' class timing
  // with efficiency 1, i.e. what the timing tables and measured mixes alone predict).
  std::vector<double> unfitted;
  for (std::size_t i = 0; i < used.size(); ++i)
    unfitted.push_back(std::fabs(sims[i].latency_s / (used[i].latency_ms * 1e-3) - 1));
  const double unfit_median = median(unfitted);
  const double unfit_worst = *std::max_element(unfitted.begin(), unfitted.end());
  std::cout << "unfitted ("
            << (class_mode ? "class timing x efficiency 1" : "the base profile's CPIs")
            << "): latency median " << fmt(100 * unfit_median, 1) << "%, worst "
            << fmt(100 * unfit_worst, 1) << "% (" << used.size() << " rows)\n";

  const bool use_fc = fit.fc_scale != 1.0;

  // The fitted profile: the base file with fitted CPIs and a provenance section.
  cfg::Tree out;
  out.merge_file(req.engine_file);
  for (const auto& [core, cpi] : fit.cpi)
    out.apply_set("engine.cores." + core + "." + mult_key + "=" + fmt(cpi, 6));
  if (use_fc) out.apply_set("engine.kernel_scale.fc=" + fmt(fit.fc_scale, 6));
  for (const auto& [core, p] : prior_ratio)
    out.apply_set("engine." + prior_key + "." + core + "=" + fmt(p, 6));
  out.apply_set("engine.per_layer_cycles=" + fmt(fit.layer_cycles, 1));
  std::ostringstream prov;
  // Path-independent provenance: the file's name and hash, the base profile relative
  // to the project, so the same inputs give the same profile from any checkout.
  std::string base_rel = fs::path(req.engine_file).lexically_normal().string();
  const std::string home = fs::path(home_dir()).lexically_normal().string() + "/";
  if (base_rel.rfind(home, 0) == 0) base_rel = base_rel.substr(home.size());
  prov << "{command: 'mcusim calibrate --measurements "
       << fs::path(req.measurements).filename().string() << " --engine " << req.engine_name
       << (model == profile_model ? "" : " --model " + model)
       << "', measurements: " << fs::path(req.measurements).filename().string()
       << ", measurements_sha256: " << sha256_file(req.measurements)
       << ", base_profile: " << base_rel << ", rows_used: [";
  for (std::size_t i = 0; i < used.size(); ++i) prov << (i ? ", " : "") << used[i].id;
  prov << "], fitted: {";
  bool first = true;
  for (const auto& [core, cpi] : fit.cpi) {
    prov << (first ? "" : ", ") << core << ": {" << mult_key << ": " << fmt(cpi, 6)
         << ", rows: " << (fit.rows.count(core) ? fit.rows.at(core) : 0) << "}";
    first = false;
  }
  prov << "}, model: '" << cand[pick].name << "', prior_scale: " << fmt(fit.prior_scale, 6)
       << ", fc_scale: " << fmt(fit.fc_scale, 6)
       << ", per_layer_cycles: " << fmt(fit.layer_cycles, 1)
       << ", latency_fit_median_abs_err: " << fmt(rep.fit_median, 4)
       << ", latency_fit_worst_abs_err: " << fmt(rep.fit_worst, 4)
       << ", latency_loo_group_median_abs_err: " << fmt(rep.loo_median, 4)
       << ", latency_loo_group_worst_abs_err: " << fmt(rep.loo_worst, 4)
       << ", latency_loo_group_rms_err: " << fmt(rep.loo_rms, 4)
       << ", latency_unfitted_median_abs_err: " << fmt(unfit_median, 4)
       << ", latency_unfitted_worst_abs_err: " << fmt(unfit_worst, 4) << "}";
  out.apply_set("engine.provenance=" + prov.str());
  const std::string text =
      "# GENERATED by `mcusim calibrate` (scripts/calibrate-engines; see\n"
      "# engine.provenance). The kernel instruction model comes from\n# " +
      base_rel + " (scripts/fit-engine).\n" + out.dump();
  // Both files are staged beside their final names (AtomicOutput) and renamed into place
  // only once both are written, so a failure leaves neither behind.
  std::vector<std::pair<std::string, std::string>> files = {{req.output, text}};
  if (!req.rows_csv.empty()) files.emplace_back(req.rows_csv, format_rows_csv(rep));
  std::vector<std::unique_ptr<AtomicOutput>> staged;
  for (const auto& [path, body] : files) {
    const fs::path p(path);
    staged.push_back(
        std::make_unique<AtomicOutput>(p.has_parent_path() ? p.parent_path().string() : "."));
    staged.back()->stage(p.filename().string(), body);
  }
  for (auto& s : staged) s->commit();
  for (const auto& f : files) std::cout << "wrote " << f.first << "\n";
  return 0;
}

}  // namespace mcusim::cal
