#include "cli/command_forecast.h"

#include <cmath>
#include <iostream>
#include <memory>
#include <set>

#include "analysis/forecast.h"
#include "analysis/primary_fields.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "cli/run_command.h"
#include "fmt/format.h"
#include "query/primary_data.h"
#include "query/store_access.h"
#include "store/forecast_store.h"
#include "store/queries.h"

namespace downballot::cli {
namespace {

struct ForecastCommandOptions {
  std::string race_id;
  int cycle = 0;
  std::vector<int> train_cycles;
  bool evaluate = false;
  double ridge = 1.0;
};

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

nlohmann::json ModelJson(const analysis::ForecastModel& model, const query::PrimaryData& data) {
  return {{"train_cycles", model.train_cycles},
          {"training_files", data.source_paths},
          {"candidacies_with_fec_receipts", data.num_linked_to_fec},
          {"num_races", model.num_races},
          {"num_candidates", model.num_candidates},
          {"num_incumbent_races", model.num_incumbent_races},
          {"log_likelihood", model.log_likelihood},
          {"ridge", model.ridge},
          {"iterations", model.iterations},
          {"converged", model.converged},
          {"coefficients", ToJson(CoefficientTable(model))}};
}

void PrintModelSummary(const analysis::ForecastModel& model, std::ostream& out) {
  out << fmt::format(
      "model: trained on cycle(s) {} - {} races, {} candidates ({} races with an incumbent), "
      "ridge {}, log-likelihood {:.2f}, {} Newton steps{}\n",
      fmt::join(model.train_cycles, ", "), model.num_races, model.num_candidates,
      model.num_incumbent_races, model.ridge, model.log_likelihood, model.iterations,
      model.converged ? "" : " (NOT converged)");
  for (size_t idx = 0; idx < model.feature_names.size(); ++idx) {
    out << fmt::format("  {:<24} {:>8.4f}{}\n", model.feature_names[idx], model.coefficients[idx],
                       model.is_prior[idx] ? "  (prior: not in the training data)" : "");
  }
}

absl::Status RunEvaluate(const AppContext& context, const ForecastCommandOptions& options,
                         OutputFormat format) {
  ASSIGN_OR_RETURN(auto db, query::OpenStore(context.store_path));
  store::CandidacyFilter filter;
  if (options.cycle != 0) filter.cycle = options.cycle;
  ASSIGN_OR_RETURN(const query::PrimaryData data, query::LoadPrimaryData(*db, filter));
  const std::vector<model::PrimaryField> fields = query::BuildPrimaryFields(data);
  analysis::ForecastOptions forecast_options;
  forecast_options.ridge = options.ridge;
  ASSIGN_OR_RETURN(const analysis::ForecastEvaluation evaluation,
                   analysis::EvaluateLeaveOneStateOut(fields, forecast_options));

  Table scores{{"method", "cycle", "races", "candidates", "log_loss", "brier"}, {}};
  for (const analysis::MethodEvaluation& method : evaluation.methods) {
    scores.rows.push_back(
        {method.method, method.cycle == 0 ? Cell{std::string("all")} : Cell{int64_t{method.cycle}},
         method.num_races, method.num_candidates, Number(method.log_loss), Number(method.brier)});
  }
  // The calibration table covers every cycle together.
  Table calibration{{"method", "bin_low", "bin_high", "candidates", "mean_predicted",
                     "observed_rate", "observed_low", "observed_high"},
                    {}};
  for (const analysis::MethodEvaluation& method : evaluation.methods) {
    if (method.cycle != 0) continue;
    for (const analysis::CalibrationBin& bin : method.calibration) {
      calibration.rows.push_back({method.method, bin.lower, bin.upper, bin.count,
                                  Number(bin.mean_predicted), Number(bin.observed_rate),
                                  bin.observed_low, bin.observed_high});
    }
  }
  const std::string header = fmt::format(
      "leave-one-state-out over cycle(s) {}: {} states, {} races scored, {} skipped (outcome "
      "unknown, several advanced, or uncontested); {} candidacies with FEC receipts; training "
      "files: {}",
      fmt::join(evaluation.cycles, ", "), evaluation.num_states, evaluation.num_races_scored,
      evaluation.num_races_skipped, data.num_linked_to_fec, fmt::join(data.source_paths, ", "));
  nlohmann::json saved = {
      {"summary", header}, {"scores", ToJson(scores)}, {"calibration", ToJson(calibration)}};
  for (const analysis::MethodEvaluation& method : evaluation.methods) {
    if (method.cycle != 0) continue;
    RETURN_IF_ERROR(
        store::SaveForecastEvaluation(
            *db,
            store::SavedForecastEvaluation{fmt::format("{}", fmt::join(evaluation.cycles, ",")),
                                           method.method, method.num_races, method.num_candidates,
                                           method.log_loss, method.brier, saved.dump()})
            .status());
  }
  if (format == OutputFormat::kJson) {
    RenderJson(saved, std::cout);
  } else if (format == OutputFormat::kCsv) {
    // Two CSV tables, scores then calibration, separated by one empty line; the summary goes
    // to stderr so stdout stays data.
    std::cerr << header << "\n";
    Render(scores, format, std::cout);
    std::cout << "\n";
    Render(calibration, format, std::cout);
  } else {
    std::cout << header << "\n\n";
    Render(scores, format, std::cout);
    std::cout << "\ncalibration (10 bins of forecast probability):\n";
    Render(calibration, format, std::cout);
  }
  return absl::OkStatus();
}

absl::Status RunForecast(const AppContext& context, const ForecastCommandOptions& options) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  if (options.ridge < 0 || !std::isfinite(options.ridge)) {
    return absl::InvalidArgumentError(fmt::format("--ridge must be >= 0, got {}", options.ridge));
  }
  if (options.evaluate) return RunEvaluate(context, options, format);
  if (options.race_id.empty() && options.cycle == 0) {
    return absl::InvalidArgumentError("give a RACE id, --cycle YEAR or --evaluate");
  }
  ASSIGN_OR_RETURN(auto db, query::OpenStore(context.store_path));
  ASSIGN_OR_RETURN(const query::PrimaryData data,
                   query::LoadPrimaryData(*db, store::CandidacyFilter{}));
  const std::vector<model::PrimaryField> fields = query::BuildPrimaryFields(data);

