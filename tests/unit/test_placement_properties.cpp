// Placement invariants over every zoo network and every model in ../shared/models,
// on boards from roomy to tiny (with an SD card, spilling can always make it fit).
#include <gtest/gtest.h>

#include <map>

#include "workloads/placement/placement.hpp"
#include "workloads/planner/lifetimes.hpp"
#include "workloads/tflite/import.hpp"
#include "workloads/zoo/zoo.hpp"
#include "tests/unit/shared_models.hpp"

using namespace mcusim::wl;

namespace {

void check(const Graph& g, const PlacementBoard& b) {
  SCOPED_TRACE(g.name + " sram=" + std::to_string(b.sram_bytes));
  const Placement p = place_tensors(g, b);
  EXPECT_TRUE(p.fits) << p.reason;  // SD present: constants and spills always have room
  const PlacementTotals& t = p.totals;
  EXPECT_LE(t.arena_bytes, t.activation_budget);
  std::int64_t cs = 0, cf = 0, cd = 0, spill = 0;
  for (const auto& tp : p.tensors) {
    EXPECT_FALSE(tp.reason.empty()) << tp.name;
    if (tp.is_const) {
      (tp.location == Location::Sram ? cs : tp.location == Location::Flash ? cf : cd) += tp.bytes;
    } else if (tp.spilled) {
      EXPECT_NE(tp.location, Location::Sram) << tp.name;
      EXPECT_EQ(tp.arena_offset, -1) << tp.name;
      spill += tp.bytes;
    } else {
      EXPECT_EQ(tp.location, Location::Sram) << tp.name;
      EXPECT_GE(tp.arena_offset, 0) << tp.name;
      EXPECT_LE(tp.arena_offset + tp.bytes, t.arena_bytes) << tp.name;
    }
  }
  EXPECT_EQ(cs, t.const_sram);
  EXPECT_EQ(cf, t.const_flash);
  EXPECT_EQ(cd, t.const_sd);
  EXPECT_EQ(spill, t.spill_sd + t.spill_flash);
  std::int64_t w = 0, r = 0;
  for (const auto& l : p.layers) w += l.spill_write_bytes, r += l.spill_read_bytes;
  EXPECT_EQ(w, t.spill_write_bytes);
  EXPECT_EQ(r, t.spill_read_bytes);
  // SRAM activations that are live together never share bytes.
  std::map<int, const TensorPlacement*> sram;
  for (const auto& tp : p.tensors)
    if (!tp.is_const && !tp.spilled) sram[tp.tensor] = &tp;
  const auto buffers = compute_lifetimes(g, p.order);
  for (std::size_t i = 0; i < buffers.size(); ++i) {
    auto a = sram.find(buffers[i].tensor);
    if (a == sram.end() || buffers[i].bytes == 0) continue;
    for (std::size_t j = i + 1; j < buffers.size(); ++j) {
      auto c = sram.find(buffers[j].tensor);
      if (c == sram.end() || buffers[j].bytes == 0 || !buffers[i].overlaps_in_time(buffers[j]))
        continue;
      const bool disjoint = a->second->arena_offset + a->second->bytes <= c->second->arena_offset ||
                            c->second->arena_offset + c->second->bytes <= a->second->arena_offset;
      EXPECT_TRUE(disjoint) << a->second->name << " / " << c->second->name;
    }
  }
}

constexpr auto& kModels = mcusim::test::kSharedModels;

const PlacementBoard kBoards[] = {{512 * 1024, 2 * 1024 * 1024, 1764 * 1024, true},
                                  {128 * 1024, 1024 * 1024, 256 * 1024, true},
                                  {32 * 1024, 256 * 1024, 128 * 1024, true}};

}  // namespace

TEST(PlacementProperties, EveryZooNetwork) {
  for (const char* s : {"mobilenet_v2_0.35_128", "mobilenet_v2_1.0_224", "mobilenet_v2_0.5_96"})
    for (const auto& b : kBoards) check(build_zoo(s), b);
}

TEST(PlacementProperties, EverySharedModel) {
  for (const char* m : kModels) {
    const Graph g = load_tflite(std::string("../shared/models/") + m + ".tflite");
    for (const auto& b : kBoards) check(g, b);
  }
}

// The 224x224 MobileNetV2 export: 3.54 MB of constants and 2.45 MB peak live
// activations. On F767 numbers it runs only by keeping 3,268,608 B of constants and
// 9 activation tensors (4,830,400 B) on the SD card.
TEST(PlacementProperties, XtensaMobileNetV2NeedsSdOnF767) {
  const Graph g = load_tflite("../shared/models/tflm_xtensa_mobilenet_v2_quantized_1x3x224x224.tflite");
  const Placement p = place_tensors(g, kBoards[0]);
  EXPECT_TRUE(p.fits) << p.reason;
  EXPECT_EQ(p.totals.arena_live_peak, 2451840);
  EXPECT_EQ(p.totals.const_sd, 3268608);
  EXPECT_EQ(p.totals.const_flash, 273984);
  EXPECT_EQ(p.totals.spilled_tensors, 9);
  EXPECT_EQ(p.totals.spill_sd, 4830400);
  EXPECT_EQ(p.totals.spill_write_bytes, 4830400);
  EXPECT_EQ(p.totals.spill_read_bytes, 4905664);
  EXPECT_EQ(p.totals.arena_bytes, 484416);
}
