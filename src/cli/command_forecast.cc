#include "cli/command_forecast.h"

#include <iostream>
#include <memory>

#include "base/status_macros.h"
#include "cli/run_command.h"
#include "fmt/format.h"
#include "query/forecast.h"
#include "query/store_access.h"

namespace downballot::cli {
namespace {

struct ForecastCommandOptions {
  std::string race_id;
  int cycle = 0;
  std::vector<int> train_cycles;
  bool evaluate = false;
  double ridge = 1.0;
};

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

query::Params ForecastParams(const ForecastCommandOptions& options, bool is_evaluation) {
  query::Params params;
  params.Set("cycle", options.cycle != 0 ? std::to_string(options.cycle) : "");
  params.Set("ridge", fmt::format("{}", options.ridge));
  if (!is_evaluation) {
    params.Set("train", fmt::format("{}", fmt::join(options.train_cycles, ",")));
  }
  return params;
}

absl::Status RunEvaluate(const AppContext& context, const ForecastCommandOptions& options,
                         OutputFormat format) {
  ASSIGN_OR_RETURN(const query::EvaluationRequest request,
                   query::ParseEvaluationRequest(ForecastParams(options, true)));
  ASSIGN_OR_RETURN(auto db, query::OpenStore(context.store_path));
  ASSIGN_OR_RETURN(const query::EvaluationAnswer answer, query::AnswerEvaluation(*db, request));
  RETURN_IF_ERROR(query::SaveEvaluation(*db, answer));
  if (format == OutputFormat::kJson) {
    RenderJson(query::ToJson(answer), std::cout);
  } else if (format == OutputFormat::kCsv) {
    // Two CSV tables, scores then calibration, separated by one empty line; the summary goes
    // to stderr so stdout stays data.
    std::cerr << answer.summary << "\n";
    context.Show(answer.scores, format);
    std::cout << "\n";
    context.Show(answer.calibration, format);
  } else {
    std::cout << answer.summary << "\n\n";
    context.Show(answer.scores, format);
    std::cout << "\ncalibration (10 bins of forecast probability):\n";
    context.Show(answer.calibration, format);
  }
  return absl::OkStatus();
}

absl::Status RunForecast(const AppContext& context, const ForecastCommandOptions& options) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  if (options.evaluate) return RunEvaluate(context, options, format);
  ASSIGN_OR_RETURN(const query::ForecastRequest request,
                   query::ParseForecastRequest(options.race_id, ForecastParams(options, false)));
  // A primary rolled up from returns can be forecast too: the races must be fresh.
  ASSIGN_OR_RETURN(auto db, query::OpenStoreWithFreshRaces(context.store_path));
  ASSIGN_OR_RETURN(const query::ForecastAnswer answer, query::AnswerForecast(*db, request));
  RETURN_IF_ERROR(query::SaveForecast(*db, answer));
  if (answer.is_from_returns) {
    std::cerr << "downballot forecast: " << options.race_id
              << " comes from election returns, which carry no endorsements: only incumbency "
                 "informs it\n";
  }
  if (format == OutputFormat::kJson) {
    RenderJson(query::ToJson(answer), std::cout);
  } else {
    context.Show(answer.forecasts, format);
    std::cout.flush();  // the model follows the table on a terminal
    PrintModelSummary(answer.model, std::cerr);
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
  AddOutputOptions(*command, context);
  command->callback([&context, &exit_code, options] {
    exit_code = RunCommand("forecast", [&] { return RunForecast(context, *options); });
  });
}

}  // namespace downballot::cli
