#pragma once
#include <string>
#include <vector>

#include "sim/run/assemble.hpp"
#include "workloads/graph.hpp"

namespace mcusim {

// Loads "zoo:NAME" or a .tflite path.
wl::Graph load_model(const std::string& spec);

// `mcusim run`: simulates one inference and writes the run contract files to out_dir.
// Returns the process exit status; throws InputError for bad input (exit 2).
int run_simulation(const RunRequest& req, const std::string& out_dir, bool print_table);

}  // namespace mcusim
