#include "sim/run/paths.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "sim/core/error.hpp"

namespace mcusim {
namespace fs = std::filesystem;

std::string home_dir() {
  if (const char* h = std::getenv("MCUSIM_HOME"); h && *h) return h;
  return MCUSIM_SOURCE_DIR;
}

std::string configs_dir() { return home_dir() + "/configs"; }
std::string shared_dir() { return home_dir() + "/../shared"; }

std::string preset_path(const std::string& kind, const std::string& name) {
  if (name.find('/') != std::string::npos || fs::path(name).extension() == ".yaml") {
    if (!fs::exists(name)) throw InputError(name + ": no such " + kind + " file");
    return name;
  }
  const std::string p = configs_dir() + "/" + kind + "/" + name + ".yaml";
  if (!fs::exists(p)) {
    std::string known;
    for (const auto& n : preset_names(kind)) known += (known.empty() ? "" : ", ") + n;
    throw InputError("unknown " + kind.substr(0, kind.size() - 1) + " '" + name +
                     "' (known: " + known + ")");
  }
  return p;
}

std::vector<std::string> preset_names(const std::string& kind) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(configs_dir() + "/" + kind, ec)) {
    const auto name = e.path().filename().string();
    if (e.path().extension() != ".yaml" || name[0] == '_') continue;
    out.push_back(e.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace mcusim
