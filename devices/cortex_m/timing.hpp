#pragma once
// The Cortex-M core's timing per instruction class (configs/cores/<core>.yaml): an
// in-order issue model in which a kernel's cycles are the cycles of each class of the
// instructions it executes plus adjustments for pairs (neighbouring loads pipelining on
// M3/M4, load-use and multiply-use latencies, M7 dual issue). The instruction mix comes
// from measured dynamic counts (configs/engines/data/class_mix.csv). Memory wait states
// are not in here: the devices add them. Plain C++, no SystemC.
#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "sim/config/section.hpp"

namespace mcusim::core {

// The cores the simulator models (board.core, configs/cores/<name>.yaml).
inline const std::vector<std::string> kCoreNames = {"cortex-m0", "cortex-m0plus", "cortex-m3",
                                                    "cortex-m4", "cortex-m7",     "cortex-m33"};

// Instruction classes: every executed instruction is in exactly one.
inline constexpr std::array<const char*, 16> kClasses = {"alu",
                                                         "simd",
                                                         "mul",
                                                         "mac",
                                                         "mul64",
                                                         "div",
                                                         "load",
                                                         "store",
                                                         "ldrd",
                                                         "ldm",
                                                         "stm",
                                                         "branch_taken",
                                                         "branch_not_taken",
                                                         "it",
                                                         "fpu",
                                                         "other"};
// Pair statistics: extra counts beside the classes (not instructions themselves).
inline constexpr std::array<const char*, 7> kStats = {
    "ldm_regs", "stm_regs", "pop_pc", "ldst_after_load", "load_use", "mul_use", "dual_issued"};

// Dynamic counts of one piece of code (or their fractions per instruction).
struct ClassMix {
  std::array<double, kClasses.size()> cls{};
  std::array<double, kStats.size()> stat{};
  double instructions() const;
  ClassMix& operator+=(const ClassMix& o);
};

struct CoreTiming {
  std::string name;
  std::array<double, kClasses.size()> cycles{};  // per instruction of the class
  std::array<double, kStats.size()> adjust{};    // per occurrence of the statistic
  // Multiplies the total: 1 for a core with its own table; a core timed by another's
  // table (PROXY) may carry a published speed ratio between the two (e.g. DMIPS/MHz).
  double cycles_scale = 1.0;
  // Cycles of the mix: sum of count x cycles + sum of stat x adjust, never below
  // one cycle per two instructions (the widest issue of any Cortex-M).
  double cycles_of(const ClassMix& m) const;
  // Cycles per instruction of the mix (0 for an empty mix).
  double cpi(const ClassMix& m) const;
};

// Decodes `core:` strictly: name, every class under cycles (>= 0), every statistic under
// adjust, optional cycles_scale in (0, 4]; an unknown or missing key is an error naming
// file:line.
CoreTiming decode_core_timing(cfg::Section core);

std::size_t class_index(const std::string& name);  // kClasses.size() if unknown
std::size_t stat_index(const std::string& name);   // kStats.size() if unknown

}  // namespace mcusim::core
