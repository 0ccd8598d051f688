#include "sim/run/assemble.hpp"

#include <algorithm>

#include "sim/config/section.hpp"
#include "sim/core/error.hpp"
#include "sim/run/class_mix.hpp"
#include "sim/run/paths.hpp"

namespace mcusim {
namespace {

void merge_user_layers(cfg::Tree& t, const RunRequest& req) {
  for (const auto& c : req.configs) t.merge_file(c);
  for (const auto& s : req.sets) t.apply_set(s);
  if (!req.model.empty()) t.apply_set("workload.model=" + req.model);
  if (!req.engine.empty()) t.apply_set("workload.engine=" + req.engine);
}

std::string peek_string(const cfg::Tree& t, const char* section, const char* key) {
  const YAML::Node& r = t.root();
  if (r[section] && r[section].IsMap() && r[section][key] && r[section][key].IsScalar())
    return r[section][key].Scalar();
  return "";
}

bool valid_core(const std::string& c) {  // an invalid one is reported by decode_board
  return std::find(core::kCoreNames.begin(), core::kCoreNames.end(), c) != core::kCoreNames.end();
}

}  // namespace

Assembled assemble(const RunRequest& req) {
  // First pass: the user layers alone tell which engine preset to put under them.
  cfg::Tree user;
  merge_user_layers(user, req);
  std::string engine = peek_string(user, "workload", "engine");
  // An engine section given in a --config file (e.g. a calibration candidate, or a
  // resolved config) stands for itself: no preset is merged under it.
  const std::string own_engine = peek_string(user, "engine", "name");
  if (engine.empty()) engine = own_engine.empty() ? "cmsis-nn" : own_engine;

  Assembled a;
  a.tree.merge_file(preset_path("cards", "sd-2gb-class4"));
  if (!req.board.empty()) a.tree.merge_file(preset_path("boards", req.board));
  // The core's instruction timing follows the final board.core (a --set may change it);
  // user layers override single values (every key is fixed, so nothing is left over).
  std::string core = peek_string(user, "board", "core");
  if (core.empty()) core = peek_string(a.tree, "board", "core");
  if (valid_core(core)) a.tree.merge_file(preset_path("cores", core));
  if (own_engine.empty()) a.tree.merge_file(preset_path("engines", engine));
  merge_user_layers(a.tree, req);
  if (peek_string(a.tree, "workload", "engine").empty())
    a.tree.apply_set("workload.engine=" + engine);

  auto root = cfg::Section::root(a.tree);
  if (!root.has("board"))
    throw InputError("no board: give --board NAME or a --config file with a board section");
  a.board = decode_board(root.section("board"));
  a.power = decode_power(root.section("power"));
  a.sim = root.has("sim") ? decode_sim(root.section("sim")) : SimParams{};
  a.placement = root.has("placement") ? decode_placement(root.section("placement"))
                                      : PlacementParams{};
  auto wl = root.section("workload");
  if (!wl.has("model")) throw InputError("no model: give --model PATH.tflite|zoo:NAME");
  a.model = wl.string("model");
  a.engine_name = wl.string("engine");
  a.quant = wl.string_or("quant", "");
  a.layers = decode_layer_filter(wl, a.tree);
  a.transfers = decode_transfers(wl, a.tree, a.model);
  if (a.engine_name != engine)
    wl.fail("engine", "differs from the engine preset loaded ('" + engine + "')");
  wl.finish();
  a.engine = decode_engine(root.section("engine"), a.board.core);
  if (!root.has("core")) root.fail("core", "missing: no configs/cores timing for '" + a.board.core + "'");
  auto cs = root.section("core");
  a.core = core::decode_core_timing(cs);
  if (a.core.name != a.board.core)
    cs.fail("name", "is '" + a.core.name + "' but board.core is '" + a.board.core + "'");
  bind_class_timing(a.engine, a.core, default_class_mix());
  // Device sections are decoded by build_devices(); mark them known here so that an
  // unknown top-level section is still reported.
  for (const char* dev : {"sram", "flash", "sd", "card"}) root.allow(dev);
  root.finish();
  return a;
}

}  // namespace mcusim
