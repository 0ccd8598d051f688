#include "sim/sweep/pool.hpp"

#include "sim/core/child_pool.hpp"

namespace mcusim::sweep {

bool run_tasks(const std::vector<Task>& tasks, unsigned jobs,
               const std::function<void(const Finished&)>& on_done) {
  std::vector<PoolTask> pool;
  for (const auto& t : tasks) pool.push_back({t.argv, t.log_path});
  return run_pool(pool, jobs,
                  [&](const PoolDone& d) {
                    Finished f;
                    f.key = tasks[d.index].key;
                    f.exit_code = d.exit_code;
                    f.signal = d.signal;
                    on_done(f);
                  },
                  /*stop_on_signals=*/true);
}

}  // namespace mcusim::sweep
