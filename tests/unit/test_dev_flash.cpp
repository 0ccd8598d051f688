#include <gtest/gtest.h>

#include "devices/nor_flash/nor_flash_model.hpp"
#include "sim/config/tree.hpp"
#include "sim/core/error.hpp"

using namespace mcusim;
using namespace mcusim::dev;

namespace {
constexpr std::uint64_t kBase = 0x08000000;
FlashParams board(const std::string& b, double hclk, const std::string& extra = "") {
  cfg::Tree t;
  t.merge_file(std::string(MCUSIM_SOURCE_DIR) + "/configs/boards/_devices_" + b + ".example.yaml");
  if (!extra.empty()) t.merge_text(extra, "test.yaml");
  return decode_flash(cfg::Section::root(t).section("flash"), hclk);
}
FlashModel f767(const std::string& extra = "") { return FlashModel(board("f767", 216e6, extra), 216e6); }
const ps_t kErase32K = 350'000'000'000ULL;  // 350 ms in ps
}  // namespace

TEST(DevFlash, WaitStateTables) {  // hardware.md §1
  EXPECT_EQ(flash_wait_states("f7", 216e6), 7u);
  EXPECT_EQ(flash_wait_states("f7", 210e6), 6u);
  EXPECT_EQ(flash_wait_states("f7", 30e6), 0u);
  EXPECT_EQ(flash_wait_states("f7", 30.000001e6), 1u);
  EXPECT_EQ(flash_wait_states("f4", 180e6), 5u);
  EXPECT_EQ(flash_wait_states("f4", 168e6), 5u);
  EXPECT_EQ(flash_wait_states("f2", 120e6), 3u);
  EXPECT_EQ(flash_wait_states("f0", 48e6), 1u);
  EXPECT_EQ(flash_wait_states("f0", 24e6), 0u);
  EXPECT_THROW(flash_wait_states("f4", 200e6), InputError);
  EXPECT_THROW(flash_wait_states("f9", 10e6), InputError);
}

TEST(DevFlash, BoardExamplesDecodeWithRealLayouts) {
  auto a = board("f767", 216e6);
  EXPECT_EQ(a.wait_states, 7u);
  EXPECT_EQ(a.sectors.size(), 12u);
  EXPECT_EQ(a.sectors[4], 128u * 1024);
  EXPECT_EQ(a.sectors[11], 256u * 1024);
  EXPECT_EQ(board("f746", 216e6).sectors.size(), 8u);
  auto f429 = board("f429", 180e6);
  EXPECT_EQ(f429.wait_states, 5u);
  EXPECT_EQ(f429.sectors.size(), 24u);
  EXPECT_EQ(f429.size, 2u * 1024 * 1024);
  auto f207 = board("f207", 120e6);
  EXPECT_EQ(f207.wait_states, 5u);  // Mbed's override, the LL table says 3
  EXPECT_TRUE(f207.wait_states_override);
  auto f091 = board("f091", 48e6);
  EXPECT_EQ(f091.wait_states, 1u);
  EXPECT_EQ(f091.sectors.size(), 128u);
  EXPECT_FALSE(f091.cache.enabled());
  const std::pair<const char*, double> all[] = {
      {"f767", 216e6}, {"f746", 216e6}, {"f429", 180e6}, {"f207", 120e6}, {"f091", 48e6}};
  for (const auto& [b, hz] : all) EXPECT_NO_THROW(FlashModel(board(b, hz), hz)) << b;
}

TEST(DevFlash, RejectsUnknownKeysAndBadLayouts) {
  EXPECT_THROW(board("f767", 216e6, "flash: {colour: red}\n"), InputError);
  EXPECT_THROW(board("f767", 216e6, "flash: {size: 1MiB}\n"), InputError);  // sectors add to 2 MiB
  EXPECT_THROW(board("f767", 216e6, "flash: {sector_erase_times: [{size: 32KiB, time: 1s}]}\n"),
               InputError);  // no erase time for 128/256 KiB
  EXPECT_THROW(board("f767", 250e6), InputError);  // above the F7 table
}

