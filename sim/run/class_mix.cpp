#include "sim/run/class_mix.hpp"

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <vector>

#include "sim/core/csv.hpp"
#include "sim/core/error.hpp"
#include "sim/run/paths.hpp"

namespace mcusim {
namespace {

std::string expected_header() {
  std::string h = "library,core,kernel,model,layer_index,instructions";
  for (const char* c : core::kClasses) h += std::string(",") + c;
  for (const char* s : core::kStats) h += std::string(",") + s;
  return h;
}

double count(const std::string& s, const std::string& where, const char* col) {
  char* end = nullptr;
  errno = 0;
  const long long v = std::strtoll(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || errno != 0 || v < 0)
    throw InputError(where + ": column '" + col + "' must be a whole count >= 0, got '" + s + "'");
  return static_cast<double>(v);
}

}  // namespace

ClassMixTable ClassMixTable::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot open the class-mix table");
  ClassMixTable t;
  t.path_ = path;
  std::string line;
  if (!std::getline(in, line) || line != expected_header())
    throw InputError(path + ":1: header must be '" + expected_header() + "'");
  const std::size_t ncols = 6 + core::kClasses.size() + core::kStats.size();
  for (int ln = 2; std::getline(in, line); ++ln) {
    if (line.empty()) continue;
    const std::string where = path + ":" + std::to_string(ln);
    const auto f = split_csv(line);
    if (f.size() != ncols)
      throw InputError(where + ": expected " + std::to_string(ncols) + " columns, got " +
                       std::to_string(f.size()));
    core::ClassMix m;
    const double n = count(f[5], where, "instructions");
    for (std::size_t i = 0; i < core::kClasses.size(); ++i)
      m.cls[i] = count(f[6 + i], where, core::kClasses[i]);
    for (std::size_t i = 0; i < core::kStats.size(); ++i)
      m.stat[i] = count(f[6 + core::kClasses.size() + i], where, core::kStats[i]);
    if (m.instructions() != n)
      throw InputError(where + ": the class counts sum to " +
                       std::to_string(static_cast<long long>(m.instructions())) +
                       ", not instructions = " + f[5]);
    if (n == 0) throw InputError(where + ": instructions must be positive");
    t.sums_[{f[0], f[1], f[2]}] += m;
    t.sums_[{f[0], f[1], "*"}] += m;
  }
  if (t.sums_.empty()) throw InputError(path + ": no rows");
  return t;
}

bool ClassMixTable::has_library(const std::string& library) const {
  for (const auto& kv : sums_)
    if (std::get<0>(kv.first) == library) return true;
  return false;
}

bool ClassMixTable::has_rows(const std::string& library, const std::string& core,
                             const std::string& kernel) const {
  if (sums_.count({library, core, kernel})) return true;
  return core == "cortex-m0plus" && !sums_.count({library, core, "*"}) &&
         sums_.count({library, "cortex-m0", kernel});
}

MixLookup ClassMixTable::lookup(const std::string& library, const std::string& core,
                                const std::string& kernel) const {
  std::string c = core;
  if (!sums_.count({library, c, "*"}) && core == "cortex-m0plus") c = "cortex-m0";
  if (!sums_.count({library, c, "*"}))
    throw InputError(path_ + ": no class-mix rows for library '" + library + "' on " + core);
  if (auto it = sums_.find({library, c, kernel}); it != sums_.end()) return {it->second, kernel};
  return {sums_.at({library, c, "*"}), "all kernels (no '" + kernel + "' rows)"};
}

const ClassMixTable& default_class_mix() {
  static const ClassMixTable t = ClassMixTable::load(configs_dir() + "/engines/data/class_mix.csv");
  return t;
}

}  // namespace mcusim
