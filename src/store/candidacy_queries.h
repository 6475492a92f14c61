// Reads the stored FiveThirtyEight candidacies (with their endorsements), partisan leans and
// MEDSL general returns.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "absl/status/statusor.h"
#include "model/general_return.h"
#include "model/partisan_lean.h"
#include "model/primary_candidacy.h"
#include "store/database.h"

namespace downballot::store {

struct StoredCandidacy {
  int64_t id = 0;
  std::string source_path;  // the file it came from; candidacy.line is its line there
  model::PrimaryCandidacy candidacy;
};

// Empty fields match everything; `party` is "DEM" or "REP" (ignoring case).
struct CandidacyFilter {
  std::optional<int> cycle;
  std::string party;
  std::string state;
};

// Candidacies with their endorsement cells in column order, ordered by file then line.
[[nodiscard]] absl::StatusOr<std::vector<StoredCandidacy>> ReadPrimaryCandidacies(
    Database& db, const CandidacyFilter& filter);

// Every stored partisan lean, keyed by (year, state, district); district "" is the whole state.
using PartisanLeanTable = std::map<std::tuple<int, std::string, std::string>, double>;
[[nodiscard]] absl::StatusOr<PartisanLeanTable> ReadAllPartisanLeans(Database& db);

// MEDSL general returns with the path of their file, ordered by file then line.
struct StoredGeneralReturns {
  int64_t file_id = 0;
  std::string source_path;
  std::vector<model::GeneralReturn> returns;
};
[[nodiscard]] absl::StatusOr<std::vector<StoredGeneralReturns>> ReadGeneralReturns(
    Database& db, std::optional<int> year, const std::string& state);

}  // namespace downballot::store
