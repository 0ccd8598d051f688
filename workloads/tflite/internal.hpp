#pragma once
// Pieces of the TFLite importer shared between its files (not a public API).
#include <string>

#include "workloads/graph.hpp"
#include "workloads/tflite/flatbuffer_reader.hpp"

namespace mcusim::wl::tflite {

// TFLite BuiltinOperator name ("CONV_2D"); "BUILTIN_<n>" for codes past the table.
std::string builtin_op_name(int code);

// Maps operator `op`'s builtin_options union (tag id 3, table id 4) into `out`.
// Unknown tags are ignored: the op then keeps default options.
void read_builtin_options(const fb::Bytes& b, const fb::Table& op, const std::string& what,
                          OpOptions& out);

}  // namespace mcusim::wl::tflite
