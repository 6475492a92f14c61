// Finds a contest filed twice under two dates: the same seat, party and candidates, with nearly
// the same votes (Suffolk's file dated 2018-07-26 repeats the June NY-1 primary).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "model/race.h"

namespace downballot::analysis {

// How far apart two filings' votes may be and still be one contest: 5%, wide enough for a
// county that updated its count between them, narrow enough that two real contests of one
// seat rarely fall inside it.
inline constexpr double kRepeatedContestTolerance = 0.05;

struct RepeatedContest {
  std::string state;            // postal code
  std::string race_id;          // the later race
  std::string earlier_race_id;  // the race it repeats
  int64_t candidate_votes = 0;
  int64_t earlier_candidate_votes = 0;
};

// A race repeats an earlier one when both are of the same seat and party, both primaries (of
// any kind but runoffs) or both generals, in the same year on different dates, name the same
// candidates (CandidateKey, at least two) and each candidate's votes are within
// `max_relative_difference` of the earlier race's. A runoff, which repeats its primary's
// leaders by design, is never one. Ordered by race id. Pure; thread-safe.
[[nodiscard]] std::vector<RepeatedContest> FindRepeatedContests(
    std::span<const model::Race> races, double max_relative_difference = kRepeatedContestTolerance);

}  // namespace downballot::analysis
