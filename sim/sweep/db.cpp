#include "sim/sweep/db.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <sqlite3.h>

#include "sim/core/error.hpp"

namespace mcusim::sweep {
namespace {

// Prepared statement with RAII finalize; binds text only (every value is text).
class Stmt {
 public:
  Stmt(sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s_, nullptr) != SQLITE_OK)
      throw InputError(std::string("results.db: ") + sqlite3_errmsg(db));
  }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt& bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind(int i, long long v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  bool step() {
    const int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) throw InputError(std::string("results.db: ") + sqlite3_errmsg(db_));
    sqlite3_reset(s_);
    return false;
  }
  void run() {
    while (step()) {}
  }
  std::string text(int c) {
    const auto* t = sqlite3_column_text(s_, c);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
  long long integer(int c) { return sqlite3_column_int64(s_, c); }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
};

std::string join(const std::vector<std::string>& v) {
  std::string o;
  for (std::size_t i = 0; i < v.size(); ++i) o += (i ? "\x1f" : "") + v[i];
  return o;
}
std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> o;
  if (s.empty()) return o;
  std::size_t a = 0;
  for (std::size_t b; (b = s.find('\x1f', a)) != std::string::npos; a = b + 1) o.push_back(s.substr(a, b - a));
  o.push_back(s.substr(a));
  return o;
}
// RFC 4180 quoting, only where needed, so ordinary cells stay plain.
std::string cell(const std::string& v) {
  if (v.find_first_of(",\"\n") == std::string::npos) return v;
  std::string o = "\"";
  for (char c : v) o += c == '"' ? std::string("\"\"") : std::string(1, c);
  return o + "\"";
}
void write_atomic(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream o(tmp, std::ios::binary);
    o << text;
    if (!o) throw InputError(tmp + ": cannot write");
  }
  std::filesystem::rename(tmp, path);
}

}  // namespace

ResultsDb::ResultsDb(const std::string& path, bool create) : path_(path) {
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    const std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw InputError(path + ": cannot open (" + msg + ")");
  }
  sqlite3_busy_timeout(db_, 5000);
  // WAL + synchronous=NORMAL: a commit survives the process being killed (the OS has
  // the WAL pages), without an fsync per point; only a power cut may lose the last ones.
  exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
  exec("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
       "CREATE TABLE IF NOT EXISTS points(idx INTEGER PRIMARY KEY, id TEXT NOT NULL,"
       " axis_values TEXT NOT NULL, status TEXT NOT NULL, error TEXT NOT NULL);"
       "CREATE TABLE IF NOT EXISTS metrics(idx INTEGER NOT NULL, pos INTEGER NOT NULL,"
       " name TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY(idx, name));"
       "CREATE TABLE IF NOT EXISTS layers(idx INTEGER NOT NULL, layer INTEGER NOT NULL,"
       " name TEXT NOT NULL, latency_ms TEXT NOT NULL, energy_mj TEXT NOT NULL,"
       " PRIMARY KEY(idx, layer));");
}

ResultsDb::~ResultsDb() { sqlite3_close(db_); }

void ResultsDb::exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    const std::string msg = err ? err : "error";
    sqlite3_free(err);
    throw InputError(path_ + ": " + msg);
  }
}

void ResultsDb::begin() {
  if (depth_++ == 0) exec("BEGIN IMMEDIATE");
}
void ResultsDb::commit() {
  if (--depth_ == 0) exec("COMMIT");
}

bool ResultsDb::has_meta() {
  Stmt s(db_, "SELECT count(*) FROM meta WHERE key='spec_hash'");
  s.step();
  return s.integer(0) > 0;
}

Meta ResultsDb::meta() {
  std::map<std::string, std::string> kv;
  Stmt s(db_, "SELECT key, value FROM meta");
  while (s.step()) kv[s.text(0)] = s.text(1);
  Meta m;
  m.spec_hash = kv["spec_hash"];
  m.shard = kv["shard"];
  m.axes = split(kv["axes"]);
  m.metrics = split(kv["metrics"]);
  m.total_points = kv["total_points"].empty() ? 0 : std::stoull(kv["total_points"]);
  return m;
}

