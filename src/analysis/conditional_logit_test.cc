#include "analysis/conditional_logit.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"

namespace downballot::analysis {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

double Sigmoid(double value) { return 1.0 / (1.0 + std::exp(-value)); }

// `num_sets` two-way races with one binary feature; the x = 1 alternative wins the first
// `num_wins`. The conditional logit is then a logistic regression without intercept:
// P(x = 1 wins) = sigmoid(beta).
std::vector<ChoiceSet> BinaryFeatureSets(int num_wins, int num_sets) {
  std::vector<ChoiceSet> sets;
  for (int set_idx = 0; set_idx < num_sets; ++set_idx) {
    sets.push_back(ChoiceSet{{{1.0}, {0.0}}, set_idx < num_wins ? 0 : 1});
  }
  return sets;
}

// The root of a decreasing function on [low, high], to double precision.
double Bisect(const std::function<double(double)>& decreasing, double low, double high) {
  for (int step = 0; step < 200; ++step) {
    const double middle = 0.5 * (low + high);
    (decreasing(middle) > 0 ? low : high) = middle;
  }
  return 0.5 * (low + high);
}

// The log-likelihood written out directly, independently of the code under test; fine for the
// small features used here.
double NaiveLogLikelihood(const std::vector<ChoiceSet>& sets, const std::vector<double>& beta) {
  double total = 0;
  for (const ChoiceSet& set : sets) {
    if (set.chosen < 0 || set.features.size() < 2) continue;
    double denominator = 0;
    for (const std::vector<double>& row : set.features) {
      double utility = 0;
      for (size_t coef_idx = 0; coef_idx < beta.size(); ++coef_idx) {
        utility += row[coef_idx] * beta[coef_idx];
      }
      denominator += std::exp(utility);
    }
    double chosen_utility = 0;
    for (size_t coef_idx = 0; coef_idx < beta.size(); ++coef_idx) {
      chosen_utility += set.features[static_cast<size_t>(set.chosen)][coef_idx] * beta[coef_idx];
    }
    total += chosen_utility - std::log(denominator);
  }
  return total;
}

// A uniform draw in (0, 1) from the raw 32-bit output, so the data do not depend on how the
// standard library implements its distributions.
double Uniform01(std::mt19937& rng) {
  constexpr double kTwoToThe32 = 4294967296.0;
  return (static_cast<double>(rng()) + 0.5) / kTwoToThe32;
}

// Races of 2-6 candidates with features uniform on [-2, 2]; the winner is drawn from the
// conditional logit with coefficients `truth`.
std::vector<ChoiceSet> SimulateSets(uint32_t seed, int num_sets, const std::vector<double>& truth) {
  std::mt19937 rng(seed);
  std::vector<ChoiceSet> sets;
  for (int set_idx = 0; set_idx < num_sets; ++set_idx) {
    ChoiceSet set;
    const auto num_alternatives = static_cast<uint32_t>(2 + rng() % 5);
    std::vector<double> weights;
    double total_weight = 0;
    for (uint32_t alt_idx = 0; alt_idx < num_alternatives; ++alt_idx) {
      std::vector<double> row;
      double utility = 0;
      for (double coefficient : truth) {
        row.push_back(4.0 * Uniform01(rng) - 2.0);
        utility += coefficient * row.back();
      }
      set.features.push_back(row);
      weights.push_back(std::exp(utility));
      total_weight += weights.back();
    }
    double remaining = Uniform01(rng) * total_weight;
    set.chosen = static_cast<int>(num_alternatives) - 1;
    for (uint32_t alt_idx = 0; alt_idx < num_alternatives; ++alt_idx) {
      remaining -= weights[alt_idx];
      if (remaining <= 0) {
        set.chosen = static_cast<int>(alt_idx);
        break;
      }
    }
    sets.push_back(set);
  }
  return sets;
}

LogitOptions WithRidge(double ridge) {
  LogitOptions options;
  options.ridge = ridge;
  return options;
}

TEST(ConditionalLogit, UnpenalisedBinaryFeatureIsTheLogOdds) {
  struct Case {
    std::string name;
    int num_wins;
    int num_sets;
    double want_beta;  // ln(k / (n - k))
  };
  const Case cases[] = {
      {"3 of 4", 3, 4, std::log(3.0)},         {"1 of 4", 1, 4, -std::log(3.0)},
      {"7 of 10", 7, 10, std::log(7.0 / 3.0)}, {"5 of 10", 5, 10, 0.0},
      {"1 of 100", 1, 100, -std::log(99.0)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const std::vector<ChoiceSet> sets = BinaryFeatureSets(c.num_wins, c.num_sets);
    const absl::StatusOr<LogitFit> fit = FitConditionalLogit(sets, WithRidge(0.0));
    ASSERT_TRUE(fit.ok()) << fit.status();
    ASSERT_EQ(fit->coefficients.size(), 1u);
    EXPECT_NEAR(fit->coefficients[0], c.want_beta, 1e-9);
    EXPECT_TRUE(fit->converged);
    EXPECT_EQ(fit->num_sets, c.num_sets);
    EXPECT_EQ(fit->num_alternatives, 2 * c.num_sets);
    // At the MLE P(x = 1 wins) = k / n: ll = k ln(k/n) + (n-k) ln((n-k)/n), and the
    // information n p (1 - p) gives the standard error.
    const double wins = c.num_wins;
    const double losses = c.num_sets - c.num_wins;
    const double share = wins / c.num_sets;
    EXPECT_NEAR(fit->log_likelihood, wins * std::log(share) + losses * std::log(1.0 - share), 1e-9);
    EXPECT_DOUBLE_EQ(fit->penalized_objective, fit->log_likelihood);
    EXPECT_NEAR(fit->standard_errors[0], 1.0 / std::sqrt(c.num_sets * share * (1.0 - share)), 1e-9);
  }
}

TEST(ConditionalLogit, RidgeBinaryFeatureSolvesPenalisedScoreEquation) {
  struct Case {
    std::string name;
    int num_wins;
    int num_sets;
    double ridge;
  };
  const Case cases[] = {
      {"3 of 4, ridge 1", 3, 4, 1.0},          {"3 of 4, ridge 0.5", 3, 4, 0.5},
      {"9 of 10, ridge 10", 9, 10, 10.0},      {"1 of 7, ridge 2", 1, 7, 2.0},
      {"all 10 won, ridge 1", 10, 10, 1.0},  // separable: only the ridge keeps beta finite
      {"none of 5 won, ridge 0.1", 0, 5, 0.1},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    // d/dbeta [k ln s(b) + (n-k) ln(1 - s(b)) - ridge/2 b^2] = k - n s(b) - ridge b = 0.
    const double want_beta = Bisect(
        [&](double beta) { return c.num_wins - c.num_sets * Sigmoid(beta) - c.ridge * beta; },
        -50.0, 50.0);
    const std::vector<ChoiceSet> sets = BinaryFeatureSets(c.num_wins, c.num_sets);
    const absl::StatusOr<LogitFit> fit = FitConditionalLogit(sets, WithRidge(c.ridge));
    ASSERT_TRUE(fit.ok()) << fit.status();
    EXPECT_NEAR(fit->coefficients[0], want_beta, 1e-8);
    EXPECT_TRUE(fit->converged);
    const double beta = fit->coefficients[0];
    EXPECT_NEAR(fit->log_likelihood, NaiveLogLikelihood(sets, {beta}), 1e-12);
    EXPECT_NEAR(fit->penalized_objective, fit->log_likelihood - 0.5 * c.ridge * beta * beta, 1e-12);
    const double share = Sigmoid(beta);
    EXPECT_NEAR(fit->standard_errors[0],
                1.0 / std::sqrt(c.num_sets * share * (1.0 - share) + c.ridge), 1e-9);
  }
}

// Two three-way races with beta = (ln 2, ln 3):
//   race 1 rows (1,0) (0,1) (0,0): exp(u) = 2, 3, 1 -> P = 1/3, 1/2, 1/6; row 0 won: ln(1/3).
//   race 2 rows (0,0) (1,1) (0,1): exp(u) = 1, 6, 3 -> P = 0.1, 0.6, 0.3; row 2 won: ln(0.3).
//   ll = ln(1/3) + ln(0.3) = ln(0.1) = -ln 10.
const std::vector<ChoiceSet> kThreeWayRaces = {
    ChoiceSet{{{1, 0}, {0, 1}, {0, 0}}, 0},
    ChoiceSet{{{0, 0}, {1, 1}, {0, 1}}, 2},
};

TEST(ConditionalLogit, ThreeWayLogLikelihoodByHand) {
  LogitOptions options;
  options.fixed = {std::log(2.0), std::log(3.0)};
  const absl::StatusOr<LogitFit> fit = FitConditionalLogit(kThreeWayRaces, options);
  ASSERT_TRUE(fit.ok()) << fit.status();
  EXPECT_NEAR(fit->log_likelihood, -std::log(10.0), 1e-14);
  // Both coefficients are fixed, so there is no penalty and nothing to fit.
  EXPECT_EQ(fit->penalized_objective, fit->log_likelihood);
  EXPECT_EQ(fit->iterations, 0);
  EXPECT_TRUE(fit->converged);
  EXPECT_EQ(fit->coefficients, (std::vector<double>{std::log(2.0), std::log(3.0)}));
  ASSERT_EQ(fit->standard_errors.size(), 2u);
  EXPECT_TRUE(std::isnan(fit->standard_errors[0]));
  EXPECT_TRUE(std::isnan(fit->standard_errors[1]));
  EXPECT_EQ(fit->num_sets, 2);
  EXPECT_EQ(fit->num_alternatives, 6);
}

TEST(ConditionalLogit, ThreeWayBinaryFeatureMatchesClosedForm) {
  // One x = 1 candidate against two x = 0: P(x = 1 wins) = e^b / (e^b + 2). Winning k of n
  // races gives the MLE e^b / (e^b + 2) = k / n, so b = ln(2k / (n - k)).
  struct Case {
    std::string name;
    int num_wins;
    int num_sets;
    double want_beta;
  };
  const Case cases[] = {
      {"1 of 3: no better than chance", 1, 3, 0.0},
      {"2 of 4", 2, 4, std::log(2.0)},
      {"1 of 5", 1, 5, std::log(0.5)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<ChoiceSet> sets;
    for (int set_idx = 0; set_idx < c.num_sets; ++set_idx) {
      sets.push_back(ChoiceSet{{{0.0}, {1.0}, {0.0}}, set_idx < c.num_wins ? 1 : 2});
    }
    const absl::StatusOr<LogitFit> fit = FitConditionalLogit(sets, WithRidge(0.0));
    ASSERT_TRUE(fit.ok()) << fit.status();
    EXPECT_NEAR(fit->coefficients[0], c.want_beta, 1e-9);
    const double share = static_cast<double>(c.num_wins) / c.num_sets;
    // Each loss is one of the two x = 0 candidates: P = (1 - share) / 2.
    EXPECT_NEAR(
        fit->log_likelihood,
        c.num_wins * std::log(share) + (c.num_sets - c.num_wins) * std::log((1.0 - share) / 2.0),
        1e-9);
  }
}

TEST(ConditionalLogit, FixedCoefficientStaysExactAndTheOthersFit) {
  // Both features mark the same candidate, so only beta_0 + beta_1 is identified: with beta_1
  // fixed at 0.4 the fit must move beta_0 to ln 3 - 0.4 (3 of 4 wins, no ridge).
  std::vector<ChoiceSet> sets;
  for (int set_idx = 0; set_idx < 4; ++set_idx) {
    sets.push_back(ChoiceSet{{{1.0, 1.0}, {0.0, 0.0}}, set_idx < 3 ? 0 : 1});
  }
  constexpr double kFixedValue = 0.4;
  LogitOptions options;
  options.ridge = 0;
  options.fixed = {std::nullopt, kFixedValue};
  absl::StatusOr<LogitFit> fit = FitConditionalLogit(sets, options);
  ASSERT_TRUE(fit.ok()) << fit.status();
  EXPECT_EQ(fit->coefficients[1], kFixedValue);
  EXPECT_NEAR(fit->coefficients[0], std::log(3.0) - kFixedValue, 1e-9);
  EXPECT_TRUE(std::isfinite(fit->standard_errors[0]));
  EXPECT_TRUE(std::isnan(fit->standard_errors[1]));

  // The ridge applies to beta_0 only: 3 - 4 sigmoid(b + 0.4) - ridge b = 0.
  options.ridge = 2.0;
  fit = FitConditionalLogit(sets, options);
  ASSERT_TRUE(fit.ok()) << fit.status();
  const double want_beta =
      Bisect([](double beta) { return 3.0 - 4.0 * Sigmoid(beta + kFixedValue) - 2.0 * beta; },
             -50.0, 50.0);
  EXPECT_EQ(fit->coefficients[1], kFixedValue);
  EXPECT_NEAR(fit->coefficients[0], want_beta, 1e-8);
  EXPECT_NEAR(fit->penalized_objective, fit->log_likelihood - want_beta * want_beta, 1e-8);
}

TEST(ConditionalLogit, LineSearchRecoversFromAStartFarInTheTail) {
  // Fixing beta_1 = 20 starts the free beta_0 where sigmoid(beta_0 + 20) ~ 1: the curvature is
  // ~e^-20 while the gradient is ~-1, so the full Newton step is ~-1e8 and would drop the
  // objective by ~1e8. Step halving must keep every iterate at or above the one before.
  std::vector<ChoiceSet> sets;
  for (int set_idx = 0; set_idx < 4; ++set_idx) {
    sets.push_back(ChoiceSet{{{1.0, 1.0}, {0.0, 0.0}}, set_idx < 3 ? 0 : 1});
  }
  LogitOptions options;
  options.ridge = 0;
  options.fixed = {std::nullopt, 20.0};
  double previous_objective = -kInf;
  for (int max_iterations = 0; max_iterations <= 8; ++max_iterations) {
    SCOPED_TRACE(max_iterations);
    options.max_iterations = max_iterations;
    const absl::StatusOr<LogitFit> capped = FitConditionalLogit(sets, options);
    ASSERT_TRUE(capped.ok()) << capped.status();
    EXPECT_GE(capped->penalized_objective, previous_objective);
    EXPECT_LE(capped->iterations, max_iterations);
    previous_objective = capped->penalized_objective;
  }
  options.max_iterations = 0;
  const absl::StatusOr<LogitFit> start = FitConditionalLogit(sets, options);
  ASSERT_TRUE(start.ok()) << start.status();
  EXPECT_FALSE(start->converged);
  EXPECT_EQ(start->coefficients[0], 0.0);

  options.max_iterations = 100;
  const absl::StatusOr<LogitFit> fit = FitConditionalLogit(sets, options);
  ASSERT_TRUE(fit.ok()) << fit.status();
  EXPECT_TRUE(fit->converged);
  EXPECT_NEAR(fit->coefficients[0], std::log(3.0) - 20.0, 1e-9);
}

TEST(ConditionalLogit, SkipsSetsWithoutInformation) {
  std::vector<ChoiceSet> sets = BinaryFeatureSets(3, 4);
  sets.push_back(ChoiceSet{{{1.0}, {0.0}, {0.0}}, -1});  // winner unknown
  sets.push_back(ChoiceSet{{{1.0}}, 0});                 // unopposed
  sets.push_back(ChoiceSet{{}, -1});                     // no candidates at all
  const absl::StatusOr<LogitFit> fit = FitConditionalLogit(sets, WithRidge(0.0));
  ASSERT_TRUE(fit.ok()) << fit.status();
  EXPECT_EQ(fit->num_sets, 4);
  EXPECT_EQ(fit->num_alternatives, 8);
  EXPECT_NEAR(fit->coefficients[0], std::log(3.0), 1e-9);
}

TEST(ConditionalLogit, OptimumHasZeroNumericalGradient) {
  constexpr double kRidge = 1.0;
  const std::vector<ChoiceSet> sets = SimulateSets(7, 200, {0.7, -1.2, 0.3});
  struct Case {
    std::string name;
    std::vector<std::optional<double>> fixed;
  };
  const Case cases[] = {
      {"all free", {}},
      {"middle fixed", {std::nullopt, -0.9, std::nullopt}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    LogitOptions options = WithRidge(kRidge);
    options.fixed = c.fixed;
    const absl::StatusOr<LogitFit> fit = FitConditionalLogit(sets, options);
    ASSERT_TRUE(fit.ok()) << fit.status();
    EXPECT_TRUE(fit->converged);
    EXPECT_LT(fit->iterations, 20);
    const auto penalized = [&](const std::vector<double>& beta) {
      double penalty = 0;
      for (size_t coef_idx = 0; coef_idx < beta.size(); ++coef_idx) {
        if (c.fixed.empty() || !c.fixed[coef_idx].has_value()) {
          penalty += 0.5 * kRidge * beta[coef_idx] * beta[coef_idx];
        }
      }
      return NaiveLogLikelihood(sets, beta) - penalty;
    };
    EXPECT_NEAR(fit->penalized_objective, penalized(fit->coefficients), 1e-9);
    // Central differences: truncation ~h^2 and rounding ~1e-16 * |objective| / h are both
    // near 1e-9 here, far below the O(1) gradient of a wrong optimum.
    constexpr double kStep = 1e-5;
    for (size_t coef_idx = 0; coef_idx < 3; ++coef_idx) {
      if (!c.fixed.empty() && c.fixed[coef_idx].has_value()) continue;
      std::vector<double> up = fit->coefficients;
      std::vector<double> down = fit->coefficients;
      up[coef_idx] += kStep;
      down[coef_idx] -= kStep;
      EXPECT_NEAR((penalized(up) - penalized(down)) / (2 * kStep), 0.0, 1e-6)
          << "coefficient " << coef_idx;
    }
  }
}

TEST(ConditionalLogit, RecoversSimulatedCoefficients) {
  const std::vector<double> truth = {1.0, -0.5, 0.8};
  const std::vector<ChoiceSet> sets = SimulateSets(20240501, 3000, truth);
  const absl::StatusOr<LogitFit> fit = FitConditionalLogit(sets, LogitOptions{});
  ASSERT_TRUE(fit.ok()) << fit.status();
  EXPECT_TRUE(fit->converged);
  EXPECT_EQ(fit->num_sets, 3000);
  for (size_t coef_idx = 0; coef_idx < truth.size(); ++coef_idx) {
    SCOPED_TRACE(coef_idx);
    EXPECT_NEAR(fit->coefficients[coef_idx], truth[coef_idx], 0.15);
    // With ~12000 candidates the standard errors are a few hundredths, and the estimate should
    // sit within a few of them of the truth.
    EXPECT_GT(fit->standard_errors[coef_idx], 0.005);
    EXPECT_LT(fit->standard_errors[coef_idx], 0.1);
    EXPECT_LT(std::fabs(fit->coefficients[coef_idx] - truth[coef_idx]),
              4.0 * fit->standard_errors[coef_idx]);
  }
}

TEST(ConditionalLogit, LargeFeaturesFitWithoutOverflow) {
  // Features in the thousands put utilities far outside exp()'s range at the first steps.
  std::vector<ChoiceSet> sets = SimulateSets(11, 300, {0.9, -0.4});
  for (ChoiceSet& set : sets) {
    for (std::vector<double>& row : set.features) {
      for (double& value : row) value *= 1000.0;
    }
  }
  const absl::StatusOr<LogitFit> fit = FitConditionalLogit(sets, LogitOptions{});
  ASSERT_TRUE(fit.ok()) << fit.status();
  EXPECT_TRUE(fit->converged);
  EXPECT_TRUE(std::isfinite(fit->log_likelihood));
  // The same data at unit scale fits coefficients 1000 times larger (the ridge is negligible
  // next to the information at either scale, so only roughly).
  const std::vector<ChoiceSet> unit_scale = SimulateSets(11, 300, {0.9, -0.4});
  const absl::StatusOr<LogitFit> unit_fit = FitConditionalLogit(unit_scale, WithRidge(0.0));
  ASSERT_TRUE(unit_fit.ok()) << unit_fit.status();
  EXPECT_NEAR(fit->coefficients[0] * 1000.0, unit_fit->coefficients[0], 1e-3);
  EXPECT_NEAR(fit->coefficients[1] * 1000.0, unit_fit->coefficients[1], 1e-3);
}

TEST(ConditionalLogit, MaxIterationsExhaustedIsNotAnError) {
  const std::vector<ChoiceSet> sets = SimulateSets(3, 100, {1.0, 1.0});
  LogitOptions options;
  options.max_iterations = 1;
  const absl::StatusOr<LogitFit> fit = FitConditionalLogit(sets, options);
  ASSERT_TRUE(fit.ok()) << fit.status();
  EXPECT_FALSE(fit->converged);
  EXPECT_EQ(fit->iterations, 1);
}

TEST(ConditionalLogit, RejectsBadInput) {
  struct Case {
    std::string name;
    std::vector<ChoiceSet> sets;
    LogitOptions options;
    absl::StatusCode want_code;
  };
  const std::vector<ChoiceSet> good = BinaryFeatureSets(3, 4);
  const auto with_fixed = [](std::vector<std::optional<double>> fixed) {
    LogitOptions options;
    options.fixed = std::move(fixed);
    return options;
  };
  LogitOptions negative_iterations;
  negative_iterations.max_iterations = -1;
  LogitOptions nan_tolerance;
  nan_tolerance.tolerance = kNaN;
  const Case cases[] = {
      {"ragged rows within a set",
       {ChoiceSet{{{1.0, 2.0}, {1.0}}, 0}},
       {},
       absl::StatusCode::kInvalidArgument},
      {"ragged rows across sets",
       {ChoiceSet{{{1.0, 2.0}, {0.0, 0.0}}, 0}, ChoiceSet{{{1.0}, {0.0}}, 1}},
       {},
       absl::StatusCode::kInvalidArgument},
      {"ragged rows in a skipped set",
       {ChoiceSet{{{1.0}, {0.0}}, 0}, ChoiceSet{{{1.0, 2.0}, {0.0, 0.0}}, -1}},
       {},
       absl::StatusCode::kInvalidArgument},
      {"chosen one past the end",
       {ChoiceSet{{{1.0}, {0.0}}, 2}},
       {},
       absl::StatusCode::kInvalidArgument},
      {"chosen below -1", {ChoiceSet{{{1.0}, {0.0}}, -2}}, {}, absl::StatusCode::kInvalidArgument},
      {"chosen in an empty set", {ChoiceSet{{}, 0}}, {}, absl::StatusCode::kInvalidArgument},
      {"NaN feature", {ChoiceSet{{{kNaN}, {0.0}}, 0}}, {}, absl::StatusCode::kInvalidArgument},
      {"infinite feature",
       {ChoiceSet{{{1.0}, {-kInf}}, 0}},
       {},
       absl::StatusCode::kInvalidArgument},
      {"no sets", {}, {}, absl::StatusCode::kInvalidArgument},
      {"only unknown winners",
       {ChoiceSet{{{1.0}, {0.0}}, -1}},
       {},
       absl::StatusCode::kInvalidArgument},
      {"only unopposed",
       {ChoiceSet{{{1.0}}, 0}, ChoiceSet{{{0.0}}, 0}},
       {},
       absl::StatusCode::kInvalidArgument},
      {"negative ridge", good, WithRidge(-1.0), absl::StatusCode::kInvalidArgument},
      {"NaN ridge", good, WithRidge(kNaN), absl::StatusCode::kInvalidArgument},
      {"fixed of the wrong size", good, with_fixed({std::nullopt, 1.0}),
       absl::StatusCode::kInvalidArgument},
      {"fixed value not finite", good, with_fixed({kInf}), absl::StatusCode::kInvalidArgument},
      {"negative max_iterations", good, negative_iterations, absl::StatusCode::kInvalidArgument},
      {"NaN tolerance", good, nan_tolerance, absl::StatusCode::kInvalidArgument},
      // Without a ridge, a feature equal for every candidate of every race has no information.
      {"no within-set variation, ridge 0",
       {ChoiceSet{{{1.0, 5.0}, {0.0, 5.0}}, 0}, ChoiceSet{{{1.0, 2.0}, {0.0, 2.0}}, 1}},
       WithRidge(0.0),
       absl::StatusCode::kFailedPrecondition},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const absl::StatusOr<LogitFit> fit = FitConditionalLogit(c.sets, c.options);
    EXPECT_EQ(fit.status().code(), c.want_code) << fit.status();
  }
}

TEST(ConditionalLogit, SeparableDataWithoutRidgeStopsWithAHugeStandardError) {
  // The x = 1 candidate wins every race: the likelihood rises toward 0 as beta -> infinity and
  // has no maximum. The fit stops once the objective no longer changes; the standard error is
  // what flags the estimate as meaningless.
  const absl::StatusOr<LogitFit> fit = FitConditionalLogit(BinaryFeatureSets(4, 4), WithRidge(0));
  ASSERT_TRUE(fit.ok()) << fit.status();
  EXPECT_GT(fit->coefficients[0], 10.0);
  EXPECT_GT(fit->standard_errors[0], 100.0);
  EXPECT_LT(fit->log_likelihood, 0.0);
  EXPECT_GT(fit->log_likelihood, -1e-6);
}

TEST(ConditionalLogit, RidgePinsAFeatureWithoutWithinSetVariation) {
  // The same data as the FailedPrecondition case: a race-level feature carries no information,
  // and the ridge holds its coefficient at 0 with standard error 1 / sqrt(ridge).
  const std::vector<ChoiceSet> sets = {ChoiceSet{{{1.0, 5.0}, {0.0, 5.0}}, 0},
                                       ChoiceSet{{{1.0, 2.0}, {0.0, 2.0}}, 1}};
  const absl::StatusOr<LogitFit> fit = FitConditionalLogit(sets, WithRidge(4.0));
  ASSERT_TRUE(fit.ok()) << fit.status();
  EXPECT_NEAR(fit->coefficients[0], 0.0, 1e-12);  // one win each way
  EXPECT_EQ(fit->coefficients[1], 0.0);
  EXPECT_NEAR(fit->standard_errors[1], 0.5, 1e-12);
}

TEST(ConditionalLogit, NoFeaturesFitsTrivially) {
  const std::vector<ChoiceSet> sets = {ChoiceSet{{{}, {}, {}}, 1}, ChoiceSet{{{}, {}}, 0}};
  const absl::StatusOr<LogitFit> fit = FitConditionalLogit(sets, LogitOptions{});
  ASSERT_TRUE(fit.ok()) << fit.status();
  EXPECT_TRUE(fit->coefficients.empty());
  EXPECT_TRUE(fit->converged);
  EXPECT_NEAR(fit->log_likelihood, -std::log(6.0), 1e-14);  // ln(1/3) + ln(1/2)
}

TEST(ConditionalLogitProbabilities, HandComputedThreeWay) {
  const std::vector<double> beta = {std::log(2.0), std::log(3.0)};
  const std::vector<double> probabilities = ChoiceProbabilities(beta, kThreeWayRaces[0].features);
  ASSERT_EQ(probabilities.size(), 3u);
  EXPECT_NEAR(probabilities[0], 1.0 / 3.0, 1e-15);
  EXPECT_NEAR(probabilities[1], 1.0 / 2.0, 1e-15);
  EXPECT_NEAR(probabilities[2], 1.0 / 6.0, 1e-15);
}

TEST(ConditionalLogitProbabilities, HugeFeaturesSumToOneWithoutOverflow) {
  const double e = std::exp(1.0);
  struct Case {
    std::string name;
    std::vector<double> beta;
    std::vector<std::vector<double>> features;
    std::vector<double> want;
  };
  const Case cases[] = {
      // Utilities 2000, 0, 0, 1999: only the first and last matter, 1 : e^-1.
      {"huge positive",
       {1.0, 1.0},
       {{1e3, 1e3}, {1e3, -1e3}, {-1e3, 1e3}, {999.0, 1e3}},
       {e / (e + 1), 0.0, 0.0, 1 / (e + 1)}},
      // Utilities -1000 and -1001: exp() of both underflows to 0 without the shift.
      {"huge negative", {1.0}, {{-1e3}, {-1e3 - 1}}, {e / (e + 1), 1 / (e + 1)}},
      {"equal utilities", {3.0}, {{1e3}, {1e3}, {1e3}, {1e3}}, {0.25, 0.25, 0.25, 0.25}},
      {"single candidate", {2.0}, {{1e3}}, {1.0}},
      {"no features", {}, {{}, {}}, {0.5, 0.5}},
      {"no candidates", {1.0}, {}, {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const std::vector<double> probabilities = ChoiceProbabilities(c.beta, c.features);
    ASSERT_EQ(probabilities.size(), c.want.size());
    double sum = 0;
    for (size_t row_idx = 0; row_idx < probabilities.size(); ++row_idx) {
      EXPECT_TRUE(std::isfinite(probabilities[row_idx]));
      EXPECT_NEAR(probabilities[row_idx], c.want[row_idx], 1e-15);
      sum += probabilities[row_idx];
    }
    if (!c.want.empty()) {
      EXPECT_NEAR(sum, 1.0, 1e-12);
    }
  }
}

TEST(ConditionalLogitProbabilities, ManyLargeCandidatesSumToOne) {
  std::mt19937 rng(5);
  for (int trial = 0; trial < 50; ++trial) {
    SCOPED_TRACE(trial);
    const std::vector<double> beta = {Uniform01(rng) * 4 - 2, Uniform01(rng) * 4 - 2};
    std::vector<std::vector<double>> features(20);
    for (std::vector<double>& row : features) {
      row = {Uniform01(rng) * 2e3 - 1e3, Uniform01(rng) * 2e3 - 1e3};
    }
    double sum = 0;
    for (double probability : ChoiceProbabilities(beta, features)) {
      EXPECT_GE(probability, 0.0);
      EXPECT_LE(probability, 1.0);
      sum += probability;
    }
    EXPECT_NEAR(sum, 1.0, 1e-12);
  }
}

}  // namespace
}  // namespace downballot::analysis
