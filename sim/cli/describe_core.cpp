// `mcusim describe core --board B [--engine E]`: the compute model the run uses: the
// board's core and clock, the engine's cycles per instruction for that core (fitted by
// `mcusim calibrate` or a prior, as its profile says), and its kernel instruction models
// with the cycles and time per MAC they imply.
#include <cstdio>
#include <iostream>

#include "sim/cli/describe_core.hpp"

namespace mcusim::cli {

void describe_core(const Assembled& a, std::ostream& os) {
  const auto& e = a.engine;
  const auto& core = a.board.core;
  const double f = a.board.sysclk_hz;
  char b[256];
  os << "# core on " << a.board.name << "\n";
  os << "core = " << core << (a.board.fpu ? " (FPU)" : "") << "\n";
  std::snprintf(b, sizeof b, "core.clock = %.6gMHz\n", f / 1e6);
  os << b;
  os << "engine = " << e.name << "\n";
  // Where the CPI comes from: a calibrated profile lists the core under provenance.fitted.
  std::string origin = "PRIOR (not fitted to this engine's measurements)";
  if (const YAML::Node r = a.tree.find("engine.provenance.fitted." + core + ".rows")) {
    const int rows = r.as<int>();
    const YAML::Node model = a.tree.find("engine.provenance.model");
    origin = rows > 0 ? "FIT to " + std::to_string(rows) + " measurement rows"
                      : "FIT: no rows of this core; shared scale x its prior";
    if (model) origin += " (model: " + model.as<std::string>() + ")";
  }
  if (e.class_mix.empty()) {
    std::snprintf(b, sizeof b, "engine.cpi = %.6f cycles/instruction  # %s\n", e.cpi, origin.c_str());
    os << b;
  } else {
    os << "core.cycles (per instruction of each class; configs/cores/" << core << ".yaml):\n ";
    for (std::size_t i = 0; i < core::kClasses.size(); ++i) {
      std::snprintf(b, sizeof b, " %s %g", core::kClasses[i], a.core.cycles[i]);
      os << b;
    }
    os << "\ncore.adjust (per pair statistic):\n ";
    for (std::size_t i = 0; i < core::kStats.size(); ++i) {
      std::snprintf(b, sizeof b, " %s %g", core::kStats[i], a.core.adjust[i]);
      os << b;
    }
    os << "\nengine.class_mix = ";
    for (std::size_t i = 0; i < e.class_mix.size(); ++i) os << (i ? ", " : "") << e.class_mix[i];
    os << "  # measured mixes, configs/engines/data/class_mix.csv" << (e.class_mix.size() > 1 ? " (first with rows per kernel)" : "") << "\n";
    std::snprintf(b, sizeof b, "engine.efficiency = %.6f  # %s\n", e.efficiency, origin.c_str());
    os << b;
  }
  if (e.per_layer_cycles > 0) {
    std::snprintf(b, sizeof b, "engine.per_layer_cycles = %.1f\n", e.per_layer_cycles);
    os << b;
  }
  os << "kernels (instructions = per_mac x MACs + per_output x outputs + per_call):\n";
  for (const auto& [name, k] : e.kernels) {
    double scale = 1.0;
    if (auto it = e.kernel_scale.find(name); it != e.kernel_scale.end()) scale = it->second;
    const double cpi = e.cpi_for(name);
    const double cyc_per_mac = k.per_mac * scale * cpi;
    std::snprintf(b, sizeof b,
                  "  %-17s per_mac %9.4f  per_output %9.3f  per_call %9.1f  x %.4f cycles/instr -> %.3f "
                  "cycles/MAC, %.3f ns/MAC at %.6gMHz\n",
                  name.c_str(), k.per_mac * scale, k.per_output * scale, k.per_call * scale, cpi, cyc_per_mac,
                  cyc_per_mac / f * 1e9, f / 1e6);
    os << b;
    if (auto src = e.class_source.find(name); src != e.class_source.end() && src->second != name)
      os << "      (class mix: " << src->second << ")\n";
  }
  os << "elementwise (instructions per element, per call):\n";
  for (const auto& [name, c] : e.elementwise) {
    std::snprintf(b, sizeof b, "  %-17s per_element %7.2f  per_call %8.1f  x %.4f cycles/instr\n", name.c_str(),
                  c.per_element, c.per_call, e.cpi_for(name));
    os << b;
  }
  // How the library's loops re-read weights (engine.weight_reuse): the memory holding the
  // weights charges the later passes (describe flash for its cache).
  os << "weight re-reads (engine.weight_reuse):";
  if (e.weight_reuse.empty()) os << " none given: every kernel reads its weights once";
  for (const auto& [kernel, pattern] : e.weight_reuse) os << " " << kernel << "=" << pattern;
  os << "\n";
  // engine.weight_fetch: which kernels' weight streams run beside their computation.
  os << "weight fetch (engine.weight_fetch):";
  bool any = false;
  for (const auto& [kernel, mode] : e.weight_fetch)
    if (mode == "overlapped") {
      os << " " << kernel << "=overlapped";
      any = true;
    }
  os << (any ? " (the layer takes the longer of compute and the weight stream); others blocking\n"
             : " blocking: every weight load stalls the core for the memory's time\n");
  os << "memory stalls: not in these figures; the devices add them (describe sram|flash|sd)\n";
}

}  // namespace mcusim::cli
