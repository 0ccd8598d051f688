#pragma once
// Huffman coding (Huffman 1952), used by the code-book scheme to entropy-code cluster
// indices and relative positions (Han et al. 2016 §4). Deterministic: ties between
// equal weights are broken by creation order (leaves in symbol order first), so the
// same frequencies always give the same code.
#include <cstdint>
#include <vector>

namespace mcusim::wl::quant {

// Code length per symbol; 0 for symbols with frequency 0. A single used symbol gets
// length 1 (a decoder still needs one bit per symbol to count them).
std::vector<int> huffman_code_lengths(const std::vector<std::uint64_t>& freq);

// Canonical codes for the lengths (DEFLATE, RFC 1951 §3.2.2): codes of equal length are
// consecutive in symbol order; code i is the low `lengths[i]` bits, MSB first.
// Storing the lengths alone (one byte per symbol) is enough to rebuild the codes,
// which is how the code-book scheme counts the code-table overhead.
std::vector<std::uint64_t> canonical_codes(const std::vector<int>& lengths);

// Sum of freq[i] * lengths[i]: the encoded bitstream length.
std::uint64_t encoded_bits(const std::vector<std::uint64_t>& freq, const std::vector<int>& lengths);

}  // namespace mcusim::wl::quant
