// Elaboration of the platform: core -> bus -> one MemoryTarget per device.
#include <map>
#include <memory>
#include <vector>

#include <systemc>

#include "devices/bus/bus_sc.hpp"
#include "devices/cortex_m/core_sc.hpp"
#include "devices/memory_target_sc.hpp"
#include "sim/core/error.hpp"
#include "sim/platform/platform.hpp"

namespace mcusim {

SimResult simulate(const PlatformSpec& spec, const std::vector<LayerWork>& work) {
  // SystemC reports become exceptions rather than aborts or warnings on stdout.
  sc_core::sc_report_handler::set_actions(sc_core::SC_ERROR, sc_core::SC_THROW);
  sc_core::sc_report_handler::set_actions(sc_core::SC_WARNING, sc_core::SC_THROW);
  sc_core::sc_report_handler::set_actions("/IEEE_Std_1666/deprecated", sc_core::SC_DO_NOTHING);
  sc_core::sc_set_time_resolution(1, sc_core::SC_PS);

  SimResult out;
  out.ledger = std::make_unique<Ledger>(spec.static_power_w);
  int current_layer = -1;
  const int core_dev = out.ledger->add_device("core");

  std::vector<dev::Bus::Window> windows;
  for (const auto& t : spec.targets) windows.push_back({t.name, t.base, t.size});
  dev::Bus bus("bus", spec.bus_latency, windows);
  std::vector<std::unique_ptr<dev::MemoryTarget>> targets;
  for (std::size_t i = 0; i < spec.targets.size(); ++i) {
    const auto& t = spec.targets[i];
    const int d = out.ledger->add_device(t.name);
    targets.push_back(std::make_unique<dev::MemoryTarget>(
        t.name.c_str(), *t.model, *out.ledger, d, t.tier, &current_layer));
    bus.port(i).bind(targets.back()->socket);
  }
  dev::CortexM core("core", spec.core_hz, work, spec.targets, *out.ledger, core_dev,
                    out.layers, current_layer);
  core.socket.bind(bus.target);

  sc_core::sc_start();
  out.end = static_cast<ps_t>(sc_core::sc_time_stamp().value());

  // Attribute dynamic energy per layer and tier from the ledger.
  std::map<int, std::size_t> position;  // layer index -> row of `work`
  for (std::size_t i = 0; i < work.size(); ++i) position.emplace(work[i].index, i);
  for (const auto& s : out.ledger->spans()) {
    auto it = position.find(s.layer);
    if (it != position.end()) out.layers[it->second].dyn_energy[static_cast<int>(s.tier)] += s.energy_j;
  }
  return out;
}

}  // namespace mcusim
