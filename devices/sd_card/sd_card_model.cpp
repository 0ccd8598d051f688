#include "devices/sd_card/sd_card_model.hpp"

#include <cmath>

#include "sim/core/error.hpp"

namespace mcusim::dev {

std::uint64_t SdFrame::bytes() const {
  std::uint64_t n = 0;
  for (const auto& s : segments) n += s.bytes;
  return n;
}
std::uint64_t SdFrame::payload() const {
  std::uint64_t n = 0;
  for (const auto& s : segments) n += s.payload;
  return n;
}

SdModel::SdModel(SdParams p) : p_(std::move(p)) {
  if (!(p_.clock.actual_hz > 0) || !(p_.hclk_hz > 0))
    throw InputError("sd: clocks not set (build SdParams with make_sd_params/decode_sd)");
  for (const char* k : {"reads", "writes", "blocks_read", "blocks_written", "bytes_read",
                        "bytes_written", "rmw_block_reads", "wire_bytes", "inits"})
    st_[k] = 0;
}

std::unique_ptr<MemoryModel> make_sd(const SdParams& p) { return std::make_unique<SdModel>(p); }

double SdModel::byte_time_s(double f) const {
  return 8.0 / f + p_.link.cpu_cycles_per_byte / p_.hclk_hz;
}

static std::uint64_t polls(double wait_s, double byte_s) {
  if (wait_s <= 0) return 0;
  return static_cast<std::uint64_t>(std::ceil(wait_s / byte_s - 1e-9));
}

std::uint64_t SdModel::nac_bytes(double f) const {
  const std::uint64_t n = polls(p_.card.read_access_s, byte_time_s(f));
  return n < 1 ? 1 : n;  // spec NAC >= 1 (hardware.md §5.3)
}
std::uint64_t SdModel::busy_bytes(double f) const {
  return polls(p_.card.write_busy_s, byte_time_s(f));
}

SdFrame SdModel::read_frame(std::uint64_t n) const {
  SdFrame f;
  f.f_sck = p_.clock.actual_hz;
  const std::uint64_t nac = nac_bytes(f.f_sck);
  f.segments.push_back({"command", 9 + ncr(), 0});                // PRE WR CMD17/18 R1
  f.segments.push_back({"read", n * (nac + 515), n * kBlock});    // NAC token data CRC
  f.segments.push_back({"command", 1, 0});                        // POST
  if (n > 1) f.segments.push_back({"command", 11 + ncr(), 0});    // CMD12 (R1b, ready)
  return f;
}

SdFrame SdModel::write_frame(std::uint64_t n) const {
  SdFrame f;
  f.f_sck = p_.clock.actual_hz;
  const std::uint64_t nb = busy_bytes(f.f_sck);
  if (n == 1) {
    f.segments.push_back({"command", 9 + ncr(), 0});              // PRE WR CMD24 R1
    f.segments.push_back({"write", 516, kBlock});                 // 0xFE data CRC resp
    f.segments.push_back({"busy", nb + 1, 0});                    // busy polls + 0xFF
    f.segments.push_back({"command", 1, 0});                      // POST
    return f;
  }
  f.segments.push_back({"command", 18 + 2 * ncr(), 0});           // ACMD23
  f.segments.push_back({"command", 9 + ncr(), 0});                // PRE WR CMD25 R1
  for (std::uint64_t i = 0; i < n; ++i) {
    f.segments.push_back({"write", 516, kBlock});                 // 0xFC data CRC resp
    f.segments.push_back({"busy", nb + 1, 0});
  }
  f.segments.push_back({"command", 2, 0});                        // 0xFD + POST
  return f;
}

SdFrame SdModel::init_frame() const {
  SdFrame f;
  f.f_sck = p_.init_clock.actual_hz;
  const std::uint64_t plain = 10 + ncr(), r37 = 14 + ncr(), acmd = 18 + 2 * ncr();
  f.segments.push_back({"command", 10, 0});                       // 80 dummy clocks
  f.segments.push_back({"command", plain, 0});                    // CMD0
  f.segments.push_back({"command", r37, 0});                      // CMD8 (R7)
  f.segments.push_back({"command", r37, 0});                      // CMD58 (R3)
  f.segments.push_back({"command", p_.card.acmd41_loops * acmd, 0});  // ACMD41 loop
  f.segments.push_back({"command", r37, 0});                      // CMD58 (CCS)
  f.segments.push_back({"command", plain, 0});                    // CMD59 (CRC off)
  f.segments.push_back({"command", 9 + ncr() + 21, 0});           // CMD9 + CSD (nac=1)
  f.segments.push_back({"command", plain, 0});                    // CMD16 (512 B)
  return f;
}

ps_t SdModel::frame_time(const SdFrame& f) const {
  const std::uint64_t bytes = f.bytes();
  const std::uint64_t polled = p_.link.driver == SdDriver::Dma ? bytes - f.payload() : bytes;
  return static_cast<ps_t>(std::llround(static_cast<double>(bytes) * 8e12 / f.f_sck)) +
         static_cast<ps_t>(std::llround(static_cast<double>(polled) *
                                        p_.link.cpu_cycles_per_byte * 1e12 / p_.hclk_hz));
}

double SdModel::state_current_a(const std::string& s) const {
  const auto& c = p_.card;
  const double slope = c.write_a_per_hz * p_.clock.actual_hz;
  if (s == "read") return c.read_a;
  if (s == "write") return c.write_a + slope;
  if (s == "busy") return c.busy_a + slope;
  if (s == "command") return c.command_a;
  return c.idle_a;
}

Cost SdModel::run(const SdFrame& f, ps_t now, const char* stat_prefix) {
  Cost c;
  c.time = frame_time(f);
  const double total_units = static_cast<double>(f.bytes());
  // Split the exact total time over segments in proportion to their byte time.
  const bool dma = p_.link.driver == SdDriver::Dma;
  double units_total = 0;
  std::vector<double> units;
  for (const auto& s : f.segments) {
    const double polled = static_cast<double>(dma ? s.bytes - s.payload : s.bytes);
    units.push_back(static_cast<double>(s.bytes) * 8.0 / f.f_sck +
                    polled * p_.link.cpu_cycles_per_byte / p_.hclk_hz);
    units_total += units.back();
  }
  ps_t t = now, used = 0;
  for (std::size_t i = 0; i < f.segments.size(); ++i) {
    const auto& s = f.segments[i];
    ps_t d = (i + 1 == f.segments.size())
                 ? c.time - used
                 : static_cast<ps_t>(std::llround(static_cast<double>(c.time) * units[i] / units_total));
    const double e = (state_current_a(s.state) - p_.card.idle_a) * p_.card.vdd_v * ps_to_seconds(d);
    if (!c.spans.empty() && c.spans.back().state == s.state) {
      c.spans.back().duration += d;
      c.spans.back().energy_j += e;
    } else {
      c.spans.push_back({s.state, t, d, e});
    }
    c.energy_j += e;
    st_["time_" + s.state + "_ps"] += static_cast<double>(d);
    t += d;
    used += d;
  }
  st_["wire_bytes"] += total_units;
  st_[std::string(stat_prefix) + "_ps"] += static_cast<double>(c.time);
  return c;
}

static void append(Cost& a, const Cost& b) {
  a.time += b.time;
  a.energy_j += b.energy_j;
  a.spans.insert(a.spans.end(), b.spans.begin(), b.spans.end());
}

Cost SdModel::init(ps_t now) {
  initialised_ = true;
  st_["inits"] += 1;
  return run(init_frame(), now, "time_init");
}

Cost SdModel::maybe_init(ps_t now) {
  if (initialised_ || !p_.link.init_on_first_access) return {};
  return init(now);
}

Cost SdModel::read_blocks(std::uint64_t n, ps_t now) {
  if (n == 0) return {};
  st_["blocks_read"] += static_cast<double>(n);
  return run(read_frame(n), now, "time_read");
}

Cost SdModel::write_blocks(std::uint64_t n, ps_t now) {
  if (n == 0) return {};
  st_["blocks_written"] += static_cast<double>(n);
  return run(write_frame(n), now, "time_write");
}

void SdModel::check_range(std::uint64_t addr, std::uint64_t bytes, const char* what) const {
  if (addr + bytes > p_.card.capacity || addr + bytes < addr)
    throw InputError(std::string("sd: ") + what + " of " + std::to_string(bytes) + " B at byte " +
                     std::to_string(addr) + " is beyond the card capacity of " +
                     std::to_string(p_.card.capacity) + " B");
}

Cost SdModel::read(std::uint64_t addr, std::uint64_t bytes, ps_t now) {
  check_range(addr, bytes, "read");
  Cost c = maybe_init(now);
  if (bytes == 0) return c;
  st_["reads"] += 1;
  st_["bytes_read"] += static_cast<double>(bytes);
  const std::uint64_t n = (addr + bytes - 1) / kBlock - addr / kBlock + 1;
  append(c, read_blocks(n, now + c.time));
  return c;
}

Cost SdModel::write(std::uint64_t addr, std::uint64_t bytes, ps_t now) {
  check_range(addr, bytes, "write");
  Cost c = maybe_init(now);
  if (bytes == 0) return c;
  st_["writes"] += 1;
  st_["bytes_written"] += static_cast<double>(bytes);
  const std::uint64_t first = addr / kBlock, last = (addr + bytes - 1) / kBlock;
  const std::uint64_t end = addr + bytes;
  const bool head_partial = addr % kBlock != 0 || end < (first + 1) * kBlock;
  const bool tail_partial = last != first && end % kBlock != 0;
  for (int i = 0; i < int(head_partial) + int(tail_partial); ++i) {  // read-modify-write
    st_["rmw_block_reads"] += 1;
    append(c, read_blocks(1, now + c.time));
  }
  append(c, write_blocks(last - first + 1, now + c.time));
  return c;
}

Stats SdModel::stats() const { return st_; }

}  // namespace mcusim::dev
