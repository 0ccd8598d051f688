// report.html: self-contained (inline CSS and SVG charts, no scripts, no external files).
#include <sstream>

#include "sim/deploy/report.hpp"
#include "sim/deploy/text.hpp"

namespace mcusim::deploy {
namespace {

void html_table(std::ostringstream& o, const Table& t) {
  o << "<table><thead><tr>";
  for (const auto& h : t.head) o << "<th>" << html_escape(h) << "</th>";
  o << "</tr></thead><tbody>\n";
  for (const auto& r : t.rows) {
    o << "<tr>";
    for (const auto& c : r) o << "<td>" << html_escape(c) << "</td>";
    o << "</tr>\n";
  }
  o << "</tbody></table>\n";
}

void list(std::ostringstream& o, const std::vector<std::string>& v) {
  o << "<ul>\n";
  for (const auto& s : v) o << "<li>" << html_escape(s) << "</li>\n";
  o << "</ul>\n";
}

const std::string* find_plot(const std::vector<std::pair<std::string, std::string>>& plots, const std::string& name) {
  for (const auto& p : plots)
    if (p.first == name) return &p.second;
  return nullptr;
}

void figure(std::ostringstream& o, const std::vector<std::pair<std::string, std::string>>& plots, const std::string& name) {
  if (const auto* svg = find_plot(plots, name)) o << "<figure data-plot=\"" << html_escape(name) << "\">\n" << *svg << "</figure>\n";
}

}  // namespace

std::string report_html(const DeployResult& r) {
  const auto plots = board_plots(r);
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<link rel=\"icon\" href=\"data:,\">\n"
    << "<title>mcusim deploy: " << html_escape(r.req.model) << "</title>\n<style>\n"
    << "body{font-family:sans-serif;margin:1.5em;max-width:1100px;color:#222}\n"
    << "table{border-collapse:collapse;margin:0.5em 0 1em;font-size:13px}\n"
    << "th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}\n"
    << "th{background:#f0f0f0} figure{margin:0.5em 0} .ok{color:#1a7f37} .no{color:#c62828}\n"
    << "</style></head><body>\n";
  o << "<h1>mcusim deploy: " << html_escape(r.req.model) << "</h1>\n";
  list(o, header_lines(r));
  o << "<h2>Across boards</h2>\n";
  html_table(o, cross_board_table(r));
  figure(o, plots, "boards-latency.svg");
  figure(o, plots, "boards-energy.svg");
  for (const auto& b : r.boards) {
    o << "<h2 id=\"" << html_escape(b.st.preset) << "\">" << html_escape(b.st.preset) << ": <span class=\""
      << (b.ok ? "ok" : "no") << "\">" << html_escape(verdict_text(b)) << "</span></h2>\n";
    if (!b.ran) {
      o << "<p>The simulation failed: " << html_escape(b.error) << "</p>\n";
      continue;
    }
    o << "<h3>Does it fit</h3>\n";
    list(o, fit_lines(b));
    o << "<h3>Latency and energy per inference, by tier</h3>\n";
    html_table(o, breakdown_table(b));
    o << "<h3>Limiting layers</h3>\n";
    html_table(o, limiting_table(b));
    o << "<h3>Suggestions, ranked by simulated effect</h3>\n";
    html_table(o, suggestion_table(b));
    o << "<h3>Life time</h3>\n";
    list(o, lifetime_lines(b));
    o << "<h3>Plots</h3>\n";
    for (const char* p : {"ws", "cum", "lat", "energy"}) figure(o, plots, std::string(p) + "-" + b.st.preset + ".svg");
  }
  o << "</body></html>\n";
  return o.str();
}

}  // namespace mcusim::deploy
