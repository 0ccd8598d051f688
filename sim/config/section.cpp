#include "sim/config/section.hpp"

#include <cmath>
#include <cstdlib>
#include <sstream>

#include "sim/core/error.hpp"

namespace mcusim::cfg {

Section::Section(const Tree& tree, YAML::Node node, std::string path)
    : tree_(&tree), node_(std::move(node)), path_(std::move(path)) {}

std::string Section::key_path(const std::string& key) const {
  return path_.empty() ? key : path_ + "." + key;
}

void Section::fail(const std::string& key, const std::string& what) const {
  const std::string kp = key.empty() ? path_ : key_path(key);
  throw InputError(tree_->origin(kp) + ": " + kp + ": " + what);
}

bool Section::has(const std::string& key) const {
  return node_.IsMap() && node_[key] && !node_[key].IsNull();
}

YAML::Node Section::get(const std::string& key, bool required) {
  used_.insert(key);
  if (!has(key)) {
    if (required) fail(key, "missing required key");
    return YAML::Node();
  }
  return node_[key];
}

std::string Section::scalar(const std::string& key) {
  YAML::Node n = get(key, true);
  if (!n.IsScalar()) fail(key, "expected a single value, not a section or list");
  return n.Scalar();
}

double Section::quantity(const std::string& key, Dim d) {
  double v = quantity_nonneg(key, d);
  if (v <= 0) fail(key, std::string("must be positive, got '") + node_[key].Scalar() + "'");
  return v;
}

double Section::quantity_or(const std::string& key, Dim d, double def) {
  return has(key) ? quantity(key, d) : (used_.insert(key), def);
}

double Section::quantity_nonneg(const std::string& key, Dim d) {
  const std::string s = scalar(key);
  double v = 0;
  try {
    v = parse_quantity(s, d);
  } catch (const InputError& e) {
    fail(key, e.what());
  }
  if (v < 0) fail(key, std::string("must not be negative, got '") + s + "'");
  return v;
}

double Section::quantity_nonneg_or(const std::string& key, Dim d, double def) {
  return has(key) ? quantity_nonneg(key, d) : (used_.insert(key), def);
}

std::uint64_t Section::byte_count(const std::string& key, double v) const {
  if (std::floor(v) != v) fail(key, "expected a whole number of bytes");
  if (v > 9007199254740992.0) fail(key, "is too large (more than 2^53 bytes)");  // 2^53
  return static_cast<std::uint64_t>(v);
}

std::uint64_t Section::bytes(const std::string& key) { return byte_count(key, quantity(key, Dim::Bytes)); }

std::uint64_t Section::bytes_nonneg(const std::string& key) {
  return byte_count(key, quantity_nonneg(key, Dim::Bytes));
}

std::uint64_t Section::bytes_or(const std::string& key, std::uint64_t def) {
  return has(key) ? bytes(key) : (used_.insert(key), def);
}

double Section::number(const std::string& key) {
  const std::string s = scalar(key);
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0' || !std::isfinite(v))
    fail(key, "expected a number, got '" + s + "'");
  return v;
}

double Section::number_or(const std::string& key, double def) {
  return has(key) ? number(key) : (used_.insert(key), def);
}

std::int64_t Section::integer(const std::string& key, std::int64_t min, std::int64_t max) {
  const std::string s = scalar(key);
  char* end = nullptr;
  long long v = std::strtoll(s.c_str(), &end, 0);
  if (s.empty() || *end != '\0') fail(key, "expected a whole number, got '" + s + "'");
  if (v < min || v > max) {
    std::ostringstream os;
    os << "expected a whole number in [" << min << ", " << max << "], got " << v;
    fail(key, os.str());
  }
  return v;
}

std::int64_t Section::integer_or(const std::string& key, std::int64_t min, std::int64_t max,
                                 std::int64_t def) {
  return has(key) ? integer(key, min, max) : (used_.insert(key), def);
}

std::string Section::string(const std::string& key) { return scalar(key); }

std::string Section::string_or(const std::string& key, const std::string& def) {
  return has(key) ? string(key) : (used_.insert(key), def);
}

std::string Section::choice(const std::string& key, const std::vector<std::string>& allowed) {
  const std::string s = scalar(key);
  for (const auto& a : allowed)
    if (a == s) return s;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  fail(key, "expected one of {" + list + "}, got '" + s + "'");
}

std::string Section::choice_or(const std::string& key, const std::vector<std::string>& allowed,
                               const std::string& def) {
  return has(key) ? choice(key, allowed) : (used_.insert(key), def);
}

bool Section::boolean_or(const std::string& key, bool def) {
  if (!has(key)) {
    used_.insert(key);
    return def;
  }
  const std::string s = scalar(key);
  if (s == "true" || s == "yes" || s == "on") return true;
  if (s == "false" || s == "no" || s == "off") return false;
  fail(key, "expected true or false, got '" + s + "'");
}

std::vector<double> Section::quantity_list(const std::string& key, Dim d) {
  YAML::Node n = get(key, true);
  if (!n.IsSequence()) fail(key, std::string("expected a list of ") + dim_name(d) + " values");
  std::vector<double> out;
  for (const auto& e : n) {
    if (!e.IsScalar()) fail(key, "expected a list of plain values");
    try {
      out.push_back(parse_quantity(e.Scalar(), d));
    } catch (const InputError& err) {
      fail(key, err.what());
    }
  }
  return out;
}

std::vector<std::int64_t> Section::integer_list(const std::string& key) {
  YAML::Node n = get(key, true);
  if (!n.IsSequence()) fail(key, "expected a list of whole numbers");
  std::vector<std::int64_t> out;
  for (const auto& e : n) {
    char* end = nullptr;
    const std::string s = e.IsScalar() ? e.Scalar() : "";
    long long v = std::strtoll(s.c_str(), &end, 0);
    if (s.empty() || *end != '\0') fail(key, "expected whole numbers, got '" + s + "'");
    out.push_back(v);
  }
  return out;
}

Section Section::section(const std::string& key) {
  YAML::Node n = get(key, true);
  if (!n.IsMap()) fail(key, "expected a section (a mapping of keys)");
  return Section(*tree_, n, key_path(key));
}

bool Section::has_section(const std::string& key) const { return has(key) && node_[key].IsMap(); }

std::vector<Section> Section::section_list(const std::string& key) {
  YAML::Node n = get(key, true);
  if (!n.IsSequence()) fail(key, "expected a list of sections");
  std::vector<Section> out;
  std::size_t i = 0;
  for (const auto& e : n) {
    const std::string p = key_path(key) + "[" + std::to_string(i++) + "]";
    if (!e.IsMap()) fail(key, "expected each list entry to be a section");
    out.emplace_back(*tree_, e, p);
  }
  return out;
}

std::vector<std::string> Section::keys() const {
  std::vector<std::string> out;
  if (!node_.IsMap()) return out;
  for (const auto& kv : node_) out.push_back(kv.first.Scalar());
  return out;
}

void Section::finish() const {
  if (!node_.IsMap()) return;
  for (const auto& kv : node_) {
    const std::string k = kv.first.Scalar();
    if (used_.count(k)) continue;
    std::string known;
    for (const auto& u : used_) known += (known.empty() ? "" : ", ") + u;
    fail(k, "unknown key (known keys here: " + known + ")");
  }
}

}  // namespace mcusim::cfg
