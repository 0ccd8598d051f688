#pragma once
// `mcusim validate`: predicts every matching row of a measurements file with the
// committed (calibrated) engine profiles as they stand, without fitting anything, and
// reports predicted against measured latency and energy. Rows a profile was fitted to
// (its provenance names the file's hash and the rows) are marked and kept out of the
// held-out statistics, so a file of new measurements is an out-of-sample test.
#include <string>
#include <vector>

namespace mcusim::cal {

struct ValidateRequest {
  std::string measurements;               // CSV path (columns of measurements.csv)
  std::vector<std::string> engine_files;  // profiles to predict with (engine.matches selects rows)
  std::vector<std::string> boards;        // filter (preset names); empty = all with a preset
  std::string models_dir;                 // where model_file names resolve
  std::string rows_csv;                   // optional: every row as CSV
};

// Prints the table and the statistics to stdout; returns the exit status.
int validate(const ValidateRequest& req);

}  // namespace mcusim::cal
