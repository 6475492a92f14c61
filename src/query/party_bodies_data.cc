#include "query/party_bodies_data.h"

#include <map>
#include <set>
#include <utility>

#include "base/status_macros.h"
#include "base/strings.h"
#include "fmt/format.h"
#include "store/body_queries.h"
#include "store/queries.h"

namespace downballot::query {

absl::StatusOr<BodiesData> LoadPartyBodies(store::Database& db, const ingest::OfficeTable& offices,
                                           const BodiesRequest& request) {
  store::RaceFilter filter;
  filter.state = base::ToUpper(request.state);
  filter.level = model::OfficeLevel::kParty;
  BodiesData data;
  ASSIGN_OR_RETURN(data.party_races, store::ReadRaces(db, filter));
  const std::string party = base::ToUpper(request.party);

  std::vector<analysis::BodyRaces> groups;
  for (analysis::BodyRaces& group : analysis::GroupBodyRaces(data.party_races)) {
    if (!party.empty() && base::ToUpper(group.key.party) != party) continue;
    groups.push_back(std::move(group));
  }
  // Per state: where each race's rows sit, and the precinct lists of the counties of bodies
  // elected by precinct.
  std::map<std::string, std::set<std::string>> counties_of_state;
  for (const analysis::BodyRaces& group : groups) {
    counties_of_state[group.key.state];
    if (!group.key.area.empty()) counties_of_state[group.key.state].insert(group.key.area);
  }
  std::map<std::string, std::map<std::string, std::vector<std::string>>> precincts_of_state;
  std::map<std::string, std::vector<store::PrecinctList>> lists_of_state;
  for (const auto& [state, counties] : counties_of_state) {
    ASSIGN_OR_RETURN(precincts_of_state[state], store::ReadPartyRacePrecincts(db, state));
    const std::vector<std::string> names(counties.begin(), counties.end());
    ASSIGN_OR_RETURN(lists_of_state[state], store::ReadGeneralPrecinctLists(db, state, names));
  }

  for (const analysis::BodyRaces& group : groups) {
    model::PartyBodyRule rule;
    if (const model::PartyBodyRule* found =
            offices.BodyRule(group.key.state, group.key.area, group.key.body)) {
      rule = *found;
    } else {
      rule.body = group.key.body;
      rule.unit = model::BodyUnit::kDistrict;
      rule.source = "no bodies line names this body (config/offices/bodies.tsv, or --offices)";
      rule.location = "none";
    }
    std::optional<analysis::UnitList> list;
    std::vector<int> other_years;
    if (rule.unit == model::BodyUnit::kPrecinct && !group.key.area.empty()) {
      for (const store::PrecinctList& loaded : lists_of_state[group.key.state]) {
        if (base::ToLower(loaded.county) != base::ToLower(group.key.area)) continue;
        if (loaded.year != group.date.year) {
          other_years.push_back(loaded.year);
          continue;
        }
        list = analysis::UnitList{
            loaded.precincts,
            fmt::format("{}'s {} general-election precinct file(s) {}", loaded.county, loaded.year,
                        fmt::join(loaded.paths, ", "))};
      }
    }
    analysis::PartyBody body = analysis::CountPartyBody(
        group, rule, precincts_of_state[group.key.state], list ? &*list : nullptr);
    if (!list && !other_years.empty()) {
      body.notes.push_back(fmt::format(
          "{}'s general-election precincts are loaded for {} only, not for {}: election districts "
          "change, so they are not used",
          group.key.area, fmt::join(other_years, ", "), group.date.year));
    }
    data.bodies.push_back(std::move(body));
  }
  return data;
}

}  // namespace downballot::query
