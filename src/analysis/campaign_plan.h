// Turns a race's history into a field plan: expected ballots, win number, contacts, doors,
// shifts, volunteers and budget, with every input and coefficient shown (METHODS §8-10).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "base/date.h"
#include "base/key_value_config.h"
#include "model/election_stage.h"
#include "model/race.h"

namespace downballot::analysis {

// Every coefficient of the plan chain; the defaults equal config/plan.conf, which gives each
// one's source. All are editable because local conditions differ.
struct PlanAssumptions {
  double two_way_share_target = 0.53;  // 50% + 3% margin (NGP VAN, CallHub)
  double margin = 0.03;                // added to the k-way plurality share (NGP VAN)
  int comparable_elections = 3;        // "the last three similar elections" (NGP VAN)
  int field_size = 0;                  // expected named candidates; 0 = the race's own field
  double turnout_low_factor = 0.85;    // low/high range when only one comparable race exists
  double turnout_high_factor = 1.15;
  double base_vote_share = 0.5;  // share of the win number already assured (NDTC "base vote")
  double worst_case_base_vote_share = 0;  // the same, at the range's high end: nothing assured
  double contacts_per_vote = 14;          // door contacts per vote (Gerber & Green)
  double take_rate = 0.25;                // doors knocked that become conversations
  double doors_per_hour = 15;             // suburban walk list (Wellstone/FIRM)
  double shift_hours = 3;
  double shifts_per_volunteer_per_week = 2;
  double weeks = 8;
  double literature_cost_per_door = 0.10;  // dollars
  double paid_canvass_share = 0;           // share of shifts worked by paid canvassers
  double hourly_wage = 18;                 // dollars per paid canvass hour
};

// Returns PlanAssumptions{} overwritten by `values` (keys as in config/plan.conf).
// InvalidArgument, naming `source`, for an unknown key, a non-number, or a value outside its
// range (see CheckPlanAssumptions).
[[nodiscard]] absl::StatusOr<PlanAssumptions> PlanAssumptionsFromConfig(
    const base::KeyValues& values, std::string_view source);

// OK when every assumption is in range: shares in [0, 1] (targets in (0, 1], margin in
// [0, 0.5)), take_rate in (0, 1], rates, hours, weeks, factors and comparable_elections > 0,
// costs and field_size >= 0, turnout_low_factor <= turnout_high_factor. InvalidArgument
// naming `source` and the key otherwise.
[[nodiscard]] absl::Status CheckPlanAssumptions(const PlanAssumptions& assumptions,
                                                std::string_view source);

// A coefficient as used, with where its value comes from.
struct PlanCoefficient {
  std::string name;  // the config/plan.conf key
  double value = 0;
  std::string source;  // the default's source, or "edited (default X: source)"
};

// An earlier (or the same) race of the seat that the expected ballots are averaged over.
struct ComparableRace {
  std::string race_id;
  base::Date date;
  int64_t ballots_for_office = 0;
  int field_size = 0;
  model::Completeness completeness = model::Completeness::kComplete;
};

// The plan chain for one turnout scenario. Counts are rounded up.
struct PlanScenario {
  double expected_ballots = 0;
  int64_t win_number = 0;        // ceil(expected_ballots * share_target)
  int64_t votes_to_find = 0;     // ceil(win_number * (1 - base_vote_share))
  int64_t contacts = 0;          // ceil(votes_to_find * contacts_per_vote)
  int64_t doors = 0;             // ceil(contacts / take_rate)
  int64_t shifts = 0;            // ceil(doors / (doors_per_hour * shift_hours))
  int64_t paid_shifts = 0;       // ceil(shifts * paid_canvass_share)
  int64_t volunteer_shifts = 0;  // shifts - paid_shifts
  int64_t volunteers = 0;        // ceil(volunteer_shifts / (shifts_per_volunteer_per_week * weeks))
  int64_t paid_hours = 0;        // ceil(paid_shifts * shift_hours)
  int64_t budget_cents = 0;      // ceil(100 * (doors * literature_cost_per_door +
                                 //             paid_hours * hourly_wage))
};

// One line of the chain for display: its formula and its value in each scenario.
struct PlanStep {
  std::string name;     // "win_number"; the last step is "budget_dollars", in dollars
  std::string formula;  // "ceil(expected_ballots x share_target)"
  double low = 0;
  double expected = 0;
  double high = 0;
};

struct Plan {
  std::string race_id;
  model::SeatKey seat;
  model::ElectionStage stage = model::ElectionStage::kPrimary;
  std::string party;
  std::vector<ComparableRace> comparables;  // newest first
  int field_size = 0;                       // the k the share target was chosen for
  double share_target = 0;
  bool is_majority = false;        // a runoff: win_number = floor(ballots / 2) + 1
  std::string share_target_basis;  // how share_target was chosen, for people
  int num_kway_races = 0;          // k-way primaries the historical share averages
  std::vector<PlanCoefficient> coefficients;
  PlanScenario low;
  PlanScenario expected;
  PlanScenario high;
  std::vector<PlanStep> steps;
  std::vector<std::string> warnings;  // partial comparables, fallbacks used
};

// The coefficients as used, each with its source (edited values name the default).
[[nodiscard]] std::vector<PlanCoefficient> PlanCoefficients(const PlanAssumptions& assumptions);

// The chain from a win number on: votes to find, contacts, doors, shifts, volunteers, budget
// (the formulas of PlanScenario). `expected_ballots` is carried along for display. Pure.
[[nodiscard]] PlanScenario PlanChain(double expected_ballots, int64_t win_number,
                                     const PlanAssumptions& assumptions);

// `assumptions` for the high end of a plan's range: the worst case, with only
// worst_case_base_vote_share of the win number assured.
[[nodiscard]] PlanAssumptions WorstCase(const PlanAssumptions& assumptions);

// Plans the next contest like `race` (same seat, stage and party), as of `race`'s date.
//
// Comparables: `race` and the races in `seat_history` with the same seat, stage and party
// dated on or before it, with ballots for the office; of these, those in the same kind of
// year as `race` (presidential, midterm or odd-year, METHODS §8), newest first, at most
// comparable_elections. Expected ballots = their mean ballots_for_office; low/high = their
// min/max, or expected x turnout_low/high_factor when there is only one.
// Share target for k named candidates (assumptions.field_size, else race.field_size): k <= 2
// uses two_way_share_target. k >= 3 uses the mean winner share of the primaries in
// `all_primaries_for_kway_share` with field_size k, a winner and race's level, floored at 1/k,
// plus margin; with none, 1/k + margin (optimistic: it assumes the others split evenly). A
// k-way target never exceeds two_way_share_target, which wins outright. A runoff is won by a
// majority: win_number = floor(ballots / 2) + 1 (is_majority). A seat that elects N
// (race.seats > 1) is won by beating the (N+1)th finisher: the target is the mean share of the
// ballots for the office that finisher got in the comparables with more than N candidates, plus
// margin (margin alone when none had).
// Then the chain of PlanScenario, for low, expected and high turnout.
// InvalidArgument when `assumptions` fail CheckPlanAssumptions; FailedPrecondition when `race`
// has no ballots for the office. Pure; thread-safe.
[[nodiscard]] absl::StatusOr<Plan> MakePlan(
    const model::Race& race, std::span<const model::Race> seat_history,
    std::span<const model::Race> all_primaries_for_kway_share, const PlanAssumptions& assumptions);

}  // namespace downballot::analysis
