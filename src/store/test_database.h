// Test-only helper for the store tests: an in-memory store at the current schema version.
#pragma once

#include <memory>
#include <utility>

#include "gtest/gtest.h"
#include "store/database.h"
#include "store/migrations.h"

namespace downballot::store::testing {

// A fresh ":memory:" database with every migration applied; a failure is reported to gtest.
inline std::unique_ptr<Database> OpenMigrated() {
  auto db = Database::Open(":memory:", {});
  EXPECT_TRUE(db.ok()) << db.status();
  EXPECT_TRUE(Migrate(**db).ok());
  return std::move(*db);
}

}  // namespace downballot::store::testing
