// Sweep spec decoding and point enumeration (sim/sweep/spec): strict keys with
// file:line, grid/zip order, filters, stable ids and spec hashes, shard parsing.
#include <gtest/gtest.h>

#include "sim/core/error.hpp"
#include "sim/sweep/spec.hpp"
#include "sim/sweep/sweep.hpp"

using namespace mcusim;
using namespace mcusim::sweep;

namespace {

Spec parse(const std::string& y) { return parse_spec_text(y, "s.yaml", "."); }

const char* kGrid = R"(base:
  board: nucleo-f767zi
  model: zoo:mobilenet_v2_0.35_128
  set: [sim.power_sample_rate=100Hz]
axes:
  - key: board
    values: [nucleo-f746zg, nucleo-f767zi]
  - key: sd.clock
    values: [1MHz, 4MHz, 25MHz]
)";

std::string error_of(const std::string& y) {
  try {
    parse(y);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(SweepSpec, GridIsNestedLoopsLastAxisFastest) {
  const auto pts = enumerate(parse(kGrid));
  ASSERT_EQ(pts.size(), 6u);
  EXPECT_EQ(pts[0].values, (std::vector<std::string>{"nucleo-f746zg", "1MHz"}));
  EXPECT_EQ(pts[1].values, (std::vector<std::string>{"nucleo-f746zg", "4MHz"}));
  EXPECT_EQ(pts[3].values, (std::vector<std::string>{"nucleo-f767zi", "1MHz"}));
  for (std::size_t i = 0; i < pts.size(); ++i) EXPECT_EQ(pts[i].index, i);
}

TEST(SweepSpec, RunArgsPutAxisValuesAfterBase) {
  const auto pts = enumerate(parse(kGrid));
  EXPECT_EQ(pts[5].run_args,
            (std::vector<std::string>{"--board", "nucleo-f767zi", "--model", "zoo:mobilenet_v2_0.35_128",
                                      "--set", "sim.power_sample_rate=100Hz", "--set", "sd.clock=25MHz"}));
}

TEST(SweepSpec, ZipPairsValuesAndNeedsEqualLengths) {
  const auto pts = enumerate(parse(
      "mode: zip\naxes:\n  - {key: board, values: [a, b]}\n  - {key: sd.clock, values: [1MHz, 2MHz]}\n"));
  ASSERT_EQ(pts.size(), 2u);
  EXPECT_EQ(pts[1].values, (std::vector<std::string>{"b", "2MHz"}));
  EXPECT_NE(error_of("mode: zip\naxes:\n  - {key: board, values: [a, b]}\n  - {key: x, values: [1]}\n")
                .find("equal length"),
            std::string::npos);
}

TEST(SweepSpec, FiltersInNotInAndExclude) {
  const std::string axes =
      "axes:\n  - {key: board, values: [a, b, c]}\n  - {key: placement.policy, values: [auto, weights-sd]}\n";
  EXPECT_EQ(enumerate(parse(axes + "filters:\n  - {key: board, not_in: [a]}\n")).size(), 4u);
  EXPECT_EQ(enumerate(parse(axes + "filters:\n  - {key: board, in: [a]}\n")).size(), 2u);
  const auto pts = enumerate(parse(axes + "filters:\n  - exclude: {board: [a, b], placement.policy: weights-sd}\n"));
  ASSERT_EQ(pts.size(), 4u);
  EXPECT_EQ(pts[2].values, (std::vector<std::string>{"c", "auto"}));
  EXPECT_EQ(pts[2].index, 2u);  // indices are dense after filtering
}

TEST(SweepSpec, IdsAreStableAndDependOnValuesOnly) {
  const auto a = enumerate(parse(kGrid));
  // Same axes, different base: same ids (ids name the assignment, not the base run).
  auto other = std::string(kGrid);
  other.replace(other.find("100Hz"), 5, "200Hz");
  const auto b = enumerate(parse(other));
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].id, b[i].id);
  EXPECT_EQ(a[0].id.substr(0, 6), "p0000-");
  EXPECT_EQ(a[0].id.size(), 14u);
  std::set<std::string> ids;
  for (const auto& p : a) ids.insert(p.id);
  EXPECT_EQ(ids.size(), a.size());
  // ...but the spec hash sees the base change.
  EXPECT_NE(spec_hash(parse(kGrid), a), spec_hash(parse(other), b));
  EXPECT_EQ(spec_hash(parse(kGrid), a), spec_hash(parse(kGrid), enumerate(parse(kGrid))));
}

