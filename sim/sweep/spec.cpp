#include "sim/sweep/spec.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "sim/core/error.hpp"
#include "sim/run/paths.hpp"
#include "sim/sweep/hash.hpp"

namespace mcusim::sweep {
namespace fs = std::filesystem;

const std::vector<std::string>& default_metrics() {
  static const std::vector<std::string> m = {
      "latency_ms", "energy_mj", "avg_power_mw", "peak_sram_bytes", "fits",
      "breakdown.compute.time_ms", "breakdown.compute.energy_mj",
      "breakdown.sram.time_ms", "breakdown.sram.energy_mj",
      "breakdown.flash.time_ms", "breakdown.flash.energy_mj",
      "breakdown.sd.time_ms", "breakdown.sd.energy_mj", "sd_clock.actual_hz"};
  return m;
}

namespace {

const std::set<std::string> kSpecial = {"board", "model", "engine"};
const std::set<std::string> kRunFiles = {"summary.json", "layers.csv", "power.csv",
                                         "trace.json", "config.resolved.yaml"};

// Strict decoding: every error is "origin:line: key: what", every mapping is checked
// against its allowed keys so a typo never silently drops an axis or a filter.
struct Decoder {
  std::string origin;

  [[noreturn]] void fail(const YAML::Node& n, const std::string& key, const std::string& what) const {
    throw InputError(origin + ":" + std::to_string(n.Mark().line + 1) + ": " + key + ": " + what);
  }
  void only(const YAML::Node& map, const std::string& where, const std::set<std::string>& allowed) const {
    if (!map.IsMap()) fail(map, where, "expected a mapping");
    for (const auto& kv : map) {
      const std::string k = kv.first.as<std::string>();
      if (allowed.count(k)) continue;
      std::string known;
      for (const auto& a : allowed) known += (known.empty() ? "" : ", ") + a;
      fail(kv.first, where.empty() ? k : where + "." + k, "unknown key (known: " + known + ")");
    }
  }
  std::string scalar(const YAML::Node& n, const std::string& key) const {
    if (!n.IsScalar() || n.Scalar().empty()) fail(n, key, "expected a non-empty scalar");
    return n.Scalar();
  }
  // A list of scalars; a lone scalar is accepted as a one-element list.
  std::vector<std::string> list(const YAML::Node& n, const std::string& key, bool allow_empty = false) const {
    std::vector<std::string> out;
    if (n.IsScalar()) return {scalar(n, key)};
    if (!n.IsSequence()) fail(n, key, "expected a list of scalars");
    for (const auto& e : n) out.push_back(scalar(e, key));
    if (out.empty() && !allow_empty) fail(n, key, "expected at least one value");
    return out;
  }
};

bool valid_key(const std::string& k) {
  return !k.empty() && std::all_of(k.begin(), k.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
  });
}

}  // namespace

std::string resolve_path(const std::string& p, const std::string& spec_dir) {
  if (p.rfind("zoo:", 0) == 0 || p.empty() || fs::path(p).is_absolute()) return p;
  for (const std::string& base : {spec_dir, std::string("."), home_dir()}) {
    const fs::path c = fs::path(base) / p;
    if (!base.empty() && fs::exists(c)) return c.lexically_normal().string();
  }
  return p;
}

