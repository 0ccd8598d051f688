#include "devices/sram/sram_model.hpp"

#include <cstdio>

#include "devices/sram/si_format.hpp"

#include "sim/core/error.hpp"

namespace mcusim::dev {

SramModel::SramModel(SramParams p, double hclk_hz) : p_(std::move(p)), hclk_hz_(hclk_hz) {
  if (!(hclk_hz_ > 0)) throw InputError("sram: core clock must be positive");
  validate_sram(p_);
  per_region_.resize(p_.regions.size());
}

std::unique_ptr<MemoryModel> make_sram(const SramParams& p, double hclk_hz) {
  return std::make_unique<SramModel>(p, hclk_hz);
}

std::size_t SramModel::region_of(std::uint64_t addr) const {
  std::size_t i = 0;
  while (i < p_.regions.size() && !(addr >= p_.regions[i].base && addr < p_.regions[i].end())) ++i;
  return i;
}

Cost SramModel::access(std::uint64_t addr, std::uint64_t bytes, ps_t now, bool is_write) {
  Cost c;
  std::uint64_t cycles = 0;
  std::uint64_t cur = addr;
  const std::uint64_t end = addr + bytes;
  while (cur < end) {
    const std::size_t i = region_of(cur);
    if (i == p_.regions.size()) {
      char b[160];
      std::snprintf(b, sizeof b, "sram: %s of %llu B at 0x%08llx: address 0x%08llx is outside all SRAM regions",
                    is_write ? "write" : "read", static_cast<unsigned long long>(bytes),
                    static_cast<unsigned long long>(addr), static_cast<unsigned long long>(cur));
      throw InputError(b);
    }
    const auto& r = p_.regions[i];
    const std::uint64_t chunk_end = end < r.end() ? end : r.end();
    const std::uint64_t chunk = chunk_end - cur;
    const std::uint64_t beats = (chunk_end - 1) / p_.bus_bytes - cur / p_.bus_bytes + 1;
    const std::uint64_t cyc = beats * (1 + r.wait_states);
    cycles += cyc;
    auto& k = per_region_[i];
    k.cycles += cyc;
    if (is_write) {
      ++k.writes;
      k.bytes_written += chunk;
      c.energy_j += static_cast<double>(chunk) * r.write_energy_per_byte_j;
    } else {
      ++k.reads;
      k.bytes_read += chunk;
      c.energy_j += static_cast<double>(chunk) * r.read_energy_per_byte_j;
    }
    cur = chunk_end;
  }
  c.time = cycles_to_ps(cycles, hclk_hz_);
  if (bytes > 0) c.spans.push_back({is_write ? "write" : "read", now, c.time, c.energy_j});
  return c;
}

Cost SramModel::read(std::uint64_t addr, std::uint64_t bytes, ps_t now) {
  return access(addr, bytes, now, false);
}
Cost SramModel::write(std::uint64_t addr, std::uint64_t bytes, ps_t now) {
  return access(addr, bytes, now, true);
}

Cost SramModel::reread(std::uint64_t addr, std::uint64_t bytes, std::uint64_t tiles,
                        std::uint64_t passes, ps_t now) {
  Cost c;
  if (bytes == 0 || tiles == 0 || passes == 0) return c;
  std::uint64_t ws_cycles = 0;
  for (std::uint64_t t = 0; t < tiles; ++t) {
    const std::uint64_t a = addr + t * bytes;
    const std::size_t i = region_of(a);
    if (i == p_.regions.size() || a + bytes > p_.regions[i].end())
      throw InputError("sram: re-read of " + std::to_string(bytes) + " B at " + std::to_string(a) +
                       " is not inside one SRAM region");
    const std::uint64_t beats = (a + bytes - 1) / p_.bus_bytes - a / p_.bus_bytes + 1;
    ws_cycles += beats * p_.regions[i].wait_states;
  }
  c.time = cycles_to_ps(ws_cycles * passes, hclk_hz_);
  if (c.time > 0) c.spans.push_back({"reread", now, c.time, 0.0});
  return c;
}

Stats SramModel::stats() const {
  Stats s;
  double r = 0, w = 0, br = 0, bw = 0;
  for (std::size_t i = 0; i < p_.regions.size(); ++i) {
    const auto& k = per_region_[i];
    const std::string n = p_.regions[i].name;
    s["reads_" + n] = static_cast<double>(k.reads);
    s["writes_" + n] = static_cast<double>(k.writes);
    s["bytes_read_" + n] = static_cast<double>(k.bytes_read);
    s["bytes_written_" + n] = static_cast<double>(k.bytes_written);
    s["cycles_" + n] = static_cast<double>(k.cycles);
    r += k.reads, w += k.writes, br += k.bytes_read, bw += k.bytes_written;
  }
  s["reads"] = r;
  s["writes"] = w;
  s["bytes_read"] = br;
  s["bytes_written"] = bw;
  return s;
}

void SramModel::describe(std::ostream& os) const {
  os << "sram.clock = " << si(hclk_hz_, "Hz") << "\n";
  os << "sram.bus_width = " << p_.bus_bytes << " B per beat\n";
  for (const auto& r : p_.regions) {
    char b[64];
    std::snprintf(b, sizeof b, "0x%08llx", static_cast<unsigned long long>(r.base));
    os << "sram.region." << r.name << " = base " << b << ", size "
       << format_quantity(static_cast<double>(r.size), Dim::Bytes) << ", wait_states "
       << r.wait_states << "\n";
    os << "sram.region." << r.name << ".energy = read "
       << si(r.read_energy_per_byte_j, "J") << "/B, write "
       << si(r.write_energy_per_byte_j, "J") << "/B\n";
  }
  os << "sram.action.read = beats x (1 + wait_states) cycles; bytes x read energy\n";
  os << "sram.action.write = beats x (1 + wait_states) cycles; bytes x write energy\n";
  for (const auto& [k, v] : stats()) os << "sram.stat." << k << " = " << v << "\n";
}

}  // namespace mcusim::dev
