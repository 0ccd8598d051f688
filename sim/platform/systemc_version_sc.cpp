// The SystemC kernel version string, reported by `mcusim --version`.
#include <systemc>

namespace mcusim {
const char* systemc_version() { return sc_core::sc_version(); }
}  // namespace mcusim