Spec parse_spec_text(const std::string& yaml, const std::string& origin, const std::string& dir) {
  Decoder d{origin};
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    throw InputError(origin + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  Spec s;
  s.path = origin;
  s.dir = dir;
  if (!root.IsMap()) throw InputError(origin + ": expected a mapping with base and axes");
  d.only(root, "", {"base", "mode", "axes", "filters", "metrics", "keep"});

  if (const auto b = root["base"]) {
    d.only(b, "base", {"board", "model", "engine", "config", "set"});
    if (b["board"]) s.board = d.scalar(b["board"], "base.board");
    if (b["model"]) s.model = d.scalar(b["model"], "base.model");
    if (b["engine"]) s.engine = d.scalar(b["engine"], "base.engine");
    if (b["config"]) s.configs = d.list(b["config"], "base.config", true);
    if (b["set"]) s.sets = d.list(b["set"], "base.set", true);
    for (const auto& c : s.configs)
      if (!fs::exists(resolve_path(c, dir))) d.fail(b["config"], "base.config", c + ": no such file");
    std::size_t i = 0;
    for (const auto& a : s.sets) {
      if (a.find('=') == std::string::npos || a.front() == '=')
        d.fail(b["set"].IsSequence() ? b["set"][i] : b["set"], "base.set", "expected key.path=value, got '" + a + "'");
      ++i;
    }
  }
  if (root["mode"]) {
    s.mode = d.scalar(root["mode"], "mode");
    if (s.mode != "grid" && s.mode != "zip") d.fail(root["mode"], "mode", "expected grid|zip, got '" + s.mode + "'");
  }
  std::set<std::string> axis_keys;
  if (const auto axes = root["axes"]) {
    if (!axes.IsSequence()) d.fail(axes, "axes", "expected a list of {key, values}");
    for (const auto& a : axes) {
      d.only(a, "axes[]", {"key", "values"});
      if (!a["key"]) d.fail(a, "axes[]", "missing key");
      if (!a["values"]) d.fail(a, "axes[]", "missing values");
      Axis ax{d.scalar(a["key"], "axes[].key"), d.list(a["values"], "axes[].values")};
      if (!valid_key(ax.key)) d.fail(a["key"], "axes[].key", "expected a config key path, board, model or engine");
      if (!axis_keys.insert(ax.key).second) d.fail(a["key"], "axes[].key", "'" + ax.key + "' is swept twice");
      s.axes.push_back(std::move(ax));
    }
  }
  if (s.mode == "zip")
    for (const auto& a : s.axes)
      if (a.values.size() != s.axes.front().values.size())
        d.fail(root["axes"], "axes", "zip mode needs axes of equal length");
  if (const auto fl = root["filters"]) {
    if (!fl.IsSequence()) d.fail(fl, "filters", "expected a list");
    for (const auto& f : fl) {
      Filter flt;
      auto check_key = [&](const YAML::Node& n, const std::string& k) {
        if (!axis_keys.count(k)) d.fail(n, "filters[].key", "'" + k + "' is not an axis key");
      };
      if (f.IsMap() && f["exclude"]) {
        d.only(f, "filters[]", {"exclude"});
        if (!f["exclude"].IsMap()) d.fail(f["exclude"], "filters[].exclude", "expected {key: value(s)}");
        flt.kind = Filter::Exclude;
        for (const auto& kv : f["exclude"]) {
          const std::string k = kv.first.as<std::string>();
          check_key(kv.first, k);
          flt.terms.emplace_back(k, d.list(kv.second, "filters[].exclude." + k));
        }
      } else {
        d.only(f, "filters[]", {"key", "in", "not_in"});
        if (!f["key"] || (!f["in"] == !f["not_in"]))
          d.fail(f, "filters[]", "expected {key, in: [...]} or {key, not_in: [...]} or {exclude: {...}}");
        const std::string k = d.scalar(f["key"], "filters[].key");
        check_key(f["key"], k);
        flt.kind = f["in"] ? Filter::In : Filter::NotIn;
        flt.terms.emplace_back(k, d.list(f["in"] ? f["in"] : f["not_in"], "filters[].in"));
      }
      s.filters.push_back(std::move(flt));
    }
  }
  s.metrics = default_metrics();
  if (const auto m = root["metrics"]) s.metrics = d.list(m, "metrics");
  if (const auto k = root["keep"]) {
    s.keep = d.list(k, "keep", true);
    for (const auto& f : s.keep)
      if (!kRunFiles.count(f)) d.fail(k, "keep", "'" + f + "' is not a run file (summary.json, layers.csv, power.csv, trace.json, config.resolved.yaml)");
  }
  return s;
}

Spec parse_spec_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot read the sweep spec");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string dir = fs::path(path).parent_path().string();
  return parse_spec_text(ss.str(), path, dir.empty() ? "." : dir);
}

