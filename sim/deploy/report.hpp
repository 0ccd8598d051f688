#pragma once
// The deploy outputs: deploy.json (machine-readable verdicts), report.md (links the
// plots in plots/*.svg), report.html (self-contained: the same SVG charts inline),
// and the console summary.
#include <string>
#include <utility>
#include <vector>

#include "sim/deploy/deploy.hpp"

namespace mcusim::deploy {

// File name -> SVG, in a fixed order: per board ws-, cum-, lat-, energy-<board>.svg
// (paper Fig. 3, Fig. 8, per-layer latency and energy by tier), then boards-*.svg.
std::vector<std::pair<std::string, std::string>> board_plots(const DeployResult& r);

std::string deploy_json(const DeployResult& r);
std::string report_md(const DeployResult& r);
std::string report_html(const DeployResult& r);
std::string console_summary(const DeployResult& r);

// Shared content of report.md and report.html.
struct Table {
  std::vector<std::string> head;
  std::vector<std::vector<std::string>> rows;
};
Table cross_board_table(const DeployResult& r);
Table breakdown_table(const BoardReport& b);
Table limiting_table(const BoardReport& b);
Table suggestion_table(const BoardReport& b);
std::vector<std::string> fit_lines(const BoardReport& b);       // bullet points
std::vector<std::string> lifetime_lines(const BoardReport& b);  // bullet points
std::vector<std::string> header_lines(const DeployResult& r);

std::string verdict_text(const BoardReport& b);
std::string budget_text(const DeployRequest& q);

}  // namespace mcusim::deploy
