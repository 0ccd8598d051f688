// Placement of MobileNet_V2_0.35_128 (int8) on NUCLEO-F767ZI-like numbers and on a
// 128 KiB SRAM. Constants: 1,663,328 B weights + 32,164 B biases = 1,695,492 B.
#include <gtest/gtest.h>

#include "sim/core/error.hpp"
#include "workloads/placement/placement.hpp"
#include "workloads/zoo/zoo.hpp"

using namespace mcusim::wl;

namespace {
const PlacementBoard kF767{512 * 1024, 2 * 1024 * 1024, 1764 * 1024, true};
const PlacementBoard kSmall{128 * 1024, 2 * 1024 * 1024, 1764 * 1024, true};
Graph mnv2() { return build_zoo("mobilenet_v2_0.35_128"); }
}  // namespace

// 2 MiB - 1764 KiB = 290,816 B of flash beside the firmware. Auto moves the largest
// constants to SD until the rest fits: logits/weights (1,281,280 B) leaves 414,212 B,
// still too much; conv_last/weights (143,360 B) leaves 270,852 B, which fits.
TEST(PlacementMobileNet, AutoOnF767PutsTwoLargestWeightsOnSd) {
  const Placement p = place_tensors(mnv2(), kF767);
  EXPECT_TRUE(p.fits) << p.reason;
  EXPECT_EQ(p.totals.const_sd, 1281280 + 143360);
  EXPECT_EQ(p.totals.const_flash, 270852);
  EXPECT_EQ(p.totals.const_sram, 0);
  EXPECT_EQ(p.totals.flash_used, 1806336 + 270852);
  EXPECT_EQ(p.totals.arena_bytes, 245760);
  EXPECT_EQ(p.totals.spilled_tensors, 0);
  const TensorPlacement* fc = p.find("logits/weights");
  ASSERT_TRUE(fc);
  EXPECT_EQ(fc->location, Location::Sd);
  EXPECT_NE(fc->reason.find("1,695,492 B do not fit beside the 1,806,336 B firmware in 2 MiB flash"),
            std::string::npos) << fc->reason;
  EXPECT_EQ(p.find("conv_last/weights")->location, Location::Sd);
  EXPECT_EQ(p.find("conv_last/bias")->location, Location::Flash);
  EXPECT_EQ(p.find("conv0/weights")->location, Location::Flash);
  EXPECT_EQ(p.find("b1_dw")->location, Location::Sram);
  EXPECT_EQ(p.layers[63].const_sd, 1281280);
  EXPECT_EQ(p.layers[63].const_flash, 4004);
  // Paper Fig. 3 working set: only the FC layer (1,287,565 B) exceeds 512 KiB in int8.
  int over = 0;
  for (const auto& l : p.layers) over += l.working_set_over_sram;
  EXPECT_EQ(over, 1);
  EXPECT_TRUE(p.layers[63].working_set_over_sram);
  EXPECT_EQ(p.layers[63].working_set, 1287565);
}

TEST(PlacementMobileNet, WeightsFlashDoesNotFitBesideTheFirmware) {
  PlacementOptions o;
  o.policy = PlacementPolicy::WeightsFlash;
  const Placement p = place_tensors(mnv2(), kF767, o);
  EXPECT_FALSE(p.fits);
  EXPECT_EQ(p.reason,
            "constants in flash 1,695,492 B do not fit beside the 1,806,336 B firmware in 2 MiB "
            "flash (290,816 B free)");
  // With a 256 KiB firmware they fit: 1,695,492 + 262,144 = 1,957,636 B of 2 MiB.
  const Placement q = place_tensors(mnv2(), {512 * 1024, 2 * 1024 * 1024, 256 * 1024, false}, o);
  EXPECT_TRUE(q.fits) << q.reason;
  EXPECT_EQ(q.totals.flash_used, 1957636);
}

TEST(PlacementMobileNet, AllSramDoesNotFit) {
  PlacementOptions o;
  o.policy = PlacementPolicy::AllSram;
  const Placement p = place_tensors(mnv2(), kF767, o);
  EXPECT_FALSE(p.fits);
  EXPECT_EQ(p.reason, "constants in SRAM 1,695,492 B exceed 512 KiB SRAM");
  EXPECT_EQ(p.totals.arena_bytes, 245760);  // still planned for the report
}