// Streaming the 143,360 B of conv_last weights (paper §5.1) through the 32 B-line
// D-cache: 4480 misses x (32/16 beats x (7+1) cycles) + 35,840 core beats.
TEST(DevFlash, StreamingReadLineFillsAndFittedEnergy) {
  auto m = f767();
  EXPECT_EQ(m.fill_cycles(), 8u);  // one 256-bit flash read per 32-byte line, 7 WS + 1
  auto c = m.read(kBase + 0x40000, 143360, 0);
  EXPECT_EQ(c.time, cycles_to_ps(35840 + 4480 * 8, 216e6));
  EXPECT_NEAR(c.energy_j, 143360 * 37.8165e-12, 1e-15);  // the §5.1 fit, per byte fetched
  auto s = m.stats();
  EXPECT_EQ(s["line_misses"], 4480);
  EXPECT_EQ(s["bytes_fetched"], 143360);
  // A line that was just filled hits: 32 B = 8 core beats, no flash energy.
  auto h = m.read(kBase + 0x40000 + 143360 - 32, 32, 0);
  EXPECT_EQ(h.time, cycles_to_ps(8, 216e6));
  EXPECT_EQ(h.energy_j, 0.0);
  // The first line was evicted long ago (16 KiB cache): miss again.
  EXPECT_EQ(m.read(kBase + 0x40000, 4, 0).time, cycles_to_ps(1 + 8, 216e6));
}

TEST(DevFlash, NoCacheF091PaysEveryWord) {
  FlashModel m(board("f091", 48e6), 48e6);
  EXPECT_EQ(m.read(kBase, 64, 0).time, cycles_to_ps(16 * 2, 48e6));  // 16 words x (1+1)
  EXPECT_EQ(m.read(kBase, 64, 0).time, cycles_to_ps(16 * 2, 48e6));  // no cache: same again
}

TEST(DevFlash, EraseBeforeWriteIsFlaggedAndRecorded) {
  auto m = f767();
  auto a = m.program(kBase, {0x0F}, 0);
  EXPECT_FALSE(a.error);
  EXPECT_EQ(m.byte_at(kBase), 0x0F);
  auto b = m.program(kBase, {0xF0}, a.cost.time);  // needs 0 -> 1 on the high nibble
  EXPECT_TRUE(b.error);
  EXPECT_EQ(b.error_bytes, 1u);
  EXPECT_EQ(m.byte_at(kBase), 0x00);  // new = old & data
  EXPECT_EQ(m.stats()["program_errors"], 1);
  EXPECT_FALSE(m.program(kBase + 1, {0x00}, 0).error);  // clearing bits is fine
  m.erase_sector(0, 0);
  EXPECT_EQ(m.byte_at(kBase), 0xFF);
  auto c = m.program(kBase, {0xF0}, m.busy_until());
  EXPECT_FALSE(c.error);
  EXPECT_EQ(m.byte_at(kBase), 0xF0);
  EXPECT_EQ(m.stats()["program_errors"], 1);
}

TEST(DevFlash, ThrowPolicy) {
  auto m = f767("flash: {on_program_error: throw}\n");
  m.program(kBase, {0x0F}, 0);
  EXPECT_THROW(m.program(kBase, {0xF0}, 0), InputError);
}

TEST(DevFlash, ProgramAndEraseTimesAndEnergy) {
  auto m = f767();
  // x32: 16 B = 4 words x 16 us; unaligned 2 B straddling a word boundary = 2 words.
  EXPECT_EQ(m.program_time_ps(kBase, 16), 64'000'000u);
  EXPECT_EQ(m.program_time_ps(kBase + 3, 2), 32'000'000u);
  auto p = m.program(kBase, std::vector<std::uint8_t>(16, 0), 0);
  EXPECT_EQ(p.cost.time, 64'000'000u);
  EXPECT_NEAR(p.cost.energy_j, 64e-6 * 12e-3 * 3.3, 1e-15);
  EXPECT_EQ(m.erase_time_ps(0), kErase32K);
  EXPECT_EQ(m.erase_time_ps(4), 1'000'000'000'000u);   // 128 KiB: 1 s
  EXPECT_EQ(m.erase_time_ps(11), 2'000'000'000'000u);  // 256 KiB: 2 s (scaled)
  auto e = m.erase_sector(11, m.busy_until());
  EXPECT_EQ(e.time, 2'000'000'000'000u);
  EXPECT_NEAR(e.energy_j, 2.0 * 12e-3 * 3.3, 1e-12);
  EXPECT_EQ(m.sector_of(kBase + 128 * 1024), 4u);
  EXPECT_EQ(m.sector_of(kBase + 2 * 1024 * 1024 - 1), 11u);
}

