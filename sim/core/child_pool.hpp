#pragma once
// A pool of child processes, `jobs` at a time (fork/exec): SystemC elaborates one
// simulation per process, so sweep and deploy run `/proc/self/exe run ...` per point.
// Children discard stdout, write stderr to a file, and die with the parent
// (PR_SET_PDEATHSIG), so none outlives an interrupted command.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace mcusim {

struct PoolTask {
  std::vector<std::string> argv;  // argv[0] = program path
  std::string stderr_path;        // the child's stderr
};

struct PoolDone {
  std::size_t index = 0;  // into the task list
  int exit_code = -1;     // -1 when killed by a signal
  int signal = 0;
  double host_seconds = 0;  // wall time of the child
  int status() const { return signal ? 128 + signal : exit_code; }
};

// Runs every task, calling on_done as each finishes (completion order). With
// stop_on_signals, SIGINT/SIGTERM stop new launches; running children are still waited
// for and reported; returns true when that happened.
bool run_pool(const std::vector<PoolTask>& tasks, unsigned jobs,
              const std::function<void(const PoolDone&)>& on_done, bool stop_on_signals);

}  // namespace mcusim
