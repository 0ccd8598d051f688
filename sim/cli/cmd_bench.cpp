// `mcusim bench`: host speed and memory of `mcusim run` on the benchmark cases.
#include <unistd.h>

#include <climits>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "sim/bench/bench.hpp"
#include "sim/cli/command.hpp"
#include "sim/cli/options.hpp"
#include "sim/core/subprocess.hpp"
#include "sim/run/paths.hpp"

namespace mcusim::cli {

namespace {

void write_file(const std::filesystem::path& p, const std::string& text) {
  std::ofstream f(p);
  f << text;
  if (!f) throw InputError(p.string() + ": cannot write");
}

}  // namespace

int cmd_bench(const std::vector<std::string>& args) {
  po::options_description desc("bench options");
  desc.add_options()
      ("quick", "one repetition of the default case only")
      ("repeat", po::value<int>()->default_value(5), "runs per case (the median is reported)")
      ("out", po::value<std::string>(), "also write bench.csv and bench.md into this directory");
  po::variables_map vm;
  if (!parse_options("bench", args, desc, vm, nullptr, "[--quick] [--repeat N] [--out DIR]"))
    return 0;
  set_log_level(vm["log-level"].as<std::string>());
  const bool quick = vm.count("quick") > 0;
  const int repeats = quick ? 1 : vm["repeat"].as<int>();
  if (repeats < 1 || repeats > 100) throw InputError("--repeat: expected 1..100");
  const std::string exe = self_exe(), machine = bench::machine_description();

  std::vector<bench::CaseResult> results;
  for (const auto& c : bench::default_cases(quick, shared_dir())) {
    bench::CaseResult r;
    r.c = c;
    std::vector<double> host, cpu, rss;
    for (int i = 0; i < repeats; ++i) {
      r.samples.push_back(bench::run_once(exe, c));
      host.push_back(r.samples.back().host_s);
      cpu.push_back(r.samples.back().cpu_s);
      rss.push_back(r.samples.back().peak_rss_mib);
    }
    r.median_host_s = bench::median(host);
    r.median_cpu_s = bench::median(cpu);
    r.median_rss_mib = bench::median(rss);
    r.sim_s = r.samples.back().sim_s;  // deterministic: identical in every repetition
    results.push_back(std::move(r));
  }
  std::cout << bench::text_report(results, machine, repeats);
  if (vm.count("out")) {
    const std::filesystem::path dir = vm["out"].as<std::string>();
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw InputError(dir.string() + ": cannot create the output directory");
    write_file(dir / "bench.csv", bench::csv_report(results, machine));
    write_file(dir / "bench.md", bench::md_report(results, machine, repeats));
  }
  return 0;
}

}  // namespace mcusim::cli
