#pragma once
// Subcommand registry: each subcommand is one file that registers itself in
// commands.cpp with its name, a one-line summary and its entry point.
#include <string>
#include <vector>

namespace mcusim::cli {

using CommandFn = int (*)(const std::vector<std::string>& args);

struct Command {
  std::string name, summary;
  CommandFn run;
};

const std::vector<Command>& commands();

// Shared option handling: "--log-level" for every command.
void set_log_level(const std::string& level);

}  // namespace mcusim::cli
