#pragma once
// Error kinds that map to the CLI's exit-status contract:
//   InputError  -> exit 2 (bad config, bad model file, unsupported operator, bad CLI use)
//   CheckFailed -> exit 1 (a requested check did not pass)
// Messages are one line naming what and where (file:line, key, byte offset).
#include <stdexcept>
#include <string>

namespace mcusim {

class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& what) : std::runtime_error(what) {}
};

class CheckFailed : public std::runtime_error {
 public:
  explicit CheckFailed(const std::string& what) : std::runtime_error(what) {}
};

}  // namespace mcusim
