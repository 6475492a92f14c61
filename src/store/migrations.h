// The store's versioned schema: migrations applied in order, tracked by PRAGMA user_version.
#pragma once

#include "absl/status/status.h"
#include "store/database.h"

namespace downballot::store {

// The schema version this build writes and reads.
inline constexpr int kSchemaVersion = 9;

// Brings `db` to `target_version`, each migration in its own transaction; a store already there
// or past it is left alone. Only tests pass a `target_version` below kSchemaVersion, to build a
// store as an older downballot left it. FailedPrecondition when the store was written by a newer
// downballot (its version is above kSchemaVersion).
absl::Status Migrate(Database& db, int target_version = kSchemaVersion);

}  // namespace downballot::store
