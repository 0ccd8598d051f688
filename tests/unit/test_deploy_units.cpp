// mcusim deploy: the pure parts (battery life, flash wear, run read-back, width
// ladder, SVG charts).
#include <gtest/gtest.h>

#include "sim/deploy/lifetime.hpp"
#include "sim/deploy/readback.hpp"
#include "sim/deploy/suggest.hpp"
#include "sim/deploy/svg.hpp"
#include "sim/deploy/text.hpp"

using namespace mcusim::deploy;

TEST(DeployBattery, EnergyPerDayAndDays) {
  BatteryInput in{60, 1000, 3.7};
  // 100 ms and 40 mJ per inference, 0.4 mA sleep at 3.3 V.
  auto b = battery_life(0.1, 0.04, 0.4e-3, 3.3, in);
  ASSERT_TRUE(b.valid);
  EXPECT_TRUE(b.feasible);
  EXPECT_NEAR(b.active_s_per_day, 1440 * 0.1, 1e-9);
  EXPECT_NEAR(b.inference_j_per_day, 1440 * 0.04, 1e-9);
  EXPECT_NEAR(b.sleep_power_w, 1.32e-3, 1e-12);
  EXPECT_NEAR(b.sleep_j_per_day, 1.32e-3 * (86400 - 144), 1e-9);
  EXPECT_NEAR(b.battery_j, 1.0 * 3600 * 3.7, 1e-9);
  EXPECT_NEAR(b.days, b.battery_j / (b.inference_j_per_day + b.sleep_j_per_day), 1e-9);
}

TEST(DeployBattery, NotGivenAndInfeasible) {
  EXPECT_FALSE(battery_life(0.1, 0.04, 0.4e-3, 3.3, BatteryInput{}).valid);
  // 2 s per inference, 3600 per hour: back to back, no sleep.
  auto b = battery_life(2.0, 1.0, 0.4e-3, 3.3, BatteryInput{3600, 1000, 3.7});
  EXPECT_FALSE(b.feasible);
  EXPECT_NEAR(b.sleep_j_per_day, 0, 1e-12);
  EXPECT_NEAR(b.inference_j_per_day, 86400 / 2.0 * 1.0, 1e-9);
}

TEST(DeployFlashWear, NothingWritten) {
  auto w = flash_wear(1000, {}, {16384, 16384}, 10000);
  EXPECT_FALSE(w.writes_flash);
  EXPECT_TRUE(w.sectors.empty());
  EXPECT_EQ(w.inferences_to_endurance, 0);
}

TEST(DeployFlashWear, SpillsAcrossSectorsEraseEachOncePerInference) {
  // F767 map: 4 x 32 KiB, 128 KiB, 7 x 256 KiB. Spills start at 100 KiB: 20 KiB stays in
  // sector 3, 50 KiB crosses into sector 4.
  std::vector<std::uint64_t> sec = {32768, 32768, 32768, 32768, 131072};
  for (int i = 0; i < 7; ++i) sec.push_back(262144);
  auto w = flash_wear(100 * 1024, {20 * 1024, 50 * 1024}, sec, 10000);
  ASSERT_TRUE(w.writes_flash);
  EXPECT_EQ(w.spill_bytes_per_inference, 70u * 1024);
  ASSERT_EQ(w.sectors.size(), 2u);
  EXPECT_EQ(w.sectors[0].sector, 3);
  EXPECT_EQ(w.sectors[0].written_bytes, 28u * 1024);  // 96..128 KiB
  EXPECT_EQ(w.sectors[1].sector, 4);
  EXPECT_EQ(w.sectors[1].offset, 128u * 1024);
  EXPECT_EQ(w.sectors[1].written_bytes, 42u * 1024);
  EXPECT_DOUBLE_EQ(w.max_erases_per_inference, 1.0);
  EXPECT_DOUBLE_EQ(w.inferences_to_endurance, 10000.0);
}

TEST(DeployReadback, LayersCsvWithCommaInName) {
  const std::string csv =
      "index,name,op,macs,weight_bytes,input_bytes,output_bytes,working_set_bytes,"
      "weight_location,latency_ms,energy_mj,compute_ms,sram_ms,flash_ms,sd_ms\n"
      "0,conv0,CONV_2D,100,10,20,30,60,flash,1.5,0.5,1.0,0.25,0.25,0\n"
      "1,a,b;c,ADD,0,0,8,8,16,-,0.1,0.01,0.1,0,0,0\n"
      "2,x,y,FULLY_CONNECTED,5,5,1,1,7,SD,3,1,0.5,0,0,2.5\n";
  auto L = parse_layers_csv(csv);
  ASSERT_EQ(L.size(), 3u);
  EXPECT_EQ(L[0].name, "conv0");
  EXPECT_EQ(L[1].name, "a,b;c");
  EXPECT_EQ(L[2].name, "x,y");
  EXPECT_EQ(L[2].op, "FULLY_CONNECTED");
  EXPECT_EQ(L[2].weight_location, "SD");
  EXPECT_DOUBLE_EQ(L[2].tier_ms[3], 2.5);
  EXPECT_THROW(parse_layers_csv("index,name\n"), std::runtime_error);
}

