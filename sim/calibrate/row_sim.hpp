#pragma once
// One measurement row simulated as published: the row's board preset at the row's
// clock (and supply and flash bank mode where stated), with a given engine profile file.
// Shared by `mcusim calibrate` (fitting) and `mcusim validate` (prediction only).
#include <map>
#include <string>
#include <vector>

#include "sim/calibrate/measurements.hpp"

namespace mcusim::cal {

struct RowSim {
  // Compute seconds outside / inside FULLY_CONNECTED layers, divided by the multiplier
  // the run used (so a fitted multiplier scales them linearly); b: the rest (memory).
  double a = 0, a_fc = 0, b = 0;
  double cpi_used = 0;
  double static_w = 0;   // the run's average power at the row's supply (W)
  double layers = 0;     // layers in the run
  double latency_s = 0;  // the run as the profile stands
};

// A row an engine profile applies to, with the board preset that simulates it.
struct RowTarget {
  const Measurement* m = nullptr;
  std::string preset, core;
  bool bank_modes = false;  // the preset has flash.bank_modes (the row's mode applies)
};

// The rows a profile applies to: engine.matches names the row's engine, the board has a
// preset (and is among `boards` when any are given), the same board/model/engine/latency
// is taken once, and the preset's core has an entry in `cores`. Each row left out is
// appended to `skipped` as "ID (<label>reason)".
std::vector<RowTarget> select_rows(const std::vector<Measurement>& rows,
                                   const std::vector<std::string>& matches,
                                   const std::vector<std::string>& boards,
                                   const std::map<std::string, double>& cores,
                                   const std::string& label, std::vector<std::string>* skipped);

// A private scratch directory under /tmp for the rows' runs, removed with everything in
// it when the object goes out of scope (also when a row's simulation throws).
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& prefix);  // throws if it cannot be created
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Runs `mcusim run` in a child process into `tmp`; throws InputError if it fails.
// cpi_used / fc_scale_used: the profile's multiplier for the row's core and its FC scale.
RowSim simulate_row(const Measurement& m, const std::string& preset, const std::string& model,
                    const std::string& engine_file, double cpi_used, double fc_scale_used,
                    bool preset_has_bank_modes, const std::string& tmp);

}  // namespace mcusim::cal
