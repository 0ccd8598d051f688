#pragma once
// µSD card over SPI, driven like Mbed OS SDBlockDevice (hardware.md §5.1).
// Two top-level YAML sections:
//   sd:                        # the link and driver (board/experiment side)
//     clock: 1MHz              # requested transfer SCK (Mbed TRX_FREQUENCY default 1 MHz)
//     init_clock: 100kHz       # requested init SCK (Mbed init frequency)
//     driver: polled           # polled|dma
//     bus: apb2                # apb1|apb2|apb: which bus clock the caller passes as pclk
//     cpu_cycles_per_byte: 100 # FIT: polled driver's CPU cost per byte (HCLK cycles)
//     init_on_first_access: false
//   card:                      # the card preset (configs/cards/*.yaml)
//     name, capacity, ncr_bytes, read_access_time, write_busy_time, acmd41_loops,
//     vdd, idle_current, command_current, read_current, write_current, busy_current,
//     write_current_per_mhz
// Requests above 25 MHz are clamped to 25 MHz (SDBlockDevice::_freq); the SPI
// prescaler then picks pclk/2^k (devices/spi/spi_clock.hpp).
#include <cstdint>
#include <memory>
#include <string>

#include "devices/device.hpp"
#include "devices/spi/spi_clock.hpp"
#include "sim/config/section.hpp"

namespace mcusim::dev {

enum class SdDriver { Polled, Dma };

struct SdLinkParams {
  double requested_hz = 1e6;       // as configured (before the 25 MHz clamp)
  double init_requested_hz = 100e3;
  SdDriver driver = SdDriver::Polled;
  std::string bus = "apb2";
  double cpu_cycles_per_byte = 100;  // FIT parameter, see configs/cards/README
  bool init_on_first_access = false;
};

struct SdCardParams {
  std::string name = "card";
  std::uint64_t capacity = 2000000000ULL;
  unsigned ncr_bytes = 1;          // fill bytes before R1 (spec NCR 1..8, Rev 2.2)
  double read_access_s = 0;        // FIT: card read access time before the 0xFE token
  double write_busy_s = 0;         // FIT: busy time after each written block
  unsigned acmd41_loops = 1;       // ACMD41 repetitions until the card leaves idle
  double vdd_v = 3.3;
  double idle_a = 0, command_a = 0, read_a = 0, write_a = 0, busy_a = 0;  // state currents
  double write_a_per_hz = 0;       // FIT: d(I_write, I_busy)/d(f_SCK), A per Hz
};

struct SdParams {
  SdLinkParams link;
  SdCardParams card;
  double pclk_hz = 0;   // the SPI's bus clock
  double hclk_hz = 0;   // core clock (polled driver overhead)
  SpiClock clock;       // transfer clock: requested (clamped) and actual
  SpiClock init_clock;  // init clock: requested and actual
  double clamped_hz = 0;  // min(requested, 25 MHz)
};

// Builds SdParams from link + card and computes the clocks. Throws InputError.
SdParams make_sd_params(const SdLinkParams& link, const SdCardParams& card, double pclk_hz,
                        double hclk_hz);
SdParams decode_sd(cfg::Section sd, cfg::Section card, double pclk_hz, double hclk_hz);
std::unique_ptr<MemoryModel> make_sd(const SdParams& p);

}  // namespace mcusim::dev
