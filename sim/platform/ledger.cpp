#include "sim/platform/ledger.hpp"

#include <algorithm>
#include <cmath>

namespace mcusim {

const char* tier_name(Tier t) {
  switch (t) {
    case Tier::Compute: return "compute";
    case Tier::Sram: return "sram";
    case Tier::Flash: return "flash";
    case Tier::Sd: return "sd";
  }
  return "?";
}

int Ledger::add_device(const std::string& name) {
  devices_.push_back(name);
  return static_cast<int>(devices_.size()) - 1;
}

double Ledger::total_energy_j(ps_t end) const {
  double e = static_w_ * ps_to_seconds(end);
  for (const auto& s : spans_) e += s.energy_j;
  return e;
}

double Ledger::device_energy_j(int device) const {
  double e = 0;
  for (const auto& s : spans_)
    if (s.device == device) e += s.energy_j;
  return e;
}

std::vector<Ledger::Sample> Ledger::sample(double rate_hz, ps_t end) const {
  std::vector<Sample> out;
  if (rate_hz <= 0 || end == 0) return out;
  const double period_ps = 1e12 / rate_hz;
  const auto n = static_cast<std::size_t>(std::floor(static_cast<double>(end) / period_ps));
  out.resize(n + 1);
  for (std::size_t i = 0; i <= n; ++i) {
    out[i].t_s = static_cast<double>(i) / rate_hz;
    out[i].device_w.assign(devices_.size(), 0.0);
  }
  // Spread each span's power (energy / duration) over the samples that fall inside it;
  // zero-duration spans (instantaneous actions) go to the sample at or after them.
  for (const auto& s : spans_) {
    if (s.energy_j == 0) continue;
    if (s.duration == 0) {
      auto k = static_cast<std::size_t>(std::ceil(static_cast<double>(s.start) / period_ps));
      if (k <= n) out[k].device_w[static_cast<std::size_t>(s.device)] += s.energy_j * rate_hz;
      continue;
    }
    const double p = s.energy_j / ps_to_seconds(s.duration);
    auto first = static_cast<std::size_t>(std::ceil(static_cast<double>(s.start) / period_ps));
    for (std::size_t k = first; k <= n; ++k) {
      const double t = static_cast<double>(k) * period_ps;
      if (t >= static_cast<double>(s.start + s.duration)) break;
      out[k].device_w[static_cast<std::size_t>(s.device)] += p;
    }
  }
  for (auto& smp : out) {
    smp.total_w = static_w_;
    for (double w : smp.device_w) smp.total_w += w;
  }
  return out;
}

}  // namespace mcusim
