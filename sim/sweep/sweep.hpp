#pragma once
// `mcusim sweep`: enumerate a spec's points, run the missing ones (this shard's) as
// `mcusim run` processes, record each in DIR/results.db as it finishes and export
// DIR/results.csv + DIR/layers.csv in point order.
#include <cstddef>
#include <string>
#include <vector>

namespace mcusim::sweep {

struct SweepOptions {
  std::string spec_path, out_dir;
  unsigned jobs = 0;  // 0: number of host cores
  std::size_t shard_i = 0, shard_n = 1;
  bool resume = false;
  bool progress = true;                 // progress bar, shown only when stderr is a tty
  std::vector<std::string> extra_sets;  // appended to base.set (mcusim check --set)
};

struct SweepOutcome {
  std::size_t shard_points = 0, already_done = 0, ran = 0, failed = 0;
  std::vector<std::string> failures;  // "id: message"
  bool interrupted = false;
  double wall_s = 0;
};

// Throws InputError on a bad spec or a DIR holding another sweep.
SweepOutcome run_sweep(const SweepOptions& o);

// "I/N" -> (I, N); throws InputError unless 0 <= I < N.
void parse_shard(const std::string& s, std::size_t& i, std::size_t& n);

}  // namespace mcusim::sweep
