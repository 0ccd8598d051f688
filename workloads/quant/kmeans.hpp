#pragma once
// One-dimensional K-means (Lloyd's algorithm) for weight sharing (Han et al. 2016 §3).
// Deterministic: linear initialisation, centroids evenly spaced over [min, max] of the
// weights, which Han et al. (§3.2, Fig. 4) found to preserve the large, rare weights
// better than random or density-based initialisation. Fixed iteration cap.
#include <vector>

namespace mcusim::wl::quant {

struct KMeansResult {
  std::vector<double> centroids;  // ascending
  std::vector<int> assignment;    // cluster index per value
  std::vector<long long> counts;  // values per cluster
  int iterations = 0;             // assignment passes run
  bool converged = false;         // the last pass changed no assignment
};

// k is clamped to [1, number of values]; empty input gives an empty result.
// Ties (a value exactly between two centroids) go to the lower cluster. An empty
// cluster keeps its centroid.
KMeansResult kmeans_1d(const std::vector<float>& values, int k, int max_iterations);

}  // namespace mcusim::wl::quant
