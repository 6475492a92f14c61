// Saves forecast models and their evaluations with the store, so a result can be traced later.
#pragma once

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "store/database.h"

namespace downballot::store {

// What the forecast_model table keeps; `model_json` holds the coefficients and training data
// as the CLI prints them.
struct SavedForecastModel {
  std::string train_cycles;  // "2018" or "2018,2022"
  double ridge = 0;
  int64_t num_races = 0;
  int64_t num_candidates = 0;
  double log_likelihood = 0;
  std::string model_json;
};

struct SavedForecastEvaluation {
  std::string cycles;
  std::string method;  // "model", "uniform", "most_endorsements"
  int64_t num_races = 0;
  int64_t num_candidates = 0;
  double log_loss = 0;
  double brier = 0;
  std::string evaluation_json;
};

// Each inserts one row stamped with the current UTC time; returns its id.
[[nodiscard]] absl::StatusOr<int64_t> SaveForecastModel(Database& db, const SavedForecastModel& model);
[[nodiscard]] absl::StatusOr<int64_t> SaveForecastEvaluation(Database& db,
                                               const SavedForecastEvaluation& evaluation);

}  // namespace downballot::store
