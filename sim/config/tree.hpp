#pragma once
// The configuration tree: YAML layers (board preset, card preset, engine, user files,
// --set overrides) deep-merged into one yaml-cpp tree, remembering for every key path
// where its value came from ("configs/boards/x.yaml:12" or "--set sd.clock=25MHz"),
// so that any error can name the file and line.
#include <map>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace mcusim::cfg {

class Tree {
 public:
  // Loads a YAML file and merges it over what is already there. Throws InputError
  // naming file:line on a YAML syntax error or a non-mapping top level.
  void merge_file(const std::string& path);
  // Merges YAML text (used by tests and by presets built in code).
  void merge_text(const std::string& text, const std::string& origin_name);
  // Applies "a.b.c=value"; the value is parsed as YAML scalar/flow.
  void apply_set(const std::string& assignment);

  const YAML::Node& root() const { return root_; }
  YAML::Node& root() { return root_; }
  // The node at a dotted key path ("engine.provenance.model"), or an undefined node when
  // any level is missing (yaml-cpp throws when a missing node is indexed further).
  YAML::Node find(const std::string& path) const;
  // Where a key path ("board.sram") was last set; falls back to the nearest parent.
  std::string origin(const std::string& path) const;
  // Emits the merged tree as YAML text with sorted keys (deterministic).
  std::string dump() const;

 private:
  void merge_node(YAML::Node dst, const YAML::Node& src, const std::string& path,
                  const std::string& file);
  YAML::Node root_ = YAML::Node(YAML::NodeType::Map);
  std::map<std::string, std::string> origins_;
};

}  // namespace mcusim::cfg
