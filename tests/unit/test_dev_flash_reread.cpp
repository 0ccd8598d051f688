// Re-read sweeps (MemoryModel::reread): the closed form for a cyclic LRU sweep against a
// brute-force simulation of the same cache, and exact cycles on the example boards.
#include <gtest/gtest.h>

#include "devices/adapters.hpp"
#include "devices/nor_flash/line_cache.hpp"
#include "devices/nor_flash/nor_flash_model.hpp"
#include "sim/config/tree.hpp"
#include "sim/run/weight_reuse.hpp"

using namespace mcusim;
using namespace mcusim::dev;

namespace {
constexpr std::uint64_t kBase = 0x08000000;
FlashParams board(const std::string& b, double hclk) {
  cfg::Tree t;
  t.merge_file(std::string(MCUSIM_SOURCE_DIR) + "/configs/boards/_devices_" + b + ".example.yaml");
  return decode_flash(cfg::Section::root(t).section("flash"), hclk);
}
// Misses of the third sweep of [a, a + bytes) through a cache warmed by two sweeps.
std::uint64_t simulated(LineCache c, std::uint64_t a, std::uint64_t bytes) {
  const std::uint64_t line = c.line_bytes();
  for (int pass = 0; pass < 2; ++pass)
    for (std::uint64_t l = a / line; l <= (a + bytes - 1) / line; ++l) c.access(l * line);
  std::uint64_t misses = 0;
  for (std::uint64_t l = a / line; l <= (a + bytes - 1) / line; ++l) misses += !c.access(l * line);
  return misses;
}
}  // namespace

TEST(FlashReread, ClosedFormMatchesBruteForceLru) {
  struct Geo { std::uint64_t size, line; unsigned ways; };
  const Geo geos[] = {{16384, 32, 4}, {4096, 32, 4}, {128, 16, 8}, {256, 32, 8}, {8192, 16, 2}};
  int checked = 0, nonzero = 0;
  for (const auto& g : geos)
    for (std::uint64_t bytes : {16ULL, 100ULL, 128ULL, 432ULL, 2304ULL, 4096ULL, 9216ULL, 16384ULL,
                                18432ULL, 36864ULL})
      for (std::uint64_t a : {0ULL, 8ULL, 4096ULL + 20}) {
        const LineCache c(g.size, g.line, g.ways);
        const std::uint64_t want = simulated(c, a, bytes);
        EXPECT_EQ(c.cyclic_misses(a, bytes), want)
            << g.size << "/" << g.line << "/" << g.ways << " bytes " << bytes << " at " << a;
        ++checked;
        nonzero += want > 0;
      }
  EXPECT_EQ(checked, 150);
  EXPECT_GT(nonzero, 40);  // both regimes are exercised
}

TEST(FlashReread, ExactCyclesOnTheExampleBoards) {
  // F429: ART data cache 8 lines x 128 bit (one set), 5 WS: a fill is one 6-cycle read.
  FlashModel f4(board("f429", 180e6), 180e6);
  ASSERT_EQ(f4.fill_cycles(), 6u);
  // 432 B (ResNet-8's first filter) = 27 lines > 8: every line misses on each of 511 passes.
  EXPECT_EQ(f4.reread(kBase, 432, 1, 511, 0).time, cycles_to_ps(27ULL * 511 * 6, 180e6));
  EXPECT_EQ(f4.stats()["reread_misses"], 27.0 * 511);
  // 128 B fits the 8 lines: the later passes hit, nothing is added.
  EXPECT_EQ(f4.reread(kBase, 128, 1, 511, 0).time, 0u);
  // Four tiles of 32 B (1x1 filter row pairs) fit one by one: free.
  EXPECT_EQ(f4.reread(kBase, 32, 4, 49, 0).time, 0u);
  // F767: M7 D-cache 16 KiB, 4-way, 32 B lines (128 sets), 8 cycles per fill. 36 KiB =
  // 1152 lines = 9 per set > 4 ways: all miss; 16 KiB = 4 per set: all hit.
  FlashModel f7(board("f767", 216e6), 216e6);
  EXPECT_EQ(f7.reread(kBase, 36864, 1, 31, 0).time, cycles_to_ps(1152ULL * 31 * 8, 216e6));
  EXPECT_EQ(f7.reread(kBase, 16384, 1, 31, 0).time, 0u);
  // 18 KiB: 576 lines, 64 sets hold 5 (> 4 ways, all miss), 64 hold 4 (hit): 320 per pass.
  EXPECT_EQ(f7.reread(kBase, 18432, 1, 10, 0).time, cycles_to_ps(320ULL * 10 * 8, 216e6));
  // F091: no cache, 1 WS: each 32-bit word adds its wait state on every pass.
  FlashModel f0(board("f091", 48e6), 48e6);
  EXPECT_EQ(f0.reread(kBase, 100, 1, 7, 0).time, cycles_to_ps(25ULL * 7 * 1, 48e6));
  EXPECT_EQ(f0.reread(kBase, 100, 1, 0, 0).time, 0u);
}

TEST(WeightReusePatterns, PassesAndTilesFromTheLoopNests) {
  wl::LayerMetrics conv;  // ResNet-8 layer 1: 3x3x16 -> 16 at 32x32
  conv.macs = 2359296;
  conv.elements = 16384;
  conv.weight_bytes = conv.params = 2304;
  auto r = weight_reuse("column_pairs", conv);
  EXPECT_EQ(r.tile_bytes, 2304u);
  EXPECT_EQ(r.tiles, 1u);
  EXPECT_EQ(r.passes, 511u);  // 1024 pixels / 2 - the first pass
  EXPECT_EQ(weight_reuse("pixels", conv).passes, 1023u);
  EXPECT_EQ(weight_reuse("once", conv).passes, 0u);
  wl::LayerMetrics pw;  // 1x1: Cin 16 -> Cout 8 at 10x10
  pw.macs = 12800;
  pw.elements = 800;
  pw.weight_bytes = pw.params = 128;
  r = weight_reuse("row_pairs", pw);
  EXPECT_EQ(r.tile_bytes, 32u);  // 2 rows x 16 B
  EXPECT_EQ(r.tiles, 4u);
  EXPECT_EQ(r.passes, 49u);
  wl::LayerMetrics fc;  // no weights: nothing to re-read
  EXPECT_EQ(weight_reuse("pixels", fc).passes, 0u);
  EXPECT_EQ(weight_reuse_patterns(),
            (std::vector<std::string>{"column_pairs", "once", "pixels", "row_pairs"}));
  EXPECT_EQ(weight_reuse("sometimes", conv).passes, 0u);  // decode_engine rejects it first
}

TEST(FlashReread, WrapModelSplitsASweepThatCrossesTheEnd) {
  // An oversized arena wraps (WrapModel): a tile crossing the end is re-read as its two
  // pieces, each against the cache on its own. F429: 128 B ART data cache, 6-cycle fills.
  const FlashParams p = board("f429", 180e6);
  WrapModel w(std::make_unique<FlashModel>(p, 180e6), kBase, p.size);
  // 100 B before the end (7 lines, they fit: free) + 332 B from the start (21 lines > 8).
  const Cost c = w.reread(kBase + p.size - 100, 432, 1, 5, 0);
  EXPECT_EQ(c.time, cycles_to_ps(21ULL * 5 * 6, 180e6));
  // Inside the window the sweep goes to the device unchanged.
  FlashModel direct(p, 180e6);
  EXPECT_EQ(w.reread(kBase + 4096, 432, 3, 5, 0).time, direct.reread(kBase + 4096, 432, 3, 5, 0).time);
}
