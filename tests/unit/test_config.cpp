#include <gtest/gtest.h>

#include <fstream>
#include <functional>

#include "sim/config/section.hpp"
#include "sim/config/tree.hpp"
#include "sim/core/error.hpp"
#include "sim/core/units.hpp"

using namespace mcusim;

TEST(Units, ParsesEveryDimensionIntoSI) {
  EXPECT_DOUBLE_EQ(parse_quantity("216MHz", Dim::Frequency), 216e6);
  EXPECT_DOUBLE_EQ(parse_quantity("13.5MHz", Dim::Frequency), 13.5e6);
  EXPECT_DOUBLE_EQ(parse_quantity("843.75kHz", Dim::Frequency), 843750);
  EXPECT_DOUBLE_EQ(parse_quantity("512KiB", Dim::Bytes), 524288);
  EXPECT_DOUBLE_EQ(parse_quantity("2MiB", Dim::Bytes), 2097152);
  EXPECT_DOUBLE_EQ(parse_quantity("16us", Dim::Time), 16e-6);
  EXPECT_DOUBLE_EQ(parse_quantity("3.3V", Dim::Voltage), 3.3);
  EXPECT_DOUBLE_EQ(parse_quantity("98mA", Dim::Current), 0.098);
  EXPECT_DOUBLE_EQ(parse_quantity("0.07mJ", Dim::Energy), 7e-5);
  EXPECT_DOUBLE_EQ(parse_quantity("460mW", Dim::Power), 0.46);
}

TEST(Units, RejectsWrongUnitsAndGarbage) {
  EXPECT_THROW(parse_quantity("216MB", Dim::Frequency), InputError);
  EXPECT_THROW(parse_quantity("MHz", Dim::Frequency), InputError);
  EXPECT_THROW(parse_quantity("12", Dim::Bytes), InputError);
  EXPECT_THROW(parse_quantity("1e400Hz", Dim::Frequency), InputError);
  EXPECT_THROW(parse_quantity("", Dim::Time), InputError);
}

TEST(Units, FormatRoundTripsExactly) {
  for (double v : {216e6, 13.5e6, 843750.0, 421875.0, 1e5})
    EXPECT_EQ(parse_quantity(format_quantity(v, Dim::Frequency), Dim::Frequency), v);
  EXPECT_EQ(format_quantity(524288, Dim::Bytes), "512KiB");
  EXPECT_EQ(format_quantity(110844, Dim::Bytes), "110844B");
  EXPECT_EQ(format_quantity(0.02, Dim::Current), "20mA");
  EXPECT_EQ(format_quantity(16e-6, Dim::Time), "16us");
  EXPECT_EQ(format_quantity(7e-5, Dim::Energy), "70uJ");
  EXPECT_EQ(format_quantity(0.46, Dim::Power), "460mW");
  EXPECT_EQ(format_quantity(2.5, Dim::Time), "2.5s");
  for (double v : {0.02, 16e-6, 7e-5, 2.5, 1e-12})
    EXPECT_EQ(parse_quantity(format_quantity(v, Dim::Time), Dim::Time), v);
}

TEST(Units, CyclesToPicoseconds) {
  EXPECT_EQ(cycles_to_ps(216, 216e6), 1'000'000u);  // 216 cycles at 216 MHz = 1 us
  EXPECT_EQ(cycles_to_ps(1, 1e6), 1'000'000u);
}

namespace {
std::string write_tmp(const std::string& name, const std::string& text) {
  const std::string p = ::testing::TempDir() + name;
  std::ofstream(p) << text;
  return p;
}
std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "<no error>";
}
}  // namespace

TEST(ConfigTree, UnknownKeyNamesFileLineAndKey) {
  const auto p = write_tmp("unknown.yaml", "board:\n  name: x\n  sysclok: 216MHz\n");
  cfg::Tree t;
  t.merge_file(p);
  auto b = cfg::Section::root(t).section("board");
  b.string("name");
  const auto msg = error_of([&] { b.finish(); });
  EXPECT_NE(msg.find(p + ":3: board.sysclok: unknown key"), std::string::npos) << msg;
}

TEST(ConfigTree, WrongUnitFromSetNamesTheArgument) {
  cfg::Tree t;
  t.merge_text("board:\n  sysclk: 216MHz\n", "base.yaml");
  t.apply_set("board.sysclk=216MB");
  auto b = cfg::Section::root(t).section("board");
  const auto msg = error_of([&] { b.quantity("sysclk", Dim::Frequency); });
  EXPECT_EQ(msg, "--set board.sysclk=216MB: board.sysclk: expected a frequency like 216MHz, got '216MB'");
}

