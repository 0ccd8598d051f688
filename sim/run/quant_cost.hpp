#pragma once
// Prices a quantization scheme's named work counts (workloads/quant) in instructions
// per layer, relative to the representation the engine's instruction model was
// measured with (CMSIS-NN s8 kernels: int8 affine, per-channel weights). Paper Fig. 7:
// Q-format drops the zero-point/offset arithmetic, code-book adds Huffman decoding and
// de-clustering of every weight each inference (paper §3.1: the layer's compressed
// blob is unpacked before it runs).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "workloads/graph.hpp"
#include "workloads/metrics.hpp"

namespace mcusim {

// Extra instructions per layer (may be negative) for `scheme` against int8-affine-pc.
// Throws InputError for an unknown scheme or a work count with no price.
std::vector<double> quant_extra_instructions(const wl::Graph& g,
                                             const std::vector<wl::LayerMetrics>& layers,
                                             const std::string& scheme,
                                             const std::map<std::string, double>& prices);

}  // namespace mcusim
