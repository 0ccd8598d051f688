#include "sim/check/check.hpp"

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>

#include "sim/check/compare.hpp"
#include "sim/core/error.hpp"
#include "sim/sweep/sweep.hpp"

namespace mcusim::check {
namespace fs = std::filesystem;

int run_check(const CheckOptions& o) {
  const std::string spec = o.baseline_dir + "/spec.yaml";
  if (!fs::exists(spec)) throw InputError(spec + ": no such file (a baseline directory holds spec.yaml)");
  std::string work = o.work_dir;
  if (work.empty()) {
    std::string tmpl = (fs::temp_directory_path() / "mcusim-check-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw InputError("cannot create a temporary directory");
    work = tmpl;
  }
  // The temp dir goes whatever happens; a user-given --work dir is left for inspection.
  struct Cleanup {
    std::string dir;
    ~Cleanup() {
      std::error_code ec;
      if (!dir.empty()) fs::remove_all(dir, ec);
    }
  } cleanup{o.work_dir.empty() ? work : ""};

  sweep::SweepOptions so;
  so.spec_path = spec;
  so.out_dir = work;
  so.jobs = o.jobs;
  so.extra_sets = o.sets;
  const auto run = sweep::run_sweep(so);
  if (run.interrupted) return 130;

  if (o.update) {
    if (run.failed) {
      std::ostringstream m;
      for (const auto& f : run.failures) m << "\n  " << f;
      throw CheckFailed(std::to_string(run.failed) + " baseline point(s) failed; baselines not updated" + m.str());
    }
    for (const char* f : {"results.csv", "layers.csv"})
      fs::copy_file(work + "/" + f, o.baseline_dir + "/" + f, fs::copy_options::overwrite_existing);
    std::cout << "updated " << o.baseline_dir << "/{results.csv,layers.csv}: " << run.shard_points
              << " points in " << run.wall_s << " s\n";
    return 0;
  }

  auto moved = compare_results(read_csv(o.baseline_dir + "/results.csv"), read_csv(work + "/results.csv"), o.rtol);
  const auto ml = compare_layers(read_csv(o.baseline_dir + "/layers.csv"), read_csv(work + "/layers.csv"), o.rtol);
  moved.insert(moved.end(), ml.begin(), ml.end());
  if (moved.empty()) {
    std::cout << "check: " << run.shard_points << " points match " << o.baseline_dir
              << " within rtol " << o.rtol << "\n";
    return 0;
  }
  std::cout << moved_table(moved, 60);
  std::set<std::string> names, points;
  for (const auto& m : moved) names.insert(m.metric_name), points.insert(m.point.substr(0, m.point.find(' ')));
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  std::ostringstream msg;
  msg << moved.size() << " value(s) in " << points.size() << " point(s) moved beyond rtol " << o.rtol
      << ": " << list << " (if intended, run scripts/update-baselines)";
  throw CheckFailed(msg.str());
}

}  // namespace mcusim::check
