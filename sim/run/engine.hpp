#pragma once
// A kernel library's cost profile (configs/engines/*.yaml): instructions per MAC,
// per output element and per call for each MAC kernel class, per-element costs for
// the other operators, and how instructions become cycles on each core: either one flat
// `cpi` per core, or (with `class_mix: LIBRARY` or `[LIB1, LIB2, ...]`) the core's
// per-class timing (configs/cores/) applied to the libraries' measured instruction mix per
// kernel, times a fitted per-core `efficiency`. A core entry may name its own `class_mix`
// and `weight_reuse` (a build whose kernels differ on that core, e.g. TFLM 2.3.1 falling
// back to its reference kernels where the core has no DSP extension).
#include <map>
#include <string>
#include <vector>

#include "devices/cortex_m/timing.hpp"
#include "sim/config/section.hpp"
#include "sim/run/engine_calibration.hpp"
#include "sim/run/weight_reuse.hpp"
#include "workloads/metrics.hpp"

namespace mcusim {

struct KernelCost {
  double per_mac = 0, per_output = 0, per_call = 0;
};
struct ElementCost {
  double per_element = 0, per_call = 0;
};

struct EngineProfile {
  std::string name;
  double cpi = 1.0;  // flat mode: cycles/instruction of the selected core
  // Class mode (class_mix non-empty): cycles/instruction of a kernel = its class CPI on
  // the core (bind_class_timing) x efficiency (FIT by `mcusim calibrate`).
  // Libraries in class_mix.csv, in order: a kernel takes the first library with rows
  // for it on the core, else the first library's all-kernel mix. Empty: flat mode.
  std::vector<std::string> class_mix;
  std::vector<std::string> class_mix_named;   // every library the file names (validated)
  double efficiency = 1.0;
  std::map<std::string, double> class_cpi;    // per kernel, bound for the selected core
  std::map<std::string, std::string> class_source;  // which rows each kernel's mix is
  double default_class_cpi = 0;               // the library's all-kernel mix (extra work)
  std::map<std::string, KernelCost> kernels;   // MAC kernels for the selected core
  std::map<std::string, ElementCost> elementwise;
  // Substrings of measurements.csv engine names this profile models (calibration).
  std::vector<std::string> matches;
  // The model `mcusim calibrate` fits this profile with unless --model says otherwise
  // (engine.calibrate_model; empty: calibrate's default). Not used by a run.
  std::string calibrate_model;
  // FIT: per-kernel-class efficiency multiplying the instruction model (calibrate).
  std::map<std::string, double> kernel_scale;
  // Instructions per named quantization work count (workloads/quant), for
  // workload.quant; ESTIMATES from the kernels' loop bodies unless calibrated.
  std::map<std::string, double> quant_costs;
  // FIT: fixed cycles per layer invocation (dispatch, parameter setup) outside the
  // kernels' measured instructions; added after the CPI scaling.
  double per_layer_cycles = 0;
  // What calibrate recorded (engine.provenance) for the selected core; not used in timing.
  CalibrationInfo calibration;
  // engine.weight_reuse: kernel class -> re-read pattern of the library's loop nest
  // (weight_reuse.hpp); a kernel not listed reads its weights once.
  std::map<std::string, std::string> weight_reuse;
  WeightReuse reuse_for(const wl::LayerMetrics& m) const;
  // engine.weight_fetch, by kernel class: `blocking` (default: each weight load stalls the
  // core for the memory's time) or `overlapped` (the weight stream runs beside the
  // kernel's computation: the layer takes the longer of the two).
  std::map<std::string, std::string> weight_fetch;
  bool overlaps_weights(const std::string& kernel) const;

  // Core cycles the layer's kernel executes (compute only, no memory stalls).
  std::uint64_t cycles(const wl::LayerMetrics& m) const;
  // Cycles per instruction of a kernel on the selected core ("" : unattributed work).
  double cpi_for(const std::string& kernel) const;
  // The fitted per-core multiplier: efficiency in class mode, cpi in flat mode.
  double multiplier() const { return class_mix.empty() ? cpi : efficiency; }
};

// Decodes `engine:` for the given core ("cortex-m7"); other cores' entries are
// validated too, so a typo anywhere in the file is an error.
EngineProfile decode_engine(cfg::Section engine, const std::string& core);

class ClassMixTable;
// Class mode: computes class_cpi of every kernel from the core's timing and the library's
// measured mix (elementwise `pool` uses the `avgpool` rows). No-op in flat mode.
void bind_class_timing(EngineProfile& p, const core::CoreTiming& timing, const ClassMixTable& mixes);

}  // namespace mcusim
