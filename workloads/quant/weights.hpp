#pragma once
// The weight tensors of a graph as real values: dequantized from the model's own
// constant data when it has some (.tflite), or generated when it has none (zoo graphs
// are shapes only).
//
// Synthetic weights: Laplacian, the distribution trained conv/fc weights are commonly
// modelled with (sharply peaked at 0, heavy tails; cf. Han et al. 2016 Fig. 5), with
// scale b = 1/sqrt(fan_in), i.e. standard deviation sqrt(2/fan_in) = He initialisation.
// Drawn by inverse CDF from std::mt19937_64 (whose output the C++ standard fixes),
// seeded with FNV-1a-64 of the tensor name, so every platform gets the same values and
// a tensor's weights do not depend on the rest of the graph.
#include <cstdint>
#include <string>
#include <vector>

#include "workloads/graph.hpp"
#include "workloads/quant/scheme.hpp"

namespace mcusim::wl::quant {

// One weight-bearing layer: CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED with a
// constant filter (input 1) and optionally a constant bias (input 2).
struct WeightSlot {
  int op = -1, weights = -1, bias = -1;  // op index, tensor indices (-1: none)
  WeightKind kind = WeightKind::Conv;
  int channel_axis = 0;       // 0 for OHWI / [out, in]; 3 for depthwise [1, kh, kw, C]
  std::int64_t fan_in = 1;    // inputs per output: kh*kw*cin, kh*kw, or in
};
std::vector<WeightSlot> weight_slots(const Graph& g);

// Real values of the slot's filter: dequantized (q - zero_point) * scale per channel
// for integer data, copied for float32 data, synthetic otherwise.
WeightTensor weight_values(const Graph& g, const WeightSlot& s);

std::uint64_t fnv1a64(const std::string& s);
std::vector<float> synthetic_laplace(std::uint64_t seed, std::size_t n, double b);

}  // namespace mcusim::wl::quant
