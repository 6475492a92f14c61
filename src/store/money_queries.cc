#include "store/money_queries.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <tuple>

#include "base/status_macros.h"
#include "fmt/format.h"
#include "model/donor_receipts_codec.h"

namespace downballot::store {

namespace {

constexpr std::string_view kFecCandidateColumns =
    "cycle, cand_id, name, party, election_year, office_state, office, office_district, "
    "incumbent_challenger, status, principal_committee, state, zip";

// The rows of a SELECT DISTINCT of kFecCandidateColumns.
absl::StatusOr<std::vector<FecCandidateInCycle>> ReadFecCandidateRows(Statement& select) {
  std::vector<FecCandidateInCycle> found;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, select.Step());
    if (!has_row) break;
    FecCandidateInCycle row;
    row.cycle = static_cast<int>(select.ColumnInt(0));
    model::FecCandidate& candidate = row.candidate;
    candidate.cand_id = select.ColumnText(1);
    candidate.name = select.ColumnText(2);
    candidate.party = select.ColumnText(3);
    candidate.election_year = static_cast<int>(select.ColumnInt(4));
    candidate.office_state = select.ColumnText(5);
    candidate.office = select.ColumnText(6);
    candidate.office_district = select.ColumnText(7);
    candidate.incumbent_challenger = select.ColumnText(8);
    candidate.status = select.ColumnText(9);
    candidate.principal_committee = select.ColumnText(10);
    candidate.state = select.ColumnText(11);
    candidate.zip = select.ColumnText(12);
    found.push_back(std::move(row));
  }
  return found;
}

}  // namespace

absl::StatusOr<std::vector<FecCandidateInCycle>> FindFecCandidates(Database& db,
                                                                   const std::string& query,
                                                                   std::optional<int> cycle) {
  ASSIGN_OR_RETURN(
      auto select,
      db.Prepare(fmt::format(
          "SELECT DISTINCT {} FROM fec_candidate WHERE (cand_id = ?1 COLLATE NOCASE OR name LIKE "
          "?2 ESCAPE '\\') AND (?3 = 0 OR cycle = ?3) ORDER BY cycle DESC, name, cand_id",
          kFecCandidateColumns)));
  RETURN_IF_ERROR(select.Bind(1, query));
  RETURN_IF_ERROR(select.Bind(2, ContainsPattern(query)));
  RETURN_IF_ERROR(select.Bind(3, int64_t{cycle.value_or(0)}));
  return ReadFecCandidateRows(select);
}

absl::StatusOr<std::vector<FecCandidateInCycle>> ReadFecCandidatesOfState(
    Database& db, const std::string& office_state) {
  ASSIGN_OR_RETURN(auto select,
                   db.Prepare(fmt::format("SELECT DISTINCT {} FROM fec_candidate WHERE "
                                          "office_state = ?1 ORDER BY cycle DESC, name, cand_id",
                                          kFecCandidateColumns)));
  RETURN_IF_ERROR(select.Bind(1, office_state));
  return ReadFecCandidateRows(select);
}

absl::StatusOr<std::vector<std::string>> ReadCandidateCommittees(Database& db,
                                                                 const std::string& cand_id,
                                                                 int cycle) {
  ASSIGN_OR_RETURN(auto select,
                   db.Prepare("SELECT cmte_id FROM fec_linkage WHERE cand_id = ?1 AND cycle = ?2 "
                              "AND cmte_designation IN ('P', 'A') "
                              "UNION SELECT principal_committee FROM fec_candidate "
                              "WHERE cand_id = ?1 AND cycle = ?2 AND principal_committee != '' "
                              "ORDER BY 1"));
  RETURN_IF_ERROR(select.Bind(1, cand_id));
  RETURN_IF_ERROR(select.Bind(2, int64_t{cycle}));
  std::vector<std::string> committees;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, select.Step());
    if (!has_row) break;
    committees.push_back(select.ColumnText(0));
  }
  return committees;
}

absl::StatusOr<std::vector<model::DonorReceipts>> ReadDonorReceipts(
    Database& db, std::span<const std::string> cmte_ids, int cycle) {
  ASSIGN_OR_RETURN(auto select,
                   db.Prepare("SELECT file_id, packed FROM fec_committee_donors "
                              "WHERE cmte_id = ?1 AND cycle = ?2 ORDER BY file_id, rowid"));
  std::vector<model::DonorReceipts> receipts;
  for (const std::string& cmte_id : cmte_ids) {
    RETURN_IF_ERROR(select.Bind(1, cmte_id));
    RETURN_IF_ERROR(select.Bind(2, int64_t{cycle}));
    const size_t committee_begin = receipts.size();
    while (true) {
      ASSIGN_OR_RETURN(const bool has_row, select.Step());
      if (!has_row) break;
      auto unpacked = model::UnpackDonorReceipts(cmte_id, select.ColumnBlob(1));
      if (!unpacked.ok()) {
        return absl::DataLossError(fmt::format("fec_committee_donors, cycle {}, file {}: {}", cycle,
                                               select.ColumnInt(0),
                                               std::string(unpacked.status().message())));
      }
      receipts.insert(receipts.end(), std::make_move_iterator(unpacked->begin()),
                      std::make_move_iterator(unpacked->end()));
    }
    select.Reset();
    // Stable, so totals that several files hold for the same donor and kind stay in file order.
    std::stable_sort(receipts.begin() + static_cast<std::ptrdiff_t>(committee_begin),
                     receipts.end(),
                     [](const model::DonorReceipts& a, const model::DonorReceipts& b) {
                       return std::tie(a.donor_key, a.kind) < std::tie(b.donor_key, b.kind);
                     });
  }
  return receipts;
}

