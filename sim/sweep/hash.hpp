#pragma once
// Stable hashes for sweep bookkeeping: FNV-1a-64 is tiny, has no dependency and gives the
// same value on every host, so point ids and spec hashes survive rebuilds and machines.
#include <cstdint>
#include <cstdio>
#include <string>

namespace mcusim::sweep {

inline std::uint64_t fnv1a(const std::string& s, std::uint64_t h = 0xcbf29ce484222325ULL) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

inline std::string hex64(std::uint64_t v, int digits = 16) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return std::string(buf + (16 - digits));
}

}  // namespace mcusim::sweep
