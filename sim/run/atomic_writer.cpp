#include "sim/run/atomic_writer.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "sim/core/error.hpp"

namespace mcusim {
namespace fs = std::filesystem;

namespace {
std::string tmp_name(const std::string& dir, const std::string& name) {
  return (fs::path(dir) / ("." + name + ".tmp")).string();
}
}  // namespace

AtomicOutput::AtomicOutput(std::string dir) : dir_(std::move(dir)) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec || !fs::is_directory(dir_))
    throw InputError(dir_ + ": cannot create the output directory (" + ec.message() + ")");
}

AtomicOutput::~AtomicOutput() {
  if (committed_) return;
  for (const auto& n : staged_) {
    std::error_code ec;
    fs::remove(tmp_name(dir_, n), ec);
  }
}

void AtomicOutput::stage(const std::string& name, const std::string& content) {
  const std::string tmp = tmp_name(dir_, name);
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  if (!out) throw InputError(tmp + ": cannot write (" + std::strerror(errno) + ")");
  staged_.push_back(name);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) throw InputError(tmp + ": write failed (disk full?)");
}

void AtomicOutput::commit() {
  for (const auto& n : staged_) {
    std::error_code ec;
    fs::rename(tmp_name(dir_, n), fs::path(dir_) / n, ec);
    if (ec) throw InputError((fs::path(dir_) / n).string() + ": cannot rename into place");
  }
  committed_ = true;
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  // Normalise negative zero so byte-identical outputs do not depend on rounding sign.
  bool all_zero = true;
  for (char c : s)
    if (c != '-' && c != '0' && c != '.') all_zero = false;
  if (all_zero && !s.empty() && s[0] == '-') s.erase(0, 1);
  return s;
}

}  // namespace mcusim
