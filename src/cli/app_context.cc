#include "cli/app_context.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/county_directory.h"
#include "analysis/general_contests.h"
#include "analysis/incumbency.h"
#include "analysis/race_rollup.h"
#include "base/file_system.h"
#include "base/key_value_config.h"
#include "base/status_macros.h"
#include "fmt/format.h"
#include "store/candidacy_queries.h"
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

absl::StatusOr<analysis::PlanAssumptions> LoadPlanAssumptions(const std::string& path) {
  if (path.empty()) return analysis::PlanAssumptions{};
  ASSIGN_OR_RETURN(const std::string text, base::ReadFile(path));
  ASSIGN_OR_RETURN(const base::KeyValues values, base::ParseKeyValues(text, path));
  return analysis::PlanAssumptionsFromConfig(values, path);
}

namespace {

// Rebuilds the races of `state`, or of every state: results and MEDSL returns go through one
// roll-up, with counties keyed by the loaded FIPS table. Seats, spans and incumbents never cross
// a state line, so one state's rebuild is the same as the full one's for that state.
absl::Status RebuildState(store::Database& db, std::span<const model::County> counties,
                          const std::optional<std::string>& state) {
  ASSIGN_OR_RETURN(std::vector<model::VoteTally> tallies, store::ReadVoteTallies(db, state));
  ASSIGN_OR_RETURN(const std::vector<store::StoredGeneralReturns> medsl,
                   store::ReadGeneralReturns(db, std::nullopt, state.value_or("")));
  for (const store::StoredGeneralReturns& file : medsl) {
    for (model::VoteTally& tally :
         analysis::TalliesFromGeneralReturns(file.returns, file.file_id, file.source_path)) {
      tallies.push_back(std::move(tally));
    }
  }
  const analysis::CountyDirectory directory(counties);
  for (model::VoteTally& tally : tallies) {
    tally.county_key = directory.Key(tally.race.seat.state, tally.county);
  }
  analysis::RollupOptions options;
  for (const model::County& county : counties) {
    options.counties_by_state[county.state].insert(county.fips);
  }
  analysis::RollupResult rollup = analysis::RollUpRaces(tallies, options);
  analysis::ApplyIncumbency(rollup.races);
  return store::SaveRaces(db, store::RaceSet{rollup.races, rollup.mismatches, rollup.near_matches},
                          state);
}

}  // namespace

absl::StatusOr<store::StaleRaces> RebuildRaces(store::Database& db) {
  ASSIGN_OR_RETURN(const store::StaleRaces stale, store::ReadStaleRaces(db));
  ASSIGN_OR_RETURN(const std::vector<model::County> counties, store::ReadCounties(db));
  if (stale.is_all) {
    RETURN_IF_ERROR(RebuildState(db, counties, std::nullopt));
    return stale;
  }
  for (const std::string& state : stale.states) {
    RETURN_IF_ERROR(RebuildState(db, counties, state));
  }
  return stale;
}

absl::StatusOr<std::unique_ptr<store::Database>> OpenStoreWithFreshRaces(
    const AppContext& context) {
  ASSIGN_OR_RETURN(auto db, OpenStore(context));
  ASSIGN_OR_RETURN(const bool is_stale, store::AreRacesStale(*db));
  if (is_stale) RETURN_IF_ERROR(RebuildRaces(*db).status());
  return db;
}

}  // namespace downballot::cli
