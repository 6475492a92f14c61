// What every command shares: the store path, the output format, and opening the store.
#pragma once

#include <memory>
#include <span>
#include <string>

#include "absl/status/statusor.h"
#include "analysis/campaign_plan.h"
#include "cli/output.h"
#include "ingest/office_table.h"
#include "store/database.h"
#include "store/queries.h"

namespace downballot::cli {

struct AppContext {
  std::string store_path = "downballot.db";
  std::string format_text;  // as given by --format; empty = DefaultOutputFormat()

  // The requested format; InvalidArgument for an unknown name.
  [[nodiscard]] absl::StatusOr<OutputFormat> format() const;
};

// The built-in office table (config/offices/*.tsv), with the files at `paths` tried first
// (`--offices`). InvalidArgument naming file and line for a malformed file.
[[nodiscard]] absl::StatusOr<ingest::OfficeTable> LoadOfficeTable(
    std::span<const std::string> paths);

// PlanAssumptions{} overwritten by the `key = value` file at `path` (`--assumptions`); the
// defaults when `path` is empty. Errors name the file and key.
[[nodiscard]] absl::StatusOr<analysis::PlanAssumptions> LoadPlanAssumptions(
    const std::string& path);

// Opens (creating if needed) and migrates the store.
[[nodiscard]] absl::StatusOr<std::unique_ptr<store::Database>> OpenStore(const AppContext& context);

// Opens the store and rebuilds the derived race tables if results changed since the last
// rebuild (or a previous rebuild was interrupted).
[[nodiscard]] absl::StatusOr<std::unique_ptr<store::Database>> OpenStoreWithFreshRaces(
    const AppContext& context);

// Recomputes the races of the states whose results changed (every state after a county table
// or a migration): roll-up of results and MEDSL returns, incumbency, save. Returns what was
// rebuilt.
absl::StatusOr<store::StaleRaces> RebuildRaces(store::Database& db);

}  // namespace downballot::cli
