#pragma once
// Generic thin TLM-2.0 target around any plain dev::MemoryModel: adds the model's
// access time to the transaction delay and reports the access to the ledger.
#include <string>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "devices/device.hpp"
#include "devices/reread_ext.hpp"
#include "sim/platform/ledger.hpp"

namespace mcusim::dev {

class MemoryTarget : public sc_core::sc_module {
 public:
  tlm_utils::simple_target_socket<MemoryTarget> socket;

  MemoryTarget(sc_core::sc_module_name n, MemoryModel& model, Ledger& ledger, int device,
               Tier tier, const int* current_layer)
      : sc_module(n), socket("socket"), model_(model), ledger_(ledger), device_(device),
        tier_(tier), layer_(current_layer) {
    socket.register_b_transport(this, &MemoryTarget::b_transport);
  }

 private:
  void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    const ps_t now = static_cast<ps_t>((sc_core::sc_time_stamp() + delay).value());
    const bool write = trans.get_command() == tlm::TLM_WRITE_COMMAND;
    RereadExt* rr = nullptr;
    trans.get_extension(rr);
    Cost c = write ? model_.write(trans.get_address(), trans.get_data_length(), now)
             : rr  ? model_.reread(trans.get_address(), trans.get_data_length(), rr->tiles,
                                   rr->passes, now)
                   : model_.read(trans.get_address(), trans.get_data_length(), now);
    if (c.spans.empty()) {
      ledger_.record(Span{device_, tier_, *layer_, write ? "write" : rr ? "reread" : "read", now,
                          c.time, c.energy_j});
    } else {
      for (const auto& s : c.spans)
        ledger_.record(Span{device_, tier_, *layer_, s.state, s.start, s.duration, s.energy_j});
    }
    delay += sc_core::sc_time(static_cast<double>(c.time), sc_core::SC_PS);
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
  }

  MemoryModel& model_;
  Ledger& ledger_;
  int device_;
  Tier tier_;
  const int* layer_;
};

}  // namespace mcusim::dev
