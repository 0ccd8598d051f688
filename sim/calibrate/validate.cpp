#include "sim/calibrate/validate.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "sim/calibrate/measurements.hpp"
#include "sim/calibrate/report.hpp"
#include "sim/calibrate/row_sim.hpp"
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

struct Profile {
  std::string file, name;
  std::vector<std::string> matches;
  std::map<std::string, double> mult;  // per core: efficiency (class mode) or cpi
  double fc_scale = 1;
  std::string fit_sha;             // provenance.measurements_sha256 ("" if not fitted)
  std::set<std::string> fit_rows;  // provenance.rows_used
};

Profile load_profile(const std::string& file) {
  cfg::Tree t;
  t.merge_file(file);
  auto root = cfg::Section::root(t);
  Profile p;
  p.file = file;
  const EngineProfile e = decode_engine(root.section("engine"), "cortex-m4");  // validates the file
  p.name = e.name;
  p.matches = e.matches;
  p.fc_scale = e.kernel_scale.count("fc") ? e.kernel_scale.at("fc") : 1.0;
  const std::string key = e.class_mix.empty() ? "cpi" : "efficiency";
  for (const auto& kv : t.root()["engine"]["cores"])
    p.mult[kv.first.as<std::string>()] = kv.second[key].as<double>();
  if (const YAML::Node prov = t.find("engine.provenance")) {
    if (prov["measurements_sha256"]) p.fit_sha = prov["measurements_sha256"].as<std::string>();
    if (prov["rows_used"])
      for (const auto& r : prov["rows_used"]) p.fit_rows.insert(r.as<std::string>());
  }
  return p;
}

struct Row {
  std::string engine, id, board, benchmark, core;
  bool in_fit = false;
  double meas_ms = 0, pred_ms = 0, meas_uj = NAN, pred_uj = NAN;
};

struct Stats {
  int rows = 0, energy_rows = 0;
  double lat_median = NAN, lat_worst = NAN, e_median = NAN, e_worst = NAN;
};

Stats stats(const std::vector<Row>& rows, const std::string& engine, bool in_fit) {
  std::vector<double> le, ee;
  for (const auto& r : rows) {
    if (r.in_fit != in_fit || (!engine.empty() && r.engine != engine)) continue;
    le.push_back(std::fabs(r.pred_ms / r.meas_ms - 1));
    if (!std::isnan(r.meas_uj)) ee.push_back(std::fabs(r.pred_uj / r.meas_uj - 1));
  }
  Stats s;
  s.rows = static_cast<int>(le.size());
  s.energy_rows = static_cast<int>(ee.size());
  if (!le.empty()) {
    s.lat_median = median(le);
    s.lat_worst = *std::max_element(le.begin(), le.end());
  }
  if (!ee.empty()) {
    s.e_median = median(ee);
    s.e_worst = *std::max_element(ee.begin(), ee.end());
  }
  return s;
}

// "held out: 12 rows, latency median 6.1 %, worst 9.0 %; energy (10 rows) ..." for the
// rows not in the profile's fit, then the same for the rows it was fitted to, if any.
std::string stats_line(const std::string& label, const std::vector<Row>& rows,
                       const std::string& engine) {
  std::string line = label + ":";
  for (const bool in_fit : {false, true}) {
    const Stats s = stats(rows, engine, in_fit);
    if (s.rows == 0) continue;
    char b[320];
    std::snprintf(b, sizeof b, " %s %d rows: latency median %.1f%%, worst %.1f%%",
                  in_fit ? "in its fit" : "held out", s.rows, 100 * s.lat_median,
                  100 * s.lat_worst);
    line += b;
    if (s.energy_rows > 0) {
      std::snprintf(b, sizeof b, "; energy (%d rows) median %.1f%%, worst %.1f%%", s.energy_rows,
                    100 * s.e_median, 100 * s.e_worst);
      line += b;
    }
    line += in_fit ? "." : ";";
  }
  return line + "\n";
}

std::string num(double v, int digits) {
  return std::isnan(v) ? std::string() : fixed(v, digits);
}

}  // namespace

