// The cheapest majority of a party body: which seats to run for, how many candidates, and the
// votes, contacts, shifts, volunteers and budget it takes, through the plan's coefficients.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "analysis/campaign_plan.h"
#include "analysis/party_body.h"
#include "model/race.h"

namespace downballot::analysis {

// One pick of the plan: a unit's seats that no race filled, or one race's seats.
struct TakeoverPick {
  std::string unit;
  std::string race_id;  // the race behind the seats; "" for seats no race filled
  int seats = 0;        // members won by the pick
  int candidates = 0;   // candidates to recruit (one per member)
  // Votes the pick's candidates need, per turnout scenario; a slate's voters vote for each of
  // its candidates in a race that elects several, so a race's win number covers them all.
  int64_t win_number_low = 0;
  int64_t win_number_expected = 0;
  int64_t win_number_high = 0;
  std::string basis;  // why it costs what it costs, for people
};

struct Takeover {
  std::string body_id;
  int64_t body_seats = 0;
  bool is_body_seats_exact = false;  // else the body has at least body_seats
  int64_t majority = 0;              // floor(body_seats / 2) + 1
  std::vector<TakeoverPick> picks;   // in the order taken, cheapest first
  int64_t seats_won = 0;             // of the picks (a last pick may overshoot by its extra seats)
  int64_t candidates = 0;
  PlanScenario low;  // the plan chain over the picks' summed win numbers
  PlanScenario expected;
  PlanScenario high;
  std::vector<PlanCoefficient> coefficients;
  std::vector<std::string> assumptions;  // every rule the plan rests on, for people
  std::vector<std::string> warnings;
};

// Plans the cheapest majority of `body` (docs/analysis.md "Taking over a body").
// Picks, cheapest first: seats no race at the last primary filled (a unit with no primary, or
// the members a race had no candidate for) cost no votes, since a candidate who files wins them;
// their high end is the body's median expected win number per race, in case the holders file
// again. Then each race of the body at its last primary, costed by MakePlan (the race, its
// seat's races in `party_races`, and `party_races` for the k-way shares), ordered by expected
// win number per seat it fills; a race that recorded no ballots costs one vote. Picks are taken
// until their seats reach a majority of body.seats (a lower bound's majority when the count is
// not exact, with a warning). Totals run the plan chain (PlanChain) over the summed win numbers.
// InvalidArgument when `assumptions` fail CheckPlanAssumptions; FailedPrecondition when the
// body has no seats. Pure.
[[nodiscard]] absl::StatusOr<Takeover> PlanTakeover(const PartyBody& body,
                                                    std::span<const model::Race> party_races,
                                                    const PlanAssumptions& assumptions);

}  // namespace downballot::analysis
