#pragma once
// Decorators that adapt a device model's address space to the platform's bus map.
#include <algorithm>
#include <memory>
#include <string>

#include "devices/device.hpp"

namespace mcusim::dev {

// Maps the bus window [window_base, ...) onto device addresses starting at 0: the µSD
// card is not memory-mapped, so the core reaches it through a window whose offset is
// the card's byte address (the block driver's view).
class OffsetModel : public MemoryModel {
 public:
  OffsetModel(std::unique_ptr<MemoryModel> inner, std::uint64_t window_base)
      : inner_(std::move(inner)), base_(window_base) {}
  std::string name() const override { return inner_->name(); }
  Cost read(std::uint64_t a, std::uint64_t n, ps_t now) override { return inner_->read(a - base_, n, now); }
  Cost write(std::uint64_t a, std::uint64_t n, ps_t now) override { return inner_->write(a - base_, n, now); }
  Cost reread(std::uint64_t a, std::uint64_t n, std::uint64_t tiles, std::uint64_t passes, ps_t now) override {
    return inner_->reread(a - base_, n, tiles, passes, now);
  }
  double idle_power_w() const override { return inner_->idle_power_w(); }
  Stats stats() const override { return inner_->stats(); }
  void describe(std::ostream& os) const override { inner_->describe(os); }
  MemoryModel& inner() { return *inner_; }

 private:
  std::unique_ptr<MemoryModel> inner_;
  std::uint64_t base_;
};

// An arena planned larger than the SRAM is simulated anyway (the run then reports
// fits = false): addresses past the end wrap onto the contiguous SRAM run
// [base, base + bytes), so every byte is still costed at SRAM rates.
class WrapModel : public MemoryModel {
 public:
  WrapModel(std::unique_ptr<MemoryModel> inner, std::uint64_t base, std::uint64_t bytes)
      : inner_(std::move(inner)), base_(base), bytes_(bytes) {}
  std::string name() const override { return inner_->name(); }
  Cost read(std::uint64_t a, std::uint64_t n, ps_t now) override { return access(a, n, now, false); }
  Cost write(std::uint64_t a, std::uint64_t n, ps_t now) override { return access(a, n, now, true); }
  // A re-read sweep goes to the device tile by tile at wrapped addresses; a tile that
  // would cross the end of the run (an oversized arena, already reported as not
  // fitting) is split in two there.
  Cost reread(std::uint64_t a, std::uint64_t n, std::uint64_t tiles, std::uint64_t passes, ps_t now) override {
    const std::uint64_t off = (a - base_) % bytes_;
    if (off + n * tiles <= bytes_) return inner_->reread(base_ + off, n, tiles, passes, now);
    Cost total;
    for (std::uint64_t t = 0; t < tiles; ++t) {
      std::uint64_t o = (a - base_ + t * n) % bytes_, left = n;
      while (left > 0) {
        const std::uint64_t k = std::min(left, bytes_ - o);
        add(total, inner_->reread(base_ + o, k, 1, passes, now + total.time));
        left -= k;
        o = 0;
      }
    }
    return total;
  }
  double idle_power_w() const override { return inner_->idle_power_w(); }
  Stats stats() const override { return inner_->stats(); }
  void describe(std::ostream& os) const override { inner_->describe(os); }

 private:
  static void add(Cost& total, const Cost& c) {  // pieces taken one after the other
    total.time += c.time;
    total.energy_j += c.energy_j;
    total.spans.insert(total.spans.end(), c.spans.begin(), c.spans.end());
  }
  Cost access(std::uint64_t a, std::uint64_t n, ps_t now, bool write) {
    Cost total;
    std::uint64_t off = (a - base_) % bytes_;
    while (n > 0) {
      const std::uint64_t k = std::min(n, bytes_ - off);
      add(total, write ? inner_->write(base_ + off, k, now + total.time)
                       : inner_->read(base_ + off, k, now + total.time));
      n -= k;
      off = 0;
    }
    return total;
  }
  std::unique_ptr<MemoryModel> inner_;
  std::uint64_t base_, bytes_;
};

}  // namespace mcusim::dev
