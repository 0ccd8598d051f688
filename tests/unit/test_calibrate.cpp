#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "sim/calibrate/fit.hpp"
#include "sim/calibrate/measurements.hpp"
#include "sim/core/error.hpp"
#include "sim/core/sha256.hpp"

using namespace mcusim;
using namespace mcusim::cal;

TEST(Sha256, KnownVectors) {
  // FIPS 180-4 examples.
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

namespace {
Observation ob(const char* core, double a, double b, double a_fc, double measured,
               const std::string& group, double layers_s = 0) {
  Observation o;
  o.core = core;
  o.a = a;
  o.b = b;
  o.a_fc = a_fc;
  o.measured = measured;
  o.group = group;
  o.layers_s = layers_s;
  return o;
}
}  // namespace

TEST(CalibrateFit, RecoversKnownCpisExactlyAndPredictsHeldOutRows) {
  // Two cores with CPI 1.7 and 0.9; memory time b added. Rows of distinct groups.
  std::vector<Observation> obs;
  const double cpi4 = 1.7, cpi7 = 0.9;
  int g = 0;
  for (double a : {0.010, 0.200, 0.050}) {
    obs.push_back(ob("cortex-m4", a, 0.001, 0.0, cpi4 * a + 0.001, "g" + std::to_string(g++)));
    obs.push_back(ob("cortex-m7", a / 2, 0.002, 0.0, cpi7 * a / 2 + 0.002, "g" + std::to_string(g++)));
  }
  const FitResult f = fit_cpi(obs, false);
  EXPECT_NEAR(f.cpi.at("cortex-m4"), cpi4, 1e-12);
  EXPECT_NEAR(f.cpi.at("cortex-m7"), cpi7, 1e-12);
  for (std::size_t i = 0; i < obs.size(); ++i) {
    EXPECT_NEAR(f.predicted[i], obs[i].measured, 1e-12);
    EXPECT_NEAR(f.loo_predicted[i], obs[i].measured, 1e-12);  // noiseless: held out exact too
  }
}

TEST(CalibrateFit, SharedFcScaleIsRecoveredAndGroupsAreHeldOutTogether) {
  std::vector<Observation> obs;
  const double k = 1.3;
  obs.push_back(ob("cortex-m4", 0.010, 0.0, 0.020, 1.5 * (0.010 + k * 0.020), "a"));
  obs.push_back(ob("cortex-m4", 0.300, 0.0, 0.001, 1.5 * (0.300 + k * 0.001), "b"));
  obs.push_back(ob("cortex-m7", 0.005, 0.0, 0.010, 0.8 * (0.005 + k * 0.010), "c"));
  obs.push_back(ob("cortex-m7", 0.150, 0.0, 0.0005, 0.8 * (0.150 + k * 0.0005), "d"));
  const FitResult f = fit_cpi(obs, true);
  EXPECT_NEAR(f.fc_scale, k, 1e-4);
  EXPECT_NEAR(f.cpi.at("cortex-m4"), 1.5, 1e-4);
  // A core whose only row is held out has no prediction.
  std::vector<Observation> one = {obs[0], obs[2], obs[3]};
  const FitResult g = fit_cpi(one, false);
  EXPECT_TRUE(std::isnan(g.loo_predicted[0]));
}

TEST(CalibrateFit, PerLayerOverheadIsRecoveredWhenPresentAndNeverNegative) {
  // 5000 cycles per layer at 100 MHz (layers_s = layers / f).
  std::vector<Observation> obs;
  const double c = 5000;
  int g = 0;
  for (double a : {0.002, 0.05, 0.3})
    for (double layers : {10.0, 60.0}) {
      const double ls = layers / 100e6;
      obs.push_back(ob("cortex-m4", a, 0.0, 0.0, 1.2 * a + c * ls, "g" + std::to_string(g++), ls));
    }
  const FitResult f = fit_cpi(obs, false, true);
  EXPECT_NEAR(f.layer_cycles, c, 1e-6);
  EXPECT_NEAR(f.cpi.at("cortex-m4"), 1.2, 1e-9);
  // Data with less time than the CPI model alone explains: the overhead clamps to 0.
  for (auto& o : obs) o.measured = 1.2 * o.a - 100 * o.layers_s;
  EXPECT_EQ(fit_cpi(obs, false, true).layer_cycles, 0.0);
}

TEST(CalibrateMeasurements, ParsesTheSharedFileAndSupplyVoltages) {
  const auto rows = read_measurements("../shared/calibration/measurements.csv");
  ASSERT_GT(rows.size(), 90u);
  EXPECT_EQ(rows[0].id, "1");
  EXPECT_EQ(preset_name_of(rows[0].board), "nucleo-l4r5zi");
  EXPECT_DOUBLE_EQ(rows[0].latency_ms, 10.052);
  EXPECT_DOUBLE_EQ(rows[0].supply_v, 1.8);
  EXPECT_DOUBLE_EQ(rows[0].energy_uj, 416.312);
}

TEST(CalibrateMeasurements, RejectsMalformedFiles) {
  const std::string p = ::testing::TempDir() + "bad_meas.csv";
  std::ofstream(p) << "row_id,board\n1,x\n";
  EXPECT_THROW(read_measurements(p), InputError);
  std::ofstream(p) << "row_id,board,core,clock_mhz,benchmark,model_file,engine,latency_ms\n"
                      "1,b,c,-5,ad,m.tflite,e,1.0\n";
  EXPECT_THROW(read_measurements(p), InputError);
}
