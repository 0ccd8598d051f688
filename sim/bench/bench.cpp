#include "sim/bench/bench.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "sim/core/error.hpp"

namespace mcusim::bench {
namespace fs = std::filesystem;

std::vector<Case> default_cases(bool quick, const std::string& shared_dir) {
  std::vector<Case> c = {{"default", "nucleo-f767zi", "zoo:mobilenet_v2_0.35_128", {},
                          "the default run (scripts/run)"}};
  if (quick) return c;
  c.push_back({"sd-paged", "nucleo-f746zg", "zoo:mobilenet_v2_0.35_128", {},
               "1 MiB flash: part of the weights paged from the uSD card"});
  c.push_back({"largest", "nucleo-f767zi",
               shared_dir + "/models/tflm_xtensa_mobilenet_v2_quantized_1x3x224x224.tflite", {},
               "largest model file (3.8 MiB, 300 M MACs)"});
  return c;
}

std::string machine_description() {
  std::string cpu = "unknown CPU";
  std::ifstream ci("/proc/cpuinfo");
  for (std::string line; std::getline(ci, line);)
    if (line.rfind("model name", 0) == 0) {
      cpu = line.substr(line.find(':') + 2);
      break;
    }
  double mem_gib = 0;
  std::ifstream mi("/proc/meminfo");
  for (std::string line; std::getline(mi, line);)
    if (line.rfind("MemTotal:", 0) == 0) mem_gib = std::atof(line.c_str() + 9) / (1024.0 * 1024.0);
  std::ostringstream os;
  os.precision(3);
  os << std::thread::hardware_concurrency() << " CPUs, " << cpu << ", " << mem_gib << " GiB RAM";
  std::ifstream la("/proc/loadavg");
  std::string load;
  if (la >> load) os << ", load average " << load;
  return os.str();
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

namespace {

double latency_ms_of(const fs::path& summary) {
  std::ifstream in(summary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string s = ss.str();
  const auto k = s.find("\"latency_ms\":");
  if (k == std::string::npos) throw InputError(summary.string() + ": no latency_ms");
  return std::atof(s.c_str() + k + 13);
}

std::string last_line(const fs::path& p) {
  std::ifstream in(p);
  std::string line, last;
  while (std::getline(in, line))
    if (!line.empty()) last = line;
  return last;
}

}  // namespace

Sample run_once(const std::string& exe, const Case& c) {
  char tmpl[] = "/tmp/mcusim-bench-XXXXXX";
  if (!mkdtemp(tmpl)) throw InputError("bench: cannot create a temporary directory");
  const fs::path tmp(tmpl), out = tmp / "out", err = tmp / "stderr";
  std::vector<std::string> args = {exe, "run", "--board", c.board, "--model", c.model, "-q",
                                   "--out", out.string()};
  for (const auto& s : c.sets) {
    args.push_back("--set");
    args.push_back(s);
  }
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  const auto t0 = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    if (!freopen("/dev/null", "w", stdout) || !freopen(err.c_str(), "w", stderr)) _exit(127);
    execv(argv[0], argv.data());
    _exit(127);
  }
  if (pid < 0) throw InputError("bench: fork failed");
  int status = 0;
  rusage ru{};
  while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR) {
  }
  Sample s;
  s.host_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  s.cpu_s = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
            static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  s.peak_rss_mib = static_cast<double>(ru.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB
  const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  std::string why;
  if (ok) s.sim_s = latency_ms_of(out / "summary.json") / 1e3;
  else why = last_line(err);
  std::error_code ec;
  fs::remove_all(tmp, ec);
  if (!ok)
    throw InputError("bench: case '" + c.name + "' failed (status " + std::to_string(status) +
                     "): " + why);
  return s;
}

}  // namespace mcusim::bench
