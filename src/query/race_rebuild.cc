#include "query/race_rebuild.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/county_directory.h"
#include "analysis/general_contests.h"
#include "analysis/incumbency.h"
#include "analysis/race_rollup.h"
#include "base/status_macros.h"
#include "store/candidacy_queries.h"

namespace downballot::query {

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

}  // namespace downballot::query