TEST(ConfigTree, ImpossibleValuesAreRejected) {
  cfg::Tree t;
  t.merge_text("a:\n  clock: -1MHz\n  size: 0KiB\n  n: 7\n", "f.yaml");
  auto a = cfg::Section::root(t).section("a");
  EXPECT_NE(error_of([&] { a.quantity("clock", Dim::Frequency); }).find("must not be negative"),
            std::string::npos);
  EXPECT_NE(error_of([&] { a.bytes("size"); }).find("f.yaml:3: a.size: must be positive"),
            std::string::npos);
  EXPECT_NE(error_of([&] { a.integer("n", 0, 3); }).find("in [0, 3]"), std::string::npos);
  EXPECT_NE(error_of([&] { a.quantity("missing", Dim::Time); }).find("missing required key"),
            std::string::npos);
}

TEST(ConfigTree, ByteCountsAreWholeAndBounded) {
  // A byte count beyond 2^53 (found by fuzz_config: firmware: 666...6B) used to be cast
  // from double to uint64 (undefined behaviour); now it is an error naming the key.
  cfg::Tree t;
  t.merge_text("a:\n  big: 66666666666666666666666B\n  edge: 9007199254740992B\n  half: 1.5B\n  zero: 0B\n",
               "f.yaml");
  auto a = cfg::Section::root(t).section("a");
  EXPECT_EQ(error_of([&] { a.bytes("big"); }), "f.yaml:2: a.big: is too large (more than 2^53 bytes)");
  EXPECT_EQ(error_of([&] { a.bytes_nonneg("big"); }), "f.yaml:2: a.big: is too large (more than 2^53 bytes)");
  EXPECT_EQ(a.bytes("edge"), 9007199254740992ULL);
  EXPECT_EQ(error_of([&] { a.bytes_nonneg("half"); }), "f.yaml:4: a.half: expected a whole number of bytes");
  EXPECT_EQ(a.bytes_nonneg("zero"), 0u);
  EXPECT_NE(error_of([&] { a.bytes("zero"); }).find("must be positive"), std::string::npos);
}

TEST(ConfigTree, LaterLayersOverrideAndDumpRoundTrips) {
  cfg::Tree t;
  t.merge_text("sd:\n  clock: 1MHz\n  driver: polled\nboard:\n  name: b\n", "one.yaml");
  t.merge_text("sd:\n  clock: 25MHz\n", "two.yaml");
  t.apply_set("sd.driver=dma");
  auto sd = cfg::Section::root(t).section("sd");
  EXPECT_EQ(sd.quantity("clock", Dim::Frequency), 25e6);
  EXPECT_EQ(sd.string("driver"), "dma");
  EXPECT_EQ(t.origin("sd.clock"), "two.yaml:2");
  cfg::Tree back;
  back.merge_text(t.dump(), "resolved.yaml");
  EXPECT_EQ(back.dump(), t.dump());
}

TEST(ConfigTree, MalformedYamlNamesTheLine) {
  cfg::Tree t;
  const auto msg = error_of([&] { t.merge_text("a:\n  b: [1, 2\nc: 3\n", "bad.yaml"); });
  EXPECT_NE(msg.find("bad.yaml:"), std::string::npos);
  EXPECT_NE(msg.find("malformed YAML"), std::string::npos);
  EXPECT_NE(error_of([&] { t.merge_text("- 1\n- 2\n", "list.yaml"); }).find("list.yaml:1"),
            std::string::npos);
  EXPECT_NE(error_of([&] { t.apply_set("novalue"); }).find("expected key.path=value"),
            std::string::npos);
}

TEST(ConfigTree, FindFollowsDottedPathsAndNeverInsertsOrThrows) {
  cfg::Tree t;
  t.merge_text("engine: {provenance: {fitted: {cortex-m7: {rows: 8}}}, name: e}\n", "t.yaml");
  EXPECT_EQ(t.find("engine.provenance.fitted.cortex-m7.rows").as<int>(), 8);
  EXPECT_EQ(t.find("engine.name").as<std::string>(), "e");
  EXPECT_FALSE(t.find("engine.provenance.fitted.cortex-m4.rows"));  // missing level
  EXPECT_FALSE(t.find("flash.bank_modes"));                          // missing section
  EXPECT_FALSE(t.find("engine.name.deeper"));                        // through a scalar
  EXPECT_EQ(t.dump(), "engine:\n  name: e\n  provenance:\n    fitted:\n      cortex-m7:\n        rows: 8\n");
}
