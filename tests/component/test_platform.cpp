// One SystemC elaboration per process: this executable runs exactly one simulate().
#include <gtest/gtest.h>

#include <sstream>

#include "devices/device.hpp"
#include "sim/platform/platform.hpp"

using namespace mcusim;

namespace {
// A device with closed-form costs: 10 ns + 1 ns/byte, 2 pJ/byte.
class LinearModel : public dev::MemoryModel {
 public:
  explicit LinearModel(std::string n) : n_(std::move(n)) {}
  std::string name() const override { return n_; }
  dev::Cost read(std::uint64_t, std::uint64_t b, ps_t) override { return cost(b); }
  dev::Cost write(std::uint64_t, std::uint64_t b, ps_t) override { return cost(b); }
  void describe(std::ostream& os) const override { os << n_; }

 private:
  dev::Cost cost(std::uint64_t b) {
    return dev::Cost{10'000 + 1'000 * b, 2e-12 * static_cast<double>(b), {}};
  }
  std::string n_;
};
}  // namespace

TEST(Platform, LayerTimesAndEnergyAreExactAndTheTraceIntegrates) {
  LinearModel sram("sram"), flash("flash");
  PlatformSpec spec;
  spec.core_hz = 100e6;          // 10 ns per cycle
  spec.static_power_w = 0.5;
  spec.bus_latency = 2'000;      // 2 ns per transaction
  spec.targets = {{"sram", Tier::Sram, 0x20000000, 0x10000, &sram},
                  {"flash", Tier::Flash, 0x08000000, 0x100000, &flash}};
  std::vector<LayerWork> work(4);
  work[0].index = 0;
  work[0].steps = {{Step::Kind::Read, 0, 0x08000000, 4096},
                   {Step::Kind::Compute, 1000000, 0, 0},
                   {Step::Kind::Write, 0, 0x20000000, 1024}};
  work[1].index = 1;
  work[1].steps = {{Step::Kind::Read, 0, 0x20000000, 1024}, {Step::Kind::Compute, 500000, 0, 0}};
  // Overlapped weight streams (engine.weight_fetch: overlapped): layer 2's two 4 KiB reads
  // queue at the flash port and outlast its 3 us of compute; layer 3's one read hides
  // behind 10 us of compute.
  Step ov{Step::Kind::Read, 0, 0x08000000, 4096};
  ov.overlap = true;
  work[2].index = 2;
  work[2].steps = {ov, ov, {Step::Kind::Compute, 300, 0, 0}};
  work[3].index = 3;
  work[3].steps = {ov, {Step::Kind::Compute, 1000, 0, 0}};
  SimResult r = simulate(spec, work);

  // Layer 0: flash 2 ns + 10 ns + 4096 ns; compute 10 ms; sram 2 + 10 + 1024 ns.
  const ps_t l0 = (2'000 + 10'000 + 4'096'000) + 10'000'000'000ULL + (2'000 + 10'000 + 1'024'000);
  const ps_t l1 = (2'000 + 10'000 + 1'024'000) + 5'000'000'000ULL;
  // Layer 2: the second read waits for the port: 2 + (4108 - 2) + 10 + 4096 ns after the
  // first's issue = 8214 ns, of which 3 us is compute and the rest shows as flash time.
  const ps_t l2 = 8'214'000, l3 = 10'000'000;
  ASSERT_EQ(r.layers.size(), 4u);
  EXPECT_EQ(r.layers[0].end - r.layers[0].start, l0);
  EXPECT_EQ(r.layers[1].end - r.layers[1].start, l1);
  EXPECT_EQ(r.layers[2].end - r.layers[2].start, l2);
  EXPECT_EQ(r.layers[2].tier_time[static_cast<int>(Tier::Compute)], 3'000'000u);
  EXPECT_EQ(r.layers[2].tier_time[static_cast<int>(Tier::Flash)], l2 - 3'000'000u);
  EXPECT_EQ(r.layers[3].end - r.layers[3].start, l3);
  EXPECT_EQ(r.layers[3].tier_time[static_cast<int>(Tier::Flash)], 0u);
  EXPECT_DOUBLE_EQ(r.layers[3].dyn_energy[static_cast<int>(Tier::Flash)], 4096 * 2e-12);
  EXPECT_EQ(r.end, l0 + l1 + l2 + l3);
  EXPECT_EQ(r.layers[0].tier_time[static_cast<int>(Tier::Compute)], 10'000'000'000ULL);
  EXPECT_EQ(r.layers[0].tier_time[static_cast<int>(Tier::Flash)], 4'108'000u);
  EXPECT_DOUBLE_EQ(r.layers[0].dyn_energy[static_cast<int>(Tier::Flash)], 4096 * 2e-12);

  const double total = r.ledger->total_energy_j(r.end);
  EXPECT_NEAR(total, 0.5 * ps_to_seconds(r.end) + (4096 + 2048 + 3 * 4096) * 2e-12, 1e-15);
  // The 5 kHz samples integrate to the exact total within 0.5%.
  const auto samples = r.ledger->sample(5000, r.end);
  double integral = 0;
  for (const auto& s : samples) integral += s.total_w / 5000;
  const double covered = static_cast<double>(samples.size()) / 5000;
  EXPECT_NEAR(integral / covered, total / ps_to_seconds(r.end), 0.005 * total / ps_to_seconds(r.end));
}
