// One line per subcommand.
#include <spdlog/spdlog.h>

#include "sim/cli/command.hpp"
#include "sim/core/error.hpp"

namespace mcusim::cli {

int cmd_run(const std::vector<std::string>&);
int cmd_boards(const std::vector<std::string>&);
int cmd_inspect(const std::vector<std::string>&);
int cmd_describe(const std::vector<std::string>&);
int cmd_deploy(const std::vector<std::string>&);
int cmd_sweep(const std::vector<std::string>&);
int cmd_merge(const std::vector<std::string>&);
int cmd_check(const std::vector<std::string>&);
int cmd_calibrate(const std::vector<std::string>&);
int cmd_validate(const std::vector<std::string>&);
int cmd_bench(const std::vector<std::string>&);

const std::vector<Command>& commands() {
  static const std::vector<Command> c = {
      {"run", "simulate one inference of a model on a board; write results to --out", cmd_run},
      {"boards", "list the board presets with core, clock, SRAM and flash", cmd_boards},
      {"inspect", "per-layer table of a model: shapes, MACs, params, working set", cmd_inspect},
      {"describe", "a device's parameters, stats and energy actions, with units; or the core model", cmd_describe},
      {"deploy", "fit, latency, energy and ranked suggestions for a model on boards; reports", cmd_deploy},
      {"sweep", "run every point of a sweep spec, N at a time; results.db and results.csv", cmd_sweep},
      {"merge", "join sweep shards (--shard I/N) of one spec into one results directory", cmd_merge},
      {"check", "rerun the baseline experiments and report metrics that moved", cmd_check},
      {"calibrate", "fit an engine profile's free parameters to measurements (least squares)",
       cmd_calibrate},
      {"validate", "predict measurement rows with the committed engine profiles (no fit); errors", cmd_validate},
      {"bench", "host speed and peak memory of mcusim run on the benchmark cases", cmd_bench},
  };
  return c;
}

void set_log_level(const std::string& level) {
  auto l = spdlog::level::from_str(level);
  if (l == spdlog::level::off && level != "off")
    throw InputError("--log-level: expected trace|debug|info|warn|error|off, got '" + level + "'");
  spdlog::set_level(l);
  spdlog::set_pattern("[%l] %v");
}

}  // namespace mcusim::cli
