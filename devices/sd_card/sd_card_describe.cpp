#include <cstdio>

#include "devices/sd_card/sd_card_model.hpp"
#include "devices/sram/si_format.hpp"

namespace mcusim::dev {

void SdModel::describe(std::ostream& os) const {
  const auto& c = p_.card;
  auto I = [](double a) { return si(a, "A"); };
  auto T = [](double s) { return si(s, "s"); };
  os << "sd.card = " << c.name << ", " << c.capacity << " B\n";
  describe_spi_clock(os, "sd.clock =", p_.clock);
  os << "sd.clock.clamped = " << si(p_.clamped_hz, "Hz")
     << " (SDBlockDevice limit 25MHz)\n";
  describe_spi_clock(os, "sd.init_clock =", p_.init_clock);
  os << "sd.bus = " << p_.link.bus << "\n";
  os << "sd.driver = " << (p_.link.driver == SdDriver::Dma ? "dma" : "polled") << ", "
     << p_.link.cpu_cycles_per_byte << " cycles per polled byte at "
     << si(p_.hclk_hz, "Hz") << "\n";
  os << "sd.byte_time = " << T(byte_time_s(p_.clock.actual_hz)) << " per polled byte\n";
  os << "sd.ncr = " << c.ncr_bytes << " B\n";
  os << "sd.read_access_time = " << T(c.read_access_s) << " (nac " << nac_bytes(p_.clock.actual_hz)
     << " B)\n";
  os << "sd.write_busy_time = " << T(c.write_busy_s) << " (" << busy_bytes(p_.clock.actual_hz)
     << " B) per block\n";
  os << "sd.acmd41_loops = " << c.acmd41_loops << "\n";
  os << "sd.vdd = " << si(c.vdd_v, "V") << "\n";
  for (const char* s : {"idle", "command", "read", "write", "busy"})
    os << "sd.current." << s << " = " << I(state_current_a(s)) << "\n";
  os << "sd.write_current_per_mhz = " << I(c.write_a_per_hz * 1e6) << " per MHz of f_SCK\n";
  os << "sd.frame.read_1 = " << read_frame(1).bytes() << " B, "
     << T(ps_to_seconds(frame_time(read_frame(1)))) << "\n";
  os << "sd.frame.write_1 = " << write_frame(1).bytes() << " B, "
     << T(ps_to_seconds(frame_time(write_frame(1)))) << "\n";
  os << "sd.frame.init = " << init_frame().bytes() << " B, "
     << T(ps_to_seconds(frame_time(init_frame()))) << "\n";
  os << "sd.action.read = blocks covering the range, CMD17 (1) or CMD18+CMD12 (N)\n";
  os << "sd.action.write = partial blocks read first (RMW), CMD24 (1) or ACMD23+CMD25 (N)\n";
  os << "sd.action.energy = (I_state - I_idle) x vdd x time per state\n";
  for (const auto& [k, v] : stats()) os << "sd.stat." << k << " = " << v << "\n";
}

}  // namespace mcusim::dev
