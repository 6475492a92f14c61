#include "query/plan.h"

#include <utility>
#include <vector>

#include "base/status_macros.h"
#include "query/races.h"
#include "query/store_access.h"
#include "store/queries.h"

namespace downballot::query {

absl::StatusOr<PlanRequest> ParsePlanRequest(std::string race_id,
                                             const std::string& assumptions_path,
                                             const Params& params) {
  PlanRequest request;
  request.race_id = std::move(race_id);
  ASSIGN_OR_RETURN(request.assumptions, ParseAssumptions(assumptions_path, params));
  return request;
}

absl::StatusOr<analysis::PlanAssumptions> ParseAssumptions(const std::string& assumptions_path,
                                                           const Params& params) {
  ASSIGN_OR_RETURN(const auto overrides, params.Overrides());
  return LoadPlanAssumptions(assumptions_path, overrides);
}

absl::StatusOr<analysis::Plan> AnswerPlan(store::Database& db, const PlanRequest& request) {
  ASSIGN_OR_RETURN(const model::Race race, FindRace(db, request.race_id));
  store::RaceFilter seat_filter;
  seat_filter.seat_id = model::MakeSeatId(race.key.seat);
  ASSIGN_OR_RETURN(const std::vector<model::Race> seat_history, store::ReadRaces(db, seat_filter));
  store::RaceFilter primaries_filter;
  primaries_filter.stage = std::string(model::ToString(race.key.stage));
  primaries_filter.level = race.level;
  ASSIGN_OR_RETURN(const std::vector<model::Race> primaries,
                   store::ReadRaces(db, primaries_filter));
  return analysis::MakePlan(race, seat_history, primaries, request.assumptions);
}

nlohmann::json ToJson(const analysis::Plan& plan) {
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

}  // namespace downballot::query
