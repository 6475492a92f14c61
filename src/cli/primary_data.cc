#include "cli/primary_data.h"

#include <algorithm>
#include <tuple>

#include "analysis/primary_fields.h"
#include "base/status_macros.h"

namespace downballot::cli {
namespace {

// The lean of the candidacy's district (or state) in the latest lean year at or before its cycle.
std::optional<double> LookUpLean(const store::PartisanLeanTable& leans,
                                 const model::PrimaryCandidacy& candidacy) {
  const std::string district = analysis::NormalizedDistrict(candidacy);
  std::optional<double> lean;
  for (const auto& [key, margin] : leans) {
    const auto& [year, state, lean_district] = key;
    if (year <= candidacy.cycle && state == candidacy.state && lean_district == district) {
      lean = margin;  // the map is ordered by year, so the last match is the latest
    }
  }
  return lean;
}

}  // namespace

absl::StatusOr<PrimaryData> LoadPrimaryData(store::Database& db,
                                            const store::CandidacyFilter& filter) {
  ASSIGN_OR_RETURN(std::vector<store::StoredCandidacy> stored,
                   store::ReadPrimaryCandidacies(db, filter));
  if (stored.empty()) {
    ASSIGN_OR_RETURN(std::vector<store::StoredCandidacy> any,
                     store::ReadPrimaryCandidacies(db, store::CandidacyFilter{}));
    if (any.empty()) {
      return absl::FailedPreconditionError(
          "no primary candidates are loaded: run `downballot ingest` on FiveThirtyEight's "
          "primary-candidates files first");
    }
  }
  ASSIGN_OR_RETURN(const store::PartisanLeanTable leans, store::ReadAllPartisanLeans(db));
  PrimaryData data;
  for (store::StoredCandidacy& row : stored) {
    if (!row.candidacy.partisan_lean.has_value()) {
      row.candidacy.partisan_lean = LookUpLean(leans, row.candidacy);
    }
    if (std::find(data.source_paths.begin(), data.source_paths.end(), row.source_path) ==
        data.source_paths.end()) {
      data.source_paths.push_back(row.source_path);
    }
    data.candidacies.push_back(std::move(row.candidacy));
  }
  return data;
}

std::vector<model::PrimaryField> BuildPrimaryFields(const PrimaryData& data) {
  std::vector<model::PrimaryField> fields;
  for (const analysis::PrimaryRace& race : analysis::GroupPrimaries(data.candidacies)) {
    fields.push_back(analysis::MakePrimaryField(race, data.candidacies));
  }
  return fields;
}

}  // namespace downballot::cli
