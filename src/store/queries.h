// Reads the store into plain model structs, and writes the derived race tables back.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "model/ingest_report.h"
#include "model/office_level.h"
#include "model/race.h"
#include "model/vote_tally.h"
#include "store/database.h"

namespace downballot::store {

// Votes summed per race, county, level of detail, kind, candidate and party line.
[[nodiscard]] absl::StatusOr<std::vector<model::VoteTally>> ReadVoteTallies(Database& db);

// Replaces every derived race, candidate, party line and mismatch in one transaction and marks
// the races fresh.
absl::Status SaveRaces(Database& db, std::span<const model::Race> races,
                       std::span<const model::ReconciliationMismatch> mismatches);

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

[[nodiscard]] absl::StatusOr<std::vector<model::ReconciliationMismatch>> ReadMismatches(
    Database& db, const std::string& race_id);

// One FileReport per ingested file (rejects included), in ingest order.
[[nodiscard]] absl::StatusOr<std::vector<model::FileReport>> ReadFileReports(Database& db);

// Partisan lean of a state or district in the most recent year loaded at or before `year`.
[[nodiscard]] absl::StatusOr<std::optional<double>> ReadPartisanLean(Database& db,
                                                                     const std::string& state,
                                                                     const std::string& district,
                                                                     int year);

}  // namespace downballot::store
