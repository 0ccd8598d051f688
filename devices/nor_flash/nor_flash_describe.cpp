#include "devices/nor_flash/nor_flash_model.hpp"

#include <cstdio>

#include "devices/sram/si_format.hpp"

namespace mcusim::dev {

void FlashModel::describe(std::ostream& os) const {
  auto B = [](std::uint64_t v) { return format_quantity(static_cast<double>(v), Dim::Bytes); };
  char base[32];
  std::snprintf(base, sizeof base, "0x%08llx", static_cast<unsigned long long>(p_.base));
  os << "flash.family = " << p_.family << "\n";
  os << "flash.base = " << base << "\n";
  os << "flash.size = " << B(p_.size) << " in " << p_.sectors.size() << " sectors\n";
  os << "flash.clock = " << si(hclk_hz_, "Hz") << "\n";
  os << "flash.wait_states = " << p_.wait_states
     << (p_.wait_states_override ? " (override)" : " (family table)") << "\n";
  os << "flash.bus_width = " << B(p_.bus_bytes) << " per flash beat"
     << (p_.bank_mode.empty() ? "" : " (" + p_.bank_mode + "-bank mode)") << "\n";
  if (p_.cache.enabled())
    os << "flash.cache = " << B(p_.cache.size_bytes) << ", " << B(p_.cache.line_bytes)
       << " lines, " << p_.cache.ways << "-way LRU\n";
  else
    os << "flash.cache = none\n";
  os << "flash.miss_cycles = " << fill_cycles() << " cycles per "
     << (p_.cache.enabled() ? "line fill" : "bus word") << "\n";
  os << "flash.program = x" << 8 * p_.psize_bytes << ", "
     << si(p_.t_prog_s, "s") << " per word\n";
  for (const auto& e : p_.erase_times)
    os << "flash.erase_time." << B(e.sector_bytes) << " = "
       << si(e.seconds, "s") << "\n";
  os << "flash.program_erase_power = " << si(p_.pe_current_a, "A") << " x "
     << si(p_.vdd_v, "V") << " = "
     << si(p_.pe_current_a * p_.vdd_v, "W") << "\n";
  os << "flash.read_energy_per_byte = " << si(p_.read_energy_per_byte_j, "J")
     << " per byte fetched from the array\n";
  os << "flash.endurance = " << p_.endurance_cycles << " erase cycles per sector\n";
  os << "flash.on_program_error = " << (p_.throw_on_program_error ? "throw" : "record") << "\n";
  os << "flash.write_policy = "
     << (p_.write_policy == FlashWritePolicy::ProgramOnly ? "program_only" : "erase_if_needed")
     << "\n";
  os << "flash.action.read = core beats + misses x miss_cycles; fetched bytes x read energy\n";
  os << "flash.action.program = words x program time at program_erase_power\n";
  os << "flash.action.erase = sector erase time at program_erase_power\n";
  for (const auto& [k, v] : stats()) os << "flash.stat." << k << " = " << v << "\n";
}

}  // namespace mcusim::dev
