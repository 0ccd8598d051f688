#pragma once
// `mcusim bench`: host speed of the simulator. Each case is one `mcusim run` in its
// own child process (SystemC elaborates once per process), repeated; the report gives
// the median host wall time, the median peak RSS of the child (wait4's rusage) and
// simulated seconds per host second, with a description of the machine.
#include <string>
#include <vector>

namespace mcusim::bench {

struct Case {
  std::string name, board, model;
  std::vector<std::string> sets;  // extra --set key=value
  std::string note;               // why this case is in the set
};

struct Sample {
  double host_s = 0;       // wall time from fork to wait4
  double cpu_s = 0;        // child's user + system CPU time (robust to a loaded machine)
  double peak_rss_mib = 0; // child's ru_maxrss
  double sim_s = 0;        // summary.json latency_ms / 1000
};

struct CaseResult {
  Case c;
  std::vector<Sample> samples;
  double median_host_s = 0, median_cpu_s = 0, median_rss_mib = 0, sim_s = 0;
  double speed() const { return median_host_s > 0 ? sim_s / median_host_s : 0; }
  double cpu_speed() const { return median_cpu_s > 0 ? sim_s / median_cpu_s : 0; }
};

// The benchmark set: the default run, the µSD-paged run and the largest model.
// `quick`: the default run only. Model paths are resolved under `shared_dir`.
std::vector<Case> default_cases(bool quick, const std::string& shared_dir);

// "2 CPUs, <model name>, 23.5 GiB RAM, load 1.2" from nproc, /proc/cpuinfo, /proc/meminfo
// and /proc/loadavg (wall times on a loaded machine are longer than CPU times).
std::string machine_description();

// Runs `exe run ...` for the case once in a child process, outputs into a temporary
// directory that is removed afterwards. Throws InputError if the child fails,
// quoting its last stderr line.
Sample run_once(const std::string& exe, const Case& c);

double median(std::vector<double> v);

// Report formats (report.cpp).
std::string text_report(const std::vector<CaseResult>& r, const std::string& machine, int repeats);
std::string csv_report(const std::vector<CaseResult>& r, const std::string& machine);
std::string md_report(const std::vector<CaseResult>& r, const std::string& machine, int repeats);

}  // namespace mcusim::bench
