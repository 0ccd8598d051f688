#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "sim/calibrate/fit.hpp"
#include "sim/calibrate/measurements.hpp"
#include "sim/calibrate/report.hpp"
#include "sim/core/error.hpp"
#include "sim/core/sha256.hpp"
#include "sim/run/engine_calibration.hpp"

#include <yaml-cpp/yaml.h>

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
  EXPECT_EQ(rows[0].bank_mode, "");  // row 1 states no bank mode
  int single = 0, dual = 0;
  for (const auto& r : rows) {
    if (r.id == "57") {
      EXPECT_EQ(r.bank_mode, "dual");  // "... / Dual Bank Mode Activated"
    }
    if (r.id == "229") {
      EXPECT_EQ(r.bank_mode, "single");  // "... / Single Bank Mode Activated"
    }
    single += r.bank_mode == "single";
    dual += r.bank_mode == "dual";
  }
  EXPECT_EQ(single, 6);  // rows 117-118, 185-186, 229-230 (grep -c "Single Bank Mode")
  EXPECT_EQ(dual, 12);   // grep -c "Dual Bank Mode" measurements.csv
}

TEST(CalibrateMeasurements, RejectsMalformedFiles) {
  const std::string p = ::testing::TempDir() + "bad_meas.csv";
  std::ofstream(p) << "row_id,board\n1,x\n";
  EXPECT_THROW(read_measurements(p), InputError);
  std::ofstream(p) << "row_id,board,core,clock_mhz,benchmark,model_file,engine,latency_ms\n"
                      "1,b,c,-5,ad,m.tflite,e,1.0\n";
  EXPECT_THROW(read_measurements(p), InputError);
}

// CorePrior: CPI = s x prior[core], each core free to deviate by ~sigma.
TEST(CalibrateFit, CorePriorRecoversConsistentCpisAndPredictsUnseenCores) {
  const CorePrior prior{{{"cortex-m4", 2.0}, {"cortex-m7", 1.0}, {"cortex-m33", 1.6}}, 0.25};
  // Noiseless rows whose CPIs are exactly 0.75 x the prior: no residual, no penalty.
  std::vector<Observation> obs;
  obs.push_back(ob("cortex-m4", 0.010, 0.001, 0.0, 1.5 * 0.010 + 0.001, "a"));
  obs.push_back(ob("cortex-m4", 0.200, 0.002, 0.0, 1.5 * 0.200 + 0.002, "b"));
  obs.push_back(ob("cortex-m7", 0.100, 0.000, 0.0, 0.75 * 0.100, "c"));
  const FitResult f = fit_cpi(obs, false, false, 0.2, 20.0, prior);
  EXPECT_NEAR(f.prior_scale, 0.75, 1e-6);
  EXPECT_NEAR(f.cpi.at("cortex-m4"), 1.5, 1e-6);
  EXPECT_NEAR(f.cpi.at("cortex-m7"), 0.75, 1e-6);
  EXPECT_NEAR(f.cpi.at("cortex-m33"), 1.2, 1e-6);  // no rows: s x prior
  // The M7's only row held out: predicted from s x prior, which the M4 rows fix.
  EXPECT_NEAR(f.loo_predicted[2], obs[2].measured, 1e-6 * obs[2].measured);
  // Without a prior that row has no prediction.
  EXPECT_TRUE(std::isnan(fit_cpi(obs, false).loo_predicted[2]));
}

TEST(CalibrateFit, CorePriorShrinksADeviatingCoreBySigma) {
  // M4 rows say CPI 1.0 (prior 1.0); the M7 row says 0.8 while its prior ratio says 0.5.
  std::vector<Observation> obs;
  obs.push_back(ob("cortex-m4", 0.10, 0, 0, 0.10, "a"));
  obs.push_back(ob("cortex-m4", 0.30, 0, 0, 0.30, "b"));
  obs.push_back(ob("cortex-m7", 0.10, 0, 0, 0.08, "c"));
  auto fit_with = [&](double sigma) {
    return fit_cpi(obs, false, false, 0.2, 20.0, CorePrior{{{"cortex-m4", 1.0}, {"cortex-m7", 0.5}}, sigma});
  };
  const double loose = fit_with(10.0).cpi.at("cortex-m7");
  const double mid = fit_with(0.25).cpi.at("cortex-m7");
  const double tight = fit_with(0.01).cpi.at("cortex-m7");
  EXPECT_NEAR(loose, 0.8, 0.01);                 // the data wins
  EXPECT_NEAR(tight / fit_with(0.01).cpi.at("cortex-m4"), 0.5, 0.01);  // the prior ratio wins
  EXPECT_GT(mid, tight);
  EXPECT_LT(mid, loose);
  // Closed form for the M7 column at the fitted s: c = (xy + w t) / (xx + w),
  // x = a/m = 1.25, y = 1, t = s x 0.5, w = 1 / (sigma t)^2.
  const FitResult m = fit_with(0.25);
  const double t = m.prior_scale * 0.5, w = 1 / ((0.25 * t) * (0.25 * t));
  EXPECT_NEAR(mid, (1.25 + w * t) / (1.25 * 1.25 + w), 1e-9);
}

