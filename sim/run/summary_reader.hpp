#pragma once
// Reads back the numbers of a run's summary.json (the format sim/run/results.cpp
// writes), for commands that drive `mcusim run` as child processes.
#include <map>
#include <string>

namespace mcusim {

// Flattened "a.b.c" -> value for every numeric or boolean (1/0) field.
std::map<std::string, double> read_summary_numbers(const std::string& path);

}  // namespace mcusim
