#pragma once
// Predicted against measured, per row, and the fit's error statistics.
#include <string>
#include <vector>

#include "sim/calibrate/fit.hpp"
#include "sim/calibrate/measurements.hpp"

namespace mcusim::cal {

struct ReportRow {
  std::string id, board, benchmark, core;
  double measured_ms = 0, fit_ms = 0, loo_ms = 0;     // loo_ms NAN when not predictable
  double measured_uj = 0, predicted_uj = 0;           // NAN when not measured
  // The scale on the row's fitted compute time that would make it exact, memory time
  // held: (measured - memory) / (fit - memory). 1 = the fit; NAN without compute time.
  // Rows of one core that need different scales by benchmark show what one factor per
  // core cannot express (e.g. FC-bound vs conv-bound models).
  double need = NAN;
};

// Median `need` per (core, benchmark), in core then benchmark order.
struct NeedCell {
  std::string core, benchmark;
  double median = NAN;
  int rows = 0;
};

struct Report {
  std::vector<ReportRow> rows;
  double fit_median = 0, fit_worst = 0;    // |predicted - measured| / measured
  double loo_median = 0, loo_worst = 0;    // over rows with a leave-one-out prediction
  double loo_rms = 0;                      // root mean square of the held-out relative errors
  int loo_rows = 0;
  double energy_median = NAN, energy_worst = NAN;
  int energy_rows = 0;
  std::vector<NeedCell> need;
};

// static_w: the run's static power at the row's supply (energy = power x latency).
Report make_report(const std::vector<Measurement>& used, const std::vector<Observation>& obs,
                   const std::vector<double>& static_w, const FitResult& fit);
std::string format_report(const Report& r, const std::vector<std::string>& skipped);
// The rows as CSV (header + one line per row; empty cells where a value is NAN).
std::string format_rows_csv(const Report& r);

double median(std::vector<double> v);

}  // namespace mcusim::cal
