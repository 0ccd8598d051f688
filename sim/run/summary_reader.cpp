#include "sim/run/summary_reader.hpp"

#include <yaml-cpp/yaml.h>

#include "sim/core/error.hpp"

namespace mcusim {
namespace {

void flatten(const YAML::Node& n, const std::string& prefix, std::map<std::string, double>& out) {
  for (const auto& kv : n) {
    const std::string key = prefix + kv.first.as<std::string>();
    const YAML::Node& v = kv.second;
    if (v.IsMap()) {
      flatten(v, key + ".", out);
    } else if (v.IsScalar()) {
      const std::string& s = v.Scalar();
      if (s == "true" || s == "false") {
        out[key] = s == "true" ? 1.0 : 0.0;
        continue;
      }
      double d = 0;
      if (YAML::convert<double>::decode(v, d) && v.Tag() != "!") out[key] = d;
    }
  }
}

}  // namespace

std::map<std::string, double> read_summary_numbers(const std::string& path) {
  YAML::Node doc;
  try {
    doc = YAML::LoadFile(path);  // JSON is YAML
  } catch (const YAML::Exception& e) {
    throw InputError(path + ": " + e.what());
  }
  if (!doc.IsMap()) throw InputError(path + ": expected a JSON object");
  std::map<std::string, double> out;
  flatten(doc, "", out);
  return out;
}

}  // namespace mcusim
