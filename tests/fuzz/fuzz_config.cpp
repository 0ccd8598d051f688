// libFuzzer target: the YAML config loader and the section decoders of a run.
#include "tests/fuzz/entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  mcusim::fuzz::config_one(data, size);
  return 0;
}
