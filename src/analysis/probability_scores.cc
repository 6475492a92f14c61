#include "analysis/probability_scores.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <span>
#include <vector>

#include "base/check.h"

namespace downballot::analysis {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The floor scikit-learn and Kaggle use for log loss: a forecast of exactly 0 for a winner
// costs -ln(1e-15) ~ 34.5 instead of infinity, so one confident miss cannot swamp the mean.
constexpr double kMinLogLossProbability = 1e-15;

double Outcome(const ScoredForecast& forecast) { return forecast.won ? 1.0 : 0.0; }

double BinLowerEdge(int bin_idx, int num_bins) {
  return static_cast<double>(bin_idx) / static_cast<double>(num_bins);
}

// floor(p * num_bins), corrected by at most a step so the bin agrees exactly with the edges
// reported in the table even where p * num_bins rounds across an integer.
int BinIndex(double probability, int num_bins) {
  const double scaled = std::floor(probability * static_cast<double>(num_bins));
  int bin_idx = static_cast<int>(std::clamp(scaled, 0.0, static_cast<double>(num_bins - 1)));
  while (bin_idx > 0 && probability < BinLowerEdge(bin_idx, num_bins)) --bin_idx;
  while (bin_idx + 1 < num_bins && probability >= BinLowerEdge(bin_idx + 1, num_bins)) ++bin_idx;
  return bin_idx;
}

}  // namespace

double BrierScore(std::span<const ScoredForecast> forecasts) {
  if (forecasts.empty()) return kNaN;
  double sum_squares = 0;
  for (const ScoredForecast& forecast : forecasts) {
    const double error = forecast.probability - Outcome(forecast);
    sum_squares += error * error;
  }
  return sum_squares / static_cast<double>(forecasts.size());
}

double LogLoss(std::span<const ScoredForecast> forecasts) {
  struct GroupLoss {
    double sum = 0;
    int num_winners = 0;
  };
  // Ordered by group so the sum runs in the same order however the input is arranged.
  std::map<int64_t, GroupLoss> losses_by_group;
  for (const ScoredForecast& forecast : forecasts) {
    if (!forecast.won) continue;
    const double probability = std::clamp(forecast.probability, kMinLogLossProbability, 1.0);
    GroupLoss& group = losses_by_group[forecast.group_id];
    group.sum += -std::log(probability);
    ++group.num_winners;
  }
  if (losses_by_group.empty()) return kNaN;
  double total = 0;
  for (const auto& [group_id, group] : losses_by_group) {
    total += group.sum / static_cast<double>(group.num_winners);
  }
  return total / static_cast<double>(losses_by_group.size());
}

double CandidateBinaryLogLoss(std::span<const ScoredForecast> forecasts) {
  if (forecasts.empty()) return kNaN;
  double total = 0;
  for (const ScoredForecast& forecast : forecasts) {
    // Clamping the probability of what happened, rather than p to [1e-15, 1 - 1e-15], charges
    // both kinds of confident miss exactly -ln(1e-15): in doubles 1 - (1 - 1e-15) != 1e-15.
    const double outcome_probability =
        forecast.won ? forecast.probability : 1.0 - forecast.probability;
    total += -std::log(std::clamp(outcome_probability, kMinLogLossProbability, 1.0));
  }
  return total / static_cast<double>(forecasts.size());
}

WilsonInterval WilsonScoreInterval(int64_t successes, int64_t trials, double z) {
  DOWNBALLOT_CHECK(trials >= 0 && successes >= 0 && successes <= trials);
  DOWNBALLOT_CHECK(z >= 0);
  if (trials == 0) return WilsonInterval{0.0, 1.0};
  // Wilson (1927): centre (p + z^2/2n) / (1 + z^2/n), half-width
  // z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/4n^2).
  const double n = static_cast<double>(trials);
  const double rate = static_cast<double>(successes) / n;
  const double z_squared = z * z;
  const double denominator = 1.0 + z_squared / n;
  const double centre = (rate + z_squared / (2.0 * n)) / denominator;
  const double half_width =
      z / denominator * std::sqrt(rate * (1.0 - rate) / n + z_squared / (4.0 * n * n));
  // At 0 or `trials` successes one bound is exactly 0 or 1 in exact arithmetic; pin it rather
  // than report a rounding error such as 1e-17.
  const double low = successes == 0 ? 0.0 : std::max(0.0, centre - half_width);
  const double high = successes == trials ? 1.0 : std::min(1.0, centre + half_width);
  return WilsonInterval{low, high};
}

std::vector<CalibrationBin> CalibrationTable(std::span<const ScoredForecast> forecasts,
                                             int num_bins) {
  if (num_bins < 1) return {};
  const auto bin_count = static_cast<std::size_t>(num_bins);
  std::vector<double> sum_predicted(bin_count, 0.0);
  std::vector<int64_t> num_won(bin_count, 0);
  std::vector<CalibrationBin> bins(bin_count);
  for (const ScoredForecast& forecast : forecasts) {
    if (std::isnan(forecast.probability)) continue;
    const auto bin_idx = static_cast<std::size_t>(BinIndex(forecast.probability, num_bins));
    ++bins[bin_idx].count;
    sum_predicted[bin_idx] += forecast.probability;
    if (forecast.won) ++num_won[bin_idx];
  }
  for (std::size_t bin_idx = 0; bin_idx < bin_count; ++bin_idx) {
    CalibrationBin& bin = bins[bin_idx];
    const int edge_idx = static_cast<int>(bin_idx);
    bin.lower = BinLowerEdge(edge_idx, num_bins);
    bin.upper = bin_idx + 1 == bin_count ? 1.0 : BinLowerEdge(edge_idx + 1, num_bins);
    const WilsonInterval interval = WilsonScoreInterval(num_won[bin_idx], bin.count);
    bin.observed_low = interval.low;
    bin.observed_high = interval.high;
    if (bin.count == 0) {
      bin.mean_predicted = kNaN;
      bin.observed_rate = kNaN;
      continue;
    }
    const double count = static_cast<double>(bin.count);
    bin.mean_predicted = sum_predicted[bin_idx] / count;
    bin.observed_rate = static_cast<double>(num_won[bin_idx]) / count;
  }
  return bins;
}

}  // namespace downballot::analysis