TEST(DeployReadback, TierEnergyFromTraceSpans) {
  std::vector<LayerData> L(2);
  L[0].tier_ms = {1.0, 0.0, 0.0, 2.0};
  L[1].tier_ms = {0.5, 0.0, 0.0, 0.0};
  const std::string trace =
      "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n"
      "{\"name\":\"conv0\",\"cat\":\"layer\",\"ph\":\"X\",\"pid\":1,\"tid\":0,\"ts\":0,\"dur\":1,\"args\":{\"op\":\"X\",\"energy_mj\":9}},\n"
      "{\"name\":\"read\",\"cat\":\"sd\",\"ph\":\"X\",\"pid\":1,\"tid\":4,\"ts\":0,\"dur\":1,\"args\":{\"energy_uj\":500.0,\"layer\":0}},\n"
      "{\"name\":\"run\",\"cat\":\"compute\",\"ph\":\"X\",\"pid\":1,\"tid\":1,\"ts\":0,\"dur\":1,\"args\":{\"energy_uj\":100.0,\"layer\":1}}\n]}\n";
  add_tier_energy(trace, 200.0, L);  // 200 mW static
  EXPECT_NEAR(L[0].tier_mj[0], 0.2, 1e-12);
  EXPECT_NEAR(L[0].tier_mj[3], 0.4 + 0.5, 1e-12);
  EXPECT_NEAR(L[1].tier_mj[0], 0.1 + 0.1, 1e-12);
}

TEST(DeploySuggest, WidthLadder) {
  EXPECT_EQ(smaller_width("zoo:mobilenet_v2_0.35_128"), "zoo:mobilenet_v2_0.25_128");
  EXPECT_EQ(smaller_width("zoo:mobilenet_v2_1.0_224"), "zoo:mobilenet_v2_0.75_224");
  EXPECT_EQ(smaller_width("zoo:mobilenet_v2_0.35_128_c10"), "zoo:mobilenet_v2_0.25_128_c10");
  EXPECT_EQ(smaller_width("zoo:mobilenet_v1_0.5_96"), "zoo:mobilenet_v1_0.25_96");
  EXPECT_EQ(smaller_width("zoo:mobilenet_v1_0.25_96"), "");
  EXPECT_EQ(smaller_width("zoo:squeezenet_1.1"), "");
  EXPECT_EQ(smaller_width("../shared/models/mlperftiny_vww_96_int8.tflite"), "");
  EXPECT_EQ(width_variant_id("zoo:mobilenet_v2_0.25_128"), "width-mobilenet_v2_0.25_128");
}

TEST(DeploySvg, BarsLinesAndReferenceLine) {
  Chart c;
  c.title = "t <&>";
  c.labels = {"a", "b", "c"};
  c.series = {{"s1", "#111111", {1, 0, 3}}, {"s2", "#222222", {1, 1, 1}}};
  c.hlines = {{"SRAM", 2.5}};
  const std::string svg = svg_chart(c);
  EXPECT_EQ(svg.rfind("<svg ", 0), 0u);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_NE(svg.find("t &lt;&amp;&gt;"), std::string::npos);
  std::size_t bars = 0;
  for (auto p = svg.find("<title>"); p != std::string::npos; p = svg.find("<title>", p + 1)) ++bars;
  EXPECT_EQ(bars, 5u);  // zero-height bars are not drawn
  EXPECT_NE(svg.find("stroke-dasharray"), std::string::npos);
  EXPECT_EQ(svg, svg_chart(c));  // deterministic
  c.line = true;
  c.log_y = true;
  EXPECT_NE(svg_chart(c).find("<polyline"), std::string::npos);
}

TEST(DeployText, Formatting) {
  EXPECT_EQ(commas(1663328), "1,663,328");
  EXPECT_EQ(commas(-1000), "-1,000");
  EXPECT_EQ(kib(245760), "240.0 KiB");
  EXPECT_EQ(signed_num(-0.0001, 2), "+0.00");
  EXPECT_EQ(signed_num(-1.5, 1), "-1.5");
}
