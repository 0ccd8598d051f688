#include "sim/deploy/child.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace mcusim::deploy {
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

pid_t start(const ChildJob& job) {
  std::vector<char*> argv;
  for (const auto& a : job.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int out = open("/dev/null", O_WRONLY);
    const int err = open(job.stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out >= 0) dup2(out, 1);
    if (err >= 0) dup2(err, 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

std::string slurp_and_remove(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  if (s.empty()) {
    std::error_code ec;
    fs::remove(path, ec);
  }
  if (s.size() > 2000) s = s.substr(0, 2000) + "...";
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

}  // namespace

std::vector<ChildOutcome> run_jobs(const std::vector<ChildJob>& jobs, int parallel) {
  std::vector<ChildOutcome> out(jobs.size());
  std::map<pid_t, std::pair<std::size_t, Clock::time_point>> running;
  std::size_t next = 0;
  while (next < jobs.size() || !running.empty()) {
    while (next < jobs.size() && static_cast<int>(running.size()) < std::max(parallel, 1)) {
      running[start(jobs[next])] = {next, Clock::now()};
      ++next;
    }
    int st = 0;
    const pid_t pid = waitpid(-1, &st, 0);
    if (pid < 0) throw std::runtime_error("waitpid failed");
    auto it = running.find(pid);
    if (it == running.end()) continue;
    const std::size_t i = it->second.first;
    out[i].host_s = std::chrono::duration<double>(Clock::now() - it->second.second).count();
    out[i].status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
    out[i].stderr_text = slurp_and_remove(jobs[i].stderr_path);
    running.erase(it);
  }
  return out;
}

}  // namespace mcusim::deploy
