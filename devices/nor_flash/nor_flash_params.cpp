#include "devices/nor_flash/nor_flash_params.hpp"

#include <limits>
#include <set>

#include "sim/core/error.hpp"

namespace mcusim::dev {

unsigned flash_wait_states(const std::string& family, double hclk_hz) {
  // Maximum HCLK (MHz) for 0, 1, 2, ... WS at VDD 2.7-3.6 V (hardware.md §1 table):
  //   F7: stm32f7xx_ll_utils.c @72edf6a7 (scale 1, 6/7 WS need over-drive)
  //   F4: stm32f429xx.h FLASH_SCALE1_LATENCYx_FREQ
  //   F2: stm32f2xx_ll_utils.c @8a320117;  F0: stm32f0xx_ll_utils.c @14d41338
  static const std::vector<double> f7{30, 60, 90, 120, 150, 180, 210, 216};
  static const std::vector<double> f4{30, 60, 90, 120, 150, 180};
  static const std::vector<double> f2{30, 60, 90, 120};
  static const std::vector<double> f0{24, 48};
  // Added families (thresholds = the LL UTILS_SCALEx_LATENCYn_FREQ constants):
  //   l4p:  STM32L4+ (L4R5/S5/P5/Q5), range 1 (boost): stm32l4xx_ll_utils.c (STM32CubeL4
  //         V1.15.0, ubinos/STM32CubeL4_v01.15.00_lite @74171505)
  //   h7:   STM32H742/743/745/747/750/753/755/757 (DEV_ID 0x450), VOS1, in AXI clock
  //         (HCLK) terms: stm32h7xx_ll_utils.c (sogongbang/STM32CubeH7 @d95ad021)
  //   h7ab: STM32H7A3/7B3/7B0 (DEV_ID 0x480), VOS0: same file
  //   u5:   STM32U5, range 1: stm32u5xx_ll_utils.c (AVSystem/Anjay-freertos-client @be0ddba5)
  //   g0:   STM32G0, range 1: stm32g0xx_ll_utils.c (xingke-mo/STM32CubeG0 @a79eae64)
  static const std::vector<double> l4p{20, 40, 60, 80, 100, 120};
  static const std::vector<double> h7{70, 140, 240};
  static const std::vector<double> h7ab{44, 88, 132, 176, 220, 264, 280};
  static const std::vector<double> u5{32, 64, 96, 128, 160};
  static const std::vector<double> g0{24, 48, 64};
  const std::vector<double>* t = family == "f7"     ? &f7
                                 : family == "f4"   ? &f4
                                 : family == "f2"   ? &f2
                                 : family == "f0"   ? &f0
                                 : family == "l4p"  ? &l4p
                                 : family == "h7"   ? &h7
                                 : family == "h7ab" ? &h7ab
                                 : family == "u5"   ? &u5
                                 : family == "g0"   ? &g0
                                                    : nullptr;
  if (!t)
    throw InputError("flash: unknown family '" + family +
                     "' (expected f7, f4, f2, f0, l4p, h7, h7ab, u5 or g0)");
  for (std::size_t ws = 0; ws < t->size(); ++ws)
    if (hclk_hz <= (*t)[ws] * 1e6 * (1 + 1e-12)) return static_cast<unsigned>(ws);
  throw InputError("flash: HCLK " + format_quantity(hclk_hz, Dim::Frequency) +
                   " is above the " + family + " maximum of " +
                   format_quantity(t->back() * 1e6, Dim::Frequency));
}

void validate_flash(const FlashParams& p) {
  if (p.size == 0) throw InputError("flash: size must be positive");
  std::uint64_t sum = 0;
  std::set<std::uint64_t> sizes;
  for (auto s : p.sectors) {
    if (s == 0) throw InputError("flash: zero-size sector");
    sum += s;
    sizes.insert(s);
  }
  if (sum != p.size)
    throw InputError("flash: sectors add up to " + format_quantity(double(sum), Dim::Bytes) +
                     " but size is " + format_quantity(double(p.size), Dim::Bytes));
  for (auto s : sizes) {
    bool found = false;
    for (const auto& e : p.erase_times) found = found || e.sector_bytes == s;
    if (!found)
      throw InputError("flash: no sector_erase_times entry for sector size " +
                       format_quantity(double(s), Dim::Bytes));
  }
  if (p.bus_bytes == 0 || p.core_bytes == 0) throw InputError("flash: bus widths must be positive");
  if (p.psize_bytes != 1 && p.psize_bytes != 2 && p.psize_bytes != 4)
    throw InputError("flash: program parallelism must be x8, x16 or x32");
  if (p.cache.enabled()) {
    const auto& c = p.cache;
    if (c.line_bytes == 0 || c.ways == 0 || c.size_bytes % (c.line_bytes * c.ways) != 0)
      throw InputError("flash: cache size must be a multiple of line x ways");
    if (c.line_bytes % p.bus_bytes != 0)
      throw InputError("flash: cache line must be a multiple of the flash bus width");
  }
}

namespace {
std::vector<std::uint64_t> decode_sectors(cfg::Section& s) {
  std::vector<std::uint64_t> out;
  for (auto& g : s.section_list("sectors")) {
    const auto n = g.integer("count", 1, 100000);
    const auto sz = g.bytes("size");
    g.finish();
    for (std::int64_t i = 0; i < n; ++i) out.push_back(sz);
  }
  return out;
}
}  // namespace

FlashParams decode_flash(cfg::Section s, double hclk_hz) {
  FlashParams p;
  p.family = s.choice("family", {"f7", "f4", "f2", "f0", "l4p", "h7", "h7ab", "u5", "g0"});
  p.base = static_cast<std::uint64_t>(
      s.integer("base", 0, std::numeric_limits<std::int64_t>::max()));
  p.size = s.bytes("size");
  // Parts with a bank option byte (L4+ DBANK, RM0432) read the array at a different width
  // and erase different pages in single- and dual-bank mode: `bank_modes` gives each mode's
  // `bus_width` and `sectors`, `bank_mode` picks one (a preset's default, or a measurement
  // row's "Single Bank Mode Activated" in `mcusim calibrate`).
  bool geometry_from_mode = false;
  if (s.has_section("bank_modes")) {
    p.bank_mode = s.choice("bank_mode", {"single", "dual"});
    auto modes = s.section("bank_modes");
    if (!modes.has_section(p.bank_mode)) modes.fail(p.bank_mode, "missing (bank_mode is " + p.bank_mode + ")");
    for (const std::string m : {"single", "dual"}) {
      if (!modes.has_section(m)) continue;
      auto ms = modes.section(m);
      const auto sectors = decode_sectors(ms);
      const auto width = ms.bytes("bus_width");
      ms.finish();
      if (m == p.bank_mode) {
        p.sectors = sectors;
        p.bus_bytes = width;
      }
    }
    modes.finish();
    for (const char* k : {"bus_width", "sectors"})
      if (s.has(k))
        s.fail(k, std::string("this part has bank_modes: set bank_modes.") + p.bank_mode + "." + k + " instead");
    geometry_from_mode = true;
  } else {
    p.sectors = decode_sectors(s);
  }
  if (s.has("wait_states")) {
    p.wait_states = static_cast<unsigned>(s.integer("wait_states", 0, 15));
    p.wait_states_override = true;
  } else {
    try {
      p.wait_states = flash_wait_states(p.family, hclk_hz);
    } catch (const InputError& e) {
      s.fail("family", e.what());
    }
  }
  if (!geometry_from_mode) p.bus_bytes = s.bytes_or("bus_width", 16);
  p.core_bytes = s.bytes_or("core_width", 4);
  if (s.has_section("cache")) {
    auto c = s.section("cache");
    p.cache.line_bytes = c.bytes("line");
    p.cache.size_bytes = c.bytes("size");
    p.cache.ways = static_cast<unsigned>(c.integer("ways", 1, 1024));
    c.finish();
  } else {
    s.choice_or("cache", {"none"}, "none");
  }
  const auto par = s.choice_or("program_parallelism", {"x8", "x16", "x32"}, "x32");
  p.psize_bytes = par == "x8" ? 1 : par == "x16" ? 2 : 4;
  p.t_prog_s = s.quantity("program_time_per_word", Dim::Time);
  // Each entry: {size, x8, x16, x32} (DS9405 Table 48 columns) and/or {size, time};
  // the column of the configured parallelism wins, `time` is the fallback.
  for (auto& e : s.section_list("sector_erase_times")) {
    FlashEraseTime t{e.bytes("size"), 0};
    double by_par[3] = {e.quantity_or("x8", Dim::Time, 0), e.quantity_or("x16", Dim::Time, 0),
                        e.quantity_or("x32", Dim::Time, 0)};
    const double fallback = e.quantity_or("time", Dim::Time, 0);
    t.seconds = by_par[p.psize_bytes == 1 ? 0 : p.psize_bytes == 2 ? 1 : 2];
    if (t.seconds == 0) t.seconds = fallback;
    if (t.seconds == 0) e.fail("", "needs `" + par + "` or `time`");
    e.finish();
    p.erase_times.push_back(t);
  }
  p.pe_current_a = s.quantity("program_erase_current", Dim::Current);
  p.vdd_v = s.quantity_or("vdd", Dim::Voltage, 3.3);
  p.read_energy_per_byte_j = s.quantity_nonneg("read_energy_per_byte", Dim::Energy);
  p.endurance_cycles = static_cast<std::uint64_t>(s.integer_or("endurance_cycles", 1, 1e9, 10000));
  p.throw_on_program_error = s.choice_or("on_program_error", {"record", "throw"}, "record") == "throw";
  p.write_policy = s.choice_or("write_policy", {"erase_if_needed", "program_only"},
                               "erase_if_needed") == "program_only"
                       ? FlashWritePolicy::ProgramOnly
                       : FlashWritePolicy::EraseIfNeeded;
  s.finish();
  try {
    validate_flash(p);
  } catch (const InputError& e) {
    s.fail("", e.what());
  }
  return p;
}

}  // namespace mcusim::dev
