#include "workloads/quant/kmeans.hpp"

#include <algorithm>

#include <Eigen/Core>

namespace mcusim::wl::quant {

namespace {

// Clusters of sorted 1-D centroids are intervals split at the midpoints, so the
// nearest centroid is a binary search over k-1 boundaries: O(n log k) per pass.
int nearest(const std::vector<double>& mids, double x) {
  return static_cast<int>(std::lower_bound(mids.begin(), mids.end(), x) - mids.begin());
}

}  // namespace

KMeansResult kmeans_1d(const std::vector<float>& values, int k, int max_iterations) {
  KMeansResult r;
  const std::size_t n = values.size();
  if (n == 0) return r;
  k = std::max(1, std::min<int>(k, static_cast<int>(std::min<std::size_t>(n, 1 << 20))));
  const Eigen::Map<const Eigen::ArrayXf> v(values.data(), static_cast<Eigen::Index>(n));
  const double lo = v.minCoeff(), hi = v.maxCoeff();
  r.centroids.resize(static_cast<std::size_t>(k));
  for (int i = 0; i < k; ++i)
    r.centroids[static_cast<std::size_t>(i)] = k == 1 ? v.cast<double>().mean()
                                                      : lo + (hi - lo) * i / (k - 1);
  r.assignment.assign(n, -1);
  std::vector<double> mids(static_cast<std::size_t>(k - 1));
  Eigen::ArrayXd sum(k), cnt(k);
  for (int it = 0; it < std::max(1, max_iterations); ++it) {
    for (int i = 0; i + 1 < k; ++i)
      mids[static_cast<std::size_t>(i)] =
          0.5 * (r.centroids[static_cast<std::size_t>(i)] + r.centroids[static_cast<std::size_t>(i) + 1]);
    bool changed = false;
    sum.setZero();
    cnt.setZero();
    for (std::size_t j = 0; j < n; ++j) {
      const int c = nearest(mids, values[j]);
      if (c != r.assignment[j]) changed = true;
      r.assignment[j] = c;
      sum(c) += values[j];
      cnt(c) += 1;
    }
    r.iterations = it + 1;
    if (!changed) {
      r.converged = true;
      break;
    }
    for (int c = 0; c < k; ++c)
      if (cnt(c) > 0) r.centroids[static_cast<std::size_t>(c)] = sum(c) / cnt(c);
    // Keep the boundary search valid if an empty cluster's stale centroid is passed.
    if (!std::is_sorted(r.centroids.begin(), r.centroids.end())) {
      std::sort(r.centroids.begin(), r.centroids.end());
      std::fill(r.assignment.begin(), r.assignment.end(), -1);
    }
  }
  // Counts for the final assignment (the centroids are the means of these clusters
  // when converged; after the cap they are one update ahead, as in Lloyd's algorithm).
  r.counts.assign(static_cast<std::size_t>(k), 0);
  for (int c : r.assignment) ++r.counts[static_cast<std::size_t>(c)];
  return r;
}

}  // namespace mcusim::wl::quant
