// `mcusim sweep SPEC.yaml --out DIR`: runs every point of a sweep spec (sim/sweep).
#include <iostream>

#include "sim/cli/command.hpp"
#include "sim/cli/options.hpp"
#include "sim/sweep/sweep.hpp"

namespace mcusim::cli {

int cmd_sweep(const std::vector<std::string>& args) {
  po::options_description desc("sweep options");
  desc.add_options()
      ("spec", po::value<std::string>()->required(), "sweep spec (YAML)")
      ("out", po::value<std::string>()->required(), "output directory (results.db, results.csv, layers.csv, points/)")
      ("jobs,j", po::value<unsigned>()->default_value(0), "simulations run at once (0: number of cores)")
      ("shard", po::value<std::string>()->default_value("0/1"), "I/N: run only points with index % N == I")
      ("resume", "continue a sweep in --out: run only the points not recorded yet (failed ones are retried)");
  po::positional_options_description pos;
  pos.add("spec", 1);
  po::variables_map vm;
  if (!parse_options("sweep", args, desc, vm, &pos, "SPEC.yaml --out DIR [--jobs N] [--shard I/N] [--resume]"))
    return 0;
  set_log_level(vm["log-level"].as<std::string>());
  sweep::SweepOptions o;
  o.spec_path = vm["spec"].as<std::string>();
  o.out_dir = vm["out"].as<std::string>();
  o.jobs = vm["jobs"].as<unsigned>();
  o.resume = vm.count("resume") > 0;
  sweep::parse_shard(vm["shard"].as<std::string>(), o.shard_i, o.shard_n);
  const auto r = sweep::run_sweep(o);
  for (const auto& f : r.failures) std::cerr << "failed: " << f << "\n";
  std::cout << "sweep: " << r.shard_points << " points (" << r.already_done << " already done, "
            << r.ran << " run, " << r.failed << " failed) in " << r.wall_s << " s\n";
  if (r.interrupted) {
    std::cerr << "mcusim sweep: interrupted; finished points are in " << o.out_dir
              << "/results.db, rerun with --resume\n";
    return 130;
  }
  std::cout << "results: " << o.out_dir << "/{results.db,results.csv,layers.csv}\n";
  if (r.failed)
    throw CheckFailed(std::to_string(r.failed) + " point(s) failed (messages above and in results.db)");
  return 0;
}

}  // namespace mcusim::cli
