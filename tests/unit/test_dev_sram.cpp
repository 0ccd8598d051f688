#include <gtest/gtest.h>

#include <sstream>

#include "devices/sram/sram_model.hpp"
#include "sim/config/tree.hpp"
#include "sim/core/error.hpp"

using namespace mcusim;
using namespace mcusim::dev;

namespace {
SramParams decode(const std::string& yaml) {
  cfg::Tree t;
  t.merge_text(yaml, "test.yaml");
  return decode_sram(cfg::Section::root(t).section("sram"));
}
const char* kTwo = R"(
sram:
  read_energy_per_byte: 2pJ
  write_energy_per_byte: 3pJ
  regions:
    - {name: dtcm, base: 0x20000000, size: 128KiB, wait_states: 0}
    - {name: slow, base: 0x20020000, size: 16KiB, wait_states: 2, write_energy_per_byte: 5pJ}
)";
}  // namespace

TEST(DevSram, DecodesRegionsAndEnergies) {
  auto p = decode(kTwo);
  ASSERT_EQ(p.regions.size(), 2u);
  EXPECT_EQ(p.bus_bytes, 4u);
  EXPECT_EQ(p.regions[0].base, 0x20000000u);
  EXPECT_EQ(p.regions[0].size, 128u * 1024);
  EXPECT_EQ(p.regions[1].wait_states, 2u);
  EXPECT_DOUBLE_EQ(p.regions[1].read_energy_per_byte_j, 2e-12);
  EXPECT_DOUBLE_EQ(p.regions[1].write_energy_per_byte_j, 5e-12);
}

TEST(DevSram, BeatsTimesOnePlusWaitStates) {
  SramModel m(decode(kTwo), 216e6);
  // 1024 B aligned in DTCM: 256 beats x 1 cycle.
  auto c = m.read(0x20000000, 1024, 0);
  EXPECT_EQ(c.time, cycles_to_ps(256, 216e6));
  EXPECT_DOUBLE_EQ(c.energy_j, 1024 * 2e-12);
  // Unaligned 4 B at +2 touches two words.
  EXPECT_EQ(m.read(0x20000002, 4, 0).time, cycles_to_ps(2, 216e6));
  // 2 wait states: 16 B = 4 beats x 3 cycles; write energy override.
  auto w = m.write(0x20020000, 16, 0);
  EXPECT_EQ(w.time, cycles_to_ps(12, 216e6));
  EXPECT_DOUBLE_EQ(w.energy_j, 16 * 5e-12);
  // Spanning the boundary: 8 B in dtcm (2 beats x 1) + 8 B in slow (2 beats x 3).
  EXPECT_EQ(m.read(0x20020000 - 8, 16, 0).time, cycles_to_ps(8, 216e6));
  auto s = m.stats();
  EXPECT_EQ(s["writes_slow"], 1);
  EXPECT_EQ(s["bytes_read_dtcm"], 1024 + 4 + 8);
}

TEST(DevSram, OutsideAllRegionsNamesTheAddress) {
  SramModel m(decode(kTwo), 216e6);
  try {
    m.read(0x20024000 - 4, 8, 0);  // last 4 B of 'slow', then a hole
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("0x20024000"), std::string::npos) << e.what();
  }
  EXPECT_THROW(m.write(0x10000000, 1, 0), InputError);
}

TEST(DevSram, RejectsZeroSizeOverlapAndUnknownKeys) {
  EXPECT_THROW(decode("sram:\n  regions: [{name: a, base: 0, size: 0B}]\n"), InputError);
  EXPECT_THROW(decode("sram:\n  regions: [{name: a, base: 0, size: 1KiB},"
                      " {name: b, base: 0x200, size: 1KiB}]\n"),
               InputError);
  EXPECT_THROW(decode("sram:\n  regions: [{name: a, base: 0, size: 1KiB, colour: red}]\n"),
               InputError);
  EXPECT_THROW(decode("sram:\n  regionz: []\n  regions: [{name: a, base: 0, size: 1KiB}]\n"),
               InputError);
  EXPECT_NO_THROW(decode("sram:\n  regions: [{name: a, base: 0, size: 1KiB},"
                         " {name: b, base: 0x400, size: 1KiB}]\n"));  // adjacent is fine
}

TEST(DevSram, DescribeIsDeterministic) {
  SramModel m(decode(kTwo), 216e6);
  std::ostringstream a, b;
  m.describe(a);
  m.describe(b);
  EXPECT_EQ(a.str(), b.str());
  EXPECT_NE(a.str().find("sram.region.slow = base 0x20020000, size 16KiB, wait_states 2"),
            std::string::npos)
      << a.str();
}

TEST(DevSram, BoardExampleFilesDecode) {
  for (const char* b : {"f767", "f746", "f429", "f207", "f091"}) {
    cfg::Tree t;
    t.merge_file(std::string(MCUSIM_SOURCE_DIR) + "/configs/boards/_devices_" + b + ".example.yaml");
    auto p = decode_sram(cfg::Section::root(t).section("sram"));
    std::uint64_t total = 0;
    for (const auto& r : p.regions) total += r.size;
    const std::uint64_t expect = std::string(b) == "f767"   ? 528 * 1024  // 512 + ITCM 16
                                 : std::string(b) == "f746" ? 336 * 1024  // 320 + ITCM 16
                                 : std::string(b) == "f429" ? 256 * 1024  // incl. CCM 64
                                 : std::string(b) == "f207" ? 128 * 1024
                                                            : 32 * 1024;
    EXPECT_EQ(total, expect) << b;
  }
}
