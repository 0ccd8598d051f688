#pragma once
// Small deterministic SVG charts (stacked bars or lines, optional log axis and
// horizontal reference lines) for the deploy reports; no scripts, no external files.
#include <string>
#include <utility>
#include <vector>

namespace mcusim::deploy {

struct Series {
  std::string name, color;
  std::vector<double> v;  // one value per category
};

struct Chart {
  std::string title, x_label, y_label;
  std::vector<std::string> labels;  // one per category (axis when few, tooltips always)
  std::vector<Series> series;       // stacked bars, or lines when `line`
  bool line = false, log_y = false;
  std::vector<std::pair<std::string, double>> hlines;  // reference lines: label, y
  int width = 880, height = 300;
};

std::string svg_chart(const Chart& c);

}  // namespace mcusim::deploy
