#pragma once
// The calibration models (fit.hpp) that `mcusim calibrate` fits. One of them is THE
// model, fixed in advance rather than chosen by its held-out error: a choice made by
// looking at the held-out errors would make those errors optimistic (measured in this
// repository: nested leave-one-group-out worst 32.8 % / 39.0 % for x-cube-ai / -v9 when
// the choice was data-driven). The others are fitted and printed for comparison; a user
// picks one in advance with --model.
#include <string>
#include <vector>

#include "sim/calibrate/fit.hpp"

namespace mcusim::cal {

struct ModelSpec {
  std::string id;    // `mcusim calibrate --model ID`
  std::string name;
  bool fc_scale = false, layer_overhead = false;
  double prior_sigma = 0;  // > 0: factor = s x prior per core, +- sigma (CorePrior)
};

const std::vector<ModelSpec>& model_specs();

// The model calibrate writes unless --model says otherwise: factor = s x prior, +-25 % per
// core, where the factor is each core's efficiency on its class timing (class mode: the
// prior is 1 for every core, i.e. the timing tables relate the cores) or its flat CPI
// (flat mode: the base profile's CPIs). 25 % because the tables are partly proxies and
// assumptions (configs/cores/SOURCES.md).
inline constexpr const char* kDefaultModel = "prior-25";

// Index of the model whose id is `id`; InputError listing the ids otherwise.
std::size_t model_index(const std::string& id);

FitResult fit_spec(const std::vector<Observation>& obs, const ModelSpec& spec, CorePrior prior);


}  // namespace mcusim::cal
