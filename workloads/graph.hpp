#pragma once
// The graph IR every workload source (TFLite importer, zoo generators) produces and
// every later stage (metrics, planner, placement, lowering) consumes. Plain data.
#include <cstdint>
#include <string>
#include <vector>

namespace mcusim::wl {

// TFLite TensorType numbering (FORMAT_NOTES.md §5) so the importer maps 1:1.
enum class DType : int {
  Float32 = 0, Float16 = 1, Int32 = 2, UInt8 = 3, Int64 = 4, String = 5, Bool = 6,
  Int16 = 7, Complex64 = 8, Int8 = 9, Float64 = 10, Complex128 = 11, UInt64 = 12,
  Resource = 13, Variant = 14, UInt32 = 15, UInt16 = 16, Int4 = 17, BFloat16 = 18,
};
// Bytes per element; Int4 counts as 1 (packed sizes are computed by Tensor::bytes()).
std::size_t dtype_size(DType t);
const char* dtype_name(DType t);

struct Quantization {
  std::vector<float> scale;         // 1 entry: per-tensor; N: per-channel
  std::vector<std::int64_t> zero_point;
  int axis = 0;                     // quantized_dimension
  bool per_channel() const { return scale.size() > 1; }
};

struct Tensor {
  std::string name;
  std::vector<std::int64_t> shape;  // NHWC for image tensors
  DType type = DType::Int8;
  bool is_const = false;            // constant data (weights/biases/shape tensors)
  bool is_variable = false;         // persistent state (SVDF/LSTM)
  std::vector<std::uint8_t> data;   // constant bytes when known (empty for zoo shapes)
  Quantization quant;
  std::int64_t elements() const;
  std::int64_t bytes() const;       // elements * element size (Int4 packed 2 per byte)
};

enum class Padding { Same, Valid };
enum class Activation { None, Relu, ReluN1To1, Relu6, Tanh, SignBit };

// Options for the operators the cost models need; unused fields stay default.
struct OpOptions {
  Padding padding = Padding::Same;
  int stride_w = 1, stride_h = 1;
  int dilation_w = 1, dilation_h = 1;
  int depth_multiplier = 1;
  int filter_w = 0, filter_h = 0;   // pooling window
  Activation activation = Activation::None;
  bool keep_num_dims = false;
  bool keep_dims = false;           // reducers (MEAN)
  int axis = 0;                     // concatenation
};

struct Operator {
  std::string type;                 // TFLite builtin name: "CONV_2D", "DEPTHWISE_CONV_2D", ...
  std::string name;                 // human-readable layer name (zoo) or "<type>_<index>"
  std::vector<int> inputs;          // tensor indices; -1 = optional input absent
  std::vector<int> outputs;
  OpOptions options;
};

struct Graph {
  std::string name;
  std::vector<Tensor> tensors;
  std::vector<Operator> ops;        // in execution order (topological)
  std::vector<int> inputs, outputs;

  const Tensor& tensor(int i) const { return tensors.at(static_cast<std::size_t>(i)); }
  // Adds a tensor and returns its index.
  int add_tensor(Tensor t);
};

}  // namespace mcusim::wl
