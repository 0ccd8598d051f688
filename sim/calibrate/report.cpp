#include "sim/calibrate/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <utility>
#include <sstream>

namespace mcusim::cal {

double median(std::vector<double> v) {
  if (v.empty()) return NAN;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

Report make_report(const std::vector<Measurement>& used, const std::vector<Observation>& obs,
                   const std::vector<double>& static_w, const FitResult& fit) {
  Report r;
  std::vector<double> fe, le, ee;
  for (std::size_t i = 0; i < used.size(); ++i) {
    ReportRow row;
    row.id = used[i].id;
    row.board = used[i].board;
    row.benchmark = used[i].benchmark;
    row.core = obs[i].core;
    row.measured_ms = used[i].latency_ms;
    row.fit_ms = fit.predicted[i] * 1e3;
    row.loo_ms = fit.loo_predicted[i] * 1e3;
    row.measured_uj = used[i].energy_uj;
    row.predicted_uj = static_w[i] * fit.predicted[i] * 1e6;
    const double mem = obs[i].b + fit.layer_cycles * obs[i].layers_s;  // seconds
    const double compute = fit.predicted[i] - mem;
    if (compute > 1e-12 * fit.predicted[i]) row.need = (used[i].latency_ms * 1e-3 - mem) / compute;
    fe.push_back(std::fabs(row.fit_ms - row.measured_ms) / row.measured_ms);
    if (!std::isnan(row.loo_ms)) le.push_back(std::fabs(row.loo_ms - row.measured_ms) / row.measured_ms);
    if (!std::isnan(row.measured_uj))
      ee.push_back(std::fabs(row.predicted_uj - row.measured_uj) / row.measured_uj);
    r.rows.push_back(row);
  }
  r.fit_median = median(fe);
  r.fit_worst = fe.empty() ? NAN : *std::max_element(fe.begin(), fe.end());
  r.loo_rows = static_cast<int>(le.size());
  r.loo_median = median(le);
  r.loo_worst = le.empty() ? NAN : *std::max_element(le.begin(), le.end());
  double sq = 0;
  for (double e : le) sq += e * e;
  r.loo_rms = le.empty() ? NAN : std::sqrt(sq / static_cast<double>(le.size()));
  r.energy_rows = static_cast<int>(ee.size());
  r.energy_median = median(ee);
  r.energy_worst = ee.empty() ? NAN : *std::max_element(ee.begin(), ee.end());
  std::map<std::pair<std::string, std::string>, std::vector<double>> cells;
  for (const auto& row : r.rows)
    if (!std::isnan(row.need)) cells[{row.core, row.benchmark}].push_back(row.need);
  for (const auto& [key, v] : cells)
    r.need.push_back({key.first, key.second, median(v), static_cast<int>(v.size())});
  return r;
}

std::string format_report(const Report& r, const std::vector<std::string>& skipped) {
  std::ostringstream o;
  char b[256];
  std::snprintf(b, sizeof b, "%-5s %-16s %-4s %-11s %10s %10s %7s %6s %10s %7s %10s %10s %7s\n",
                "row", "board", "bm", "core", "meas ms", "fit ms", "err", "need", "LOO ms", "err",
                "meas uJ", "pred uJ", "err");
  o << b;
  auto pct = [](double p, double m) { return std::isnan(p) ? NAN : 100.0 * (p - m) / m; };
  for (const auto& x : r.rows) {
    std::snprintf(b, sizeof b,
                  "%-5s %-16.16s %-4s %-11s %10.3f %10.3f %6.1f%% %6.2f %10.3f %6.1f%% %10.1f %10.1f %6.1f%%\n",
                  x.id.c_str(), x.board.c_str(), x.benchmark.c_str(), x.core.c_str(),
                  x.measured_ms, x.fit_ms, pct(x.fit_ms, x.measured_ms), x.need, x.loo_ms,
                  pct(x.loo_ms, x.measured_ms), x.measured_uj, x.predicted_uj,
                  pct(x.predicted_uj, x.measured_uj));
    o << b;
  }
  std::snprintf(b, sizeof b,
                "latency: fit median %.1f%%, worst %.1f%% (%zu rows); leave-one-out (board+model held out) "
                "median %.1f%%, worst %.1f%% (%d rows)\n",
                100 * r.fit_median, 100 * r.fit_worst, r.rows.size(), 100 * r.loo_median,
                100 * r.loo_worst, r.loo_rows);
  o << b;
  std::snprintf(b, sizeof b,
                "energy (predicted from the presets' run currents, not fitted): median %.1f%%, "
                "worst %.1f%% (%d rows)\n",
                100 * r.energy_median, 100 * r.energy_worst, r.energy_rows);
  o << b;
  if (!r.need.empty()) {
    o << "need (compute scale that makes a row exact, memory time held; 1 = the fit), median by core and benchmark:";
    std::string core;
    for (const auto& c : r.need) {
      o << (c.core == core ? ", " : "\n  " + c.core + ": ");
      core = c.core;
      std::snprintf(b, sizeof b, "%s %.2f (%d)", c.benchmark.c_str(), c.median, c.rows);
      o << b;
    }
    o << "\n";
  }
  for (const auto& s : skipped) o << "skipped row " << s << "\n";
  return o.str();
}

std::string format_rows_csv(const Report& r) {
  std::ostringstream o;
  o << "row_id,board,benchmark,core,measured_ms,fit_ms,need,heldout_ms,heldout_rel_err,measured_uj,"
       "predicted_uj\n";
  auto num = [](double v, int digits) {
    if (std::isnan(v)) return std::string();
    char b[64];
    std::snprintf(b, sizeof b, "%.*f", digits, v);
    return std::string(b);
  };
  for (const auto& x : r.rows) {
    const double err = std::isnan(x.loo_ms) ? NAN : (x.loo_ms - x.measured_ms) / x.measured_ms;
    o << x.id << "," << x.board << "," << x.benchmark << "," << x.core << "," << num(x.measured_ms, 6) << ","
      << num(x.fit_ms, 6) << "," << num(x.need, 4) << "," << num(x.loo_ms, 6) << "," << num(err, 6) << ","
      << num(x.measured_uj, 3) << "," << num(x.predicted_uj, 3) << "\n";
  }
  return o.str();
}

}  // namespace mcusim::cal
