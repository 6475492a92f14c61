// Rolls vote tallies up into races: each vote counted once across sources and levels, one name
// per candidate, several winners where a seat elects several, completeness judged, mislabelled
// counties set aside, and every disagreement between sources listed (docs/analysis.md).
#pragma once

#include <map>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "model/race.h"
#include "model/vote_tally.h"

namespace downballot::analysis {

struct RollupOptions {
  // Every county key (FIPS) of each state, from the county table: a statewide seat's race spans
  // all of them. A state missing here falls back to spans learned from county-level returns.
  std::map<std::string, std::set<std::string>> counties_by_state;
};

struct RollupResult {
  std::vector<model::Race> races;                         // sorted by race id
  std::vector<model::ReconciliationMismatch> mismatches;  // sorted by race id, county, candidate
  std::vector<model::NearMatch> near_matches;             // sorted by race id
};

// Groups `tallies` by race (model::MakeRaceId, so keys that read the same are one race) and
// returns one model::Race per race. Tallies need `county_key` set (the rebuild sets it).
//
// Each vote counts once (docs/analysis.md "Each vote once"):
//   - Sources are files. Per county and row kind, the most aggregate source that has the kind
//     counts (a county-level file before precinct files; among equals, OpenElections before
//     MEDSL, then the larger candidate total, then the earlier file); the others are reconciled
//     against it, each difference a mismatch.
//   - A whole-contest source (a state-level file, a district total, MEDSL's constituency totals)
//     covers every county. An OpenElections one counts instead of the county sums, which are
//     reconciled against it. A MEDSL one counts only when the OpenElections counties do not
//     cover the race completely; otherwise it is compared with them, candidate by candidate.
//   - Sub-tabulations (tallies with a `breakdown`) become model::SubTabulation, never counted;
//     kRegisteredVoters, kBallotType, kTotalVotes and kRepeat tallies enter no sum.
// Candidates are merged by CandidateKey or NicknameKey unless one file lists two spellings of
// one key on one party line in one county, and across sources one typo apart; every spelling is
// kept as an alias; close keys that were not merged are returned as near matches. Counties are
// matched by county_key.
// A multi-county race whose counties name disjoint sets of candidates sets aside the counties
// outside the seat's span (learned from the county-level tallies of the seat's other races) that
// share no candidate with the rest; if disjoint groups remain, the race is kConflicting and names
// no winner. Winners are the top `seats` (data before office table); a tie at the cut names none
// of the tied and sets is_tied; seats 0 names no winner. Runoffs get `decides_race_id`, and the
// race a runoff decides gets `decided_by_race_id` and names no winner.
// Completeness follows docs/analysis.md "Completeness": a statewide seat spans every county of
// options.counties_by_state. Incumbency is left for ApplyIncumbency.
// Pure; thread-safe.
[[nodiscard]] RollupResult RollUpRaces(std::span<const model::VoteTally> tallies,
                                       const RollupOptions& options = {});

}  // namespace downballot::analysis
