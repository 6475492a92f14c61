#include "query/primary_data.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <tuple>
#include <utility>

#include "analysis/primary_fields.h"
#include "base/status_macros.h"
#include "query/fec_links.h"
#include "store/money_queries.h"

namespace downballot::query {
namespace {

// The lean of the candidacy's district (or state) in the latest lean year at or before its cycle.
std::optional<double> LookUpLean(const store::PartisanLeanTable& leans,
                                 const model::PrimaryCandidacy& candidacy) {
  const std::string district = analysis::NormalizedDistrict(candidacy);
  // The table is ordered by year first; try each year from the cycle back.
  for (auto it = leans.lower_bound({candidacy.cycle + 1, std::string(), std::string()});
       it != leans.begin();) {
    const int year = std::get<0>(std::prev(it)->first);
    const auto found = leans.find({year, candidacy.state, district});
    if (found != leans.end()) return found->second;
    it = leans.lower_bound({year, std::string(), std::string()});
  }
  return std::nullopt;
}

// Links the House and Senate candidacies to FEC candidates the way `links` does for races, and
// reads each linked candidate's receipts from the FEC summaries of the cycle.
absl::Status AddFecReceipts(store::Database& db, PrimaryData& data) {
  data.receipts_cents.assign(data.candidacies.size(), std::nullopt);
  std::vector<model::Race> races;
  for (const analysis::PrimaryRace& primary : data.races) {
    races.push_back(analysis::RaceFromPrimary(primary, data.candidacies));
  }
  ASSIGN_OR_RETURN(const std::vector<analysis::FecLink> links, ReadFecLinks(db, races));
  std::map<std::pair<std::string, std::string>, std::string> cand_id_of;
  for (const analysis::FecLink& link : links) {
    if (link.status == analysis::FecLinkStatus::kLinked)
      cand_id_of[{link.race_id, link.candidate}] = link.cand_id;
  }
  for (const analysis::PrimaryRace& primary : data.races) {
    for (size_t idx : primary.candidacies) {
      const model::PrimaryCandidacy& candidacy = data.candidacies[idx];
      const auto it = cand_id_of.find({primary.race_id, candidacy.candidate});
      if (it == cand_id_of.end()) continue;
      // FEC cycles are two-year periods named by their even year.
      const int cycle = candidacy.cycle % 2 == 0 ? candidacy.cycle : candidacy.cycle + 1;
      ASSIGN_OR_RETURN(const std::optional<model::FecCandidateSummary> summary,
                       store::ReadCandidateSummary(db, it->second, cycle));
      if (!summary.has_value()) continue;
      data.receipts_cents[idx] = summary->total_receipts;
      ++data.num_linked_to_fec;
    }
  }
  return absl::OkStatus();
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
  data.races = analysis::GroupPrimaries(data.candidacies);
  RETURN_IF_ERROR(AddFecReceipts(db, data));
  return data;
}

std::vector<model::PrimaryField> BuildPrimaryFields(const PrimaryData& data) {
  std::vector<model::PrimaryField> fields;
  for (const analysis::PrimaryRace& race : data.races) {
    fields.push_back(analysis::MakePrimaryField(race, data.candidacies, data.receipts_cents));
  }
  return fields;
}

}  // namespace downballot::query
