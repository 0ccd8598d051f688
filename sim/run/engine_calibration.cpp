#include "sim/run/engine_calibration.hpp"

#include <yaml-cpp/yaml.h>

#include <cstdio>

#include "sim/core/error.hpp"

namespace mcusim {
namespace {

[[noreturn]] void bad(const std::string& key, const std::string& what) {
  throw InputError("engine.provenance" + (key.empty() ? "" : "." + key) + ": " + what);
}

double fraction(const YAML::Node& pv, const char* key) {
  const YAML::Node n = pv[key];
  if (!n) bad(key, "missing (written by mcusim calibrate)");
  double v = 0;
  try {
    v = n.as<double>();
  } catch (const YAML::Exception&) {
    bad(key, "expected a number");
  }
  if (!(v >= 0) || !std::isfinite(v)) bad(key, "must be a finite number >= 0");
  return v;
}

int count(const YAML::Node& n, const std::string& key) {
  int v = 0;
  try {
    v = n.as<int>();
  } catch (const YAML::Exception&) {
    bad(key, "expected a whole number");
  }
  if (v < 0) bad(key, "must not be negative");
  return v;
}

}  // namespace

CalibrationInfo decode_calibration(const YAML::Node& pv, const std::string& core) {
  CalibrationInfo c;
  if (!pv || !pv.IsMap()) {
    if (pv && !pv.IsNull()) bad("", "expected a map");
    return c;
  }
  const YAML::Node used = pv["rows_used"];
  if (!used) return c;  // hand-written provenance: not a calibrate result
  if (!used.IsSequence()) bad("rows_used", "expected a list of measurement row ids");
  c.calibrated = true;
  c.rows = static_cast<int>(used.size());
  if (const YAML::Node fitted = pv["fitted"]) {
    if (!fitted.IsMap()) bad("fitted", "expected a map of cores");
    if (const YAML::Node fc = fitted[core]) {
      if (!fc.IsMap()) bad("fitted." + core, "expected a map");
      if (fc["rows"]) c.core_rows = count(fc["rows"], "fitted." + core + ".rows");
    }
  }
  if (c.core_rows > c.rows) bad("fitted." + core + ".rows", "exceeds the rows_used count");
  c.heldout_median = fraction(pv, "latency_loo_group_median_abs_err");
  c.heldout_worst = fraction(pv, "latency_loo_group_worst_abs_err");
  return c;
}

std::string calibration_line(const CalibrationInfo& c, const std::string& engine,
                             const std::string& core) {
  if (!c.calibrated)
    return "calibration: none (engine '" + engine + "' carries no mcusim calibrate provenance)\n";
  char b[320];
  std::snprintf(b, sizeof b,
                "calibration: %s fitted to %d measured rows, %d on %s%s; held-out latency error "
                "median %.1f %%, worst %.1f %%\n",
                engine.c_str(), c.rows, c.core_rows, core.c_str(),
                c.core_rows == 0 ? " (its factor is the cross-core prior)" : "",
                100 * c.heldout_median, 100 * c.heldout_worst);
  return b;
}

}  // namespace mcusim
