#include "sim/calibrate/measurements.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "sim/core/csv.hpp"
#include "sim/core/error.hpp"
#include "sim/run/paths.hpp"

namespace mcusim::cal {
namespace {

double parse_supply(const std::string& notes) {
  // The first "<number>V" or "<number> V" in the notes.
  for (std::size_t i = 0; i < notes.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(notes[i]))) continue;
    char* end = nullptr;
    const double v = std::strtod(notes.c_str() + i, &end);
    std::size_t j = static_cast<std::size_t>(end - notes.c_str());
    while (j < notes.size() && notes[j] == ' ') ++j;
    if (j < notes.size() && notes[j] == 'V' && v > 0.5 && v < 6) return v;
    i = static_cast<std::size_t>(end - notes.c_str());
  }
  return NAN;
}

std::string parse_bank_mode(const std::string& notes) {
  if (notes.find("Single Bank Mode") != std::string::npos) return "single";
  if (notes.find("Dual Bank Mode") != std::string::npos) return "dual";
  return "";
}

}  // namespace

std::vector<Measurement> read_measurements(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot open measurements file");
  std::string line;
  if (!std::getline(in, line)) throw InputError(path + ":1: empty measurements file");
  const auto header = split_csv(line);
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < header.size(); ++i) col[header[i]] = i;
  for (const char* need :
       {"row_id", "board", "core", "clock_mhz", "benchmark", "model_file", "engine", "latency_ms"})
    if (!col.count(need)) throw InputError(path + ":1: missing column '" + need + "'");
  std::vector<Measurement> out;
  int lineno = 1;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty()) continue;
    const auto f = split_csv(line);
    if (f.size() != header.size())
      throw InputError(path + ":" + std::to_string(lineno) + ": expected " +
                       std::to_string(header.size()) + " fields, got " + std::to_string(f.size()));
    auto get = [&](const char* c) { return col.count(c) ? f[col[c]] : std::string(); };
    auto num = [&](const char* c, bool required) {
      const std::string s = get(c);
      if (s.empty() && !required) return static_cast<double>(NAN);
      char* end = nullptr;
      const double v = std::strtod(s.c_str(), &end);
      if (s.empty() || *end != '\0' || !(v > 0) || !std::isfinite(v))
        throw InputError(path + ":" + std::to_string(lineno) + ": column " + c +
                         ": expected a positive number, got '" + s + "'");
      return v;
    };
    Measurement m;
    m.id = get("row_id");
    m.board = get("board");
    m.core = get("core");
    m.benchmark = get("benchmark");
    m.model_file = get("model_file");
    m.engine = get("engine");
    m.supply_notes = get("supply_notes");
    m.clock_mhz = num("clock_mhz", true);
    m.latency_ms = num("latency_ms", true);
    m.energy_uj = num("energy_uJ_per_inf", false);
    m.supply_v = parse_supply(m.supply_notes);
    m.bank_mode = parse_bank_mode(m.supply_notes);
    out.push_back(std::move(m));
  }
  return out;
}

std::string default_models_dir(const std::string& measurements) {
  namespace fs = std::filesystem;
  const fs::path beside = fs::path(measurements).parent_path() / ".." / "models";
  if (fs::is_directory(beside)) return beside.string();
  return shared_dir() + "/models";
}

std::string row_model_path(const Measurement& m, const std::string& models_dir) {
  // A built-in network (zoo:NAME, e.g. a vendor's published MobileNet_V2 timing) is passed
  // to `mcusim run` as it is; an unknown name is the run's own input error.
  if (m.model_file.rfind("zoo:", 0) == 0) return m.model_file;
  const std::string path = models_dir + "/" + m.model_file;
  if (!std::filesystem::is_regular_file(path))
    throw InputError("row " + m.id + ": model file " + path +
                     " not found (--models-dir DIR names where model_file resolves)");
  return path;
}

std::string preset_name_of(const std::string& board) {
  std::string s;
  for (char c : board) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace mcusim::cal
