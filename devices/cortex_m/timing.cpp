#include "devices/cortex_m/timing.hpp"

#include <algorithm>

namespace mcusim::core {

double ClassMix::instructions() const {
  double n = 0;
  for (double c : cls) n += c;
  return n;
}

ClassMix& ClassMix::operator+=(const ClassMix& o) {
  for (std::size_t i = 0; i < cls.size(); ++i) cls[i] += o.cls[i];
  for (std::size_t i = 0; i < stat.size(); ++i) stat[i] += o.stat[i];
  return *this;
}

double CoreTiming::cycles_of(const ClassMix& m) const {
  double c = 0;
  for (std::size_t i = 0; i < kClasses.size(); ++i) c += m.cls[i] * cycles[i];
  for (std::size_t i = 0; i < kStats.size(); ++i) c += m.stat[i] * adjust[i];
  // Negative adjustments (pipelining, dual issue) cannot make issue faster than two
  // instructions per cycle.
  return std::max(c, 0.5 * m.instructions()) * cycles_scale;
}

double CoreTiming::cpi(const ClassMix& m) const {
  const double n = m.instructions();
  return n > 0 ? cycles_of(m) / n : 0.0;
}

std::size_t class_index(const std::string& name) {
  for (std::size_t i = 0; i < kClasses.size(); ++i)
    if (name == kClasses[i]) return i;
  return kClasses.size();
}

std::size_t stat_index(const std::string& name) {
  for (std::size_t i = 0; i < kStats.size(); ++i)
    if (name == kStats[i]) return i;
  return kStats.size();
}

CoreTiming decode_core_timing(cfg::Section core) {
  CoreTiming t;
  t.name = core.choice("name", kCoreNames);
  core.string_or("description", "");
  t.cycles_scale = core.number_or("cycles_scale", 1.0);
  if (t.cycles_scale <= 0 || t.cycles_scale > 4) core.fail("cycles_scale", "must be within (0, 4]");
  auto cyc = core.section("cycles");
  for (std::size_t i = 0; i < kClasses.size(); ++i) {
    t.cycles[i] = cyc.number(kClasses[i]);
    if (t.cycles[i] < 0) cyc.fail(kClasses[i], "must not be negative");
    if (t.cycles[i] > 64)
      cyc.fail(kClasses[i], "is above any Cortex-M instruction (max 64 cycles)");
  }
  cyc.finish();
  auto adj = core.section("adjust");
  for (std::size_t i = 0; i < kStats.size(); ++i) {
    t.adjust[i] = adj.number(kStats[i]);
    if (t.adjust[i] < -2 || t.adjust[i] > 64) adj.fail(kStats[i], "must be within [-2, 64] cycles");
  }
  adj.finish();
  core.finish();
  return t;
}

}  // namespace mcusim::core
