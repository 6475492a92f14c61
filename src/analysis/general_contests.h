// Builds GeneralContests: from general-election return lines (MEDSL's files), each candidate's
// party lines summed over voting modes and counties, or from a race rolled up from results.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "model/general_return.h"
#include "model/race.h"
#include "model/vote_tally.h"

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

// A general-election race as a contest: source "medsl" when its totals come from MEDSL's file,
// else "openelections" (source_file says which file); one line per candidate and party line
// (race parties are already canonical codes, so party and party_raw are both that code) and the
// race's write-in total as one write-in line. is_complete is the race's completeness ==
// kComplete; seats the race's. Pure; thread-safe.
[[nodiscard]] model::GeneralContest ContestFromRace(const model::Race& race);

// The U.S. general election day of `year`: the Tuesday after the first Monday in November
// (2 U.S.C. §7). 2018 -> 2018-11-06. Pure.
[[nodiscard]] base::Date GeneralElectionDay(int year);

// `returns` (one MEDSL file, `file_id` at `path`) as tallies for the race roll-up, so that MEDSL's
// totals go through the same rules as every other source (docs/analysis.md "Each vote once"):
// one tally per contest, county, candidate, party line and kind, summed over voting modes. A
// return of stage "gen" is a general (a special for a Senate seat whose class is known is that
// class's general, as OpenElections files it; another special is kSpecial) dated
// GeneralElectionDay(year); other stages (runoffs, dated elsewhere) are left out. Named
// candidates are kCandidate, write-ins kWriteIn, MEDSL's NA lines kBlankVoid. A county return
// is GeographyLevel::kCounty, a constituency one kContest; level kFederal for U.S. House and
// Senate, else kState; seats 1. county_key is left for the rebuild. Pure; thread-safe.
[[nodiscard]] std::vector<model::VoteTally> TalliesFromGeneralReturns(
    std::span<const model::GeneralReturn> returns, int64_t file_id, std::string_view path);

}  // namespace downballot::analysis
