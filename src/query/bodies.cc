#include "query/bodies.h"

#include <algorithm>

#include "base/status_macros.h"
#include "fmt/format.h"
#include "query/plan.h"

namespace downballot::query {
namespace {

std::string_view SeatCount(const analysis::PartyBody& body) {
  return body.is_seat_count_exact ? "total" : "at_least";
}

}  // namespace

absl::StatusOr<BodiesRequest> ParseBodiesRequest(const Params& params) {
  RETURN_IF_ERROR(params.CheckNames({"state", "party"}));
  BodiesRequest request;
  ASSIGN_OR_RETURN(request.state, params.State("state"));
  ASSIGN_OR_RETURN(request.party, params.Party("party"));
  return request;
}

nlohmann::json BodyJson(const analysis::PartyBody& body) {
  nlohmann::json units = nlohmann::json::array();
  for (const analysis::BodyUnitSeats& unit : body.units) {
    units.push_back({{"unit", unit.unit},
                     {"members", unit.members},
                     {"race_ids", unit.race_ids},
                     {"seats_at_primary", unit.seats_at_primary},
                     {"contested_seats", unit.contested_seats}});
  }
  const auto optional = [](const auto& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  };
  return {{"body_id", body.id},
          {"state", body.key.state},
          {"party", body.key.party},
          {"body", body.key.body},
          {"area", body.key.area},
          {"last_primary", body.primary_date.ToIso()},
          {"seats", body.seats},
          {"seat_count", SeatCount(body)},
          {"seats_basis", body.seats_basis},
          {"units", body.num_units},
          {"unit_kind", model::ToString(body.rule.unit)},
          {"members_per_unit",
           body.members_per_unit > 0 ? nlohmann::json(body.members_per_unit) : nlohmann::json()},
          {"members_basis", body.members_basis},
          {"primaries", body.primaries},
          {"seats_at_primary", body.seats_at_primary},
          {"contested_seats", body.contested_seats},
          {"seats_without_primary", optional(body.seats_without_primary)},
          {"median_ballots_per_contested_seat", optional(body.median_ballots_per_contested_seat)},
          {"notes", body.notes},
          {"unit_list", std::move(units)}};
}

nlohmann::json ToJson(const std::vector<analysis::PartyBody>& bodies) {
  nlohmann::json array = nlohmann::json::array();
  for (const analysis::PartyBody& body : bodies) array.push_back(BodyJson(body));
  return array;
}

absl::StatusOr<TakeoverAnswer> AnswerTakeover(store::Database& db,
                                              const ingest::OfficeTable& offices,
                                              const TakeoverRequest& request) {
  // The body id starts with the state: read that state only.
  const std::string state = request.body_id.substr(0, request.body_id.find('.'));
  ASSIGN_OR_RETURN(const query::BodiesData data, query::LoadPartyBodies(db, offices, {state, ""}));
  const auto body =
      std::find_if(data.bodies.begin(), data.bodies.end(),
                   [&](const analysis::PartyBody& b) { return b.id == request.body_id; });
  if (body == data.bodies.end()) {
    std::vector<std::string> ids;
    for (const analysis::PartyBody& known : data.bodies) ids.push_back(known.id);
    return absl::NotFoundError(
        fmt::format("no body '{}'{}", request.body_id,
                    ids.empty() ? std::string("; `downballot bodies` lists the loaded ones")
                                : fmt::format("; bodies of that state: {}", fmt::join(ids, ", "))));
  }
  ASSIGN_OR_RETURN(const analysis::Takeover plan,
                   analysis::PlanTakeover(*body, data.party_races, request.assumptions));
  return TakeoverAnswer{*body, plan};
}

nlohmann::json ToJson(const TakeoverAnswer& answer) {
  const analysis::Takeover& plan = answer.plan;
  nlohmann::json picks = nlohmann::json::array();
  for (const analysis::TakeoverPick& pick : plan.picks) {
    picks.push_back(
        {{"unit", pick.unit},
         {"race_id", pick.race_id.empty() ? nlohmann::json() : nlohmann::json(pick.race_id)},
         {"seats", pick.seats},
         {"candidates", pick.candidates},
         {"win_number_low", pick.win_number_low},
         {"win_number_expected", pick.win_number_expected},
         {"win_number_high", pick.win_number_high},
         {"basis", pick.basis}});
  }
  nlohmann::json coefficients = nlohmann::json::array();
  for (const analysis::PlanCoefficient& coefficient : plan.coefficients) {
    coefficients.push_back(
        {{"name", coefficient.name}, {"value", coefficient.value}, {"source", coefficient.source}});
  }
  return {{"body", BodyJson(answer.body)},
          {"majority", plan.majority},
          {"seats_won", plan.seats_won},
          {"candidates", plan.candidates},
          {"picks", std::move(picks)},
          {"low", PlanScenarioJson(plan.low)},
          {"expected", PlanScenarioJson(plan.expected)},
          {"high", PlanScenarioJson(plan.high)},
          {"assumptions", plan.assumptions},
          {"coefficients", std::move(coefficients)},
          {"warnings", plan.warnings}};
}

}  // namespace downballot::query
