// Transfer workloads (sim/run/transfers.hpp) and layer selection (layer_filter.hpp):
// strict decoding, block lowering at the documented addresses, and the flash
// erase-before-write cost showing up when the target range holds old data.
#include <gtest/gtest.h>

#include <functional>

#include "sim/core/error.hpp"
#include "sim/run/devices.hpp"
#include "sim/run/layer_filter.hpp"
#include "sim/run/paths.hpp"
#include "sim/run/plan.hpp"
#include "sim/run/transfers.hpp"

using namespace mcusim;

namespace {
std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}
cfg::Tree tree_with(const std::string& workload) {
  cfg::Tree t;
  t.merge_file(preset_path("cards", "sd-2gb-class4"));
  t.merge_file(preset_path("boards", "nucleo-f767zi"));
  t.merge_text(workload, "exp.yaml");
  return t;
}
std::vector<TransferSpec> decode(const cfg::Tree& t) {
  auto wl = cfg::Section::root(t).section("workload");
  auto v = decode_transfers(wl, t, wl.string("model"));
  wl.finish();
  return v;
}
BoardInfo board_of(const cfg::Tree& t) { return decode_board(cfg::Section::root(t).section("board")); }
}  // namespace

TEST(Transfers, DecodesBlocksAndDefaults) {
  auto t = tree_with(
      "workload:\n  model: transfers\n  transfers:\n"
      "    - {op: write, device: flash, bytes: 1MiB, block: 16KiB}\n"
      "    - {op: read, device: sd, bytes: 200KB}\n"
      "    - {op: write, device: flash, bytes: 4KiB, prior: erased}\n");
  auto v = decode(t);
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0].op, TransferSpec::Op::Write);
  EXPECT_EQ(v[0].device, Location::Flash);
  EXPECT_EQ(v[0].bytes, 1048576u);
  EXPECT_EQ(v[0].block, 16384u);
  EXPECT_TRUE(v[0].prior_data);       // flash writes default to old data in the range
  EXPECT_EQ(v[1].bytes, 200000u);     // KB is decimal
  EXPECT_EQ(v[1].block, 200000u);     // block defaults to the whole transfer
  EXPECT_FALSE(v[1].prior_data);
  EXPECT_FALSE(v[2].prior_data);
}

TEST(Transfers, StrictKeysAndValues) {
  auto err = [](const std::string& entry) {
    auto t = tree_with("workload:\n  model: transfers\n  transfers:\n    - " + entry + "\n");
    return error_of([&] { decode(t); });
  };
  EXPECT_NE(err("{op: write, device: flash, bytes: 1KiB, colour: red}").find("colour"), std::string::npos);
  // The tree keeps origins per mapping key, not per list entry: the file and the full
  // key path are named.
  EXPECT_NE(err("{op: write, device: flash, bytes: 1KiB, colour: red}").find("exp.yaml:1: workload.transfers[0].colour"), std::string::npos);
  EXPECT_NE(err("{op: erase, device: flash, bytes: 1KiB}").find("op"), std::string::npos);
  EXPECT_NE(err("{op: read, device: dram, bytes: 1KiB}").find("device"), std::string::npos);
  EXPECT_NE(err("{op: read, device: sd, bytes: 1GHz}").find("bytes"), std::string::npos);
  EXPECT_NE(err("{op: read, device: sd, bytes: 1KiB, block: 2KiB}").find("block"), std::string::npos);
  EXPECT_NE(err("{op: read, device: flash, bytes: 1KiB, prior: data}").find("prior"), std::string::npos);
  EXPECT_NE(err("{op: read, device: sd}").find("missing"), std::string::npos);
  // transfers belong to `model: transfers` only, and need at least one entry.
  auto t = tree_with("workload:\n  model: zoo:mobilenet_v2_0.35_128\n  transfers: [{op: read, device: sd, bytes: 1B}]\n");
  EXPECT_NE(error_of([&] { decode(t); }).find("only used with"), std::string::npos);
  auto e = tree_with("workload:\n  model: transfers\n  transfers: []\n");
  EXPECT_NE(error_of([&] { decode(e); }).find("transfers"), std::string::npos);
}

