#pragma once
// How a kernel library's loop nest re-reads a layer's weights after its first pass, by
// kernel class (engine.weight_reuse: {conv: column_pairs, ...}). The platform charges
// the re-reads through MemoryModel::reread, so a cache that holds the swept region makes
// them free and one that does not pays a refill per line per pass (an ART data cache of
// 8 lines, an 8 KiB ICACHE, a 16 KiB M7 D-cache against a 36 KiB filter).
//
// Patterns (passes = re-reads after the first read; npix = output pixels = MACs/params):
//  once          no re-read (FULLY_CONNECTED at batch 1; libraries whose loop order is
//                not known).
//  column_pairs  all weights once per two output pixels: CMSIS-NN arm_convolve_s8 (DSP
//                path: im2col of two columns, then arm_nn_mat_mult_kernel_s8_s16 over
//                every output channel pair). passes = ceil(npix / 2) - 1.
//  pixels        all weights once per output pixel: CMSIS-NN arm_depthwise_conv_3x3_s8
//                and arm_depthwise_conv_s8_opt (channels innermost per pixel), TFLM's
//                reference Conv/DepthwiseConv (out_y, out_x, out_c, ky, kx, in_c).
//                passes = npix - 1.
//  row_pairs     one filter row pair (2 x Cin bytes) per pair of output pixels, row pair
//                after row pair: CMSIS-NN arm_nn_mat_mult_nt_t_s8 (1x1 convolutions;
//                rhs row pairs outer, lhs row pairs inner). tiles = Cout / 2,
//                passes = ceil(npix / 2) - 1.
#include <cstdint>
#include <string>
#include <vector>

#include "workloads/metrics.hpp"

namespace mcusim {

struct WeightReuse {
  std::uint64_t tile_bytes = 0, tiles = 0, passes = 0;  // passes 0: nothing re-read
};

const std::vector<std::string>& weight_reuse_patterns();  // sorted names

// The re-read sweep of `pattern` over layer m's weights (m.weight_bytes, m.params).
WeightReuse weight_reuse(const std::string& pattern, const wl::LayerMetrics& m);

}  // namespace mcusim
