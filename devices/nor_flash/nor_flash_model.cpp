#include "devices/nor_flash/nor_flash_model.hpp"

#include <algorithm>
#include <cstdio>

#include "sim/core/error.hpp"
#include "sim/core/units.hpp"

namespace mcusim::dev {

FlashModel::FlashModel(FlashParams p, double hclk_hz) : p_(std::move(p)), hclk_hz_(hclk_hz) {
  if (!(hclk_hz_ > 0)) throw InputError("flash: core clock must be positive");
  validate_flash(p_);
  content_.assign(p_.size, 0xFF);
  std::uint64_t a = p_.base;
  for (auto s : p_.sectors) {
    sector_base_.push_back(a);
    a += s;
  }
  erase_count_.assign(p_.sectors.size(), 0);
  if (p_.cache.enabled()) cache_ = LineCache(p_.cache.size_bytes, p_.cache.line_bytes, p_.cache.ways);
  for (const char* k : {"reads", "bytes_read", "line_hits", "line_misses", "bytes_fetched",
                        "read_stall_ps", "programs", "bytes_programmed", "words_programmed",
                        "program_errors", "program_error_bytes", "erases"})
    st_[k] = 0;
}

std::unique_ptr<MemoryModel> make_flash(const FlashParams& p, double hclk_hz) {
  return std::make_unique<FlashModel>(p, hclk_hz);
}

std::uint64_t FlashModel::offset(std::uint64_t addr, std::uint64_t bytes, const char* what) const {
  if (addr < p_.base || addr + bytes > p_.base + p_.size || addr + bytes < addr)
    throw InputError(std::string("flash: ") + what + " of " + std::to_string(bytes) + " B at " +
                     format_address(addr) + " is outside flash [" + format_address(p_.base) + ", " +
                     format_address(p_.base + p_.size) + ")");
  return addr - p_.base;
}

std::size_t FlashModel::sector_of(std::uint64_t addr) const {
  offset(addr, 1, "sector lookup");
  auto it = std::upper_bound(sector_base_.begin(), sector_base_.end(), addr);
  return static_cast<std::size_t>(it - sector_base_.begin()) - 1;
}

std::uint64_t FlashModel::fill_cycles() const {
  const std::uint64_t g = p_.cache.enabled() ? p_.cache.line_bytes : p_.bus_bytes;
  return (g / p_.bus_bytes) * (p_.wait_states + 1ULL);
}

Cost FlashModel::read(std::uint64_t addr, std::uint64_t bytes, ps_t now) {
  offset(addr, bytes, "read");
  Cost c;
  if (bytes == 0) return c;
  const bool cached = cache_.enabled();
  const std::uint64_t g = cached ? p_.cache.line_bytes : p_.bus_bytes;
  // Core load beats (hit path, same as 0-WS SRAM); none without a cache, where the
  // bus-word fetch itself is the load.
  std::uint64_t cycles =
      cached ? (addr + bytes - 1) / p_.core_bytes - addr / p_.core_bytes + 1 : 0;
  std::uint64_t misses = 0, hits = 0;
  ps_t stall = 0;
  bool first_miss = true;
  for (std::uint64_t line = addr / g; line <= (addr + bytes - 1) / g; ++line) {
    if (cached && cache_.access(line * g)) {
      ++hits;
      continue;
    }
    if (first_miss) {  // the flash array is needed: wait for erase/program to finish
      first_miss = false;
      // Misses are taken in address order; the hit beats before this one are not
      // modelled separately (the stall applies from the start of the access).
      if (now < busy_until_) stall = busy_until_ - now;
    }
    ++misses;
    cycles += fill_cycles();
  }
  c.time = stall + cycles_to_ps(cycles, hclk_hz_);
  const double fetched = static_cast<double>(misses * g);
  c.energy_j = fetched * p_.read_energy_per_byte_j;
  if (stall) c.spans.push_back({"stall", now, stall, 0.0});
  c.spans.push_back({"read", now + stall, c.time - stall, c.energy_j});
  st_["reads"] += 1;
  st_["bytes_read"] += static_cast<double>(bytes);
  st_["line_hits"] += static_cast<double>(hits);
  st_["line_misses"] += static_cast<double>(misses);
  st_["bytes_fetched"] += fetched;
  st_["read_stall_ps"] += static_cast<double>(stall);
  return c;
}

Cost FlashModel::reread(std::uint64_t addr, std::uint64_t bytes, std::uint64_t tiles,
                         std::uint64_t passes, ps_t now) {
  Cost c;
  if (bytes == 0 || tiles == 0 || passes == 0) return c;
  offset(addr, bytes * tiles, "re-read");
  std::uint64_t units = 0;  // line fills (cache) or bus words (no cache) per pass
  for (std::uint64_t t = 0; t < tiles; ++t) {
    const std::uint64_t a = addr + t * bytes;
    units += cache_.enabled() ? cache_.cyclic_misses(a, bytes)
                              : (a + bytes - 1) / p_.bus_bytes - a / p_.bus_bytes + 1;
  }
  if (units == 0) return c;
  // A line fill as in read(); without a cache, each bus word's wait states (the word's
  // base cycle is the core's load, which the kernel's instruction count already holds).
  const std::uint64_t per = cache_.enabled() ? fill_cycles() : p_.wait_states;
  const ps_t stall = now < busy_until_ ? busy_until_ - now : 0;
  const double fetched =
      static_cast<double>(units * passes * (cache_.enabled() ? p_.cache.line_bytes : p_.bus_bytes));
  c.time = stall + cycles_to_ps(units * passes * per, hclk_hz_);
  c.energy_j = fetched * p_.read_energy_per_byte_j;
  if (stall) c.spans.push_back({"stall", now, stall, 0.0});
  c.spans.push_back({"reread", now + stall, c.time - stall, c.energy_j});
  st_["reread_misses"] += static_cast<double>(units * passes);
  st_["bytes_fetched"] += fetched;
  st_["read_stall_ps"] += static_cast<double>(stall);
  return c;
}

ps_t FlashModel::program_time_ps(std::uint64_t addr, std::uint64_t bytes) const {
  if (bytes == 0) return 0;
  const std::uint64_t words = (addr + bytes - 1) / p_.psize_bytes - addr / p_.psize_bytes + 1;
  return seconds_to_ps(static_cast<double>(words) * p_.t_prog_s);
}

ProgramResult FlashModel::program(std::uint64_t addr, const std::vector<std::uint8_t>& data,
                                  ps_t now) {
  const std::uint64_t off = offset(addr, data.size(), "program");
  ProgramResult r;
  if (data.empty()) return r;
  for (std::size_t i = 0; i < data.size(); ++i)
    if (data[i] & static_cast<std::uint8_t>(~content_[off + i])) ++r.error_bytes;
  r.error = r.error_bytes > 0;
  if (r.error) {
    st_["program_errors"] += 1;
    st_["program_error_bytes"] += static_cast<double>(r.error_bytes);
    if (p_.throw_on_program_error)
      throw InputError("flash: programming " + std::to_string(data.size()) + " B at " + format_address(addr) +
                       ": " + std::to_string(r.error_bytes) +
                       " byte(s) not erased (would need 0->1; programming error)");
  }
  for (std::size_t i = 0; i < data.size(); ++i) content_[off + i] &= data[i];
  const ps_t start = std::max(now, busy_until_);
  const ps_t t = program_time_ps(addr, data.size());
  busy_until_ = start + t;
  r.cost.time = (start - now) + t;
  r.cost.energy_j = ps_to_seconds(t) * pe_power_w();
  if (start > now) r.cost.spans.push_back({"stall", now, start - now, 0.0});
  r.cost.spans.push_back({"program", start, t, r.cost.energy_j});
  cache_.invalidate(addr, addr + data.size());
  st_["programs"] += 1;
  st_["bytes_programmed"] += static_cast<double>(data.size());
  st_["words_programmed"] += static_cast<double>(
      (addr + data.size() - 1) / p_.psize_bytes - addr / p_.psize_bytes + 1);
  return r;
}

ps_t FlashModel::erase_time_ps(std::size_t i) const {
  const std::uint64_t s = p_.sectors.at(i);
  for (const auto& e : p_.erase_times)
    if (e.sector_bytes == s) return seconds_to_ps(e.seconds);
  throw InputError("flash: no erase time for sector size " + std::to_string(s));
}

Cost FlashModel::erase_impl(std::size_t i, ps_t now, bool blocking) {
  if (i >= p_.sectors.size())
    throw InputError("flash: sector " + std::to_string(i) + " does not exist (" +
                     std::to_string(p_.sectors.size()) + " sectors)");
  Cost c;
  const ps_t start = std::max(now, busy_until_);
  const ps_t t = erase_time_ps(i);
  busy_until_ = start + t;
  c.time = blocking ? (start - now) + t : 0;
  c.energy_j = ps_to_seconds(t) * pe_power_w();
  if (start > now) c.spans.push_back({"stall", now, start - now, 0.0});
  c.spans.push_back({"erase", start, t, c.energy_j});
  const std::uint64_t off = sector_base_[i] - p_.base;
  std::fill(content_.begin() + static_cast<std::ptrdiff_t>(off),
            content_.begin() + static_cast<std::ptrdiff_t>(off + p_.sectors[i]), 0xFF);
  cache_.invalidate(sector_base_[i], sector_base_[i] + p_.sectors[i]);
  ++erase_count_[i];
  st_["erases"] += 1;
  return c;
}

Cost FlashModel::erase_sector(std::size_t i, ps_t now) { return erase_impl(i, now, true); }
Cost FlashModel::start_erase(std::size_t i, ps_t now) { return erase_impl(i, now, false); }

ProgramResult FlashModel::write_with_erase(std::uint64_t addr,
                                           const std::vector<std::uint8_t>& data, ps_t now) {
  const std::uint64_t off = offset(addr, data.size(), "write");
  ProgramResult r;
  if (data.empty()) return r;
  Cost total;
  ps_t t = now;
  for (std::size_t s = sector_of(addr); s <= sector_of(addr + data.size() - 1); ++s) {
    const std::uint64_t a = std::max(addr, sector_base_[s]) - p_.base;
    const std::uint64_t b = std::min(off + data.size(), sector_base_[s] - p_.base + p_.sectors[s]);
    if (std::all_of(content_.begin() + static_cast<std::ptrdiff_t>(a),
                    content_.begin() + static_cast<std::ptrdiff_t>(b),
                    [](std::uint8_t v) { return v == 0xFF; }))
      continue;
    Cost e = erase_sector(s, t);
    t += e.time;
    total.time += e.time;
    total.energy_j += e.energy_j;
    total.spans.insert(total.spans.end(), e.spans.begin(), e.spans.end());
  }
  r = program(addr, data, t);
  r.cost.time += total.time;
  r.cost.energy_j += total.energy_j;
  total.spans.insert(total.spans.end(), r.cost.spans.begin(), r.cost.spans.end());
  r.cost.spans = std::move(total.spans);
  return r;
}

Cost FlashModel::write(std::uint64_t addr, std::uint64_t bytes, ps_t now) {
  const std::vector<std::uint8_t> zeros(bytes, 0x00);
  return p_.write_policy == FlashWritePolicy::ProgramOnly ? program(addr, zeros, now).cost
                                                          : write_with_erase(addr, zeros, now).cost;
}

void FlashModel::load_image(std::uint64_t addr, const std::vector<std::uint8_t>& data) {
  const std::uint64_t off = offset(addr, data.size(), "load_image");
  std::copy(data.begin(), data.end(), content_.begin() + static_cast<std::ptrdiff_t>(off));
  cache_.invalidate(addr, addr + data.size());
}

std::uint8_t FlashModel::byte_at(std::uint64_t addr) const {
  return content_[offset(addr, 1, "byte_at")];
}

std::size_t FlashModel::sectors_over_endurance() const {
  std::size_t n = 0;
  for (std::size_t i = 0; i < erase_count_.size(); ++i) n += over_endurance(i);
  return n;
}

Stats FlashModel::stats() const {
  Stats s = st_;
  for (std::size_t i = 0; i < erase_count_.size(); ++i)
    s["erases_sector_" + std::to_string(i)] = static_cast<double>(erase_count_[i]);
  std::uint64_t mx = 0;
  for (auto e : erase_count_) mx = std::max(mx, e);
  s["max_sector_erases"] = static_cast<double>(mx);
  s["sectors_over_endurance"] = static_cast<double>(sectors_over_endurance());
  return s;
}

}  // namespace mcusim::dev
