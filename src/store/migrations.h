// The store's versioned schema: migrations applied in order, tracked by PRAGMA user_version.
#pragma once

#include "absl/status/status.h"
#include "store/database.h"

namespace downballot::store {

// The schema version this build writes and reads.
inline constexpr int kSchemaVersion = 4;

// Brings `db` to kSchemaVersion, each migration in its own transaction. FailedPrecondition when
// the store was written by a newer downballot (its version is above kSchemaVersion).
absl::Status Migrate(Database& db);

}  // namespace downballot::store
