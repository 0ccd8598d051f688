// mcusim deploy: suggestion ranking and effects from (synthetic) variant runs, verdict
// budgets, limiting-layer reasons.
#include <gtest/gtest.h>

#include "sim/deploy/suggest.hpp"

using namespace mcusim::deploy;

namespace {

RunData run(double lat, double en, bool fits, double sd_ms) {
  RunData r;
  r.latency_ms = lat;
  r.energy_mj = en;
  r.fits = fits;
  r.peak_sram_bytes = 1000;
  r.tier_ms = {lat - sd_ms, 0, 0, sd_ms};
  return r;
}

BoardReport board_with_sd_weights() {
  BoardReport b;
  b.st.preset = "b";
  b.st.sram_bytes = 4096;
  b.st.flash_bytes = 1 << 20;
  b.st.firmware_bytes = 1000;
  b.st.weights_bytes = 5000;
  b.st.sd_requested_hz = 1e6;
  b.st.placement.fits = true;
  b.st.placement.totals.const_sd = 5000;  // e.g. --set placement.policy=weights-sd
  b.base = run(100, 50, true, 80);
  b.ran = true;
  return b;
}

}  // namespace

TEST(DeploySuggestions, RankedBySimulatedGain) {
  ModelStatic m;
  m.spec = "zoo:mobilenet_v2_0.35_128";
  m.reorder.peak_bytes = m.reorder.default_peak_bytes = 1000;
  BoardReport b = board_with_sd_weights();
  DeployRequest req;
  b.ok = within(b.base, req);
  const auto vars = plan_variants(b.st, b.base, m.spec, m.graph);
  ASSERT_EQ(vars.size(), 3u);
  EXPECT_EQ(vars[0].id, "sd-25mhz");
  EXPECT_EQ(vars[1].id, "weights-flash");
  EXPECT_EQ(vars[2].id, "width-mobilenet_v2_0.25_128");
  EXPECT_EQ(vars[2].model, "zoo:mobilenet_v2_0.25_128");
  b.variants["sd-25mhz"] = run(40, 30, true, 20);        // -60% latency
  b.variants["weights-flash"] = run(21, 10, true, 0);    // -80% energy
  b.variants["width-mobilenet_v2_0.25_128"] = run(95, 48, true, 78);
  make_suggestions(b, m, req);
  ASSERT_EQ(b.suggestions.size(), 6u);  // + the two per-tensor ones, not applicable here
  EXPECT_EQ(b.suggestions[0].id, "weights-flash");
  EXPECT_DOUBLE_EQ(b.suggestions[0].d_latency_ms, -79);
  EXPECT_DOUBLE_EQ(b.suggestions[0].d_energy_mj, -40);
  EXPECT_TRUE(b.suggestions[0].simulated);
  EXPECT_EQ(b.suggestions[1].id, "sd-25mhz");
  EXPECT_EQ(b.suggestions[2].id, "width");
  EXPECT_EQ(b.suggestions[3].id, "reorder");  // not applicable: last
  EXPECT_FALSE(b.suggestions[3].applicable);
}

TEST(DeploySuggestions, FixingABudgetRanksFirst) {
  ModelStatic m;
  m.spec = "model.tflite";
  BoardReport b = board_with_sd_weights();
  DeployRequest req;
  req.budget_latency_ms = 30;
  b.ok = within(b.base, req);
  EXPECT_FALSE(b.ok);
  b.variants["sd-25mhz"] = run(25, 49, true, 5);        // meets the budget
  b.variants["weights-flash"] = run(35, 10, true, 0);   // bigger energy gain, still over
  make_suggestions(b, m, req);
  EXPECT_EQ(b.suggestions[0].id, "sd-25mhz");
  EXPECT_TRUE(b.suggestions[0].fixes);
  EXPECT_FALSE(b.suggestions[1].fixes);
}

TEST(DeploySuggestions, NothingToSuggestOnChip) {
  ModelStatic m;
  m.spec = "model.tflite";
  BoardReport b = board_with_sd_weights();
  b.st.placement.totals.const_sd = 0;
  b.base = run(100, 50, true, 0);
  EXPECT_TRUE(plan_variants(b.st, b.base, m.spec, m.graph).empty());
  make_suggestions(b, m, DeployRequest{});
  for (const auto& s : b.suggestions) EXPECT_FALSE(s.applicable) << s.id;
}

TEST(DeployLimiting, ReasonNamesTheDominantTier) {
  BoardReport b = board_with_sd_weights();
  b.st.placement.layers.resize(2);
  b.st.placement.layers[1].const_sd = 5000;
  LayerData a, c;
  a.index = 0; a.name = "conv"; a.macs = 2000000; a.latency_ms = 20; a.energy_mj = 5;
  a.tier_ms = {20, 0, 0, 0};
  c.index = 1; c.name = "fc"; c.latency_ms = 80; c.energy_mj = 45; c.working_set = 9000;
  c.tier_ms = {1, 0, 0, 79};
  b.base.layers = {a, c};
  const auto L = limiting_layers(b.st, b.base);
  ASSERT_EQ(L.size(), 2u);
  EXPECT_EQ(L[0].name, "fc");
  EXPECT_NE(L[0].reason.find("working set"), std::string::npos) << L[0].reason;
  EXPECT_NE(L[0].reason.find("weights on µSD 5,000 B"), std::string::npos) << L[0].reason;
  EXPECT_NE(L[1].reason.find("compute"), std::string::npos) << L[1].reason;
  EXPECT_DOUBLE_EQ(L[0].latency_share, 0.8);
}
