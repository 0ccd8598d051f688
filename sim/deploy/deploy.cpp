#include "sim/deploy/deploy.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "sim/core/error.hpp"
#include "sim/deploy/child.hpp"
#include "sim/deploy/report.hpp"
#include "sim/deploy/suggest.hpp"
#include "sim/run/atomic_writer.hpp"

namespace mcusim::deploy {
namespace fs = std::filesystem;

namespace {

std::vector<std::string> run_argv(const DeployRequest& req, const std::string& board,
                                  const std::string& model, const std::vector<std::string>& sets,
                                  const std::string& out) {
  std::vector<std::string> a = {self_exe(), "run", "--board", board, "--model", model};
  if (!req.engine.empty()) a.insert(a.end(), {"--engine", req.engine});
  for (const auto& c : req.configs) a.insert(a.end(), {"--config", c});
  for (const auto& s : sets) a.insert(a.end(), {"--set", s});
  a.insert(a.end(), {"--out", out, "--quiet", "--log-level", "warn"});
  return a;
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

void finish_board(BoardReport& b, const DeployResult& R) {
  const auto& req = R.req;
  if (!b.ran) {
    b.verdict = "error";
    return;
  }
  const auto& t = b.st.placement.totals;
  b.verdict = !b.base.fits ? "does-not-fit"
              : (t.const_sd > 0 || t.spilled_tensors > 0) ? "fits-with-offload" : "fits";
  b.latency_ok = req.budget_latency_ms <= 0 || b.base.latency_ms <= req.budget_latency_ms;
  b.energy_ok = req.budget_energy_mj <= 0 || b.base.energy_mj <= req.budget_energy_mj;
  b.ok = b.base.fits && b.latency_ok && b.energy_ok;
  b.limiting = limiting_layers(b.st, b.base);
  make_suggestions(b, R.model, req);
  b.battery = battery_life(b.base.latency_ms * 1e-3, b.base.energy_mj * 1e-3,
                           b.st.sleep_current_a, b.st.vdd_v, req.battery);
}

}  // namespace

int run_deploy(const DeployRequest& req0) {
  const auto t0 = std::chrono::steady_clock::now();
  DeployResult R;
  R.req = req0;
  const DeployRequest& req = R.req;
  if (req.boards.empty()) throw InputError("no board: give --board NAME (repeatable) or --all-boards");
  if (req.budget_latency_ms < 0 || req.budget_energy_mj < 0)
    throw InputError("budgets must not be negative");
  // Everything that can be bad input is checked here, before any file is written.
  R.model = analyze_model(req.model);
  std::vector<std::string> sets = req.sets;
  if (!req.sd_clock.empty()) sets.push_back("sd.clock=" + req.sd_clock);
  for (const auto& name : req.boards) {
    RunRequest rr;
    rr.board = name;
    rr.model = req.model;
    rr.engine = req.engine;
    rr.configs = req.configs;
    rr.sets = sets;
    BoardReport b;
    try {
      b.st = analyze_board(R.model, rr);
    } catch (const InputError& e) {
      if (!req.all_boards) throw;
      b.st.preset = name;
      b.error = std::string("preset does not assemble: ") + e.what();
      b.skip = true;
    }
    R.boards.push_back(std::move(b));
  }
  const std::string w = smaller_width(req.model);
  if (!w.empty()) analyze_model(w);

  AtomicOutput out(req.out);
  auto board_dir = [&](const BoardReport& b) { return req.out + "/boards/" + b.st.preset; };
  std::vector<ChildJob> jobs;
  std::vector<std::size_t> job_board;
  for (std::size_t i = 0; i < R.boards.size(); ++i) {
    const auto& b = R.boards[i];
    if (b.skip) continue;
    job_board.push_back(i);
    fs::create_directories(board_dir(b));
    jobs.push_back({run_argv(req, b.st.preset, req.model, sets, board_dir(b)),
                    board_dir(b) + "/run.stderr"});
  }
  auto done = run_jobs(jobs, req.parallel);
  R.child_runs += static_cast<int>(jobs.size());
  for (std::size_t j = 0; j < job_board.size(); ++j) {
    const std::size_t i = job_board[j];
    auto& b = R.boards[i];
    if (done[j].status == 2 && !req.all_boards)
      throw InputError(b.st.preset + ": " + first_line(done[j].stderr_text));
    if (done[j].status != 0) {
      b.error = "mcusim run exited " + std::to_string(done[j].status) + ": " + first_line(done[j].stderr_text);
      continue;
    }
    b.base = read_run(board_dir(b));
    b.ran = true;
  }

  // Variants: one child per suggestion that needs a simulation, diffed against the base.
  jobs.clear();
  std::vector<std::pair<std::size_t, std::string>> which;
  for (std::size_t i = 0; i < R.boards.size(); ++i) {
    const auto& b = R.boards[i];
    if (!b.ran) continue;
    for (const auto& v : plan_variants(b.st, b.base, req.model, R.model.graph)) {
      const std::string dir = board_dir(b) + "/variants/" + v.id;
      fs::create_directories(dir);
      auto vs = sets;
      vs.insert(vs.end(), v.sets.begin(), v.sets.end());
      jobs.push_back({run_argv(req, b.st.preset, v.model.empty() ? req.model : v.model, vs, dir),
                      dir + "/run.stderr"});
      which.emplace_back(i, v.id);
    }
  }
  done = run_jobs(jobs, req.parallel);
  R.child_runs += static_cast<int>(jobs.size());
  for (std::size_t k = 0; k < jobs.size(); ++k) {
    if (done[k].status != 0) continue;  // reported as "variant run failed"
    auto& b = R.boards[which[k].first];
    b.variants[which[k].second] = read_run(board_dir(b) + "/variants/" + which[k].second);
  }

  R.all_ok = true;
  for (auto& b : R.boards) {
    finish_board(b, R);
    R.all_ok = R.all_ok && b.ok;
  }

  AtomicOutput plots(req.out + "/plots");
  for (const auto& [name, svg] : board_plots(R)) plots.stage(name, svg);
  out.stage("deploy.json", deploy_json(R));
  out.stage("report.md", report_md(R));
  out.stage("report.html", report_html(R));
  plots.commit();
  out.commit();

  R.host_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << console_summary(R);
  char buf[160];
  std::snprintf(buf, sizeof buf, "host time %.2f s for %d child runs (%d at a time)\n", R.host_s,
                R.child_runs, req.parallel);
  std::cout << buf << "reports: " << req.out << "/{report.md,report.html,deploy.json}\n";
  if (!R.all_ok) {
    std::cerr << "mcusim deploy: check failed: " << req.model
              << " does not fit within the budgets on every board\n";
    return 1;
  }
  return 0;
}

}  // namespace mcusim::deploy
