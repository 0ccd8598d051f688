#include "sim/calibrate/fit.hpp"

#include <algorithm>
#include <cmath>

#include <Eigen/Dense>

namespace mcusim::cal {
namespace {

std::map<std::string, double> solve_linear(const std::vector<Observation>& obs,
                                           const std::vector<bool>& use, double k, double lo,
                                           double hi) {
  // Columns: one per core present among the used rows.
  std::map<std::string, int> column;
  for (std::size_t i = 0; i < obs.size(); ++i)
    if (use[i] && !column.count(obs[i].core)) {
      const int next = static_cast<int>(column.size());
      column[obs[i].core] = next;
    }
  std::map<std::string, double> out;
  if (column.empty()) return out;
  int n = 0;
  for (bool u : use) n += u;
  Eigen::MatrixXd X = Eigen::MatrixXd::Zero(n, static_cast<int>(column.size()));
  Eigen::VectorXd y(n);
  int r = 0;
  for (std::size_t i = 0; i < obs.size(); ++i) {
    if (!use[i]) continue;
    X(r, column[obs[i].core]) = (obs[i].a + k * obs[i].a_fc) / obs[i].measured;
    y(r) = (obs[i].measured - obs[i].b) / obs[i].measured;
    ++r;
  }
  const Eigen::VectorXd c = X.colPivHouseholderQr().solve(y);
  for (const auto& [core, j] : column) out[core] = std::clamp(c(j), lo, hi);
  return out;
}

double predict(const Observation& o, const std::map<std::string, double>& cpi, double k) {
  auto it = cpi.find(o.core);
  return it == cpi.end() ? NAN : it->second * (o.a + k * o.a_fc) + o.b;
}

struct Solution {
  std::map<std::string, double> cpi;
  double k = 1.0;
};

// Sum of squared relative residuals of the used rows.
double cost(const std::vector<Observation>& obs, const std::vector<bool>& use,
            const std::map<std::string, double>& cpi, double k) {
  double c = 0;
  for (std::size_t i = 0; i < obs.size(); ++i) {
    if (!use[i]) continue;
    const double r = (predict(obs[i], cpi, k) - obs[i].measured) / obs[i].measured;
    c += r * r;
  }
  return c;
}

Solution solve(const std::vector<Observation>& obs, const std::vector<bool>& use, bool fit_k,
               double lo, double hi) {
  bool has_fc = false;
  std::map<std::string, int> rows_per_core;
  for (std::size_t i = 0; i < obs.size(); ++i)
    if (use[i]) {
      has_fc = has_fc || obs[i].a_fc > 0;
      rows_per_core[obs[i].core]++;
    }
  // k is identifiable only with more rows than per-core CPIs.
  int rows = 0;
  for (const auto& kv : rows_per_core) rows += kv.second;
  Solution best{solve_linear(obs, use, 1.0, lo, hi), 1.0};
  if (!fit_k || !has_fc || rows <= static_cast<int>(rows_per_core.size())) return best;
  double best_cost = cost(obs, use, best.cpi, 1.0);
  double step = std::log(16.0) / 200;
  double center = 0;  // log k
  for (int pass = 0; pass < 3; ++pass) {
    const double c0 = center;
    for (int j = -100; j <= 100; ++j) {
      const double k = std::exp(c0 + j * step);
      if (k < 0.25 || k > 4.0) continue;
      auto cpi = solve_linear(obs, use, k, lo, hi);
      const double c = cost(obs, use, cpi, k);
      if (c < best_cost) {
        best_cost = c;
        best = {cpi, k};
        center = std::log(k);
      }
    }
    step /= 50;
  }
  return best;
}

}  // namespace

FitResult fit_cpi(const std::vector<Observation>& obs, bool fit_fc_scale, double lo, double hi) {
  FitResult f;
  const Solution all = solve(obs, std::vector<bool>(obs.size(), true), fit_fc_scale, lo, hi);
  f.cpi = all.cpi;
  f.fc_scale = all.k;
  for (const auto& o : obs) {
    f.rows[o.core]++;
    f.predicted.push_back(predict(o, f.cpi, f.fc_scale));
  }
  for (std::size_t i = 0; i < obs.size(); ++i) {
    std::vector<bool> use(obs.size(), true);
    for (std::size_t j = 0; j < obs.size(); ++j)
      if (j == i || (!obs[i].group.empty() && obs[j].group == obs[i].group)) use[j] = false;
    const Solution held = solve(obs, use, fit_fc_scale, lo, hi);
    f.loo_predicted.push_back(predict(obs[i], held.cpi, held.k));
  }
  return f;
}

}  // namespace mcusim::cal
