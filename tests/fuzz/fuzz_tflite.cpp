// libFuzzer target: the TFLite importer (scripts/fuzz builds and runs it).
#include "tests/fuzz/entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  mcusim::fuzz::tflite_one(data, size);
  return 0;
}
