#pragma once
// Boost.Program_options glue shared by subcommands: parse, turn option errors into
// InputError (exit 2), print --help.
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "sim/core/error.hpp"

namespace mcusim::cli {

namespace po = boost::program_options;

// Returns false when --help was printed.
inline bool parse_options(const std::string& cmd, const std::vector<std::string>& args,
                          po::options_description& desc, po::variables_map& vm,
                          const po::positional_options_description* pos = nullptr,
                          const std::string& usage_line = "") {
  desc.add_options()("help,h", "show this help")(
      "log-level", po::value<std::string>()->default_value("warn"),
      "trace|debug|info|warn|error|off");
  try {
    auto parser = po::command_line_parser(args).options(desc);
    if (pos) parser.positional(*pos);
    po::store(parser.run(), vm);
    if (vm.count("help")) {
      std::cout << "usage: mcusim " << cmd << " " << usage_line << "\n\n" << desc << "\n";
      return false;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw InputError(std::string(e.what()) + " (see mcusim " + cmd + " --help)");
  }
  return true;
}

// An output file's directory must exist before any work runs (nothing is created); an
// empty path (option not given) passes.
inline void require_output_dir(const std::string& path) {
  if (path.empty()) return;
  const auto dir = std::filesystem::path(path).parent_path();
  if (!dir.empty() && !std::filesystem::is_directory(dir))
    throw InputError(path + ": directory '" + dir.string() + "' does not exist");
}

}  // namespace mcusim::cli
