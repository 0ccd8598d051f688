#include "sim/run/engine.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "sim/core/error.hpp"
#include "sim/run/class_mix.hpp"

namespace mcusim {

std::uint64_t EngineProfile::cycles(const wl::LayerMetrics& m) const {
  double instr = 0;
  if (auto k = kernels.find(m.kernel); k != kernels.end()) {
    instr = k->second.per_mac * static_cast<double>(m.macs) +
            k->second.per_output * static_cast<double>(m.elements) + k->second.per_call;
    if (auto sc = kernel_scale.find(m.kernel); sc != kernel_scale.end()) instr *= sc->second;
  } else if (auto e = elementwise.find(m.kernel); e != elementwise.end()) {
    instr = e->second.per_element * static_cast<double>(m.elements) + e->second.per_call;
  } else {
    throw InputError("engine '" + name + "' has no cost for kernel '" + m.kernel +
                     "' (layer " + std::to_string(m.index) + " " + m.name + ")");
  }
  return static_cast<std::uint64_t>(std::llround(instr * cpi_for(m.kernel) + per_layer_cycles));
}

double EngineProfile::cpi_for(const std::string& kernel) const {
  if (class_mix.empty()) return cpi;
  if (default_class_cpi <= 0)
    throw InputError("engine '" + name + "': class timing not bound to a core (internal)");
  auto it = class_cpi.find(kernel);
  return (it != class_cpi.end() ? it->second : default_class_cpi) * efficiency;
}

void bind_class_timing(EngineProfile& p, const core::CoreTiming& timing, const ClassMixTable& mixes) {
  if (p.class_mix.empty()) return;
  for (const auto& lib : p.class_mix_named)
    if (!mixes.has_library(lib))
      throw InputError("engine.class_mix: no library '" + lib + "' in the class-mix table");
  // The first library must cover the core (its all-kernel mix is the fallback); a kernel
  // takes the first library in the list that has rows for it.
  const std::string& first = p.class_mix.front();
  auto bind = [&](const std::string& kernel, const std::string& rows) {
    for (std::size_t i = 0; i < p.class_mix.size(); ++i) {
      if (!mixes.has_rows(p.class_mix[i], timing.name, rows)) continue;
      p.class_cpi[kernel] = timing.cpi(mixes.lookup(p.class_mix[i], timing.name, rows).mix);
      p.class_source[kernel] = i == 0 ? rows : rows + " rows of " + p.class_mix[i];
      return;
    }
    const MixLookup l = mixes.lookup(first, timing.name, rows);
    p.class_cpi[kernel] = timing.cpi(l.mix);
    p.class_source[kernel] = p.class_mix.size() > 1 ? first + ": " + l.source : l.source;
  };
  for (const auto& [k, _] : p.kernels) bind(k, k);
  for (const auto& [k, _] : p.elementwise) bind(k, k == "pool" ? "avgpool" : k);
  p.default_class_cpi = timing.cpi(mixes.lookup(first, timing.name, "*").mix);
}

namespace {

// A map of named numbers, each checked against `ok` (its failure text `what`); merged
// over `into` (later maps override earlier ones: engine-wide, then per core).
void decode_numbers(cfg::Section s, std::map<std::string, double>& into, bool (*ok)(double),
                    const char* what) {
  for (const auto& k : s.keys()) {
    const double v = s.number(k);
    if (!ok(v)) s.fail(k, what);
    into[k] = v;
  }
  s.finish();
}
bool nonneg(double v) { return v >= 0; }
bool positive(double v) { return v > 0; }

void decode_elementwise(cfg::Section el, std::map<std::string, ElementCost>& into) {
  for (const auto& k : el.keys()) {
    auto ec = el.section(k);
    ElementCost cost{ec.number("per_element"), ec.number_or("per_call", 0)};
    if (cost.per_element < 0 || cost.per_call < 0) ec.fail("", "costs must not be negative");
    ec.finish();
    into[k] = cost;
  }
  el.finish();
}

// A key of engine.weight_reuse / weight_fetch must be one of the MAC kernel classes.
void check_kernel_class(cfg::Section& s, const std::string& k) {
  static const char* const kKernels[] = {"conv", "conv_1x1", "conv_1x1_strided", "dw_3x3", "dw", "fc"};
  if (std::find(std::begin(kKernels), std::end(kKernels), k) == std::end(kKernels))
    s.fail(k, "unknown kernel class (expected conv, conv_1x1, conv_1x1_strided, dw_3x3, dw or fc)");
}

// engine.weight_reuse or a core's own: kernel class -> pattern, merged over `into`.
void decode_weight_reuse(cfg::Section wr, std::map<std::string, std::string>& into) {
  for (const auto& k : wr.keys()) {
    check_kernel_class(wr, k);
    into[k] = wr.choice(k, weight_reuse_patterns());
  }
  wr.finish();
}

// engine.weight_fetch: kernel class -> blocking | overlapped.
void decode_weight_fetch(cfg::Section s, std::map<std::string, std::string>& into) {
  for (const auto& k : s.keys()) {
    check_kernel_class(s, k);
    into[k] = s.choice(k, {"blocking", "overlapped"});
  }
  s.finish();
}

// class_mix: one library name or a non-empty list of them.
std::vector<std::string> decode_libraries(cfg::Section& s, const std::string& key) {
  const YAML::Node n = s.raw(key);
  s.allow(key);
  std::vector<std::string> out;
  if (n.IsScalar()) {
    out.push_back(s.string(key));
  } else if (n.IsSequence() && n.size() > 0) {
    for (const auto& e : n) {
      if (!e.IsScalar() || e.as<std::string>().empty())
        s.fail(key, "expected a library name or a list of library names");
      out.push_back(e.as<std::string>());
    }
  } else {
    s.fail(key, "expected a library name or a non-empty list of library names");
  }
  if (out.front().empty()) s.fail(key, "library name must not be empty");
  return out;
}

}  // namespace

EngineProfile decode_engine(cfg::Section engine, const std::string& core) {
  EngineProfile p;
  p.name = engine.string("name");
  engine.string_or("description", "");
  if (engine.has("matches")) {
    YAML::Node m = engine.raw("matches");
    if (!m.IsSequence()) engine.fail("matches", "expected a list of engine names");
    for (const auto& e : m) p.matches.push_back(e.as<std::string>());
  }
  if (engine.has("provenance")) p.calibration = decode_calibration(engine.raw("provenance"), core);
  p.calibrate_model = engine.string_or("calibrate_model", "");
  // The cross-core prior `mcusim calibrate` fitted against (its input profile's CPIs),
  // kept so a refit from this profile uses the same prior. Not used by a run.
  std::map<std::string, double> priors;  // checked, not used by a run
  for (const char* key : {"prior_cpi", "prior_efficiency"})
    if (engine.has(key)) decode_numbers(engine.section(key), priors, positive, "must be positive");
  p.per_layer_cycles = engine.quantity_nonneg_or("per_layer_cycles", Dim::Dimensionless, 0);
  if (engine.has("quant_costs"))
    decode_numbers(engine.section("quant_costs"), p.quant_costs, nonneg, "must not be negative");
  // written by `mcusim calibrate`
  if (engine.has("kernel_scale"))
    decode_numbers(engine.section("kernel_scale"), p.kernel_scale, positive, "must be positive");
  if (engine.has("weight_fetch")) decode_weight_fetch(engine.section("weight_fetch"), p.weight_fetch);
  if (engine.has("weight_reuse")) decode_weight_reuse(engine.section("weight_reuse"), p.weight_reuse);
  if (engine.has("class_mix")) p.class_mix = decode_libraries(engine, "class_mix");
  p.class_mix_named = p.class_mix;
  // Class mode: each core has `efficiency` (cycles = instructions x class CPI x it);
  // flat mode: `cpi`. Exactly one of them, matching the mode.
  const char* mult_key = p.class_mix.empty() ? "cpi" : "efficiency";
  const char* other_key = p.class_mix.empty() ? "efficiency" : "cpi";
  auto cores = engine.section("cores");
  bool found = false;
  std::map<std::string, ElementCost> selected_elementwise;
  std::map<std::string, double> selected_quant;
  std::map<std::string, std::string> selected_reuse;
  std::vector<std::string> selected_mix;
  for (const auto& c : cores.keys()) {
    auto cs = cores.section(c);
    if (cs.has(other_key))
      cs.fail(other_key, p.class_mix.empty() ? "needs engine.class_mix (class timing); without it give cpi"
                                             : "is flat timing; with engine.class_mix give efficiency");
    const double cpi = cs.number(mult_key);
    if (cpi <= 0) cs.fail(mult_key, "must be positive");
    auto ks = cs.section("kernels");
    std::map<std::string, KernelCost> kernels;
    for (const auto& k : ks.keys()) {
      auto kc = ks.section(k);
      KernelCost cost{kc.number("per_mac"), kc.number_or("per_output", 0),
                      kc.number_or("per_call", 0)};
      if (cost.per_mac < 0 || cost.per_output < 0 || cost.per_call < 0)
        kc.fail("", "costs must not be negative");
      kc.finish();
      kernels[k] = cost;
    }
    ks.finish();
    // Per-core element-wise and quantization costs (measured per core) override the
    // engine-wide ones.
    std::map<std::string, ElementCost> core_elementwise;
    if (cs.has("elementwise")) decode_elementwise(cs.section("elementwise"), core_elementwise);
    std::map<std::string, double> core_quant;
    if (cs.has("quant_costs"))
      decode_numbers(cs.section("quant_costs"), core_quant, nonneg, "must not be negative");
    // A core whose build runs other kernels: its own class-mix libraries and re-read
    // patterns (the latter merged over the engine's).
    std::vector<std::string> core_mix;
    if (cs.has("class_mix")) {
      if (p.class_mix.empty())
        cs.fail("class_mix", "needs engine.class_mix (class timing) for the engine as a whole");
      core_mix = decode_libraries(cs, "class_mix");
      p.class_mix_named.insert(p.class_mix_named.end(), core_mix.begin(), core_mix.end());
    }
    std::map<std::string, std::string> core_reuse;
    if (cs.has("weight_reuse")) decode_weight_reuse(cs.section("weight_reuse"), core_reuse);
    cs.finish();
    if (c == core) {
      selected_elementwise = core_elementwise;
      selected_quant = core_quant;
      selected_reuse = core_reuse;
      selected_mix = core_mix;
      (p.class_mix.empty() ? p.cpi : p.efficiency) = cpi;
      p.kernels = kernels;
      found = true;
    }
  }
  cores.finish();
  if (!found) engine.fail("cores", "no entry for core '" + core + "'");
  decode_elementwise(engine.section("elementwise"), p.elementwise);
  for (const auto& [k, cost] : selected_elementwise) p.elementwise[k] = cost;
  for (const auto& [k, v] : selected_quant) p.quant_costs[k] = v;
  for (const auto& [k, v] : selected_reuse) p.weight_reuse[k] = v;
  if (!selected_mix.empty()) p.class_mix = selected_mix;
  engine.finish();
  return p;
}

bool EngineProfile::overlaps_weights(const std::string& kernel) const {
  auto it = weight_fetch.find(kernel);
  return it != weight_fetch.end() && it->second == "overlapped";
}

WeightReuse EngineProfile::reuse_for(const wl::LayerMetrics& m) const {
  auto it = weight_reuse.find(m.kernel);
  return it == weight_reuse.end() ? WeightReuse{} : mcusim::weight_reuse(it->second, m);
}

}  // namespace mcusim
