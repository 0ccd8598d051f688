#include "sim/cli/command.hpp"
#include "sim/cli/options.hpp"
#include "sim/deploy/deploy.hpp"
#include "sim/run/paths.hpp"

namespace mcusim::cli {

int cmd_deploy(const std::vector<std::string>& args) {
  po::options_description desc("deploy options");
  desc.add_options()
      ("model", po::value<std::string>()->required(), "PATH.tflite or zoo:NAME")
      ("board", po::value<std::vector<std::string>>()->composing(), "board preset (repeatable)")
      ("all-boards", "every board preset in configs/boards")
      ("engine", po::value<std::string>(), "kernel-library profile (configs/engines), default cmsis-nn")
      ("budget-latency-ms", po::value<double>(), "latency budget per inference (ms)")
      ("budget-energy-mj", po::value<double>(), "energy budget per inference (mJ)")
      ("sd-clock", po::value<std::string>(), "requested SPI clock of the µSD card (e.g. 25MHz)")
      ("config", po::value<std::vector<std::string>>()->composing(), "YAML file applied to every run")
      ("set", po::value<std::vector<std::string>>()->composing(), "override key.path=value in every run")
      ("inferences-per-hour", po::value<double>(), "for battery life: inference rate")
      ("battery-mah", po::value<double>(), "for battery life: capacity (mAh)")
      ("battery-volts", po::value<double>(), "for battery life: nominal voltage (V)")
      ("jobs,j", po::value<int>()->default_value(2), "child simulations at a time")
      ("out", po::value<std::string>()->required(), "output directory");
  po::variables_map vm;
  if (!parse_options("deploy", args, desc, vm, nullptr,
                     "--model M (--board B... | --all-boards) [--budget-latency-ms X] "
                     "[--budget-energy-mj Y] [--sd-clock F] [--config F]... [--set k=v]... --out DIR"))
    return 0;
  set_log_level(vm["log-level"].as<std::string>());
  deploy::DeployRequest r;
  r.model = vm["model"].as<std::string>();
  r.out = vm["out"].as<std::string>();
  if (vm.count("board") && vm.count("all-boards"))
    throw InputError("give either --board or --all-boards, not both");
  if (vm.count("all-boards")) {
    r.boards = preset_names("boards");
    r.all_boards = true;
  }
  if (vm.count("board")) r.boards = vm["board"].as<std::vector<std::string>>();
  for (std::size_t i = 0; i < r.boards.size(); ++i)
    for (std::size_t k = 0; k < i; ++k)
      if (r.boards[i] == r.boards[k]) throw InputError("--board " + r.boards[i] + " given twice");
  for (const auto& b : r.boards)
    if (b.find('/') != std::string::npos || b.find(".yaml") != std::string::npos)
      throw InputError("--board " + b + ": deploy takes preset names (configs/boards); use --config for a file");
  if (vm.count("engine")) r.engine = vm["engine"].as<std::string>();
  if (vm.count("config")) r.configs = vm["config"].as<std::vector<std::string>>();
  if (vm.count("set")) r.sets = vm["set"].as<std::vector<std::string>>();
  if (vm.count("sd-clock")) r.sd_clock = vm["sd-clock"].as<std::string>();
  auto positive = [&](const char* k, double& dst) {
    if (!vm.count(k)) return false;
    dst = vm[k].as<double>();
    if (!(dst > 0)) throw InputError(std::string("--") + k + ": must be positive");
    return true;
  };
  positive("budget-latency-ms", r.budget_latency_ms);
  positive("budget-energy-mj", r.budget_energy_mj);
  const int nbat = positive("inferences-per-hour", r.battery.inferences_per_hour) +
                   positive("battery-mah", r.battery.battery_mah) +
                   positive("battery-volts", r.battery.battery_v);
  if (nbat != 0 && nbat != 3)
    throw InputError("battery life needs --inferences-per-hour, --battery-mah and --battery-volts together");
  r.parallel = vm["jobs"].as<int>();
  if (r.parallel < 1 || r.parallel > 64) throw InputError("--jobs: expected 1..64");
  return deploy::run_deploy(r);
}

}  // namespace mcusim::cli
