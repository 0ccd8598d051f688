// `mcusim inspect` through its functions: every shared model (the SVDF one must be
// refused naming SVDF), three zoo networks, JSON determinism, board presets.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "sim/cli/inspect_report.hpp"
#include "sim/core/error.hpp"

using namespace mcusim;
using namespace mcusim::cli;

namespace {

std::vector<std::string> shared_models() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator("../shared/models"))
    if (e.path().extension() == ".tflite") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

void check_consistent(const InspectReport& r, const wl::Graph& g) {
  ASSERT_EQ(r.layers.size(), g.ops.size());
  std::int64_t stored = 0, unpacked = 0, ws = 0;
  for (const auto& l : r.layers) {
    stored += l.stored;
    unpacked += l.unpacked;
    ws = std::max(ws, l.m.working_set());
    EXPECT_FALSE(l.outputs.empty()) << l.m.name;
    EXPECT_GE(l.arena_offset, 0) << l.m.name;
    EXPECT_LT(l.arena_offset, r.arena_bytes) << l.m.name;
    EXPECT_EQ(l.arena_offset % 16, 0) << l.m.name;
  }
  EXPECT_EQ(stored, r.stored_bytes);
  EXPECT_EQ(unpacked, r.unpacked_bytes);
  EXPECT_EQ(ws, r.totals.max_working_set);
  EXPECT_LE(r.peak_best, r.peak_default);
  EXPECT_GE(r.arena_bytes, r.peak_default);
}

}  // namespace

TEST(Inspect, EverySharedModel) {
  const auto models = shared_models();
  ASSERT_GE(models.size(), 13u);
  int ok = 0;
  for (const auto& path : models) {
    SCOPED_TRACE(path);
    if (path.find("tflm_keyword_scrambled_8bit") != std::string::npos) {
      try {
        inspect_model(path, {});
        ADD_FAILURE() << "SVDF model accepted";
      } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("SVDF"), std::string::npos) << e.what();
      }
      continue;
    }
    const auto g = inspect_load(path);
    const auto r = inspect_graph(g, path, {});
    check_consistent(r, g);
    EXPECT_EQ(r.synthetic_tensors, 0);  // real weights in every .tflite
    EXPECT_NE(format_inspect_table(r).find("total: "), std::string::npos);
    ++ok;
  }
  EXPECT_EQ(ok, static_cast<int>(models.size()) - 1);
}

TEST(Inspect, ZooNetworksExact) {
  struct Want {
    const char* spec;
    std::size_t layers;
    unsigned long long macs;
    long long arena, peak_default, peak_best, stored, unpacked;
  };
  const Want want[] = {
      // int8-affine: weights + 5 B per tensor (scale, zero point) + int32 biases.
      {"zoo:mobilenet_v2_0.35_128", 64, 20221952u, 245760, 245760, 245760, 1695757, 1695492},
      {"zoo:mobilenet_v1_0.25_96", 29, 7745408u, 64512, 55296, 55296, 478944, 478804},
      {"zoo:squeezenet_1.0", 39, 832667936u, 1548800, 1548800, 1548800, 1260482, 1260352},
  };
  for (const auto& w : want) {
    SCOPED_TRACE(w.spec);
    const auto g = inspect_load(w.spec);
    const auto r = inspect_graph(g, w.spec, {});
    check_consistent(r, g);
    EXPECT_EQ(r.layers.size(), w.layers);
    EXPECT_EQ(r.totals.macs, w.macs);
    EXPECT_EQ(r.arena_bytes, w.arena);
    EXPECT_EQ(r.peak_default, w.peak_default);
    EXPECT_EQ(r.peak_best, w.peak_best);
    EXPECT_EQ(r.stored_bytes, w.stored);
    EXPECT_EQ(r.unpacked_bytes, w.unpacked);
    // Affine int8 keeps the int8 tensor as stored: only the (scale, zero point) pairs differ.
    EXPECT_EQ(r.stored_bytes - r.unpacked_bytes, 5 * static_cast<long long>(r.synthetic_tensors));
  }
}

