// Third-party leverage (METHODS.md §12): how the votes on each minor-party line of a general
// election compare with the margin between the winner and the runner-up.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/general_return.h"

namespace downballot::analysis {

// Whom a minor line's votes went to.
enum class LineBacking {
  kWinner,          // the winner (a fusion line, or the winner's own minor-party line)
  kRunnerUp,        // the runner-up
  kOwnCandidate,    // a candidate on no DEM or REP line who finished third or lower
  kOtherCandidate,  // a DEM or REP candidate who finished third or lower (fusion)
  kMixed,           // several candidates with different backings (two independents, "ALL")
  kNone,            // nobody: the "ALL" row of a contest without minor lines
};

// "winner", "runner_up", "own_candidate", "other_candidate", "mixed", "none".
[[nodiscard]] std::string_view ToString(LineBacking backing);

// One minor-party line of one contest, or (line_party "ALL") all its minor lines together.
struct LeverageRow {
  std::string contest_id;
  std::string source;
  int year = 0;
  std::string state;
  std::string office;
  std::string district;
  bool is_special = false;
  std::string winner;
  std::string winner_party;  // DEM or REP when the winner has such a line, else the code of
                             // the winner's largest line ("" when the file gives no party)
  int64_t winner_votes = 0;  // summed over all the winner's lines
  std::string runner_up;
  std::string runner_up_party;  // chosen like winner_party
  int64_t runner_up_votes = 0;
  int64_t margin = 0;          // winner_votes - runner_up_votes, >= 0
  bool is_tie = false;         // margin == 0: the returns cannot say who won
  std::string line_party;      // the line's party code ("CON"), or "ALL"
  std::string line_party_raw;  // as written ("conservative"); several joined by "; "; "" for ALL
  int64_t line_votes = 0;
  std::vector<std::string> line_candidates;  // on this line (for ALL: on any minor line),
                                             // most votes first
  LineBacking backs = LineBacking::kNone;
  std::optional<double> ratio;  // line_votes / margin; empty for a tie (never divides by 0)
  bool exceeds_margin = false;  // line_votes > margin (a tie: any minor vote at all), only in a
                                // complete contest that elects one member
  bool is_fusion = false;       // a candidate on the line also has a DEM or REP line
  bool is_complete = true;      // the contest's is_complete: false when counties are missing
  int seats = 1;                // the contest's seats
};

struct LeverageResult {
  // Per contested contest, in input order: its minor lines by votes (most first, then code),
  // then its "ALL" row.
  std::vector<LeverageRow> rows;
  // Contests with fewer than two candidates (unopposed, or only write-in and blank lines):
  // they have no margin, so no rows, but a caller can still count or list them.
  std::vector<std::string> uncontested_contest_ids;
};

// Computes leverage for every contest.
//
// Candidates are the lines with a name that are not write-ins; a candidate's total is the sum
// of all the candidate's lines (fusion: in New York one person runs on DEM, WOR and WEP). Lines
// of one candidate are matched by SpellingKey, so "Lee M. Zeldin" and "LEE M ZELDIN" are one
// person. The winner and runner-up are the two largest totals; ties between equal totals are
// broken by name, and is_tie marks a first-place tie. Write-in lines are never candidates, even
// named ones (AZ-8's Steven Hummel in 2018): MEDSL's later files give write-in totals names
// such as "Scattering", which must not place. So a write-in winner (Murkowski, Alaska 2010)
// would be missed. Named lines without a party ("Others", Nevada's "None of these Candidates")
// are candidates like any other.
//
// A minor line is a candidate line whose party code is neither DEM nor REP (MN's DFL and ND's
// Democratic-NPL normalise to DEM) and not empty: an independent's own line counts, and so does
// a minor-party line carrying a major candidate, which is the leverage fusion gives. Write-in,
// blank, nonpartisan ("NP": Wisconsin's judges, Arizona's school boards) and NA-party lines are
// never minor lines: a line without a party says nothing about a party (MEDSL 2018 leaves the
// party of AL-5's, NJ-4's and WI-8's major candidates NA). Minor lines with the same code in one
// contest (two independents) form one row.
//
// Every contested contest gets an "ALL" row, even with no minor lines (line_votes 0, backs
// kNone), so that rows with line_party "ALL" are one per contested contest. Pure; thread-safe.
[[nodiscard]] LeverageResult ComputeLeverage(std::span<const model::GeneralContest> contests);

}  // namespace downballot::analysis
