// `mcusim describe DEVICE --board B`: a device's parameters, stats and energy actions;
// `describe core` the compute model (describe_core.hpp).
#include <iostream>

#include "sim/cli/command.hpp"
#include "sim/cli/describe_core.hpp"
#include "sim/cli/options.hpp"
#include "sim/run/assemble.hpp"
#include "sim/run/devices.hpp"

namespace mcusim::cli {

int cmd_describe(const std::vector<std::string>& args) {
  po::options_description desc("describe options");
  desc.add_options()("device", po::value<std::string>()->required(), "sram | flash | sd | core")(
      "board", po::value<std::string>()->default_value("nucleo-f767zi"), "board preset")(
      "engine", po::value<std::string>(), "kernel-library profile for `core` (default cmsis-nn)")(
      "config", po::value<std::vector<std::string>>()->composing(), "YAML file(s)")(
      "set", po::value<std::vector<std::string>>()->composing(), "key.path=value");
  po::positional_options_description pos;
  pos.add("device", 1);
  po::variables_map vm;
  if (!parse_options("describe", args, desc, vm, &pos, "DEVICE [--board B]")) return 0;
  set_log_level(vm["log-level"].as<std::string>());
  RunRequest req;
  req.board = vm["board"].as<std::string>();
  req.model = "zoo:mobilenet_v2_0.35_128";
  if (vm.count("config")) req.configs = vm["config"].as<std::vector<std::string>>();
  if (vm.count("set")) req.sets = vm["set"].as<std::vector<std::string>>();
  if (vm.count("engine")) req.engine = vm["engine"].as<std::string>();
  Assembled a = assemble(req);
  if (vm["device"].as<std::string>() == "core") {
    describe_core(a, std::cout);
    return 0;
  }
  DeviceSet d = build_devices(a.tree, a.board);
  const std::string dev = vm["device"].as<std::string>();
  dev::MemoryModel* m = dev == "sram" ? d.sram.get() : dev == "flash" ? d.flash.get()
                        : dev == "sd" ? d.sd.get() : nullptr;
  if (!m) throw InputError("describe: unknown device '" + dev + "' (expected sram, flash, sd or core)");
  std::cout << "# " << dev << " on " << a.board.name << "\n";
  m->describe(std::cout);
  return 0;
}

}  // namespace mcusim::cli
