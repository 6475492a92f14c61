#include "analysis/body_takeover.h"

#include <algorithm>
#include <map>
#include <utility>

#include "base/status_macros.h"
#include "fmt/format.h"

namespace downballot::analysis {
namespace {

// A pick with its cost per seat, for the order.
struct Candidate {
  TakeoverPick pick;
  double cost_per_seat = 0;
};

int64_t MedianOf(std::vector<int64_t> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

absl::StatusOr<Takeover> PlanTakeover(const PartyBody& body,
                                      std::span<const model::Race> party_races,
                                      const PlanAssumptions& assumptions) {
  RETURN_IF_ERROR(CheckPlanAssumptions(assumptions, "assumptions"));
  if (body.seats <= 0) {
    return absl::FailedPreconditionError(fmt::format("body {} has no seats", body.id));
  }
  Takeover plan;
  plan.body_id = body.id;
  plan.body_seats = body.seats;
  plan.is_body_seats_exact = body.is_seat_count_exact;
  plan.majority = body.seats / 2 + 1;
  plan.coefficients = PlanCoefficients(assumptions);

  std::map<std::string, const model::Race*> race_of_id;
  std::map<model::SeatKey, std::vector<model::Race>> races_of_seat;
  for (const model::Race& race : party_races) {
    race_of_id[race.id] = &race;
    races_of_seat[race.key.seat].push_back(race);
  }

  // Every race of the body at its last primary, costed by the race plan.
  std::vector<Candidate> candidates;
  std::vector<int64_t> race_win_numbers;
  for (const BodyUnitSeats& unit : body.units) {
    int unfilled = unit.members - unit.seats_at_primary;
    for (const std::string& race_id : unit.race_ids) {
      const auto found = race_of_id.find(race_id);
      if (found == race_of_id.end()) {
        return absl::InternalError(fmt::format("race {} of body {} not given", race_id, body.id));
      }
      const model::Race& race = *found->second;
      const int seats = std::max(race.seats, 1);
      // Members the race had no candidate for are won by filing, like a unit without a primary.
      const int without_candidate = std::max(0, seats - race.field_size);
      unfilled += without_candidate;
      const int contested = seats - without_candidate;
      if (contested == 0) continue;
      TakeoverPick pick;
      pick.unit = unit.unit;
      pick.race_id = race.id;
      pick.seats = contested;
      pick.candidates = contested;
      const auto race_plan = MakePlan(race, races_of_seat[race.key.seat], party_races, assumptions);
      if (race_plan.ok()) {
        pick.win_number_low = race_plan->low.win_number;
        pick.win_number_expected = race_plan->expected.win_number;
        pick.win_number_high = race_plan->high.win_number;
        pick.basis =
            fmt::format("{}: {:.1f}% of {:.0f} expected ballots for the office",
                        race.is_contested ? "contested" : "on the ballot unopposed",
                        race_plan->share_target * 100, race_plan->expected.expected_ballots);
      } else if (race_plan.status().code() == absl::StatusCode::kFailedPrecondition) {
        pick.win_number_low = pick.win_number_expected = pick.win_number_high = 1;
        pick.basis = "no ballots recorded for the office: one vote wins it";
      } else {
        return race_plan.status();
      }
      race_win_numbers.push_back(pick.win_number_expected);
      candidates.push_back(
          {pick, static_cast<double>(pick.win_number_expected) / static_cast<double>(contested)});
    }
    if (unfilled > 0) {
      TakeoverPick pick;
      pick.unit = unit.unit;
      pick.seats = unfilled;
      pick.candidates = unfilled;
      pick.basis = unit.race_ids.empty()
                       ? "no primary at the last election: uncontested or vacant, filing wins it"
                       : "no candidate ran for these members at the last primary: filing wins them";
      candidates.push_back({pick, 0});
    }
  }
  // Seats won by filing cost nothing unless their holders file again; the high end prices them
  // like a typical contested race of the body.
  const int64_t defended_cost = MedianOf(race_win_numbers);
  for (Candidate& candidate : candidates) {
    if (candidate.pick.race_id.empty()) candidate.pick.win_number_high = defended_cost;
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) {
                     if (a.cost_per_seat != b.cost_per_seat)
                       return a.cost_per_seat < b.cost_per_seat;
                     if (a.pick.race_id.empty() != b.pick.race_id.empty()) {
                       return a.pick.race_id.empty();
                     }
                     return a.pick.unit < b.pick.unit;
                   });

  int64_t low = 0;
  int64_t expected = 0;
  int64_t high = 0;
  double expected_ballots = 0;
  for (const Candidate& candidate : candidates) {
    if (plan.seats_won >= plan.majority) break;
    plan.picks.push_back(candidate.pick);
    plan.seats_won += candidate.pick.seats;
    plan.candidates += candidate.pick.candidates;
    low += candidate.pick.win_number_low;
    expected += candidate.pick.win_number_expected;
    high += candidate.pick.win_number_high;
    if (!candidate.pick.race_id.empty()) {
      expected_ballots +=
          static_cast<double>(race_of_id[candidate.pick.race_id]->ballots_for_office);
    }
  }
  plan.low = PlanChain(expected_ballots, low, assumptions);
  plan.expected = PlanChain(expected_ballots, expected, assumptions);
  plan.high = PlanChain(expected_ballots, high, WorstCase(assumptions));

  plan.assumptions = {
      fmt::format("majority = floor({} seats / 2) + 1 = {}", body.seats, plan.majority),
      "a seat no race filled at the last primary is won by a candidate who files (cost 0); the "
      "high end prices it at the body's median race win number, in case its holder files again",
      "a race's win number is `plan`'s for that race (the coefficients below); a slate's voters "
      "vote for each of its candidates where a race elects several, so one win number covers "
      "them",
      "picks are taken cheapest first by expected win number per seat; the last pick may win "
      "more seats than the majority needs",
      "contacts, doors, shifts, volunteers and budget run the plan chain over the summed win "
      "numbers (one field program for the whole slate)"};
  if (!body.is_seat_count_exact) {
    plan.warnings.push_back(fmt::format(
        "the body has at least {} seats ({}): a majority of the whole body may need more",
        body.seats, body.seats_basis));
  }
  if (plan.seats_won < plan.majority) {
    plan.warnings.push_back(fmt::format("only {} seats are known, short of a majority of {}",
                                        plan.seats_won, plan.majority));
  }
  return plan;
}

}  // namespace downballot::analysis
