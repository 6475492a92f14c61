// One candidacy from a candidate-level primary file (FiveThirtyEight's primary projects).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"

namespace downballot::model {

// What a group said of a candidacy. FiveThirtyEight leaves a cell empty when it did not track
// the group in that race, which is not the same as "No".
enum class Endorsement { kYes, kNo, kNotTracked };

// kNo means the group backed an opponent or opposed this candidate (both codebooks say so).
[[nodiscard]] std::string_view ToString(Endorsement endorsement);  // "yes", "no", "not_tracked"
[[nodiscard]] std::optional<Endorsement> ParseEndorsementValue(std::string_view text);

struct EndorsementCell {
  std::string group;  // the column name, trimmed: "Sanders Endorsed?"
  Endorsement value = Endorsement::kNotTracked;
  // The party's own committees ("Party Support?", "Rep Party Support?", "Party Committee"):
  // the forecast treats their support apart from outside groups'.
  bool is_party_committee = false;
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
  // Columns only some files have: nullopt when the file lacks the column or leaves it empty.
  std::optional<bool> incumbent;             // 2022 "Incumbent"
  std::optional<bool> incumbent_challenger;  // 2022 "Incumbent Challenger": an opponent is one
  std::optional<bool> elected_official;      // 2018 dem "Elected Official?": ever held office
  std::optional<bool> self_funder;           // 2018 dem "Self-Funder?": $400,000+ of own money
  std::optional<int64_t> primary_votes;      // 2022 "Primary Votes" ("1,881")
  std::optional<int64_t> runoff_votes;
  std::optional<double> runoff_pct;
  std::vector<EndorsementCell> endorsements;
};

}  // namespace downballot::model
