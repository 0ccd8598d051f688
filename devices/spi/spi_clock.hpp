#pragma once
// Mbed OS STM32 SPI clock selection (hardware.md §5.2; ARMmbed/mbed-os
// targets/TARGET_STM/stm_spi_api.c): f_SCK = f_PCLK / 2^k, k = 1..8, taking the
// highest value that does not exceed the request. If even f_PCLK/256 is above the
// request (e.g. 100 kHz on a 108 MHz APB2), Mbed falls back to /256 and the actual
// clock is ABOVE the request; `above_request` reports that case.
#include <ostream>

namespace mcusim::dev {

struct SpiClock {
  double pclk_hz = 0;       // the SPI's bus clock (APB2 for SPI1 on the Nucleo boards)
  double requested_hz = 0;  // what the software asked for
  double actual_hz = 0;     // pclk_hz / divider
  unsigned divider = 0;     // 2..256
  bool above_request = false;  // true when /256 was still faster than the request
};

// Throws InputError if a clock is not positive.
SpiClock mbed_spi_clock(double pclk_hz, double requested_hz);

// One line: "<label> requested=1MHz actual=843.75kHz divider=128 pclk=108MHz".
void describe_spi_clock(std::ostream& os, const char* label, const SpiClock& c);

}  // namespace mcusim::dev
