// The per-instruction-class core model (devices/cortex_m/timing) and the measured
// class-mix table it is applied to (sim/run/class_mix), with exact cycle counts.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "devices/cortex_m/timing.hpp"
#include "sim/config/section.hpp"
#include "sim/core/error.hpp"
#include "sim/run/class_mix.hpp"
#include "sim/run/engine.hpp"
#include "sim/run/paths.hpp"

using namespace mcusim;

namespace {

std::string timing_yaml(const std::string& name, const std::string& extra_cycles = "",
                        const std::string& ldst_after_load = "-1") {
  return "core:\n  name: " + name +
         "\n  cycles: {alu: 1, simd: 1, mul: 1, mac: 1, mul64: 1, div: 7, load: 2, store: 2, ldrd: "
         "3, ldm: 1, "
         "stm: 1, branch_taken: 3, branch_not_taken: 1, it: 0, fpu: 1, other: 1" +
         extra_cycles +
         "}\n  adjust: {ldm_regs: 1, stm_regs: 1, pop_pc: 2, ldst_after_load: " + ldst_after_load +
         ", load_use: 0, mul_use: 0, dual_issued: -1}\n";
}

core::CoreTiming decode(const std::string& text) {
  cfg::Tree t;
  t.merge_text(text, "timing.yaml");
  return core::decode_core_timing(cfg::Section::root(t).section("core"));
}

core::ClassMix mix(std::initializer_list<std::pair<const char*, double>> counts) {
  core::ClassMix m;
  for (const auto& [k, v] : counts) {
    if (const auto i = core::class_index(k); i < core::kClasses.size())
      m.cls[i] = v;
    else
      m.stat[core::stat_index(k)] = v;
  }
  return m;
}

std::string write_csv(const std::string& body) {
  char name[] = "/tmp/mcusim-mix-XXXXXX";
  const int fd = mkstemp(name);
  close(fd);
  std::string h = "library,core,kernel,model,layer_index,instructions";
  for (const char* c : core::kClasses) h += std::string(",") + c;
  for (const char* s : core::kStats) h += std::string(",") + s;
  std::ofstream(name) << h << "\n" << body;
  return name;
}

// A row: 10 instructions = 4 alu + 4 load + 1 mac + 1 branch_taken, 3 loads after a load.
const char* kRow = ",10,4,0,0,1,0,0,4,0,0,0,0,1,0,0,0,0,0,0,0,3,0,0,0\n";

}  // namespace

TEST(CoreTiming, ConsecutiveLoadsPipelineToNPlusOne) {
  const auto t = decode(timing_yaml("cortex-m4"));
  // Four neighbouring LDRs: 4 x 2 cycles, three of them pipelined after a load (-1 each) = 5.
  EXPECT_DOUBLE_EQ(t.cycles_of(mix({{"load", 4}, {"ldst_after_load", 3}})), 5.0);
  // A loop body: 8 ALU + SUBS + taken BNE = 9 x 1 + 3 = 12 cycles; the not-taken exit 10.
  EXPECT_DOUBLE_EQ(t.cycles_of(mix({{"alu", 9}, {"branch_taken", 1}})), 12.0);
  EXPECT_DOUBLE_EQ(t.cycles_of(mix({{"alu", 9}, {"branch_not_taken", 1}})), 10.0);
  // POP {r4-r7, pc}: 1 + 5 registers + 2 refill = 8.
  EXPECT_DOUBLE_EQ(t.cycles_of(mix({{"ldm", 1}, {"ldm_regs", 5}, {"pop_pc", 1}})), 8.0);
  EXPECT_DOUBLE_EQ(t.cpi(mix({{"load", 4}, {"ldst_after_load", 3}})), 1.25);
  EXPECT_DOUBLE_EQ(t.cpi(core::ClassMix{}), 0.0);
}

TEST(CoreTiming, DualIssueNeverBeatsTwoInstructionsPerCycle) {
  const auto t = decode(timing_yaml("cortex-m7"));
  // 10 ALU ops, 5 pairs dual-issued: 10 - 5 = 5 cycles, exactly the 2-wide bound.
  EXPECT_DOUBLE_EQ(t.cycles_of(mix({{"alu", 10}, {"dual_issued", 5}})), 5.0);
  // An inconsistent count (more pairs than possible) is held at the bound, not below.
  EXPECT_DOUBLE_EQ(t.cycles_of(mix({{"alu", 10}, {"dual_issued", 9}})), 5.0);
}

