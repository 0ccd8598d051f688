#pragma once
// `mcusim merge`: joins shard databases of one spec into DIR/results.db and exports
// results.csv/layers.csv exactly as an unsharded sweep would. Refuses shards of
// different specs (spec hash) and any point present twice.
#include <cstddef>
#include <string>
#include <vector>

namespace mcusim::sweep {

struct MergeOutcome {
  std::size_t points = 0, total = 0;  // merged vs points in the spec
};

MergeOutcome merge_shards(const std::vector<std::string>& dirs, const std::string& out_dir);

}  // namespace mcusim::sweep
