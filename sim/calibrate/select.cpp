#include "sim/calibrate/select.hpp"

#include "sim/core/error.hpp"

namespace mcusim::cal {

const std::vector<ModelSpec>& model_specs() {
  static const std::vector<ModelSpec> specs = {
      {"per-core", "per-core factor", false, false, 0},
      {"per-core-fc", "per-core factor + shared FC scale", true, false, 0},
      {"per-core-overhead", "per-core factor + per-layer overhead", false, true, 0},
      {"prior-10", "factor = s x prior, +-10 % per core", false, false, 0.10},
      {"prior-25", "factor = s x prior, +-25 % per core", false, false, 0.25},
      {"prior-25-fc", "factor = s x prior, +-25 % per core + shared FC scale", true, false, 0.25},
  };
  return specs;
}

std::size_t model_index(const std::string& id) {
  std::string ids;
  for (std::size_t i = 0; i < model_specs().size(); ++i) {
    if (model_specs()[i].id == id) return i;
    ids += (i ? ", " : "") + model_specs()[i].id;
  }
  throw InputError("calibrate: unknown --model '" + id + "' (expected one of " + ids + ")");
}

FitResult fit_spec(const std::vector<Observation>& obs, const ModelSpec& spec, CorePrior prior) {
  prior.sigma = spec.prior_sigma;
  return fit_cpi(obs, spec.fc_scale, spec.layer_overhead, 0.2, 20.0, prior);
}

}  // namespace mcusim::cal
