// Reads the store into plain model structs, and writes the derived race tables back.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "model/county.h"
#include "model/ingest_report.h"
#include "model/office_level.h"
#include "model/race.h"
#include "model/vote_tally.h"
#include "store/database.h"

namespace downballot::store {

// Results votes summed per file, race, county, level of geography, kind, candidate and party
// line (source "openelections", county_key unset), of one state or, with nullopt, of all.
[[nodiscard]] absl::StatusOr<std::vector<model::VoteTally>> ReadVoteTallies(
    Database& db, const std::optional<std::string>& state);

// Every county of the loaded FIPS tables, in load order.
[[nodiscard]] absl::StatusOr<std::vector<model::County>> ReadCounties(Database& db);

// What a rebuild derives: races and the findings about them.
struct RaceSet {
  std::span<const model::Race> races;
  std::span<const model::ReconciliationMismatch> mismatches;
  std::span<const model::NearMatch> near_matches;
};

// Replaces the derived races (with candidates, lines, set-aside counties, sub-tabulations,
// mismatches and near matches) of `state`, or of every state with nullopt, by `set` in one
// transaction, and marks them fresh: that state's stale mark, or every mark.
absl::Status SaveRaces(Database& db, const RaceSet& set, const std::optional<std::string>& state);

// Which races need rebuilding: every one (`is_all`: a county table loaded, a migration, an
// interrupted full rebuild) or those of `states`, whose results changed.
struct StaleRaces {
  bool is_all = false;
  std::vector<std::string> states;
};
// Which races need a rebuild, from the store's stale marks (a results or MEDSL load marks its
// state in its own transaction; a migration marks every state). Errors: the store's.
[[nodiscard]] absl::StatusOr<StaleRaces> ReadStaleRaces(Database& db);

// True when results changed since the races were last rebuilt.
[[nodiscard]] absl::StatusOr<bool> AreRacesStale(Database& db);

// Every field is optional; text fields match exactly, ignoring case, except `office`, which
// matches any office containing the text.
struct RaceFilter {
  std::string state;
  std::string office;
  std::string district;
  std::string date;  // ISO "2018-06-26"
  std::string stage;
  std::string party;
  std::string seat_id;
  std::optional<model::OfficeLevel> level;
};

// Races with their candidates and party lines, ordered by date then id.
[[nodiscard]] absl::StatusOr<std::vector<model::Race>> ReadRaces(Database& db,
                                                                 const RaceFilter& filter);
// NotFound "no race 'ID'" when absent.
[[nodiscard]] absl::StatusOr<model::Race> ReadRace(Database& db, const std::string& race_id);

// Up to `limit` race ids that start with `prefix`, in order (an index range scan).
[[nodiscard]] absl::StatusOr<std::vector<std::string>> ReadRaceIdsWithPrefix(
    Database& db, std::string_view prefix, int64_t limit);

// Mismatches of `race_id`, or of every race with "".
[[nodiscard]] absl::StatusOr<std::vector<model::ReconciliationMismatch>> ReadMismatches(
    Database& db, const std::string& race_id);

// Every near match the last rebuild recorded, ordered by race id, then names. Errors: the
// store's.
[[nodiscard]] absl::StatusOr<std::vector<model::NearMatch>> ReadNearMatches(Database& db);

// How many races share a state, year, stage, level and party: what the store covers.
struct RaceGroup {
  std::string state;
  int year = 0;
  std::string stage;
  std::string level;
  std::string party;  // "" for general elections
  int64_t num_races = 0;
};
// Every group, ordered by state, year, stage, level, party. Errors: the store's.
[[nodiscard]] absl::StatusOr<std::vector<RaceGroup>> ReadRaceGroups(Database& db);

// One ingested file as the history lists it.
struct IngestedFile {
  std::string path;
  std::string kind;
  int64_t bytes = 0;
  int64_t rows_read = 0;
  int64_t rows_stored = 0;
  int64_t rows_rejected = 0;
  std::string ingested_at;  // UTC, ISO 8601
};

// Every ingested file, newest first (then by path).
[[nodiscard]] absl::StatusOr<std::vector<IngestedFile>> ReadIngestHistory(Database& db);

// One FileReport per ingested file (rejects included), in ingest order.
[[nodiscard]] absl::StatusOr<std::vector<model::FileReport>> ReadFileReports(Database& db);

// Partisan lean of a state or district in the most recent year loaded at or before `year`.
[[nodiscard]] absl::StatusOr<std::optional<double>> ReadPartisanLean(Database& db,
                                                                     const std::string& state,
                                                                     const std::string& district,
                                                                     int year);

}  // namespace downballot::store
