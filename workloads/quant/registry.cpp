// Scheme registry: one line per scheme name; "name:key=value,..." passes options.
#include <cstdlib>
#include <functional>
#include <map>

#include "sim/core/error.hpp"
#include "workloads/quant/scheme.hpp"

namespace mcusim::wl::quant {

void add_work(WorkCounts& into, const WorkCounts& more) {
  for (const auto& kv : more) into[kv.first] += kv.second;
}

std::int64_t WeightTensor::channels() const {
  if (channel_axis < 0 || static_cast<std::size_t>(channel_axis) >= shape.size()) return 1;
  return shape[static_cast<std::size_t>(channel_axis)];
}

namespace {

using Args = std::map<std::string, std::string>;
using Factory = std::function<std::unique_ptr<QuantScheme>(const std::string&, Args&)>;

double num(const std::string& spec, const Args& a, const std::string& key, double def) {
  auto it = a.find(key);
  if (it == a.end()) return def;
  char* end = nullptr;
  const double v = std::strtod(it->second.c_str(), &end);
  if (it->second.empty() || *end != '\0')
    throw InputError("--quant " + spec + ": " + key + " must be a number, got '" + it->second + "'");
  return v;
}

std::unique_ptr<QuantScheme> codebook(const std::string& spec, Args& a) {
  CodebookOptions o;
  o.k = static_cast<int>(num(spec, a, "k", o.k));
  o.density = num(spec, a, "density", o.density);
  o.conv_index_bits = static_cast<int>(num(spec, a, "conv_index_bits", o.conv_index_bits));
  o.fc_index_bits = static_cast<int>(num(spec, a, "fc_index_bits", o.fc_index_bits));
  o.max_iterations = static_cast<int>(num(spec, a, "iterations", o.max_iterations));
  if (a.count("unpacked")) {
    const std::string u = a["unpacked"];
    if (u != "int8" && u != "float32")
      throw InputError("--quant " + spec + ": unpacked must be int8 or float32");
    o.float32_unpacked = u == "float32";
  }
  for (const char* k : {"k", "density", "conv_index_bits", "fc_index_bits", "iterations", "unpacked"})
    a.erase(k);
  return make_codebook(o);
}

struct Entry {
  std::string usage;
  Factory make;
};

const std::map<std::string, Entry>& registry() {
  static const std::map<std::string, Entry> r = {
      {"float32", {"float32", [](const std::string&, Args&) { return make_float32(); }}},
      {"int8-affine", {"int8-affine (per-tensor, asymmetric)",
                       [](const std::string&, Args&) { return make_affine_int8(false); }}},
      {"int8-affine-pc", {"int8-affine-pc (per-channel, symmetric)",
                          [](const std::string&, Args&) { return make_affine_int8(true); }}},
      {"q8", {"q8 (Qm.n, 8 bit)", [](const std::string&, Args&) { return make_qformat(8); }}},
      {"q16", {"q16 (Qm.n, 16 bit)", [](const std::string&, Args&) { return make_qformat(16); }}},
      {"codebook", {"codebook[:k=16,density=1,unpacked=int8|float32,conv_index_bits=8,"
                    "fc_index_bits=5,iterations=50]",
                    codebook}},
  };
  return r;
}

}  // namespace

std::unique_ptr<QuantScheme> make_scheme(const std::string& spec) {
  const auto colon = spec.find(':');
  const std::string base = spec.substr(0, colon);
  Args args;
  if (colon != std::string::npos) {
    std::string rest = spec.substr(colon + 1) + ",";
    std::size_t start = 0;
    for (std::size_t i = 0; i < rest.size(); ++i) {
      if (rest[i] != ',') continue;
      const std::string kv = rest.substr(start, i - start);
      start = i + 1;
      if (kv.empty()) continue;
      const auto eq = kv.find('=');
      if (eq == std::string::npos)
        throw InputError("--quant " + spec + ": expected key=value, got '" + kv + "'");
      args[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
  }
  auto it = registry().find(base);
  if (it == registry().end()) {
    std::string known;
    for (const auto& u : scheme_names()) known += (known.empty() ? "" : ", ") + u;
    throw InputError("--quant: unknown scheme '" + spec + "' (known: " + known + ")");
  }
  auto s = it->second.make(spec, args);
  if (!args.empty())
    throw InputError("--quant " + spec + ": unknown option '" + args.begin()->first + "'");
  return s;
}

std::vector<std::string> scheme_names() {
  std::vector<std::string> out;
  for (const auto& kv : registry()) out.push_back(kv.second.usage);
  return out;
}

}  // namespace mcusim::wl::quant
