#include "cli/command_plan.h"

#include <iostream>
#include <memory>

#include "analysis/campaign_plan.h"
#include "base/file_system.h"
#include "base/key_value_config.h"
#include "base/status_macros.h"
#include "cli/run_command.h"
#include "fmt/format.h"
#include "store/queries.h"

namespace downballot::cli {
namespace {

struct PlanOptions {
  std::string race_id;
  std::string assumptions_path;
};

nlohmann::json PlanJson(const analysis::Plan& plan) {
  nlohmann::json comparables = nlohmann::json::array();
  for (const analysis::ComparableRace& race : plan.comparables) {
    comparables.push_back({{"race_id", race.race_id},
                           {"date", race.date.ToIso()},
                           {"ballots_for_office", race.ballots_for_office},
                           {"field_size", race.field_size},
                           {"completeness", model::ToString(race.completeness)}});
  }
  nlohmann::json coefficients = nlohmann::json::array();
  for (const analysis::PlanCoefficient& coefficient : plan.coefficients) {
    coefficients.push_back(
        {{"name", coefficient.name}, {"value", coefficient.value}, {"source", coefficient.source}});
  }
  nlohmann::json steps = nlohmann::json::array();
  for (const analysis::PlanStep& step : plan.steps) {
    steps.push_back({{"name", step.name},
                     {"formula", step.formula},
                     {"low", step.low},
                     {"expected", step.expected},
                     {"high", step.high}});
  }
  return {{"race_id", plan.race_id},
          {"seat_id", model::MakeSeatId(plan.seat)},
          {"stage", model::ToString(plan.stage)},
          {"party", plan.party},
          {"field_size", plan.field_size},
          {"share_target", plan.share_target},
          {"share_target_basis", plan.share_target_basis},
          {"num_kway_races", plan.num_kway_races},
          {"comparables", std::move(comparables)},
          {"coefficients", std::move(coefficients)},
          {"low", PlanScenarioJson(plan.low)},
          {"expected", PlanScenarioJson(plan.expected)},
          {"high", PlanScenarioJson(plan.high)},
          {"steps", std::move(steps)},
          {"warnings", plan.warnings}};
}

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
  out << fmt::format("target     {:.1f}% of ballots for the office: {}\n", plan.share_target * 100,
                     plan.share_target_basis);
  out << "comparable races (expected ballots average these):\n";
  Table comparables{{"race_id", "date", "ballots_for_office", "field_size", "completeness"}, {}};
  for (const analysis::ComparableRace& race : plan.comparables) {
    comparables.rows.push_back({race.race_id, race.date.ToIso(), race.ballots_for_office,
                                int64_t{race.field_size},
                                std::string(model::ToString(race.completeness))});
  }
  Render(comparables, OutputFormat::kTable, out);
  out << "\nthe chain, low / expected / high turnout:\n";
  Render(StepTableForPeople(plan), OutputFormat::kTable, out);
  out << "\ncoefficients (edit with --assumptions FILE; defaults in config/plan.conf):\n";
  Table coefficients{{"name", "value", "source"}, {}};
  for (const analysis::PlanCoefficient& coefficient : plan.coefficients) {
    coefficients.rows.push_back({coefficient.name, coefficient.value, coefficient.source});
  }
  Render(coefficients, OutputFormat::kTable, out);
  for (const std::string& warning : plan.warnings) out << "warning: " << warning << '\n';
}

absl::Status RunPlan(const AppContext& context, const PlanOptions& options) {
  ASSIGN_OR_RETURN(const OutputFormat format, context.format());
  ASSIGN_OR_RETURN(const analysis::PlanAssumptions assumptions,
                   LoadPlanAssumptions(options.assumptions_path));
  ASSIGN_OR_RETURN(auto db, OpenStoreWithFreshRaces(context));
  ASSIGN_OR_RETURN(const model::Race race, store::ReadRace(*db, options.race_id));
  store::RaceFilter seat_filter;
  seat_filter.seat_id = model::MakeSeatId(race.key.seat);
  ASSIGN_OR_RETURN(const std::vector<model::Race> seat_history, store::ReadRaces(*db, seat_filter));
  store::RaceFilter primaries_filter;
  primaries_filter.stage = std::string(model::ToString(race.key.stage));
  primaries_filter.level = race.level;
  ASSIGN_OR_RETURN(const std::vector<model::Race> primaries,
                   store::ReadRaces(*db, primaries_filter));
  ASSIGN_OR_RETURN(const analysis::Plan plan,
                   analysis::MakePlan(race, seat_history, primaries, assumptions));
  switch (format) {
    case OutputFormat::kJson:
      RenderJson(PlanJson(plan), std::cout);
      break;
    case OutputFormat::kCsv:
      Render(StepTable(plan), format, std::cout);
      break;
    case OutputFormat::kTable:
      RenderPlanTable(plan, std::cout);
      break;
  }
  return absl::OkStatus();
}

}  // namespace

nlohmann::json PlanScenarioJson(const analysis::PlanScenario& scenario) {
  return {{"expected_ballots", scenario.expected_ballots},
          {"win_number", scenario.win_number},
          {"votes_to_find", scenario.votes_to_find},
          {"contacts", scenario.contacts},
          {"doors", scenario.doors},
          {"shifts", scenario.shifts},
          {"paid_shifts", scenario.paid_shifts},
          {"volunteer_shifts", scenario.volunteer_shifts},
          {"volunteers", scenario.volunteers},
          {"paid_hours", scenario.paid_hours},
          {"budget_dollars", static_cast<double>(scenario.budget_cents) / 100.0}};
}

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
  command->add_option("--format", context.format_text, "table, csv or json");
  command->callback([&context, &exit_code, options] {
    exit_code = RunCommand("plan", [&] { return RunPlan(context, *options); });
  });
}

}  // namespace downballot::cli
