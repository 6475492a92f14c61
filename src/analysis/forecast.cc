#include "analysis/forecast.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <set>
#include <string_view>

#include "analysis/conditional_logit.h"
#include "analysis/primary_fields.h"
#include "base/status_macros.h"

namespace downballot::analysis {
namespace {

constexpr size_t kEndorsementLeaderFeature = 7;
constexpr int kCalibrationBins = 10;

bool IsScorable(const model::PrimaryField& field) {
  return field.candidates.size() >= 2 && WinnerIndex(field) >= 0;
}

bool HasIncumbent(const model::PrimaryField& field) {
  return std::any_of(field.candidates.begin(), field.candidates.end(),
                     [](const auto& c) { return c.features[kIncumbentFeature] != 0.0; });
}

std::optional<size_t> SingleLeader(const model::PrimaryField& field) {
  std::optional<size_t> leader;
  for (size_t idx = 0; idx < field.candidates.size(); ++idx) {
    if (field.candidates[idx].features[kEndorsementLeaderFeature] != 0.0) leader = idx;
  }
  return leader;
}

}  // namespace

absl::StatusOr<ForecastModel> TrainForecastModel(std::span<const model::PrimaryField> fields,
                                                 const ForecastOptions& options) {
  ForecastModel model;
  model.feature_names.assign(kForecastFeatureNames.begin(), kForecastFeatureNames.end());
  model.ridge = options.ridge;
  std::vector<ChoiceSet> sets;
  std::set<int> cycles;
  for (const model::PrimaryField& field : fields) {
    if (!IsScorable(field)) continue;
    ChoiceSet set;
    for (const model::FieldCandidate& candidate : field.candidates) {
      set.features.push_back(candidate.features);
    }
    set.chosen = WinnerIndex(field);
    sets.push_back(std::move(set));
    cycles.insert(field.cycle);
    model.num_candidates += static_cast<int>(field.candidates.size());
    if (HasIncumbent(field)) ++model.num_incumbent_races;
  }
  if (sets.empty()) {
    return absl::InvalidArgumentError(
        "no training race has a known single winner and two or more candidates");
  }
  model.num_races = static_cast<int>(sets.size());
  model.train_cycles.assign(cycles.begin(), cycles.end());

  LogitOptions logit;
  logit.ridge = options.ridge;
  logit.fixed.assign(kForecastFeatureNames.size(), std::nullopt);
  model.is_prior.assign(kForecastFeatureNames.size(), false);
  if (model.num_incumbent_races < options.min_incumbent_races) {
    const double rate = options.incumbent_prior_win_rate;
    logit.fixed[kIncumbentFeature] = std::log(rate / (1.0 - rate));
    model.is_prior[kIncumbentFeature] = true;
  }
  ASSIGN_OR_RETURN(const LogitFit fit, FitConditionalLogit(sets, logit));
  model.coefficients = fit.coefficients;
  model.standard_errors = fit.standard_errors;
  model.log_likelihood = fit.log_likelihood;
  model.iterations = fit.iterations;
  model.converged = fit.converged;
  return model;
}

std::vector<double> PredictField(const ForecastModel& model, const model::PrimaryField& field) {
  std::vector<std::vector<double>> features;
  for (const model::FieldCandidate& candidate : field.candidates) {
    features.push_back(candidate.features);
  }
  return ChoiceProbabilities(model.coefficients, features);
}

std::vector<double> PredictUniform(const model::PrimaryField& field) {
  const size_t size = field.candidates.size();
  return std::vector<double>(size, size > 0 ? 1.0 / static_cast<double>(size) : 0.0);
}

EndorsementLeaderBaseline FitEndorsementLeaderBaseline(
    std::span<const model::PrimaryField> fields) {
  EndorsementLeaderBaseline baseline;
  int leader_wins = 0;
  for (const model::PrimaryField& field : fields) {
    if (!IsScorable(field)) continue;
    const std::optional<size_t> leader = SingleLeader(field);
    if (!leader.has_value()) continue;
    ++baseline.num_races;
    if (static_cast<int>(*leader) == WinnerIndex(field)) ++leader_wins;
  }
  // Laplace's rule keeps the rate inside (0, 1), so a leader's loss never costs infinite log loss.
  baseline.leader_win_rate = (leader_wins + 1.0) / (baseline.num_races + 2.0);
  return baseline;
}

std::vector<double> PredictEndorsementLeader(const EndorsementLeaderBaseline& baseline,
                                             const model::PrimaryField& field) {
  const std::optional<size_t> leader = SingleLeader(field);
  const size_t size = field.candidates.size();
  if (!leader.has_value() || size < 2) return PredictUniform(field);
  std::vector<double> probabilities(
      size, (1.0 - baseline.leader_win_rate) / static_cast<double>(size - 1));
  probabilities[*leader] = baseline.leader_win_rate;
  return probabilities;
}

absl::StatusOr<ForecastEvaluation> EvaluateLeaveOneStateOut(
    std::span<const model::PrimaryField> fields, const ForecastOptions& options) {
  ForecastEvaluation evaluation;
  std::set<std::string> states;
  std::set<int> cycles;
  for (const model::PrimaryField& field : fields) {
    cycles.insert(field.cycle);
    if (IsScorable(field)) {
      states.insert(field.state);
      ++evaluation.num_races_scored;
    } else {
      ++evaluation.num_races_skipped;
    }
  }
  evaluation.cycles.assign(cycles.begin(), cycles.end());
  evaluation.num_states = static_cast<int>(states.size());

  // Scores per method, with the cycle of each race alongside.
  struct Scores {
    std::vector<ScoredForecast> forecasts;
    std::vector<int> cycles;
  };
  std::array<Scores, 3> scores;
  constexpr std::array<std::string_view, 3> kMethods = {"model", "uniform", "most_endorsements"};
  int64_t group_id = 0;
  for (const std::string& state : states) {
    std::vector<model::PrimaryField> training;
    for (const model::PrimaryField& field : fields) {
      if (field.state != state) training.push_back(field);
    }
    ASSIGN_OR_RETURN(const ForecastModel model, TrainForecastModel(training, options));
    const EndorsementLeaderBaseline baseline = FitEndorsementLeaderBaseline(training);
    for (const model::PrimaryField& field : fields) {
      if (field.state != state || !IsScorable(field)) continue;
      const std::array<std::vector<double>, 3> by_method = {
          PredictField(model, field), PredictUniform(field),
          PredictEndorsementLeader(baseline, field)};
      for (size_t method = 0; method < kMethods.size(); ++method) {
        for (size_t idx = 0; idx < field.candidates.size(); ++idx) {
          scores[method].forecasts.push_back(
              {by_method[method][idx], field.candidates[idx].won.value_or(false), group_id});
          scores[method].cycles.push_back(field.cycle);
        }
      }
      ++group_id;
    }
  }
  const auto evaluate = [](std::string_view method, int cycle,
                           const std::vector<ScoredForecast>& forecasts) {
    MethodEvaluation result;
    result.method = std::string(method);
    result.cycle = cycle;
    std::set<int64_t> races;
    for (const ScoredForecast& forecast : forecasts) races.insert(forecast.group_id);
    result.num_races = static_cast<int64_t>(races.size());
    result.num_candidates = static_cast<int64_t>(forecasts.size());
    result.log_loss = LogLoss(forecasts);
    result.brier = BrierScore(forecasts);
    result.calibration = CalibrationTable(forecasts, kCalibrationBins);
    return result;
  };
  for (size_t method = 0; method < kMethods.size(); ++method) {
    evaluation.methods.push_back(evaluate(kMethods[method], 0, scores[method].forecasts));
  }
  if (evaluation.cycles.size() > 1) {
    for (const int cycle : evaluation.cycles) {
      for (size_t method = 0; method < kMethods.size(); ++method) {
        std::vector<ScoredForecast> in_cycle;
        for (size_t idx = 0; idx < scores[method].forecasts.size(); ++idx) {
          if (scores[method].cycles[idx] == cycle)
            in_cycle.push_back(scores[method].forecasts[idx]);
        }
        if (!in_cycle.empty())
          evaluation.methods.push_back(evaluate(kMethods[method], cycle, in_cycle));
      }
    }
  }
  evaluation.model_forecasts = std::move(scores[0].forecasts);
  return evaluation;
}

}  // namespace downballot::analysis