TEST(SweepSpec, MetricsDefaultAndExplicit) {
  EXPECT_EQ(parse(kGrid).metrics, default_metrics());
  EXPECT_EQ(parse("metrics: all\n").metrics, (std::vector<std::string>{"all"}));
  EXPECT_EQ(parse("metrics: [latency_ms, breakdown.sd.time_ms]\n").metrics.size(), 2u);
}

TEST(SweepSpec, StrictErrorsNameFileLineAndKey) {
  EXPECT_EQ(error_of("base:\n  bord: x\n"), "s.yaml:2: base.bord: unknown key (known: board, config, engine, model, set)");
  EXPECT_NE(error_of("axes:\n  - key: sd.clock\n    valuez: [1MHz]\n").find("s.yaml:3: axes[].valuez: unknown key"),
            std::string::npos);
  EXPECT_NE(error_of("mode: cube\n").find("s.yaml:1: mode: expected grid|zip"), std::string::npos);
  EXPECT_NE(error_of("axes:\n  - {key: a, values: [1]}\n  - {key: a, values: [2]}\n").find("swept twice"),
            std::string::npos);
  EXPECT_NE(error_of("axes:\n  - {key: a, values: []}\n").find("at least one value"), std::string::npos);
  EXPECT_NE(error_of("axes:\n  - {key: a, values: [1]}\nfilters:\n  - {key: b, in: [1]}\n").find("not an axis key"),
            std::string::npos);
  EXPECT_NE(error_of("base:\n  set: [novalue]\n").find("expected key.path=value"), std::string::npos);
  EXPECT_NE(error_of("base:\n  config: [no/such.yaml]\n").find("no such file"), std::string::npos);
  EXPECT_NE(error_of("keep: [power.svg]\n").find("not a run file"), std::string::npos);
  EXPECT_NE(error_of("axes: [\n").find("s.yaml:"), std::string::npos);
  // Filters that leave nothing are caught when enumerating.
  EXPECT_THROW(enumerate(parse("axes:\n  - {key: a, values: [1]}\nfilters:\n  - {key: a, not_in: [1]}\n")),
               InputError);
}

TEST(SweepSpec, NoAxesIsOnePoint) {
  const auto pts = enumerate(parse("base: {board: nucleo-f767zi}\n"));
  ASSERT_EQ(pts.size(), 1u);
  EXPECT_EQ(pts[0].run_args, (std::vector<std::string>{"--board", "nucleo-f767zi"}));
}

TEST(SweepSpec, ShardParsing) {
  std::size_t i = 9, n = 9;
  parse_shard("3/16", i, n);
  EXPECT_EQ(i, 3u);
  EXPECT_EQ(n, 16u);
  for (const char* bad : {"16/16", "1", "a/2", "1/0", "1/2x", "-1/2"})
    EXPECT_THROW(parse_shard(bad, i, n), InputError) << bad;
}

TEST(SweepSpec, CommittedSpecsParse) {
  for (const char* f : {"configs/sweeps/sd_clock.yaml", "configs/sweeps/bench_1000.yaml",
                        "results/baselines/spec.yaml"}) {
    const Spec s = parse_spec_file(f);
    EXPECT_FALSE(enumerate(s).empty()) << f;
  }
  EXPECT_EQ(enumerate(parse_spec_file("configs/sweeps/bench_1000.yaml")).size(), 1000u);
}
