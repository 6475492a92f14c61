// Trains, applies and evaluates the primary win-probability model (a conditional logit over the
// features of primary_fields.h) against two baselines, leaving each state out in turn.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "analysis/probability_scores.h"
#include "model/primary_field.h"

namespace downballot::analysis {

struct ForecastOptions {
  double ridge = 1.0;  // L2 penalty on the fitted coefficients (LogitOptions::ridge)
  // With fewer training races than this that have an incumbent in them, the incumbent
  // coefficient is not fitted but fixed from METHODS §11's base rate: about 85% of incumbents in
  // contested primaries win (state legislatures 2018: 166 of 1,082 lost), so in a two-way race
  // with nothing else to tell the candidates apart, exp(b) / (1 + exp(b)) = 0.85.
  int min_incumbent_races = 10;
  double incumbent_prior_win_rate = 0.85;
};

struct ForecastModel {
  std::vector<std::string> feature_names;
  std::vector<double> coefficients;
  std::vector<double> standard_errors;  // NaN for coefficients fixed from a prior
  std::vector<bool> is_prior;           // fixed from base rates instead of fitted
  std::vector<int> train_cycles;        // cycles of the training races, ascending
  int num_races = 0;                    // training races fitted (known single winner, 2+ running)
  int num_candidates = 0;
  int num_incumbent_races = 0;  // of those, races with an incumbent running
  double log_likelihood = 0;
  double ridge = 0;
  int iterations = 0;
  bool converged = false;
};

// Fits the model on `fields`. InvalidArgument when no race has a known single winner and two or
// more candidates. Pure.
[[nodiscard]] absl::StatusOr<ForecastModel> TrainForecastModel(
    std::span<const model::PrimaryField> fields, const ForecastOptions& options);

// Win probabilities of the field's candidates, in order; they sum to 1.
[[nodiscard]] std::vector<double> PredictField(const ForecastModel& model,
                                               const model::PrimaryField& field);

// Baseline 1: every candidate 1 / field size.
[[nodiscard]] std::vector<double> PredictUniform(const model::PrimaryField& field);

// Baseline 2, "most endorsements wins", made a probability: the one candidate with the most
// endorsements wins with the rate such leaders won at in training (Laplace-smoothed); the
// others share the rest. Races without a single leader get 1 / field size.
struct EndorsementLeaderBaseline {
  double leader_win_rate = 0.5;
  int num_races = 0;  // training races with a single leader and a known winner
};
[[nodiscard]] EndorsementLeaderBaseline FitEndorsementLeaderBaseline(
    std::span<const model::PrimaryField> fields);
[[nodiscard]] std::vector<double> PredictEndorsementLeader(
    const EndorsementLeaderBaseline& baseline, const model::PrimaryField& field);

struct MethodEvaluation {
  std::string method;  // "model", "uniform", "most_endorsements"
  int cycle = 0;       // 0: every cycle evaluated together
  int64_t num_races = 0;
  int64_t num_candidates = 0;
  double log_loss = 0;                      // race-level: mean -ln p(winner)
  double brier = 0;                         // candidate-level
  std::vector<CalibrationBin> calibration;  // 10 bins
};

struct ForecastEvaluation {
  std::vector<int> cycles;
  int num_states = 0;             // folds
  int64_t num_races_scored = 0;   // known single winner, 2+ candidates
  int64_t num_races_skipped = 0;  // unknown or several winners (top-two), or uncontested
  // Each method over every cycle (cycle 0), then each method per cycle when there are several.
  std::vector<MethodEvaluation> methods;
  std::vector<ScoredForecast> model_forecasts;  // the model's out-of-state forecasts
};

// Leave-one-state-out: for each state, the model and the leader baseline are trained on every
// other state's races (all cycles given) and score that state's races. Pure.
[[nodiscard]] absl::StatusOr<ForecastEvaluation> EvaluateLeaveOneStateOut(
    std::span<const model::PrimaryField> fields, const ForecastOptions& options);

}  // namespace downballot::analysis
