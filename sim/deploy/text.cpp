#include "sim/deploy/text.hpp"

#include "sim/run/atomic_writer.hpp"

namespace mcusim::deploy {

std::string num(double v, int decimals) { return fixed(v, decimals); }

std::string signed_num(double v, int decimals) {
  std::string s = fixed(v, decimals);
  return s[0] == '-' ? s : "+" + s;
}

std::string bytes_text(std::int64_t v) { return commas(v) + " B"; }

std::string kib(std::int64_t v) { return fixed(static_cast<double>(v) / 1024.0, 1) + " KiB"; }

std::string html_escape(const std::string& s) {
  std::string o;
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      default: o += c;
    }
  }
  return o;
}

}  // namespace mcusim::deploy
