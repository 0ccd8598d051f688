#include "sim/check/compare.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "sim/core/csv.hpp"
#include "sim/core/error.hpp"

namespace mcusim::check {
namespace {

bool number(const std::string& s, double& v) {
  if (s.empty()) return false;
  char* end = nullptr;
  v = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

// Compares one cell; appends to `out` when it moved.
void cell(const std::string& point, const std::string& metric, const std::string& name,
          const std::string& b, const std::string& n, double rtol, std::vector<Moved>& out) {
  double x = 0, y = 0;
  if (number(b, x) && number(n, y)) {
    const double scale = std::max(std::fabs(x), std::fabs(y));
    if (std::fabs(y - x) > rtol * scale)
      out.push_back({point, metric, name, b, n, x != 0 ? (y - x) / std::fabs(x) : INFINITY});
  } else if (b != n) {
    out.push_back({point, metric, name, b, n, 0});
  }
}

int col(const Csv& c, const std::string& name) {
  for (std::size_t i = 0; i < c.header.size(); ++i)
    if (c.header[i] == name) return static_cast<int>(i);
  return -1;
}

}  // namespace

Csv read_csv(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot read");
  Csv c;
  std::string line;
  if (std::getline(in, line)) c.header = split_csv(line);
  while (std::getline(in, line))
    if (!line.empty()) c.rows.push_back(split_csv(line));
  return c;
}

std::vector<Moved> compare_results(const Csv& base, const Csv& now, double rtol) {
  std::vector<Moved> out;
  const int bid = col(base, "id"), nid = col(now, "id"), bstatus = col(base, "status");
  if (bid < 0 || nid < 0 || bstatus < 0) throw InputError("results.csv: no id/status column");
  std::map<std::string, const std::vector<std::string>*> by_id;
  for (const auto& r : now.rows) by_id[r[static_cast<std::size_t>(nid)]] = &r;
  for (const auto& r : base.rows) {
    const std::string& id = r[static_cast<std::size_t>(bid)];
    std::string label = id + " (";
    for (int i = bid + 1; i < bstatus; ++i) label += (i > bid + 1 ? " " : "") + r[static_cast<std::size_t>(i)];
    label += ")";
    auto it = by_id.find(id);
    if (it == by_id.end()) {
      out.push_back({label, "point", "point", "present", "missing", 0});
      continue;
    }
    for (std::size_t c = 0; c < base.header.size(); ++c) {
      const std::string& name = base.header[c];
      if (name == "index" || name == "id") continue;
      const int nc = col(now, name);
      const std::string nv = nc >= 0 && static_cast<std::size_t>(nc) < it->second->size()
                                 ? (*it->second)[static_cast<std::size_t>(nc)] : "(no column)";
      cell(label, name, name, c < r.size() ? r[c] : "", nv, rtol, out);
    }
    by_id.erase(it);
  }
  for (const auto& [id, r] : by_id) {
    (void)r;
    out.push_back({id, "point", "point", "missing", "present", 0});
  }
  return out;
}

std::vector<Moved> compare_layers(const Csv& base, const Csv& now, double rtol) {
  std::vector<Moved> out;
  // Key: (id, layer number) so layers are reported in network order; value: name,
  // latency, energy. Columns are fixed by the sweep export.
  using Key = std::pair<std::string, long>;
  auto index = [](const Csv& c) {
    std::map<Key, std::vector<std::string>> m;
    for (const auto& r : c.rows)
      if (r.size() >= 6) m[{r[1], std::strtol(r[2].c_str(), nullptr, 10)}] = {r[3], r[4], r[5]};
    return m;
  };
  auto b = index(base), n = index(now);
  for (const auto& [key, bv] : b) {
    const std::string where = "[" + std::to_string(key.second) + " " + bv[0] + "]";
    auto it = n.find(key);
    if (it == n.end()) {
      out.push_back({key.first, "layers" + where, "layers", "present", "missing", 0});
      continue;
    }
    cell(key.first, "layers.name" + where, "layers.name", bv[0], it->second[0], rtol, out);
    cell(key.first, "layers.latency_ms" + where, "layers.latency_ms", bv[1], it->second[1], rtol, out);
    cell(key.first, "layers.energy_mj" + where, "layers.energy_mj", bv[2], it->second[2], rtol, out);
    n.erase(it);
  }
  for (const auto& [key, nv] : n)
    out.push_back({key.first, "layers[" + std::to_string(key.second) + " " + nv[0] + "]", "layers",
                   "missing", "present", 0});
  return out;
}

std::string moved_table(const std::vector<Moved>& moved, std::size_t limit) {
  std::size_t wp = 5, wm = 6, wb = 8, wn = 3;
  const std::size_t shown = std::min(limit, moved.size());
  for (std::size_t i = 0; i < shown; ++i) {
    wp = std::max(wp, moved[i].point.size());
    wm = std::max(wm, moved[i].metric.size());
    wb = std::max(wb, moved[i].baseline.size());
    wn = std::max(wn, moved[i].now.size());
  }
  std::ostringstream o;
  auto row = [&](const std::string& p, const std::string& m, const std::string& b,
                 const std::string& n, const std::string& r) {
    o << p << std::string(wp - p.size() + 2, ' ') << m << std::string(wm - m.size() + 2, ' ') << b
      << std::string(wb - b.size() + 2, ' ') << n << std::string(wn - n.size() + 2, ' ') << r << "\n";
  };
  row("point", "metric", "baseline", "now", "change");
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& m = moved[i];
    char rel[32] = "-";
    if (m.rel != 0) std::snprintf(rel, sizeof rel, "%+.4g%%", 100 * m.rel);
    row(m.point, m.metric, m.baseline, m.now, rel);
  }
  if (moved.size() > shown) o << "... and " << moved.size() - shown << " more\n";
  return o.str();
}

}  // namespace mcusim::check
