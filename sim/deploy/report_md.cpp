// report.md (plots linked from plots/*.svg) and the console summary.
#include <sstream>

#include "sim/deploy/report.hpp"
#include "sim/deploy/text.hpp"

namespace mcusim::deploy {
namespace {

std::string cell(std::string s) {
  std::string o;
  for (char c : s) o += c == '|' ? std::string("\\|") : std::string(1, c);
  return o;
}

void md_table(std::ostringstream& o, const Table& t) {
  o << "|";
  for (const auto& h : t.head) o << ' ' << cell(h) << " |";
  o << "\n|";
  for (std::size_t i = 0; i < t.head.size(); ++i) o << "---|";
  o << "\n";
  for (const auto& r : t.rows) {
    o << "|";
    for (const auto& c : r) o << ' ' << cell(c) << " |";
    o << "\n";
  }
  o << "\n";
}

void bullets(std::ostringstream& o, const std::vector<std::string>& v) {
  for (const auto& s : v) o << "- " << s << "\n";
  o << "\n";
}

}  // namespace

std::string report_md(const DeployResult& r) {
  std::ostringstream o;
  o << "# mcusim deploy: " << r.req.model << "\n\n";
  bullets(o, header_lines(r));
  o << "## Across boards\n\n";
  md_table(o, cross_board_table(r));
  o << "![latency across boards](plots/boards-latency.svg)\n![energy across boards](plots/boards-energy.svg)\n\n";
  for (const auto& b : r.boards) {
    o << "## " << b.st.preset << ": " << verdict_text(b) << "\n\n";
    if (!b.ran) {
      o << "The simulation failed: " << b.error << "\n\n";
      continue;
    }
    o << "Run files: `boards/" << b.st.preset << "/` (summary.json, layers.csv, power.csv, trace.json).\n\n";
    o << "### Does it fit\n\n";
    bullets(o, fit_lines(b));
    o << "### Latency and energy per inference, by tier\n\n";
    md_table(o, breakdown_table(b));
    o << "### Limiting layers\n\n";
    md_table(o, limiting_table(b));
    o << "### Suggestions, ranked by simulated effect\n\n";
    md_table(o, suggestion_table(b));
    o << "### Life time\n\n";
    bullets(o, lifetime_lines(b));
    o << "### Plots\n\n";
    for (const char* p : {"ws", "cum", "lat", "energy"})
      o << "![" << p << "](plots/" << p << "-" << b.st.preset << ".svg)\n";
    o << "\n";
  }
  return o.str();
}

std::string console_summary(const DeployResult& r) {
  std::ostringstream o;
  char buf[512];
  std::snprintf(buf, sizeof buf, "%-15s %-52s %12s %12s  %s\n", "board", "verdict", "latency ms",
                "energy mJ", "top suggestion");
  o << "deploy " << r.req.model << " (budgets: " << budget_text(r.req) << ")\n" << buf;
  for (const auto& b : r.boards) {
    std::string top = "-";
    for (const auto& s : b.suggestions)
      if (s.applicable && s.score > 0) {
        top = s.id + ": " + s.effect.substr(0, s.effect.find(" (simulated"));
        break;
      }
    std::snprintf(buf, sizeof buf, "%-15s %-52s %12s %12s  %s\n", b.st.preset.c_str(), verdict_text(b).c_str(),
                  b.ran ? num(b.base.latency_ms, 3).c_str() : "-", b.ran ? num(b.base.energy_mj, 3).c_str() : "-",
                  top.c_str());
    o << buf;
  }
  return o.str();
}

}  // namespace mcusim::deploy
