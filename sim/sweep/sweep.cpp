#include "sim/sweep/sweep.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "sim/core/error.hpp"
#include "sim/sweep/db.hpp"
#include "sim/sweep/pool.hpp"
#include "sim/sweep/spec.hpp"

namespace mcusim::sweep {
namespace fs = std::filesystem;

void parse_shard(const std::string& s, std::size_t& i, std::size_t& n) {
  const auto slash = s.find('/');
  try {
    std::size_t a = 0, b = 0;
    if (slash == std::string::npos) throw 0;
    i = std::stoull(s.substr(0, slash), &a);
    n = std::stoull(s.substr(slash + 1), &b);
    if (a != slash || b != s.size() - slash - 1 || n == 0 || i >= n) throw 0;
  } catch (...) {
    throw InputError("--shard: expected I/N with 0 <= I < N, got '" + s + "'");
  }
}

namespace {

std::string last_line(const std::string& path) {
  std::ifstream in(path);
  std::string line, last;
  while (std::getline(in, line))
    if (!line.empty()) last = line;
  return last;
}

// Builds the DB row of a finished point from its run directory.
PointRow ingest(const Point& p, const Spec& s, const std::string& dir, const Finished& f,
                const std::string& log) {
  PointRow r{p.index, p.id, p.values, "ok", "", {}, {}};
  if (f.exit_code != 0) {
    r.status = "error";
    r.error = f.signal ? "killed by signal " + std::to_string(f.signal)
                       : "exit " + std::to_string(f.exit_code) + ": " + last_line(log);
    return r;
  }
  const auto fields = read_summary_fields(dir + "/summary.json");
  const bool all = s.metrics.size() == 1 && s.metrics[0] == "all";
  if (all) {
    for (const auto& fl : fields)
      if (fl.numeric()) r.metrics.push_back(fl);
  } else {
    for (const auto& m : s.metrics) {
      const Field* hit = nullptr;
      for (const auto& fl : fields)
        if (fl.name == m) hit = &fl;
      if (!hit) {
        r.status = "error";
        r.error = "summary.json has no field '" + m + "'";
        r.metrics.clear();
        return r;
      }
      r.metrics.push_back(*hit);
    }
  }
  r.layers = read_layer_values(dir + "/layers.csv");
  return r;
}

// Drops the run files the spec does not keep (power traces dominate disk use).
void prune(const std::string& dir, const std::vector<std::string>& keep) {
  if (keep.empty()) return;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const auto name = e.path().filename().string();
    if (std::find(keep.begin(), keep.end(), name) == keep.end()) fs::remove(e.path(), ec);
  }
}

void progress(std::size_t done, std::size_t total, double elapsed) {
  const int width = 30;
  const int fill = total ? static_cast<int>(width * done / total) : width;
  const double eta = done ? elapsed / static_cast<double>(done) * static_cast<double>(total - done) : 0;
  std::fprintf(stderr, "\r[%s%s] %zu/%zu  %3.0f%%  ETA %d:%02d ", std::string(fill, '#').c_str(),
               std::string(width - fill, '.').c_str(), done, total,
               total ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 100.0,
               static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
  std::fflush(stderr);
}

}  // namespace

SweepOutcome run_sweep(const SweepOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  Spec spec = parse_spec_file(o.spec_path);
  spec.sets.insert(spec.sets.end(), o.extra_sets.begin(), o.extra_sets.end());
  const std::vector<Point> points = enumerate(spec);
  Meta meta;
  meta.spec_hash = spec_hash(spec, points);
  meta.shard = std::to_string(o.shard_i) + "/" + std::to_string(o.shard_n);
  for (const auto& a : spec.axes) meta.axes.push_back(a.key);
  meta.metrics = spec.metrics;
  meta.total_points = points.size();

  std::error_code ec;
  fs::create_directories(o.out_dir + "/points", ec);
  if (ec) throw InputError(o.out_dir + ": cannot create (" + ec.message() + ")");
  const std::string db_path = o.out_dir + "/results.db";
  const bool existed = fs::exists(db_path);
  ResultsDb db(db_path, true);
  if (existed && db.has_meta()) {
    const Meta old = db.meta();
    if (old.spec_hash != meta.spec_hash)
      throw InputError(db_path + " holds a sweep of a different spec (hash " + old.spec_hash +
                       ", this spec " + meta.spec_hash + "); use another --out");
    if (old.shard != meta.shard)
      throw InputError(db_path + " holds shard " + old.shard + ", not " + meta.shard);
    if (!o.resume)
      throw InputError(o.out_dir + " already holds this sweep; pass --resume to run the missing points");
  } else {
    db.write_meta(meta);
  }

  SweepOutcome out;
  const std::set<std::size_t> done = db.finished();
  const std::string exe = self_exe();
  std::vector<Task> tasks;
  for (const auto& p : points) {
    if (p.index % o.shard_n != o.shard_i) continue;
    ++out.shard_points;
    if (done.count(p.index)) {
      ++out.already_done;
      continue;
    }
    const std::string dir = o.out_dir + "/points/" + p.id;
    fs::remove_all(dir, ec);  // a killed earlier attempt may have left staged files
    Task t{p.index, {exe, "run"}, o.out_dir + "/points/" + p.id + ".log"};
    for (std::size_t i = 0; i < p.run_args.size(); ++i) {
      const bool path_arg = i > 0 && (p.run_args[i - 1] == "--model" || p.run_args[i - 1] == "--config");
      t.argv.push_back(path_arg ? resolve_path(p.run_args[i], spec.dir) : p.run_args[i]);
    }
    t.argv.insert(t.argv.end(), {"--out", dir, "--quiet", "--log-level", "error"});
    tasks.push_back(std::move(t));
  }

  const unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  const bool bar = o.progress && isatty(2);
  std::size_t finished = 0;
  const auto started = std::chrono::steady_clock::now();
  auto on_done = [&](const Finished& f) {
    const Point& p = points[f.key];
    const std::string dir = o.out_dir + "/points/" + p.id, log = dir + ".log";
    // Killed by a signal while the sweep itself is stopping: not a result, so it
    // stays missing and --resume reruns it.
    if (f.signal == SIGINT || f.signal == SIGTERM || f.signal == SIGKILL) return;
    PointRow row = ingest(p, spec, dir, f, log);
    db.insert(row);  // committed: survives any later kill
    ++out.ran;
    if (row.status != "ok") {
      ++out.failed;
      out.failures.push_back(p.id + ": " + row.error);
    } else {
      fs::remove(log, ec);
      prune(dir, spec.keep);
    }
    ++finished;
    if (bar)
      progress(finished, tasks.size(),
               std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  };
  if (bar && !tasks.empty()) progress(0, tasks.size(), 0);
  out.interrupted = run_tasks(tasks, jobs, on_done);
  if (bar && !tasks.empty()) std::fputs("\n", stderr);
  if (!out.interrupted) db.export_csv(o.out_dir + "/results.csv", o.out_dir + "/layers.csv");
  out.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

}  // namespace mcusim::sweep
