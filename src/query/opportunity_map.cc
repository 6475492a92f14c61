#include "query/opportunity_map.h"

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "analysis/county_directory.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "query/targets.h"
#include "store/queries.h"
#include "store/target_table.h"

namespace downballot::query {
namespace {

// Seats, open seats and the best seat of each state or each (state, jurisdiction), from every
// target in rank order: what the table's aggregate reads, computed in memory.
std::vector<store::TargetArea> AreasInMemory(const std::vector<RankedTarget>& targets,
                                             bool by_jurisdiction) {
  std::map<std::pair<std::string, std::string>, store::TargetArea> areas;
  for (const RankedTarget& entry : targets) {
    const analysis::Target& target = entry.target;
    const std::string state = base::ToUpper(target.seat.state);
    const std::string jurisdiction = by_jurisdiction ? target.seat.jurisdiction : "";
    store::TargetArea& area = areas[{state, jurisdiction}];
    if (area.seats == 0) {
      area = {state, jurisdiction, 0, 0, target.score, target.seat_id};
    }
    ++area.seats;
    if (IsOpenSeat(target)) ++area.open_seats;
  }
  std::vector<store::TargetArea> out;
  for (auto& [key, area] : areas) out.push_back(std::move(area));
  return out;
}

}  // namespace

absl::StatusOr<analysis::TargetFilter> ParseMapRequest(const Params& params) {
  RETURN_IF_ERROR(params.CheckNames({"level", "party"}));
  ASSIGN_OR_RETURN(const TargetsRequest request, ParseTargetsRequest(params));
  return request.filter;
}

absl::StatusOr<MapAnswer> AnswerMap(store::Database& db, const analysis::TargetFilter& filter,
                                    const Coding& coding) {
  std::vector<store::TargetArea> states;
  std::vector<store::TargetArea> jurisdictions;
  ASSIGN_OR_RETURN(const std::string built_for, store::ReadTargetsBuiltFor(db));
  if (!built_for.empty() && built_for == coding.fingerprint) {
    const store::TargetPageRequest table_filter = TargetTableFilter(filter, false);
    ASSIGN_OR_RETURN(states, store::ReadTargetAreas(db, table_filter, false));
    ASSIGN_OR_RETURN(jurisdictions, store::ReadTargetAreas(db, table_filter, true));
  } else {
    TargetsRequest request;
    request.filter = filter;
    request.limit = 0;
    ASSIGN_OR_RETURN(const TargetsAnswer all, AnswerTargets(db, request, coding));
    states = AreasInMemory(all.targets, false);
    jurisdictions = AreasInMemory(all.targets, true);
  }
  MapAnswer answer;
  answer.states.columns = {"state", "seats", "open_seats", "best_score", "best_seat_id"};
  for (const store::TargetArea& area : states) {
    answer.states.rows.push_back(
        {area.state, area.seats, area.open_seats, area.best_score, area.best_seat_id});
  }
  ASSIGN_OR_RETURN(const std::vector<model::County> counties, store::ReadCounties(db));
  const analysis::CountyDirectory directory(counties);
  answer.counties.columns = {"state",      "county",     "fips",        "seats",
                             "open_seats", "best_score", "best_seat_id"};
  // Spellings of one county ("Monroe", "Monroe County") are one county on the map.
  std::map<std::string, store::TargetArea> by_fips;
  for (const store::TargetArea& area : jurisdictions) {
    if (area.jurisdiction.empty() || !directory.IsKnown(area.state, area.jurisdiction)) continue;
    const std::string fips = directory.Key(area.state, area.jurisdiction);
    const auto [found, is_new] = by_fips.emplace(fips, area);
    if (is_new) continue;
    store::TargetArea& county = found->second;
    county.seats += area.seats;
    county.open_seats += area.open_seats;
    if (area.best_score > county.best_score) {
      county.best_score = area.best_score;
      county.best_seat_id = area.best_seat_id;
    }
  }
  for (const auto& [fips, area] : by_fips) {
    answer.counties.rows.push_back({area.state, area.jurisdiction, fips, area.seats,
                                    area.open_seats, area.best_score, area.best_seat_id});
  }
  return answer;
}

nlohmann::json ToJson(const MapAnswer& answer) {
  return {{"states", ToJson(answer.states)}, {"counties", ToJson(answer.counties)}};
}

}  // namespace downballot::query