// Busy-until at the boundary: issued 1 ps before the erase completes waits 1 ps plus
// its own time; issued at completion does not wait.
TEST(DevFlash, BusyUntilBoundaryRead) {
  auto own = f767().read(kBase + 0x100000, 32, 0).time;
  auto m = f767();
  EXPECT_EQ(m.start_erase(0, 0).time, 0u);
  EXPECT_EQ(m.busy_until(), kErase32K);
  EXPECT_EQ(m.read(kBase + 0x100000, 32, kErase32K - 1).time, own + 1);
  auto m2 = f767();
  m2.start_erase(0, 0);
  EXPECT_EQ(m2.read(kBase + 0x100000, 32, kErase32K).time, own);
}

TEST(DevFlash, BusyUntilBoundaryProgram) {
  const ps_t own = 16'000'000;  // one x32 word
  auto m = f767();
  m.start_erase(0, 0);
  auto a = m.program(kBase + 0x100000, {0, 0, 0, 0}, kErase32K - 1);
  EXPECT_EQ(a.cost.time, own + 1);
  auto m2 = f767();
  m2.start_erase(0, 0);
  EXPECT_EQ(m2.program(kBase + 0x100000, {0, 0, 0, 0}, kErase32K).cost.time, own);
  // A blocking erase issued during the first erase queues behind it.
  auto m3 = f767();
  m3.start_erase(0, 0);
  EXPECT_EQ(m3.erase_sector(1, 100).time, kErase32K - 100 + kErase32K);
}

TEST(DevFlash, WriteWithEraseAndWear) {
  auto m = f767();
  // Fresh (erased) flash: a 16 KiB runtime write only programs (4096 x32 words).
  auto a = m.write(kBase, 16384, 0);
  EXPECT_EQ(a.time, 4096ULL * 16'000'000);
  EXPECT_EQ(m.erase_count(0), 0u);
  // Writing it again needs the sector erased first.
  auto b = m.write(kBase, 16384, m.busy_until());
  EXPECT_EQ(b.time, kErase32K + 4096ULL * 16'000'000);
  EXPECT_EQ(m.erase_count(0), 1u);
  // Program-only policy flags instead of erasing.
  auto p = f767("flash: {write_policy: program_only}\n");
  p.write(kBase, 8, 0);
  p.write(kBase, 8, p.busy_until());
  EXPECT_EQ(p.stats()["program_errors"], 0);  // 0x00 over 0x00 needs no 0 -> 1
  p.load_image(kBase + 64, {0x00});
  EXPECT_EQ(p.erase_count(0), 0u);
  // Endurance: 10,000 cycles (DS9405 Table 50).
  for (int i = 0; i < 10000; ++i) m.erase_sector(3, m.busy_until());
  EXPECT_EQ(m.erase_count(3), 10000u);
  EXPECT_FALSE(m.over_endurance(3));
  m.erase_sector(3, m.busy_until());
  EXPECT_TRUE(m.over_endurance(3));
  EXPECT_EQ(m.sectors_over_endurance(), 1u);
  auto s = m.stats();
  EXPECT_EQ(s["erases_sector_3"], 10001);
  EXPECT_EQ(s["sectors_over_endurance"], 1);
}

TEST(DevFlash, ProgramInvalidatesCachedLine) {
  auto m = f767();
  m.read(kBase, 32, 0);
  EXPECT_EQ(m.read(kBase, 32, 0).time, cycles_to_ps(8, 216e6));  // hit
  m.program(kBase, {0x12}, 0);
  EXPECT_EQ(m.read(kBase, 32, m.busy_until()).time, cycles_to_ps(8 + 8, 216e6));  // refill
  EXPECT_THROW(m.read(kBase + 2 * 1024 * 1024 - 4, 8, 0), InputError);
}

