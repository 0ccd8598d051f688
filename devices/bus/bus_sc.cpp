#include "devices/bus/bus_sc.hpp"

namespace mcusim::dev {

Bus::Bus(sc_core::sc_module_name n, ps_t latency, const std::vector<Window>& windows)
    : sc_module(n), target("target"), latency_(latency) {
  target.register_b_transport(this, &Bus::b_transport);
  for (const auto& w : windows)
    ports_.push_back(Port{w.base, w.size,
                          std::make_unique<tlm_utils::simple_initiator_socket<Bus>>(
                              (w.name + "_port").c_str()),
                          sc_core::SC_ZERO_TIME});
}

void Bus::b_transport(int /*initiator*/, tlm::tlm_generic_payload& trans,
                      sc_core::sc_time& delay) {
  const std::uint64_t a = trans.get_address();
  for (auto& p : ports_) {
    if (a < p.base || a - p.base >= p.size) continue;
    delay += sc_core::sc_time(static_cast<double>(latency_), sc_core::SC_PS);
    const sc_core::sc_time start = sc_core::sc_time_stamp() + delay;
    if (p.busy_until > start) delay += p.busy_until - start;  // wait for the port
    // The address map is flat: targets see absolute bus addresses.
    (*p.socket)->b_transport(trans, delay);
    p.busy_until = sc_core::sc_time_stamp() + delay;
    return;
  }
  trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
}

}  // namespace mcusim::dev
