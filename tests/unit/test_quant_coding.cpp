// Huffman coding, 1-D K-means and Q-format ranges on small handmade inputs whose
// results can be worked out by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "workloads/quant/huffman.hpp"
#include "workloads/quant/kmeans.hpp"
#include "workloads/quant/qformat.hpp"
#include "workloads/quant/weights.hpp"

using namespace mcusim::wl::quant;

TEST(QuantHuffman, ClassicExampleLengthsAndCanonicalCodes) {
  // CLRS §16.3 frequencies: f:45 gets 1 bit, c/d/b 3 bits, a-free pair 4 bits.
  const std::vector<std::uint64_t> f = {5, 9, 12, 13, 16, 45};
  const auto len = huffman_code_lengths(f);
  EXPECT_EQ(len, (std::vector<int>{4, 4, 3, 3, 3, 1}));
  EXPECT_EQ(encoded_bits(f, len), 224u);
  // Canonical (RFC 1951): 0 | 100 101 110 | 1110 1111.
  EXPECT_EQ(canonical_codes(len), (std::vector<std::uint64_t>{14, 15, 4, 5, 6, 0}));
}

TEST(QuantHuffman, TiesZerosAndSingleSymbol) {
  EXPECT_EQ(huffman_code_lengths({1, 1, 1, 1}), (std::vector<int>{2, 2, 2, 2}));
  // Equal weights: the older node is merged first, so symbol 2 gets the short code.
  EXPECT_EQ(huffman_code_lengths({1, 1, 2}), (std::vector<int>{2, 2, 1}));
  EXPECT_EQ(huffman_code_lengths({0, 7, 0}), (std::vector<int>{0, 1, 0}));
  EXPECT_EQ(huffman_code_lengths({0, 0}), (std::vector<int>{0, 0}));
}

TEST(QuantHuffman, PrefixFreeAndKraftOnSkewedAlphabet) {
  std::vector<std::uint64_t> f;
  for (int i = 0; i < 40; ++i) f.push_back(static_cast<std::uint64_t>(1 + i * i * i));
  const auto len = huffman_code_lengths(f);
  const auto code = canonical_codes(len);
  double kraft = 0;
  for (int l : len) kraft += std::ldexp(1.0, -l);
  EXPECT_DOUBLE_EQ(kraft, 1.0);  // a full binary tree
  for (std::size_t a = 0; a < f.size(); ++a)
    for (std::size_t b = 0; b < f.size(); ++b) {
      if (a == b || len[a] > len[b]) continue;
      EXPECT_NE(code[b] >> (len[b] - len[a]), code[a]) << a << " prefixes " << b;
    }
}

TEST(QuantKMeans, TwoObviousClusters) {
  const auto r = kmeans_1d({0.0f, 0.1f, 0.2f, 10.0f, 10.1f, 10.2f}, 2, 50);
  ASSERT_EQ(r.centroids.size(), 2u);
  EXPECT_NEAR(r.centroids[0], 0.1, 1e-6);
  EXPECT_NEAR(r.centroids[1], 10.1, 1e-6);
  EXPECT_EQ(r.assignment, (std::vector<int>{0, 0, 0, 1, 1, 1}));
  EXPECT_EQ(r.counts, (std::vector<long long>{3, 3}));
  EXPECT_TRUE(r.converged);
  EXPECT_EQ(r.iterations, 2);  // one pass assigns, the second changes nothing
}

TEST(QuantKMeans, LinearInitThreeClustersAndClamp) {
  // Linear init 1, 10.5, 20 -> {1,2,3} {7,8,9} {20}.
  const auto r = kmeans_1d({1, 2, 3, 7, 8, 9, 20}, 3, 50);
  EXPECT_EQ(r.centroids, (std::vector<double>{2, 8, 20}));
  EXPECT_EQ(r.counts, (std::vector<long long>{3, 3, 1}));
  // k larger than the data: clamped to the number of values.
  EXPECT_EQ(kmeans_1d({1, 2}, 16, 50).centroids.size(), 2u);
  // Iteration cap honoured.
  EXPECT_EQ(kmeans_1d({1, 2, 3, 7, 8, 9, 20, 4, 5, 6}, 4, 1).iterations, 1);
  EXPECT_TRUE(kmeans_1d({}, 4, 5).centroids.empty());
}

TEST(QuantQFormat, RangesOfQmN) {
  const QFormat q07 = qformat(8, 0);
  EXPECT_EQ(q07.frac_bits, 7);
  EXPECT_DOUBLE_EQ(q07.min(), -1.0);
  EXPECT_DOUBLE_EQ(q07.max(), 0.9921875);
  const QFormat q34 = qformat(8, 3);
  EXPECT_DOUBLE_EQ(q34.min(), -8.0);
  EXPECT_DOUBLE_EQ(q34.max(), 7.9375);
  // Chosen formats: the most fractional bits that still cover max |w|.
  EXPECT_EQ(choose_qformat(8, 1.0).int_bits, 0);
  const QFormat small = choose_qformat(8, 0.3);  // [-0.5, 0.49609375]
  EXPECT_EQ(small.int_bits, -1);
  EXPECT_EQ(small.frac_bits, 8);
  EXPECT_DOUBLE_EQ(small.max(), 0.49609375);
  const QFormat q16 = choose_qformat(16, 5.0);  // Q3.12
  EXPECT_EQ(q16.frac_bits, 12);
  EXPECT_DOUBLE_EQ(q16.max(), 7.999755859375);
  EXPECT_EQ(choose_qformat(8, 1000.0).int_bits, 7);  // clamped
}

TEST(QuantSynthetic, LaplaceIsDeterministicWithScaleB) {
  const auto a = synthetic_laplace(fnv1a64("conv1/weights"), 200000, 0.05);
  const auto b = synthetic_laplace(fnv1a64("conv1/weights"), 200000, 0.05);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, synthetic_laplace(fnv1a64("conv2/weights"), 200000, 0.05));
  double mean_abs = 0;
  for (float x : a) mean_abs += std::fabs(x);
  mean_abs /= static_cast<double>(a.size());
  EXPECT_NEAR(mean_abs, 0.05, 0.05 * 0.01);  // E|x| = b for a Laplace(0, b)
  EXPECT_EQ(fnv1a64(""), 14695981039346656037ull);  // FNV test vectors
  EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cull);
}
