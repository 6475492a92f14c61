// Endorsement-group scoreboards: how each slate's endorsees did, with 95% intervals, splits and a
// win rate adjusted for the kind of races the group picked.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/primary_candidacy.h"

namespace downballot::analysis {

// Wins among endorsees whose outcome is known, with the 95% Wilson interval.
struct WinRate {
  int64_t decided = 0;  // endorsees whose primary outcome is known
  int64_t won = 0;
  double rate = 0;  // won / decided; 0 when nothing is decided
  double low = 0;
  double high = 1;
};

struct SlateSplit {
  std::string dimension;  // "office", "seat" or "lean"
  std::string value;      // "U.S. House"; "open seat", "incumbent", "vs incumbent"; "swing"
  int64_t endorsed = 0;
  WinRate result;
};

// One group (an endorsement column) in one cycle and party's primaries.
struct SlateSummary {
  std::string group;  // the column name: "Sanders Endorsed?", "Trump"
  int cycle = 0;
  std::string party;  // "DEM" / "REP"
  bool is_party_committee = false;
  int64_t endorsed = 0;         // "Yes"
  int64_t backed_opponent = 0;  // "No": backed an opponent or opposed the candidate
  int64_t not_tracked = 0;      // empty or "N/A": the group did not weigh in
  WinRate result;
  // Indirect standardisation (docs/slates.md): each decided endorsee's expected chance is the
  // win rate of all candidates of the same cycle and party in the same stratum (seat status x
  // lean band x field size); expected = the sum of those chances.
  double expected_wins = 0;
  double expected_rate = 0;                      // expected_wins / decided
  std::optional<double> observed_over_expected;  // won / expected_wins; none when expected is 0
  // The rate the endorsees would have had in an average candidate's races: their odds of
  // winning over the odds of comparable candidates (the strata above), applied to the odds of
  // all candidates of the cycle and party (logit(adjusted) = logit(reference) + logit(observed)
  // - logit(expected), with half-counts so 0% and 100% stay finite). None when expected is 0.
  std::optional<double> adjusted_rate;
  double reference_rate = 0;  // that all-candidate win rate
  std::vector<SlateSplit> splits;
};

// Seat status of a candidacy's race: "incumbent" (the candidate is one), "vs incumbent" (an
// opponent is) or "open seat" (no incumbent marked in the race: FiveThirtyEight's 2018 files
// hold only such races).
[[nodiscard]] std::string SeatStatus(const model::PrimaryCandidacy& candidacy,
                                     bool race_has_incumbent);

// Partisan lean towards the candidacy's party: "safe" (>= 15 points), "favoured" (5 to 15),
// "swing" (-5 to 5), "uphill" (-15 to -5), "hostile" (< -15), "unknown".
[[nodiscard]] std::string LeanBand(const model::PrimaryCandidacy& candidacy);

// One summary per (cycle, party, group) found in the candidacies' endorsement cells, ordered by
// cycle, party and the file's column order. candidacy.partisan_lean should be filled by the
// caller where the file lacks it. Pure.
[[nodiscard]] std::vector<SlateSummary> ScoreSlates(
    std::span<const model::PrimaryCandidacy> candidacies);

}  // namespace downballot::analysis
