#include "devices/spi/spi_clock.hpp"

#include "devices/sram/si_format.hpp"
#include "sim/core/error.hpp"
#include "sim/core/units.hpp"

namespace mcusim::dev {

SpiClock mbed_spi_clock(double pclk_hz, double requested_hz) {
  if (!(pclk_hz > 0) || !(requested_hz > 0))
    throw InputError("spi: bus clock and requested SCK must be positive");
  SpiClock c;
  c.pclk_hz = pclk_hz;
  c.requested_hz = requested_hz;
  // Prescalers /2 ... /256 (SPI_CR1.BR = 0..7, RM0410 §35.8.1); fastest first.
  for (unsigned k = 1; k <= 8; ++k) {
    const unsigned div = 1u << k;
    if (pclk_hz / div <= requested_hz) {
      c.divider = div;
      c.actual_hz = pclk_hz / div;
      return c;
    }
  }
  c.divider = 256;  // Mbed's fallback: slowest available, still above the request
  c.actual_hz = pclk_hz / 256;
  c.above_request = true;
  return c;
}

void describe_spi_clock(std::ostream& os, const char* label, const SpiClock& c) {
  os << label << " requested=" << si(c.requested_hz, "Hz")
     << " actual=" << si(c.actual_hz, "Hz") << " divider=" << c.divider
     << " pclk=" << si(c.pclk_hz, "Hz")
     << (c.above_request ? " (request below pclk/256: /256 used)" : "") << "\n";
}

}  // namespace mcusim::dev
