// One candidacy from a candidate-level primary file (FiveThirtyEight's primary projects).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.h"

namespace downballot::model {

// What a group said of a candidacy. FiveThirtyEight leaves a cell empty when it did not track
// the group in that race, which is not the same as "No".
enum class Endorsement { kYes, kNo, kNotTracked };

struct EndorsementCell {
  std::string group;  // the column name, trimmed: "Sanders Endorsed?"
  Endorsement value = Endorsement::kNotTracked;
};

struct PrimaryCandidacy {
  int64_t line = 0;
  int cycle = 0;               // election year: 2018
  std::string party;           // "DEM" / "REP", from the file
  std::string candidate;
  std::string state;           // postal code
  std::string district;        // as written: "Governor of Alabama", "U.S. House Alabama District 1"
  std::string office_type;     // "Governor", "Representative", "Senator"
  std::string race_type;       // "Regular", "Special"
  std::optional<base::Date> primary_date;
  std::string primary_status;  // "Lost", "Advanced"
  std::string runoff_status;
  std::string general_status;
  std::optional<double> partisan_lean;  // positive = Democratic lean, in points
  std::optional<double> primary_pct;
  std::optional<bool> won_primary;      // "Yes"/"No"; nullopt when empty
  std::vector<EndorsementCell> endorsements;
};

}  // namespace downballot::model
