// `summary`: what the store covers (states, years, levels, parties, files, FEC cycles), for a
// front end's filter lists and a first look at a store.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "nlohmann/json.hpp"
#include "query/params.h"
#include "store/database.h"

namespace downballot::query {

// Takes no parameters; InvalidArgument for any.
[[nodiscard]] absl::Status ParseSummaryRequest(const Params& params);

struct CoveredState {
  std::string state;
  std::vector<int> years;  // with any race, ascending
  int64_t num_races = 0;
  int64_t num_primaries = 0;  // party stages: primaries, their runoffs and specials
};

struct NamedCount {
  std::string name;
  int64_t num_races = 0;
};

struct SummaryAnswer {
  std::vector<CoveredState> states;  // by code
  std::vector<int> years;            // ascending
  std::vector<NamedCount> levels;    // by level name
  std::vector<NamedCount> parties;   // primary parties, most races first
  int64_t num_races = 0;
  int64_t num_files = 0;
  std::vector<int> fec_cycles;  // FEC cycles loaded, ascending
};

// Reads the races' groups, the ingest history and the FEC cycles; the races must be fresh.
[[nodiscard]] absl::StatusOr<SummaryAnswer> AnswerSummary(store::Database& db);

[[nodiscard]] nlohmann::json ToJson(const SummaryAnswer& answer);

}  // namespace downballot::query
