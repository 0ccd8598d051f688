#pragma once
// On-chip NOR flash: memory-mapped reads behind a line cache, program/erase with
// erase-before-write semantics, a busy-until timeline and per-sector wear.
//
// READ (MemoryModel::read): the access is cut into cache lines (or, with no cache,
// into flash bus words). A hit costs nothing extra; every miss costs a line fill of
// line_bytes / bus_width flash beats x (wait_states + 1) HCLK cycles (F767: 32 B line
// / 16 B flash bus = 2 beats x 8 cycles at 7 WS = 16 cycles). On top, the core's load
// beats cost ceil-over-words(bytes / core_width) x 1 cycle, as for 0-WS SRAM. With no
// cache (F0) every bus word costs (wait_states + 1) cycles and no core beats are added.
// Energy: read_energy_per_byte x bytes fetched from the array (line fills).
// If the first miss happens while an erase/program is in progress, the read stalls
// until it completes (busy-until); cache hits never stall.
//
// PROGRAM: PSIZE-aligned words touched x t_prog (DS9405 Table 48, 16 us typ), at
// program_erase_current x vdd. Bits can only be cleared: new = old & data. A byte that
// would need a 0->1 transition is a programming error (the brief's PGSERR; cf. RM0091
// PGERR "address contains a value different from 0xFFFF"): counted in stats and
// returned; `on_program_error: throw` throws InputError instead. The content becomes
// old & data either way (F2/F4/F7 behaviour on such a write is not verified here).
// ERASE: sector erase time from sector_erase_times, sets the sector to 0xFF and counts
// wear. Program and erase invalidate the cached lines of the range (the driver's
// SCB_InvalidateDCache_by_Addr). Any operation issued before busy_until waits for it.
#include <cstdint>
#include <vector>

#include "devices/nor_flash/line_cache.hpp"
#include "devices/nor_flash/nor_flash_params.hpp"

namespace mcusim::dev {

struct ProgramResult {
  Cost cost;
  bool error = false;            // some byte needed a 0 -> 1 transition
  std::uint64_t error_bytes = 0;
};

class FlashModel : public MemoryModel {
 public:
  FlashModel(FlashParams p, double hclk_hz);
  std::string name() const override { return "flash"; }
  Cost read(std::uint64_t addr, std::uint64_t bytes, ps_t now) override;
  // write_policy erase_if_needed: write_with_erase(addr, bytes, now) with 0x00 data;
  // program_only: program() with 0x00 data (flags non-erased targets).
  Cost write(std::uint64_t addr, std::uint64_t bytes, ps_t now) override;
  // Closed form for a true-LRU set-associative cache swept cyclically: a set holding
  // more of a tile's lines than it has ways misses on all of them on every pass (each
  // line is evicted before it comes round again); a set holding at most `ways` of them
  // hits. Each miss costs fill_cycles(). Without a cache every bus word costs its
  // wait_states on every pass (its base cycle is the core's load, in the instruction
  // count). The cache state is left as the first pass left it (a sweep ends with the
  // same lines resident).
  Cost reread(std::uint64_t addr, std::uint64_t bytes, std::uint64_t tiles, std::uint64_t passes,
              ps_t now) override;
  Stats stats() const override;
  void describe(std::ostream& os) const override;

  ProgramResult program(std::uint64_t addr, const std::vector<std::uint8_t>& data, ps_t now);
  // Blocking erase (HAL_FLASHEx_Erase): time = wait for busy + erase time.
  Cost erase_sector(std::size_t sector, ps_t now);
  // Non-blocking erase start (HAL_FLASHEx_Erase_IT): time = 0, the flash is busy
  // until busy_until(); later reads/programs wait for it.
  Cost start_erase(std::size_t sector, ps_t now);
  // Erases every sector touched whose target bytes are not all 0xFF, then programs.
  // The rest of an erased sector is lost, as on the device.
  ProgramResult write_with_erase(std::uint64_t addr, const std::vector<std::uint8_t>& data,
                                 ps_t now);
  // Sets content without cost (the firmware image flashed before the run).
  void load_image(std::uint64_t addr, const std::vector<std::uint8_t>& data);

  std::uint8_t byte_at(std::uint64_t addr) const;
  std::size_t sector_count() const { return p_.sectors.size(); }
  std::size_t sector_of(std::uint64_t addr) const;
  std::uint64_t sector_base(std::size_t i) const { return sector_base_.at(i); }
  std::uint64_t erase_count(std::size_t i) const { return erase_count_.at(i); }
  bool over_endurance(std::size_t i) const { return erase_count_.at(i) > p_.endurance_cycles; }
  std::size_t sectors_over_endurance() const;
  ps_t erase_time_ps(std::size_t i) const;
  ps_t program_time_ps(std::uint64_t addr, std::uint64_t bytes) const;
  ps_t busy_until() const { return busy_until_; }
  unsigned wait_states() const { return p_.wait_states; }
  std::uint64_t fill_cycles() const;  // cycles per cache-line miss
  const FlashParams& params() const { return p_; }

 private:
  std::uint64_t offset(std::uint64_t addr, std::uint64_t bytes, const char* what) const;
  Cost erase_impl(std::size_t sector, ps_t now, bool blocking);
  double pe_power_w() const { return p_.pe_current_a * p_.vdd_v; }
  FlashParams p_;
  double hclk_hz_;
  std::vector<std::uint8_t> content_;
  std::vector<std::uint64_t> sector_base_;  // absolute addresses
  std::vector<std::uint64_t> erase_count_;
  LineCache cache_;
  ps_t busy_until_ = 0;
  Stats st_;
};

}  // namespace mcusim::dev
