// `races` and `race ID`: races listed with filters and paging, and one race in full.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "analysis/fec_link.h"
#include "model/race.h"
#include "nlohmann/json.hpp"
#include "query/params.h"
#include "query/table.h"
#include "store/database.h"
#include "store/queries.h"

namespace downballot::query {

struct RacesRequest {
  store::RaceFilter filter;
  int64_t limit = 0;  // 0 = every race
  int64_t offset = 0;
};

// Parameters: state, office, district, date (YYYY-MM-DD), stage, party, level, limit, offset.
// InvalidArgument naming the parameter.
[[nodiscard]] absl::StatusOr<RacesRequest> ParseRacesRequest(const Params& params);

struct RacesAnswer {
  int64_t total = 0;               // races that pass the filter, before paging
  std::vector<model::Race> races;  // the page, by date then id
};

[[nodiscard]] absl::StatusOr<RacesAnswer> AnswerRaces(store::Database& db,
                                                      const RacesRequest& request);

// One row per race: id, date, stage, party, office, district, jurisdiction, level, candidates
// ("Name 123; Other 45"), winner, margin, ballots for the office, completeness.
[[nodiscard]] Table RaceListTable(std::span<const model::Race> races);
// RaceListTable as a JSON array.
[[nodiscard]] nlohmann::json ToJson(const RacesAnswer& answer);

struct RaceDetail {
  model::Race race;
  std::vector<model::ReconciliationMismatch> mismatches;
  // Each candidate's FEC candidate, for federal races when FEC files are loaded.
  std::vector<analysis::FecLink> fec_links;
};

// The race `typed` names: its id, or the start of exactly one id (a trailing "…" or "...", as a
// table cut it, is dropped first). NotFound otherwise, naming the ids it starts (when several)
// or the nearest ids of the same state and date (else state; at most 5,000 compared), and the
// command that lists them.
[[nodiscard]] absl::StatusOr<model::Race> FindRace(store::Database& db, std::string_view typed);

// NotFound "no race 'ID'" (with the command that lists ids) when absent.
[[nodiscard]] absl::StatusOr<RaceDetail> AnswerRace(store::Database& db,
                                                    const std::string& race_id);

// The race as one object: candidates (with party lines), mismatches and FEC links nested.
[[nodiscard]] nlohmann::json ToJson(const RaceDetail& detail);

// "A and B" for a seat that elects two; "" when no winner is named.
[[nodiscard]] std::string JoinedWinners(const model::Race& race);

}  // namespace downballot::query
