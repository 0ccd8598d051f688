#include "sim/calibrate/row_sim.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>
#include <vector>

#include "sim/config/tree.hpp"
#include "sim/core/csv.hpp"
#include "sim/core/error.hpp"
#include "sim/core/subprocess.hpp"
#include "sim/run/atomic_writer.hpp"
#include "sim/run/paths.hpp"
#include "sim/run/summary_reader.hpp"

namespace mcusim::cal {

namespace {

// Compute seconds of FULLY_CONNECTED layers in a run's layers.csv.
double fc_compute_seconds(const std::string& path, double* layers) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // header: index,name,op,...,compute_ms is column 11
  double s = 0;
  while (std::getline(in, line)) {
    const std::vector<std::string> f = split_csv(line);
    if (f.size() > 11 && f[2] == "FULLY_CONNECTED") s += std::strtod(f[11].c_str(), nullptr) * 1e-3;
    *layers += 1;
  }
  return s;
}

}  // namespace

std::vector<RowTarget> select_rows(const std::vector<Measurement>& rows,
                                   const std::vector<std::string>& matches,
                                   const std::vector<std::string>& boards,
                                   const std::map<std::string, double>& cores,
                                   const std::string& label, std::vector<std::string>* skipped) {
  const auto presets = preset_names("boards");
  std::set<std::string> seen;  // identical repeats (same board/model/engine/latency) once
  std::vector<RowTarget> out;
  for (const auto& m : rows) {
    if (std::none_of(matches.begin(), matches.end(),
                     [&](const std::string& p) { return m.engine.find(p) != std::string::npos; }))
      continue;
    RowTarget t;
    t.m = &m;
    t.preset = preset_name_of(m.board);
    if (std::find(presets.begin(), presets.end(), t.preset) == presets.end()) {
      skipped->push_back(m.id + " (" + label + "no preset '" + t.preset + "')");
      continue;
    }
    if (!boards.empty() && std::find(boards.begin(), boards.end(), t.preset) == boards.end())
      continue;
    if (!seen.insert(t.preset + "|" + m.model_file + "|" + m.engine + "|" + fixed(m.latency_ms, 3))
             .second) {
      skipped->push_back(m.id + " (" + label + "repeat of an identical row)");
      continue;
    }
    // The core column of a preset decides which multiplier applies.
    cfg::Tree bt;
    bt.merge_file(preset_path("boards", t.preset));
    t.core = bt.root()["board"]["core"].as<std::string>();
    if (!cores.count(t.core)) {
      skipped->push_back(m.id + " (" + label + "engine has no entry for " + t.core + ")");
      continue;
    }
    t.bank_modes = bool(bt.find("flash.bank_modes"));
    out.push_back(std::move(t));
  }
  return out;
}

ScratchDir::ScratchDir(const std::string& prefix) {
  std::string tmpl = "/tmp/" + prefix + "-XXXXXX";
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("cannot create a scratch directory " + tmpl);
  path_ = tmpl;
}

ScratchDir::~ScratchDir() {
  std::error_code ec;  // best effort: a destructor does not throw
  std::filesystem::remove_all(path_, ec);
}

RowSim simulate_row(const Measurement& m, const std::string& preset, const std::string& model,
                    const std::string& engine_file, double cpi_used, double fc_scale_used,
                    bool preset_has_bank_modes, const std::string& tmp) {
  std::vector<std::string> argv = {self_exe(),
                                   "run",
                                   "--board",
                                   preset,
                                   "--model",
                                   model,
                                   "--config",
                                   engine_file,
                                   "-q",
                                   "--out",
                                   tmp,
                                   "--set",
                                   "board.sysclk=" + fixed(m.clock_mhz, 3) + "MHz"};
  if (!std::isnan(m.supply_v)) {
    argv.push_back("--set");
    argv.push_back("board.vdd=" + fixed(m.supply_v, 3) + "V");
  }
  // The row's flash bank mode changes the read width (e.g. L4+: 64 bit dual, 128 bit single).
  if (preset_has_bank_modes && !m.bank_mode.empty()) {
    argv.push_back("--set");
    argv.push_back("flash.bank_mode=" + m.bank_mode);
  }
  const ChildResult r = run_child(argv);
  if (r.exit_status != 0) throw InputError("row " + m.id + ": simulation failed: " + r.stderr_text);
  const auto s = read_summary_numbers(tmp + "/summary.json");
  RowSim out;
  const double compute_s = s.at("breakdown.compute.time_ms") * 1e-3;
  const double fc_s = fc_compute_seconds(tmp + "/layers.csv", &out.layers);
  out.a = (compute_s - fc_s) / cpi_used;
  out.a_fc = fc_s / (cpi_used * fc_scale_used);
  out.latency_s = s.at("latency_ms") * 1e-3;
  // Memory time = what the layers wait beyond their compute. A weight stream that runs
  // beside the computation (engine.weight_fetch: overlapped) is in it only where it
  // outlasts the compute; the fit treats b as fixed, which is exact while every such
  // layer stays compute-bound at the fitted scale (true of all rows of the committed
  // x-cube-ai profiles: their FC layers show no flash time).
  out.b = out.latency_s - compute_s;
  out.cpi_used = cpi_used;
  out.static_w = s.at("static_power_mw") * 1e-3;
  return out;
}

}  // namespace mcusim::cal
