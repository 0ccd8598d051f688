#include "sim/sweep/point_files.hpp"

#include <fstream>
#include <sstream>

#include "sim/core/error.hpp"

namespace mcusim::sweep {

std::vector<Field> read_summary_fields(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot read");
  std::vector<Field> out;
  std::vector<std::string> stack;
  std::string line;
  // JsonWriter writes one key per line; nested objects open with "key": { and close
  // with a line holding only }. Arrays are not used in summary.json.
  while (std::getline(in, line)) {
    const auto q1 = line.find('"');
    if (q1 == std::string::npos) {
      if (line.find('}') != std::string::npos && !stack.empty()) stack.pop_back();
      continue;
    }
    auto q2 = line.find('"', q1 + 1);
    while (q2 != std::string::npos && line[q2 - 1] == '\\') q2 = line.find('"', q2 + 1);
    const auto colon = q2 == std::string::npos ? q2 : line.find(':', q2);
    if (colon == std::string::npos) throw InputError(path + ": unexpected line '" + line + "'");
    std::string key = line.substr(q1 + 1, q2 - q1 - 1), value = line.substr(colon + 1);
    while (!value.empty() && (value.back() == ',' || value.back() == ' ' || value.back() == '\r'))
      value.pop_back();
    value.erase(0, value.find_first_not_of(' '));
    std::string full;
    for (const auto& s : stack) full += s + ".";
    if (value == "{") {
      stack.push_back(key);
      continue;
    }
    out.push_back({full + key, value});
  }
  return out;
}

std::vector<LayerValues> read_layer_values(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot read");
  std::string line;
  std::getline(in, line);
  // Columns are counted from the end because a layer name may itself hold commas:
  // index,name...,latency_ms,energy_mj,compute_ms,sram_ms,flash_ms,sd_ms
  // with 7 fixed columns between name and latency_ms.
  std::vector<LayerValues> out;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, ',');) f.push_back(c);
    if (f.size() < 15) throw InputError(path + ": short row '" + line + "'");
    const std::size_t n = f.size();
    std::string name = f[1];
    for (std::size_t i = 2; i + 13 < n; ++i) name += "," + f[i];
    out.push_back({name, f[n - 6], f[n - 5]});
  }
  return out;
}

}  // namespace mcusim::sweep
