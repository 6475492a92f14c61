#include "store/fec_loader.h"

#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "base/status_macros.h"
#include "fmt/format.h"
#include "store/source_file.h"
#include "store/target_table.h"

namespace downballot::store {
namespace {

// The first two-year period with FEC bulk files worth loading is 1975-76; the upper bound only
// catches typos such as a year in place of two digits.
constexpr int kFirstCycle = 1976;
constexpr int kLastCycle = 2100;

absl::Status CheckCycle(const model::FileReport& report, int cycle) {
  if (cycle < kFirstCycle || cycle > kLastCycle || cycle % 2 != 0) {
    return absl::InvalidArgumentError(
        fmt::format("{}: cycle {} is not an FEC two-year period (an even year in {}..{})",
                    report.path, cycle, kFirstCycle, kLastCycle));
  }
  return absl::OkStatus();
}

absl::Status BindDate(Statement& statement, int index, const std::optional<base::Date>& date) {
  if (date.has_value()) return statement.Bind(index, date->ToIso());
  return statement.BindNull(index);
}

// The steps every FEC file shares: check, begin, write source_file, let `produce` call its
// argument once per record (which binds the record with `insert_row` and inserts it with the
// file id), commit. The transaction rolls back on any error. `rows_stored` is the number of
// file rows the records stand for.
template <typename Record, typename Produce, typename InsertRow>
absl::Status LoadRecords(Database& db, model::FileReport& report, int64_t bytes, int cycle,
                         std::string_view kind, const Produce& produce, std::string_view insert_sql,
                         InsertRow insert_row, int64_t rows_stored) {
  if (report.kind.empty()) report.kind = std::string(kind);
  RETURN_IF_ERROR(CheckCycle(report, cycle));
  report.rows_stored = rows_stored;
  RETURN_IF_ERROR(CheckAccounting(report));
  ASSIGN_OR_RETURN(auto transaction, Transaction::Begin(db));
  ASSIGN_OR_RETURN(const int64_t file_id, InsertSourceFile(db, report, bytes));
  ASSIGN_OR_RETURN(auto insert, db.Prepare(insert_sql));
  const auto insert_record = [&](const Record& record) -> absl::Status {
    RETURN_IF_ERROR(insert.Bind(1, file_id));
    RETURN_IF_ERROR(insert.Bind(2, int64_t{cycle}));
    RETURN_IF_ERROR(insert_row(insert, record));
    return insert.Execute();
  };
  RETURN_IF_ERROR(produce(insert_record));
  RETURN_IF_ERROR(MarkTargetsStale(db));
  return transaction.Commit();
}

// LoadRecords of records in memory, one file row each.
template <typename Record, typename InsertRow>
absl::Status LoadFile(Database& db, model::FileReport& report, int64_t bytes, int cycle,
                      std::string_view kind, std::span<const Record> records,
                      std::string_view insert_sql, InsertRow insert_row) {
  const auto produce = [&](const auto& insert) -> absl::Status {
    for (const Record& record : records) RETURN_IF_ERROR(insert(record));
    return absl::OkStatus();
  };
  return LoadRecords<Record>(db, report, bytes, cycle, kind, produce, insert_sql, insert_row,
                             static_cast<int64_t>(records.size()));
}

}  // namespace

absl::Status LoadFecCandidates(Database& db, model::FileReport& report, int64_t bytes, int cycle,
                               std::span<const model::FecCandidate> candidates) {
  return LoadFile(
      db, report, bytes, cycle, "fec_candidates", candidates,
      "INSERT INTO fec_candidate (file_id, cycle, cand_id, name, party, election_year, "
      "office_state, office, office_district, incumbent_challenger, status, principal_committee, "
      "state, zip) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
      [](Statement& insert, const model::FecCandidate& c) -> absl::Status {
        RETURN_IF_ERROR(insert.Bind(3, c.cand_id));
        RETURN_IF_ERROR(insert.Bind(4, c.name));
        RETURN_IF_ERROR(insert.Bind(5, c.party));
        RETURN_IF_ERROR(insert.Bind(6, int64_t{c.election_year}));
        RETURN_IF_ERROR(insert.Bind(7, c.office_state));
        RETURN_IF_ERROR(insert.Bind(8, c.office));
        RETURN_IF_ERROR(insert.Bind(9, c.office_district));
        RETURN_IF_ERROR(insert.Bind(10, c.incumbent_challenger));
        RETURN_IF_ERROR(insert.Bind(11, c.status));
        RETURN_IF_ERROR(insert.Bind(12, c.principal_committee));
        RETURN_IF_ERROR(insert.Bind(13, c.state));
        return insert.Bind(14, c.zip);
      });
}

absl::Status LoadFecCommittees(Database& db, model::FileReport& report, int64_t bytes, int cycle,
                               std::span<const model::FecCommittee> committees) {
  return LoadFile(
      db, report, bytes, cycle, "fec_committees", committees,
      "INSERT INTO fec_committee (file_id, cycle, cmte_id, name, treasurer, state, zip, "
      "designation, type, party, filing_frequency, org_type, connected_org, cand_id) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
      [](Statement& insert, const model::FecCommittee& c) -> absl::Status {
        RETURN_IF_ERROR(insert.Bind(3, c.cmte_id));
        RETURN_IF_ERROR(insert.Bind(4, c.name));
        RETURN_IF_ERROR(insert.Bind(5, c.treasurer));
        RETURN_IF_ERROR(insert.Bind(6, c.state));
        RETURN_IF_ERROR(insert.Bind(7, c.zip));
        RETURN_IF_ERROR(insert.Bind(8, c.designation));
        RETURN_IF_ERROR(insert.Bind(9, c.type));
        RETURN_IF_ERROR(insert.Bind(10, c.party));
        RETURN_IF_ERROR(insert.Bind(11, c.filing_frequency));
        RETURN_IF_ERROR(insert.Bind(12, c.org_type));
        RETURN_IF_ERROR(insert.Bind(13, c.connected_org));
        return insert.Bind(14, c.cand_id);
      });
}

absl::Status LoadFecLinkages(Database& db, model::FileReport& report, int64_t bytes, int cycle,
                             std::span<const model::FecLinkage> linkages) {
  return LoadFile(
      db, report, bytes, cycle, "fec_linkages", linkages,
      "INSERT INTO fec_linkage (file_id, cycle, cand_id, cand_election_year, fec_election_year, "
      "cmte_id, cmte_type, cmte_designation, linkage_id) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
      [](Statement& insert, const model::FecLinkage& l) -> absl::Status {
        RETURN_IF_ERROR(insert.Bind(3, l.cand_id));
        RETURN_IF_ERROR(insert.Bind(4, int64_t{l.cand_election_year}));
        RETURN_IF_ERROR(insert.Bind(5, int64_t{l.fec_election_year}));
        RETURN_IF_ERROR(insert.Bind(6, l.cmte_id));
        RETURN_IF_ERROR(insert.Bind(7, l.cmte_type));
        RETURN_IF_ERROR(insert.Bind(8, l.cmte_designation));
        return insert.Bind(9, l.linkage_id);
      });
}

absl::Status LoadFecCandidateSummaries(Database& db, model::FileReport& report, int64_t bytes,
                                       int cycle,
                                       std::span<const model::FecCandidateSummary> summaries) {
  return LoadFile(
      db, report, bytes, cycle, "fec_candidate_summary", summaries,
      "INSERT INTO fec_candidate_summary (file_id, cycle, cand_id, name, incumbent_challenger, "
      "party_code, party, total_receipts, transfers_from_authorized, total_disbursements, "
      "transfers_to_authorized, cash_on_hand_start, cash_on_hand_end, candidate_contributions, "
      "candidate_loans, other_loans, candidate_loan_repayments, other_loan_repayments, "
      "debts_owed_by, individual_contributions, office_state, office_district, "
      "special_election_status, primary_election_status, runoff_election_status, "
      "general_election_status, general_election_percent, other_committee_contributions, "
      "party_contributions, coverage_end_date, individual_refunds, committee_refunds) VALUES "
      "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
      "?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32)",
      [](Statement& insert, const model::FecCandidateSummary& s) -> absl::Status {
        RETURN_IF_ERROR(insert.Bind(3, s.cand_id));
        RETURN_IF_ERROR(insert.Bind(4, s.name));
        RETURN_IF_ERROR(insert.Bind(5, s.incumbent_challenger));
        RETURN_IF_ERROR(insert.Bind(6, s.party_code));
        RETURN_IF_ERROR(insert.Bind(7, s.party));
        RETURN_IF_ERROR(insert.Bind(8, s.total_receipts));
        RETURN_IF_ERROR(insert.Bind(9, s.transfers_from_authorized));
        RETURN_IF_ERROR(insert.Bind(10, s.total_disbursements));
        RETURN_IF_ERROR(insert.Bind(11, s.transfers_to_authorized));
        RETURN_IF_ERROR(insert.Bind(12, s.cash_on_hand_start));
        RETURN_IF_ERROR(insert.Bind(13, s.cash_on_hand_end));
        RETURN_IF_ERROR(insert.Bind(14, s.candidate_contributions));
        RETURN_IF_ERROR(insert.Bind(15, s.candidate_loans));
        RETURN_IF_ERROR(insert.Bind(16, s.other_loans));
        RETURN_IF_ERROR(insert.Bind(17, s.candidate_loan_repayments));
        RETURN_IF_ERROR(insert.Bind(18, s.other_loan_repayments));
        RETURN_IF_ERROR(insert.Bind(19, s.debts_owed_by));
        RETURN_IF_ERROR(insert.Bind(20, s.individual_contributions));
        RETURN_IF_ERROR(insert.Bind(21, s.office_state));
        RETURN_IF_ERROR(insert.Bind(22, s.office_district));
        RETURN_IF_ERROR(insert.Bind(23, s.special_election_status));
        RETURN_IF_ERROR(insert.Bind(24, s.primary_election_status));
        RETURN_IF_ERROR(insert.Bind(25, s.runoff_election_status));
        RETURN_IF_ERROR(insert.Bind(26, s.general_election_status));
        RETURN_IF_ERROR(insert.Bind(27, s.general_election_percent));
        RETURN_IF_ERROR(insert.Bind(28, s.other_committee_contributions));
        RETURN_IF_ERROR(insert.Bind(29, s.party_contributions));
        RETURN_IF_ERROR(BindDate(insert, 30, s.coverage_end_date));
        RETURN_IF_ERROR(insert.Bind(31, s.individual_refunds));
        return insert.Bind(32, s.committee_refunds);
      });
}

absl::Status LoadFecCommitteeContributions(Database& db, model::FileReport& report, int64_t bytes,
                                           int cycle,
                                           std::span<const model::Contribution> contributions) {
  return LoadFile(
      db, report, bytes, cycle, "fec_committee_to_candidate", contributions,
      "INSERT INTO fec_committee_contribution (file_id, cycle, line, cmte_id, amendment, "
      "report_type, primary_general, image_num, transaction_type, entity_type, name, city, "
      "state, zip, employer, occupation, transaction_date, amount_cents, other_id, cand_id, "
      "tran_id, file_num, memo_code, memo_text, sub_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
      "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
      [](Statement& insert, const model::Contribution& c) -> absl::Status {
        RETURN_IF_ERROR(insert.Bind(3, c.line));
        RETURN_IF_ERROR(insert.Bind(4, c.cmte_id));
        RETURN_IF_ERROR(insert.Bind(5, c.amendment));
        RETURN_IF_ERROR(insert.Bind(6, c.report_type));
        RETURN_IF_ERROR(insert.Bind(7, c.primary_general));
        RETURN_IF_ERROR(insert.Bind(8, c.image_num));
        RETURN_IF_ERROR(insert.Bind(9, c.transaction_type));
        RETURN_IF_ERROR(insert.Bind(10, c.entity_type));
        RETURN_IF_ERROR(insert.Bind(11, c.name));
        RETURN_IF_ERROR(insert.Bind(12, c.city));
        RETURN_IF_ERROR(insert.Bind(13, c.state));
        RETURN_IF_ERROR(insert.Bind(14, c.zip));
        RETURN_IF_ERROR(insert.Bind(15, c.employer));
        RETURN_IF_ERROR(insert.Bind(16, c.occupation));
        RETURN_IF_ERROR(BindDate(insert, 17, c.date));
        RETURN_IF_ERROR(insert.Bind(18, c.amount_cents));
        RETURN_IF_ERROR(insert.Bind(19, c.other_id));
        RETURN_IF_ERROR(insert.Bind(20, c.cand_id));
        RETURN_IF_ERROR(insert.Bind(21, c.tran_id));
        RETURN_IF_ERROR(insert.Bind(22, c.file_num));
        RETURN_IF_ERROR(insert.Bind(23, c.memo_code));
        RETURN_IF_ERROR(insert.Bind(24, c.memo_text));
        return insert.Bind(25, c.sub_id);
      });
}

absl::Status LoadFecDonorReceipts(Database& db, model::FileReport& report, int64_t bytes, int cycle,
                                  int64_t rows_aggregated, const DonorReceiptsProducer& produce) {
  return LoadRecords<model::PackedDonorReceipts>(
      db, report, bytes, cycle, "fec_individual_contributions", produce,
      "INSERT INTO fec_committee_donors (file_id, cycle, cmte_id, entries, rows, packed) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
      // A static bind: the blob outlives its Execute, and a large committee's is not worth
      // copying.
      [](Statement& insert, const model::PackedDonorReceipts& committee) -> absl::Status {
        RETURN_IF_ERROR(insert.Bind(3, committee.cmte_id));
        RETURN_IF_ERROR(insert.Bind(4, committee.entries));
        RETURN_IF_ERROR(insert.Bind(5, committee.rows));
        return insert.BindStaticBlob(6, committee.packed);
      },
      rows_aggregated);
}

absl::Status LoadFecDonorReceipts(Database& db, model::FileReport& report, int64_t bytes, int cycle,
                                  std::span<const model::PackedDonorReceipts> committees) {
  int64_t rows_aggregated = 0;
  for (const model::PackedDonorReceipts& committee : committees) rows_aggregated += committee.rows;
  return LoadFecDonorReceipts(db, report, bytes, cycle, rows_aggregated,
                              [&](const DonorReceiptsInsert& insert) -> absl::Status {
                                for (const model::PackedDonorReceipts& committee : committees) {
                                  RETURN_IF_ERROR(insert(committee));
                                }
                                return absl::OkStatus();
                              });
}

}  // namespace downballot::store
