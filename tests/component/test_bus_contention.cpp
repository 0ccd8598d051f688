// Bus contention between two initiators sharing one target (issue 3): a transaction
// that reaches a busy port waits exactly until the port's previous transfer completes.
// Boundary: issued 1 ps before completion -> waits 1 ps; issued at completion -> no wait.
// One SystemC elaboration per process: this executable runs one simulation.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "devices/bus/bus_sc.hpp"
#include "devices/device.hpp"
#include "devices/memory_target_sc.hpp"
#include "sim/platform/ledger.hpp"

using namespace mcusim;
using sc_core::SC_NS;
using sc_core::SC_PS;
using sc_core::sc_time;

namespace {

class FixedModel : public dev::MemoryModel {  // every access takes 100 ns
 public:
  std::string name() const override { return "mem"; }
  dev::Cost read(std::uint64_t, std::uint64_t, ps_t) override { return {100'000, 0.0, {}}; }
  dev::Cost write(std::uint64_t, std::uint64_t, ps_t) override { return {100'000, 0.0, {}}; }
  void describe(std::ostream&) const override {}
};

struct Initiator : sc_core::sc_module {
  tlm_utils::simple_initiator_socket<Initiator> socket;
  std::vector<sc_time> issue;                // absolute issue times
  std::vector<std::uint64_t> addr;
  std::vector<sc_time> done;                 // completion times
  std::vector<tlm::tlm_response_status> status;
  SC_HAS_PROCESS(Initiator);
  Initiator(sc_core::sc_module_name n, std::vector<sc_time> t, std::vector<std::uint64_t> a)
      : sc_module(n), socket("socket"), issue(std::move(t)), addr(std::move(a)) {
    SC_THREAD(run);
  }
  void run() {
    static unsigned char dummy[4];
    for (std::size_t i = 0; i < issue.size(); ++i) {
      wait(issue[i] - sc_core::sc_time_stamp());
      tlm::tlm_generic_payload t;
      t.set_command(tlm::TLM_READ_COMMAND);
      t.set_address(addr[i]);
      t.set_data_ptr(dummy);
      t.set_data_length(4);
      t.set_streaming_width(4);
      sc_time delay = sc_core::SC_ZERO_TIME;
      socket->b_transport(t, delay);
      wait(delay);
      done.push_back(sc_core::sc_time_stamp());
      status.push_back(t.get_response_status());
    }
  }
};

}  // namespace

TEST(BusContention, SecondInitiatorWaitsExactlyForTheBusyPort) {
  sc_core::sc_set_time_resolution(1, SC_PS);
  FixedModel model;
  Ledger ledger(0.0);
  const int dev_id = ledger.add_device("mem");
  int layer = -1;
  dev::Bus bus("bus", 0, {{"mem", 0x20000000, 0x1000}});
  dev::MemoryTarget target("mem", model, ledger, dev_id, Tier::Sram, &layer);
  bus.port(0).bind(target.socket);
  // A: 0 ns, 1000 ns, 2000 ns. B: 0 ns (contends), 1100 ns (at A's completion),
  // 2100 ns - 1 ps (just before A's completion), then an unmapped address.
  Initiator a("a", {sc_time(0, SC_NS), sc_time(1000, SC_NS), sc_time(2000, SC_NS)},
              {0x20000000, 0x20000000, 0x20000000});
  Initiator b("b",
              {sc_time(0, SC_NS), sc_time(1100, SC_NS), sc_time(2100, SC_NS) - sc_time(1, SC_PS),
               sc_time(3000, SC_NS)},
              {0x20000010, 0x20000010, 0x20000010, 0x30000000});
  a.socket.bind(bus.target);
  b.socket.bind(bus.target);
  sc_core::sc_start();

  // t = 0: both issue; whichever is served second completes 100 ns after the first.
  std::vector<sc_time> first = {a.done[0], b.done[0]};
  std::sort(first.begin(), first.end());
  EXPECT_EQ(first[0], sc_time(100, SC_NS));
  EXPECT_EQ(first[1], sc_time(200, SC_NS));
  // Issued exactly when the port frees: no wait.
  EXPECT_EQ(a.done[1], sc_time(1100, SC_NS));
  EXPECT_EQ(b.done[1], sc_time(1200, SC_NS));
  // Issued 1 ps before the port frees: waits that 1 ps, then its own 100 ns.
  EXPECT_EQ(a.done[2], sc_time(2100, SC_NS));
  EXPECT_EQ(b.done[2], sc_time(2200, SC_NS));
  // Outside every window: address error, no time spent.
  EXPECT_EQ(b.status[3], tlm::TLM_ADDRESS_ERROR_RESPONSE);
  EXPECT_EQ(b.done[3], sc_time(3000, SC_NS));
}
