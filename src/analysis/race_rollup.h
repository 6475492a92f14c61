// Rolls vote tallies up into races: each vote counted once, fusion lines summed, completeness
// judged, and county files reconciled against precinct sums (docs/analysis.md "Roll-up").
#pragma once

#include <span>
#include <vector>

#include "model/vote_tally.h"
#include "model/race.h"

namespace downballot::analysis {

struct RollupResult {
  std::vector<model::Race> races;                         // sorted by race id
  std::vector<model::ReconciliationMismatch> mismatches;  // sorted by race id, county, candidate
};

// Groups `tallies` by race and returns one model::Race per race key, ordered by id.
//
// Each vote counts once: county and precinct files of one election overlap, so within a race,
// for each county and each row kind, the county-level tallies of that kind are used when there
// are any, else the sum of the precinct-level ones (NY county files list candidates only, so
// ballots-cast and blank rows still come from precinct files). Where a county has both levels,
// every candidate's votes (summed over party lines) are compared and each difference is
// returned as a mismatch. A county counts in `num_county_counties` when it has any
// county-level tally, else in `num_precinct_counties`. `level` is the first tally's.
// Counties and candidates are matched by SpellingKey, so "SUFFOLK" and "Suffolk" are one county
// and "KATE M. BROWNING" and "Kate M Browning" one candidate; the mixed-case spelling is shown.
// Candidates are kCandidate tallies; their party lines are summed (fusion) and kept in `lines`.
// A tie for first place flags no winner (margin 0): ties are settled by lot or recount, which
// the returns do not show. Tallies with an empty office (election-wide turnout) are skipped;
// kRegisteredVoters, kBallotType and kTotalVotes tallies do not enter any sum.
// Completeness (model::Completeness) is judged from each seat's county span, learned from the
// county-level tallies of every date in `tallies`; see docs/analysis.md "Completeness".
// Incumbency fields are left unset: see ApplyIncumbency. Pure; thread-safe.
[[nodiscard]] RollupResult RollUpRaces(std::span<const model::VoteTally> tallies);

}  // namespace downballot::analysis
