// `map`: where the opportunities are, per state: seats with a loaded primary, open seats and
// the best target score (the dashboard's map).
#pragma once

#include "absl/status/statusor.h"
#include "analysis/targeting_score.h"
#include "query/money_profile.h"
#include "query/params.h"
#include "query/table.h"
#include "store/database.h"

namespace downballot::query {

// Parameters: level, party (as `targets`).
[[nodiscard]] absl::StatusOr<analysis::TargetFilter> ParseMapRequest(const Params& params);

// One row per state with targets: state, seats, open_seats (incumbency known and no incumbent
// ran), best_score and the best seat's id; by state.
[[nodiscard]] absl::StatusOr<Table> AnswerMap(store::Database& db,
                                              const analysis::TargetFilter& filter,
                                              const Coding& coding);

}  // namespace downballot::query
