// Loads the stored FiveThirtyEight candidacies for the slate and forecast commands, with each
// candidacy's partisan lean filled from the stored lean files where its own file has none.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "analysis/primary_fields.h"
#include "model/primary_candidacy.h"
#include "model/primary_field.h"
#include "store/candidacy_queries.h"
#include "store/database.h"

namespace downballot::query {

struct PrimaryData {
  std::vector<model::PrimaryCandidacy> candidacies;
  std::vector<analysis::PrimaryRace> races;  // the candidacies grouped into primaries
  // Indexed like `candidacies`: total FEC receipts (weball/webl) in the candidacy's cycle, for
  // House and Senate candidacies that link to an FEC candidate (name, state, office, district);
  // nullopt otherwise.
  std::vector<std::optional<int64_t>> receipts_cents;
  int num_linked_to_fec = 0;
  std::vector<std::string> source_paths;  // distinct files, in load order
};

// FailedPrecondition naming `ingest` when no candidacy is stored at all.
[[nodiscard]] absl::StatusOr<PrimaryData> LoadPrimaryData(store::Database& db,
                                                          const store::CandidacyFilter& filter);

// Every primary of `data` as a forecast choice set.
[[nodiscard]] std::vector<model::PrimaryField> BuildPrimaryFields(const PrimaryData& data);

}  // namespace downballot::query