int validate(const ValidateRequest& req) {
  const auto rows = read_measurements(req.measurements);
  const std::string sha = sha256_file(req.measurements);
  std::vector<Profile> profiles;
  for (const auto& f : req.engine_files) profiles.push_back(load_profile(f));

  const ScratchDir scratch("mcusim-validate");
  std::vector<Row> out;
  std::vector<std::string> skipped;
  for (const auto& p : profiles) {
    for (const RowTarget& t :
         select_rows(rows, p.matches, req.boards, p.mult, p.name + ": ", &skipped)) {
      const Measurement& m = *t.m;
      if (isatty(STDERR_FILENO))  // progress only for a person watching
        std::cerr << "\rvalidate: " << p.name << " row " << m.id << " " << t.preset << "   "
                  << std::flush;
      const RowSim s =
          simulate_row(m, t.preset, row_model_path(m, req.models_dir), p.file, p.mult.at(t.core),
                       p.fc_scale, t.bank_modes, scratch.path() + "/row" + m.id);
      Row r;
      r.engine = p.name;
      r.id = m.id;
      r.board = m.board;
      r.benchmark = m.benchmark;
      r.core = t.core;
      r.in_fit = !p.fit_sha.empty() && p.fit_sha == sha && p.fit_rows.count(m.id);
      r.meas_ms = m.latency_ms;
      r.pred_ms = s.latency_s * 1e3;
      r.meas_uj = m.energy_uj;
      r.pred_uj = s.static_w * s.latency_s * 1e6;
      out.push_back(r);
    }
  }
  if (isatty(STDERR_FILENO)) std::cerr << "\n";
  if (out.empty())
    throw InputError(req.measurements +
                     ": no row matches the profiles' engine names with a board preset");

  std::ostringstream o;
  char b[320];
  std::snprintf(b, sizeof b, "%-14s %-6s %-16s %-4s %-11s %10s %10s %7s %10s %10s %7s  %s\n",
                "engine", "row", "board", "bm", "core", "meas ms", "pred ms", "err", "meas uJ",
                "pred uJ", "err", "used");
  o << b;
  for (const auto& r : out) {
    std::snprintf(
        b, sizeof b,
        "%-14s %-6s %-16.16s %-4s %-11s %10.3f %10.3f %6.1f%% %10.1f %10.1f %6.1f%%  %s\n",
        r.engine.c_str(), r.id.c_str(), r.board.c_str(), r.benchmark.c_str(), r.core.c_str(),
        r.meas_ms, r.pred_ms, 100 * (r.pred_ms / r.meas_ms - 1), r.meas_uj, r.pred_uj,
        100 * (r.pred_uj / r.meas_uj - 1), r.in_fit ? "in fit" : "held out");
    o << b;
  }
  for (const auto& p : profiles)
    if (std::any_of(out.begin(), out.end(), [&](const Row& r) { return r.engine == p.name; }))
      o << stats_line(p.name, out, p.name);
  o << stats_line("all profiles", out, "");
  for (const auto& s : skipped) o << "skipped row " << s << "\n";
  std::cout << o.str();

  if (!req.rows_csv.empty()) {
    std::ostringstream c;
    c << "engine,row_id,board,benchmark,core,in_fit,measured_ms,predicted_ms,rel_err,measured_uj,"
         "predicted_uj,"
         "energy_rel_err\n";
    for (const auto& r : out)
      c << r.engine << "," << r.id << "," << r.board << "," << r.benchmark << "," << r.core << ","
        << (r.in_fit ? 1 : 0) << "," << num(r.meas_ms, 6) << "," << num(r.pred_ms, 6) << ","
        << num(r.pred_ms / r.meas_ms - 1, 6) << "," << num(r.meas_uj, 3) << "," << num(r.pred_uj, 3)
        << "," << num(r.pred_uj / r.meas_uj - 1, 6) << "\n";
    const fs::path path(req.rows_csv);
    AtomicOutput staged(path.has_parent_path() ? path.parent_path().string() : ".");
    staged.stage(path.filename().string(), c.str());
    staged.commit();
    std::cout << "wrote " << req.rows_csv << "\n";
  }
  return 0;
}

}  // namespace mcusim::cal
