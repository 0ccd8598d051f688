#include "sim/cli/command.hpp"
#include "sim/cli/options.hpp"
#include "sim/run/runner.hpp"

namespace mcusim::cli {

int cmd_run(const std::vector<std::string>& args) {
  po::options_description desc("run options");
  desc.add_options()
      ("board", po::value<std::string>(), "board preset (configs/boards/NAME.yaml) or a YAML path")
      ("model", po::value<std::string>(), "PATH.tflite or zoo:NAME (e.g. zoo:mobilenet_v2_0.35_128)")
      ("engine", po::value<std::string>(), "kernel-library profile (configs/engines), default cmsis-nn")
      ("config", po::value<std::vector<std::string>>()->composing(), "YAML file; later files override earlier ones")
      ("set", po::value<std::vector<std::string>>()->composing(), "override a key: key.path=value (e.g. sd.clock=25MHz)")
      ("out", po::value<std::string>()->required(), "output directory")
      ("quiet,q", "do not print the per-layer table");
  po::variables_map vm;
  if (!parse_options("run", args, desc, vm, nullptr,
                     "--board NAME --model PATH.tflite|zoo:NAME [--engine E] [--config F]... "
                     "[--set k=v]... --out DIR"))
    return 0;
  set_log_level(vm["log-level"].as<std::string>());
  RunRequest req;
  if (vm.count("board")) req.board = vm["board"].as<std::string>();
  if (vm.count("model")) req.model = vm["model"].as<std::string>();
  if (vm.count("engine")) req.engine = vm["engine"].as<std::string>();
  if (vm.count("config")) req.configs = vm["config"].as<std::vector<std::string>>();
  if (vm.count("set")) req.sets = vm["set"].as<std::vector<std::string>>();
  return run_simulation(req, vm["out"].as<std::string>(), !vm.count("quiet"));
}

}  // namespace mcusim::cli
