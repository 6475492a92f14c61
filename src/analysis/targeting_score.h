// Ranks seats as targets for a primary challenge, showing every score component and why.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "base/date.h"
#include "base/key_value_config.h"
#include "model/office_level.h"
#include "model/race.h"

namespace downballot::analysis {

// Component weights and scales; the defaults equal config/targets.conf, which says where each
// comes from. Every weight is >= 0; the score is the weighted sum of components in [0, 1].
struct TargetWeights {
  double open_seat = 1.0;
  double uncontested_last_primary = 0.5;
  double small_electorate = 1.0;
  double safe_seat = 1.0;
  double incumbent_weakness = 1.0;
  double incumbent_big_donors = 0.5;
  double incumbent_finance = 0.5;
  // Win number at which small_electorate is 0.5: value = scale / (scale + win_number).
  double small_electorate_scale = 1000;
  // General-election share at and above which a seat counts as fully safe for the party.
  double safe_seat_share = 0.60;
  // Share of the latest primary's ballots for the office that makes the win number (METHODS §8).
  double win_share_target = 0.53;
};

// Returns TargetWeights{} overwritten by `values` (keys as in config/targets.conf).
// InvalidArgument, naming `source`, for an unknown key, a non-number, a negative weight,
// small_electorate_scale <= 0, safe_seat_share outside (0.5, 1] or win_share_target outside
// (0, 1].
[[nodiscard]] absl::StatusOr<TargetWeights> TargetWeightsFromConfig(const base::KeyValues& values,
                                                                    std::string_view source);

// Which targets to list; an empty string or nullopt matches everything. State and party compare
// ignoring case ("ny" matches "NY").
struct TargetFilter {
  std::string state;
  std::optional<model::OfficeLevel> level;
  std::string party;
};

struct ScoreComponent {
  std::string name;  // "open_seat", "uncontested_last_primary", "small_electorate", ...
  double value = 0;  // in [0, 1]
  double weight = 0;
  double contribution = 0;  // weight * value; 0 when the value is unknown
  std::string explanation;  // the facts behind the value, for people
  // False when the facts are not loaded (incumbency of a seat with no earlier race): value and
  // contribution are 0 and the renderers show "unknown", so no seat gains or loses by it.
  bool is_known = true;
};

// One seat and party whose latest primary is loaded.
// The names of a target's components, in the order every Target lists them (that of
// TargetWeights' fields): the columns a table of targets has even when it has no rows.
inline constexpr std::string_view kTargetComponentNames[] = {
    "open_seat",          "uncontested_last_primary", "small_electorate", "safe_seat",
    "incumbent_weakness", "incumbent_big_donors",     "incumbent_finance"};

struct Target {
  std::string seat_id;  // model::MakeSeatId(seat)
  model::SeatKey seat;
  model::OfficeLevel level = model::OfficeLevel::kState;
  std::string party;
  std::string last_race_id;  // the latest primary
  base::Date last_primary_date;
  int last_field_size = 0;
  int64_t last_ballots_for_office = 0;
  int64_t win_number = 0;  // ceil(last_ballots_for_office * win_share_target); for a seat that
                           // elects N, the (N+1)th finisher's votes + 1 (1 when none lost)
  std::string last_general_race_id;  // the seat's latest general, "" when none is loaded
  std::string incumbent;             // the latest primary's incumbent, "" when unknown
  double incumbent_last_share = 0;   // their share in the latest primary; 0 when they did not run
  model::Completeness completeness = model::Completeness::kComplete;  // of the latest primary
  double score = 0;
  std::vector<ScoreComponent> components;  // in the order of TargetWeights' fields
};

// What the FEC says about the money of a seat's incumbent (money::MoneyProfile, summarised).
struct IncumbentMoney {
  std::string cand_id;
  int cycle = 0;
  bool has_individual_money = false;  // small_share means something only then
  double small_share = 0;             // of the incumbent's individual money, by donor
  bool has_categorized_money = false;
  double finance_share = 0;      // FIRE share of categorized itemized dollars
  double categorized_share = 0;  // share of itemized dollars with an industry code
};

// The incumbent's money by the id of the primary race it was looked up for; a primary missing
// from the map has no FEC data linked. The caller reads it from the store before ranking.
using IncumbentMoneyByRace = std::map<std::string, IncumbentMoney, std::less<>>;

// Returns one target per (seat, party) with a loaded primary that passes `filter`, best first
// (score descending, then seat_id, then party). Components, each in [0, 1]:
//   open_seat: 1 when incumbency is known and no incumbent was on the latest primary's ballot;
//     0 when the incumbent ran (won or lost: incumbent_weakness scores how they did); unknown
//     (is_known false, weighing nothing) when no earlier race of the seat names its holder.
//   uncontested_last_primary: 1 when the latest primary had at most one named candidate.
//   small_electorate: scale / (scale + win_number); 0.5 when no ballots were recorded.
//   safe_seat: how safely the party's nominee carries the seat's latest general: 0 at or below
//     50% of the vote, 1 at or above safe_seat_share, linear between; 1 for party-level seats
//     (the primary decides them); 0.5 when no general is loaded, the general is partial or
//     unverified, or the primary has no party.
//   incumbent_weakness: 1 - the incumbent's share when the incumbent ran in a contested latest
//     primary; 0 otherwise.
//   incumbent_big_donors: 1 - the small-dollar share of the incumbent's individual money (FEC);
//     0 when no FEC data is linked (no evidence, no points).
//   incumbent_finance: the finance (FIRE) share of the incumbent's categorized donor dollars;
//     0 when unknown.
// `races` should have passed through ApplyIncumbency. Primaries whose completeness is partial
// stay listed with their completeness, so callers can show it on every row; ballot questions
// (kMeasure) and conflicting races (returns of another contest) are left out. Pure;
// thread-safe.
[[nodiscard]] std::vector<Target> RankTargets(std::span<const model::Race> races,
                                              const TargetFilter& filter,
                                              const TargetWeights& weights,
                                              const IncumbentMoneyByRace& money_by_race = {});

}  // namespace downballot::analysis
