#include "store/forecast_store.h"

#include "base/status_macros.h"

namespace downballot::store {

absl::StatusOr<int64_t> SaveForecastModel(Database& db, const SavedForecastModel& model) {
  ASSIGN_OR_RETURN(auto insert,
                   db.Prepare("INSERT INTO forecast_model (created_at, train_cycles, ridge, "
                              "num_races, num_candidates, log_likelihood, model_json) VALUES "
                              "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1, ?2, ?3, ?4, ?5, ?6) "
                              "RETURNING id"));
  RETURN_IF_ERROR(insert.Bind(1, model.train_cycles));
  RETURN_IF_ERROR(insert.Bind(2, model.ridge));
  RETURN_IF_ERROR(insert.Bind(3, model.num_races));
  RETURN_IF_ERROR(insert.Bind(4, model.num_candidates));
  RETURN_IF_ERROR(insert.Bind(5, model.log_likelihood));
  RETURN_IF_ERROR(insert.Bind(6, model.model_json));
  ASSIGN_OR_RETURN(const bool has_row, insert.Step());
  if (!has_row) return absl::InternalError("insert into forecast_model returned no id");
  return insert.ColumnInt(0);
}

absl::StatusOr<int64_t> SaveForecastEvaluation(Database& db,
                                               const SavedForecastEvaluation& evaluation) {
  ASSIGN_OR_RETURN(auto insert,
                   db.Prepare("INSERT INTO forecast_evaluation (created_at, cycles, method, "
                              "num_races, num_candidates, log_loss, brier, evaluation_json) "
                              "VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1, ?2, ?3, ?4, "
                              "?5, ?6, ?7) RETURNING id"));
  RETURN_IF_ERROR(insert.Bind(1, evaluation.cycles));
  RETURN_IF_ERROR(insert.Bind(2, evaluation.method));
  RETURN_IF_ERROR(insert.Bind(3, evaluation.num_races));
  RETURN_IF_ERROR(insert.Bind(4, evaluation.num_candidates));
  RETURN_IF_ERROR(insert.Bind(5, evaluation.log_loss));
  RETURN_IF_ERROR(insert.Bind(6, evaluation.brier));
  RETURN_IF_ERROR(insert.Bind(7, evaluation.evaluation_json));
  ASSIGN_OR_RETURN(const bool has_row, insert.Step());
  if (!has_row) return absl::InternalError("insert into forecast_evaluation returned no id");
  return insert.ColumnInt(0);
}

}  // namespace downballot::store