absl::StatusOr<std::vector<model::Contribution>> ReadContributionsToCandidate(
    Database& db, const std::string& cand_id, int cycle) {
  ASSIGN_OR_RETURN(auto select,
                   db.Prepare("SELECT line, cmte_id, transaction_type, entity_type, name, "
                              "amount_cents, other_id, memo_code FROM fec_committee_contribution "
                              "WHERE cand_id = ?1 AND cycle = ?2 ORDER BY cmte_id, line"));
  RETURN_IF_ERROR(select.Bind(1, cand_id));
  RETURN_IF_ERROR(select.Bind(2, int64_t{cycle}));
  std::vector<model::Contribution> rows;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, select.Step());
    if (!has_row) break;
    model::Contribution row;
    row.line = select.ColumnInt(0);
    row.cmte_id = select.ColumnText(1);
    row.transaction_type = select.ColumnText(2);
    row.entity_type = select.ColumnText(3);
    row.name = select.ColumnText(4);
    row.amount_cents = select.ColumnInt(5);
    row.other_id = select.ColumnText(6);
    row.memo_code = select.ColumnText(7);
    row.cand_id = cand_id;
    rows.push_back(std::move(row));
  }
  return rows;
}

absl::StatusOr<std::map<std::string, model::FecCommittee>> ReadCommittees(
    Database& db, std::span<const std::string> cmte_ids, int cycle) {
  ASSIGN_OR_RETURN(auto select,
                   db.Prepare("SELECT name, type, designation, party, org_type, connected_org, "
                              "cand_id FROM fec_committee WHERE cmte_id = ?1 AND cycle = ?2 "
                              "ORDER BY file_id DESC LIMIT 1"));
  std::map<std::string, model::FecCommittee> committees;
  for (const std::string& cmte_id : cmte_ids) {
    if (committees.contains(cmte_id)) continue;
    RETURN_IF_ERROR(select.Bind(1, cmte_id));
    RETURN_IF_ERROR(select.Bind(2, int64_t{cycle}));
    ASSIGN_OR_RETURN(const bool has_row, select.Step());
    if (has_row) {
      model::FecCommittee committee;
      committee.cmte_id = cmte_id;
      committee.name = select.ColumnText(0);
      committee.type = select.ColumnText(1);
      committee.designation = select.ColumnText(2);
      committee.party = select.ColumnText(3);
      committee.org_type = select.ColumnText(4);
      committee.connected_org = select.ColumnText(5);
      committee.cand_id = select.ColumnText(6);
      committees.emplace(cmte_id, std::move(committee));
    }
    select.Reset();
  }
  return committees;
}

absl::StatusOr<bool> HasCandidateSummaries(Database& db, int cycle) {
  ASSIGN_OR_RETURN(auto select, db.Prepare("SELECT EXISTS (SELECT 1 FROM fec_candidate_summary "
                                           "WHERE cycle = ?1)"));
  RETURN_IF_ERROR(select.Bind(1, int64_t{cycle}));
  ASSIGN_OR_RETURN(const bool has_row, select.Step());
  return has_row && select.ColumnInt(0) != 0;
}

absl::StatusOr<std::optional<model::FecCandidateSummary>> ReadCandidateSummary(
    Database& db, const std::string& cand_id, int cycle) {
  ASSIGN_OR_RETURN(
      auto select,
      db.Prepare("SELECT name, total_receipts, candidate_contributions, candidate_loans, "
                 "candidate_loan_repayments, individual_contributions, "
                 "other_committee_contributions, party_contributions, office_state, "
                 "office_district, incumbent_challenger, individual_refunds FROM "
                 "fec_candidate_summary "
                 "WHERE cand_id = ?1 AND cycle = ?2 ORDER BY file_id DESC LIMIT 1"));
  RETURN_IF_ERROR(select.Bind(1, cand_id));
  RETURN_IF_ERROR(select.Bind(2, int64_t{cycle}));
  ASSIGN_OR_RETURN(const bool has_row, select.Step());
  if (!has_row) return std::optional<model::FecCandidateSummary>();
  model::FecCandidateSummary summary;
  summary.cand_id = cand_id;
  summary.name = select.ColumnText(0);
  summary.total_receipts = select.ColumnInt(1);
  summary.candidate_contributions = select.ColumnInt(2);
  summary.candidate_loans = select.ColumnInt(3);
  summary.candidate_loan_repayments = select.ColumnInt(4);
  summary.individual_contributions = select.ColumnInt(5);
  summary.other_committee_contributions = select.ColumnInt(6);
  summary.party_contributions = select.ColumnInt(7);
  summary.office_state = select.ColumnText(8);
  summary.office_district = select.ColumnText(9);
  summary.incumbent_challenger = select.ColumnText(10);
  summary.individual_refunds = select.ColumnInt(11);
  return std::optional<model::FecCandidateSummary>(std::move(summary));
}

absl::StatusOr<std::vector<int>> ReadFecCycles(Database& db) {
  ASSIGN_OR_RETURN(auto select, db.Prepare("SELECT cycle FROM fec_candidate UNION "
                                           "SELECT cycle FROM fec_candidate_summary ORDER BY 1"));
  std::vector<int> cycles;
  while (true) {
    ASSIGN_OR_RETURN(const bool has_row, select.Step());
    if (!has_row) break;
    cycles.push_back(static_cast<int>(select.ColumnInt(0)));
  }
  return cycles;
}

}  // namespace downballot::store
