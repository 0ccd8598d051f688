#pragma once
// Child processes: SystemC elaborates one simulation per process, so every command
// that needs several simulations (calibrate, sweep, deploy, bench) runs
// `/proc/self/exe run ...` once per point.
#include <string>
#include <vector>

namespace mcusim {

struct ChildResult {
  int exit_status = -1;     // exit code, or 128 + signal
  std::string stderr_text;  // what the child printed on stderr
  double host_seconds = 0;  // wall time
  long max_rss_kib = 0;     // peak resident set size of the child
};

// The path of the running executable (/proc/self/exe).
std::string self_exe();

// Runs `argv` (argv[0] = program path), stdout discarded, stderr captured.
ChildResult run_child(const std::vector<std::string>& argv);

}  // namespace mcusim
