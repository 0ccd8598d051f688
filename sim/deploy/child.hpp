#pragma once
#include "sim/core/subprocess.hpp"
// Child simulations: SystemC elaborates one simulation per process, so deploy runs
// `/proc/self/exe run ... --out DIR` once per board and variant, a few at a time.
#include <string>
#include <vector>

namespace mcusim::deploy {

struct ChildJob {
  std::vector<std::string> argv;  // argv[0] = program path
  std::string stderr_path;        // the child's stderr goes here (removed when empty)
};

struct ChildOutcome {
  int status = -1;          // exit code, or 128 + signal
  std::string stderr_text;  // first lines of what the child printed on stderr
  double host_s = 0;        // wall time of the child
};

using mcusim::self_exe;  // sim/core/subprocess.hpp: /proc/self/exe resolved

// Runs every job, at most `parallel` at once; outcomes in job order.
std::vector<ChildOutcome> run_jobs(const std::vector<ChildJob>& jobs, int parallel);

}  // namespace mcusim::deploy
