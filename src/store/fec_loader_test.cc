#include "store/fec_loader.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "store/database.h"
#include "store/loader.h"
#include "store/migrations.h"
#include "store/money_queries.h"
#include "store/source_file.h"
#include "store/test_database.h"

namespace downballot::store {
namespace {

using testing::OpenMigrated;

model::FileReport Report(std::string path, std::string content_hash, int64_t rows_read) {
  model::FileReport report;
  report.path = std::move(path);
  report.content_hash = std::move(content_hash);
  report.rows_read = rows_read;
  return report;
}

int64_t Count(Database& db, const std::string& sql) {
  auto count = db.QueryInt(sql);
  EXPECT_TRUE(count.ok()) << count.status();
  return count.ok() ? *count : -1;
}

std::string Text(Database& db, const std::string& sql) {
  auto query = db.Prepare(sql);
  EXPECT_TRUE(query.ok()) << query.status();
  auto has_row = query->Step();
  EXPECT_TRUE(has_row.ok() && *has_row) << sql;
  return query->IsColumnNull(0) ? "NULL" : query->ColumnText(0);
}

model::FecCandidate Candidate(std::string cand_id, std::string name) {
  model::FecCandidate c;
  c.cand_id = std::move(cand_id);
  c.name = std::move(name);
  c.party = "DEM";
  c.election_year = 2020;
  c.office_state = "NY";
  c.office = "H";
  c.office_district = "14";
  c.incumbent_challenger = "I";
  c.status = "C";
  c.principal_committee = "C00639500";
  c.state = "NY";
  c.zip = "10463";
  return c;
}

model::Contribution PacContribution(int64_t line, base::Cents amount_cents) {
  model::Contribution c;
  c.line = line;
  c.cmte_id = "C00567180";
  c.amendment = "N";
  c.report_type = "TER";
  c.primary_general = "P";
  c.image_num = "201901099143774199";
  c.transaction_type = "24K";
  c.entity_type = "PAC";
  c.name = "TED YOHO FOR CONGRESS";
  c.city = "GAINESVILLE";
  c.state = "FL";
  c.zip = "32608";
  c.date = base::Date{2019, 1, 8};
  c.amount_cents = amount_cents;
  c.other_id = "C00494583";
  c.cand_id = "H2FL06109";
  c.tran_id = "SB23.4447";
  c.file_num = 1303604;
  c.sub_id = 4021920191640423011 + line;
  return c;
}

TEST(FecLoader, MigrationTwoAddsTheFecTables) {
  auto db = OpenMigrated();
  EXPECT_GE(kSchemaVersion, 2);
  for (const std::string table : {"fec_candidate", "fec_committee", "fec_linkage",
                                  "fec_candidate_summary", "fec_committee_contribution"}) {
    SCOPED_TRACE(table);
    EXPECT_EQ(Count(*db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" +
                             table + "'"),
              1);
  }
}

TEST(FecLoader, LoadsCandidatesWithTheirFileAndCycle) {
  auto db = OpenMigrated();
  auto report = Report("cn.txt", "hash-cn", 3);
  report.Reject(2, "CAND_OFFICE", "'G' is not one of H, S, P");
  const std::vector<model::FecCandidate> candidates = {
      Candidate("H8NY15148", "OCASIO-CORTEZ, ALEXANDRIA"),
      Candidate("H0AL05049", "CRAMER, ROBERT E \"BUD\" JR")};
  ASSERT_TRUE(LoadFecCandidates(*db, report, 1234, 2020, candidates).ok());
  EXPECT_EQ(report.rows_stored, 2);
  EXPECT_EQ(report.kind, "fec_candidates");
  EXPECT_EQ(Count(*db, "SELECT count(*) FROM fec_candidate WHERE cycle = 2020"), 2);
  EXPECT_EQ(Text(*db, "SELECT name FROM fec_candidate WHERE cand_id = 'H0AL05049'"),
            "CRAMER, ROBERT E \"BUD\" JR");
  EXPECT_EQ(Count(*db,
                  "SELECT count(*) FROM fec_candidate c JOIN source_file f ON f.id = "
                  "c.file_id WHERE f.kind = 'fec_candidates' AND f.rows_read = 3 AND "
                  "f.rows_stored = 2 AND f.rows_rejected = 1 AND f.bytes = 1234"),
            2);
  EXPECT_EQ(Text(*db, "SELECT field || ' ' || reason FROM row_reject WHERE line = 2"),
            "CAND_OFFICE 'G' is not one of H, S, P");
  EXPECT_TRUE(*IsFileLoaded(*db, "hash-cn"));
  EXPECT_TRUE(*IsFileSizeLoaded(*db, 1234));
  EXPECT_FALSE(*IsFileSizeLoaded(*db, 1235)) << "no file of that size, so none with its bytes";
}

TEST(FecLoader, LoadsCommitteesLinkagesAndSummaries) {
  auto db = OpenMigrated();
  model::FecCommittee committee;
  committee.cmte_id = "C00639500";
  committee.name = "ALEXANDRIA OCASIO-CORTEZ FOR CONGRESS";
  committee.designation = "P";
  committee.type = "H";
  committee.cand_id = "H8NY15148";
  auto cm_report = Report("cm.txt", "hash-cm", 1);
  ASSERT_TRUE(
      LoadFecCommittees(*db, cm_report, 10, 2020, std::vector<model::FecCommittee>{committee})
          .ok());
  EXPECT_EQ(Text(*db, "SELECT designation || type || cand_id FROM fec_committee"), "PHH8NY15148");

  model::FecLinkage linkage;
  linkage.cand_id = "H8NY15148";
  linkage.cand_election_year = 2020;
  linkage.fec_election_year = 2020;
  linkage.cmte_id = "C00639500";
  linkage.cmte_type = "H";
  linkage.cmte_designation = "P";
  linkage.linkage_id = 225127;
  auto ccl_report = Report("ccl.txt", "hash-ccl", 1);
  ASSERT_TRUE(
      LoadFecLinkages(*db, ccl_report, 10, 2020, std::vector<model::FecLinkage>{linkage}).ok());
  EXPECT_EQ(Count(*db, "SELECT linkage_id FROM fec_linkage WHERE cmte_id = 'C00639500'"), 225127);

  model::FecCandidateSummary summary;
  summary.cand_id = "H6CA48245";
  summary.total_receipts = 5950316;
  summary.cash_on_hand_end = 73;
  summary.committee_refunds = -500;
  summary.coverage_end_date = base::Date{2019, 3, 31};
  model::FecCandidateSummary no_date = summary;
  no_date.cand_id = "H8AZ02235";
  no_date.coverage_end_date.reset();
  auto web_report = Report("weball20.txt", "hash-weball", 2);
  ASSERT_TRUE(LoadFecCandidateSummaries(*db, web_report, 10, 2020,
                                        std::vector<model::FecCandidateSummary>{summary, no_date})
                  .ok());
  EXPECT_EQ(web_report.kind, "fec_candidate_summary");
  EXPECT_EQ(Count(*db,
                  "SELECT total_receipts FROM fec_candidate_summary WHERE cand_id = "
                  "'H6CA48245'"),
            5950316);
  EXPECT_EQ(Count(*db, "SELECT committee_refunds FROM fec_candidate_summary LIMIT 1"), -500);
  EXPECT_EQ(Text(*db,
                 "SELECT coverage_end_date FROM fec_candidate_summary WHERE cand_id = "
                 "'H6CA48245'"),
            "2019-03-31");
  EXPECT_EQ(Text(*db,
                 "SELECT coverage_end_date FROM fec_candidate_summary WHERE cand_id = "
                 "'H8AZ02235'"),
            "NULL");
}

TEST(FecLoader, LoadsCommitteeContributionsWithEveryField) {
  auto db = OpenMigrated();
  model::Contribution undated = PacContribution(2, -188000);
  undated.date.reset();
  undated.memo_code = "X";
  undated.memo_text = "REFUND";
  auto report = Report("itpas2.txt", "hash-itpas2", 2);
  ASSERT_TRUE(LoadFecCommitteeContributions(
                  *db, report, 10, 2020,
                  std::vector<model::Contribution>{PacContribution(1, 188000), undated})
                  .ok());
  EXPECT_EQ(report.kind, "fec_committee_to_candidate");
  EXPECT_EQ(Count(*db, "SELECT sum(amount_cents) FROM fec_committee_contribution"), 0);
  EXPECT_EQ(Text(*db,
                 "SELECT cmte_id || '|' || amendment || '|' || report_type || '|' || "
                 "primary_general || '|' || image_num || '|' || transaction_type || '|' || "
                 "entity_type || '|' || name || '|' || city || '|' || state || '|' || zip || "
                 "'|' || employer || '|' || occupation || '|' || transaction_date || '|' || "
                 "amount_cents || '|' || other_id || '|' || cand_id || '|' || tran_id || "
                 "'|' || file_num || '|' || memo_code || '|' || memo_text || '|' || sub_id "
                 "|| '|' || cycle FROM fec_committee_contribution WHERE line = 1"),
            "C00567180|N|TER|P|201901099143774199|24K|PAC|TED YOHO FOR CONGRESS|GAINESVILLE|FL|"
            "32608|||2019-01-08|188000|C00494583|H2FL06109|SB23.4447|1303604|||"
            "4021920191640423012|2020");
  EXPECT_EQ(Text(*db, "SELECT transaction_date FROM fec_committee_contribution WHERE line = 2"),
            "NULL");
}

TEST(FecLoader, RefusesBadAccountingOrCycleAndWritesNothing) {
  auto db = OpenMigrated();
  const std::vector<model::FecCandidate> candidates = {Candidate("H8NY15148", "A")};
  auto unbalanced = Report("cn.txt", "hash-1", 5);
  const absl::Status accounting = LoadFecCandidates(*db, unbalanced, 1, 2020, candidates);
  EXPECT_EQ(accounting.code(), absl::StatusCode::kInternal);
  EXPECT_NE(std::string(accounting.message()).find("rows read 5 != stored 1 + rejected 0"),
            std::string::npos);
  for (const int cycle : {2019, 1900, 20}) {
    SCOPED_TRACE(cycle);
    auto report = Report("cn.txt", "hash-2", 1);
    EXPECT_EQ(LoadFecCandidates(*db, report, 1, cycle, candidates).code(),
              absl::StatusCode::kInvalidArgument);
  }
  EXPECT_EQ(Count(*db, "SELECT count(*) FROM source_file"), 0);
  EXPECT_EQ(Count(*db, "SELECT count(*) FROM fec_candidate"), 0);
}

TEST(FecLoader, ASecondLoadOfTheSameBytesFailsAndRollsBack) {
  auto db = OpenMigrated();
  const std::vector<model::FecCandidate> candidates = {Candidate("H8NY15148", "A")};
  auto first = Report("cn.txt", "same-hash", 1);
  ASSERT_TRUE(LoadFecCandidates(*db, first, 1, 2020, candidates).ok());
  auto second = Report("cn20.txt", "same-hash", 1);
  EXPECT_FALSE(LoadFecCandidates(*db, second, 1, 2020, candidates).ok());
  EXPECT_EQ(Count(*db, "SELECT count(*) FROM source_file"), 1);
  EXPECT_EQ(Count(*db, "SELECT count(*) FROM fec_candidate"), 1);
}

// One committee's totals as the ingest hands them to the store.
model::PackedDonorReceipts PackCommittee(std::string cmte_id,
                                         const std::vector<model::DonorReceipts>& totals) {
  model::DonorReceiptsPacker packer;
  model::PackedDonorReceipts committee;
  committee.cmte_id = std::move(cmte_id);
  for (const model::DonorReceipts& total : totals) {
    packer.Add(total);
    committee.rows += total.rows;
  }
  committee.entries = packer.entries();
  committee.packed = packer.Finish();
  return committee;
}

model::DonorReceipts Total(std::string donor_key, model::ReceiptKind kind, int64_t rows,
                           base::Cents counted_cents) {
  model::DonorReceipts total;
  total.donor_key = std::move(donor_key);
  total.kind = kind;
  total.rows = rows;
  total.counted_cents = counted_cents;
  total.gross_cents = counted_cents < 0 ? -counted_cents : counted_cents;
  return total;
}

TEST(FecLoader, DonorReceiptsCountTheRowsTheyAggregate) {
  auto db = OpenMigrated();
  auto report = Report("itcont.txt", "hash-itcont", 5);
  report.Reject(5, "TRANSACTION_AMT", "'12.3.4' is not an amount");
  const std::vector<model::PackedDonorReceipts> committees = {
      PackCommittee("C00001", {Total("smith john|06880", model::ReceiptKind::kRefund, 4, -500)})};
  ASSERT_TRUE(LoadFecDonorReceipts(*db, report, 100, 2020, committees).ok());
  EXPECT_EQ(report.rows_stored, 4);
  const std::vector<std::string> cmte_ids = {"C00001", "C00002"};
  const auto read = ReadDonorReceipts(*db, cmte_ids, 2020);
  ASSERT_TRUE(read.ok()) << read.status();
  ASSERT_EQ(read->size(), 1u);
  EXPECT_EQ((*read)[0].cmte_id, "C00001");
  EXPECT_EQ((*read)[0].kind, model::ReceiptKind::kRefund);
  EXPECT_EQ((*read)[0].counted_cents, -500);
  EXPECT_EQ((*read)[0].gross_cents, 500);
  EXPECT_TRUE(ReadDonorReceipts(*db, cmte_ids, 2018)->empty());

  auto bad = Report("itcont2.txt", "hash-itcont2", 9);  // 4 aggregated + 0 rejected != 9
  EXPECT_FALSE(LoadFecDonorReceipts(*db, bad, 100, 2020, committees).ok());
  EXPECT_EQ(Count(*db, "SELECT count(*) FROM fec_committee_donors"), 1);
  EXPECT_EQ(Text(*db, "SELECT cmte_id || ' ' || entries || ' ' || rows FROM fec_committee_donors"),
            "C00001 1 4");
}

TEST(FecLoader, DonorReceiptsReadInCommitteeOrderThenByDonorAndKind) {
  auto db = OpenMigrated();
  using model::ReceiptKind;
  const std::vector<model::PackedDonorReceipts> first_file = {
      PackCommittee("C00001", {Total("smith|06880", ReceiptKind::kRefund, 1, -100),
                               Total("doe|10001", ReceiptKind::kIndividual, 1, 200)}),
      PackCommittee("C00002", {Total("roe|20001", ReceiptKind::kIndividual, 1, 300)})};
  const std::vector<model::PackedDonorReceipts> second_file = {
      PackCommittee("C00001", {Total("smith|06880", ReceiptKind::kIndividual, 2, 400)})};
  auto first_report = Report("itcont_a.txt", "hash-a", 3);
  auto second_report = Report("itcont_b.txt", "hash-b", 2);
  ASSERT_TRUE(LoadFecDonorReceipts(*db, first_report, 10, 2020, first_file).ok());
  ASSERT_TRUE(LoadFecDonorReceipts(*db, second_report, 10, 2020, second_file).ok());

  const std::vector<std::string> cmte_ids = {"C00002", "C00001"};
  const auto read = ReadDonorReceipts(*db, cmte_ids, 2020);
  ASSERT_TRUE(read.ok()) << read.status();
  std::vector<std::string> order;
  for (const model::DonorReceipts& total : *read) {
    order.push_back(total.cmte_id + " " + total.donor_key + " " +
                    std::string(model::ToString(total.kind)));
  }
  EXPECT_EQ(order, (std::vector<std::string>{
                       "C00002 roe|20001 individual", "C00001 doe|10001 individual",
                       "C00001 smith|06880 individual", "C00001 smith|06880 refund"}));
}

TEST(FecLoader, CorruptDonorBlobIsDataLossNamingCommitteeAndCycle) {
  auto db = OpenMigrated();
  auto report = Report("itcont.txt", "hash-itcont", 1);
  const std::vector<model::PackedDonorReceipts> committees = {
      PackCommittee("C00001", {Total("smith|06880", model::ReceiptKind::kIndividual, 1, 100)})};
  ASSERT_TRUE(LoadFecDonorReceipts(*db, report, 10, 2020, committees).ok());
  ASSERT_TRUE(
      db->Exec("UPDATE fec_committee_donors SET packed = substr(packed, 1, length(packed) - 1)")
          .ok());

  const std::vector<std::string> cmte_ids = {"C00001"};
  const absl::Status status = ReadDonorReceipts(*db, cmte_ids, 2020).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss) << status;
  EXPECT_NE(status.message().find("cycle 2020"), std::string_view::npos) << status;
  EXPECT_NE(status.message().find("C00001"), std::string_view::npos) << status;
}

TEST(FecLoader, MigrationFiveForgetsTheItcontFilesLoadedBefore) {
  auto opened = Database::Open(":memory:", {});
  ASSERT_TRUE(opened.ok()) << opened.status();
  Database& db = **opened;
  ASSERT_TRUE(Migrate(db, 4).ok());
  // A version 4 store holding one itcont file (with a reject, a note and a total) and one cn.
  auto itcont = Report("itcont.txt", "hash-itcont", 2);
  itcont.kind = "fec_individual_contributions";
  itcont.rows_stored = 1;
  itcont.Reject(2, "TRANSACTION_AMT", "'x' is not an amount");
  itcont.notes.push_back("3 rows before 2019");
  const auto itcont_id = InsertSourceFile(db, itcont, 100);
  ASSERT_TRUE(itcont_id.ok()) << itcont_id.status();
  ASSERT_TRUE(db.Exec("INSERT INTO fec_donor_receipts VALUES (" + std::to_string(*itcont_id) +
                      ", 2020, 'C00001', 'smith|06880', 'SMITH', 'CT', '06880', '', '', "
                      "'individual', 1, 100, 100)")
                  .ok());
  auto cn = Report("cn.txt", "hash-cn", 2);
  cn.Reject(2, "CAND_OFFICE", "'G' is not one of H, S, P");
  ASSERT_TRUE(LoadFecCandidates(db, cn, 10, 2020,
                                std::vector<model::FecCandidate>{Candidate("H8NY15148", "A")})
                  .ok());

  ASSERT_TRUE(Migrate(db, 5).ok());
  EXPECT_EQ(*db.QueryInt("PRAGMA user_version"), 5);
  EXPECT_FALSE(*IsFileLoaded(db, "hash-itcont"));
  EXPECT_TRUE(*IsFileLoaded(db, "hash-cn"));
  EXPECT_EQ(Count(db, "SELECT count(*) FROM row_reject"), 1);  // cn's
  EXPECT_EQ(Count(db, "SELECT count(*) FROM file_note"), 0);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'fec_donor_receipts%'"),
            0);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM fec_committee_donors"), 0);
}

}  // namespace
}  // namespace downballot::store
