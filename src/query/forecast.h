// `forecast`: primary win probabilities from a model trained on the other loaded cycles, and the
// model's leave-one-state-out evaluation (docs/forecast.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "analysis/forecast.h"
#include "nlohmann/json.hpp"
#include "query/params.h"
#include "query/table.h"
#include "store/database.h"

namespace downballot::query {

struct ForecastRequest {
  std::string race_id;            // one primary, or "" for every primary of `cycle`
  std::optional<int> cycle;       // required without a race id
  std::vector<int> train_cycles;  // "" = every loaded cycle but the one forecast
  double ridge = 1.0;             // L2 penalty
};

// `race_id` from the path or the command line ("" for none); parameters: cycle (1900..2100),
// train (years separated by commas), ridge (0..1e6). InvalidArgument naming the parameter, or
// when neither a race nor a cycle is given.
[[nodiscard]] absl::StatusOr<ForecastRequest> ParseForecastRequest(std::string race_id,
                                                                   const Params& params);

struct ForecastAnswer {
  analysis::ForecastModel model;
  std::vector<std::string> training_files;  // the FiveThirtyEight files loaded
  int num_linked_to_fec = 0;                // candidacies whose FEC receipts inform the model
  // True when the race comes from election returns, which carry no endorsements: only
  // incumbency informs its forecast.
  bool is_from_returns = false;
  // One row per candidate: race_id, candidate, line (of the candidacy file, null from returns),
  // field_size, probability, won (null while unknown).
  Table forecasts;
};

// Reads the primaries (races must be fresh for a race from returns), trains on the other
// cycles and predicts. NotFound for an unknown race or an empty cycle; InvalidArgument when the
// train cycles include the forecast's; FailedPrecondition when nothing is left to train on.
[[nodiscard]] absl::StatusOr<ForecastAnswer> AnswerForecast(store::Database& db,
                                                            const ForecastRequest& request);

// {"model": {...training summary and coefficients...}, "forecasts": [...]}.
[[nodiscard]] nlohmann::json ToJson(const ForecastAnswer& answer);
// The model part of ToJson alone.
[[nodiscard]] nlohmann::json ModelJson(const ForecastAnswer& answer);

// Keeps the model with the store, so a forecast can be traced later (the CLI does; the
// server's store is read-only).
[[nodiscard]] absl::Status SaveForecast(store::Database& db, const ForecastAnswer& answer);

struct EvaluationRequest {
  std::optional<int> cycle;  // "" = every loaded cycle
  double ridge = 1.0;
};

// Parameters: cycle (1900..2100), ridge (0..1e6).
[[nodiscard]] absl::StatusOr<EvaluationRequest> ParseEvaluationRequest(const Params& params);

struct EvaluationAnswer {
  analysis::ForecastEvaluation evaluation;
  std::string summary;  // one sentence: cycles, states, races scored and skipped, files
  Table scores;  // method, cycle ("all" for the pooled row), races, candidates, log_loss, brier
  Table calibration;  // per method, 10 bins of forecast probability over every cycle
};

// Leave-one-state-out: each state's primaries forecast by a model trained on the others,
// against two baselines (1/field size; most endorsements wins).
[[nodiscard]] absl::StatusOr<EvaluationAnswer> AnswerEvaluation(store::Database& db,
                                                                const EvaluationRequest& request);

// {"summary", "scores", "calibration"}.
[[nodiscard]] nlohmann::json ToJson(const EvaluationAnswer& answer);

// Keeps each method's pooled scores with the store (the CLI does).
[[nodiscard]] absl::Status SaveEvaluation(store::Database& db, const EvaluationAnswer& answer);

}  // namespace downballot::query
