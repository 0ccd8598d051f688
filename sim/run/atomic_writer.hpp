#pragma once
// Result files are staged as hidden temp files in the output directory and renamed
// into place only when every file of the run has been produced, so a failed run
// leaves no partial result file behind.
#include <string>
#include <vector>

namespace mcusim {

class AtomicOutput {
 public:
  // Creates `dir` if needed; throws InputError when it cannot be created or written.
  explicit AtomicOutput(std::string dir);
  ~AtomicOutput();  // removes staged files that were never committed
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  void stage(const std::string& name, const std::string& content);
  void commit();  // renames every staged file into place
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  std::vector<std::string> staged_;  // final names
  bool committed_ = false;
};

// Formats a double with fixed decimals, never "-0.000".
std::string fixed(double v, int decimals);

}  // namespace mcusim
