#pragma once
// Quantities with units, as they appear in YAML ("216MHz", "512KiB", "16us").
// Internally everything is SI base units held in double, except time, which the
// simulator keeps in integer picoseconds so that timing boundaries compare exactly.
#include <cstdint>
#include <string>

namespace mcusim {

using ps_t = std::uint64_t;  // simulated time in picoseconds
constexpr ps_t kPsPerSec = 1'000'000'000'000ULL;

enum class Dim { Frequency, Bytes, Time, Voltage, Current, Energy, Power, Dimensionless };

const char* dim_name(Dim d);            // "frequency"
const char* dim_example(Dim d);         // "216MHz"

// Parses "<number><unit>" for the given dimension into SI (Hz, B, s, V, A, J, W).
// Throws InputError("expected a frequency like 216MHz, got '...'") on mismatch.
double parse_quantity(const std::string& text, Dim d);

// Formats a value in SI back into the canonical unit text, exactly round-trippable.
std::string format_quantity(double value, Dim d);

// A bus address as 0x%08llx, for error messages and describe().
std::string format_address(std::uint64_t addr);

// An integer with thousands separators: 1663328 -> "1,663,328", -1000 -> "-1,000".
std::string commas(std::int64_t v);

// Time conversions.
inline ps_t seconds_to_ps(double s) { return static_cast<ps_t>(s * 1e12 + 0.5); }
inline double ps_to_seconds(ps_t p) { return static_cast<double>(p) * 1e-12; }
inline double ps_to_ms(ps_t p) { return static_cast<double>(p) * 1e-9; }

// Cycles at clock f (Hz) -> ps, rounded to nearest ps.
ps_t cycles_to_ps(std::uint64_t cycles, double hz);

}  // namespace mcusim
