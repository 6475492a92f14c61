// McFadden's conditional logit over choice sets (one primary race = one set with one winner):
// a ridge-penalised Newton-Raphson fit and the per-candidate win probabilities it implies.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "absl/status/statusor.h"

namespace downballot::analysis {

// Why conditional logit rather than one logistic regression per candidate: the model gives
// P(alternative j wins) = exp(x_j . beta) / sum_i exp(x_i . beta) within each set, so the
// probabilities of a race's candidates always sum to 1 and the field size enters through the
// choice set itself (a strong candidate in a five-way race is less likely to win than the same
// candidate in a two-way race), with no per-race intercept to estimate.
//
// Example:
//   std::vector<ChoiceSet> races = ...;  // one row of K features per candidate
//   ASSIGN_OR_RETURN(LogitFit fit, FitConditionalLogit(races, LogitOptions{}));
//   std::vector<double> p = ChoiceProbabilities(fit.coefficients, next_race.features);

// One race: the alternatives (candidates) and which one won.
struct ChoiceSet {
  std::vector<std::vector<double>> features;  // one row per alternative, every row K long
  int chosen = -1;                            // index of the winner; -1 when unknown
};

struct LogitOptions {
  // Adds -ridge/2 * sum beta_k^2 over the free coefficients to the log-likelihood. It keeps the
  // fit finite when a feature separates winners from losers and makes the Hessian negative
  // definite. The penalty acts on raw coefficients, so features should share a scale.
  double ridge = 1.0;
  // Empty, or K entries: a value fixes that coefficient (not fitted, not penalised); nullopt
  // leaves it free. Free coefficients start at 0.
  std::vector<std::optional<double>> fixed;
  int max_iterations = 100;  // Newton steps; 0 evaluates the starting point only
  // Converged when max |gradient| < tolerance or a step raises the penalised objective by less
  // than tolerance * (1 + |objective|).
  double tolerance = 1e-10;
};

struct LogitFit {
  std::vector<double> coefficients;  // K entries; fixed ones equal their fixed value exactly
  double log_likelihood = 0;         // unpenalised, summed over the sets fitted
  double penalized_objective = 0;    // log_likelihood - ridge/2 * sum of free beta_k^2
  int iterations = 0;                // Newton steps taken
  bool converged = false;            // false when max_iterations ran out first
  // sqrt of the diagonal of the inverse negative penalised Hessian at the fit, for free
  // coefficients (the usual asymptotic standard error when ridge is 0); NaN for fixed ones.
  std::vector<double> standard_errors;
  int num_sets = 0;          // sets fitted (known winner, at least two alternatives)
  int num_alternatives = 0;  // alternatives in those sets
};

// Maximises the penalised conditional-logit log-likelihood by Newton-Raphson with exact
// gradient and Hessian and step halving, so the objective never decreases between steps.
// Sets with chosen == -1 or fewer than two alternatives carry no information and are skipped,
// but every set is still validated.
// InvalidArgument when rows differ in length (within or across sets), a feature is not
// finite, chosen is neither -1 nor a row index, no set is usable, or the options are bad
// (ridge negative or not finite, fixed neither empty nor K long, a fixed value not finite,
// max_iterations or tolerance negative). FailedPrecondition when the negative Hessian is
// singular, which needs ridge == 0, e.g. a free feature that never varies within any set.
// Returns a fit with converged == false, not an error, when max_iterations runs out. With
// ridge == 0 and separable data (a feature that always picks the winner) no maximum exists:
// the fit stops where the objective stops changing, with a large coefficient and a huge
// standard error. Pure; thread-safe.
[[nodiscard]] absl::StatusOr<LogitFit> FitConditionalLogit(std::span<const ChoiceSet> sets,
                                                           const LogitOptions& options);

// Returns the softmax of features[j] . coefficients over the rows of `features`: one
// probability per row, summing to 1 within 1e-12. Subtracts the largest utility before
// exponentiating, so large features neither overflow nor underflow to 0/0. Every row must
// have coefficients.size() entries (checked; a mismatch is a bug). An empty `features` gives
// an empty result; non-finite inputs give NaN. Pure; thread-safe.
[[nodiscard]] std::vector<double> ChoiceProbabilities(
    std::span<const double> coefficients, const std::vector<std::vector<double>>& features);

}  // namespace downballot::analysis
