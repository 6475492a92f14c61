#include "ingest/us_states.h"

#include <array>

#include "base/strings.h"

namespace downballot::ingest {
namespace {

struct StateName {
  std::string_view code;
  std::string_view name;
};

// The 50 states and DC: every partisan-lean STATES file and the 2022 primary files spell these
// out; no FiveThirtyEight file here carries a territory.
constexpr std::array<StateName, 51> kStates = {{
    {"AL", "Alabama"},        {"AK", "Alaska"},         {"AZ", "Arizona"},
    {"AR", "Arkansas"},       {"CA", "California"},     {"CO", "Colorado"},
    {"CT", "Connecticut"},    {"DE", "Delaware"},       {"DC", "District of Columbia"},
    {"FL", "Florida"},        {"GA", "Georgia"},        {"HI", "Hawaii"},
    {"ID", "Idaho"},          {"IL", "Illinois"},       {"IN", "Indiana"},
    {"IA", "Iowa"},           {"KS", "Kansas"},         {"KY", "Kentucky"},
    {"LA", "Louisiana"},      {"ME", "Maine"},          {"MD", "Maryland"},
    {"MA", "Massachusetts"},  {"MI", "Michigan"},       {"MN", "Minnesota"},
    {"MS", "Mississippi"},    {"MO", "Missouri"},       {"MT", "Montana"},
    {"NE", "Nebraska"},       {"NV", "Nevada"},         {"NH", "New Hampshire"},
    {"NJ", "New Jersey"},     {"NM", "New Mexico"},     {"NY", "New York"},
    {"NC", "North Carolina"}, {"ND", "North Dakota"},   {"OH", "Ohio"},
    {"OK", "Oklahoma"},       {"OR", "Oregon"},         {"PA", "Pennsylvania"},
    {"RI", "Rhode Island"},   {"SC", "South Carolina"}, {"SD", "South Dakota"},
    {"TN", "Tennessee"},      {"TX", "Texas"},          {"UT", "Utah"},
    {"VT", "Vermont"},        {"VA", "Virginia"},       {"WA", "Washington"},
    {"WV", "West Virginia"},  {"WI", "Wisconsin"},      {"WY", "Wyoming"},
}};

// Montana had one at-large seat from the 1990 apportionment until the 2020 apportionment gave
// it two, first used in the 2022 elections (FiveThirtyEight's "2021" lean file still has the
// old lines).
constexpr int kFirstYearMontanaHasTwoSeats = 2022;

}  // namespace

std::optional<std::string> StatePostalCode(std::string_view name_or_code) {
  const std::string wanted = base::CollapseSpaces(name_or_code);
  for (const StateName& state : kStates) {
    if (base::EqualsIgnoreCase(wanted, state.code) || base::EqualsIgnoreCase(wanted, state.name)) {
      return std::string(state.code);
    }
  }
  return std::nullopt;
}

bool HasOneAtLargeSeat(std::string_view code, int year) {
  for (std::string_view at_large : {"AK", "DE", "ND", "SD", "VT", "WY"}) {
    if (code == at_large) return true;
  }
  return code == "MT" && year < kFirstYearMontanaHasTwoSeats;
}

std::vector<std::string_view> StateNames() {
  std::vector<std::string_view> names;
  for (const StateName& state : kStates) names.push_back(state.name);
  return names;
}

}  // namespace downballot::ingest
