// Party bodies: the party seats that sit together (a county committee of a party in a county, a
// state committee), and the rules that say how many members a body's units elect.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace downballot::model {

// What a body's members are elected by, and so where the full count of its units can come from.
enum class BodyUnit {
  kPrecinct,  // an election district or precinct: every one a county's general-election
              // precinct files list is a unit, contested at the primary or not
  kDistrict,  // a larger district (Assembly district, congressional district): no list is
              // loaded, so only the units with a primary are known
};
// "precinct", "district".
[[nodiscard]] std::string_view ToString(BodyUnit unit);
[[nodiscard]] std::optional<BodyUnit> ParseBodyUnit(std::string_view text);

// One line of config/offices/bodies.tsv: how a party body of a state (or one county) is built.
struct PartyBodyRule {
  std::string state;   // two-letter code; "" for every state ("*" in the file)
  std::string county;  // a county whose party rules differ; "" for every county
  std::string body;    // "County Committee"; the office table's `body` column names it
  BodyUnit unit = BodyUnit::kPrecinct;
  int members_per_unit = 0;  // members each unit elects; 0 when the party's rules vary
  std::string source;        // where the figure comes from
  std::string location;      // "bodies.tsv:12": where the rule is written
};

// Identifies a body: one party's body of one name in one area.
struct BodyKey {
  std::string state;  // "NY"
  std::string party;  // "DEM"
  std::string body;   // "County Committee"
  std::string area;   // the county (or city) of a local body; "" for a statewide body

  auto operator<=>(const BodyKey&) const = default;
};

// "ny.dem.kings.county-committee": readable, stable, typed by users.
[[nodiscard]] std::string MakeBodyId(const BodyKey& key);

}  // namespace downballot::model
