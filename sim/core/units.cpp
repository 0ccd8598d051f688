#include "sim/core/units.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>
#include <vector>

#include "sim/core/error.hpp"

namespace mcusim {
namespace {

struct Suffix {
  const char* text;
  double scale;
};

const std::vector<Suffix>& suffixes(Dim d) {
  static const std::vector<Suffix> freq{{"GHz", 1e9}, {"MHz", 1e6}, {"kHz", 1e3}, {"Hz", 1.0}};
  static const std::vector<Suffix> bytes{{"GiB", 1024.0 * 1024 * 1024}, {"MiB", 1024.0 * 1024},
                                         {"KiB", 1024.0}, {"GB", 1e9}, {"MB", 1e6},
                                         {"kB", 1e3}, {"KB", 1e3}, {"B", 1.0}};
  static const std::vector<Suffix> time{{"ns", 1e-9}, {"us", 1e-6}, {"ms", 1e-3}, {"ps", 1e-12},
                                        {"s", 1.0}};
  static const std::vector<Suffix> volt{{"mV", 1e-3}, {"V", 1.0}};
  static const std::vector<Suffix> amp{{"nA", 1e-9}, {"uA", 1e-6}, {"mA", 1e-3}, {"A", 1.0}};
  static const std::vector<Suffix> energy{{"pJ", 1e-12}, {"nJ", 1e-9}, {"uJ", 1e-6},
                                          {"mJ", 1e-3}, {"J", 1.0}};
  static const std::vector<Suffix> power{{"nW", 1e-9}, {"uW", 1e-6}, {"mW", 1e-3}, {"W", 1.0}};
  static const std::vector<Suffix> none{{"", 1.0}};
  switch (d) {
    case Dim::Frequency: return freq;
    case Dim::Bytes: return bytes;
    case Dim::Time: return time;
    case Dim::Voltage: return volt;
    case Dim::Current: return amp;
    case Dim::Energy: return energy;
    case Dim::Power: return power;
    case Dim::Dimensionless: return none;
  }
  return none;
}

bool ends_with(const std::string& s, const std::string& suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

}  // namespace

const char* dim_name(Dim d) {
  switch (d) {
    case Dim::Frequency: return "frequency";
    case Dim::Bytes: return "size";
    case Dim::Time: return "time";
    case Dim::Voltage: return "voltage";
    case Dim::Current: return "current";
    case Dim::Energy: return "energy";
    case Dim::Power: return "power";
    case Dim::Dimensionless: return "number";
  }
  return "?";
}

const char* dim_example(Dim d) {
  switch (d) {
    case Dim::Frequency: return "216MHz";
    case Dim::Bytes: return "512KiB";
    case Dim::Time: return "16us";
    case Dim::Voltage: return "3.3V";
    case Dim::Current: return "98mA";
    case Dim::Energy: return "0.07mJ";
    case Dim::Power: return "460mW";
    case Dim::Dimensionless: return "1.5";
  }
  return "?";
}

double parse_quantity(const std::string& raw, Dim d) {
  std::string text;
  for (char c : raw)
    if (c != ' ' && c != '_') text += c;
  auto fail = [&]() -> double {
    throw InputError(std::string("expected a ") + dim_name(d) + " like " + dim_example(d) +
                     ", got '" + raw + "'");
  };
  if (text.empty()) return fail();
  for (const auto& suf : suffixes(d)) {
    if (!ends_with(text, suf.text)) continue;
    std::string num = text.substr(0, text.size() - std::char_traits<char>::length(suf.text));
    if (num.empty()) return fail();
    char* end = nullptr;
    double v = std::strtod(num.c_str(), &end);
    if (end == num.c_str() || *end != '\0' || !std::isfinite(v)) return fail();
    return v * suf.scale;
  }
  return fail();
}

std::string format_quantity(double v, Dim d) {
  const auto& sx = suffixes(d);
  // Pick the largest unit in which the value is >= 1 (or the smallest unit otherwise),
  // printed with enough digits (%.17g) to round-trip exactly.
  const Suffix* best = &sx.back();
  if (d == Dim::Bytes) {
    // Prefer binary units when the value is an exact multiple, else plain bytes.
    for (const auto& s : sx) {
      std::string t = s.text;
      if (t.find('i') == std::string::npos && t != "B") continue;
      double q = v / s.scale;
      if (q >= 1.0 && std::floor(q) == q) {
        best = &s;
        break;
      }
    }
  } else {
    // The largest unit not above the value (suffix lists are not sorted by scale).
    best = nullptr;
    for (const auto& s : sx)
      if (std::fabs(v) >= s.scale && (!best || s.scale > best->scale)) best = &s;
    if (!best) {
      best = &sx.front();
      for (const auto& s : sx)
        if (s.scale < best->scale) best = &s;
    }
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g%s", v / best->scale, best->text);
  // Guard exact round trip; fall back to 17 digits if 15 lose precision.
  if (parse_quantity(buf, d) != v) std::snprintf(buf, sizeof buf, "%.17g%s", v / best->scale, best->text);
  return buf;
}

std::string format_address(std::uint64_t addr) {
  char b[32];
  std::snprintf(b, sizeof b, "0x%08llx", static_cast<unsigned long long>(addr));
  return b;
}

std::string commas(std::int64_t v) {
  const std::string d = std::to_string(v < 0 ? -v : v);
  std::string o;
  for (std::size_t i = 0; i < d.size(); ++i) {
    if (i > 0 && (d.size() - i) % 3 == 0) o += ',';
    o += d[i];
  }
  return v < 0 ? "-" + o : o;
}

ps_t cycles_to_ps(std::uint64_t cycles, double hz) {
  return static_cast<ps_t>(std::llround(static_cast<double>(cycles) * 1e12 / hz));
}

}  // namespace mcusim
