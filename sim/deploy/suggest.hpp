#pragma once
// Limiting layers (why a layer dominates latency or energy) and the ranked
// suggestions, each with its simulated effect (a variant run diffed against the base).
#include <string>
#include <vector>

#include "sim/deploy/deploy.hpp"

namespace mcusim::deploy {

struct Variant {
  std::string id;                 // directory name under boards/<board>/variants/
  std::vector<std::string> sets;  // extra --set arguments, applied after the user's
  std::string model;              // replacement model; empty = the same
};

// The next smaller width multiplier of a zoo MobileNet ("zoo:mobilenet_v2_0.35_128" ->
// "zoo:mobilenet_v2_0.25_128"); empty when there is none or the model is not one.
std::string smaller_width(const std::string& spec);
std::string width_variant_id(const std::string& width_model);  // "width-mobilenet_v2_0.25_128"

std::vector<Variant> plan_variants(const BoardStatic& st, const RunData& base,
                                   const std::string& model, const wl::Graph& graph);

std::vector<LimitingLayer> limiting_layers(const BoardStatic& st, const RunData& base);

// Passes when the placement fits and latency/energy are within the budgets (0 = none).
bool within(const RunData& r, const DeployRequest& req);

// Fills b.suggestions from b.variants (already read back) and the static analysis.
void make_suggestions(BoardReport& b, const ModelStatic& m, const DeployRequest& req);

}  // namespace mcusim::deploy
