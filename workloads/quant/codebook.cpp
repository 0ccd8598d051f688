#include "workloads/quant/codebook.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sim/core/error.hpp"
#include "workloads/quant/huffman.hpp"
#include "workloads/quant/kmeans.hpp"

namespace mcusim::wl::quant {

namespace {

// Positions of the `keep` largest-magnitude weights, ascending (ties: lower index).
std::vector<std::size_t> prune(const std::vector<float>& v, std::int64_t keep) {
  std::vector<std::size_t> idx(v.size());
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  const auto by_magnitude = [&](std::size_t a, std::size_t b) {
    const float x = std::fabs(v[a]), y = std::fabs(v[b]);
    return x != y ? x > y : a < b;
  };
  const auto k = static_cast<std::size_t>(keep);
  if (k < idx.size()) std::nth_element(idx.begin(), idx.begin() + static_cast<long>(k), idx.end(), by_magnitude);
  idx.resize(std::min(k, idx.size()));
  std::sort(idx.begin(), idx.end());
  return idx;
}

}  // namespace

CodebookEncoding encode_codebook(const WeightTensor& w, const CodebookOptions& o) {
  CodebookEncoding e;
  const auto n = static_cast<std::int64_t>(w.values.size());
  e.elements = n;
  const bool sparse = o.density < 1.0;
  const std::vector<std::size_t> pos =
      sparse ? prune(w.values, std::max<std::int64_t>(n > 0 ? 1 : 0, std::llround(o.density * n)))
             : std::vector<std::size_t>{};
  std::vector<float> kept;
  if (sparse) {
    kept.reserve(pos.size());
    for (std::size_t p : pos) kept.push_back(w.values[p]);
  }
  const std::vector<float>& vals = sparse ? kept : w.values;
  e.kept = static_cast<std::int64_t>(vals.size());
  const KMeansResult km = kmeans_1d(vals, o.k, o.max_iterations);
  e.k = static_cast<int>(km.centroids.size());
  e.centroids = km.centroids;
  e.kmeans_iterations = km.iterations;
  e.kmeans_converged = km.converged;

  // Cluster-index alphabet: k clusters, plus the filler symbol when pruned.
  e.index_freq.assign(static_cast<std::size_t>(e.k) + (sparse ? 1 : 0), 0);
  for (long long c = 0; c < e.k; ++c)
    e.index_freq[static_cast<std::size_t>(c)] = static_cast<std::uint64_t>(km.counts[static_cast<std::size_t>(c)]);
  int gap_bits_width = 0;
  if (sparse) {
    gap_bits_width = w.kind == WeightKind::FullyConnected ? o.fc_index_bits : o.conv_index_bits;
    const std::uint64_t span = std::uint64_t{1} << gap_bits_width;  // gaps 1..2^b
    e.gap_freq.assign(static_cast<std::size_t>(span), 0);
    std::uint64_t prev = 0;  // position of the previous entry + 1
    for (std::size_t p : pos) {
      std::uint64_t gap = p + 1 - prev;
      while (gap > span) {  // filler entry: a zero weight `span` positions on
        ++e.fillers;
        ++e.gap_freq[static_cast<std::size_t>(span - 1)];
        gap -= span;
      }
      ++e.gap_freq[static_cast<std::size_t>(gap - 1)];
      prev = p + 1;
    }
    e.index_freq.back() = static_cast<std::uint64_t>(e.fillers);
    e.gap_lengths = huffman_code_lengths(e.gap_freq);
    e.gap_bits = encoded_bits(e.gap_freq, e.gap_lengths);
  }
  e.index_lengths = huffman_code_lengths(e.index_freq);
  e.index_bits = encoded_bits(e.index_freq, e.index_lengths);

  const std::int64_t centroid_bytes = o.float32_unpacked ? 4 : 1;
  e.payload_bytes = static_cast<std::int64_t>((e.index_bits + e.gap_bits + 7) / 8);
  e.overhead_bytes = e.k * centroid_bytes + static_cast<std::int64_t>(e.index_freq.size()) +
                     static_cast<std::int64_t>(e.gap_freq.size()) + 4;
  e.unpacked_bytes = n * centroid_bytes;
  return e;
}

namespace {

class Codebook : public QuantScheme {
 public:
  explicit Codebook(const CodebookOptions& o) : o_(o) {}
  std::string name() const override {
    char b[160];
    std::snprintf(b, sizeof b, "codebook:k=%d,density=%g,unpacked=%s", o_.k, o_.density,
                  o_.float32_unpacked ? "float32" : "int8");
    std::string s = b;
    if (o_.density < 1.0)
      s += ",conv_index_bits=" + std::to_string(o_.conv_index_bits) +
           ",fc_index_bits=" + std::to_string(o_.fc_index_bits);
    return s;
  }
  WeightStats quantize(const WeightTensor& w) const override {
    const CodebookEncoding e = encode_codebook(w, o_);
    WeightStats s;
    s.tensor = w.name;
    s.elements = e.elements;
    s.payload_bytes = e.payload_bytes;
    s.overhead_bytes = e.overhead_bytes;
    s.stored_bytes = e.payload_bytes + e.overhead_bytes;
    s.unpacked_bytes = e.unpacked_bytes;
    s.synthetic = w.synthetic;
    const auto entries = static_cast<std::uint64_t>(e.kept + e.fillers);
    const bool sparse = !e.gap_freq.empty();
    // Decode (revert Huffman) then de-cluster (revert K-means), paper §6.1.
    s.unpack = {{"huffman_bits_decoded", e.index_bits + e.gap_bits},
                {"huffman_symbols_decoded", sparse ? 2 * entries : entries},
                {"codebook_lookups", static_cast<std::uint64_t>(e.kept)},
                {"zero_fills", static_cast<std::uint64_t>(e.elements - e.kept)},
                {"weights_written", static_cast<std::uint64_t>(e.elements)}};
    return s;
  }
  std::int64_t bias_bytes(std::int64_t elements) const override { return 4 * elements; }
  WorkCounts kernel_work(const LayerShape& l) const override {
    // Once unpacked, the kernel is the Q-format (int8) or float kernel.
    if (o_.float32_unpacked) return {{"fp32_macs", l.macs}};
    return {{"shifts", 2 * l.outputs}, {"saturations", l.outputs}};
  }

 private:
  CodebookOptions o_;
};

}  // namespace

std::unique_ptr<QuantScheme> make_codebook(const CodebookOptions& o) {
  if (o.k < 1 || o.k > 65536) throw InputError("codebook: k must be in [1, 65536]");
  if (!(o.density > 0.0 && o.density <= 1.0)) throw InputError("codebook: density must be in (0, 1]");
  if (o.conv_index_bits < 1 || o.conv_index_bits > 16 || o.fc_index_bits < 1 || o.fc_index_bits > 16)
    throw InputError("codebook: index bits must be in [1, 16]");
  if (o.max_iterations < 1) throw InputError("codebook: iterations must be >= 1");
  return std::make_unique<Codebook>(o);
}

}  // namespace mcusim::wl::quant
