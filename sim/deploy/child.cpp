#include "sim/deploy/child.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/core/child_pool.hpp"

namespace mcusim::deploy {
namespace fs = std::filesystem;

namespace {

std::string slurp_and_remove(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  if (s.empty()) {
    std::error_code ec;
    fs::remove(path, ec);
  }
  if (s.size() > 2000) s = s.substr(0, 2000) + "...";
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

}  // namespace

std::vector<ChildOutcome> run_jobs(const std::vector<ChildJob>& jobs, int parallel) {
  std::vector<ChildOutcome> out(jobs.size());
  std::vector<PoolTask> pool;
  for (const auto& j : jobs) pool.push_back({j.argv, j.stderr_path});
  run_pool(pool, static_cast<unsigned>(std::max(parallel, 1)),
           [&](const PoolDone& d) {
             out[d.index].status = d.status();
             out[d.index].host_s = d.host_seconds;
             out[d.index].stderr_text = slurp_and_remove(jobs[d.index].stderr_path);
           },
           /*stop_on_signals=*/false);
  return out;
}

}  // namespace mcusim::deploy
