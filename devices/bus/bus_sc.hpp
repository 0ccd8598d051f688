#pragma once
// The AHB/AXI bus matrix, as far as timing goes: address decode to targets, a fixed
// per-transaction latency, and busy-until contention per target port (a second
// initiator reaching a busy target waits until the first transfer completes).
#include <memory>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/multi_passthrough_target_socket.h>

#include "sim/core/units.hpp"

namespace mcusim::dev {

class Bus : public sc_core::sc_module {
 public:
  // Any number of initiators (cores, DMA) bind here; they contend per target port.
  tlm_utils::multi_passthrough_target_socket<Bus> target;

  struct Window {
    std::string name;
    std::uint64_t base, size;
  };
  // One port per address window [base, base+size); sockets are created here, during
  // elaboration, as SystemC requires.
  Bus(sc_core::sc_module_name n, ps_t latency, const std::vector<Window>& windows);
  tlm_utils::simple_initiator_socket<Bus>& port(std::size_t i) { return *ports_.at(i).socket; }

 private:
  struct Port {
    std::uint64_t base, size;
    std::unique_ptr<tlm_utils::simple_initiator_socket<Bus>> socket;
    sc_core::sc_time busy_until;
  };
  void b_transport(int initiator, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
  ps_t latency_;
  std::vector<Port> ports_;
};

}  // namespace mcusim::dev
