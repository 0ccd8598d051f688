// mcusim deploy: the in-process analysis (fit as is, placement, sleep current) on the
// paper's model and boards, and bad input.
#include <gtest/gtest.h>

#include "sim/core/error.hpp"
#include "sim/deploy/analysis.hpp"
#include "sim/run/paths.hpp"

using namespace mcusim;
using namespace mcusim::deploy;

namespace {
RunRequest req(const std::string& board, const std::string& model,
               std::vector<std::string> sets = {}) {
  RunRequest r;
  r.board = board;
  r.model = model;
  r.sets = std::move(sets);
  return r;
}
}  // namespace

TEST(DeployAnalysis, MobileNetOnF767FitsAsIs) {
  const auto m = analyze_model("zoo:mobilenet_v2_0.35_128");
  EXPECT_EQ(m.metrics.size(), 64u);
  EXPECT_EQ(m.reorder.peak_bytes, m.reorder.default_peak_bytes);  // a chain: nothing to gain
  const auto b = analyze_board(m, req("nucleo-f767zi", m.spec));
  EXPECT_EQ(b.sram_bytes, 524288u);
  EXPECT_EQ(b.arena_as_is, 245760);
  EXPECT_TRUE(b.sram_fits_as_is);
  EXPECT_TRUE(b.flash_fits_as_is);
  EXPECT_EQ(b.weights_bytes, 1695492);
  EXPECT_TRUE(b.placement.fits);
  EXPECT_EQ(b.placement.totals.const_sd, 0);
  EXPECT_EQ(b.placement.totals.spilled_tensors, 0);
  EXPECT_FALSE(b.wear.writes_flash);
  EXPECT_EQ(b.sectors.size(), 12u);
  EXPECT_EQ(b.endurance, 10000u);
  EXPECT_DOUBLE_EQ(b.sleep_current_a, 0.40e-3);
}

TEST(DeployAnalysis, MobileNetOnF091NeedsSdAndSpills) {
  const auto m = analyze_model("zoo:mobilenet_v2_0.35_128");
  const auto b = analyze_board(m, req("nucleo-f091rc", m.spec));
  EXPECT_FALSE(b.sram_fits_as_is);
  EXPECT_FALSE(b.flash_fits_as_is);
  EXPECT_TRUE(b.placement.fits) << b.placement.reason;
  EXPECT_GT(b.placement.totals.const_sd, 0);
  EXPECT_GT(b.placement.totals.spilled_tensors, 0);
  EXPECT_EQ(b.placement.totals.spill_flash, 0);  // spills go to the card
  EXPECT_FALSE(b.wear.writes_flash);
}

TEST(DeployAnalysis, SleepCurrentIsConfigurable) {
  const auto m = analyze_model("zoo:mobilenet_v2_0.35_128");
  const auto b = analyze_board(m, req("nucleo-f429zi", m.spec, {"power.sleep_current=1.5mA"}));
  EXPECT_DOUBLE_EQ(b.sleep_current_a, 1.5e-3);
  EXPECT_THROW(analyze_board(m, req("nucleo-f429zi", m.spec, {"power.sleep_current=3MHz"})),
               InputError);
}

TEST(DeployAnalysis, BadInput) {
  EXPECT_THROW(analyze_model(shared_dir() + "/models/tflm_keyword_scrambled_8bit.tflite"),
               InputError);  // SVDF is not supported
  EXPECT_THROW(analyze_model("zoo:nonet_1"), InputError);
  const auto m = analyze_model("zoo:mobilenet_v2_0.35_128");
  EXPECT_THROW(analyze_board(m, req("no-such-board", m.spec)), InputError);
}
