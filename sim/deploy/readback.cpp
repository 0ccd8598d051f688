#include "sim/deploy/readback.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <yaml-cpp/yaml.h>

namespace mcusim::deploy {

const char* const kTierNames[kTierCount] = {"compute", "sram", "flash", "sd"};

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> f;
  std::string cur;
  for (char c : line) {
    if (c == ',') {
      f.push_back(cur);
      cur.clear();
    } else if (c != '\r') {
      cur += c;
    }
  }
  f.push_back(cur);
  return f;
}

// The number after `"key":` in a one-line trace event, or false.
bool number_after(const std::string& line, const std::string& key, double& v) {
  const auto p = line.find("\"" + key + "\":");
  if (p == std::string::npos) return false;
  v = std::stod(line.substr(p + key.size() + 3));
  return true;
}

}  // namespace

std::vector<LayerData> parse_layers_csv(const std::string& text) {
  constexpr std::size_t kCols = 15;
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  if (split(line).size() != kCols || line.rfind("index,name,op,", 0) != 0)
    throw std::runtime_error("layers.csv: unexpected header '" + line + "'");
  std::vector<LayerData> out;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto f = split(line);
    if (f.size() < kCols) throw std::runtime_error("layers.csv: short row '" + line + "'");
    // A layer name may contain commas (layers.csv does not quote): fold the extras back.
    while (f.size() > kCols) {
      f[1] += "," + f[2];
      f.erase(f.begin() + 2);
    }
    LayerData l;
    l.index = std::stoi(f[0]);
    l.name = f[1];
    l.op = f[2];
    l.macs = std::stoull(f[3]);
    l.weight_bytes = std::stoll(f[4]);
    l.input_bytes = std::stoll(f[5]);
    l.output_bytes = std::stoll(f[6]);
    l.working_set = std::stoll(f[7]);
    l.weight_location = f[8];
    l.latency_ms = std::stod(f[9]);
    l.energy_mj = std::stod(f[10]);
    for (int t = 0; t < kTierCount; ++t) l.tier_ms[static_cast<std::size_t>(t)] = std::stod(f[11 + static_cast<std::size_t>(t)]);
    out.push_back(std::move(l));
  }
  return out;
}

void add_tier_energy(const std::string& trace, double static_power_mw,
                     std::vector<LayerData>& layers) {
  for (auto& l : layers)
    for (int t = 0; t < kTierCount; ++t) {
      const auto k = static_cast<std::size_t>(t);
      l.tier_mj[k] = static_power_mw * l.tier_ms[k] * 1e-3;
    }
  std::istringstream in(trace);
  std::string line;
  while (std::getline(in, line)) {
    const auto c = line.find("\"cat\":\"");
    if (c == std::string::npos) continue;
    const auto e = line.find('"', c + 7);
    const std::string cat = line.substr(c + 7, e - c - 7);
    int tier = -1;
    for (int t = 0; t < kTierCount; ++t)
      if (cat == kTierNames[t]) tier = t;
    double uj = 0, layer = -1;
    if (tier < 0 || !number_after(line, "energy_uj", uj) || !number_after(line, "layer", layer))
      continue;
    const auto li = static_cast<long>(layer);
    if (li < 0 || li >= static_cast<long>(layers.size())) continue;
    layers[static_cast<std::size_t>(li)].tier_mj[static_cast<std::size_t>(tier)] += uj * 1e-3;
  }
}

RunData read_run(const std::string& dir) {
  RunData r;
  const std::string sp = dir + "/summary.json";
  try {
    const YAML::Node s = YAML::Load(slurp(sp));  // JSON is YAML
    r.model = s["model"].as<std::string>();
    r.board = s["board"].as<std::string>();
    r.engine = s["engine"].as<std::string>();
    r.latency_ms = s["latency_ms"].as<double>();
    r.energy_mj = s["energy_mj"].as<double>();
    r.avg_power_mw = s["avg_power_mw"].as<double>();
    r.macs = s["macs"].as<std::uint64_t>();
    r.weights_bytes = s["weights_bytes"].as<std::int64_t>();
    r.peak_sram_bytes = s["peak_sram_bytes"].as<std::int64_t>();
    r.sram_bytes = s["sram_bytes"].as<std::int64_t>();
    r.fits = s["fits"].as<bool>();
    r.fits_reason = s["fits_reason"].as<std::string>();
    for (int t = 0; t < kTierCount; ++t) {
      const auto b = s["breakdown"][kTierNames[t]];
      r.tier_ms[static_cast<std::size_t>(t)] = b["time_ms"].as<double>();
      r.tier_mj[static_cast<std::size_t>(t)] = b["energy_mj"].as<double>();
    }
    r.sd_requested_hz = s["sd_clock"]["requested_hz"].as<double>();
    r.sd_actual_hz = s["sd_clock"]["actual_hz"].as<double>();
    r.static_power_mw = s["static_power_mw"].as<double>();
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(sp + ": " + e.what());
  }
  r.layers = parse_layers_csv(slurp(dir + "/layers.csv"));
  add_tier_energy(slurp(dir + "/trace.json"), r.static_power_mw, r.layers);
  return r;
}

}  // namespace mcusim::deploy
