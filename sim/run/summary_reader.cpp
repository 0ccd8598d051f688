#include "sim/run/summary_reader.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "sim/core/error.hpp"

namespace mcusim {

std::map<std::string, double> read_summary_numbers(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot read");
  std::map<std::string, double> out;
  std::vector<std::string> stack;
  std::string line;
  // One key per line, two-space indentation per level (JsonWriter's layout).
  while (std::getline(in, line)) {
    const auto q1 = line.find('"');
    if (q1 == std::string::npos) {
      if (line.find('}') != std::string::npos && !stack.empty()) stack.pop_back();
      continue;
    }
    const auto q2 = line.find('"', q1 + 1);
    const auto colon = line.find(':', q2);
    if (q2 == std::string::npos || colon == std::string::npos) continue;
    const std::string key = line.substr(q1 + 1, q2 - q1 - 1);
    std::string value = line.substr(colon + 1);
    while (!value.empty() && (value.back() == ',' || value.back() == ' ')) value.pop_back();
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    std::string full;
    for (const auto& s : stack) full += s + ".";
    full += key;
    if (value == "{") {
      stack.push_back(key);
    } else if (value == "true" || value == "false") {
      out[full] = value == "true" ? 1.0 : 0.0;
    } else if (!value.empty() && value[0] != '"') {
      char* end = nullptr;
      const double v = std::strtod(value.c_str(), &end);
      if (end != value.c_str()) out[full] = v;
    }
  }
  return out;
}

}  // namespace mcusim
