// Votes summed per race, county and line: the input the race roll-up works from.
#pragma once

#include <cstdint>
#include <string>

#include "model/geography_level.h"
#include "model/office_level.h"
#include "model/race.h"
#include "model/row_kind.h"

namespace downballot::model {

// The store sums result rows GROUP BY every field below except `votes`. County-level and
// precinct-level rows of the same race and county arrive as separate tallies, so the roll-up
// can count each vote once and reconcile the two.
struct VoteTally {
  RaceKey race;
  OfficeLevel level = OfficeLevel::kState;
  std::string body;         // the party body of a party seat ("County Committee"), else ""
  int64_t file_id = 0;      // the source file; one file is one source
  std::string source;       // "openelections" or "medsl"
  std::string source_path;  // the file's path, to name the source in a reconciliation
  std::string county;       // as the file spells it; "" at GeographyLevel::kContest
  // The county's identity across files: its FIPS code when the county table knows it, else a
  // spelling key of the name (set by the race rebuild, before the roll-up).
  std::string county_key;
  GeographyLevel geography = GeographyLevel::kCounty;
  // The file covers every county of its state (a statewide precinct file, no county in its
  // name): the counties it names for a seat are all the seat's counties.
  bool is_whole_state_file = false;
  int seats = 0;  // vote for N: from the file or the office table; 0 = unknown
  bool is_seats_from_data = false;
  bool is_statewide = false;  // the whole state elects the seat: its race spans every county
  std::string breakdown;      // a sub-tabulation's geography; never counted
  RowKind kind = RowKind::kCandidate;
  std::string candidate;  // for pseudo rows: the label, e.g. "Blank/Void"
  std::string party;      // the party line the votes were cast on ("" when none)
  int64_t votes = 0;
};

}  // namespace downballot::model
