#pragma once
// One CSV record split into fields (RFC 4180: commas inside double quotes, "" for a
// quote; a trailing CR is dropped), for the CSV inputs the simulator reads.
#include <string>
#include <vector>

namespace mcusim {

std::vector<std::string> split_csv(const std::string& line);

}  // namespace mcusim