  // The races to forecast, and so the cycle they belong to.
  std::vector<const model::PrimaryField*> targets;
  int cycle = options.cycle;
  for (const model::PrimaryField& field : fields) {
    if (!options.race_id.empty() ? base::EqualsIgnoreCase(field.race_id, options.race_id)
                                 : field.cycle == options.cycle) {
      targets.push_back(&field);
      cycle = field.cycle;
    }
  }
  // Any primary rolled up from returns can be forecast too, from its incumbency alone.
  model::PrimaryField from_results;
  if (targets.empty() && !options.race_id.empty()) {
    ASSIGN_OR_RETURN(auto results_db, query::OpenStoreWithFreshRaces(context.store_path));
    absl::StatusOr<model::Race> race = store::ReadRace(*results_db, options.race_id);
    if (race.ok() && race->key.stage == model::ElectionStage::kPrimary) {
      from_results = analysis::FieldFromRace(*race);
      targets.push_back(&from_results);
      cycle = from_results.cycle;
      std::cerr << "downballot forecast: " << options.race_id
                << " comes from election returns, which carry no endorsements: only incumbency "
                   "informs it\n";
    }
  }
  if (targets.empty()) {
    return absl::NotFoundError(
        options.race_id.empty()
            ? fmt::format("no primary of {} is loaded", options.cycle)
            : fmt::format("no primary '{}' is loaded (`downballot forecast --cycle YEAR` lists "
                          "every race id of a cycle)",
                          options.race_id));
  }
  // A forecast never sees its own outcomes: train on the other cycles (or those chosen).
  std::set<int> train_cycles(options.train_cycles.begin(), options.train_cycles.end());
  if (train_cycles.contains(cycle)) {
    return absl::InvalidArgumentError(
        fmt::format("--train must not include {}, the cycle being forecast", cycle));
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
        "primaries only (load another FiveThirtyEight primary file, or use --evaluate)",
        cycle));
  }
  analysis::ForecastOptions forecast_options;
  forecast_options.ridge = options.ridge;
  ASSIGN_OR_RETURN(const analysis::ForecastModel model,
                   analysis::TrainForecastModel(training, forecast_options));
  RETURN_IF_ERROR(
      store::SaveForecastModel(
          *db, store::SavedForecastModel{fmt::format("{}", fmt::join(model.train_cycles, ",")),
                                         model.ridge, model.num_races, model.num_candidates,
                                         model.log_likelihood, ModelJson(model, data).dump()})
          .status());

  Table table{{"race_id", "candidate", "line", "field_size", "probability", "won"}, {}};
  for (const model::PrimaryField* field : targets) {
    const std::vector<double> probabilities = analysis::PredictField(model, *field);
    for (size_t idx = 0; idx < field->candidates.size(); ++idx) {
      const model::FieldCandidate& candidate = field->candidates[idx];
      // A race from returns has no candidacy line.
      const Cell line = candidate.source_line > 0 ? Cell{candidate.source_line} : Cell{};
      table.rows.push_back({field->race_id, candidate.name, line,
                            static_cast<int64_t>(field->candidates.size()), probabilities[idx],
                            candidate.won.has_value() ? Cell{*candidate.won} : Cell{}});
    }
  }
  if (format == OutputFormat::kJson) {
    RenderJson({{"model", ModelJson(model, data)}, {"forecasts", ToJson(table)}}, std::cout);
  } else {
    Render(table, format, std::cout);
    std::cout.flush();  // the model follows the table on a terminal
    PrintModelSummary(model, std::cerr);
  }
  return absl::OkStatus();
}

}  // namespace

void RegisterForecastCommand(CLI::App& app, AppContext& context, int& exit_code) {
  auto options = std::make_shared<ForecastCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "forecast",
      "Win probabilities for the candidates of loaded primaries (FiveThirtyEight files), from a\n"
      "conditional-logit model trained on the other loaded cycles only. --evaluate scores the\n"
      "model leave-one-state-out against two baselines (1/field size; most endorsements wins).\n"
      "The model and the evaluation are saved in the store.");
  command->add_option("race", options->race_id, "a primary's race id");
  command->add_option("--cycle", options->cycle, "forecast every primary of this year");
  command->add_option("--train", options->train_cycles, "cycles to train on (default: the others)")
      ->delimiter(',');
  command->add_flag("--evaluate", options->evaluate, "leave-one-state-out evaluation");
  command->add_option("--ridge", options->ridge, "L2 penalty (default 1)");
  command->add_option("--format", context.format_text, "table, csv or json");
  command->callback([&context, &exit_code, options] {
    exit_code = RunCommand("forecast", [&] { return RunForecast(context, *options); });
  });
}

}  // namespace downballot::cli
