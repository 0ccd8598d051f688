#pragma once
// Code-book compression (paper §6.1 "Code-book"; Deep Compression, Han et al. 2016):
// optional magnitude pruning, K-means weight sharing, then Huffman coding of the
// cluster indices (and, when pruned, of the relative positions of the kept weights).
//
// Storage layout counted per tensor (documented so the byte counts can be checked):
//   payload  = ceil(bits / 8), bits = Huffman-coded cluster indices (+ relative
//              indices when pruned), one bitstream per tensor;
//   overhead = k centroids (1 byte each as 8-bit Q-format, the paper's set-up; 4 bytes
//              as float32 for the Deep Compression comparison)
//            + one code-length byte per symbol of each Huffman alphabet (canonical
//              Huffman, RFC 1951 §3.2.2: the lengths rebuild the code)
//            + 4 bytes: the number of encoded entries.
// Pruned tensors are stored as Han et al.'s sparse format (§2): each kept weight
// carries the gap to the previous one in b bits (8 for conv, 5 for fc layers); a gap
// longer than 2^b inserts a filler entry (an extra "zero" symbol of the index alphabet).
#include <cstdint>
#include <vector>

#include "workloads/quant/scheme.hpp"

namespace mcusim::wl::quant {

struct CodebookEncoding {
  int k = 0;                         // clusters actually used (<= options.k)
  std::int64_t elements = 0, kept = 0, fillers = 0;
  std::vector<double> centroids;
  std::vector<std::uint64_t> index_freq;  // per cluster (+ filler symbol when pruned)
  std::vector<int> index_lengths;         // Huffman code lengths of the cluster indices
  std::vector<std::uint64_t> gap_freq;    // per relative-index symbol (pruned only)
  std::vector<int> gap_lengths;
  std::uint64_t index_bits = 0, gap_bits = 0;  // Huffman-coded stream lengths
  int kmeans_iterations = 0;
  bool kmeans_converged = false;
  std::int64_t payload_bytes = 0, overhead_bytes = 0, unpacked_bytes = 0;
};

CodebookEncoding encode_codebook(const WeightTensor& w, const CodebookOptions& o);

}  // namespace mcusim::wl::quant
