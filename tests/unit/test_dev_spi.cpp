#include <gtest/gtest.h>

#include "devices/spi/spi_clock.hpp"
#include "sim/core/error.hpp"

using mcusim::dev::mbed_spi_clock;

// hardware.md §5.2: f_SCK = f_PCLK / 2^k (k = 1..8), highest value not above the request.
TEST(DevSpi, F767RequestsFromTheBrief) {
  auto a = mbed_spi_clock(108e6, 1e6);
  EXPECT_EQ(a.actual_hz, 843750.0);
  EXPECT_EQ(a.divider, 128u);
  EXPECT_FALSE(a.above_request);
  auto b = mbed_spi_clock(108e6, 25e6);
  EXPECT_EQ(b.actual_hz, 13.5e6);
  EXPECT_EQ(b.divider, 8u);
  auto c = mbed_spi_clock(108e6, 100e3);  // even /256 is above 100 kHz: Mbed keeps /256
  EXPECT_EQ(c.actual_hz, 421875.0);
  EXPECT_EQ(c.divider, 256u);
  EXPECT_TRUE(c.above_request);
  EXPECT_EQ(c.requested_hz, 100e3);
}

TEST(DevSpi, HardwareMdTable52AllBoards) {
  struct Row { const char* board; double pclk, at1MHz, at25MHz; };
  const Row rows[] = {
      {"F767ZI", 108e6, 843750, 13.5e6}, {"F746ZG", 108e6, 843750, 13.5e6},
      {"F429ZI", 90e6, 703125, 22.5e6},  {"F207ZG", 60e6, 937500, 15e6},
      {"F091RC", 48e6, 750000, 24e6},
  };
  for (const auto& r : rows) {
    EXPECT_EQ(mbed_spi_clock(r.pclk, 1e6).actual_hz, r.at1MHz) << r.board;
    EXPECT_EQ(mbed_spi_clock(r.pclk, 25e6).actual_hz, r.at25MHz) << r.board;
    // APB1 = APB2/2 on these Mbed configurations gives the same result (hardware.md §5.2).
    if (r.pclk != 48e6) {
      EXPECT_EQ(mbed_spi_clock(r.pclk / 2, 1e6).actual_hz, r.at1MHz) << r.board;
    }
  }
}

TEST(DevSpi, ExactRequestAndExtremes) {
  EXPECT_EQ(mbed_spi_clock(108e6, 54e6).divider, 2u);    // exact match allowed
  EXPECT_EQ(mbed_spi_clock(108e6, 1e9).divider, 2u);     // fastest is /2
  EXPECT_EQ(mbed_spi_clock(108e6, 53.9e6).divider, 4u);
  EXPECT_THROW(mbed_spi_clock(0, 1e6), mcusim::InputError);
  EXPECT_THROW(mbed_spi_clock(108e6, 0), mcusim::InputError);
}
