#pragma once
// Q-format Qm.n (paper §6.1): n = bits - 1 - m fractional bits, m integer bits, one
// sign bit; values are multiples of 2^-n in [-2^m, 2^m - 2^-n], split uniformly.
#include <cstdint>

namespace mcusim::wl::quant {

struct QFormat {
  int bits = 8;       // total, sign included (8 or 16)
  int int_bits = 0;   // m (may be negative for tensors much smaller than 1)
  int frac_bits = 7;  // n = bits - 1 - m
  double min() const;   // -2^m
  double max() const;   // 2^m - 2^-n
  double step() const;  // 2^-n
};

// Qm.n with m integer bits.
QFormat qformat(int bits, int int_bits);
// The format with the most fractional bits whose range still covers [-max_abs, max_abs]
// (values above max() saturate by at most one step, as CMSIS-NN's q7 tooling does).
// m is clamped to [-(bits-1), bits-1].
QFormat choose_qformat(int bits, double max_abs);

}  // namespace mcusim::wl::quant
