// Turns the office text of results files into one seat: office, district, level, jurisdiction
// and how many it elects, by the rules of the office table (config/offices/).
#pragma once

#include <string>
#include <string_view>

#include "ingest/office_table.h"
#include "model/office_level.h"

namespace downballot::ingest {

// The seat an office text names. Two rows fill the same seat when office, district and
// jurisdiction are equal (model::SeatKey), whichever spelling their files use.
struct NormalizedOffice {
  std::string office;    // canonical name: "U.S. House", "County Committee (Female)"; "" for
                         // a turnout label in the office column ("Ballots Cast")
  std::string district;  // "14", "1st CD", "Town of Cicero District 8", "Class 1", ""
  model::OfficeLevel level = model::OfficeLevel::kOther;
  std::string jurisdiction;         // the county (or city) for seats local to it, else ""
  std::string party_from_office;    // "CON" for NY's "C - Member of State Committee 1st CD",
                                    // "REP" for NC's "NC STATE SENATE DISTRICT 42 (REP)", else ""
  int seats = 0;                    // members elected: "vote for N" in the text, else the rule's
                                    // figure; 0 when neither says
  bool is_seats_from_data = false;  // the text said "vote for N"
  std::string rule;  // where the matching rule is written ("offices.tsv:42"); "" when none did
  std::string body;  // the party body of a party seat ("County Committee"), else ""
  bool is_statewide = false;  // the whole state elects it (rule scope statewide; an at-large seat)
};

// Where an office text was found: the state and year of its file and the row's county.
struct OfficeContext {
  std::string_view state;  // postal code, "NY"
  int year = 0;
  bool is_special = false;  // a special election (the file name or the returns say so)
  std::string_view county;  // the row's county, title case; the jurisdiction of local seats
};

// Normalises one office by the first rule of `table` that matches it (the state's rules, then
// every state's). `district_raw` is the file's district cell ("" when the file has none).
// Before matching, a one-letter party prefix the state's table knows ("C - ") and a trailing
// party in parentheses ("(REP)") become `party_from_office`, and "vote for N" becomes `seats`.
// Rules, with every spelling recognised, are in docs/results.md "Offices":
//
//   NormalizeOffice(table, {"NY", 2018, false, "Suffolk"}, "U.S. House 1st Congress", "1")
//     -> {"U.S. House", "1", kFederal, "", "", 1}
//   NormalizeOffice(table, {"NY", 2018, false, "Onondaga"},
//                   "COUNTY COMMITTEE - TOWN OF CICERO DISTRICT 8", "")
//     -> {"County Committee", "Town of Cicero District 8", kParty, "Onondaga", "", 2}
//
// An office no rule matches keeps its text (spaces collapsed, title case when it was all caps),
// gets level kOther and an empty `rule`, and is local to `county`: `check` lists such offices.
// Never fails. Thread-safe.
[[nodiscard]] NormalizedOffice NormalizeOffice(const OfficeTable& table,
                                               const OfficeContext& context,
                                               std::string_view office_raw,
                                               std::string_view district_raw);

// "14th" -> "14", "07" -> "7", "53RD" -> "53", "124.0" -> "124"; "" for text that is not a
// plain, ordinal or whole float number.
[[nodiscard]] std::string PlainDistrictNumber(std::string_view text);

}  // namespace downballot::ingest
