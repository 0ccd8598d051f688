#include "sim/deploy/svg.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "sim/deploy/text.hpp"

namespace mcusim::deploy {
namespace {

std::string tick_text(double v) {
  const double a = std::fabs(v);
  if (a >= 1e6 || (a > 0 && a < 1e-3)) {
    char b[32];
    std::snprintf(b, sizeof b, "%.0e", v);
    return b;
  }
  return num(v, a >= 100 || v == std::floor(v) ? 0 : a >= 1 ? 1 : 3);
}

}  // namespace

std::string svg_chart(const Chart& c) {
  const double L = 72, R = 16, T = 40, B = 52;
  const double W = c.width, H = c.height, pw = W - L - R, ph = H - T - B;
  const std::size_t n = c.labels.size();
  std::vector<double> top(n, 0);
  double ymin_pos = 0;
  for (const auto& s : c.series)
    for (std::size_t i = 0; i < n && i < s.v.size(); ++i) {
      top[i] = c.line ? std::max(top[i], s.v[i]) : top[i] + s.v[i];
      if (s.v[i] > 0) ymin_pos = ymin_pos == 0 ? s.v[i] : std::min(ymin_pos, s.v[i]);
    }
  double ymax = 0;
  for (double v : top) ymax = std::max(ymax, v);
  for (const auto& h : c.hlines) ymax = std::max(ymax, h.second);
  if (ymax <= 0) ymax = 1;
  double lo = 0, hi = ymax * 1.08;
  std::vector<double> ticks;
  if (c.log_y) {
    lo = std::pow(10, std::floor(std::log10(ymin_pos > 0 ? ymin_pos : ymax / 10)));
    hi = std::pow(10, std::ceil(std::log10(ymax * 1.0001)));
    if (hi <= lo) hi = lo * 10;
    for (double t = lo; t <= hi * 1.0001; t *= 10) ticks.push_back(t);
  } else {
    const double raw = hi / 5, mag = std::pow(10, std::floor(std::log10(raw)));
    double step = mag;
    for (double m : {1.0, 2.0, 5.0, 10.0})
      if (m * mag >= raw) {
        step = m * mag;
        break;
      }
    hi = std::ceil(hi / step) * step;
    for (double t = 0; t <= hi * 1.0001; t += step) ticks.push_back(t);
  }
  auto Y = [&](double v) {
    double f = c.log_y ? (std::log10(std::max(v, lo)) - std::log10(lo)) / (std::log10(hi) - std::log10(lo))
                       : v / hi;
    return T + ph * (1 - std::clamp(f, 0.0, 1.0));
  };
  const double bw = n ? pw / static_cast<double>(n) : pw;
  std::ostringstream o;
  o << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"" << W << "\" height=\"" << H
    << "\" viewBox=\"0 0 " << W << ' ' << H << "\" font-family=\"sans-serif\" font-size=\"11\">\n";
  o << "<rect width=\"" << W << "\" height=\"" << H << "\" fill=\"#ffffff\"/>\n";
  o << "<text x=\"" << L << "\" y=\"16\" font-size=\"13\" font-weight=\"bold\">" << html_escape(c.title) << "</text>\n";
  for (double t : ticks) {
    o << "<line x1=\"" << L << "\" x2=\"" << L + pw << "\" y1=\"" << num(Y(t), 1) << "\" y2=\"" << num(Y(t), 1)
      << "\" stroke=\"#e0e0e0\"/><text x=\"" << L - 4 << "\" y=\"" << num(Y(t) + 4, 1)
      << "\" text-anchor=\"end\">" << tick_text(t) << "</text>\n";
  }
  const std::size_t every = n <= 12 ? 1 : (n + 19) / 20;
  for (std::size_t i = 0; i < n; ++i) {
    const double x = L + bw * static_cast<double>(i);
    if (i % every == 0)
      o << "<text x=\"" << num(x + bw / 2, 1) << "\" y=\"" << T + ph + 14 << "\" text-anchor=\"middle\">"
        << html_escape(n <= 12 ? c.labels[i] : std::to_string(i)) << "</text>\n";
    if (c.line) continue;
    double base = 0;
    for (const auto& s : c.series) {
      const double v = i < s.v.size() ? s.v[i] : 0;
      if (v <= 0) continue;
      const double y0 = Y(base), y1 = Y(base + v);
      base += v;
      o << "<rect x=\"" << num(x + bw * 0.1, 2) << "\" y=\"" << num(y1, 2) << "\" width=\""
        << num(std::max(bw * 0.8, 0.5), 2) << "\" height=\"" << num(std::max(y0 - y1, 0.0), 2)
        << "\" fill=\"" << s.color << "\"><title>" << html_escape(c.labels[i]) << " " << html_escape(s.name)
        << ": " << num(v, 3) << "</title></rect>\n";
    }
  }
  if (c.line)
    for (const auto& s : c.series) {
      o << "<polyline fill=\"none\" stroke=\"" << s.color << "\" stroke-width=\"2\" points=\"";
      for (std::size_t i = 0; i < n && i < s.v.size(); ++i)
        o << (i ? " " : "") << num(L + bw * (static_cast<double>(i) + 0.5), 1) << ',' << num(Y(s.v[i]), 1);
      o << "\"><title>" << html_escape(s.name) << "</title></polyline>\n";
    }
  for (const auto& h : c.hlines)
    o << "<line x1=\"" << L << "\" x2=\"" << L + pw << "\" y1=\"" << num(Y(h.second), 1) << "\" y2=\""
      << num(Y(h.second), 1) << "\" stroke=\"#d62728\" stroke-width=\"1.5\" stroke-dasharray=\"6,3\"/>"
      << "<text x=\"" << L + pw - 4 << "\" y=\"" << num(Y(h.second) - 4, 1)
      << "\" text-anchor=\"end\" fill=\"#d62728\">" << html_escape(h.first) << "</text>\n";
  o << "<line x1=\"" << L << "\" x2=\"" << L << "\" y1=\"" << T << "\" y2=\"" << T + ph << "\" stroke=\"#333\"/>"
    << "<line x1=\"" << L << "\" x2=\"" << L + pw << "\" y1=\"" << T + ph << "\" y2=\"" << T + ph << "\" stroke=\"#333\"/>\n";
  o << "<text x=\"" << L + pw / 2 << "\" y=\"" << H - 8 << "\" text-anchor=\"middle\">" << html_escape(c.x_label) << "</text>\n";
  o << "<text transform=\"translate(14," << T + ph / 2 << ") rotate(-90)\" text-anchor=\"middle\">"
    << html_escape(c.y_label) << "</text>\n";
  double lx = L + pw;
  for (auto it = c.series.rbegin(); it != c.series.rend(); ++it) {
    lx -= 14 + 7.0 * static_cast<double>(it->name.size()) + 10;
    o << "<rect x=\"" << num(lx, 1) << "\" y=\"22\" width=\"10\" height=\"10\" fill=\"" << it->color
      << "\"/><text x=\"" << num(lx + 14, 1) << "\" y=\"31\">" << html_escape(it->name) << "</text>\n";
  }
  o << "</svg>\n";
  return o.str();
}

}  // namespace mcusim::deploy