TEST(Transfers, LowersEachBlockToItsStepsAtTheDeviceBase) {
  auto t = tree_with(
      "workload:\n  model: transfers\n  transfers:\n"
      "    - {op: write, device: flash, bytes: 40KiB, block: 16KiB, prior: erased}\n"
      "    - {op: read, device: sd, bytes: 1024B, block: 512B}\n"
      "    - {op: read, device: sram, bytes: 100B}\n");
  const BoardInfo b = board_of(t);
  DeviceSet dev = build_devices(t, b);
  TransferWork w = lower_transfers(decode(t), t, b, dev);
  ASSERT_EQ(w.rows.size(), 6u);  // 3 flash blocks (16+16+8 KiB), 2 SD blocks, 1 SRAM
  EXPECT_EQ(w.rows[0].name, "t0_write_flash_0");
  EXPECT_EQ(w.rows[2].output_bytes, 8192);
  EXPECT_EQ(w.rows[0].macs, 0u);
  EXPECT_EQ(w.device[3], "sd");
  // Write: source read in SRAM, then the flash write after the firmware.
  ASSERT_EQ(w.work[1].steps.size(), 2u);
  EXPECT_EQ(w.work[1].steps[0].kind, Step::Kind::Read);
  EXPECT_EQ(w.work[1].steps[0].addr, dev.sram_base);
  EXPECT_EQ(w.work[1].steps[1].kind, Step::Kind::Write);
  EXPECT_EQ(w.work[1].steps[1].addr, dev.flash_base + b.firmware_bytes + 16384);
  EXPECT_EQ(w.work[1].steps[1].bytes, 16384u);
  // Reads: one step each; SD from card address 0 of the window.
  ASSERT_EQ(w.work[4].steps.size(), 1u);
  EXPECT_EQ(w.work[4].steps[0].addr, kSdWindowBase + 512);
  EXPECT_EQ(w.work[5].steps[0].addr, dev.sram_base + 16384);  // above the source buffer
  for (std::size_t i = 0; i < w.work.size(); ++i) EXPECT_EQ(w.work[i].index, static_cast<int>(i));
}

TEST(Transfers, FlashWriteOverOldDataErasesThenPrograms) {
  const std::string x = "workload:\n  model: transfers\n  transfers:\n"
                        "    - {op: write, device: flash, bytes: 16KiB, prior: ";
  auto cost = [&](const std::string& prior) {
    auto t = tree_with(x + prior + "}\n");
    const BoardInfo b = board_of(t);
    DeviceSet dev = build_devices(t, b);
    TransferWork w = lower_transfers(decode(t), t, b, dev);
    const Step& s = w.work[0].steps[1];
    return dev.flash->write(s.addr, s.bytes, 0);
  };
  // 16 KiB at flash + 110,844 B lies in 32 KiB sector 3 (96..128 KiB): erase 350 ms
  // (x32 column) + 4096 words x 16 us = 65.536 ms program; erased range: program only.
  const dev::Cost old = cost("data"), blank = cost("erased");
  EXPECT_EQ(blank.time, seconds_to_ps(4096 * 16e-6));
  EXPECT_EQ(old.time, seconds_to_ps(0.350) + seconds_to_ps(4096 * 16e-6));
  EXPECT_NEAR(old.energy_j, (0.350 + 0.065536) * 12e-3 * 3.3, 1e-9);
}

TEST(Transfers, RejectsTransfersLargerThanTheDevice) {
  auto t = tree_with("workload:\n  model: transfers\n  transfers:\n"
                     "    - {op: write, device: flash, bytes: 2MiB}\n");
  const BoardInfo b = board_of(t);
  DeviceSet dev = build_devices(t, b);
  const std::string e = error_of([&] { lower_transfers(decode(t), t, b, dev); });
  EXPECT_NE(e.find("exp.yaml:3: workload.transfers[0]"), std::string::npos) << e;
  EXPECT_NE(e.find("do not fit the flash"), std::string::npos) << e;
}

TEST(LayerFilter, SelectsByNameInModelOrderAndRejectsUnknownNames) {
  std::vector<wl::LayerMetrics> m(4);
  const char* names[] = {"conv_first", "dw_1", "conv_last", "fc"};
  for (int i = 0; i < 4; ++i) {
    m[static_cast<std::size_t>(i)].index = i;
    m[static_cast<std::size_t>(i)].name = names[i];
  }
  auto t = tree_with("workload:\n  model: zoo:x\n  layers: [fc, conv_last]\n");
  auto wl = cfg::Section::root(t).section("workload");
  wl.string("model");
  LayerFilter f = decode_layer_filter(wl, t);
  wl.finish();
  EXPECT_EQ(select_layers(m, f), (std::vector<std::size_t>{2, 3}));
  EXPECT_EQ(select_layers(m, LayerFilter{}).size(), 4u);
  f.names.push_back("conv_lsat");
  const std::string e = error_of([&] { select_layers(m, f); });
  EXPECT_NE(e.find("exp.yaml:3"), std::string::npos) << e;
  EXPECT_NE(e.find("no layer 'conv_lsat'"), std::string::npos) << e;
  for (const char* bad : {"layers: []\n", "layers: conv_last\n", "layers: [a, a]\n", "layers: [{x: 1}]\n"}) {
    auto b = tree_with(std::string("workload:\n  model: zoo:x\n  ") + bad);
    auto s = cfg::Section::root(b).section("workload");
    EXPECT_NE(error_of([&] { decode_layer_filter(s, b); }).find("workload.layers"), std::string::npos) << bad;
  }
}
