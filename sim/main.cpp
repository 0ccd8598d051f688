// mcusim: cycle-approximate simulation of an MCU's memory hierarchy running int8 DNNs.
// Exit status: 0 success, 1 a failed check, 2 bad input (one line on stderr).
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "sim/cli/command.hpp"
#include "sim/core/error.hpp"

namespace mcusim {
const char* systemc_version();
}

static void usage(std::ostream& os) {
  os << "usage: mcusim [--help] [--version] <command> [options]\n\ncommands:\n";
  for (const auto& c : mcusim::cli::commands())
    os << "  " << c.name << std::string(c.name.size() < 10 ? 10 - c.name.size() : 1, ' ')
       << c.summary << "\n";
  os << "\n'mcusim <command> --help' describes a command's options.\n";
}

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    usage(std::cout);
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version") {
    std::cout << "mcusim " << MCUSIM_VERSION << " (SystemC " << mcusim::systemc_version()
              << ")\n";
    return 0;
  }
  for (const auto& c : mcusim::cli::commands()) {
    if (c.name != args[0]) continue;
    try {
      return c.run(std::vector<std::string>(args.begin() + 1, args.end()));
    } catch (const mcusim::InputError& e) {
      std::cerr << "mcusim " << c.name << ": error: " << e.what() << "\n";
      return 2;
    } catch (const mcusim::CheckFailed& e) {
      std::cerr << "mcusim " << c.name << ": check failed: " << e.what() << "\n";
      return 1;
    } catch (const std::exception& e) {
      std::cerr << "mcusim " << c.name << ": internal error: " << e.what() << "\n";
      return 3;
    }
  }
  std::cerr << "mcusim: error: unknown command '" << args[0] << "' (see mcusim --help)\n";
  return 2;
}
