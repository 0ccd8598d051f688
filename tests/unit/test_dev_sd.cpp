#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "devices/sd_card/sd_card_model.hpp"
#include "sim/config/tree.hpp"
#include "sim/core/error.hpp"

using namespace mcusim;
using namespace mcusim::dev;

namespace {
// F767 under Mbed: APB2 108 MHz (SPI1), HCLK 216 MHz (hardware.md §1).
SdParams f767(const std::string& extra = "") {
  cfg::Tree t;
  t.merge_file(std::string(MCUSIM_SOURCE_DIR) + "/configs/boards/_devices_f767.example.yaml");
  t.merge_file(std::string(MCUSIM_SOURCE_DIR) + "/configs/cards/sd-2gb-class4.yaml");
  if (!extra.empty()) t.merge_text(extra, "test.yaml");
  auto root = cfg::Section::root(t);
  return decode_sd(root.section("sd"), root.section("card"), 108e6, 216e6);
}
// A card with no access/busy wait and 1 NCR byte: nac = 1, nbusy = 0.
SdParams bare(const std::string& extra = "") {
  return f767("card: {read_access_time: 0s, write_busy_time: 0s}\n" + extra);
}
ps_t closed_form(std::uint64_t bytes, std::uint64_t polled, double f, double cyc, double hclk) {
  return static_cast<ps_t>(std::llround(bytes * 8e12 / f)) +
         static_cast<ps_t>(std::llround(polled * cyc * 1e12 / hclk));
}
}  // namespace

TEST(DevSd, ClocksRequestedAndActual) {
  SdModel m(f767());
  EXPECT_EQ(m.requested_hz(), 1e6);
  EXPECT_EQ(m.actual_hz(), 843750.0);
  EXPECT_EQ(m.init_actual_hz(), 421875.0);  // 100 kHz request -> /256
  SdModel hi(f767("sd: {clock: 25MHz}\n"));
  EXPECT_EQ(hi.actual_hz(), 13.5e6);
  SdModel over(f767("sd: {clock: 50MHz}\n"));  // SDBlockDevice clamps to 25 MHz
  EXPECT_EQ(over.requested_hz(), 50e6);
  EXPECT_EQ(over.params().clamped_hz, 25e6);
  EXPECT_EQ(over.actual_hz(), 13.5e6);
}

TEST(DevSd, FrameByteCountsAreExplicit) {
  SdModel m(bare());
  EXPECT_EQ(m.nac_bytes(m.actual_hz()), 1u);
  EXPECT_EQ(m.busy_bytes(m.actual_hz()), 0u);
  EXPECT_EQ(m.read_frame(1).bytes(), 527u);        // 525 + ncr 1 + nac 1
  EXPECT_EQ(m.read_frame(4).bytes(), 23u + 4 * 516);  // 21 + 2 ncr + N (nac + 515)
  EXPECT_EQ(m.read_frame(4).payload(), 4u * 512);
  EXPECT_EQ(m.write_frame(1).bytes(), 528u);       // 527 + ncr + nbusy 0
  EXPECT_EQ(m.write_frame(4).bytes(), 32u + 4 * 517);  // 29 + 3 ncr + N (517 + nbusy)
  EXPECT_EQ(m.init_frame().bytes(), 119u + 100 * 20);  // 112 + 7 ncr + L (18 + 2 ncr), L = 100
}

TEST(DevSd, WaitsArePolledBytes) {
  SdModel m(f767());
  const double tb = 8.0 / 843750 + 100.0 / 216e6;  // one polled byte
  EXPECT_EQ(m.nac_bytes(843750), static_cast<std::uint64_t>(std::ceil(50.875e-6 / tb)));
  EXPECT_EQ(m.nac_bytes(843750), 6u);
  EXPECT_EQ(m.busy_bytes(843750), 31u);  // ceil(303.125 us / 9.944 us)
  EXPECT_EQ(m.read_frame(1).bytes(), 526u + 6);
  EXPECT_EQ(m.write_frame(1).bytes(), 528u + 31);
}

