#include "workloads/zoo/zoo.hpp"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>

#include "sim/core/error.hpp"
#include "workloads/zoo/mobilenet_v1.hpp"
#include "workloads/zoo/mobilenet_v2.hpp"
#include "workloads/zoo/squeezenet.hpp"

namespace mcusim::wl {

std::vector<std::string> zoo_args(const std::string& spec, const std::string& prefix) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : spec.substr(std::min(prefix.size(), spec.size()))) {
    if (c == '_') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

double zoo_number(const std::string& spec, const std::string& s, double lo, double hi) {
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0' || !(v >= lo && v <= hi))
    throw InputError("zoo:" + spec + ": argument '" + s + "' must be a number in [" +
                     std::to_string(lo) + ", " + std::to_string(hi) + "]");
  return v;
}

int zoo_integer(const std::string& spec, const std::string& s, long lo, long hi) {
  char* end = nullptr;
  const long v = std::strtol(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || v < lo || v > hi)
    throw InputError("zoo:" + spec + ": argument '" + s + "' must be an integer in [" +
                     std::to_string(lo) + ", " + std::to_string(hi) + "]");
  return static_cast<int>(v);
}

namespace {

Graph mobilenet_v2(const std::string& spec) {
  // mobilenet_v2_<alpha>_<resolution>[_c<classes>][_x<extra>x<layers>]
  auto a = zoo_args(spec, "mobilenet_v2_");
  if (a.size() < 2)
    throw InputError("zoo:" + spec + ": expected mobilenet_v2_<alpha>_<resolution>");
  MobileNetV2Options o;
  o.alpha = zoo_number(spec, a[0], 0.05, 4.0);
  o.resolution = static_cast<int>(zoo_number(spec, a[1], 16, 1024));
  for (std::size_t i = 2; i < a.size(); ++i) {
    const std::string& s = a[i];
    if (!s.empty() && s[0] == 'c') {
      o.classes = static_cast<int>(zoo_number(spec, s.substr(1), 1, 100000));
    } else if (!s.empty() && s[0] == 'x' && s.find('x', 1) != std::string::npos) {
      auto k = s.find('x', 1);
      o.extra_filters = static_cast<int>(zoo_number(spec, s.substr(1, k - 1), 0, 4096));
      o.extra_filter_layers = static_cast<int>(zoo_number(spec, s.substr(k + 1), 0, 1000));
    } else {
      throw InputError("zoo:" + spec + ": unknown option '" + s +
                       "' (expected c<classes> or x<filters>x<layers>)");
    }
  }
  return build_mobilenet_v2(o);
}

struct Family {
  std::string prefix, usage;
  std::function<Graph(const std::string&)> build;
};

const std::vector<Family>& families() {
  static const std::vector<Family> f = {
      {"mobilenet_v2_", "mobilenet_v2_<alpha>_<resolution>[_c<classes>][_x<filters>x<layers>]",
       mobilenet_v2},
      {"mobilenet_v1_", "mobilenet_v1_<alpha>_<resolution>[_c<classes>]",
       build_mobilenet_v1_spec},
      {"squeezenet_", "squeezenet_<1.0|1.1>[_<resolution>][_c<classes>]", build_squeezenet_spec},
  };
  return f;
}

}  // namespace

Graph build_zoo(const std::string& spec) {
  for (const auto& f : families())
    if (spec.rfind(f.prefix, 0) == 0) return f.build(spec);
  std::string known;
  for (const auto& f : families()) known += (known.empty() ? "" : ", ") + f.usage;
  throw InputError("zoo:" + spec + ": unknown network (known: " + known + ")");
}

std::vector<std::string> zoo_families() {
  std::vector<std::string> out;
  for (const auto& f : families()) out.push_back(f.usage);
  return out;
}

}  // namespace mcusim::wl
