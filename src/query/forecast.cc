#include "query/forecast.h"

#include <cmath>
#include <set>
#include <utility>

#include "analysis/primary_fields.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "fmt/format.h"
#include "query/primary_data.h"
#include "store/forecast_store.h"
#include "store/queries.h"

namespace downballot::query {
namespace {

constexpr double kMaxRidge = 1e6;

Cell Number(double value) { return std::isfinite(value) ? Cell{value} : Cell{}; }

Table CoefficientTable(const analysis::ForecastModel& model) {
  Table table{{"feature", "coefficient", "standard_error", "source"}, {}};
  for (size_t idx = 0; idx < model.feature_names.size(); ++idx) {
    table.rows.push_back(
        {model.feature_names[idx], model.coefficients[idx], Number(model.standard_errors[idx]),
         std::string(model.is_prior[idx] ? "prior (METHODS 11 base rate)" : "fitted")});
  }
  return table;
}

std::optional<int> OptionalCycle(const std::optional<int64_t>& cycle) {
  if (!cycle.has_value()) return std::nullopt;
  return static_cast<int>(*cycle);
}

}  // namespace

absl::StatusOr<ForecastRequest> ParseForecastRequest(std::string race_id, const Params& params) {
  RETURN_IF_ERROR(params.CheckNames({"cycle", "train", "ridge"}));
  ForecastRequest request;
  request.race_id = std::move(race_id);
  ASSIGN_OR_RETURN(const std::optional<int64_t> cycle, params.OptionalInteger("cycle", 1900, 2100));
  request.cycle = OptionalCycle(cycle);
  ASSIGN_OR_RETURN(const std::vector<int64_t> train, params.IntegerList("train", 1900, 2100));
  for (const int64_t year : train) request.train_cycles.push_back(static_cast<int>(year));
  ASSIGN_OR_RETURN(request.ridge, params.Number("ridge", 0, kMaxRidge, 1.0));
  if (request.race_id.empty() && !request.cycle.has_value()) {
    return absl::InvalidArgumentError("give a race id or a cycle (a year) to forecast");
  }
  return request;
}

absl::StatusOr<ForecastAnswer> AnswerForecast(store::Database& db, const ForecastRequest& request) {
  ASSIGN_OR_RETURN(const PrimaryData data, LoadPrimaryData(db, store::CandidacyFilter{}));
  const std::vector<model::PrimaryField> fields = BuildPrimaryFields(data);
  ForecastAnswer answer;
  answer.training_files = data.source_paths;
  answer.num_linked_to_fec = data.num_linked_to_fec;

  // The races to forecast, and so the cycle they belong to.
  std::vector<const model::PrimaryField*> targets;
  int cycle = request.cycle.value_or(0);
  for (const model::PrimaryField& field : fields) {
    if (!request.race_id.empty() ? base::EqualsIgnoreCase(field.race_id, request.race_id)
                                 : field.cycle == cycle) {
      targets.push_back(&field);
      cycle = field.cycle;
    }
  }
  // Any primary rolled up from returns can be forecast too, from its incumbency alone.
  model::PrimaryField from_results;
  if (targets.empty() && !request.race_id.empty()) {
    absl::StatusOr<model::Race> race = store::ReadRace(db, request.race_id);
    if (!race.ok() && !absl::IsNotFound(race.status())) return race.status();
    if (race.ok() && race->key.stage == model::ElectionStage::kPrimary) {
      from_results = analysis::FieldFromRace(*race);
      targets.push_back(&from_results);
      cycle = from_results.cycle;
      answer.is_from_returns = true;
    }
  }
  if (targets.empty()) {
    return absl::NotFoundError(
        request.race_id.empty()
            ? fmt::format("no primary of {} is loaded", cycle)
            : fmt::format("no primary '{}' is loaded (`downballot forecast --cycle YEAR` lists "
                          "every race id of a cycle)",
                          request.race_id));
  }
  // A forecast never sees its own outcomes: train on the other cycles (or those chosen).
  const std::set<int> train_cycles(request.train_cycles.begin(), request.train_cycles.end());
  if (train_cycles.contains(cycle)) {
    return absl::InvalidArgumentError(
        fmt::format("train must not include {}, the cycle being forecast", cycle));
  }
  std::vector<model::PrimaryField> training;
  for (const model::PrimaryField& field : fields) {
    const bool is_chosen =
        train_cycles.empty() ? field.cycle != cycle : train_cycles.contains(field.cycle);
    if (is_chosen) training.push_back(field);
  }
  if (training.empty()) {
    return absl::FailedPreconditionError(fmt::format(
        "no other cycle is loaded to train on: a forecast of {} is trained on other cycles' "
        "primaries only (load another FiveThirtyEight primary file, or see the evaluation)",
        cycle));
  }
  analysis::ForecastOptions options;
  options.ridge = request.ridge;
  ASSIGN_OR_RETURN(answer.model, analysis::TrainForecastModel(training, options));

  answer.forecasts.columns = {"race_id", "candidate", "line", "field_size", "probability", "won"};
  for (const model::PrimaryField* field : targets) {
    const std::vector<double> probabilities = analysis::PredictField(answer.model, *field);
    for (size_t idx = 0; idx < field->candidates.size(); ++idx) {
      const model::FieldCandidate& candidate = field->candidates[idx];
      // A race from returns has no candidacy line.
      const Cell line = candidate.source_line > 0 ? Cell{candidate.source_line} : Cell{};
      answer.forecasts.rows.push_back(
          {field->race_id, candidate.name, line, static_cast<int64_t>(field->candidates.size()),
           probabilities[idx], candidate.won.has_value() ? Cell{*candidate.won} : Cell{}});
    }
  }
  return answer;
}

nlohmann::json ModelJson(const ForecastAnswer& answer) {
  const analysis::ForecastModel& model = answer.model;
  return {{"train_cycles", model.train_cycles},
          {"training_files", answer.training_files},
          {"candidacies_with_fec_receipts", answer.num_linked_to_fec},
          {"num_races", model.num_races},
          {"num_candidates", model.num_candidates},
          {"num_incumbent_races", model.num_incumbent_races},
          {"log_likelihood", model.log_likelihood},
          {"ridge", model.ridge},
          {"iterations", model.iterations},
          {"converged", model.converged},
          {"coefficients", ToJson(CoefficientTable(model))}};
}

nlohmann::json ToJson(const ForecastAnswer& answer) {
  return {{"model", ModelJson(answer)},
          {"from_returns", answer.is_from_returns},
          {"forecasts", ToJson(answer.forecasts)}};
}

absl::Status SaveForecast(store::Database& db, const ForecastAnswer& answer) {
  const analysis::ForecastModel& model = answer.model;
  return store::SaveForecastModel(
             db,
             store::SavedForecastModel{
                 fmt::format("{}", fmt::join(model.train_cycles, ",")), model.ridge,
                 model.num_races, model.num_candidates, model.log_likelihood,
                 ModelJson(answer).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)})
      .status();
}