TEST(CoreTiming, StrictDecodeNamesTheKey) {
  EXPECT_THROW(decode(timing_yaml("cortex-m9")), InputError);
  EXPECT_THROW(decode(timing_yaml("cortex-m4", ", vector: 1")), InputError);  // unknown class
  EXPECT_THROW(decode(timing_yaml("cortex-m4", "", "-5")), InputError);       // below -2
  try {
    decode(
        timing_yaml("cortex-m4").replace(timing_yaml("cortex-m4").find("load: 2"), 7, "load: -2"));
    FAIL() << "negative cycles accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("core.cycles.load"), std::string::npos) << e.what();
  }
  // A missing class is an error too (every class needs a number).
  std::string missing = timing_yaml("cortex-m4");
  missing.replace(missing.find("fpu: 1, "), 8, "");
  EXPECT_THROW(decode(missing), InputError);
}

TEST(ClassMixTable, SumsRowsPerKernelAndFallsBack) {
  const std::string path =
      write_csv(std::string("lib,cortex-m4,conv,m,0") + kRow + "lib,cortex-m4,conv,m,1" + kRow +
                "lib,cortex-m0,fc,m,2" + kRow);
  const auto t = ClassMixTable::load(path);
  const auto conv = t.lookup("lib", "cortex-m4", "conv");
  EXPECT_EQ(conv.source, "conv");
  EXPECT_DOUBLE_EQ(conv.mix.instructions(), 20.0);
  EXPECT_DOUBLE_EQ(conv.mix.stat[core::stat_index("ldst_after_load")], 6.0);
  // No 'add' rows on M4: the library's whole M4 mix, said so.
  EXPECT_NE(t.lookup("lib", "cortex-m4", "add").source.find("all kernels"), std::string::npos);
  // Cortex-M0+ runs Cortex-M0 code.
  EXPECT_DOUBLE_EQ(t.lookup("lib", "cortex-m0plus", "fc").mix.instructions(), 10.0);
  EXPECT_THROW(t.lookup("lib", "cortex-m7", "conv"), InputError);
  // With the M4 timing: 4 alu + 4x2 load - 3 + 1 mac + 3 branch = 13 cycles per 10 instructions.
  EXPECT_DOUBLE_EQ(decode(timing_yaml("cortex-m4")).cpi(conv.mix), 1.3);
  std::remove(path.c_str());
}

TEST(ClassMixTable, RejectsCorruptRows) {
  auto rejects = [](const std::string& body, const std::string& what) {
    const std::string path = write_csv(body);
    try {
      ClassMixTable::load(path);
      ADD_FAILURE() << "accepted: " << body;
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
    }
    std::remove(path.c_str());
  };
  rejects(std::string("lib,cortex-m4,conv,m,0,11") + (kRow + 3), ":2: the class counts sum to 10");
  rejects("lib,cortex-m4,conv,m,0,10,4\n", ":2: expected 29 columns");
  rejects(std::string("lib,cortex-m4,conv,m,0,10,-4") + (kRow + 5), "whole count");
  rejects("", "no rows");
}

TEST(ClassMixTable, HasRowsReadsTheM0PlusAsTheM0) {
  const auto& t = default_class_mix();
  EXPECT_TRUE(t.has_rows("cmsis-nn-2020", "cortex-m4", "conv"));
  EXPECT_TRUE(t.has_rows("cmsis-nn-2020", "cortex-m4", "dw_3x3"));  // MobileNet_V2's, session 6
  EXPECT_FALSE(t.has_rows("cmsis-nn-2020", "cortex-m4", "add"));    // add and pool not measured
  EXPECT_FALSE(t.has_rows("cmsis-nn-2020", "cortex-m0", "conv"));      // DSP cores only
  EXPECT_TRUE(t.has_rows("tflm-reference", "cortex-m0plus", "conv"));  // ARMv6-M: the M0's rows
  EXPECT_FALSE(t.has_rows("tflm-reference", "cortex-m0plus", "add"));
  EXPECT_FALSE(t.has_rows("nosuchlib", "cortex-m4", "conv"));
}

TEST(ClassMixTable, CommittedTableCoversEveryCoreAndKernel) {
  const auto& t = default_class_mix();
  for (const char* lib : {"cmsis-nn", "tflm-reference"})
    for (const char* c :
         {"cortex-m0", "cortex-m0plus", "cortex-m3", "cortex-m4", "cortex-m7", "cortex-m33"})
      for (const char* k : {"conv", "conv_1x1", "dw_3x3", "fc"}) {
        const auto l = t.lookup(lib, c, k);
        EXPECT_EQ(l.source, k) << lib << " " << c;
        EXPECT_GT(l.mix.instructions(), 1000) << lib << " " << c << " " << k;
      }
}

