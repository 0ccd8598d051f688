#pragma once
// µSD card in SPI mode, as driven by Mbed OS SDBlockDevice @0874f74a (hardware.md
// §5.1, §5.3). Every byte the driver clocks is counted (notation: PRE/POST = the
// pre-select / post-deselect fill byte, WR = one _wait_ready byte when the card is
// ready, R1 = ncr fill bytes + the R1 byte):
//   plain command (_cmd)     PRE + WR + 6 + (ncr+1) + POST            = 10 + ncr
//   R3/R7 command (CMD8/58)  plain + 4                                = 14 + ncr
//   ACMD (CMD55 + cmd)       PRE + WR + 6+(ncr+1) + WR + 6+(ncr+1) + POST = 18 + 2 ncr
//   CMD17, 1 block read      PRE+WR+6+(ncr+1) + nac+1+512+2 + POST     = 525 + ncr + nac
//   CMD18, N blocks + CMD12  PRE+WR+6+(ncr+1) + N(nac+515) + POST
//                            + CMD12: PRE + 6 + stuff + (ncr+1) + WR + POST
//                                                                    = 21 + 2 ncr + N(nac+515)
//   CMD24, 1 block write     PRE+WR+6+(ncr+1) + 1+512+2+1 + (nbusy+1) + POST = 527 + ncr + nbusy
//   ACMD23 + CMD25, N blocks (18+2ncr) + PRE+WR+6+(ncr+1) + N(1+512+2+1+nbusy+1)
//                            + stop token 0xFD + POST                 = 29 + 3 ncr + N(517 + nbusy)
//   init (at init clock)     10 dummy (80 clocks) + CMD0 + CMD8 + CMD58 + L x ACMD41
//                            + CMD58 + CMD59 + CMD9 (+ CSD: 1+1+16+2+POST) + CMD16
//                                                                    = 112 + 7 ncr + L(18 + 2 ncr)
// Card waits are polled one byte at a time: nac = max(1, ceil(read_access_time / t_byte))
// fill bytes before the 0xFE token (spec NAC >= 1), nbusy = ceil(write_busy_time / t_byte)
// zero bytes before MISO returns 0xFF, with t_byte = 8/f_SCK + cpu_cycles_per_byte/f_HCLK.
// The CSD register read during init uses nac = 1. The busy after the multi-block stop
// token is not modelled (each block's busy was already waited for).
// Time of a transaction = round(bytes x 8 / f_SCK) + round(polled x cycles_per_byte / f_HCLK)
// where polled = all bytes (driver: polled) or all bytes but the 512-byte payloads (dma).
// Energy = sum over states of (I_state - I_idle) x vdd x duration; I_write and I_busy
// are I0 + write_current_per_mhz x f_SCK (FIT to paper Fig. 6, scripts/fit-sd-power).
// Byte addresses map to 512-byte blocks; a write that covers a block only partly first
// reads that block (CMD17): read-modify-write.
#include <cstdint>
#include <string>
#include <vector>

#include "devices/sd_card/sd_card_params.hpp"

namespace mcusim::dev {

struct SdSegment {
  std::string state;           // "command", "read", "write", "busy"
  std::uint64_t bytes = 0;     // bytes on the wire
  std::uint64_t payload = 0;   // of which DMA-able 512-byte data payload
};

struct SdFrame {
  std::vector<SdSegment> segments;
  double f_sck = 0;
  std::uint64_t bytes() const;
  std::uint64_t payload() const;
};

class SdModel : public MemoryModel {
 public:
  static constexpr std::uint64_t kBlock = 512;
  explicit SdModel(SdParams p);
  std::string name() const override { return "sd"; }
  Cost read(std::uint64_t addr, std::uint64_t bytes, ps_t now) override;
  Cost write(std::uint64_t addr, std::uint64_t bytes, ps_t now) override;
  double idle_power_w() const override { return p_.card.idle_a * p_.card.vdd_v; }
  Stats stats() const override;
  void describe(std::ostream& os) const override;

  // Whole-block transfers and initialisation (what SDBlockDevice::read/program/init do).
  Cost read_blocks(std::uint64_t n, ps_t now);
  Cost write_blocks(std::uint64_t n, ps_t now);
  Cost init(ps_t now);

  // Frames (byte counts) and the time they take, for tests and `describe`.
  SdFrame read_frame(std::uint64_t n) const;
  SdFrame write_frame(std::uint64_t n) const;
  SdFrame init_frame() const;
  ps_t frame_time(const SdFrame& f) const;
  std::uint64_t nac_bytes(double f_sck) const;
  std::uint64_t busy_bytes(double f_sck) const;
  double byte_time_s(double f_sck) const;  // one polled byte

  double requested_hz() const { return p_.link.requested_hz; }
  double actual_hz() const { return p_.clock.actual_hz; }
  double init_actual_hz() const { return p_.init_clock.actual_hz; }
  double state_current_a(const std::string& state) const;
  const SdParams& params() const { return p_; }

 private:
  Cost run(const SdFrame& f, ps_t now, const char* stat_prefix);
  Cost maybe_init(ps_t now);
  std::uint64_t ncr() const { return p_.card.ncr_bytes; }
  void check_range(std::uint64_t addr, std::uint64_t bytes, const char* what) const;
  SdParams p_;
  bool initialised_ = false;
  Stats st_;
};

}  // namespace mcusim::dev
