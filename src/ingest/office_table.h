// The office table: rules, kept in config/offices/*.tsv, that turn the office strings of results
// files into seats (office, level, district, jurisdiction, members elected), state by state.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "ingest/office_words.h"
#include "model/office_level.h"
#include "model/party_body.h"

namespace downballot::ingest {

// How a seat's district is read from the office text and the file's district cell.
// docs/results.md "Offices" gives an example of each.
enum class DistrictRule {
  kNone,         // no district, whatever the cell says (Richmond writes "NYC" on President rows)
  kNumber,       // the cell's number ("07" -> 7, "124.0" -> 124, "District 14" -> 14), else a
                 // number in the text ("State Senate - 53RD DISTRICT", "PRECINCT 101"), else the
                 // cell as written
  kTextNumber,   // a number in the text, else the cell: the text names the seat and the cell
                 // something else (Suffolk's town code on "District Court Judge 4th District")
  kCell,         // the cell as written ("46023"), else the text after the rule's first phrase,
                 // made readable ("COUNTY COMMITTEE - TOWN OF CICERO DISTRICT 8" -> "Town of
                 // Cicero District 8")
  kSeat,         // "Branch 8", "Place 3", "Seat 2", "Position 4", "Post 1" in the text, else the
                 // cell as written (Georgia's judicial circuit or incumbent), else a number
  kAssembly,     // the Assembly district in the text ("129TH ASSEMBLY DISTRICT"), else the cell
  kUnit,         // the cell with the kind of district the text names: "1st CD", "8th AD"
  kPlace,        // the town, city or village in the text ("Town of Huntington"), else the cell,
                 // else a number in the text
  kSenateClass,  // the U.S. Senate class the election fills: "Class 1" (senate_classes.tsv)
};

// Which voters elect the seat, and so which rows of which counties are one race.
enum class SeatScope {
  kStatewide,    // one seat for the whole state; jurisdiction ""
  kDistrict,     // districts numbered statewide (House, legislature); jurisdiction ""
  kCounty,       // local to the row's county; jurisdiction = the county
  kCity,         // local to the city the county belongs to (cities.tsv), else to the county
  kNamedCounty,  // local to the county the text names ("Dane County Circuit Court"), else to
                 // the row's county
};

// One word position of a phrase: any of `alternatives`, each whole or, ending in '*', a prefix.
struct WordPattern {
  std::vector<std::pair<std::string, bool>> alternatives;  // (text, is_prefix)
};

// A term of a rule's `match` column: a phrase that must appear (`county committee`), appear
// first (`^governor`) or be absent (`!lieutenant`).
struct MatchTerm {
  enum class Kind { kContains, kStartsWith, kAbsent };
  Kind kind = Kind::kContains;
  std::vector<WordPattern> phrase;
};

// The most members one race may elect, from a rule or a "vote for N": New York City's largest
// County Committee districts elect a few dozen; a larger count is a misread number.
inline constexpr int kMaxSeatsPerRace = 1000;

struct OfficeRule {
  std::string state;  // two-letter code; "" for a rule of every state ("*" in the file)
  std::vector<MatchTerm> terms;
  std::string office;  // canonical name; "{gender}" and "{text}" are filled in
  model::OfficeLevel level = model::OfficeLevel::kOther;
  DistrictRule district = DistrictRule::kNone;
  SeatScope scope = SeatScope::kStatewide;
  int seats = 0;     // members one race elects when the file does not say; 0 = it varies
  std::string body;  // the party body a party seat sits on ("County Committee"), else ""
  std::string source;
  std::string location;  // "offices.tsv:42": where the rule is written

  // Where the first term's phrase ends in `words` (kCell reads the text after it), or
  // OfficeWords::kNotFound when the rule does not match.
  [[nodiscard]] size_t MatchEnd(const OfficeWords& words) const;
};

// The rules and the small state tables beside them. Thread-safe once built.
class OfficeTable {
 public:
  // One file of the table: its name (for messages and rule locations) and its text.
  struct Source {
    std::string name;
    std::string text;
  };

  // Parses `sources`, tab-separated files with '#' comments and a header line that says what
  // each holds:
  //   state match office level district scope seats body source   office rules
  //   state prefix party source                                  party letters before offices
  //   state city counties source                                 cities spanning counties
  //   state classes source                                       U.S. Senate classes
  //   state primary since until source                           all-party (top-two) primaries
  //   state county body unit members source                      party bodies (bodies.tsv)
  // docs/results.md "Offices" describes every column; only office rules take state "*". Earlier
  // sources win: a state's rules are tried before the rules of every state ("*"), each in the
  // order given; a state's Senate classes and primary systems come from the first source that
  // lists the state, and its party letters and cities from the first line naming each. Returns
  // InvalidArgument "<name>:<line>: <what is wrong>" for a malformed file.
  [[nodiscard]] static absl::StatusOr<OfficeTable> Parse(std::span<const Source> sources);

  // The table compiled from the project's config/offices/*.tsv.
  [[nodiscard]] static const OfficeTable& Default();
  // The text of the project's config/offices/*.tsv as of the build, in file-name order.
  [[nodiscard]] static std::span<const Source> DefaultSources();

  // The first rule for `state` (postal code) that matches `words`: the state's own rules, then
  // those of every state. nullptr when none matches. Sets `match_end` to the rule's MatchEnd.
  [[nodiscard]] const OfficeRule* Match(std::string_view state, const OfficeWords& words,
                                        size_t& match_end) const;

  // The party code a one-letter office prefix stands for in `state` ("C - Member of State
  // Committee" in NY: "CON"); "" when the state has no such prefix.
  [[nodiscard]] std::string PartyOfPrefix(std::string_view state, char letter) const;

  // The city a county belongs to for city-wide seats (NY: Kings -> "New York City"), else "".
  [[nodiscard]] std::string CityOf(std::string_view state, std::string_view county) const;

  // The U.S. Senate class (1, 2 or 3) an election in `state` and `year` fills: the class up
  // that year when the state has it; for a special election, the state's other class. 0 when
  // the table does not say or the year leaves it ambiguous.
  [[nodiscard]] int SenateClass(std::string_view state, int year, bool is_special) const;
  // The district of that U.S. Senate seat as races name it: "Class 1"; "" when SenateClass is 0.
  [[nodiscard]] std::string SenateSeat(std::string_view state, int year, bool is_special) const;

  // True when `state`'s primary in `year` puts every party's candidates in one contest
  // (California's and Washington's top-two): its partisan races belong to no party.
  [[nodiscard]] bool IsAllPartyPrimary(std::string_view state, int year) const;

  // The line that sizes `body` in `state` and `county` (a county's own line, then the state's,
  // then every state's; the first source's among equals); nullptr when no line names it.
  [[nodiscard]] const model::PartyBodyRule* BodyRule(std::string_view state,
                                                     std::string_view county,
                                                     std::string_view body) const;

  [[nodiscard]] const std::vector<OfficeRule>& rules() const { return rules_; }

 private:
  std::vector<OfficeRule> rules_;
  std::map<std::string, std::vector<size_t>, std::less<>> rules_of_state_;  // "" = every state
  std::map<std::pair<std::string, char>, std::string> prefixes_;
  std::map<std::pair<std::string, std::string>, std::string> cities_;  // (state, county key)
  std::map<std::string, std::set<int>, std::less<>> senate_classes_;
  std::map<std::string, std::vector<std::pair<int, int>>, std::less<>> all_party_primaries_;
  std::vector<model::PartyBodyRule> body_rules_;  // in source order
};

}  // namespace downballot::ingest
