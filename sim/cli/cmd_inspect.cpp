// `mcusim inspect MODEL [--board B] [--quant SCHEME] [--json]`: the per-layer table of a
// model, in the spirit of X-CUBE-AI's analyze. The work is in inspect_report.cpp and
// inspect_format.cpp (callable from tests); this file only parses options.
#include <iostream>

#include "sim/cli/command.hpp"
#include "sim/cli/inspect_report.hpp"
#include "sim/cli/options.hpp"

namespace mcusim::cli {

int cmd_inspect(const std::vector<std::string>& args) {
  po::options_description desc("inspect options");
  desc.add_options()("model", po::value<std::string>()->required(), "PATH.tflite or zoo:NAME")(
      "board", po::value<std::string>()->default_value(""),
      "board preset (configs/boards) or YAML path: adds where each layer's constants go")(
      "quant", po::value<std::string>()->default_value("int8-affine"),
      "weight scheme: float32, int8-affine, int8-affine-pc, q8, q16, codebook[:k=16,...]")(
      "json", "print JSON instead of the table");
  po::positional_options_description pos;
  pos.add("model", 1);
  po::variables_map vm;
  if (!parse_options("inspect", args, desc, vm, &pos, "MODEL [--board B] [--quant S] [--json]"))
    return 0;
  set_log_level(vm["log-level"].as<std::string>());
  InspectOptions o;
  o.board = vm["board"].as<std::string>();
  o.quant = vm["quant"].as<std::string>();
  const auto r = inspect_model(vm["model"].as<std::string>(), o);
  std::cout << (vm.count("json") ? format_inspect_json(r) : format_inspect_table(r));
  return 0;
}

}  // namespace mcusim::cli
