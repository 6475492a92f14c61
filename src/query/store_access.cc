#include "query/store_access.h"

#include <filesystem>
#include <utility>
#include <vector>

#include "base/file_system.h"
#include "base/key_value_config.h"
#include "base/status_macros.h"
#include "fmt/format.h"
#include "query/race_rebuild.h"
#include "store/migrations.h"
#include "store/queries.h"

namespace downballot::query {

absl::StatusOr<std::unique_ptr<store::Database>> OpenOrCreateStore(const std::string& path) {
  ASSIGN_OR_RETURN(auto db, store::Database::Open(path, {}));
  RETURN_IF_ERROR(store::Migrate(*db));
  return db;
}

absl::StatusOr<std::unique_ptr<store::Database>> OpenStore(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return absl::NotFoundError(fmt::format(
        "{}: no store here. Load data first (`downballot --store {} ingest --data DIR`), or give "
        "the store's path with --store FILE",
        path, path));
  }
  return OpenOrCreateStore(path);
}

absl::StatusOr<std::unique_ptr<store::Database>> OpenStoreWithFreshRaces(const std::string& path) {
  ASSIGN_OR_RETURN(auto db, OpenStore(path));
  ASSIGN_OR_RETURN(const bool is_stale, store::AreRacesStale(*db));
  if (is_stale) RETURN_IF_ERROR(RebuildRaces(*db).status());
  return db;
}

absl::StatusOr<std::unique_ptr<store::Database>> OpenStoreReadOnly(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return absl::NotFoundError(fmt::format(
        "{}: no store here. Load data first (`downballot --store {} ingest --data DIR`)", path,
        path));
  }
  store::DatabaseOptions options;
  options.is_read_only = true;
  ASSIGN_OR_RETURN(auto db, store::Database::Open(path, options));
  ASSIGN_OR_RETURN(auto statement, db->Prepare("PRAGMA user_version"));
  ASSIGN_OR_RETURN(const bool has_row, statement.Step());
  const int64_t version = has_row ? statement.ColumnInt(0) : 0;
  if (version != store::kSchemaVersion) {
    return absl::FailedPreconditionError(
        fmt::format("{}: store schema is version {}, this binary reads {}; open it once with a "
                    "command that writes (e.g. `downballot races`) to migrate it",
                    path, version, store::kSchemaVersion));
  }
  return db;
}

absl::StatusOr<ingest::OfficeTable> LoadOfficeTable(std::span<const std::string> paths) {
  std::vector<ingest::OfficeTable::Source> sources;
  for (const std::string& path : paths) {
    ASSIGN_OR_RETURN(std::string text, base::ReadFile(path));
    sources.push_back(ingest::OfficeTable::Source{path, std::move(text)});
  }
  for (const ingest::OfficeTable::Source& source : ingest::OfficeTable::DefaultSources()) {
    sources.push_back(source);
  }
  return ingest::OfficeTable::Parse(sources);
}

absl::StatusOr<analysis::PlanAssumptions> LoadPlanAssumptions(
    const std::string& path, const std::map<std::string, std::string>& overrides) {
  base::KeyValues values;
  if (!path.empty()) {
    ASSIGN_OR_RETURN(const std::string text, base::ReadFile(path));
    ASSIGN_OR_RETURN(values, base::ParseKeyValues(text, path));
  }
  for (const auto& [key, value] : overrides) values[key] = value;
  if (values.empty()) return analysis::PlanAssumptions{};
  const std::string source = overrides.empty() ? path
                             : path.empty()    ? std::string("assumptions")
                                               : path + " with the assumptions given";
  return analysis::PlanAssumptionsFromConfig(values, source);
}

}  // namespace downballot::query
