// Real models, damaged: truncated, bytes flipped, offsets pointed out of range.
// Every case must end in an InputError (one line, with a byte offset) or, for a
// flip that happens to keep the file consistent, a successful import: never a
// crash or another exception type. Meant to also run under ASan.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "sim/core/error.hpp"
#include "workloads/metrics.hpp"
#include "workloads/tflite/import.hpp"

using namespace mcusim::wl;

namespace {

const char* const kSmallModels[] = {
    "mlperftiny_ic_resnet8_int8", "mlperftiny_kws_dscnn_int8", "mlperftiny_sww_ref_model",
    "tflm_micro_speech_quantized", "tflm_hello_world_int8", "tflm_keyword_scrambled_8bit",
    "mcunet_tinyengine_detection",
};

std::vector<std::uint8_t> read_model(const std::string& name) {
  std::ifstream f("../shared/models/" + name + ".tflite", std::ios::binary);
  EXPECT_TRUE(f.good()) << name;
  return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(f), {});
}

std::uint32_t u32(const std::vector<std::uint8_t>& b, std::size_t at) {
  return b[at] | b[at + 1] << 8 | b[at + 2] << 16 | static_cast<std::uint32_t>(b[at + 3]) << 24;
}
void set32(std::vector<std::uint8_t>& b, std::size_t at, std::uint32_t v) {
  for (int k = 0; k < 4; ++k) b[at + k] = static_cast<std::uint8_t>(v >> (8 * k));
}

// Position of Model field `id` in an undamaged file (follows root and vtable).
std::size_t model_field(const std::vector<std::uint8_t>& b, int id) {
  const std::size_t root = u32(b, 0);
  const std::size_t vt = root - static_cast<std::int32_t>(u32(b, root));
  const std::size_t slot = b[vt + 4 + 2 * id] | b[vt + 5 + 2 * id] << 8;
  return root + slot;
}

void expect_input_error(const std::vector<std::uint8_t>& bytes, const std::string& why) {
  try {
    parse_tflite(bytes, "bad.tflite");
    ADD_FAILURE() << why << ": accepted";
  } catch (const mcusim::InputError& e) {
    const std::string m = e.what();
    EXPECT_EQ(m.rfind("bad.tflite: ", 0), 0u) << m;
    EXPECT_NE(m.find(" at byte "), std::string::npos) << m;
    EXPECT_EQ(m.find('\n'), std::string::npos) << m;
  }
}

// Import (and analysis) may succeed or throw InputError; nothing else is allowed.
void expect_clean(const std::vector<std::uint8_t>& bytes, const std::string& why) {
  try {
    const Graph g = parse_tflite(bytes, "mutated.tflite");
    (void)analyze_graph(g);
  } catch (const mcusim::InputError&) {
  } catch (const std::exception& e) {
    ADD_FAILURE() << why << ": " << e.what();
  }
}

class TfliteHostile : public ::testing::TestWithParam<const char*> {};

TEST_P(TfliteHostile, TruncationsAreRejected) {
  const auto full = read_model(GetParam());
  const std::size_t n = full.size();
  for (std::size_t len : {std::size_t{0}, std::size_t{3}, std::size_t{7}, std::size_t{8},
                          std::size_t{16}, std::size_t{64}, n / 4, n / 2, 3 * n / 4}) {
    std::vector<std::uint8_t> cut(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(len));
    expect_input_error(cut, "truncated to " + std::to_string(len));
  }
}

TEST_P(TfliteHostile, BadIdentifierAndOffsetsAreRejected) {
  const auto good = read_model(GetParam());
  auto b = good;
  b[6] = 'X';
  expect_input_error(b, "identifier");
  b = good;
  set32(b, 0, 0xFFFFFFF0u);
  expect_input_error(b, "root offset");
  b = good;
  set32(b, u32(b, 0), 0x80000000u);  // root soffset: vtable far outside the file
  expect_input_error(b, "root vtable");
  for (int id : {1, 2, 4}) {  // operator_codes, subgraphs, buffers
    b = good;
    set32(b, model_field(b, id), 0x7FFFFFF0u);
    expect_input_error(b, "Model field " + std::to_string(id) + " offset");
    b = good;
    const std::size_t vec = model_field(b, id) + u32(b, model_field(b, id));
    set32(b, vec, 0x40000000u);  // vector length far past the end
    expect_input_error(b, "Model field " + std::to_string(id) + " length");
  }
}

TEST_P(TfliteHostile, RandomByteFlipsNeverCrash) {
  const auto good = read_model(GetParam());
  std::uint64_t seed = 0x9E3779B97F4A7C15ull;
  auto next = [&] {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return seed >> 33;
  };
  for (int trial = 0; trial < 300; ++trial) {
    auto b = good;
    // Flip bytes near the front (tables and vtables live there in these files) and
    // anywhere, 1-4 at a time.
    const int flips = 1 + static_cast<int>(next() % 4);
    for (int k = 0; k < flips; ++k) {
      const std::size_t span = trial % 2 ? b.size() : std::min<std::size_t>(b.size(), 4096);
      b[next() % span] ^= static_cast<std::uint8_t>(1 + next() % 255);
    }
    expect_clean(b, "trial " + std::to_string(trial));
  }
}

INSTANTIATE_TEST_SUITE_P(SmallModels, TfliteHostile, ::testing::ValuesIn(kSmallModels),
                         [](const ::testing::TestParamInfo<const char*>& p) {
                           return std::string(p.param);
                         });

TEST(TfliteHostileFiles, GitLfsPointerAndMissingFile) {
  const std::string lfs = "version https://git-lfs.github.com/spec/v1\noid sha256:00\nsize 1\n";
  expect_input_error(std::vector<std::uint8_t>(lfs.begin(), lfs.end()), "lfs pointer");
  EXPECT_THROW(load_tflite("../shared/models/no_such_model.tflite"), mcusim::InputError);
}

}  // namespace
