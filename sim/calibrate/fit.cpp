#include "sim/calibrate/fit.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

namespace mcusim::cal {
namespace {

struct Linear {
  std::map<std::string, double> cpi;
  double layer_cycles = 0;
};

Linear solve_linear(const std::vector<Observation>& obs, const std::vector<bool>& use, double k,
                    bool overhead, double lo, double hi) {
  // Columns: one per core present among the used rows.
  std::map<std::string, int> column;
  for (std::size_t i = 0; i < obs.size(); ++i)
    if (use[i] && !column.count(obs[i].core)) {
      const int next = static_cast<int>(column.size());
      column[obs[i].core] = next;
    }
  Linear out;
  if (column.empty()) return out;
  int n = 0;
  for (bool u : use) n += u;
  const int cols = static_cast<int>(column.size()) + (overhead ? 1 : 0);
  if (overhead && n <= cols) overhead = false;  // not identifiable: fall back
  Eigen::MatrixXd X =
      Eigen::MatrixXd::Zero(n, static_cast<int>(column.size()) + (overhead ? 1 : 0));
  Eigen::VectorXd y(n);
  int r = 0;
  for (std::size_t i = 0; i < obs.size(); ++i) {
    if (!use[i]) continue;
    X(r, column[obs[i].core]) = (obs[i].a + k * obs[i].a_fc) / obs[i].measured;
    if (overhead) X(r, static_cast<int>(column.size())) = obs[i].layers_s / obs[i].measured;
    y(r) = (obs[i].measured - obs[i].b) / obs[i].measured;
    ++r;
  }
  Eigen::VectorXd c = X.colPivHouseholderQr().solve(y);
  if (overhead && c(X.cols() - 1) < 0) {  // a negative overhead is unphysical: drop it
    return solve_linear(obs, use, k, false, lo, hi);
  }
  for (const auto& [core, j] : column) out.cpi[core] = std::clamp(c(j), lo, hi);
  if (overhead) out.layer_cycles = c(X.cols() - 1);
  return out;
}

struct Solution {
  std::map<std::string, double> cpi;
  double k = 1.0;
  double layer_cycles = 0;
  double s = 0;  // shared prior scale (CorePrior), 0 without
};

double predict(const Observation& o, const Solution& s) {
  auto it = s.cpi.find(o.core);
  return it == s.cpi.end() ? NAN
                           : it->second * (o.a + s.k * o.a_fc) + o.b + s.layer_cycles * o.layers_s;
}

// Sum of squared relative residuals of the used rows.
double cost(const std::vector<Observation>& obs, const std::vector<bool>& use, const Solution& s) {
  double c = 0;
  for (std::size_t i = 0; i < obs.size(); ++i) {
    if (!use[i]) continue;
    const double r = (predict(obs[i], s) - obs[i].measured) / obs[i].measured;
    c += r * r;
  }
  return c;
}

// A shared FC scale k is identifiable only with FC time in some used row and more used
// rows than per-core factors.
bool fc_scale_identifiable(const std::vector<Observation>& obs, const std::vector<bool>& use) {
  bool has_fc = false;
  std::set<std::string> cores;
  int rows = 0;
  for (std::size_t i = 0; i < obs.size(); ++i)
    if (use[i]) {
      has_fc = has_fc || obs[i].a_fc > 0;
      cores.insert(obs[i].core);
      ++rows;
    }
  return has_fc && rows > static_cast<int>(cores.size());
}

// The k of least cost on a log-spaced grid in [1/4, 4], refined twice around the best
// (step / 50); `at(k)` returns the solution for k and its cost. Starts from k = 1.
template <class At>
Solution search_fc_scale(At at) {
  auto [best, best_cost] = at(1.0);
  double step = std::log(16.0) / 200;
  double center = 0;  // log k
  for (int pass = 0; pass < 3; ++pass) {
    const double c0 = center;
    for (int j = -100; j <= 100; ++j) {
      const double k = std::exp(c0 + j * step);
      if (k < 0.25 || k > 4.0) continue;
      auto [cand, c] = at(k);
      if (c < best_cost) {
        best_cost = c;
        best = cand;
        center = std::log(k);
      }
    }
    step /= 50;
  }
  return best;
}

Solution solve(const std::vector<Observation>& obs, const std::vector<bool>& use, bool fit_k,
               bool overhead, double lo, double hi) {
  auto at = [&](double k) {
    const Linear l = solve_linear(obs, use, k, overhead, lo, hi);
    const Solution s{l.cpi, k, l.layer_cycles};
    return std::make_pair(s, cost(obs, use, s));
  };
  if (!fit_k || !fc_scale_identifiable(obs, use)) return at(1.0).first;
  return search_fc_scale(at);
}

// CorePrior: for a given s the problem separates by core into a one-column ridge
// regression toward s*p (closed form); s is found by a log-spaced search.
Solution solve_prior(const std::vector<Observation>& obs, const std::vector<bool>& use,
                     const CorePrior& prior, double lo, double hi, double k = 1.0,
                     double* cost_out = nullptr) {
  std::map<std::string, double> sxx, sxy;
  double syy = 0;
  for (std::size_t i = 0; i < obs.size(); ++i) {
    if (!use[i]) continue;
    const double x = (obs[i].a + k * obs[i].a_fc) / obs[i].measured;
    const double y = (obs[i].measured - obs[i].b) / obs[i].measured;
    sxx[obs[i].core] += x * x;
    sxy[obs[i].core] += x * y;
    syy += y * y;
  }
  auto at = [&](double s, double* total) {
    Solution out;
    out.s = s;
    double c_total = syy;
    for (const auto& [core, p] : prior.cpi) {
      const double target = s * p;
      const double w = 1.0 / ((prior.sigma * target) * (prior.sigma * target));
      const double xx = sxx.count(core) ? sxx.at(core) : 0.0;
      const double xy = sxy.count(core) ? sxy.at(core) : 0.0;
      const double c = std::clamp((xy + w * target) / (xx + w), lo, hi);
      out.cpi[core] = c;
      c_total += c * c * xx - 2 * c * xy + w * (c - target) * (c - target);
    }
    *total = c_total;
    return out;
  };
  double best_cost = 0;
  Solution best = at(1.0, &best_cost);
  double center = 0, step = std::log(100.0) / 200;  // s in [0.1, 10], resolved to ~1e-9
  for (int pass = 0; pass < 5; ++pass) {
    const double c0 = center;
    for (int j = -100; j <= 100; ++j) {
      double c = 0;
      const Solution cand = at(std::exp(c0 + j * step), &c);
      if (c < best_cost) {
        best_cost = c;
        best = cand;
        center = std::log(cand.s);
      }
    }
    step /= 50;
  }
  best.k = k;
  if (cost_out) *cost_out = best_cost;
  return best;
}

// CorePrior and a shared FC scale k: the prior fit for each k of search_fc_scale.
Solution solve_prior_fc(const std::vector<Observation>& obs, const std::vector<bool>& use,
                        const CorePrior& prior, double lo, double hi) {
  auto at = [&](double k) {
    double c = 0;
    Solution s = solve_prior(obs, use, prior, lo, hi, k, &c);
    return std::make_pair(s, c);
  };
  if (!fc_scale_identifiable(obs, use)) return at(1.0).first;
  return search_fc_scale(at);
}

}  // namespace

FitResult fit_cpi(const std::vector<Observation>& obs, bool fit_fc_scale, bool fit_layer_overhead,
                  double lo, double hi, const CorePrior& prior) {
  const bool with_prior = prior.sigma > 0 && !prior.cpi.empty();
  auto solve_any = [&](const std::vector<bool>& use) {
    if (with_prior)
      return fit_fc_scale ? solve_prior_fc(obs, use, prior, lo, hi)
                          : solve_prior(obs, use, prior, lo, hi);
    return solve(obs, use, fit_fc_scale, fit_layer_overhead, lo, hi);
  };
  FitResult f;
  const Solution all = solve_any(std::vector<bool>(obs.size(), true));
  f.cpi = all.cpi;
  f.fc_scale = all.k;
  f.layer_cycles = all.layer_cycles;
  f.prior_scale = all.s;
  for (const auto& o : obs) {
    f.rows[o.core]++;
    f.predicted.push_back(predict(o, all));
  }
  for (std::size_t i = 0; i < obs.size(); ++i) {
    std::vector<bool> use(obs.size(), true);
    for (std::size_t j = 0; j < obs.size(); ++j)
      if (j == i || (!obs[i].group.empty() && obs[j].group == obs[i].group)) use[j] = false;
    const Solution held = solve_any(use);
    f.loo_predicted.push_back(predict(obs[i], held));
  }
  return f;
}

}  // namespace mcusim::cal