TEST(CalibrateReport, NeedIsTheComputeScaleThatMakesEachRowExact) {
  // One core, one factor: an FC-bound row whose compute is 1.4x what the fit gives and a
  // conv-bound row 0.9x. With per-core factor c fitted on both, row i's prediction is
  // c*a_i + b_i, and need_i = (measured_i - b_i) / (c*a_i) exactly.
  std::vector<Observation> obs;
  obs.push_back(ob("cortex-m33", 0.002, 0.001, 0.0, 1.4 * 0.002 + 0.001, "ad"));
  obs.push_back(ob("cortex-m33", 0.100, 0.0005, 0.0, 0.9 * 0.100 + 0.0005, "ic"));
  const FitResult f = fit_cpi(obs, false);
  const double c = f.cpi.at("cortex-m33");
  std::vector<Measurement> used(2);
  used[0].id = "1"; used[0].benchmark = "ad"; used[0].latency_ms = obs[0].measured * 1e3;
  used[1].id = "2"; used[1].benchmark = "ic"; used[1].latency_ms = obs[1].measured * 1e3;
  const Report r = make_report(used, obs, {0.02, 0.02}, f);
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_NEAR(r.rows[0].need, 1.4 / c, 1e-9);
  EXPECT_NEAR(r.rows[1].need, 0.9 / c, 1e-9);
  EXPECT_GT(r.rows[0].need, 1.0);  // the FC-bound row needs more than its core's factor
  EXPECT_LT(r.rows[1].need, 1.0);
  ASSERT_EQ(r.need.size(), 2u);  // per (core, benchmark), sorted: ad then ic
  EXPECT_EQ(r.need[0].benchmark, "ad");
  EXPECT_NEAR(r.need[0].median, 1.4 / c, 1e-9);
  EXPECT_EQ(r.need[1].rows, 1);
  const std::string text = format_report(r, {});
  EXPECT_NE(text.find("cortex-m33: ad "), std::string::npos);
}

TEST(CalibrationInfo, ReadsCalibratesProvenanceForTheRunsCore) {
  const YAML::Node pv = YAML::Load(
      "rows_used: [49, 50, 53]\n"
      "fitted: {cortex-m7: {efficiency: 0.7, rows: 2}, cortex-m0: {efficiency: 0.7, rows: 0}}\n"
      "latency_loo_group_median_abs_err: 0.1056\n"
      "latency_loo_group_worst_abs_err: 0.2639\n");
  const CalibrationInfo m7 = decode_calibration(pv, "cortex-m7");
  EXPECT_TRUE(m7.calibrated);
  EXPECT_EQ(m7.rows, 3);
  EXPECT_EQ(m7.core_rows, 2);
  EXPECT_DOUBLE_EQ(m7.heldout_median, 0.1056);
  EXPECT_DOUBLE_EQ(m7.heldout_worst, 0.2639);
  EXPECT_EQ(calibration_line(m7, "x", "cortex-m7"),
            "calibration: x fitted to 3 measured rows, 2 on cortex-m7; held-out latency error "
            "median 10.6 %, worst 26.4 %\n");
  EXPECT_EQ(decode_calibration(pv, "cortex-m33").core_rows, 0);  // core not listed
  EXPECT_NE(calibration_line(decode_calibration(pv, "cortex-m0"), "x", "cortex-m0").find("cross-core prior"),
            std::string::npos);
  // Hand-written provenance (no rows_used): not a calibrate result.
  EXPECT_FALSE(decode_calibration(YAML::Load("note: hand-made"), "cortex-m7").calibrated);
  EXPECT_FALSE(decode_calibration(YAML::Node(), "cortex-m7").calibrated);
}

TEST(CalibrationInfo, MalformedProvenanceIsAnInputErrorNamingTheKey) {
  auto msg = [](const char* text) {
    try {
      decode_calibration(YAML::Load(text), "cortex-m7");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  const char* errs = "latency_loo_group_median_abs_err: 0.1\nlatency_loo_group_worst_abs_err: 0.2\n";
  EXPECT_EQ(msg("rows_used: 7"), "engine.provenance.rows_used: expected a list of measurement row ids");
  EXPECT_EQ(msg((std::string("rows_used: [1]\nfitted: {cortex-m7: {rows: 2}}\n") + errs).c_str()),
            "engine.provenance.fitted.cortex-m7.rows: exceeds the rows_used count");
  EXPECT_EQ(msg((std::string("rows_used: [1]\nfitted: {cortex-m7: {rows: -1}}\n") + errs).c_str()),
            "engine.provenance.fitted.cortex-m7.rows: must not be negative");
  EXPECT_EQ(msg("rows_used: [1]\nlatency_loo_group_worst_abs_err: 0.2\n"),
            "engine.provenance.latency_loo_group_median_abs_err: missing (written by mcusim calibrate)");
  EXPECT_EQ(msg("rows_used: [1]\nlatency_loo_group_median_abs_err: x\nlatency_loo_group_worst_abs_err: 0.2\n"),
            "engine.provenance.latency_loo_group_median_abs_err: expected a number");
  EXPECT_EQ(msg("[1, 2]"), "engine.provenance: expected a map");
}