// 128 KiB SRAM: the live sets of b1_expand (229,376 B) and b1_dw (245,760 B) exceed
// it. At b1_dw the excess is 114,688 B; the smallest tensor live there covering it is
// b1_expand's 64x64x48 output (196,608 B): written to SD by b1_expand, read by b1_dw.
// The rest then packs into exactly 131,072 B (b0_dw: 64x64x16 in + out).
TEST(PlacementMobileNet, SmallSramSpillsBlock1ExpandOutputToSd) {
  const Placement p = place_tensors(mnv2(), kSmall);
  EXPECT_TRUE(p.fits) << p.reason;
  EXPECT_EQ(p.totals.spilled_tensors, 1);
  EXPECT_EQ(p.totals.spill_sd, 196608);
  EXPECT_EQ(p.totals.spill_write_bytes, 196608);
  EXPECT_EQ(p.totals.spill_read_bytes, 196608);
  EXPECT_EQ(p.totals.arena_bytes, 131072);
  EXPECT_EQ(p.totals.arena_live_peak, 245760);
  const TensorPlacement* t = p.find("b1_expand");
  ASSERT_TRUE(t);
  EXPECT_TRUE(t->spilled);
  EXPECT_EQ(t->location, Location::Sd);
  EXPECT_EQ(t->reason,
            "spilled to SD: live set at op 4 'b1_dw' is 245,760 B > 131,072 B SRAM budget; "
            "smallest tensor there covering the 114,688 B excess");
  EXPECT_EQ(p.layers[3].spill_write_bytes, 196608);
  EXPECT_EQ(p.layers[3].spill_write_location, Location::Sd);
  EXPECT_EQ(p.layers[4].spill_read_bytes, 196608);
  EXPECT_EQ(p.layers[4].spill_read_location, Location::Sd);
  std::vector<std::string> over;
  for (const auto& l : p.layers)
    if (l.live_over_sram) over.push_back(l.name);
  EXPECT_EQ(over, (std::vector<std::string>{"b1_expand", "b1_dw"}));
}

TEST(PlacementMobileNet, NoSdSpillsToFreeFlashOrFails) {
  PlacementOptions o;
  o.policy = PlacementPolicy::WeightsFlash;
  // 2 MiB - 256 KiB firmware - 1,695,492 B constants = 139,516 B < 196,608 B needed.
  const Placement p = place_tensors(mnv2(), {128 * 1024, 2 * 1024 * 1024, 256 * 1024, false}, o);
  EXPECT_FALSE(p.fits);
  EXPECT_EQ(p.reason, "activations at op 4 'b1_dw' need 245,760 B of a 131,072 B SRAM budget; "
                      "no SD card and 139,516 B flash left to spill to");
  // 64 KiB firmware leaves room: the same tensor goes to flash instead.
  const Placement q = place_tensors(mnv2(), {128 * 1024, 2 * 1024 * 1024, 64 * 1024, false}, o);
  EXPECT_TRUE(q.fits) << q.reason;
  EXPECT_EQ(q.totals.spill_flash, 196608);
  EXPECT_EQ(q.find("b1_expand")->location, Location::Flash);
  EXPECT_EQ(q.totals.flash_used, 64 * 1024 + 1695492 + 196608);
}

TEST(PlacementMobileNet, OverridesWin) {
  PlacementOptions o;
  o.overrides = {{"conv_last/weights", Location::Sram}, {"b1_expand", Location::Sd}};
  const Placement p = place_tensors(mnv2(), kF767, o);
  EXPECT_TRUE(p.fits) << p.reason;
  EXPECT_EQ(p.totals.const_sram, 143360);
  EXPECT_EQ(p.totals.activation_budget, 524288 - 143360);
  EXPECT_EQ(p.totals.const_sd, 1281280);  // only logits/weights is needed on SD now
  EXPECT_EQ(p.totals.arena_bytes, 131072);
  EXPECT_EQ(p.layers[3].spill_write_bytes, 196608);
  EXPECT_EQ(p.find("b1_expand")->reason, "override: SD by request");
  o.overrides = {{"no_such_tensor", Location::Sd}};
  EXPECT_THROW(place_tensors(mnv2(), kF767, o), mcusim::InputError);
}

TEST(PlacementMobileNet, ParsesNames) {
  EXPECT_EQ(parse_placement_policy("weights-sd"), PlacementPolicy::WeightsSd);
  EXPECT_EQ(parse_location("flash"), Location::Flash);
  EXPECT_THROW(parse_placement_policy("fastest"), mcusim::InputError);
  EXPECT_THROW(parse_location("dram"), mcusim::InputError);
  PlacementOptions o;
  o.policy = PlacementPolicy::WeightsSd;
  const Placement p = place_tensors(mnv2(), {512 * 1024, 2 * 1024 * 1024, 0, false}, o);
  EXPECT_FALSE(p.fits);
  EXPECT_EQ(p.reason, "constants on SD 1,695,492 B but the board has no SD card");
}
