#pragma once
#include <ostream>

#include "sim/run/assemble.hpp"

namespace mcusim::cli {

// The compute model of a run: core, clock, CPI and its origin, kernel instruction models.
void describe_core(const Assembled& a, std::ostream& os);

}  // namespace mcusim::cli