TEST(Inspect, CodebookOnZooSaysSyntheticAndJsonIsDeterministic) {
  const auto g = inspect_load("zoo:mobilenet_v1_0.25_96");
  InspectOptions o;
  o.quant = "codebook:k=16";
  const auto r = inspect_graph(g, "zoo:mobilenet_v1_0.25_96", o);
  EXPECT_EQ(r.synthetic_tensors, 28);
  EXPECT_LT(r.stored_bytes, r.unpacked_bytes);
  EXPECT_EQ(r.stored_bytes, 204372);  // synthetic Laplacian weights, k = 16
  EXPECT_EQ(r.unpacked_bytes, 478804);
  EXPECT_NE(format_inspect_table(r).find("synthetic weights"), std::string::npos);
  const auto j1 = format_inspect_json(r);
  const auto j2 = format_inspect_json(inspect_graph(g, "zoo:mobilenet_v1_0.25_96", o));
  EXPECT_EQ(j1, j2);
  EXPECT_EQ(j1.rfind("{\n  \"model\": \"zoo:mobilenet_v1_0.25_96\"", 0), 0u) << j1.substr(0, 80);
  EXPECT_NE(j1.find("\"huffman_bits_decoded\": "), std::string::npos);
  EXPECT_NE(j1.find("\"inputs\": [[1, 96, 96, 3]]"), std::string::npos);
  EXPECT_EQ(j1.find("\"placement\""), std::string::npos);  // no --board
  EXPECT_THROW(inspect_graph(g, "x", InspectOptions{"", "int3"}), InputError);
}

// A board given as a YAML path: only sram.regions, flash.size, board.firmware and the
// presence of sd: are read. Independent of the presets in configs/boards.
TEST(Inspect, BoardFromYamlFile) {
  const auto p = std::filesystem::temp_directory_path() / "mcusim_inspect_board.yaml";
  std::ofstream(p) << "board:\n  firmware: 100000B\nflash:\n  size: 1MiB\nsram:\n  regions:\n"
                      "    - {name: ccm, base: 0x10000000, size: 64KiB}\n"
                      "    - {name: a, base: 0x20000000, size: 112KiB}\n"
                      "    - {name: b, base: 0x2001C000, size: 16KiB}\n";
  const auto b = placement_board_from_preset(p.string());
  EXPECT_EQ(b.sram_bytes, 128u * 1024);  // a + b contiguous; ccm apart
  EXPECT_EQ(b.flash_bytes, 1024u * 1024);
  EXPECT_EQ(b.firmware_bytes, 100000u);
  EXPECT_FALSE(b.has_sd);
  InspectOptions o;
  o.board = p.string();
  const auto r = inspect_model("zoo:mobilenet_v2_0.35_128", o);
  ASSERT_TRUE(r.has_board);
  std::int64_t flash = 0, sd = 0;
  for (const auto& l : r.layers) {
    flash += l.const_flash;
    sd += l.const_sd;
  }
  EXPECT_EQ(flash, r.placement.const_flash);
  EXPECT_EQ(sd, 0);  // no SD card in this board
  EXPECT_EQ(flash, 1695492);  // all int8 weights + int32 biases: over the 1 MiB flash
  EXPECT_FALSE(r.fits);
  std::filesystem::remove(p);
  EXPECT_THROW(placement_board_from_preset("no-such-board"), InputError);
}

TEST(Inspect, BoardPresets) {
  if (!std::filesystem::exists("configs/boards/nucleo-f767zi.yaml"))
    GTEST_SKIP() << "configs/boards/nucleo-f767zi.yaml not written yet";
  const auto b = placement_board_from_preset("nucleo-f767zi");
  EXPECT_EQ(b.sram_bytes, 512u * 1024);  // DTCM + SRAM1 + SRAM2 (ITCM apart)
  EXPECT_EQ(b.flash_bytes, 2u * 1024 * 1024);
  EXPECT_TRUE(b.has_sd);
  InspectOptions o;
  o.board = "nucleo-f767zi";
  const auto r = inspect_model("zoo:mobilenet_v2_0.35_128", o);
  EXPECT_TRUE(r.fits) << r.placement_reason;
  EXPECT_EQ(r.placement.const_flash, 1695492);
  EXPECT_EQ(r.placement.const_sd, 0);
  for (const auto& l : r.layers) {
    if (l.m.weight_bytes > 0) {
      EXPECT_EQ(l.constants, "FLASH") << l.m.name;
    }
  }
  EXPECT_NE(format_inspect_json(r).find("\"placement\": {"), std::string::npos);
  for (const char* name : {"nucleo-f091rc", "nucleo-f207zg", "nucleo-f429zi", "nucleo-f746zg"}) {
    if (!std::filesystem::exists(std::string("configs/boards/") + name + ".yaml")) continue;
    const auto bb = placement_board_from_preset(name);
    EXPECT_GT(bb.sram_bytes, 0u) << name;
    EXPECT_GT(bb.flash_bytes, bb.firmware_bytes) << name;
  }
}