TEST(DevFlash, EraseTimeFollowsParallelism) {  // DS9405 Table 48 columns
  FlashModel x8(board("f767", 216e6, "flash: {program_parallelism: x8}\n"), 216e6);
  EXPECT_EQ(x8.erase_time_ps(11), 4'000'000'000'000u);   // 256 KiB x8: 4 s
  EXPECT_EQ(x8.erase_time_ps(0), 666'667'000'000u);      // 32 KiB x8 (derived)
  EXPECT_EQ(x8.program_time_ps(kBase, 16), 16ULL * 16'000'000);  // 16 bytes = 16 words
  FlashModel x16(board("f429", 180e6, "flash: {program_parallelism: x16}\n"), 180e6);
  EXPECT_EQ(x16.erase_time_ps(4), 700'000'000'000u);     // 64 KiB x16: 700 ms
  EXPECT_EQ(x16.erase_time_ps(12), 300'000'000'000u);    // bank 2, 16 KiB x16
}

namespace {
FlashParams l4r5(const std::string& extra = "") {
  cfg::Tree t;
  t.merge_file(std::string(MCUSIM_SOURCE_DIR) + "/configs/boards/nucleo-l4r5zi.yaml");
  if (!extra.empty()) t.merge_text(extra, "test.yaml");
  return decode_flash(cfg::Section::root(t).section("flash"), 120e6);
}
}  // namespace

// L4+ DBANK option byte: dual bank reads 64 bits over 4 KiB pages, single bank 128 bits
// over 8 KiB pages (nucleo-l4r5zi.yaml bank_modes).
TEST(DevFlash, BankModeSelectsReadWidthAndPages) {
  const auto dual = l4r5();
  EXPECT_EQ(dual.bank_mode, "dual");
  EXPECT_EQ(dual.bus_bytes, 8u);
  EXPECT_EQ(dual.sectors.size(), 512u);
  EXPECT_EQ(dual.sectors[0], 4096u);
  const auto single = l4r5("flash: {bank_mode: single}\n");
  EXPECT_EQ(single.bus_bytes, 16u);
  EXPECT_EQ(single.sectors.size(), 256u);
  EXPECT_EQ(single.sectors[255], 8192u);
  // A 32-byte ART line at 5 WS: 4 reads x 6 cycles dual, 2 x 6 single.
  EXPECT_EQ(FlashModel(dual, 120e6).fill_cycles(), 24u);
  EXPECT_EQ(FlashModel(single, 120e6).fill_cycles(), 12u);
  EXPECT_THROW(l4r5("flash: {bank_mode: quad}\n"), InputError);
  EXPECT_THROW(l4r5("flash: {bus_width: 4B}\n"), InputError);           // beside bank_modes
  // bank_modes without bank_mode, or a bank_mode with no entry: errors, not a default.
  auto bare = [](const std::string& text) {
    cfg::Tree t;
    t.merge_text(text, "t.yaml");
    return decode_flash(cfg::Section::root(t).section("flash"), 120e6);
  };
  const std::string common =
      "flash: {family: l4p, base: 0x08000000, size: 16KiB, program_time_per_word: 16us, "
      "sector_erase_times: [{size: 8KiB, time: 125ms}], program_erase_current: 12mA, vdd: 1.8V, "
      "read_energy_per_byte: 0pJ, endurance_cycles: 10000, ";
  EXPECT_EQ(bare(common + "bank_mode: single, bank_modes: {single: {bus_width: 16B, sectors: [{count: 2, size: 8KiB}]}}}\n").bus_bytes, 16u);
  EXPECT_THROW(bare(common + "bank_modes: {single: {bus_width: 16B, sectors: [{count: 2, size: 8KiB}]}}}\n"), InputError);
  EXPECT_THROW(bare(common + "bank_mode: dual, bank_modes: {single: {bus_width: 16B, sectors: [{count: 2, size: 8KiB}]}}}\n"), InputError);
}
