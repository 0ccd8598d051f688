#pragma once
// Deterministic number and text formatting for the deploy reports.
#include <cstdint>
#include <string>

#include "sim/core/units.hpp"

namespace mcusim::deploy {

std::string num(double v, int decimals);       // fixed decimals, never "-0.0"
std::string signed_num(double v, int decimals);  // "+1.5" / "-1.5"
using mcusim::commas;                          // sim/core/units.hpp: 1663328 -> "1,663,328"
std::string bytes_text(std::int64_t v);        // "1,663,328 B"
std::string kib(std::int64_t v);               // "240.0 KiB"
std::string html_escape(const std::string& s);

}  // namespace mcusim::deploy
