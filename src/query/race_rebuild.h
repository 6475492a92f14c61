// The derived race tables rebuilt from the stored rows, state by state (docs/architecture.md
// "Data flow").
#pragma once

#include "absl/status/statusor.h"
#include "store/database.h"
#include "store/queries.h"

namespace downballot::query {

// Recomputes the races of the states whose results changed (every state after a county table
// or a migration): roll-up of results and MEDSL returns, incumbency, save. Returns what was
// rebuilt.
absl::StatusOr<store::StaleRaces> RebuildRaces(store::Database& db);

}  // namespace downballot::query
