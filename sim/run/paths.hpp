#pragma once
// Where presets and shared data live: the source tree by default (set at build time),
// overridable with MCUSIM_HOME for an installed layout.
#include <string>
#include <vector>

namespace mcusim {

std::string home_dir();                 // the repo root (configs/, results/)
std::string configs_dir();              // <home>/configs
std::string shared_dir();               // <home>/../shared
// Resolves a preset name ("nucleo-f767zi") or path to a YAML file in configs/<kind>/.
std::string preset_path(const std::string& kind, const std::string& name_or_path);
std::vector<std::string> preset_names(const std::string& kind);

}  // namespace mcusim
