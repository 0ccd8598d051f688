// `mcusim calibrate`: fit an engine profile to measurements (see sim/calibrate/).
#include <filesystem>

#include "sim/calibrate/calibrate.hpp"
#include "sim/calibrate/measurements.hpp"
#include "sim/calibrate/select.hpp"
#include "sim/cli/command.hpp"
#include "sim/cli/options.hpp"
#include "sim/run/paths.hpp"

namespace mcusim::cli {

int cmd_calibrate(const std::vector<std::string>& args) {
  po::options_description desc("calibrate options");
  desc.add_options()("measurements", po::value<std::string>()->required(),
                     "CSV (columns of ../shared/calibration/measurements.csv)")(
      "engine", po::value<std::string>()->default_value("cmsis-nn"),
      "engine whose base profile configs/engines/base/NAME.yaml is fitted")(
      "engine-file", po::value<std::string>(), "base profile path (overrides --engine's)")(
      "board", po::value<std::vector<std::string>>()->composing(),
      "only rows of these board presets")("models-dir", po::value<std::string>(),
                                          "where model_file names resolve (default: <measurements "
                                          "dir>/../models, else ../shared/models)")(
      "model", po::value<std::string>(),
      "fitted model (default: the base profile's engine.calibrate_model, else prior-25): prior-25 "
      "(per-core "
      "efficiency = s x prior, +-25 % per core), prior-25-fc (+ one FC scale), prior-10, per-core, "
      "per-core-fc, "
      "per-core-overhead")("output,o", po::value<std::string>()->required(),
                           "fitted profile to write (e.g. configs/engines/NAME.yaml)")(
      "rows-csv", po::value<std::string>(),
      "also write every row's measured, fitted and held-out values as CSV");
  po::variables_map vm;
  if (!parse_options("calibrate", args, desc, vm, nullptr,
                     "--measurements FILE.csv [--engine E] [--board B]... -o FILE.yaml"))
    return 0;
  set_log_level(vm["log-level"].as<std::string>());
  cal::CalibrateRequest req;
  req.measurements = vm["measurements"].as<std::string>();
  req.engine_name = vm["engine"].as<std::string>();
  req.engine_file = vm.count("engine-file")
                        ? vm["engine-file"].as<std::string>()
                        : configs_dir() + "/engines/base/" + req.engine_name + ".yaml";
  if (!std::filesystem::exists(req.engine_file))
    throw InputError(req.engine_file + ": no base profile for engine '" + req.engine_name + "'");
  if (vm.count("board")) req.boards = vm["board"].as<std::vector<std::string>>();
  req.models_dir = vm.count("models-dir") ? vm["models-dir"].as<std::string>()
                                          : cal::default_models_dir(req.measurements);
  req.output = vm["output"].as<std::string>();
  if (vm.count("rows-csv")) req.rows_csv = vm["rows-csv"].as<std::string>();
  // Output directories must exist before any simulation runs (nothing is created).
  require_output_dir(req.output);
  require_output_dir(req.rows_csv);
  if (vm.count("model")) {
    req.model = vm["model"].as<std::string>();
    cal::model_index(req.model);  // an unknown name is an input error before any simulation
  }
  return cal::calibrate(req);
}

}  // namespace mcusim::cli
