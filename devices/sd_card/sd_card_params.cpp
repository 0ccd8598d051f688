#include "devices/sd_card/sd_card_params.hpp"

#include <algorithm>

#include "sim/core/error.hpp"

namespace mcusim::dev {

// SDBlockDevice::_freq(): "Max frequency supported is 25MHZ" (hardware.md §5.1).
static constexpr double kMbedMaxSck = 25e6;

SdParams make_sd_params(const SdLinkParams& link, const SdCardParams& card, double pclk_hz,
                        double hclk_hz) {
  if (!(pclk_hz > 0) || !(hclk_hz > 0)) throw InputError("sd: bus and core clocks must be positive");
  SdParams p;
  p.link = link;
  p.card = card;
  p.pclk_hz = pclk_hz;
  p.hclk_hz = hclk_hz;
  p.clamped_hz = std::min(link.requested_hz, kMbedMaxSck);
  p.clock = mbed_spi_clock(pclk_hz, p.clamped_hz);
  p.clock.requested_hz = link.requested_hz;  // report what the user asked for
  p.init_clock = mbed_spi_clock(pclk_hz, link.init_requested_hz);
  return p;
}

SdParams decode_sd(cfg::Section sd, cfg::Section card, double pclk_hz, double hclk_hz) {
  SdLinkParams l;
  l.requested_hz = sd.quantity_or("clock", Dim::Frequency, 1e6);
  l.init_requested_hz = sd.quantity_or("init_clock", Dim::Frequency, 100e3);
  l.driver = sd.choice_or("driver", {"polled", "dma"}, "polled") == "dma" ? SdDriver::Dma
                                                                          : SdDriver::Polled;
  l.bus = sd.choice_or("bus", {"apb1", "apb2", "apb"}, "apb2");
  l.cpu_cycles_per_byte = sd.number_or("cpu_cycles_per_byte", 100);
  if (l.cpu_cycles_per_byte < 0) sd.fail("cpu_cycles_per_byte", "must not be negative");
  l.init_on_first_access = sd.boolean_or("init_on_first_access", false);
  sd.finish();

  SdCardParams c;
  c.name = card.string_or("name", "card");
  c.capacity = card.bytes("capacity");
  c.ncr_bytes = static_cast<unsigned>(card.integer_or("ncr_bytes", 0, 8, 1));
  c.read_access_s = card.quantity_nonneg("read_access_time", Dim::Time);
  c.write_busy_s = card.quantity_nonneg("write_busy_time", Dim::Time);
  c.acmd41_loops = static_cast<unsigned>(card.integer_or("acmd41_loops", 1, 1000000, 1));
  c.vdd_v = card.quantity("vdd", Dim::Voltage);
  c.idle_a = card.quantity_nonneg("idle_current", Dim::Current);
  c.command_a = card.quantity_nonneg("command_current", Dim::Current);
  c.read_a = card.quantity_nonneg("read_current", Dim::Current);
  c.write_a = card.quantity_nonneg("write_current", Dim::Current);
  c.busy_a = card.quantity_nonneg_or("busy_current", Dim::Current, c.write_a);
  c.write_a_per_hz = card.quantity_nonneg_or("write_current_per_mhz", Dim::Current, 0.0) / 1e6;
  card.finish();
  if (c.capacity % 512 != 0) card.fail("capacity", "must be a whole number of 512 B blocks");
  try {
    return make_sd_params(l, c, pclk_hz, hclk_hz);
  } catch (const InputError& e) {
    sd.fail("clock", e.what());
  }
}

}  // namespace mcusim::dev
