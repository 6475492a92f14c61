// Scores for probabilistic win forecasts (Brier score, log loss, calibration table) and the
// Wilson score interval for a binomial rate, shared with anything that reports a win rate.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace downballot::analysis {

// One candidate's forecast: each candidate winning is one binary event, and the candidates of
// one race share a group_id.
struct ScoredForecast {
  double probability = 0;  // forecast P(win), in [0, 1]
  bool won = false;
  int64_t group_id = 0;  // e.g. the race index
};

// Returns the mean over candidates of (probability - won)^2; 0 is perfect, and always
// forecasting 0.5 scores 0.25. NaN when `forecasts` is empty. Pure; thread-safe.
[[nodiscard]] double BrierScore(std::span<const ScoredForecast> forecasts);

// The race-level log loss: the mean over groups (races) of -ln p(winner), with p clamped to
// [1e-15, 1] so a confident miss costs about 34.5 rather than infinity. Scoring the winner
// only is the proper score for "who wins this race" and weights each race equally whatever
// its field size. Groups with no winner among `forecasts` (winner unknown or not forecast) are
// skipped; a group with several winners (multi-seat, or a tie) contributes the mean over its
// winners. NaN when no group has a winner. Candidates of a group need not be adjacent.
// Pure; thread-safe.
[[nodiscard]] double LogLoss(std::span<const ScoredForecast> forecasts);

// The candidate-level binary log loss: the mean over candidates of -ln q, where q is the
// probability given to what happened (p for a winner, 1 - p for a loser) clamped to
// [1e-15, 1]. Unlike LogLoss it also charges for probability given to losers, and races with more
// candidates weigh more. NaN when `forecasts` is empty. Pure; thread-safe.
[[nodiscard]] double CandidateBinaryLogLoss(std::span<const ScoredForecast> forecasts);

// A two-sided confidence interval for a binomial proportion, within [0, 1].
struct WilsonInterval {
  double low = 0;
  double high = 1;
};

// Returns the Wilson score interval for `successes` of `trials` at normal quantile z (the
// default is the 95% two-sided quantile). Unlike the normal (Wald) interval it stays inside
// [0, 1] and is not zero-width at 0 or `trials` successes, which matters for the small counts
// of win rates. 0 trials gives {0, 1}. Requires 0 <= successes <= trials and z >= 0
// (checked; a violation is a bug). Pure; thread-safe.
[[nodiscard]] WilsonInterval WilsonScoreInterval(int64_t successes, int64_t trials,
                                                 double z = 1.959963984540054);

// One probability bin of a calibration table (reliability diagram).
struct CalibrationBin {
  double lower = 0;  // the bin holds lower <= p < upper; the last bin also holds p == upper
  double upper = 0;
  int64_t count = 0;
  double mean_predicted = 0;  // mean probability in the bin; NaN when count == 0
  double observed_rate = 0;   // share of the bin's candidates that won; NaN when count == 0
  double observed_low = 0;    // 95% Wilson interval of observed_rate; {0, 1} when count == 0
  double observed_high = 1;
};

// Returns `num_bins` equal-width bins over [0, 1] in increasing order, empty bins included.
// Bin b spans [b / num_bins, (b + 1) / num_bins); p == 1 goes in the last bin. Probabilities
// below 0 or above 1 are counted in the first or last bin; NaN probabilities are not counted.
// Empty when num_bins < 1. Pure; thread-safe.
[[nodiscard]] std::vector<CalibrationBin> CalibrationTable(
    std::span<const ScoredForecast> forecasts, int num_bins = 10);

}  // namespace downballot::analysis
