#pragma once
// The energy ledger: every device access and every compute interval is recorded as a
// span (device, tier, start, duration, dynamic energy). Totals are sums of exact span
// energies plus static power x time; the power trace is sampled from the same spans.
// Energy is accounted by an observer, not inside the timing code (DRAMSys lesson).
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/core/units.hpp"

namespace mcusim {

enum class Tier : int { Compute = 0, Sram = 1, Flash = 2, Sd = 3 };
constexpr int kTiers = 4;
const char* tier_name(Tier t);

struct Span {
  int device = 0;     // index into Ledger::devices()
  Tier tier = Tier::Compute;
  int layer = -1;
  std::string state;  // "compute", "read", "write", "busy", ...
  ps_t start = 0, duration = 0;
  double energy_j = 0;  // dynamic energy above static power
};

struct TierTotals {
  std::array<ps_t, kTiers> time{};
  std::array<double, kTiers> energy_j{};
};

class Ledger {
 public:
  // Static power drawn all the time the board is on (baseline + MCU run power), W.
  explicit Ledger(double static_power_w) : static_w_(static_power_w) {}
  int add_device(const std::string& name);
  const std::vector<std::string>& devices() const { return devices_; }
  void record(Span s) { spans_.push_back(std::move(s)); }
  const std::vector<Span>& spans() const { return spans_; }
  double static_power_w() const { return static_w_; }

  // Exact energy over [0, end): static power x end + all span energies.
  double total_energy_j(ps_t end) const;
  double device_energy_j(int device) const;

  // Power samples at `rate_hz` over [0, end): time, total and per-device power (W).
  // Each sample is the instantaneous power at its time, as a Monsoon monitor reads it.
  struct Sample {
    double t_s;
    double total_w;
    std::vector<double> device_w;
  };
  std::vector<Sample> sample(double rate_hz, ps_t end) const;

 private:
  double static_w_;
  std::vector<std::string> devices_;
  std::vector<Span> spans_;
};

}  // namespace mcusim