// An engine with efficiency 0.5 on the M4, a conv kernel of 2 per MAC + 100 per call, the
// given class_mix and engine-wide elementwise costs, bound to the M4 timing and `mixes`.
static EngineProfile m4_engine(const std::string& class_mix, const std::string& elementwise,
                               const ClassMixTable& mixes) {
  cfg::Tree t;
  t.merge_text("engine:\n  name: e\n  class_mix: " + class_mix +
                   "\n  cores:\n    cortex-m4:\n      efficiency: 0.5\n"
                   "      kernels:\n        conv: {per_mac: 2, per_output: 0, per_call: 100}\n"
                   "  elementwise:\n" +
                   elementwise,
               "e.yaml");
  EngineProfile p = decode_engine(cfg::Section::root(t).section("engine"), "cortex-m4");
  bind_class_timing(p, decode(timing_yaml("cortex-m4")), mixes);
  return p;
}

TEST(EngineClassMode, CyclesAreInstructionsTimesClassCpiTimesEfficiency) {
  const std::string path = write_csv(std::string("lib,cortex-m4,conv,m,0") + kRow);
  const EngineProfile p =
      m4_engine("lib", "    add: {per_element: 10, per_call: 0}\n", ClassMixTable::load(path));
  wl::LayerMetrics m;
  m.kernel = "conv";
  m.macs = 1000;
  // (2 x 1000 + 100) instructions x 1.3 class CPI x 0.5 efficiency = 1365 cycles.
  EXPECT_EQ(p.cycles(m), 1365u);
  m.kernel = "add";
  m.elements = 100;
  EXPECT_EQ(p.cycles(m), 650u);  // no 'add' rows: the library's M4 mix (CPI 1.3)
  std::remove(path.c_str());
}

// A row of 10 ALU instructions and nothing else: class CPI 1 on the M4 (alu 1 cycle).
static std::string alu_row() {
  std::string r = ",10,10";
  for (int i = 0; i < 22; ++i) r += ",0";
  return r + "\n";
}

TEST(EngineClassMode, ClassMixListTakesTheFirstLibraryWithRowsPerKernel) {
  // lib has conv rows only (CPI 1.3); lib2 has add rows (CPI 1.0) and conv rows (CPI 1.0).
  const std::string path =
      write_csv(std::string("lib,cortex-m4,conv,m,0") + kRow + "lib2,cortex-m4,add,m,0" +
                alu_row() + "lib2,cortex-m4,conv,m,0" + alu_row());
  const EngineProfile p = m4_engine(
      "[lib, lib2]",
      "    add: {per_element: 10, per_call: 0}\n    copy: {per_element: 1, per_call: 0}\n",
      ClassMixTable::load(path));
  wl::LayerMetrics m;
  m.kernel = "conv";  // lib has conv rows: lib's mix, CPI 1.3 (not lib2's 1.0)
  m.macs = 1000;
  EXPECT_EQ(p.cycles(m), 1365u);
  m.kernel = "add";  // lib has no add rows, lib2 has: 100 x 10 x 1.0 x 0.5
  m.elements = 100;
  EXPECT_EQ(p.cycles(m), 500u);
  EXPECT_EQ(p.class_source.at("add"), "add rows of lib2");
  m.kernel = "copy";  // neither has copy rows: the first library's all-kernel mix (1.3)
  m.elements = 1000;
  EXPECT_EQ(p.cycles(m), 650u);
  std::remove(path.c_str());
}

TEST(EngineClassMode, CoreEntryCanNameItsOwnLibrariesAndReusePatterns) {
  const std::string path =
      write_csv(std::string("lib,cortex-m4,conv,m,0") + kRow + "lib,cortex-m3,conv,m,0" + kRow +
                "ref,cortex-m3,conv,m,0" + alu_row());
  const auto mixes = ClassMixTable::load(path);
  const std::string text =
      "engine:\n  name: e\n  class_mix: lib\n  weight_reuse: {conv: column_pairs, fc: once}\n  "
      "cores:\n"
      "    cortex-m4:\n      efficiency: 1.0\n      kernels:\n        conv: {per_mac: 1}\n"
      "    cortex-m3:\n      efficiency: 1.0\n      class_mix: ref\n      weight_reuse: {conv: "
      "pixels}\n"
      "      kernels:\n        conv: {per_mac: 1}\n"
      "  elementwise: {}\n";
  cfg::Tree t;
  t.merge_text(text, "e.yaml");
  EngineProfile m4 = decode_engine(cfg::Section::root(t).section("engine"), "cortex-m4");
  EngineProfile m3 = decode_engine(cfg::Section::root(t).section("engine"), "cortex-m3");
  EXPECT_EQ(m4.class_mix, std::vector<std::string>{"lib"});
  EXPECT_EQ(m3.class_mix, std::vector<std::string>{"ref"});
  EXPECT_EQ(m4.weight_reuse.at("conv"), "column_pairs");
  EXPECT_EQ(m3.weight_reuse.at("conv"), "pixels");  // the core's own pattern wins
  EXPECT_EQ(m3.weight_reuse.at("fc"), "once");      // the engine's for the rest
  bind_class_timing(m3, decode(timing_yaml("cortex-m3")), mixes);
  wl::LayerMetrics m;
  m.kernel = "conv";
  m.macs = 1000;
  EXPECT_EQ(m3.cycles(m), 1000u);  // ref's ALU-only mix: CPI 1
  // A library named only by another core's entry is still checked when any core binds.
  cfg::Tree bad;
  std::string b = text;
  b.replace(b.find("class_mix: ref"), 14, "class_mix: nosuchlib");
  bad.merge_text(b, "e.yaml");
  EngineProfile m4b = decode_engine(cfg::Section::root(bad).section("engine"), "cortex-m4");
  try {
    bind_class_timing(m4b, decode(timing_yaml("cortex-m4")), mixes);
    ADD_FAILURE() << "accepted an unknown library";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("no library 'nosuchlib'"), std::string::npos) << e.what();
  }
  std::remove(path.c_str());
}

