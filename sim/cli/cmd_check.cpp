// `mcusim check --baseline DIR`: reruns the baseline experiments and compares (sim/check).
#include "sim/check/check.hpp"
#include "sim/cli/command.hpp"
#include "sim/cli/options.hpp"

namespace mcusim::cli {

int cmd_check(const std::vector<std::string>& args) {
  po::options_description desc("check options");
  desc.add_options()
      ("baseline", po::value<std::string>()->required(), "baseline directory: spec.yaml, results.csv, layers.csv")
      ("rtol", po::value<double>()->default_value(1e-6), "relative tolerance for numeric values")
      ("set", po::value<std::vector<std::string>>()->composing(), "override a key in every run: key.path=value")
      ("jobs,j", po::value<unsigned>()->default_value(0), "simulations run at once (0: number of cores)")
      ("work", po::value<std::string>(), "keep the rerun's sweep in this directory (default: a temp dir)")
      ("update", "rewrite the baseline CSVs from this rerun instead of comparing");
  po::variables_map vm;
  if (!parse_options("check", args, desc, vm, nullptr,
                     "--baseline DIR [--rtol R] [--set k=v]... [--jobs N] [--update]"))
    return 0;
  set_log_level(vm["log-level"].as<std::string>());
  check::CheckOptions o;
  o.baseline_dir = vm["baseline"].as<std::string>();
  o.rtol = vm["rtol"].as<double>();
  if (!(o.rtol >= 0)) throw InputError("--rtol: expected a non-negative number");
  if (vm.count("set")) o.sets = vm["set"].as<std::vector<std::string>>();
  o.jobs = vm["jobs"].as<unsigned>();
  if (vm.count("work")) o.work_dir = vm["work"].as<std::string>();
  o.update = vm.count("update") > 0;
  return check::run_check(o);
}

}  // namespace mcusim::cli
