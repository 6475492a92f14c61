// A race rolled up from returns: one seat, one date, one stage (and party, for primaries).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "model/election_stage.h"
#include "model/office_level.h"

namespace downballot::model {

// The seat a race fills: same office, district and jurisdiction across elections.
struct SeatKey {
  std::string state;
  std::string office;
  std::string district;
  std::string jurisdiction;

  auto operator<=>(const SeatKey&) const = default;
};

// Identifies a race; `party` is the primary's party and empty for generals.
struct RaceKey {
  SeatKey seat;
  base::Date date;
  ElectionStage stage = ElectionStage::kGeneral;
  std::string party;

  auto operator<=>(const RaceKey&) const = default;
};

// "ny.2018-06-26.primary.dem.u-s-house.14": readable, stable, typed by users.
[[nodiscard]] std::string MakeRaceId(const RaceKey& key);
[[nodiscard]] std::string MakeSeatId(const SeatKey& key);

// Whether every vote of the race is believed loaded (docs/analysis.md "Completeness").
enum class Completeness {
  kComplete,     // a county-level file covers it, or it is local to one loaded county
  kPartial,      // only some of the counties it is known to span are loaded
  kUnverified,   // a multi-county office seen only in precinct files: its span is unknown
  kConflicting,  // its counties report disjoint sets of candidates: a district or office
                 // mislabelled in some file; no winner is named until the files are fixed
};
// "complete", "partial", "unverified", "conflicting".
[[nodiscard]] std::string_view ToString(Completeness completeness);
[[nodiscard]] std::optional<Completeness> ParseCompleteness(std::string_view text);

struct PartyLineVotes {
  std::string party;
  int64_t votes = 0;
};

struct CandidateResult {
  std::string name;
  int64_t votes = 0;       // all party lines together
  double share = 0;        // votes / votes for the office (candidates + write-ins)
  int rank = 0;            // 1 = most votes
  bool is_winner = false;  // among the top `Race::seats`, not tied at the cut
  bool is_incumbent = false;
  std::vector<PartyLineVotes> lines;  // fusion: one entry per party line, largest first
  // Every other spelling the files use for this candidate ("Andrew M Cuomo/ Kathy C Hochul"),
  // sorted; the files' best spelling is `name`.
  std::vector<std::string> aliases;
};

// Returns of one county kept out of a race because they cannot belong to it: the county lies
// outside the seat's known counties and names none of the candidates the other counties name
// (NY's 2018-06-26 county file labels Monroe's NY-25 rows as district 24).
struct SetAsideReturns {
  std::string county;
  std::vector<std::string> candidates;  // as named there, by votes
  int64_t votes = 0;                    // their candidate votes
  std::string reason;
};

// One candidate's votes in a breakdown of the contest by another geography (a presidential
// primary tabulated by state senate district): data, never added to the contest's totals.
struct SubTabulation {
  std::string breakdown;  // "State Senate 5"
  std::string candidate;
  int64_t votes = 0;
};

struct Race {
  std::string id;
  RaceKey key;
  OfficeLevel level = OfficeLevel::kState;
  std::string body;  // the party body a party seat sits on ("County Committee"), else ""
  // How many the race elects (vote for N): from the returns where they say so, else from the
  // office table; 0 when neither knows (the race then names no winner).
  int seats = 1;
  bool is_seats_from_data = false;          // a file said "vote for N"
  std::vector<CandidateResult> candidates;  // by votes, descending
  int64_t candidate_votes = 0;              // sum over candidates
  int64_t write_in_votes = 0;
  int64_t blank_void = 0;          // blank + void + over + under, where reported
  int64_t ballots_for_office = 0;  // candidate + write-in + blank/void/over/under
  int64_t ballots_cast = 0;        // ballots-cast rows for the office, where reported (else 0)
  // The last winner's votes minus the first loser's (the Nth and (N+1)th finishers for N seats);
  // the last winner's votes when no one lost; 0 when no winner is named.
  int64_t margin_votes = 0;
  double margin_share = 0;
  bool is_tied = false;        // the Nth and (N+1)th finishers tie: the returns name no winner
  int field_size = 0;          // named candidates
  bool is_contested = false;   // more named candidates than seats
  bool has_incumbent = false;  // an incumbent (previous general's winner) ran
  bool is_open_seat = false;   // incumbency is known for the seat and no incumbent ran
  std::string incumbent;       // name, when known
  Completeness completeness = Completeness::kComplete;
  std::vector<std::string> counties;  // counties whose returns are included
  int num_precinct_counties = 0;      // counties counted from precinct rows
  int num_county_counties = 0;        // counties counted from county-level rows
  // Where the counted totals come from: "county returns" (summed per county) or the whole-contest
  // file that counts ("state file <path>", "medsl <path>"); docs/analysis.md "Each vote once".
  std::string counted_from;
  bool is_counted_from_medsl = false;  // the whole-contest source that counts is MEDSL's
  std::string conflict;                // why the race is kConflicting, else ""
  std::vector<SetAsideReturns> set_aside;
  std::vector<SubTabulation> sub_tabulations;
  // The primary a runoff decides (same seat and party, the latest primary before it), else "".
  std::string decides_race_id;
  // The runoff that decides this primary, else "": no one won it outright, so it names no
  // winner (its leaders advanced).
  std::string decided_by_race_id;
};

// Two spellings within one race close enough to be one person, left apart because their keys
// differ: "Kate Browning" and "Kathleen Browning".
struct NearMatch {
  std::string race_id;
  std::string name_a;
  std::string name_b;
};

// The candidate of a mismatch that compares the votes MEDSL lumps in one write-in line: the
// write-ins and the candidates only one of the two sources names.
inline constexpr std::string_view kOtherVotesLine =
    "(write-ins and candidates only one source names)";

// Two sources of one race that disagree for one candidate: the source counted and another one
// covering the same ground (precinct sums against a county file, county sums against a
// state-level file, an OpenElections race against MEDSL's total).
struct ReconciliationMismatch {
  std::string race_id;
  std::string county;         // "" when the whole contest is compared
  std::string candidate;      // or kOtherVotesLine
  int64_t counted_votes = 0;  // in the source that counts
  int64_t other_votes = 0;
  std::string counted_source;  // "county file", "precinct sums", "state file", "medsl", ...
  std::string other_source;
  bool is_against_medsl = false;  // one of the two sources is MEDSL's
};

}  // namespace downballot::model
