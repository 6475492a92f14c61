#include "cli/command_plan.h"

#include <iostream>
#include <memory>

#include "analysis/campaign_plan.h"
#include "base/file_system.h"
#include "base/key_value_config.h"
#include "base/status_macros.h"
#include "cli/run_command.h"
#include "fmt/format.h"
#include "query/plan.h"
#include "query/store_access.h"

namespace downballot::cli {
namespace {

struct PlanOptions {
  std::string race_id;
  std::string assumptions_path;
  std::vector<std::string> settings;  // --set key=value
};

Table StepTable(const analysis::Plan& plan) {
  Table table{{"step", "low", "expected", "high", "formula"}, {}};
  for (const analysis::PlanStep& step : plan.steps) {
    table.rows.push_back({step.name, step.low, step.expected, step.high, step.formula});
  }
  return table;
}

// Counts print as integers; only the expected ballots and dollars can carry fractions.
Table StepTableForPeople(const analysis::Plan& plan) {
  Table table{{"step", "low", "expected", "high", "formula"}, {}};
  for (const analysis::PlanStep& step : plan.steps) {
    const auto cell = [&](double value) -> Cell {
      if (step.name == "budget_dollars" || step.name == "expected_ballots") {
        return std::string(fmt::format("{:.2f}", value));
      }
      return static_cast<int64_t>(value);
    };
    table.rows.push_back(
        {step.name, cell(step.low), cell(step.expected), cell(step.high), step.formula});
  }
  return table;
}

void RenderPlanTable(const analysis::Plan& plan, std::ostream& out) {
  out << fmt::format("plan for   {}\n", plan.race_id);
  out << FitToTerminal(fmt::format("target     {:.1f}% of ballots for the office: {}",
                                   plan.share_target * 100, plan.share_target_basis))
      << '\n';
  out << "comparable races (expected ballots average these):\n";
  Table comparables{{"race_id", "date", "ballots_for_office", "field_size", "completeness"}, {}};
  for (const analysis::ComparableRace& race : plan.comparables) {
    comparables.rows.push_back({race.race_id, race.date.ToIso(), race.ballots_for_office,
                                int64_t{race.field_size},
                                std::string(model::ToString(race.completeness))});
  }
  Render(comparables, OutputFormat::kTable, out, TerminalWidth());
  out << "\nthe chain, low / expected / high turnout:\n";
  Render(StepTableForPeople(plan), OutputFormat::kTable, out, TerminalWidth());
  out << "\ncoefficients (edit with --assumptions FILE; defaults in config/plan.conf):\n";
  // One line per coefficient, its source wrapped beneath rather than cut: it is the reason to
  // trust or edit the value.
  for (const analysis::PlanCoefficient& coefficient : plan.coefficients) {
    out << FitToTerminal(fmt::format("{:<30}{:>7}  {}", coefficient.name,
                                     fmt::format("{:g}", coefficient.value), coefficient.source))
        << '\n';
  }
  for (const std::string& warning : plan.warnings) {
    out << FitToTerminal("warning: " + warning) << '\n';
  }
}

absl::Status RunPlan(const AppContext& context, const PlanOptions& options) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  ASSIGN_OR_RETURN(const query::Params params, SettingsParams(options.settings));
  ASSIGN_OR_RETURN(const query::PlanRequest request,
                   query::ParsePlanRequest(options.race_id, options.assumptions_path, params));
  ASSIGN_OR_RETURN(auto db, query::OpenStoreWithFreshRaces(context.store_path));
  ASSIGN_OR_RETURN(const analysis::Plan plan, query::AnswerPlan(*db, request));
  switch (format) {
    case OutputFormat::kJson:
      RenderJson(query::ToJson(plan), std::cout);
      break;
    case OutputFormat::kCsv:
      context.Show(StepTable(plan), format);
      break;
    case OutputFormat::kTable:
      RenderPlanTable(plan, std::cout);
      break;
  }
  return absl::OkStatus();
}

}  // namespace

void RegisterPlanCommand(CLI::App& app, AppContext& context, int& exit_code) {
  // Shared with the callback, which CLI11 keeps after this function returns.
  auto options = std::make_shared<PlanOptions>();
  CLI::App* command = app.add_subcommand(
      "plan",
      "What it takes to win the seat's next race like this one: expected ballots for the\n"
      "office from the last comparable primaries (same seat, party and kind of year), the win\n"
      "number (ceil(expected x share target)) with a low/high range, then contacts, doors,\n"
      "shifts, volunteers and budget. Every coefficient is printed with its source.");
  command->add_option("id", options->race_id, "race ID, as listed by `downballot races`")
      ->required();
  command->add_option("--assumptions", options->assumptions_path,
                      "`key = value` file overriding coefficients (see config/plan.conf)");
  command->add_option("--set", options->settings,
                      "key=value overriding one coefficient, after --assumptions (repeatable)");
  AddOutputOptions(*command, context);
  command->callback([&context, &exit_code, options] {
    exit_code = RunCommand("plan", [&] { return RunPlan(context, *options); });
  });
}

}  // namespace downballot::cli
