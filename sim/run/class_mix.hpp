#pragma once
// Measured dynamic instruction-class counts of kernel libraries per core and layer
// (configs/engines/data/class_mix.csv, written by scripts/class-mix/measure), summed
// per (library, core, kernel) into the mix a kernel's class CPI is computed from.
#include <map>
#include <string>
#include <tuple>

#include "devices/cortex_m/timing.hpp"

namespace mcusim {

struct MixLookup {
  core::ClassMix mix;  // summed counts
  std::string source;  // "conv" or e.g. "all kernels (no 'softmax' rows)"
};

class ClassMixTable {
 public:
  // Parses the CSV strictly: exact header, whole non-negative counts, classes summing to
  // `instructions`. Throws InputError naming file:line.
  static ClassMixTable load(const std::string& path);
  // The library's mix of `kernel` on `core`. Cortex-M0+ takes Cortex-M0's rows (same
  // ARMv6-M code); a kernel without rows takes the sum over all the library's kernels on
  // that core. Throws InputError when the library has no rows for the core at all.
  MixLookup lookup(const std::string& library, const std::string& core,
                   const std::string& kernel) const;
  bool has_library(const std::string& library) const;
  // Whether the library has rows of `kernel` on `core` (M0+ read as M0).
  bool has_rows(const std::string& library, const std::string& core,
                const std::string& kernel) const;

 private:
  std::string path_;
  std::map<std::tuple<std::string, std::string, std::string>, core::ClassMix> sums_;
};

// The committed table (configs/engines/data/class_mix.csv), loaded once.
const ClassMixTable& default_class_mix();

}  // namespace mcusim
