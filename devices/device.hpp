#pragma once
// The contract between a plain C++ device model and its SystemC/TLM wrapper.
// A model answers "what does this access cost, starting at simulated time `now`":
// the time until the access completes (including any wait for the device to become
// free) and the energy it dissipates. Models are testable without the SystemC kernel;
// the generic wrapper (devices/memory_target_sc.hpp) adds `time` to the TLM delay and
// records the energy with the power monitor.
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "sim/core/units.hpp"

namespace mcusim::dev {

// One state interval a device spent, for the power trace (e.g. SD "read" 1.2 ms).
struct StateSpan {
  std::string state;   // "read", "write", "busy", "erase", "program", "command", ...
  ps_t start = 0;      // absolute simulated time
  ps_t duration = 0;
  double energy_j = 0;  // energy of this span above the device's idle power
};

struct Cost {
  ps_t time = 0;          // from `now` until the access completes
  double energy_j = 0;    // dynamic energy of the access (idle power is accounted apart)
  std::vector<StateSpan> spans;  // optional breakdown; sums to energy_j when present
};

// Named counters a device exposes ("reads", "bytes_read", "erases_sector_5", ...).
using Stats = std::map<std::string, double>;

class MemoryModel {
 public:
  virtual ~MemoryModel() = default;
  virtual std::string name() const = 0;         // "sram", "flash", "sd"
  virtual Cost read(std::uint64_t addr, std::uint64_t bytes, ps_t now) = 0;
  virtual Cost write(std::uint64_t addr, std::uint64_t bytes, ps_t now) = 0;
  // The extra cost of a kernel re-reading data it has already read once: `tiles`
  // consecutive regions of `bytes` each (the first at addr), each swept `passes` more
  // times in address order, as a loop nest re-reads its weights across output pixels.
  // Only what the memory adds beyond the core's own load cycles (which the kernel's
  // instruction count holds) is charged: cache-line refills, wait states. The default
  // (a memory with neither) costs nothing.
  virtual Cost reread(std::uint64_t addr, std::uint64_t bytes, std::uint64_t tiles,
                      std::uint64_t passes, ps_t now) {
    (void)addr, (void)bytes, (void)tiles, (void)passes, (void)now;
    return {};
  }
  // Power the device draws whenever the board is on (standby/idle), in W.
  virtual double idle_power_w() const { return 0.0; }
  virtual Stats stats() const { return {}; }
  // Parameters, stats and energy actions with units, for `mcusim describe`.
  virtual void describe(std::ostream& os) const = 0;
};

}  // namespace mcusim::dev
