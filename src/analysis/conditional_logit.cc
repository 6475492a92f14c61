#include "analysis/conditional_logit.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "absl/status/status.h"
#include "base/check.h"
#include "fmt/format.h"

namespace downballot::analysis {
namespace {

using FeatureRows = std::vector<std::vector<double>>;

// 2^-60 of a Newton step is below the rounding of any coefficient it is added to, so a step
// that still fails to raise the objective after this many halvings never will.
constexpr int kMaxStepHalvings = 60;

// A Cholesky pivot below this fraction of the largest diagonal entry is rounding noise (about
// 45 ulps, enough headroom for the K <= 20 sums of a pivot), so the matrix is singular to
// working precision.
constexpr double kRelativePivotFloor = 1e-14;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A dense symmetric matrix, row-major; K is small (10-20), so no linear algebra library.
struct SquareMatrix {
  std::size_t size = 0;
  std::vector<double> values;

  explicit SquareMatrix(std::size_t n) : size(n), values(n * n, 0.0) {}
  double& at(std::size_t row, std::size_t col) { return values[row * size + col]; }
  double at(std::size_t row, std::size_t col) const { return values[row * size + col]; }
};

double Dot(std::span<const double> a, std::span<const double> b) {
  double sum = 0;
  for (std::size_t idx = 0; idx < a.size(); ++idx) sum += a[idx] * b[idx];
  return sum;
}

// log P(row j) for every row. Subtracting the largest utility first keeps exp() in (0, 1], so
// utilities in the thousands neither overflow nor collapse to 0/0 (log-sum-exp).
std::vector<double> LogChoiceProbabilities(std::span<const double> beta,
                                           const FeatureRows& features) {
  std::vector<double> log_probabilities(features.size());
  double max_utility = -std::numeric_limits<double>::infinity();
  for (std::size_t row_idx = 0; row_idx < features.size(); ++row_idx) {
    log_probabilities[row_idx] = Dot(features[row_idx], beta);
    max_utility = std::max(max_utility, log_probabilities[row_idx]);
  }
  double sum_shifted = 0;
  for (double utility : log_probabilities) sum_shifted += std::exp(utility - max_utility);
  const double log_normaliser = max_utility + std::log(sum_shifted);
  for (double& value : log_probabilities) value -= log_normaliser;
  return log_probabilities;
}

double LogLikelihood(std::span<const ChoiceSet* const> sets, std::span<const double> beta) {
  double total = 0;
  for (const ChoiceSet* set : sets) {
    total += LogChoiceProbabilities(beta, set->features)[static_cast<std::size_t>(set->chosen)];
  }
  return total;
}

double RidgePenalty(std::span<const double> beta, std::span<const std::size_t> free_indices,
                    double ridge) {
  double sum_squares = 0;
  for (std::size_t coef_idx : free_indices) sum_squares += beta[coef_idx] * beta[coef_idx];
  return 0.5 * ridge * sum_squares;
}

// Gradient of the log-likelihood and its negative Hessian (the observed information) over all
// K coefficients. Per set, gradient = x_chosen - xbar and information = sum_j p_j (x_j - xbar)
// (x_j - xbar)^T with xbar = sum_j p_j x_j; the deviations are formed before the product rather
// than E[x x^T] - xbar xbar^T, which cancels catastrophically for large features.
struct Derivatives {
  std::vector<double> gradient;
  SquareMatrix information;
};

Derivatives LogLikelihoodDerivatives(std::span<const ChoiceSet* const> sets,
                                     std::span<const double> beta) {
  const std::size_t num_features = beta.size();
  Derivatives result{std::vector<double>(num_features, 0.0), SquareMatrix(num_features)};
  std::vector<double> mean_features(num_features);
  std::vector<double> deviation(num_features);
  for (const ChoiceSet* set : sets) {
    const std::vector<double> log_probabilities = LogChoiceProbabilities(beta, set->features);
    std::fill(mean_features.begin(), mean_features.end(), 0.0);
    for (std::size_t row_idx = 0; row_idx < set->features.size(); ++row_idx) {
      const double probability = std::exp(log_probabilities[row_idx]);
      for (std::size_t coef_idx = 0; coef_idx < num_features; ++coef_idx) {
        mean_features[coef_idx] += probability * set->features[row_idx][coef_idx];
      }
    }
    const std::vector<double>& chosen_row = set->features[static_cast<std::size_t>(set->chosen)];
    for (std::size_t coef_idx = 0; coef_idx < num_features; ++coef_idx) {
      result.gradient[coef_idx] += chosen_row[coef_idx] - mean_features[coef_idx];
    }
    for (std::size_t row_idx = 0; row_idx < set->features.size(); ++row_idx) {
      const double probability = std::exp(log_probabilities[row_idx]);
      for (std::size_t coef_idx = 0; coef_idx < num_features; ++coef_idx) {
        deviation[coef_idx] = set->features[row_idx][coef_idx] - mean_features[coef_idx];
      }
      for (std::size_t row = 0; row < num_features; ++row) {
        for (std::size_t col = 0; col <= row; ++col) {
          result.information.at(row, col) += probability * deviation[row] * deviation[col];
        }
      }
    }
  }
  for (std::size_t row = 0; row < num_features; ++row) {
    for (std::size_t col = 0; col < row; ++col) {
      result.information.at(col, row) = result.information.at(row, col);
    }
  }
  return result;
}

// Lower-triangular L with matrix = L L^T; nullopt when the matrix is not positive definite to
// working precision.
std::optional<SquareMatrix> CholeskyFactor(const SquareMatrix& matrix) {
  const std::size_t n = matrix.size;
  double max_diagonal = 0;
  for (std::size_t idx = 0; idx < n; ++idx) {
    max_diagonal = std::max(max_diagonal, std::fabs(matrix.at(idx, idx)));
  }
  const double pivot_floor = kRelativePivotFloor * max_diagonal;
  SquareMatrix lower(n);
  for (std::size_t col = 0; col < n; ++col) {
    double pivot = matrix.at(col, col);
    for (std::size_t inner = 0; inner < col; ++inner) {
      pivot -= lower.at(col, inner) * lower.at(col, inner);
    }
    if (!(pivot > pivot_floor)) return std::nullopt;  // also rejects NaN
    lower.at(col, col) = std::sqrt(pivot);
    for (std::size_t row = col + 1; row < n; ++row) {
      double value = matrix.at(row, col);
      for (std::size_t inner = 0; inner < col; ++inner) {
        value -= lower.at(row, inner) * lower.at(col, inner);
      }
      lower.at(row, col) = value / lower.at(col, col);
    }
  }
  return lower;
}

// Solves L L^T x = rhs by forward then back substitution.
std::vector<double> CholeskySolve(const SquareMatrix& lower, std::vector<double> rhs) {
  const std::size_t n = lower.size;
  for (std::size_t row = 0; row < n; ++row) {
    for (std::size_t col = 0; col < row; ++col) rhs[row] -= lower.at(row, col) * rhs[col];
    rhs[row] /= lower.at(row, row);
  }
  for (std::size_t row = n; row-- > 0;) {
    for (std::size_t col = row + 1; col < n; ++col) rhs[row] -= lower.at(col, row) * rhs[col];
    rhs[row] /= lower.at(row, row);
  }
  return rhs;
}

// The penalised problem restricted to the free coefficients: gradient and negative Hessian
// of log-likelihood - ridge/2 * |beta_free|^2.
struct FreeProblem {
  std::vector<double> gradient;
  SquareMatrix information;
};

FreeProblem RestrictToFree(const Derivatives& full, std::span<const double> beta,
                           std::span<const std::size_t> free_indices, double ridge) {
  FreeProblem result{std::vector<double>(free_indices.size()), SquareMatrix(free_indices.size())};
  for (std::size_t row = 0; row < free_indices.size(); ++row) {
    const std::size_t coef_row = free_indices[row];
    result.gradient[row] = full.gradient[coef_row] - ridge * beta[coef_row];
    for (std::size_t col = 0; col < free_indices.size(); ++col) {
      result.information.at(row, col) = full.information.at(coef_row, free_indices[col]);
    }
    result.information.at(row, row) += ridge;
  }
  return result;
}

absl::Status SingularInformation() {
  return absl::FailedPreconditionError(
      "conditional logit: the information matrix is singular (e.g. a free feature never "
      "varies within a choice set); use ridge > 0 or fix that coefficient");
}

absl::Status CheckOptions(const LogitOptions& options, std::size_t num_features) {
  if (!std::isfinite(options.ridge) || options.ridge < 0) {
    return absl::InvalidArgumentError(
        fmt::format("conditional logit: ridge {} is not a finite value >= 0", options.ridge));
  }
  if (!options.fixed.empty() && options.fixed.size() != num_features) {
    return absl::InvalidArgumentError(
        fmt::format("conditional logit: fixed has {} entries, expected 0 or {} (one per feature)",
                    options.fixed.size(), num_features));
  }
  for (std::size_t coef_idx = 0; coef_idx < options.fixed.size(); ++coef_idx) {
    if (options.fixed[coef_idx].has_value() && !std::isfinite(*options.fixed[coef_idx])) {
      return absl::InvalidArgumentError(
          fmt::format("conditional logit: fixed coefficient {} is not finite", coef_idx));
    }
  }
  if (options.max_iterations < 0) {
    return absl::InvalidArgumentError(
        fmt::format("conditional logit: max_iterations {} is negative", options.max_iterations));
  }
  if (!(options.tolerance >= 0)) {
    return absl::InvalidArgumentError(
        fmt::format("conditional logit: tolerance {} is not >= 0", options.tolerance));
  }
  return absl::OkStatus();
}

// Checks every set, usable or not, so a malformed row is reported rather than silently skipped;
// returns the feature count K, taken from the first row seen.
absl::StatusOr<std::size_t> CheckSets(std::span<const ChoiceSet> sets) {
  std::optional<std::size_t> num_features;
  for (std::size_t set_idx = 0; set_idx < sets.size(); ++set_idx) {
    const ChoiceSet& set = sets[set_idx];
    for (std::size_t row_idx = 0; row_idx < set.features.size(); ++row_idx) {
      const std::vector<double>& row = set.features[row_idx];
      if (!num_features.has_value()) num_features = row.size();
      if (row.size() != *num_features) {
        return absl::InvalidArgumentError(fmt::format(
            "conditional logit: choice set {} alternative {} has {} features, expected {}", set_idx,
            row_idx, row.size(), *num_features));
      }
      for (std::size_t coef_idx = 0; coef_idx < row.size(); ++coef_idx) {
        if (!std::isfinite(row[coef_idx])) {
          return absl::InvalidArgumentError(fmt::format(
              "conditional logit: choice set {} alternative {} feature {} is not finite", set_idx,
              row_idx, coef_idx));
        }
      }
    }
    const bool is_chosen_valid =
        set.chosen == -1 ||
        (set.chosen >= 0 && static_cast<std::size_t>(set.chosen) < set.features.size());
    if (!is_chosen_valid) {
      return absl::InvalidArgumentError(fmt::format(
          "conditional logit: choice set {} has chosen {}, expected -1 or an index below {}",
          set_idx, set.chosen, set.features.size()));
    }
  }
  return num_features.value_or(0);
}

}  // namespace

absl::StatusOr<LogitFit> FitConditionalLogit(std::span<const ChoiceSet> sets,
                                             const LogitOptions& options) {
  const absl::StatusOr<std::size_t> num_features_or = CheckSets(sets);
  if (!num_features_or.ok()) return num_features_or.status();
  const std::size_t num_features = *num_features_or;
  if (absl::Status status = CheckOptions(options, num_features); !status.ok()) return status;

  // A set without a known winner, or with nothing to choose between, adds a constant 0 to the
  // log-likelihood and nothing to its derivatives.
  std::vector<const ChoiceSet*> usable;
  int num_alternatives = 0;
  for (const ChoiceSet& set : sets) {
    if (set.chosen == -1 || set.features.size() < 2) continue;
    usable.push_back(&set);
    num_alternatives += static_cast<int>(set.features.size());
  }
  if (usable.empty()) {
    return absl::InvalidArgumentError(
        fmt::format("conditional logit: none of {} choice sets has a known winner and two or more "
                    "alternatives",
                    sets.size()));
  }

  std::vector<double> beta(num_features, 0.0);
  std::vector<std::size_t> free_indices;
  for (std::size_t coef_idx = 0; coef_idx < num_features; ++coef_idx) {
    if (!options.fixed.empty() && options.fixed[coef_idx].has_value()) {
      beta[coef_idx] = *options.fixed[coef_idx];
    } else {
      free_indices.push_back(coef_idx);
    }
  }
  const auto penalized_objective = [&](std::span<const double> at) {
    return LogLikelihood(usable, at) - RidgePenalty(at, free_indices, options.ridge);
  };

  double objective = penalized_objective(beta);
  int iterations = 0;
  bool converged = false;
  while (true) {
    const FreeProblem problem =
        RestrictToFree(LogLikelihoodDerivatives(usable, beta), beta, free_indices, options.ridge);
    double max_abs_gradient = 0;
    for (double value : problem.gradient) {
      max_abs_gradient = std::max(max_abs_gradient, std::fabs(value));
    }
    if (max_abs_gradient < options.tolerance || problem.gradient.empty()) {
      converged = true;
      break;
    }
    if (iterations >= options.max_iterations) break;
    const std::optional<SquareMatrix> lower = CholeskyFactor(problem.information);
    if (!lower.has_value()) return SingularInformation();
    const std::vector<double> newton_step = CholeskySolve(*lower, problem.gradient);

    // The full Newton step can overshoot far from the optimum (large features, near-separable
    // data); halving until the objective does not fall keeps the ascent monotone.
    std::vector<double> candidate = beta;
    double candidate_objective = -std::numeric_limits<double>::infinity();
    bool is_step_accepted = false;
    double step_scale = 1.0;
    for (int halving = 0; halving <= kMaxStepHalvings && !is_step_accepted; ++halving) {
      for (std::size_t free_idx = 0; free_idx < free_indices.size(); ++free_idx) {
        const std::size_t coef_idx = free_indices[free_idx];
        candidate[coef_idx] = beta[coef_idx] + step_scale * newton_step[free_idx];
      }
      candidate_objective = penalized_objective(candidate);
      is_step_accepted = std::isfinite(candidate_objective) && candidate_objective >= objective;
      step_scale *= 0.5;
    }
    // With a positive definite information matrix the Newton direction ascends, so when no
    // scaled step is accepted the objective is already at its maximum to working precision.
    if (!is_step_accepted) {
      converged = true;
      break;
    }
    ++iterations;
    const double improvement = candidate_objective - objective;
    beta = candidate;
    objective = candidate_objective;
    if (improvement < options.tolerance * (1.0 + std::fabs(objective))) {
      converged = true;
      break;
    }
  }

  LogitFit fit;
  fit.standard_errors.assign(num_features, kNaN);
  if (!free_indices.empty()) {
    const FreeProblem problem =
        RestrictToFree(LogLikelihoodDerivatives(usable, beta), beta, free_indices, options.ridge);
    const std::optional<SquareMatrix> lower = CholeskyFactor(problem.information);
    if (!lower.has_value()) return SingularInformation();
    for (std::size_t free_idx = 0; free_idx < free_indices.size(); ++free_idx) {
      std::vector<double> unit(free_indices.size(), 0.0);
      unit[free_idx] = 1.0;
      const double variance = CholeskySolve(*lower, unit)[free_idx];
      fit.standard_errors[free_indices[free_idx]] = std::sqrt(variance);
    }
  }
  fit.coefficients = beta;
  fit.log_likelihood = LogLikelihood(usable, beta);
  fit.penalized_objective = objective;
  fit.iterations = iterations;
  fit.converged = converged;
  fit.num_sets = static_cast<int>(usable.size());
  fit.num_alternatives = num_alternatives;
  return fit;
}

std::vector<double> ChoiceProbabilities(std::span<const double> coefficients,
                                        const std::vector<std::vector<double>>& features) {
  for (const std::vector<double>& row : features) {
    DOWNBALLOT_CHECK(row.size() == coefficients.size());
  }
  std::vector<double> probabilities = LogChoiceProbabilities(coefficients, features);
  double sum = 0;
  for (double& value : probabilities) {
    value = std::exp(value);
    sum += value;
  }
  // Exponentiating log-probabilities leaves the sum a few ulps off 1; renormalising makes the
  // probabilities of one race add up as exactly as doubles allow.
  for (double& value : probabilities) value /= sum;
  return probabilities;
}

}  // namespace downballot::analysis
