// Builds GeneralContests: from general-election return lines (MEDSL's files), each candidate's
// party lines summed over voting modes and counties, or from a race rolled up from results.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "model/general_return.h"
#include "model/race.h"

namespace downballot::analysis {

// Returns the contests of `returns`, which should come from one file (`source_file`, copied to
// every contest) so that no vote is counted twice. A contest is one (year, state, office,
// district, is_special, stage); within it the votes of each (candidate, party line as written,
// write-in) are summed over voting modes and counties, so MEDSL's absentee/early/election-day
// rows and the county files' rows become one LineVotes. Lines keep MEDSL's write-in and NA
// (blank/void) totals as is_write_in lines or lines with an empty candidate.
//
// contest_id is "<source>.<year>.<state>.<office>[.<district>][.special][.<stage>]", each part
// slugged like model::MakeRaceId ("medsl.2018.ny.u-s-house.1", "medsl.2018.ak.u-s-house.al",
// "medsl.2018.mn.u-s-senate.special"); the stage is added only when it is neither "gen" nor "".
// reported_total_votes is the largest total_votes of the contest's rows (MEDSL repeats one
// total on every row). is_complete is true: a MEDSL file has every row of the contests in it.
//
// Order is deterministic: contests by year, state, office, district (numbers in numeric order,
// "AL" and names after them), special last, stage; lines by candidate lines before write-in
// and blank ones, then votes (most first), candidate and party line. Pure; thread-safe.
[[nodiscard]] std::vector<model::GeneralContest> ContestsFromReturns(
    std::span<const model::GeneralReturn> returns, std::string_view source,
    std::string_view source_file);

// A general-election race rolled up from results files (OpenElections) as a contest of source
// "openelections": one line per candidate and party line (race parties are already canonical
// codes, so party and party_raw are both that code) and the race's write-in total as one
// write-in line. is_complete is the race's completeness == kComplete. Pure; thread-safe.
[[nodiscard]] model::GeneralContest ContestFromRace(const model::Race& race);

}  // namespace downballot::analysis
