#include "sim/run/vcd.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

namespace mcusim {
namespace {

// VCD identifiers: printable ASCII 33..126, as many characters as needed.
std::string vcd_id(std::size_t n) {
  std::string s;
  do {
    s += static_cast<char>(33 + n % 94);
    n /= 94;
  } while (n > 0);
  return s;
}

std::string real(double mw) {
  char b[48];
  std::snprintf(b, sizeof b, "r%.6f", mw);
  return b;
}

std::string binary(std::size_t v) {
  std::string s;
  do {
    s.insert(s.begin(), static_cast<char>('0' + (v & 1)));
    v >>= 1;
  } while (v > 0);
  return "b" + s;
}

// Names as VCD identifiers allow: no whitespace.
std::string clean(std::string n) {
  for (char& c : n)
    if (c == ' ' || c == '\t') c = '_';
  return n;
}

}  // namespace

std::string trace_vcd(const Ledger& ledger, const std::vector<std::pair<ps_t, ps_t>>& layer_spans,
                      ps_t end) {
  const auto& devs = ledger.devices();
  // Power deltas per time and device (W); a map keeps times ordered, so the text is
  // the same on every run.
  std::map<ps_t, std::vector<double>> delta;
  auto at = [&](ps_t t) -> std::vector<double>& {
    auto& v = delta[t];
    if (v.empty()) v.assign(devs.size(), 0.0);
    return v;
  };
  for (const auto& s : ledger.spans()) {
    if (s.duration == 0 || s.energy_j == 0) continue;
    const double p = s.energy_j / ps_to_seconds(s.duration);
    at(s.start)[static_cast<std::size_t>(s.device)] += p;
    at(s.start + s.duration)[static_cast<std::size_t>(s.device)] -= p;
  }
  std::map<ps_t, long> layer_at;  // -1 = between layers
  for (std::size_t i = 0; i < layer_spans.size(); ++i) {
    layer_at[layer_spans[i].second] = -1;
    layer_at[layer_spans[i].first] = static_cast<long>(i);  // a start wins over an end
  }
  for (const auto& kv : layer_at) at(kv.first);
  at(0);

  std::ostringstream o;
  o << "$comment mcusim: per-device and total power (mW), running layer index $end\n"
    << "$timescale 1ps $end\n$scope module mcusim $end\n";
  const std::string id_layer = vcd_id(0), id_total = vcd_id(1);
  o << "$var integer 32 " << id_layer << " layer $end\n";
  o << "$var real 64 " << id_total << " total_mw $end\n";
  for (std::size_t d = 0; d < devs.size(); ++d)
    o << "$var real 64 " << vcd_id(d + 2) << " " << clean(devs[d]) << "_mw $end\n";
  o << "$upscope $end\n$enddefinitions $end\n";

  std::vector<double> power(devs.size(), 0.0);
  std::vector<std::string> shown(devs.size());
  std::string shown_total, shown_layer;
  ps_t last = 0;
  bool any = false;
  for (const auto& [t, d] : delta) {
    if (t > end) break;
    std::ostringstream changes;
    double total = ledger.static_power_w();
    for (std::size_t k = 0; k < devs.size(); ++k) {
      power[k] += d[k];
      if (std::abs(power[k]) < 1e-15) power[k] = 0;  // cancel rounding at span ends
      total += power[k];
      const std::string v = real(power[k] * 1e3);
      if (v != shown[k]) changes << v << ' ' << vcd_id(k + 2) << '\n';
      shown[k] = v;
    }
    const std::string tv = real(total * 1e3);
    if (tv != shown_total) changes << tv << ' ' << id_total << '\n';
    shown_total = tv;
    auto l = layer_at.find(t);
    if (l != layer_at.end()) {
      const std::string lv = l->second < 0 ? std::string("bx") : binary(static_cast<std::size_t>(l->second));
      if (lv != shown_layer) changes << lv << ' ' << id_layer << '\n';
      shown_layer = lv;
    } else if (shown_layer.empty()) {
      changes << "bx " << id_layer << '\n';
      shown_layer = "bx";
    }
    const std::string c = changes.str();
    if (!c.empty()) {
      o << '#' << t << '\n' << c;
      last = t;
      any = true;
    }
  }
  if (!any || last < end) o << '#' << end << '\n';  // the end of the run, once
  return o.str();
}

}  // namespace mcusim
