#include "devices/cortex_m/core_sc.hpp"

#include <vector>

#include "devices/reread_ext.hpp"

namespace mcusim::dev {

CortexM::CortexM(sc_core::sc_module_name n, double hz, const std::vector<LayerWork>& work,
                 const std::vector<TargetSpec>& targets, Ledger& ledger, int device,
                 std::vector<LayerResult>& results, int& current_layer)
    : sc_module(n), socket("socket"), hz_(hz), work_(work), targets_(targets), ledger_(ledger),
      device_(device), results_(results), current_layer_(current_layer) {
  SC_THREAD(run);
}

Tier CortexM::tier_of(std::uint64_t addr) const {
  for (const auto& t : targets_)
    if (addr >= t.base && addr - t.base < t.size) return t.tier;
  return Tier::Sram;
}

void CortexM::run() {
  // Timing-only payloads: the targets never dereference the data pointer.
  static unsigned char dummy[1];
  results_.assign(work_.size(), LayerResult{});
  for (std::size_t li = 0; li < work_.size(); ++li) {
    current_layer_ = work_[li].index;
    LayerResult& r = results_[li];
    r.start = static_cast<ps_t>(sc_core::sc_time_stamp().value());
    ps_t overlap_end = 0;
    Tier overlap_tier = Tier::Sram;
    for (const Step& s : work_[li].steps) {
      if (s.kind == Step::Kind::Compute) {
        const ps_t t = cycles_to_ps(s.cycles, hz_);
        const ps_t now = static_cast<ps_t>(sc_core::sc_time_stamp().value());
        ledger_.record(Span{device_, Tier::Compute, current_layer_, "compute", now, t, 0.0});
        r.tier_time[static_cast<int>(Tier::Compute)] += t;
        wait(sc_core::sc_time(static_cast<double>(t), sc_core::SC_PS));
        continue;
      }
      tlm::tlm_generic_payload trans;
      trans.set_command(s.kind == Step::Kind::Write ? tlm::TLM_WRITE_COMMAND
                                                    : tlm::TLM_READ_COMMAND);
      RereadExt reread;  // on the stack: cleared from the payload before it goes out of scope
      if (s.kind == Step::Kind::Reread) {
        reread.tiles = s.tiles;
        reread.passes = s.passes;
        trans.set_extension(&reread);
      }
      trans.set_address(s.addr);
      trans.set_data_ptr(dummy);
      trans.set_data_length(static_cast<unsigned>(s.bytes));
      trans.set_streaming_width(static_cast<unsigned>(s.bytes));
      trans.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
      sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
      socket->b_transport(trans, delay);
      if (s.kind == Step::Kind::Reread) trans.clear_extension(&reread);
      if (trans.is_response_error())
        SC_REPORT_ERROR("mcusim/core", "transaction to an unmapped address");
      ++r.transactions;
      if (s.overlap) {  // the core goes on; the layer joins this transaction at its end
        const ps_t done = static_cast<ps_t>((sc_core::sc_time_stamp() + delay).value());
        if (done > overlap_end) {
          overlap_end = done;
          overlap_tier = tier_of(s.addr);
        }
        continue;
      }
      r.tier_time[static_cast<int>(tier_of(s.addr))] += static_cast<ps_t>(delay.value());
      wait(delay);
    }
    // What of the overlapped transactions outlasts the layer's own work shows as their
    // tier's time (the per-tier times still sum to the layer's latency).
    const ps_t now = static_cast<ps_t>(sc_core::sc_time_stamp().value());
    if (overlap_end > now) {
      r.tier_time[static_cast<int>(overlap_tier)] += overlap_end - now;
      wait(sc_core::sc_time(static_cast<double>(overlap_end - now), sc_core::SC_PS));
    }
    r.end = static_cast<ps_t>(sc_core::sc_time_stamp().value());
  }
  current_layer_ = -1;
}

}  // namespace mcusim::dev
