// `mcusim merge DIR... --out DIR`: joins sweep shards (sim/sweep/merge).
#include <iostream>

#include "sim/cli/command.hpp"
#include "sim/cli/options.hpp"
#include "sim/sweep/merge.hpp"

namespace mcusim::cli {

int cmd_merge(const std::vector<std::string>& args) {
  po::options_description desc("merge options");
  desc.add_options()
      ("dirs", po::value<std::vector<std::string>>()->required(), "shard output directories")
      ("out", po::value<std::string>()->required(), "merged output directory");
  po::positional_options_description pos;
  pos.add("dirs", -1);
  po::variables_map vm;
  if (!parse_options("merge", args, desc, vm, &pos, "SHARD_DIR... --out DIR")) return 0;
  set_log_level(vm["log-level"].as<std::string>());
  const auto out = vm["out"].as<std::string>();
  const auto r = sweep::merge_shards(vm["dirs"].as<std::vector<std::string>>(), out);
  if (r.points < r.total)
    std::cerr << "mcusim merge: warning: " << r.total - r.points << " of " << r.total
              << " points are in no shard\n";
  std::cout << "merged " << r.points << " of " << r.total << " points: " << out
            << "/{results.db,results.csv,layers.csv}\n";
  return 0;
}

}  // namespace mcusim::cli
