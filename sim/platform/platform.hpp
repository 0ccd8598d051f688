#pragma once
// Entry point of the SystemC platform, in plain C++ so that callers never include
// SystemC headers. simulate() elaborates core -> bus -> memory targets once, runs the
// layers' steps as TLM-2.0 transactions and compute delays, and returns per-layer
// times and the energy ledger. One call per process (SystemC elaborates once).
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "devices/device.hpp"
#include "sim/platform/ledger.hpp"

namespace mcusim {

struct Step {
  // Reread: the kernel sweeps `tiles` consecutive regions of `bytes` (from addr) `passes`
  // more times after its first read (weights reused across output pixels); the target
  // charges only what it adds beyond the core's loads (MemoryModel::reread).
  enum class Kind { Compute, Read, Write, Reread } kind = Kind::Compute;
  std::uint64_t cycles = 0;           // Compute: core cycles
  std::uint64_t addr = 0, bytes = 0;  // Read/Write/Reread: bus address and length
  std::uint64_t tiles = 0, passes = 0;  // Reread only
  // Read/Reread: issued without the core waiting for it (engine.weight_fetch overlapped):
  // the target is busy for its time as usual (later transactions to it queue behind), the
  // core goes on, and the layer ends no earlier than the last overlapped transaction.
  bool overlap = false;
};

struct LayerWork {
  int index = 0;
  std::string name;
  std::vector<Step> steps;  // executed in order
};

struct TargetSpec {
  std::string name;
  Tier tier = Tier::Sram;
  std::uint64_t base = 0, size = 0;  // bus address window
  dev::MemoryModel* model = nullptr;  // owned by the caller
};

struct PlatformSpec {
  double core_hz = 0;
  double static_power_w = 0;   // board baseline + MCU run power
  ps_t bus_latency = 0;        // per transaction through the bus
  std::vector<TargetSpec> targets;
};

struct LayerResult {
  ps_t start = 0, end = 0;
  std::array<ps_t, kTiers> tier_time{};     // time spent per tier
  std::array<double, kTiers> dyn_energy{};  // dynamic energy per tier (J)
  std::uint64_t transactions = 0;
};

struct SimResult {
  std::vector<LayerResult> layers;
  ps_t end = 0;
  std::unique_ptr<Ledger> ledger;
};

SimResult simulate(const PlatformSpec& spec, const std::vector<LayerWork>& work);

}  // namespace mcusim