TEST(DevSd, ClosedFormTransferTimes) {
  SdModel m(bare());
  const double f = 843750, h = 216e6;
  EXPECT_EQ(m.read_blocks(1, 0).time, closed_form(527, 527, f, 100, h));
  EXPECT_EQ(m.read_blocks(8, 0).time, closed_form(23 + 8 * 516, 23 + 8 * 516, f, 100, h));
  EXPECT_EQ(m.write_blocks(8, 0).time, closed_form(32 + 8 * 517, 32 + 8 * 517, f, 100, h));
  // DMA: the 512-byte payloads carry no CPU overhead.
  SdModel d(bare("sd: {driver: dma}\n"));
  EXPECT_EQ(d.read_blocks(8, 0).time, closed_form(23 + 8 * 516, 23 + 8 * 4, f, 100, h));
  // Zero CPU overhead: pure wire time, bytes x 8 / f.
  SdModel w(bare("sd: {cpu_cycles_per_byte: 0, clock: 25MHz}\n"));
  EXPECT_EQ(w.read_blocks(1, 0).time, static_cast<ps_t>(std::llround(527 * 8e12 / 13.5e6)));
  EXPECT_EQ(w.init(0).time, static_cast<ps_t>(std::llround(2119 * 8e12 / 421875)));
}

TEST(DevSd, ByteAddressesMapToBlocksAndPartialWritesAreRmw) {
  SdModel ref(bare());
  const Cost r1 = ref.read_blocks(1, 0), w1 = ref.write_blocks(1, 0), w2 = ref.write_blocks(2, 0);
  SdModel m(bare());
  EXPECT_EQ(m.read(100, 10, 0).time, r1.time);                 // inside block 0
  EXPECT_EQ(m.read(510, 4, 0).time, ref.read_blocks(2, 0).time);  // straddles blocks 0,1
  auto p = m.write(100, 10, 0);                                 // partial: read + write
  EXPECT_EQ(p.time, r1.time + w1.time);
  EXPECT_NEAR(p.energy_j, r1.energy_j + w1.energy_j, 1e-15);
  EXPECT_EQ(m.write(512, 512, 0).time, w1.time);                // aligned: no read
  EXPECT_EQ(m.write(510, 4, 0).time, 2 * r1.time + w2.time);    // both ends partial
  EXPECT_EQ(m.write(0, 1000, 0).time, r1.time + w2.time);       // tail partial only
  EXPECT_EQ(m.stats()["rmw_block_reads"], 4);
  EXPECT_THROW(m.read(2000000000ULL - 4, 8, 0), InputError);
}

TEST(DevSd, InitOnFirstAccess) {
  SdModel a(bare("sd: {init_on_first_access: true}\n"));
  SdModel b(bare());
  const ps_t init = b.init(0).time;
  EXPECT_EQ(a.read(0, 512, 0).time, init + b.read_blocks(1, 0).time);
  EXPECT_EQ(a.read(0, 512, 0).time, b.read_blocks(1, 0).time);  // only once
}

// Paper Fig. 6 fit (scripts/fit-sd-power): board 200 mW + MCU 52.8 mA x 3.3 V + card
// gives ~460 mW at a 100 kHz request and ~590 mW at 25 MHz for a 200 KB write.
TEST(DevSd, Fig6PowerFit) {
  const double board_mcu = 0.200 + 52.8e-3 * 3.3;
  for (auto [req, target] : {std::pair{"100kHz", 0.460}, std::pair{"25MHz", 0.590}}) {
    SdModel m(f767(std::string("sd: {clock: ") + req + "}\n"));
    auto c = m.write(0, 200 * 1024, 0);
    const double p = board_mcu + c.energy_j / ps_to_seconds(c.time) + m.idle_power_w();
    EXPECT_NEAR(p, target, 0.002 * target) << req;
  }
  SdModel lo(f767("sd: {clock: 100kHz}\n"));
  EXPECT_NEAR(lo.state_current_a("write"), 25.99e-3, 0.01e-3);
  SdModel hi(f767("sd: {clock: 25MHz}\n"));
  EXPECT_NEAR(hi.state_current_a("busy"), 65.38e-3, 0.01e-3);
}

TEST(DevSd, SpansSumToEnergyAndDescribe) {
  SdModel m(f767());
  auto c = m.write(0, 4096, 1000);
  double e = 0;
  ps_t t = 0;
  for (const auto& s : c.spans) e += s.energy_j, t += s.duration;
  EXPECT_NEAR(e, c.energy_j, 1e-15);
  EXPECT_EQ(t, c.time);
  EXPECT_EQ(c.spans.front().start, 1000u);
  std::ostringstream os;
  m.describe(os);
  EXPECT_NE(os.str().find("sd.clock = requested=1MHz actual=843.75kHz divider=128"),
            std::string::npos)
      << os.str();
}

TEST(DevSd, RejectsUnknownKeys) {
  EXPECT_THROW(f767("sd: {colour: red}\n"), InputError);
  EXPECT_THROW(f767("card: {colour: red}\n"), InputError);
  EXPECT_THROW(f767("sd: {driver: magic}\n"), InputError);
}
