// `map`: where the opportunities are, per state and per county: seats with a loaded primary,
// open seats and the best target score (the dashboard's map).
#pragma once

#include "absl/status/statusor.h"
#include "analysis/targeting_score.h"
#include "nlohmann/json.hpp"
#include "query/money_profile.h"
#include "query/params.h"
#include "query/table.h"
#include "store/database.h"

namespace downballot::query {

// Parameters: level, party (as `targets`).
[[nodiscard]] absl::StatusOr<analysis::TargetFilter> ParseMapRequest(const Params& params);

struct MapAnswer {
  // One row per state with targets: state, seats, open_seats (incumbency known and no incumbent
  // ran), best_score and the best seat's id; by state.
  Table states;
  // The same per county, for seats whose jurisdiction is a county the loaded FIPS table knows
  // (county committees, county offices): state, county, fips and the same counts.
  Table counties;
};

// From the ranked-target table when it is fresh for `coding`, else from every target ranked in
// memory (the same answer).
[[nodiscard]] absl::StatusOr<MapAnswer> AnswerMap(store::Database& db,
                                                  const analysis::TargetFilter& filter,
                                                  const Coding& coding);

// {"states": [...], "counties": [...]}.
[[nodiscard]] nlohmann::json ToJson(const MapAnswer& answer);

}  // namespace downballot::query
