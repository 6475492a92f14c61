// Turns the office text of results files into one seat name, district, level and jurisdiction.
#pragma once

#include <string>
#include <string_view>

#include "model/office_level.h"

namespace downballot::ingest {

// The seat an office text names. Two rows fill the same seat when office, district and
// jurisdiction are equal (model::SeatKey), whichever spelling their files use.
struct NormalizedOffice {
  std::string office;    // canonical name: "U.S. House", "County Committee (Female)"; "" for
                         // a turnout label in the office column ("Ballots Cast")
  std::string district;  // "14", "1st CD", "Town of Cicero District 8", "Town of Huntington", ""
  model::OfficeLevel level = model::OfficeLevel::kState;
  std::string jurisdiction;       // the county (or "New York City") for seats local to it, else ""
  std::string party_from_office;  // "CON" for "C - Member of State Committee 1st CD", else ""
};

// Normalises one office. `district_raw` is the file's district cell ("" when the file has no
// district column); `county` is the row's county, title case, and becomes the jurisdiction of
// county-local seats. Rules, with every spelling recognised, are in docs/results.md "Offices":
//
//   NormalizeOffice("U.S. House 1st Congress", "1", "Suffolk")
//     -> {"U.S. House", "1", kFederal, "", ""}
//   NormalizeOffice("COUNTY COMMITTEE - TOWN OF CICERO DISTRICT 8", "", "Onondaga")
//     -> {"County Committee", "Town of Cicero District 8", kParty, "Onondaga", ""}
//   NormalizeOffice("C - Member of State Committee 1st CD", "1", "Suffolk")
//     -> {"State Committee", "1st CD", kParty, "", "CON"}
//
// An office no rule knows keeps its text (spaces collapsed, title case when it was all caps)
// and is treated as a local seat of `county`. Never fails. Thread-safe.
[[nodiscard]] NormalizedOffice NormalizeOffice(std::string_view office_raw,
                                               std::string_view district_raw,
                                               std::string_view county);

// "14th" -> "14", "07" -> "7", "53RD" -> "53"; "" for text that is not a plain or ordinal number.
[[nodiscard]] std::string PlainDistrictNumber(std::string_view text);

}  // namespace downballot::ingest
