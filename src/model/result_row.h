// One line of election returns after parsing and normalisation, before any roll-up.
#pragma once

#include <cstdint>
#include <string>

#include "base/date.h"
#include "model/election_stage.h"
#include "model/geography_level.h"
#include "model/office_level.h"
#include "model/row_kind.h"

namespace downballot::model {

// Where a results file sits: everything its name tells (`20180626__ny__primary__county.csv`).
struct ResultFileInfo {
  base::Date date;
  std::string state;  // two-letter postal code, upper case: "NY"
  ElectionStage stage = ElectionStage::kGeneral;
  std::string party;               // set when the file name names a party primary: "REP"
  std::string county;              // set for one-county files: "Albany"
  bool is_precinct_level = false;  // `__precinct` and `__ward` files; county files otherwise
};

struct ResultRow {
  int64_t line = 0;        // 1-based line of the record in its file
  std::string county;      // title case as in the file: "Bronx", "St. Lawrence"
  std::string precinct;    // empty for county-level rows; NYC rows carry "AD 77 ED 1"-style keys
  std::string office_raw;  // the office text exactly as written
  std::string office;      // canonical office name: "U.S. House", "County Committee"
  OfficeLevel level = OfficeLevel::kState;
  std::string district;      // canonical district: "14", "Town of Cicero District 8", ""
  std::string jurisdiction;  // county for seats local to one county, else ""
  std::string office_rule;   // the office-table rule that matched ("offices.tsv:42"); "" if none
  std::string body;          // the party body a party seat sits on ("County Committee"), else ""
  int seats = 0;             // vote for N: from the file, else the office table; 0 = unknown
  bool is_seats_from_data = false;  // the office text said "vote for N"
  bool is_statewide = false;        // the whole state elects the seat: its race spans every county
  // Set when the row breaks a contest down by another geography ("State Senate 5" for a
  // presidential primary tabulated by senate district): kept, shown, never counted.
  std::string breakdown;
  GeographyLevel geography = GeographyLevel::kCounty;
  std::string party_raw;  // party text as written
  std::string party;      // canonical code: "DEM", "REP", "CON", "WOR", ... or ""
  std::string candidate;  // cleaned name; for pseudo rows the label as written
  RowKind kind = RowKind::kCandidate;
  int64_t votes = 0;              // summed over vote-mode columns when the file has no votes column
  bool is_votes_missing = false;  // the votes cell was empty
  // The primary this row belongs to ("" in generals); set by ingest::AssignRaceParties.
  std::string race_party;
};

}  // namespace downballot::model
