// Votes summed per race, county and line: the input the race roll-up works from.
#pragma once

#include <cstdint>
#include <string>

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
  std::string county;
  bool is_precinct_level = false;
  RowKind kind = RowKind::kCandidate;
  std::string candidate;  // for pseudo rows: the label, e.g. "Blank/Void"
  std::string party;      // the party line the votes were cast on ("" when none)
  int64_t votes = 0;
};

}  // namespace downballot::model