void ResultsDb::write_meta(const Meta& m) {
  begin();
  Stmt s(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
  for (const auto& [k, v] : std::map<std::string, std::string>{
           {"spec_hash", m.spec_hash}, {"shard", m.shard}, {"axes", join(m.axes)},
           {"metrics", join(m.metrics)}, {"total_points", std::to_string(m.total_points)}})
    s.bind(1, k).bind(2, v).run();
  commit();
}

std::set<std::size_t> ResultsDb::finished() {
  std::set<std::size_t> out;
  // Failed points do not count: --resume retries them (the cause may have been fixed).
  Stmt s(db_, "SELECT idx FROM points WHERE status = 'ok'");
  while (s.step()) out.insert(static_cast<std::size_t>(s.integer(0)));
  return out;
}

void ResultsDb::insert(const PointRow& r) {
  begin();
  const auto idx = static_cast<long long>(r.index);
  // Replaces an earlier failed attempt of the same point (--resume retries failures).
  for (const char* t : {"points", "metrics", "layers"})
    Stmt(db_, std::string("DELETE FROM ") + t + " WHERE idx = ?").bind(1, idx).run();
  Stmt p(db_, "INSERT INTO points(idx, id, axis_values, status, error) VALUES(?,?,?,?,?)");
  p.bind(1, idx).bind(2, r.id).bind(3, join(r.values)).bind(4, r.status).bind(5, r.error).run();
  Stmt m(db_, "INSERT INTO metrics(idx, pos, name, value) VALUES(?,?,?,?)");
  for (std::size_t i = 0; i < r.metrics.size(); ++i)
    m.bind(1, idx).bind(2, static_cast<long long>(i)).bind(3, r.metrics[i].name)
        .bind(4, r.metrics[i].value).run();
  Stmt l(db_, "INSERT INTO layers(idx, layer, name, latency_ms, energy_mj) VALUES(?,?,?,?,?)");
  for (std::size_t i = 0; i < r.layers.size(); ++i)
    l.bind(1, idx).bind(2, static_cast<long long>(i)).bind(3, r.layers[i].name)
        .bind(4, r.layers[i].latency_ms).bind(5, r.layers[i].energy_mj).run();
  commit();
}

std::vector<PointRow> ResultsDb::rows() {
  std::vector<PointRow> out;
  std::map<std::size_t, std::size_t> at;
  Stmt p(db_, "SELECT idx, id, axis_values, status, error FROM points ORDER BY idx");
  while (p.step()) {
    PointRow r;
    r.index = static_cast<std::size_t>(p.integer(0));
    r.id = p.text(1);
    r.values = split(p.text(2));
    r.status = p.text(3);
    r.error = p.text(4);
    at[r.index] = out.size();
    out.push_back(std::move(r));
  }
  Stmt m(db_, "SELECT idx, name, value FROM metrics ORDER BY idx, pos");
  while (m.step()) out[at[static_cast<std::size_t>(m.integer(0))]].metrics.push_back({m.text(1), m.text(2)});
  Stmt l(db_, "SELECT idx, name, latency_ms, energy_mj FROM layers ORDER BY idx, layer");
  while (l.step())
    out[at[static_cast<std::size_t>(l.integer(0))]].layers.push_back({l.text(1), l.text(2), l.text(3)});
  return out;
}

void ResultsDb::export_csv(const std::string& results_csv, const std::string& layers_csv) {
  const Meta mt = meta();
  const auto all = rows();
  // Columns: the spec's metric list, or for "all" every field in summary.json order
  // (taken from the first successful point: every summary has the same fields).
  std::vector<std::string> cols = mt.metrics;
  if (cols.size() == 1 && cols[0] == "all") {
    cols.clear();
    for (const auto& r : all)
      if (r.status == "ok") {
        for (const auto& f : r.metrics) cols.push_back(f.name);
        break;
      }
  }
  std::ostringstream o, lo;
  o << "index,id";
  for (const auto& a : mt.axes) o << ',' << cell(a);
  o << ",status";
  for (const auto& c : cols) o << ',' << cell(c);
  o << '\n';
  lo << "index,id,layer,name,latency_ms,energy_mj\n";
  for (const auto& r : all) {
    o << r.index << ',' << r.id;
    for (const auto& v : r.values) o << ',' << cell(v);
    o << ',' << r.status;
    std::map<std::string, std::string> byname;
    for (const auto& f : r.metrics) byname[f.name] = f.value;
    for (const auto& c : cols) o << ',' << cell(byname.count(c) ? byname[c] : "");
    o << '\n';
    for (std::size_t i = 0; i < r.layers.size(); ++i)
      lo << r.index << ',' << r.id << ',' << i << ',' << cell(r.layers[i].name) << ','
         << r.layers[i].latency_ms << ',' << r.layers[i].energy_mj << '\n';
  }
  write_atomic(results_csv, o.str());
  write_atomic(layers_csv, lo.str());
}

}  // namespace mcusim::sweep
