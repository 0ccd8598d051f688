#include "sim/run/quant_cost.hpp"

#include "sim/core/error.hpp"
#include "workloads/quant/scheme.hpp"
#include "workloads/quant/summary.hpp"

namespace mcusim {
namespace {

double price(const wl::quant::WorkCounts& w, const std::map<std::string, double>& prices,
             const std::string& scheme) {
  double instr = 0;
  for (const auto& [name, count] : w) {
    auto it = prices.find(name);
    if (it == prices.end())
      throw InputError("engine.quant_costs has no price for '" + name + "' (needed by " + scheme + ")");
    instr += it->second * static_cast<double>(count);
  }
  return instr;
}

bool has_weights(const std::string& kernel) {
  return kernel.rfind("conv", 0) == 0 || kernel.rfind("dw", 0) == 0 || kernel == "fc";
}

}  // namespace

std::vector<double> quant_extra_instructions(const wl::Graph& g,
                                             const std::vector<wl::LayerMetrics>& layers,
                                             const std::string& scheme,
                                             const std::map<std::string, double>& prices) {
  const auto s = wl::quant::make_scheme(scheme);
  const auto base = wl::quant::make_scheme("int8-affine-pc");
  std::vector<double> extra(layers.size(), 0.0);
  // Unpack work (code-book) comes from the real (or generated) weights.
  wl::quant::QuantSummary qs;
  const bool unpacks = s->name().rfind("codebook", 0) == 0;
  if (unpacks) qs = wl::quant::quantize_graph(g, *s);
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const auto& m = layers[i];
    if (!has_weights(m.kernel)) continue;
    const wl::quant::LayerShape shape{m.macs, m.elements};
    extra[i] = price(s->kernel_work(shape), prices, scheme) -
               price(base->kernel_work(shape), prices, "int8-affine-pc");
    if (unpacks && i < qs.layers.size()) extra[i] += price(qs.layers[i].unpack, prices, scheme);
  }
  return extra;
}

}  // namespace mcusim
