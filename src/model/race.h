// A race rolled up from returns: one seat, one date, one stage (and party, for primaries).
#pragma once

#include <cstdint>
#include <string>
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
  kComplete,    // a county-level file covers it, or it is local to one loaded county
  kPartial,     // only some of the counties it is known to span are loaded
  kUnverified,  // a multi-county office seen only in precinct files: its span is unknown
};
[[nodiscard]] std::string_view ToString(Completeness completeness);

struct PartyLineVotes {
  std::string party;
  int64_t votes = 0;
};

struct CandidateResult {
  std::string name;
  int64_t votes = 0;                  // all party lines together
  double share = 0;                   // votes / votes for the office (candidates + write-ins)
  int rank = 0;                       // 1 = most votes
  bool is_winner = false;
  bool is_incumbent = false;
  std::vector<PartyLineVotes> lines;  // fusion: one entry per party line, largest first
};

struct Race {
  std::string id;
  RaceKey key;
  OfficeLevel level = OfficeLevel::kState;
  std::vector<CandidateResult> candidates;  // by votes, descending
  int64_t candidate_votes = 0;   // sum over candidates
  int64_t write_in_votes = 0;
  int64_t blank_void = 0;        // blank + void + over + under, where reported
  int64_t ballots_for_office = 0;  // candidate + write-in + blank/void/over/under
  int64_t ballots_cast = 0;      // ballots-cast rows for the office, where reported (else 0)
  int64_t margin_votes = 0;      // winner minus runner-up; winner's votes when uncontested
  double margin_share = 0;
  int field_size = 0;            // named candidates
  bool is_contested = false;     // two or more named candidates
  bool has_incumbent = false;    // an incumbent (previous general's winner) ran
  bool is_open_seat = false;     // incumbency is known for the seat and no incumbent ran
  std::string incumbent;         // name, when known
  Completeness completeness = Completeness::kComplete;
  std::vector<std::string> counties;  // counties whose returns are included
  int num_precinct_counties = 0;  // counties counted from precinct rows
  int num_county_counties = 0;    // counties counted from county-level rows
};

// A county where precinct returns and the county file disagree for one candidate.
struct ReconciliationMismatch {
  std::string race_id;
  std::string county;
  std::string candidate;
  int64_t county_file_votes = 0;
  int64_t precinct_sum_votes = 0;
};

}  // namespace downballot::model
