#pragma once
// Compares a sweep's exported CSVs with committed baseline CSVs: every summary metric
// (results.csv) and every layer's latency/energy (layers.csv), keyed by point id (and
// layer), numeric cells within a relative tolerance, text cells exactly.
#include <string>
#include <vector>

namespace mcusim::check {

struct Csv {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};
// Reads RFC 4180 CSV (quoted cells allowed); throws InputError when unreadable.
Csv read_csv(const std::string& path);

struct Moved {
  std::string point;   // "p0003-1a2b3c4d (nucleo-f767zi zoo:... weights-sd)"
  std::string metric;  // "energy_mj", "layers.energy_mj[12 conv_last]"
  std::string metric_name;  // column only: "energy_mj", "layers.energy_mj"
  std::string baseline, now;
  double rel = 0;  // relative change (0 when not numeric)
};

std::vector<Moved> compare_results(const Csv& baseline, const Csv& now, double rtol);
std::vector<Moved> compare_layers(const Csv& baseline, const Csv& now, double rtol);

// The table printed by `mcusim check`, at most `limit` rows.
std::string moved_table(const std::vector<Moved>& moved, std::size_t limit);

}  // namespace mcusim::check
