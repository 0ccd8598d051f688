#pragma once
// results.db: the sweep's durable record. The parent process is its only writer; each
// finished point is one transaction (WAL journal), so a killed sweep keeps every point
// it had recorded and --resume runs only the rest. Metric values are stored as the
// exact text of summary.json so the CSV export is byte-identical across runs.
#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "sim/sweep/point_files.hpp"

struct sqlite3;

namespace mcusim::sweep {

struct Meta {
  std::string spec_hash, shard;  // shard: "I/N" or "merged"
  std::vector<std::string> axes, metrics;
  std::size_t total_points = 0;
};

struct PointRow {
  std::size_t index = 0;
  std::string id;
  std::vector<std::string> values;  // per axis
  std::string status;               // "ok" | "error"
  std::string error;
  std::vector<Field> metrics;
  std::vector<LayerValues> layers;
};

class ResultsDb {
 public:
  // Opens (creating when `create`) the database; throws InputError on failure.
  ResultsDb(const std::string& path, bool create);
  ~ResultsDb();
  ResultsDb(const ResultsDb&) = delete;
  ResultsDb& operator=(const ResultsDb&) = delete;

  bool has_meta();
  Meta meta();
  void write_meta(const Meta& m);
  std::set<std::size_t> finished();  // points recorded with status ok
  void insert(const PointRow& r);  // one transaction, committed on return
  std::vector<PointRow> rows();    // in point index order
  void begin();
  void commit();

  // results.csv: index,id,<axes>,status,<metrics>; layers.csv: index,id,layer,name,
  // latency_ms,energy_mj. Both in point index order, written atomically.
  void export_csv(const std::string& results_csv, const std::string& layers_csv);

 private:
  void exec(const std::string& sql);
  sqlite3* db_ = nullptr;
  std::string path_;
  int depth_ = 0;
};

}  // namespace mcusim::sweep
