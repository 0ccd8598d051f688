#include "sim/config/tree.hpp"

#include <fstream>
#include <sstream>

#include "sim/core/error.hpp"

namespace mcusim::cfg {
namespace {

std::string join(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

void emit_sorted(YAML::Emitter& out, const YAML::Node& n) {
  if (n.IsMap()) {
    std::map<std::string, YAML::Node> sorted;
    for (const auto& kv : n) sorted.emplace(kv.first.as<std::string>(), kv.second);
    out << YAML::BeginMap;
    for (const auto& [k, v] : sorted) {
      out << YAML::Key << k << YAML::Value;
      emit_sorted(out, v);
    }
    out << YAML::EndMap;
  } else if (n.IsSequence()) {
    bool flat = true;
    for (const auto& e : n) flat = flat && e.IsScalar();
    out << (flat ? YAML::Flow : YAML::Block) << YAML::BeginSeq;
    for (const auto& e : n) emit_sorted(out, e);
    out << YAML::EndSeq;
  } else if (n.IsScalar()) {
    out << n.Scalar();
  } else {
    out << YAML::Null;
  }
}

// Checks a parsed document before it is merged: every mapping key, also inside
// sequences, must be a scalar (dump() sorts keys as strings), and the document with its
// aliases expanded must stay small: a "billion laughs" file (anchors of anchors) would
// otherwise make merging and dumping take exponential time.
constexpr std::size_t kMaxNodes = 100000;
void check_document(const YAML::Node& n, const std::string& origin, std::size_t& count) {
  if (++count > kMaxNodes)
    throw InputError(origin + ":" + std::to_string(n.Mark().line + 1) + ": more than " +
                     std::to_string(kMaxNodes) + " values (with aliases expanded)");
  if (n.IsMap()) {
    for (const auto& kv : n) {
      if (!kv.first.IsScalar())
        throw InputError(origin + ":" + std::to_string(kv.first.Mark().line + 1) +
                         ": mapping keys must be plain words");
      check_document(kv.second, origin, count);
    }
  } else if (n.IsSequence()) {
    for (const auto& e : n) check_document(e, origin, count);
  }
}

}  // namespace

void Tree::merge_node(YAML::Node dst, const YAML::Node& src, const std::string& path,
                      const std::string& file) {
  for (const auto& kv : src) {
    if (!kv.first.IsScalar())
      throw InputError(file + ":" + std::to_string(kv.first.Mark().line + 1) +
                       ": mapping keys must be plain words");
    const std::string key = kv.first.Scalar();
    const std::string kp = join(path, key);
    const std::string where =
        file + ":" + std::to_string(kv.first.Mark().line + 1);
    origins_[kp] = where;
    if (kv.second.IsMap() && dst[key] && dst[key].IsMap()) {
      merge_node(dst[key], kv.second, kp, file);
    } else {
      dst[key] = YAML::Clone(kv.second);
      if (kv.second.IsMap()) {
        // Record origins for the whole new subtree.
        YAML::Node tmp(YAML::NodeType::Map);
        merge_node(tmp, kv.second, kp, file);
      }
    }
  }
}

void Tree::merge_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot open config file");
  std::stringstream ss;
  ss << in.rdbuf();
  merge_text(ss.str(), path);
}

void Tree::merge_text(const std::string& text, const std::string& origin_name) {
  YAML::Node doc;
  try {
    doc = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw InputError(origin_name + ":" + std::to_string(e.mark.line + 1) + ": malformed YAML: " +
                     e.msg);
  }
  if (doc.IsNull()) return;
  if (!doc.IsMap())
    throw InputError(origin_name + ":1: the top level must be a mapping of sections");
  std::size_t count = 0;
  check_document(doc, origin_name, count);
  merge_node(root_, doc, "", origin_name);
}

void Tree::apply_set(const std::string& assignment) {
  const auto eq = assignment.find('=');
  const std::string where = "--set " + assignment;
  if (eq == std::string::npos || eq == 0)
    throw InputError(where + ": expected key.path=value");
  const std::string path = assignment.substr(0, eq);
  const std::string value = assignment.substr(eq + 1);
  YAML::Node parsed;
  try {
    parsed = YAML::Load(value);
  } catch (const YAML::Exception& e) {
    throw InputError(where + ": malformed value: " + e.msg);
  }
  std::size_t count = 0;
  check_document(parsed, where, count);
  // Walk/create the path.
  std::vector<std::string> parts;
  std::string cur;
  for (char c : path) {
    if (c == '.') {
      parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  parts.push_back(cur);
  for (const auto& p : parts)
    if (p.empty()) throw InputError(where + ": empty component in key path '" + path + "'");
  std::vector<YAML::Node> chain{root_};
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    YAML::Node next = chain.back()[parts[i]];
    if (!next.IsDefined() || next.IsNull()) {
      chain.back()[parts[i]] = YAML::Node(YAML::NodeType::Map);
      next = chain.back()[parts[i]];
    } else if (!next.IsMap()) {
      throw InputError(where + ": '" + parts[i] + "' is not a section");
    }
    chain.push_back(next);
  }
  chain.back()[parts.back()] = parsed.IsNull() ? YAML::Node("") : parsed;
  origins_[path] = where;
}

YAML::Node Tree::find(const std::string& path) const {
  YAML::Node n = root_;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    const std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!n.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
    const YAML::Node c = static_cast<const YAML::Node&>(n)[key];
    if (!c) return YAML::Node(YAML::NodeType::Undefined);
    n.reset(c);
    if (dot == std::string::npos) return n;
    start = dot + 1;
  }
}

std::string Tree::origin(const std::string& path) const {
  std::string p = path;
  while (true) {
    auto it = origins_.find(p);
    if (it != origins_.end()) return it->second;
    auto dot = p.rfind('.');
    if (dot == std::string::npos) return "config";
    p = p.substr(0, dot);
  }
}

std::string Tree::dump() const {
  YAML::Emitter out;
  emit_sorted(out, root_);
  return std::string(out.c_str()) + "\n";
}

}  // namespace mcusim::cfg
