// Replays the fuzzing regression corpus (tests/fuzz/corpus/<target>/: every input that
// once found a bug) through the same entry functions as the libFuzzer targets. Each
// must be answered with acceptance or an InputError: no other exception, no crash (the
// CI sanitizer pass runs this under ASan + UBSan).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "tests/fuzz/entries.hpp"

namespace {
namespace fs = std::filesystem;

std::vector<fs::path> files_in(const std::string& sub) {
  std::vector<fs::path> out;
  const fs::path dir = fs::path(MCUSIM_SOURCE_DIR) / "tests" / "fuzz" / sub;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file()) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::uint8_t> bytes_of(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

template <typename Fn>
void replay(const std::string& sub, Fn fn) {
  const auto files = files_in(sub);
  for (const auto& p : files) {
    SCOPED_TRACE(p.string());
    const auto b = bytes_of(p);
    EXPECT_NO_THROW(fn(b.data(), b.size()));
  }
}

}  // namespace

TEST(FuzzCorpus, TfliteRegressionInputsAreHandled) {
  replay("corpus/fuzz_tflite", mcusim::fuzz::tflite_one);
}

TEST(FuzzCorpus, ConfigRegressionInputsAreHandled) {
  replay("corpus/fuzz_config", mcusim::fuzz::config_one);
}

// The config seeds (resolved configs of five boards, plus tflm-cmsis-nn on the M0+ and
// x-cube-ai on the U575 for the class-mix lists, per-core overrides and weight_fetch) must
// be accepted whole, or the config target would only ever explore the error paths.
TEST(FuzzCorpus, ConfigSeedsDecode) {
  const auto files = files_in("seeds/fuzz_config");
  ASSERT_EQ(files.size(), 7u);
  for (const auto& p : files) {
    SCOPED_TRACE(p.string());
    const auto b = bytes_of(p);
    EXPECT_TRUE(mcusim::fuzz::config_one(b.data(), b.size()));
  }
}

// The importer entry accepts a real model (the target's seeds are the shared models).
TEST(FuzzCorpus, TfliteSeedParses) {
  const auto b = bytes_of(fs::path(MCUSIM_SOURCE_DIR) / ".." / "shared" / "models" /
                          "tflm_hello_world_int8.tflite");
  ASSERT_FALSE(b.empty());
  EXPECT_TRUE(mcusim::fuzz::tflite_one(b.data(), b.size()));
}
