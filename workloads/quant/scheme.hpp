#pragma once
// Quantization schemes as properties of weight tensors and layers (paper §6.1
// "Implementation": Q-format, affine, code-book; plus float32 as the unquantized
// reference). A scheme turns one weight tensor into
//   stored bytes   - what sits in flash / on the SD card (the "model size"),
//   unpacked bytes - the tensor the kernel actually reads after decoding,
//   unpack work    - named operation counts to go from stored to unpacked (once per load),
// and a layer into kernel work: the extra arithmetic per inference the representation
// costs (zero points, requantization, shifts). The counts are names, not cycles, so
// an engine profile can price them later (paper Fig. 7: Q-format < affine < code-book).
//
// One scheme per file (float32.cpp, affine_int8.cpp, qformat.cpp, codebook.cpp); the
// registry (registry.cpp) parses a spec string "name[:key=value,...]".
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace mcusim::wl::quant {

// Operation name -> count, e.g. {"huffman_bits_decoded", 123456}.
using WorkCounts = std::map<std::string, std::uint64_t>;
void add_work(WorkCounts& into, const WorkCounts& more);

// What a weight tensor feeds: conv (incl. depthwise) or fully connected. Deep
// Compression uses different relative-index widths for the two (Han et al. 2016 §2).
enum class WeightKind { Conv, FullyConnected };

// Real-valued weights of one tensor, ready to be quantized.
struct WeightTensor {
  std::string name;
  std::vector<std::int64_t> shape;
  int channel_axis = 0;         // output-channel axis (per-channel parameters)
  WeightKind kind = WeightKind::Conv;
  std::vector<float> values;    // real values, row-major in `shape`
  bool synthetic = false;       // true: generated (zoo graph without data), see weights.hpp
  std::int64_t channels() const;
};

struct WeightStats {
  std::string tensor;
  std::int64_t elements = 0;
  std::int64_t payload_bytes = 0;   // the quantized values / encoded bitstream
  std::int64_t overhead_bytes = 0;  // scales, zero points, code-books, code tables
  std::int64_t stored_bytes = 0;    // payload + overhead
  std::int64_t unpacked_bytes = 0;  // the tensor the kernel reads
  WorkCounts unpack;                // work to unpack once (empty: used as stored)
  bool synthetic = false;
};

// The arithmetic shape of one layer, for kernel_work().
struct LayerShape {
  std::uint64_t macs = 0;
  std::uint64_t outputs = 0;  // output elements
};

class QuantScheme {
 public:
  virtual ~QuantScheme() = default;
  virtual std::string name() const = 0;  // canonical spec, e.g. "codebook:k=16"
  virtual WeightStats quantize(const WeightTensor& w) const = 0;
  // Bytes of a bias vector of `elements` entries in this representation.
  virtual std::int64_t bias_bytes(std::int64_t elements) const = 0;
  // Extra per-inference work of a layer whose weights use this scheme.
  virtual WorkCounts kernel_work(const LayerShape& l) const = 0;
};

// Parses "float32", "int8-affine", "int8-affine-pc", "q8", "q16",
// "codebook[:k=16,density=1,unpacked=int8|float32,conv_index_bits=8,fc_index_bits=5]".
// Throws InputError naming the spec and the known schemes.
std::unique_ptr<QuantScheme> make_scheme(const std::string& spec);
std::vector<std::string> scheme_names();  // usage strings, one per scheme

// ---- factories (one per scheme file) and their parameters ----
std::unique_ptr<QuantScheme> make_float32();
std::unique_ptr<QuantScheme> make_affine_int8(bool per_channel);
std::unique_ptr<QuantScheme> make_qformat(int bits);

struct CodebookOptions {
  int k = 16;                 // clusters (paper §6.1; 16 = 4-bit indices before Huffman)
  double density = 1.0;       // fraction of weights kept by magnitude pruning (1 = none)
  bool float32_unpacked = false;  // false: 8-bit Q-format centroids (paper §6.1)
  int conv_index_bits = 8;    // Deep Compression relative-index bits, conv layers
  int fc_index_bits = 5;      // ... fully connected layers (Han et al. 2016 §2)
  int max_iterations = 50;    // K-means iteration cap
};
std::unique_ptr<QuantScheme> make_codebook(const CodebookOptions& o);

}  // namespace mcusim::wl::quant
