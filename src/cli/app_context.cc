#include "cli/app_context.h"

#include "analysis/incumbency.h"
#include "analysis/race_rollup.h"
#include "base/status_macros.h"
#include "fmt/format.h"
#include "store/migrations.h"
#include "store/queries.h"

namespace downballot::cli {

absl::StatusOr<OutputFormat> AppContext::format() const {
  if (format_text.empty()) return DefaultOutputFormat();
  const auto parsed = ParseOutputFormat(format_text);
  if (!parsed) {
    return absl::InvalidArgumentError(
        fmt::format("--format must be table, csv or json, got '{}'", format_text));
  }
  return *parsed;
}

absl::StatusOr<std::unique_ptr<store::Database>> OpenStore(const AppContext& context) {
  ASSIGN_OR_RETURN(auto db, store::Database::Open(context.store_path, {}));
  RETURN_IF_ERROR(store::Migrate(*db));
  return db;
}

absl::Status RebuildRaces(store::Database& db) {
  ASSIGN_OR_RETURN(const std::vector<model::VoteTally> tallies, store::ReadVoteTallies(db));
  analysis::RollupResult rollup = analysis::RollUpRaces(tallies);
  analysis::ApplyIncumbency(rollup.races);
  return store::SaveRaces(db, rollup.races, rollup.mismatches);
}

absl::StatusOr<std::unique_ptr<store::Database>> OpenStoreWithFreshRaces(
    const AppContext& context) {
  ASSIGN_OR_RETURN(auto db, OpenStore(context));
  ASSIGN_OR_RETURN(const bool is_stale, store::AreRacesStale(*db));
  if (is_stale) RETURN_IF_ERROR(RebuildRaces(*db));
  return db;
}

}  // namespace downballot::cli
