#pragma once
// Strict, typed access to one mapping of the config tree. Every read marks its key as
// used; finish() rejects any key nobody read, naming file:line and the known keys.
// Errors are one line: "<origin>: <key path>: <what was expected>".
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "sim/config/tree.hpp"
#include "sim/core/units.hpp"

namespace mcusim::cfg {

class Section {
 public:
  Section(const Tree& tree, YAML::Node node, std::string path);
  static Section root(const Tree& tree) { return Section(tree, tree.root(), ""); }

  bool has(const std::string& key) const;
  const std::string& path() const { return path_; }
  std::string key_path(const std::string& key) const;

  // Quantities with units; `min_exclusive` rejects values <= that bound (0 by default:
  // clocks, sizes, and times must be positive unless a *_nonneg variant is used).
  double quantity(const std::string& key, Dim d);
  double quantity_or(const std::string& key, Dim d, double def);
  double quantity_nonneg(const std::string& key, Dim d);
  double quantity_nonneg_or(const std::string& key, Dim d, double def);
  // Whole bytes, at most 2^53 (exact in a double; larger is an error, not a wrapped cast).
  std::uint64_t bytes(const std::string& key);  // positive
  std::uint64_t bytes_or(const std::string& key, std::uint64_t def);
  std::uint64_t bytes_nonneg(const std::string& key);  // 0 allowed

  double number(const std::string& key);
  double number_or(const std::string& key, double def);
  std::int64_t integer(const std::string& key, std::int64_t min, std::int64_t max);
  std::int64_t integer_or(const std::string& key, std::int64_t min, std::int64_t max,
                          std::int64_t def);
  std::string string(const std::string& key);
  std::string string_or(const std::string& key, const std::string& def);
  // One of a fixed set of words.
  std::string choice(const std::string& key, const std::vector<std::string>& allowed);
  std::string choice_or(const std::string& key, const std::vector<std::string>& allowed,
                        const std::string& def);
  bool boolean_or(const std::string& key, bool def);
  std::vector<double> quantity_list(const std::string& key, Dim d);
  std::vector<std::int64_t> integer_list(const std::string& key);

  Section section(const std::string& key);
  bool has_section(const std::string& key) const;
  // A sequence of mappings.
  std::vector<Section> section_list(const std::string& key);
  // Keys of a mapping whose keys are user-chosen names (e.g. sram regions).
  std::vector<std::string> keys() const;

  // The raw YAML value of a key (marks it used).
  YAML::Node raw(const std::string& key) { return get(key, true); }
  // Marks a key as known without reading it (decoded elsewhere).
  void allow(const std::string& key) const { used_.insert(key); }
  // Rejects keys that were never read. Call after decoding a section.
  void finish() const;

  [[noreturn]] void fail(const std::string& key, const std::string& what) const;

 private:
  YAML::Node get(const std::string& key, bool required);
  std::uint64_t byte_count(const std::string& key, double v) const;  // whole, <= 2^53
  std::string scalar(const std::string& key);
  const Tree* tree_;
  YAML::Node node_;
  std::string path_;
  mutable std::set<std::string> used_;
};

}  // namespace mcusim::cfg
