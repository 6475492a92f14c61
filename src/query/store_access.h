// Opening the store for a question: read-write with fresh races (the CLI, the server's start),
// or read-only (the server's workers); and the user-editable inputs every front end loads the
// same way (office table files, plan coefficients).
#pragma once

#include <map>
#include <memory>
#include <span>
#include <string>

#include "absl/status/statusor.h"
#include "analysis/campaign_plan.h"
#include "ingest/office_table.h"
#include "store/database.h"

namespace downballot::query {

// Opens and migrates the store at `path`, which must exist: NotFound naming the `ingest` to run
// otherwise, since a mistyped --store would otherwise make a new, empty store that answers
// every question with nothing.
[[nodiscard]] absl::StatusOr<std::unique_ptr<store::Database>> OpenStore(const std::string& path);

// Opens (creating if needed) and migrates the store at `path`: for the commands that load data.
[[nodiscard]] absl::StatusOr<std::unique_ptr<store::Database>> OpenOrCreateStore(
    const std::string& path);

// OpenStore, then rebuilds the derived race tables if results changed since the last rebuild
// (or a previous rebuild was interrupted).
[[nodiscard]] absl::StatusOr<std::unique_ptr<store::Database>> OpenStoreWithFreshRaces(
    const std::string& path);

// Opens an existing store for reading only. NotFound when the file does not exist;
// FailedPrecondition when its schema is not this binary's (open it once read-write, e.g. with
// OpenStoreWithFreshRaces, to migrate it).
[[nodiscard]] absl::StatusOr<std::unique_ptr<store::Database>> OpenStoreReadOnly(
    const std::string& path);

// The built-in office table (config/offices/*.tsv), with the files at `paths` tried first
// (`--offices`). InvalidArgument naming file and line for a malformed file.
[[nodiscard]] absl::StatusOr<ingest::OfficeTable> LoadOfficeTable(
    std::span<const std::string> paths);

// PlanAssumptions{} overwritten by the `key = value` file at `path` (`--assumptions`; none when
// empty), then by `overrides` (`--set key=value`, the API's query parameters). Errors name the
// file or "override" and the key.
[[nodiscard]] absl::StatusOr<analysis::PlanAssumptions> LoadPlanAssumptions(
    const std::string& path, const std::map<std::string, std::string>& overrides = {});

}  // namespace downballot::query