absl::StatusOr<EvaluationRequest> ParseEvaluationRequest(const Params& params) {
  RETURN_IF_ERROR(params.CheckNames({"cycle", "ridge"}));
  EvaluationRequest request;
  ASSIGN_OR_RETURN(const std::optional<int64_t> cycle, params.OptionalInteger("cycle", 1900, 2100));
  request.cycle = OptionalCycle(cycle);
  ASSIGN_OR_RETURN(request.ridge, params.Number("ridge", 0, kMaxRidge, 1.0));
  return request;
}

absl::StatusOr<EvaluationAnswer> AnswerEvaluation(store::Database& db,
                                                  const EvaluationRequest& request) {
  store::CandidacyFilter filter;
  filter.cycle = request.cycle;
  ASSIGN_OR_RETURN(const PrimaryData data, LoadPrimaryData(db, filter));
  const std::vector<model::PrimaryField> fields = BuildPrimaryFields(data);
  analysis::ForecastOptions options;
  options.ridge = request.ridge;
  EvaluationAnswer answer;
  ASSIGN_OR_RETURN(answer.evaluation, analysis::EvaluateLeaveOneStateOut(fields, options));
  const analysis::ForecastEvaluation& evaluation = answer.evaluation;

  answer.scores.columns = {"method", "cycle", "races", "candidates", "log_loss", "brier"};
  for (const analysis::MethodEvaluation& method : evaluation.methods) {
    answer.scores.rows.push_back(
        {method.method, method.cycle == 0 ? Cell{std::string("all")} : Cell{int64_t{method.cycle}},
         method.num_races, method.num_candidates, Number(method.log_loss), Number(method.brier)});
  }
  // The calibration table covers every cycle together.
  answer.calibration.columns = {"method",         "bin_low",       "bin_high",     "candidates",
                                "mean_predicted", "observed_rate", "observed_low", "observed_high"};
  for (const analysis::MethodEvaluation& method : evaluation.methods) {
    if (method.cycle != 0) continue;
    for (const analysis::CalibrationBin& bin : method.calibration) {
      answer.calibration.rows.push_back({method.method, bin.lower, bin.upper, bin.count,
                                         Number(bin.mean_predicted), Number(bin.observed_rate),
                                         bin.observed_low, bin.observed_high});
    }
  }
  answer.summary = fmt::format(
      "leave-one-state-out over cycle(s) {}: {} states, {} races scored, {} skipped (outcome "
      "unknown, several advanced, or uncontested); {} candidacies with FEC receipts; training "
      "files: {}",
      fmt::join(evaluation.cycles, ", "), evaluation.num_states, evaluation.num_races_scored,
      evaluation.num_races_skipped, data.num_linked_to_fec, fmt::join(data.source_paths, ", "));
  return answer;
}

nlohmann::json ToJson(const EvaluationAnswer& answer) {
  return {{"summary", answer.summary},
          {"scores", ToJson(answer.scores)},
          {"calibration", ToJson(answer.calibration)}};
}

absl::Status SaveEvaluation(store::Database& db, const EvaluationAnswer& answer) {
  const std::string saved =
      ToJson(answer).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  for (const analysis::MethodEvaluation& method : answer.evaluation.methods) {
    if (method.cycle != 0) continue;
    RETURN_IF_ERROR(
        store::SaveForecastEvaluation(
            db,
            store::SavedForecastEvaluation{
                fmt::format("{}", fmt::join(answer.evaluation.cycles, ",")), method.method,
                method.num_races, method.num_candidates, method.log_loss, method.brier, saved})
            .status());
  }
  return absl::OkStatus();
}

}  // namespace downballot::query
