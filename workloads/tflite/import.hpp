#pragma once
// TFLite import: a bounds-checked reader of the FlatBuffers container (no TensorFlow).
#include <cstdint>
#include <string>
#include <vector>

#include "workloads/graph.hpp"

namespace mcusim::wl {

// Reads subgraph 0 of a .tflite file into the graph IR, with constant data.
// Throws InputError("<path>: <what> at byte <offset>") for a truncated, corrupt or
// hostile file; never reads out of bounds.
Graph load_tflite(const std::string& path);
Graph parse_tflite(const std::vector<std::uint8_t>& bytes, const std::string& name);

}  // namespace mcusim::wl
