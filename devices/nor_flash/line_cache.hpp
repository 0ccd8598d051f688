#pragma once
// A set-associative LRU cache of line tags, used for the flash read path:
//  - Cortex-M7 L1 D-cache: 4-way, 32-byte lines (16 KiB on F767, 4 KiB on F746;
//    hardware.md §2; ARMv7-M: the M7 D-cache is 4-way set-associative).
//  - F2/F4 ART data cache: 8 lines x 128 bit, modelled fully associative
//    (ways = 8, one set; RM0090 §3 as quoted in hardware.md §2).
// Only tags are kept; data comes from the flash content array.
#include <cstdint>
#include <vector>

namespace mcusim::dev {

class LineCache {
 public:
  LineCache() = default;
  LineCache(std::uint64_t size_bytes, std::uint64_t line_bytes, unsigned ways)
      : line_(line_bytes), ways_(ways), sets_(size_bytes / (line_bytes * ways)),
        tags_(sets_) {}
  bool enabled() const { return sets_ > 0; }
  std::uint64_t line_bytes() const { return line_; }
  // Looks up the line holding `addr`; on a miss the line is filled (LRU victim).
  bool access(std::uint64_t addr) {
    const std::uint64_t line = addr / line_;
    auto& set = tags_[line % sets_];  // front = most recently used
    for (std::size_t i = 0; i < set.size(); ++i) {
      if (set[i] != line) continue;
      set.erase(set.begin() + static_cast<std::ptrdiff_t>(i));
      set.insert(set.begin(), line);
      return true;
    }
    if (set.size() == ways_) set.pop_back();
    set.insert(set.begin(), line);
    return false;
  }
  // Lines of [a, a + bytes) that miss when that range is swept again and again in
  // address order (true LRU): n consecutive lines fall q or q+1 to a set (q = n / sets);
  // a set with more of them than ways evicts each before its next use.
  std::uint64_t cyclic_misses(std::uint64_t a, std::uint64_t bytes) const {
    if (!enabled() || bytes == 0) return 0;
    const std::uint64_t n = (a + bytes - 1) / line_ - a / line_ + 1;
    const std::uint64_t q = n / sets_, r = n % sets_;
    return (q + 1 > ways_ ? r * (q + 1) : 0) + (q > ways_ ? (sets_ - r) * q : 0);
  }
  // Drops every line overlapping [a, b) (cache maintenance after program/erase).
  void invalidate(std::uint64_t a, std::uint64_t b) {
    for (auto& set : tags_)
      for (std::size_t i = set.size(); i-- > 0;)
        if ((set[i] + 1) * line_ > a && set[i] * line_ < b)
          set.erase(set.begin() + static_cast<std::ptrdiff_t>(i));
  }

 private:
  std::uint64_t line_ = 0;
  unsigned ways_ = 0;
  std::uint64_t sets_ = 0;
  std::vector<std::vector<std::uint64_t>> tags_;
};

}  // namespace mcusim::dev
