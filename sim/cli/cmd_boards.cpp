// `mcusim boards`: the board presets with core, clock, SRAM and flash.
#include <cstdio>

#include "sim/cli/command.hpp"
#include "sim/cli/options.hpp"
#include "sim/run/assemble.hpp"
#include "sim/run/devices.hpp"
#include "sim/run/paths.hpp"

namespace mcusim::cli {

int cmd_boards(const std::vector<std::string>& args) {
  po::options_description desc("boards options");
  po::variables_map vm;
  if (!parse_options("boards", args, desc, vm)) return 0;
  set_log_level(vm["log-level"].as<std::string>());
  std::printf("%-16s %-14s %-12s %9s %14s %10s %s\n", "board", "mcu", "core", "clock",
              "SRAM (arena)", "flash", "fpu");
  for (const auto& name : preset_names("boards")) {
    RunRequest req;
    req.board = name;
    req.model = "zoo:mobilenet_v2_0.35_128";  // any model: only the board is read here
    Assembled a = assemble(req);
    DeviceSet d = build_devices(a.tree, a.board);
    std::printf("%-16s %-14s %-12s %6.0f MHz %7llu KiB %6llu KiB %s\n", name.c_str(),
                a.board.mcu.c_str(), a.board.core.c_str(), a.board.sysclk_hz / 1e6,
                static_cast<unsigned long long>(d.sram_bytes / 1024),
                static_cast<unsigned long long>(d.flash_bytes / 1024), a.board.fpu ? "yes" : "no");
  }
  return 0;
}

}  // namespace mcusim::cli
