// `mcusim validate`: predict measurement rows with the committed engine profiles, no fit
// (see sim/calibrate/validate.hpp).
#include <filesystem>

#include "sim/calibrate/measurements.hpp"
#include "sim/calibrate/validate.hpp"
#include "sim/cli/command.hpp"
#include "sim/cli/options.hpp"
#include "sim/config/tree.hpp"
#include "sim/core/error.hpp"
#include "sim/run/paths.hpp"

namespace mcusim::cli {

namespace fs = std::filesystem;

int cmd_validate(const std::vector<std::string>& args) {
  po::options_description desc("validate options");
  desc.add_options()("measurements", po::value<std::string>()->required(),
                     "CSV (columns of ../shared/calibration/measurements.csv)")(
      "engine", po::value<std::vector<std::string>>()->composing(),
      "profile configs/engines/NAME.yaml to predict with (default: every committed profile that "
      "names "
      "measurement engines in engine.matches)")(
      "engine-file", po::value<std::vector<std::string>>()->composing(),
      "a profile by path (e.g. your own calibrate output)")(
      "board", po::value<std::vector<std::string>>()->composing(),
      "only rows of these board presets")("models-dir", po::value<std::string>(),
                                          "where model_file names resolve (default: <measurements "
                                          "dir>/../models, else ../shared/models)")(
      "rows-csv", po::value<std::string>(),
      "also write every row's measured and predicted values as CSV");
  po::variables_map vm;
  if (!parse_options("validate", args, desc, vm, nullptr,
                     "--measurements FILE.csv [--engine E]... [--board B]..."))
    return 0;
  set_log_level(vm["log-level"].as<std::string>());
  cal::ValidateRequest req;
  req.measurements = vm["measurements"].as<std::string>();
  if (!fs::is_regular_file(req.measurements)) throw InputError(req.measurements + ": no such file");
  if (vm.count("engine"))
    for (const auto& e : vm["engine"].as<std::vector<std::string>>()) {
      const std::string f = configs_dir() + "/engines/" + e + ".yaml";
      if (!fs::exists(f)) throw InputError("--engine: no profile '" + e + "' (" + f + ")");
      req.engine_files.push_back(f);
    }
  if (vm.count("engine-file"))
    for (const auto& f : vm["engine-file"].as<std::vector<std::string>>()) {
      if (!fs::is_regular_file(f)) throw InputError("--engine-file: " + f + ": no such file");
      req.engine_files.push_back(f);
    }
  if (req.engine_files.empty())
    for (const auto& e : preset_names("engines")) {
      cfg::Tree t;
      t.merge_file(preset_path("engines", e));
      const YAML::Node m = t.find("engine.matches");
      if (m && m.IsSequence() && m.size() > 0)
        req.engine_files.push_back(preset_path("engines", e));
    }
  if (vm.count("board")) req.boards = vm["board"].as<std::vector<std::string>>();
  req.models_dir = vm.count("models-dir") ? vm["models-dir"].as<std::string>()
                                          : cal::default_models_dir(req.measurements);
  if (vm.count("rows-csv")) req.rows_csv = vm["rows-csv"].as<std::string>();
  require_output_dir(req.rows_csv);  // before any simulation
  return cal::validate(req);
}

}  // namespace mcusim::cli
