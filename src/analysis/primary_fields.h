// Groups FiveThirtyEight candidacies into primaries and turns each candidate into forecast
// features.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/primary_candidacy.h"
#include "model/primary_field.h"
#include "model/race.h"

namespace downballot::analysis {

// One primary: the candidacies (indexes into the caller's span) that ran in it.
struct PrimaryRace {
  std::string race_id;  // "oh.2018-05-08.primary.dem.u-s-house.12"; ".special" for specials
  int cycle = 0;
  std::string state;
  std::string party;
  std::string office;    // "U.S. House", "U.S. Senate", "Governor", else as written
  std::string district;  // "12", "AL", "" for statewide
  bool is_special = false;
  std::vector<size_t> candidacies;
};

// "Representative" -> "U.S. House", "Senator" / "Senator (unexpired term)" -> "U.S. Senate".
[[nodiscard]] std::string NormalizedOffice(const model::PrimaryCandidacy& candidacy);
// "U.S. House Ohio District 12" or "12" -> "12"; "... At-large District" or "At-Large" -> "AL";
// statewide offices -> "".
[[nodiscard]] std::string NormalizedDistrict(const model::PrimaryCandidacy& candidacy);

// Groups by cycle, party, state, office, district, special or regular and primary date, in
// order of first appearance.
[[nodiscard]] std::vector<PrimaryRace> GroupPrimaries(
    std::span<const model::PrimaryCandidacy> candidacies);

// The forecast features, in PrimaryField::candidates[i].features order. Features that are the
// same for every candidate of a race (field size, district lean) cancel out of a conditional
// logit, so they enter through interactions with candidate features (docs/forecast.md).
inline constexpr std::array<std::string_view, 11> kForecastFeatureNames = {
    "incumbent",                // 1 when the file marks the candidate as the incumbent
    "elected_official",         // 1 when the candidate held elected office before
    "self_funder",              // 1 for $400,000+ of own money (FiveThirtyEight's mark)
    "endorsements",             // ln(1 + groups that endorsed), party committees apart
    "endorsements_against",     // ln(1 + groups that backed an opponent)
    "party_committee_support",  // 1 when a party committee backed the candidate
    "party_committee_against",  // 1 when a party committee backed an opponent
    "endorsement_leader",       // 1 for the one candidate with the most endorsements
    "endorsed_x_log_field",     // endorsed (0/1) x ln(field size): endorsements count more
                                // in crowded fields
    "endorsed_x_party_lean",    // endorsed (0/1) x the district's lean towards the party / 10
    "receipts_share",           // the candidate's share of the race's FEC receipts, where the
                                // candidates link to FEC summaries (weball/webl); else 0
};
inline constexpr size_t kIncumbentFeature = 0;
inline constexpr size_t kEndorsementsFeature = 3;

// Counts of a candidacy's endorsement cells, party committees apart.
struct EndorsementCounts {
  int groups_for = 0;
  int groups_against = 0;
  bool party_for = false;
  bool party_against = false;
};
[[nodiscard]] EndorsementCounts CountEndorsements(const model::PrimaryCandidacy& candidacy);

// The race as a choice set. A candidate's `won` is the file's Won Primary (nullopt when not
// known); candidacy.partisan_lean should be filled by the caller where the file lacks it.
// `receipts_cents` is empty or indexed like `candidacies`: each candidacy's total FEC receipts
// for the cycle, nullopt when it links to no FEC summary.
[[nodiscard]] model::PrimaryField MakePrimaryField(
    const PrimaryRace& race, std::span<const model::PrimaryCandidacy> candidacies,
    std::span<const std::optional<int64_t>> receipts_cents = {});

// A primary rolled up from returns (OpenElections) as a choice set. Returns carry no
// endorsements, so only the incumbent feature can be set (from race incumbency); every other
// feature is 0. `won` is the returns' winner. `race` should be a primary.
[[nodiscard]] model::PrimaryField FieldFromRace(const model::Race& race);

// The primary as a race with its candidates' names only (no votes), for what takes races, such
// as LinkFecCandidates (fec_link.h). Statewide offices and governors keep an empty district.
[[nodiscard]] model::Race RaceFromPrimary(const PrimaryRace& race,
                                          std::span<const model::PrimaryCandidacy> candidacies);

// The index of the race's single winner, or -1 when the outcome is unknown, nobody won or more
// than one candidate advanced (top-two primaries): such races are neither fitted nor scored.
[[nodiscard]] int WinnerIndex(const model::PrimaryField& field);

}  // namespace downballot::analysis
