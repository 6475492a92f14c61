#include "store/body_queries.h"

#include <algorithm>
#include <string>
#include <utility>

#include "base/status_macros.h"
#include "base/strings.h"
#include "fmt/format.h"
#include "model/election_stage.h"
#include "model/geography_level.h"
#include "model/race.h"
#include "model/row_kind.h"

namespace downballot::store {
namespace {

void SortUnique(std::vector<std::string>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

}  // namespace

absl::StatusOr<std::map<std::string, std::vector<std::string>>> ReadPartyRacePrecincts(
    Database& db, std::string_view state) {
  ASSIGN_OR_RETURN(
      auto query,
      db.Prepare("SELECT t.election_date, t.stage, t.race_party, t.office, t.district, "
                 "t.jurisdiction, r.precinct FROM result_tally t "
                 "JOIN result_row r ON r.tally_id = t.id "
                 "WHERE t.state = ?1 AND t.body <> '' AND t.geography = ?2 "
                 "AND t.kind NOT IN (?3, ?4) AND r.precinct <> '' "
                 "GROUP BY t.election_date, t.stage, t.race_party, t.office, t.district, "
                 "t.jurisdiction, r.precinct"));
  RETURN_IF_ERROR(query.Bind(1, state));
  RETURN_IF_ERROR(query.Bind(2, model::ToString(model::GeographyLevel::kPrecinct)));
  RETURN_IF_ERROR(query.Bind(3, model::ToString(model::RowKind::kRepeat)));
  RETURN_IF_ERROR(query.Bind(4, model::ToString(model::RowKind::kTotalVotes)));
  std::map<std::string, std::vector<std::string>> precincts_of_race;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, query.Step());
    if (!has_row) break;
    model::RaceKey key;
    key.seat.state = std::string(state);
    ASSIGN_OR_RETURN(key.date, base::ParseDate(query.ColumnText(0)));
    const auto stage = model::ParseElectionStage(query.ColumnText(1));
    if (!stage) {
      return absl::DataLossError(
          fmt::format("result_tally holds an unknown stage '{}'", query.ColumnText(1)));
    }
    key.stage = *stage;
    key.party = query.ColumnText(2);
    key.seat.office = query.ColumnText(3);
    key.seat.district = query.ColumnText(4);
    key.seat.jurisdiction = query.ColumnText(5);
    precincts_of_race[model::MakeRaceId(key)].push_back(query.ColumnText(6));
  }
  for (auto& [race_id, precincts] : precincts_of_race) SortUnique(precincts);
  return precincts_of_race;
}

absl::StatusOr<std::vector<PrecinctList>> ReadGeneralPrecinctLists(
    Database& db, std::string_view state, std::span<const std::string> counties) {
  if (counties.empty()) return std::vector<PrecinctList>{};
  constexpr int kFirstCounty = 6;              // the parameter of the first county
  std::vector<std::string> county_parameters;  // "?6", "?7", ...: one bound parameter per county
  for (size_t idx = 0; idx < counties.size(); ++idx) {
    county_parameters.push_back(fmt::format("?{}", idx + kFirstCounty));
  }
  ASSIGN_OR_RETURN(
      auto query,
      db.Prepare(fmt::format(
          "SELECT t.county, CAST(substr(t.election_date, 1, 4) AS INTEGER), f.path, r.precinct "
          "FROM result_tally t JOIN result_row r ON r.tally_id = t.id "
          "JOIN source_file f ON f.id = t.file_id "
          "WHERE t.state = ?1 AND t.stage = ?2 AND t.geography = ?3 AND t.kind NOT IN (?4, ?5) "
          "AND r.precinct <> '' AND t.county IN ({}) "
          "GROUP BY 1, 2, 3, 4",
          fmt::join(county_parameters, ", "))));
  RETURN_IF_ERROR(query.Bind(1, state));
  RETURN_IF_ERROR(query.Bind(2, model::ToString(model::ElectionStage::kGeneral)));
  RETURN_IF_ERROR(query.Bind(3, model::ToString(model::GeographyLevel::kPrecinct)));
  RETURN_IF_ERROR(query.Bind(4, model::ToString(model::RowKind::kRepeat)));
  RETURN_IF_ERROR(query.Bind(5, model::ToString(model::RowKind::kTotalVotes)));
  for (size_t idx = 0; idx < counties.size(); ++idx) {
    RETURN_IF_ERROR(query.Bind(static_cast<int>(idx) + kFirstCounty, counties[idx]));
  }
  std::map<std::pair<std::string, int>, PrecinctList> lists;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, query.Step());
    if (!has_row) break;
    const int year = static_cast<int>(query.ColumnInt(1));
    PrecinctList& list = lists[{query.ColumnText(0), year}];
    list.county = query.ColumnText(0);
    list.year = year;
    list.paths.push_back(query.ColumnText(2));
    list.precincts.push_back(query.ColumnText(3));
  }
  std::vector<PrecinctList> result;
  for (auto& [key, list] : lists) {
    SortUnique(list.paths);
    SortUnique(list.precincts);
    result.push_back(std::move(list));
  }
  return result;
}

}  // namespace downballot::store
