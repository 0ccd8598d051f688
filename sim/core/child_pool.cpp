#include "sim/core/child_pool.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <utility>

#include "sim/core/error.hpp"

namespace mcusim {
namespace {

using Clock = std::chrono::steady_clock;

volatile sig_atomic_t g_stop = 0;
extern "C" void on_stop_signal(int) { g_stop = 1; }

pid_t launch(const PoolTask& t, pid_t parent) {
  std::vector<char*> argv;
  for (const auto& a : t.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) throw InputError(std::string("fork: ") + std::strerror(errno));
  if (pid > 0) return pid;
  // Child: die with the parent (even on its SIGKILL) so no orphan keeps writing into
  // an output directory that a rerun or --resume is about to redo.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(127);
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  const int devnull = open("/dev/null", O_WRONLY);
  const int log = open(t.stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (devnull >= 0) dup2(devnull, 1);
  if (log >= 0) dup2(log, 2);
  execv(argv[0], argv.data());
  _exit(127);
}

}  // namespace

bool run_pool(const std::vector<PoolTask>& tasks, unsigned jobs,
              const std::function<void(const PoolDone&)>& on_done, bool stop_on_signals) {
  // No SA_RESTART: a signal interrupts waitpid so it is noticed promptly.
  struct sigaction sa {}, old_int {}, old_term {};
  g_stop = 0;
  if (stop_on_signals) {
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
  }
  const pid_t self = getpid();
  std::map<pid_t, std::pair<std::size_t, Clock::time_point>> running;
  std::size_t next = 0;
  if (jobs == 0) jobs = 1;
  while (!running.empty() || (next < tasks.size() && !g_stop)) {
    while (!g_stop && next < tasks.size() && running.size() < jobs) {
      running[launch(tasks[next], self)] = {next, Clock::now()};
      ++next;
    }
    int status = 0;
    const pid_t pid = waitpid(-1, &status, 0);
    if (pid < 0) {
      if (errno == EINTR) continue;
      break;  // ECHILD: nothing left
    }
    auto it = running.find(pid);
    if (it == running.end()) continue;
    PoolDone d;
    d.index = it->second.first;
    d.host_seconds = std::chrono::duration<double>(Clock::now() - it->second.second).count();
    running.erase(it);
    if (WIFEXITED(status)) d.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) d.signal = WTERMSIG(status);
    on_done(d);
  }
  if (stop_on_signals) {
    sigaction(SIGINT, &old_int, nullptr);
    sigaction(SIGTERM, &old_term, nullptr);
  }
  return g_stop != 0;
}

}  // namespace mcusim
