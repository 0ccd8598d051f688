#pragma once
// Entry points shared by the libFuzzer targets (fuzz_*.cpp, built by scripts/fuzz) and
// the corpus replay test (tests/unit/test_fuzz_corpus.cpp). Each feeds one input to
// the code a run feeds a user file to; InputError is the expected answer to bad input,
// anything else (another exception, a crash, a sanitizer report) is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "devices/cortex_m/timing.hpp"
#include "sim/config/section.hpp"
#include "sim/config/tree.hpp"
#include "sim/core/error.hpp"
#include "sim/run/devices.hpp"
#include "sim/run/engine.hpp"
#include "sim/run/run_config.hpp"
#include "workloads/metrics.hpp"
#include "workloads/tflite/import.hpp"

namespace mcusim::fuzz {

// The .tflite importer on the bytes, then the per-layer analysis a run does next.
// Returns true when the input was accepted.
inline bool tflite_one(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::uint8_t> bytes(data, data + size);
  try {
    wl::Graph g = wl::parse_tflite(bytes, "fuzz.tflite");
    (void)wl::analyze_graph(g);
    return true;
  } catch (const InputError&) {
    return false;
  }
}

// One YAML text merged into a config tree, then every section a run decodes:
// board, power, sim, placement, engine and the devices (sram, flash, sd, card),
// and the resolved-config dump a run writes.
inline bool config_one(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    cfg::Tree t;
    t.merge_text(text, "fuzz.yaml");
    (void)t.dump();
    auto root = cfg::Section::root(t);
    const BoardInfo board = decode_board(root.section("board"));
    (void)decode_power(root.section("power"));
    if (root.has("sim")) (void)decode_sim(root.section("sim"));
    if (root.has("placement")) (void)decode_placement(root.section("placement"));
    (void)decode_engine(root.section("engine"), board.core);
    if (root.has("core")) (void)core::decode_core_timing(root.section("core"));
    (void)build_devices(t, board);
    return true;
  } catch (const InputError&) {
    return false;
  }
}

}  // namespace mcusim::fuzz
