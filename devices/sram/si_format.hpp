#pragma once
// Compact engineering formatting for describe() lines: si(0.02, "A") -> "20mA",
// si(9.944e-6, "s") -> "9.94444us". Six significant digits, deterministic.
// (Used instead of format_quantity, whose unit choice prints e.g. 20 mA as nA.)
#include <cmath>
#include <cstdio>
#include <string>

namespace mcusim::dev {

inline std::string si(double v, const char* unit) {
  static const struct { double scale; const char* prefix; } p[] = {
      {1e9, "G"}, {1e6, "M"}, {1e3, "k"}, {1, ""}, {1e-3, "m"}, {1e-6, "u"}, {1e-9, "n"}, {1e-12, "p"}};
  const double a = std::fabs(v);
  std::size_t i = 0;
  if (a == 0) i = 3;
  else
    while (i + 1 < sizeof p / sizeof p[0] && a < p[i].scale * (1 - 1e-12)) ++i;
  char b[64];
  std::snprintf(b, sizeof b, "%.6g%s%s", v / p[i].scale, p[i].prefix, unit);
  return b;
}

}  // namespace mcusim::dev
