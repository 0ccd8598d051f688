#include "sim/sweep/merge.hpp"

#include <filesystem>
#include <map>

#include "sim/core/error.hpp"
#include "sim/sweep/db.hpp"

namespace mcusim::sweep {
namespace fs = std::filesystem;

MergeOutcome merge_shards(const std::vector<std::string>& dirs, const std::string& out_dir) {
  if (dirs.empty()) throw InputError("merge: no shard directories given");
  const std::string out_db = out_dir + "/results.db";
  if (fs::exists(out_db)) throw InputError(out_db + " already exists; merge into a new --out");
  // Read and validate every shard before writing anything.
  Meta meta;
  std::map<std::size_t, std::string> owner;  // point index -> shard dir
  std::vector<PointRow> all;
  for (const auto& d : dirs) {
    const std::string p = d + "/results.db";
    if (!fs::exists(p)) throw InputError(p + ": no such file (not a sweep directory?)");
    ResultsDb db(p, false);
    if (!db.has_meta()) throw InputError(p + ": not a sweep database");
    const Meta m = db.meta();
    if (meta.spec_hash.empty()) meta = m;
    else if (m.spec_hash != meta.spec_hash)
      throw InputError(d + " is a shard of a different spec (hash " + m.spec_hash + ", " +
                       dirs.front() + " has " + meta.spec_hash + ")");
    for (auto& r : db.rows()) {
      auto [it, fresh] = owner.emplace(r.index, d);
      if (!fresh)
        throw InputError("point " + r.id + " is in both " + it->second + " and " + d);
      all.push_back(std::move(r));
    }
  }
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) throw InputError(out_dir + ": cannot create (" + ec.message() + ")");
  // Built under a temporary name and renamed, so a failed merge leaves no database.
  const std::string tmp = out_dir + "/.results.db.merging";
  fs::remove(tmp, ec);
  {
    ResultsDb db(tmp, true);
    meta.shard = "merged";
    db.write_meta(meta);
    db.begin();
    for (const auto& r : all) db.insert(r);
    db.commit();
    db.export_csv(out_dir + "/results.csv", out_dir + "/layers.csv");
  }  // closing the last connection checkpoints the WAL into the main file
  for (const char* sfx : {"-wal", "-shm"}) fs::remove(tmp + sfx, ec);
  fs::rename(tmp, out_db);
  return {all.size(), meta.total_points};
}

}  // namespace mcusim::sweep
