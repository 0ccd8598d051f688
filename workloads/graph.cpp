#include "workloads/graph.hpp"

namespace mcusim::wl {

std::size_t dtype_size(DType t) {
  switch (t) {
    case DType::Float32: case DType::Int32: case DType::UInt32: return 4;
    case DType::Float16: case DType::Int16: case DType::UInt16: case DType::BFloat16: return 2;
    case DType::Int64: case DType::UInt64: case DType::Float64: case DType::Complex64: return 8;
    case DType::Complex128: return 16;
    case DType::UInt8: case DType::Int8: case DType::Bool: case DType::Int4: return 1;
    case DType::String: case DType::Resource: case DType::Variant: return 1;
  }
  return 1;
}

const char* dtype_name(DType t) {
  switch (t) {
    case DType::Float32: return "FLOAT32";
    case DType::Float16: return "FLOAT16";
    case DType::Int32: return "INT32";
    case DType::UInt8: return "UINT8";
    case DType::Int64: return "INT64";
    case DType::String: return "STRING";
    case DType::Bool: return "BOOL";
    case DType::Int16: return "INT16";
    case DType::Complex64: return "COMPLEX64";
    case DType::Int8: return "INT8";
    case DType::Float64: return "FLOAT64";
    case DType::Complex128: return "COMPLEX128";
    case DType::UInt64: return "UINT64";
    case DType::Resource: return "RESOURCE";
    case DType::Variant: return "VARIANT";
    case DType::UInt32: return "UINT32";
    case DType::UInt16: return "UINT16";
    case DType::Int4: return "INT4";
    case DType::BFloat16: return "BFLOAT16";
  }
  return "?";
}

std::int64_t Tensor::elements() const {
  std::int64_t n = 1;
  for (auto d : shape) n *= d;
  return n;
}

std::int64_t Tensor::bytes() const {
  if (type == DType::Int4) return (elements() + 1) / 2;
  return elements() * static_cast<std::int64_t>(dtype_size(type));
}

int Graph::add_tensor(Tensor t) {
  tensors.push_back(std::move(t));
  return static_cast<int>(tensors.size()) - 1;
}

}  // namespace mcusim::wl
