#pragma once
// `mcusim deploy`: will this model run on these boards, how fast, at what energy, and
// what would make it better. Each board (and each suggestion's variant) is simulated
// by a `mcusim run` child process writing into OUT/boards/<board>/; deploy reads the
// results back and writes OUT/report.md, OUT/report.html and OUT/deploy.json.
#include <map>
#include <string>
#include <vector>

#include "sim/deploy/analysis.hpp"
#include "sim/deploy/lifetime.hpp"
#include "sim/deploy/readback.hpp"

namespace mcusim::deploy {

struct DeployRequest {
  std::string model, engine, out, sd_clock;
  std::vector<std::string> boards;  // preset names, in the order given
  std::vector<std::string> configs, sets;
  double budget_latency_ms = 0, budget_energy_mj = 0;  // 0 = no budget
  BatteryInput battery;
  int parallel = 2;
  // --all-boards: a preset that does not assemble with this model is reported as that
  // board's error (exit 1) instead of bad input (exit 2).
  bool all_boards = false;
};

struct Suggestion {
  std::string id, title, action;  // action: how to apply it (CLI flags or a change)
  bool applicable = false;
  bool simulated = false;         // effect measured by a child run (else in-process)
  std::string variant_dir;        // relative to OUT, when simulated
  double d_latency_ms = 0, d_energy_mj = 0;  // variant - base (negative = better)
  std::int64_t d_peak_bytes = 0;
  bool fixes = false;             // turns a failing verdict into a passing one
  double score = 0;               // ranking key: relative gain (+1 if it fixes)
  std::string effect, note;       // one line each
};

struct LimitingLayer {
  int index = 0;
  std::string name, op, reason;
  double latency_ms = 0, energy_mj = 0, latency_share = 0, energy_share = 0;
};

struct BoardReport {
  BoardStatic st;
  RunData base;
  bool ran = false;
  bool skip = false;              // not simulated (see error)
  std::string error;              // child failure
  std::string verdict;            // fits | fits-with-offload | does-not-fit | error
  bool latency_ok = true, energy_ok = true, ok = false;
  std::vector<LimitingLayer> limiting;
  std::vector<Suggestion> suggestions;  // ranked: applicable first
  BatteryLife battery;
  std::map<std::string, RunData> variants;
};

struct DeployResult {
  DeployRequest req;
  ModelStatic model;
  std::vector<BoardReport> boards;
  bool all_ok = false;
  double host_s = 0;
  int child_runs = 0;
};

// Validates everything in-process first (InputError: exit 2, nothing written), then
// runs the children and writes the reports. Returns the exit status (0 ok, 1 not).
int run_deploy(const DeployRequest& req);

}  // namespace mcusim::deploy