namespace {

bool keep_point(const Spec& s, const std::vector<std::string>& values) {
  auto value_of = [&](const std::string& key) -> const std::string& {
    for (std::size_t i = 0; i < s.axes.size(); ++i)
      if (s.axes[i].key == key) return values[i];
    return key;  // unreachable: filter keys are checked to be axis keys
  };
  auto listed = [&](const std::pair<std::string, std::vector<std::string>>& t) {
    return std::find(t.second.begin(), t.second.end(), value_of(t.first)) != t.second.end();
  };
  for (const auto& f : s.filters) {
    if (f.kind == Filter::In && !listed(f.terms[0])) return false;
    if (f.kind == Filter::NotIn && listed(f.terms[0])) return false;
    if (f.kind == Filter::Exclude && std::all_of(f.terms.begin(), f.terms.end(), listed)) return false;
  }
  return true;
}

}  // namespace

std::vector<Point> enumerate(const Spec& s) {
  // Value combinations, before filtering.
  std::vector<std::vector<std::string>> combos;
  if (s.axes.empty()) {
    combos.emplace_back();
  } else if (s.mode == "zip") {
    for (std::size_t i = 0; i < s.axes.front().values.size(); ++i) {
      std::vector<std::string> v;
      for (const auto& a : s.axes) v.push_back(a.values[i]);
      combos.push_back(std::move(v));
    }
  } else {
    std::vector<std::size_t> at(s.axes.size(), 0);
    for (;;) {
      std::vector<std::string> v;
      for (std::size_t i = 0; i < s.axes.size(); ++i) v.push_back(s.axes[i].values[at[i]]);
      combos.push_back(std::move(v));
      std::size_t k = s.axes.size();
      while (k > 0 && ++at[k - 1] == s.axes[k - 1].values.size()) at[--k] = 0;
      if (k == 0) break;
    }
  }
  std::vector<Point> pts;
  for (auto& v : combos)
    if (keep_point(s, v)) pts.push_back(Point{0, "", std::move(v), {}});
  if (pts.empty()) throw InputError(s.path + ": the filters leave no point to run");

  const std::size_t width = std::max<std::size_t>(4, std::to_string(pts.size() - 1).size());
  for (std::size_t i = 0; i < pts.size(); ++i) {
    Point& p = pts[i];
    p.index = i;
    std::string canon, board = s.board, model = s.model, engine = s.engine;
    std::vector<std::string> axis_sets;
    for (std::size_t a = 0; a < s.axes.size(); ++a) {
      const std::string& k = s.axes[a].key;
      canon += k + "=" + p.values[a] + "\n";
      if (k == "board") board = p.values[a];
      else if (k == "model") model = p.values[a];
      else if (k == "engine") engine = p.values[a];
      else axis_sets.push_back(k + "=" + p.values[a]);
    }
    std::string idx = std::to_string(i);
    p.id = "p" + std::string(width - idx.size(), '0') + idx + "-" + hex64(fnv1a(canon), 8);
    // Written values, not resolved paths: the args (and so the spec hash) do not depend
    // on where the spec or the working directory are; paths are resolved at launch.
    if (!board.empty()) p.run_args.insert(p.run_args.end(), {"--board", board});
    if (!model.empty()) p.run_args.insert(p.run_args.end(), {"--model", model});
    if (!engine.empty()) p.run_args.insert(p.run_args.end(), {"--engine", engine});
    for (const auto& c : s.configs) p.run_args.insert(p.run_args.end(), {"--config", c});
    for (const auto& a : s.sets) p.run_args.insert(p.run_args.end(), {"--set", a});
    for (const auto& a : axis_sets) p.run_args.insert(p.run_args.end(), {"--set", a});
  }
  return pts;
}

std::string spec_hash(const Spec& s, const std::vector<Point>& points) {
  std::uint64_t h = fnv1a("mcusim-sweep-v1\n");
  for (const auto& p : points) {
    std::string line = p.id;
    for (const auto& a : p.run_args) line += '\x1f' + a;
    h = fnv1a(line + "\n", h);
  }
  for (const auto& m : s.metrics) h = fnv1a("metric " + m + "\n", h);
  for (const auto& c : s.configs) {
    std::ifstream in(resolve_path(c, s.dir));
    std::stringstream ss;
    ss << in.rdbuf();
    h = fnv1a("config " + c + "\n" + ss.str(), h);
  }
  return hex64(h);
}

}  // namespace mcusim::sweep
