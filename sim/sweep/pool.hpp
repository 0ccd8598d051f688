#pragma once
#include "sim/core/subprocess.hpp"
// Runs child processes N at a time (fork/exec: a SystemC simulation can be elaborated
// only once per process, so every point is its own `mcusim run`). SIGINT/SIGTERM stop
// new launches; running children are waited for and reported, then run() returns.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace mcusim::sweep {

struct Task {
  std::size_t key = 0;
  std::vector<std::string> argv;  // argv[0] is the executable path
  std::string log_path;           // child's stderr (stdout goes to /dev/null)
};

struct Finished {
  std::size_t key = 0;
  int exit_code = -1;  // -1 when killed by a signal
  int signal = 0;
};

// Returns true when interrupted by SIGINT/SIGTERM (some tasks not launched).
bool run_tasks(const std::vector<Task>& tasks, unsigned jobs,
               const std::function<void(const Finished&)>& on_done);

// The running executable, for re-exec (readlink /proc/self/exe).
using mcusim::self_exe;  // sim/core/subprocess.hpp

}  // namespace mcusim::sweep