TEST(EngineClassMode, FlatAndClassKeysDoNotMix) {
  auto rejects = [](const std::string& cores, const std::string& what) {
    cfg::Tree t;
    t.merge_text("engine:\n  name: e\n" + cores + "  elementwise: {}\n", "e.yaml");
    try {
      decode_engine(cfg::Section::root(t).section("engine"), "cortex-m4");
      ADD_FAILURE() << "accepted: " << cores;
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
    }
  };
  rejects("  class_mix: lib\n  cores:\n    cortex-m4: {cpi: 1.2, kernels: {}}\n",
          "engine.cores.cortex-m4.cpi");
  rejects("  cores:\n    cortex-m4: {efficiency: 1.0, kernels: {}}\n", "needs engine.class_mix");
  rejects("  class_mix: lib\n  cores:\n    cortex-m4: {efficiency: 0, kernels: {}}\n",
          "must be positive");
  rejects("  cores:\n    cortex-m4: {cpi: 1.0, class_mix: lib, kernels: {}}\n",
          "engine.cores.cortex-m4.class_mix: needs engine.class_mix");
  rejects("  class_mix: []\n  cores:\n    cortex-m4: {efficiency: 1.0, kernels: {}}\n",
          "engine.class_mix: expected a library name or a non-empty list");
  rejects(
      "  class_mix: lib\n  cores:\n    cortex-m4: {efficiency: 1.0, weight_reuse: {conv: often}, "
      "kernels: {}}\n",
      "engine.cores.cortex-m4.weight_reuse.conv: expected one of");
}

TEST(EngineClassMode, PerCoreElementwiseOverridesTheEngineWideCost) {
  cfg::Tree t;
  t.merge_text(
      "engine:\n  name: e\n  cores:\n    cortex-m4:\n      cpi: 1.0\n      kernels: {}\n"
      "      elementwise:\n        add: {per_element: 82.5, per_call: 63}\n"
      "    cortex-m0:\n      cpi: 1.0\n      kernels: {}\n"
      "  elementwise:\n    add: {per_element: 20, per_call: 200}\n    copy: {per_element: 1}\n",
      "e.yaml");
  const EngineProfile m4 = decode_engine(cfg::Section::root(t).section("engine"), "cortex-m4");
  const EngineProfile m0 = decode_engine(cfg::Section::root(t).section("engine"), "cortex-m0");
  wl::LayerMetrics m;
  m.kernel = "add";
  m.elements = 100;
  EXPECT_EQ(m4.cycles(m), 8313u);  // 82.5 x 100 + 63: the core's own measured cost
  EXPECT_EQ(m0.cycles(m), 2200u);  // 20 x 100 + 200: the engine-wide estimate
  m.kernel = "copy";
  EXPECT_EQ(m4.cycles(m), 100u);  // not overridden
}

TEST(EngineClassMode, PerCoreQuantCostsOverrideTheEngineWideOnes) {
  cfg::Tree t;
  t.merge_text(
      "engine:\n  name: e\n  cores:\n    cortex-m7:\n      cpi: 1.0\n      kernels: {}\n"
      "      quant_costs: {huffman_bits_decoded: 7.25}\n"
      "  elementwise: {}\n  quant_costs: {huffman_bits_decoded: 5, shifts: 1}\n",
      "e.yaml");
  const EngineProfile p = decode_engine(cfg::Section::root(t).section("engine"), "cortex-m7");
  EXPECT_DOUBLE_EQ(p.quant_costs.at("huffman_bits_decoded"), 7.25);
  EXPECT_DOUBLE_EQ(p.quant_costs.at("shifts"), 1.0);
  cfg::Tree bad;
  bad.merge_text(
      "engine:\n  name: e\n  cores:\n    cortex-m7:\n      cpi: 1.0\n      kernels: {}\n"
      "      quant_costs: {shifts: -1}\n  elementwise: {}\n",
      "e.yaml");
  EXPECT_THROW(decode_engine(cfg::Section::root(bad).section("engine"), "cortex-m7"), InputError);
}
