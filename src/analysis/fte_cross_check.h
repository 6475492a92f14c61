// Compares primaries rolled up from returns with FiveThirtyEight's primary files, an independent
// source: each candidate's share and the winner, so a user can trust a state never seen before.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "model/primary_candidacy.h"
#include "model/race.h"

namespace downballot::analysis {

enum class FteVerdict {
  kAgrees,            // every share within the tolerance and the same winner
  kSharesDiffer,      // some candidate's share is off by more than the tolerance
  kWinnerDiffers,     // FiveThirtyEight's winner is not ours (or we name none)
  kNotComparable,     // our race is not complete (or is conflicting): its shares are not whole
  kCandidateMissing,  // a candidate with a FiveThirtyEight share is not in our race
};

// "agrees", "shares_differ", "winner_differs", "not_comparable", "candidate_missing".
[[nodiscard]] std::string_view ToString(FteVerdict verdict);

struct FteCandidateShares {
  std::string candidate;  // as FiveThirtyEight writes it
  double fte_points = 0;  // FiveThirtyEight's "Primary %"
  double our_points = 0;  // ours: of candidate votes, or of candidate and write-in votes,
                          // whichever is closer (sources differ on write-ins)
  bool is_found = false;
};

struct FteComparison {
  std::string fte_race;  // GroupPrimaries' id of FiveThirtyEight's primary
  std::string race_id;   // our race
  FteVerdict verdict = FteVerdict::kAgrees;
  std::string fte_winner;   // "" when the file names none
  std::string our_winner;   // "" when we name none
  double worst_points = 0;  // the largest share difference, in points
  std::vector<FteCandidateShares> shares;
};

// For every FiveThirtyEight primary (GroupPrimaries) of U.S. House, U.S. Senate or governor
// with a share for some candidate, finds our race: same state, office, primary date and party
// (no party in a top-two state, where `races` hold one all-party primary), the House district
// equal, and among several Senate races the one that names most of its candidates (MN 2018 held
// two). Candidates match by IsSameCandidate, else by the one candidate a typo away
// (IsNearMatch). FiveThirtyEight's winner is the nominee, so where a runoff decided the primary
// (decided_by_race_id) it is compared with the runoff's winner. Shares agree when within
// `tolerance_points`; a FiveThirtyEight candidate under 0.05 points may be absent from ours.
// Primaries no race of `races` matches are left out. Ordered by our race id. Pure; thread-safe.
[[nodiscard]] std::vector<FteComparison> CompareWithFiveThirtyEight(
    std::span<const model::Race> races, std::span<const model::PrimaryCandidacy> candidacies,
    double tolerance_points = 0.05);

}  // namespace downballot::analysis
