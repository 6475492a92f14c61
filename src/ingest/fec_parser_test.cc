#include "ingest/fec_parser.h"

#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "base/file_system.h"
#include "fmt/format.h"
#include "gtest/gtest.h"
#include "ingest/test_files.h"

namespace downballot::ingest {
namespace {

using testing::Message;

constexpr std::string_view kFec2020Dir =
    DOWNBALLOT_SOURCE_DIR "/../shared/data/fec/cycle2020_jk3587";
constexpr std::string_view kFec2018Dir =
    DOWNBALLOT_SOURCE_DIR "/../shared/data/fec/cycle2018_hschulzk";

using testing::TempDir;

std::vector<std::string_view> SplitPipes(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  for (size_t bar = line.find('|');; bar = line.find('|', start)) {
    fields.push_back(line.substr(start, bar - start));
    if (bar == std::string_view::npos) return fields;
    start = bar + 1;
  }
}

// A valid itcont line (the first of the 2020 sample), with field `column` replaced by `value`.
std::string ItcontLine(size_t column = 99, std::string_view value = "") {
  std::string line =
      "C00432906|T|TER|P|201901219143901218|22Y|IND|LEMUNYON, GLENN|WASHINGTON|DC|20002|||"
      "01182019|500||SB20A.55756|1305860|||4021320191639407455";
  if (column == 99) return line;
  std::vector<std::string_view> fields = SplitPipes(line);
  std::string out;
  for (size_t idx = 0; idx < fields.size(); ++idx) {
    if (idx > 0) out += '|';
    out += idx == column ? value : fields[idx];
  }
  return out;
}

constexpr size_t Itcont(std::string_view name) {
  return FecColumnIndex(kContributionColumns, name);
}

struct Collected {
  std::vector<model::Contribution> rows;
  absl::Status status;
  model::FileReport report;
};

Collected CollectContributions(const std::string& path, FecFileKind kind) {
  Collected collected;
  collected.status =
      ForEachContribution(path, kind, collected.report, [&](const model::Contribution& c) {
        collected.rows.push_back(c);
        return absl::OkStatus();
      });
  return collected;
}

TEST(FecParser, ParsesAnItcontRowFieldByField) {
  const std::string line =
      "C00638478|T|TER|P|201901289144040159|15C|CAN|JANOWICZ, PHILIP|BUENA PARK|CA|906211685|"
      "FRIENDS OF PHIL JANOWICZ|CANDIDATE|01282019|35000.5|H8CA39133|3703295|1307800|X|"
      "CONVERTING PRIMARY LOAN TO CONTRIBUTION|4021220191639267648";
  const auto fields = SplitPipes(line);
  auto c = ParseContribution(FecFileKind::kIndividualContributions, fields, 7);
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->line, 7);
  EXPECT_EQ(c->cmte_id, "C00638478");
  EXPECT_EQ(c->amendment, "T");
  EXPECT_EQ(c->report_type, "TER");
  EXPECT_EQ(c->primary_general, "P");
  EXPECT_EQ(c->image_num, "201901289144040159");
  EXPECT_EQ(c->transaction_type, "15C");
  EXPECT_EQ(c->entity_type, "CAN");
  EXPECT_EQ(c->name, "JANOWICZ, PHILIP");
  EXPECT_EQ(c->city, "BUENA PARK");
  EXPECT_EQ(c->state, "CA");
  EXPECT_EQ(c->zip, "906211685");
  EXPECT_EQ(c->employer, "FRIENDS OF PHIL JANOWICZ");
  EXPECT_EQ(c->occupation, "CANDIDATE");
  ASSERT_TRUE(c->date.has_value());
  EXPECT_EQ(c->date->ToIso(), "2019-01-28");
  EXPECT_EQ(c->amount_cents, 3500050);
  EXPECT_EQ(c->other_id, "H8CA39133");
  EXPECT_EQ(c->cand_id, "");
  EXPECT_EQ(c->tran_id, "3703295");
  EXPECT_EQ(c->file_num, 1307800);
  EXPECT_EQ(c->memo_code, "X");
  EXPECT_EQ(c->memo_text, "CONVERTING PRIMARY LOAN TO CONTRIBUTION");
  EXPECT_EQ(c->sub_id, 4021220191639267648);
}

TEST(FecParser, ParsesAnItpas2RowWithItsCandId) {
  const std::string line =
      "C00567180|T|TER|P|201901099143774199|24K|PAC|TED YOHO FOR CONGRESS|GAINESVILLE|FL|32608|||"
      "01082019|1880|C00494583|H2FL06109|SB23.4447|1303604|||4021920191640423011";
  auto c = ParseContribution(FecFileKind::kCommitteeToCandidate, SplitPipes(line), 1);
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->other_id, "C00494583");
  EXPECT_EQ(c->cand_id, "H2FL06109");
  EXPECT_EQ(c->tran_id, "SB23.4447");
  EXPECT_EQ(c->amount_cents, 188000);
  EXPECT_EQ(c->sub_id, 4021920191640423011);
  // The same 22 fields are wrong for the 21-field layouts, and cn is not a contribution layout.
  auto as_itcont = ParseContribution(FecFileKind::kIndividualContributions, SplitPipes(line), 1);
  EXPECT_EQ(Message(as_itcont.status()), "expected 21 fields, got 22");
  auto as_cn = ParseContribution(FecFileKind::kCandidates, SplitPipes(line), 1);
  EXPECT_EQ(as_cn.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(FecParser, ValidatesEveryTypedContributionField) {
  struct Case {
    std::string name;
    std::string line;
    std::string want_error;  // "" for a valid row
  };
  const Case cases[] = {
      {"valid", ItcontLine(), ""},
      {"empty date is allowed", ItcontLine(Itcont("TRANSACTION_DT"), ""), ""},
      {"leap day", ItcontLine(Itcont("TRANSACTION_DT"), "02292020"), ""},
      {"negative refund", ItcontLine(Itcont("TRANSACTION_AMT"), "-8530"), ""},
      {"zero", ItcontLine(Itcont("TRANSACTION_AMT"), "0"), ""},
      {"empty file num reads 0", ItcontLine(Itcont("FILE_NUM"), ""), ""},
      {"quote is data", ItcontLine(Itcont("NAME"), "CRAMER, ROBERT E \"BUD"), ""},
      {"amount with two dots", ItcontLine(Itcont("TRANSACTION_AMT"), "12.3.4"),
       "TRANSACTION_AMT: '12.3.4' is not an amount"},
      {"amount empty", ItcontLine(Itcont("TRANSACTION_AMT"), ""),
       "TRANSACTION_AMT: '' is not an amount"},
      {"amount with comma", ItcontLine(Itcont("TRANSACTION_AMT"), "1,000"),
       "TRANSACTION_AMT: '1,000' is not an amount"},
      {"huge amount", ItcontLine(Itcont("TRANSACTION_AMT"), "999999999999999999999"),
       "TRANSACTION_AMT: '999999999999999999999' is not an amount"},
      {"three decimals", ItcontLine(Itcont("TRANSACTION_AMT"), "1.005"),
       "TRANSACTION_AMT: '1.005' is not an amount"},
      {"month 13", ItcontLine(Itcont("TRANSACTION_DT"), "13012019"),
       "TRANSACTION_DT: '13012019' is not a date (MMDDYYYY)"},
      {"february 30", ItcontLine(Itcont("TRANSACTION_DT"), "02302019"),
       "TRANSACTION_DT: '02302019' is not a date (MMDDYYYY)"},
      {"not a leap year", ItcontLine(Itcont("TRANSACTION_DT"), "02292019"),
       "TRANSACTION_DT: '02292019' is not a date (MMDDYYYY)"},
      {"ISO order", ItcontLine(Itcont("TRANSACTION_DT"), "20190118"),
       "TRANSACTION_DT: '20190118' is not a date (MMDDYYYY)"},
      {"seven digits", ItcontLine(Itcont("TRANSACTION_DT"), "1182019"),
       "TRANSACTION_DT: '1182019' is not a date (MMDDYYYY)"},
      {"slashes", ItcontLine(Itcont("TRANSACTION_DT"), "01/18/2019"),
       "TRANSACTION_DT: '01/18/2019' is not a date (MMDDYYYY)"},
      {"amendment code", ItcontLine(Itcont("AMNDT_IND"), "Q"),
       "AMNDT_IND: 'Q' is not one of N, A, T"},
      {"memo code", ItcontLine(Itcont("MEMO_CD"), "Y"), "MEMO_CD: 'Y' is not one of '' or X"},
      {"no committee", ItcontLine(Itcont("CMTE_ID"), ""), "CMTE_ID: is empty"},
      {"file num", ItcontLine(Itcont("FILE_NUM"), "12a"), "FILE_NUM: '12a' is not an integer"},
      {"no sub id", ItcontLine(Itcont("SUB_ID"), ""), "SUB_ID: '' is not an integer"},
      {"sub id overflow", ItcontLine(Itcont("SUB_ID"), "99999999999999999999"),
       "SUB_ID: '99999999999999999999' is not an integer"},
      {"too few fields", "C00432906|N|M2", "expected 21 fields, got 3"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto parsed = ParseContribution(FecFileKind::kIndividualContributions, SplitPipes(c.line), 1);
    if (c.want_error.empty()) {
      EXPECT_TRUE(parsed.ok()) << parsed.status();
    } else {
      ASSERT_FALSE(parsed.ok());
      EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
      EXPECT_EQ(Message(parsed.status()), c.want_error);
    }
  }
}

TEST(FecParser, ParseFecDateIsStrict) {
  EXPECT_EQ(ParseFecDate("01182019")->ToIso(), "2019-01-18");
  EXPECT_EQ(ParseFecDate("12312000")->ToIso(), "2000-12-31");
  EXPECT_EQ(ParseFecDate("02292000")->ToIso(), "2000-02-29");
  for (const std::string_view bad : {"", "02291900", "00012019", "01002019", "04312019", "0118201",
                                     "011820190", "01182O19", "01011899", "01012101", "-1182019"}) {
    SCOPED_TRACE(std::string(bad));
    EXPECT_FALSE(ParseFecDate(bad).has_value());
  }
}

TEST(FecParser, ParsesCandidatesAndValidatesYearAndOffice) {
  const std::string line =
      "H0AL05049|CRAMER, ROBERT E \"BUD\" JR|DEM|2008|AL|H|05|I|P|C00239038|PO BOX 2621||"
      "HUNTSVILLE|AL|35804";
  auto c = ParseCandidate(SplitPipes(line), 4);
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->cand_id, "H0AL05049");
  EXPECT_EQ(c->name, "CRAMER, ROBERT E \"BUD\" JR");
  EXPECT_EQ(c->party, "DEM");
  EXPECT_EQ(c->election_year, 2008);
  EXPECT_EQ(c->office_state, "AL");
  EXPECT_EQ(c->office, "H");
  EXPECT_EQ(c->office_district, "05");
  EXPECT_EQ(c->incumbent_challenger, "I");
  EXPECT_EQ(c->status, "P");
  EXPECT_EQ(c->principal_committee, "C00239038");
  EXPECT_EQ(c->state, "AL");
  EXPECT_EQ(c->zip, "35804");

  struct Case {
    std::string name;
    size_t column;
    std::string value;
    std::string want_error;
  };
  const Case cases[] = {
      {"two-digit year", 3, "08", "CAND_ELECTION_YR: '08' is not a year"},
      {"empty year", 3, "", "CAND_ELECTION_YR: '' is not a year"},
      {"office", 5, "G", "CAND_OFFICE: 'G' is not one of H, S, P"},
      {"no id", 0, "", "CAND_ID: is empty"},
  };
  for (const Case& tc : cases) {
    SCOPED_TRACE(tc.name);
    std::vector<std::string_view> fields = SplitPipes(line);
    fields[tc.column] = tc.value;
    auto parsed = ParseCandidate(fields, 4);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(Message(parsed.status()), tc.want_error);
  }
}

TEST(FecParser, ParsesCommitteesAndLinkages) {
  auto cm = ParseCommittee(
      SplitPipes("C00000422|AMERICAN MEDICAL ASSOCIATION POLITICAL ACTION COMMITTEE|WALKER, KEVIN "
                 "MR.|25 MASSACHUSETTS AVE, NW|SUITE 600|WASHINGTON|DC|200017400|B|Q||M|M|"
                 "DELAWARE MEDICAL PAC|"),
      2);
  ASSERT_TRUE(cm.ok()) << cm.status();
  EXPECT_EQ(cm->cmte_id, "C00000422");
  EXPECT_EQ(cm->treasurer, "WALKER, KEVIN MR.");
  EXPECT_EQ(cm->state, "DC");
  EXPECT_EQ(cm->zip, "200017400");
  EXPECT_EQ(cm->designation, "B");
  EXPECT_EQ(cm->type, "Q");
  EXPECT_EQ(cm->party, "");
  EXPECT_EQ(cm->filing_frequency, "M");
  EXPECT_EQ(cm->org_type, "M");
  EXPECT_EQ(cm->connected_org, "DELAWARE MEDICAL PAC");
  EXPECT_EQ(cm->cand_id, "");

  auto ccl = ParseLinkage(SplitPipes("H0AL02087|2020|2020|C00462143|H|P|225127"), 1);
  ASSERT_TRUE(ccl.ok()) << ccl.status();
  EXPECT_EQ(ccl->cand_id, "H0AL02087");
  EXPECT_EQ(ccl->cand_election_year, 2020);
  EXPECT_EQ(ccl->fec_election_year, 2020);
  EXPECT_EQ(ccl->cmte_id, "C00462143");
  EXPECT_EQ(ccl->cmte_type, "H");
  EXPECT_EQ(ccl->cmte_designation, "P");
  EXPECT_EQ(ccl->linkage_id, 225127);
  EXPECT_EQ(Message(ParseLinkage(SplitPipes("H0AL02087|2020|2020|C00462143|H|P|x"), 1).status()),
            "LINKAGE_ID: 'x' is not an integer");
  EXPECT_EQ(Message(ParseLinkage(SplitPipes("H0AL02087|2020|2020||H|P|1"), 1).status()),
            "CMTE_ID: is empty");
}

TEST(FecParser, ParsesCandidateSummaries) {
  const std::string line =
      "H6CA48245|BAUGH, SCOTT|C|2|REP|59503.16|0|123711.47|0|64208.31|.73|6.61|0|0|2000|0|0|"
      "57700|CA|48||||||0|0|03/31/2019|114400|-5";
  auto s = ParseCandidateSummary(SplitPipes(line), 3);
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->cand_id, "H6CA48245");
  EXPECT_EQ(s->name, "BAUGH, SCOTT");
  EXPECT_EQ(s->incumbent_challenger, "C");
  EXPECT_EQ(s->party_code, "2");
  EXPECT_EQ(s->party, "REP");
  EXPECT_EQ(s->total_receipts, 5950316);
  EXPECT_EQ(s->total_disbursements, 12371147);
  EXPECT_EQ(s->cash_on_hand_start, 6420831);
  EXPECT_EQ(s->cash_on_hand_end, 73);
  EXPECT_EQ(s->candidate_contributions, 661);
  EXPECT_EQ(s->candidate_loan_repayments, 200000);
  EXPECT_EQ(s->individual_contributions, 5770000);
  EXPECT_EQ(s->office_state, "CA");
  EXPECT_EQ(s->office_district, "48");
  ASSERT_TRUE(s->coverage_end_date.has_value());
  EXPECT_EQ(s->coverage_end_date->ToIso(), "2019-03-31");
  EXPECT_EQ(s->individual_refunds, 11440000);
  EXPECT_EQ(s->committee_refunds, -500);

  std::vector<std::string_view> fields = SplitPipes(line);
  fields[27] = "";
  fields[5] = "";
  auto blank = ParseCandidateSummary(fields, 3);
  ASSERT_TRUE(blank.ok()) << blank.status();
  EXPECT_FALSE(blank->coverage_end_date.has_value());
  EXPECT_EQ(blank->total_receipts, 0);
  fields[27] = "20190331";
  EXPECT_EQ(Message(ParseCandidateSummary(fields, 3).status()),
            "CVG_END_DT: '20190331' is not a date (MM/DD/YYYY)");
  fields[27] = "";
  fields[9] = "1.2.3";
  EXPECT_EQ(Message(ParseCandidateSummary(fields, 3).status()),
            "COH_BOP: '1.2.3' is not an amount");
}

TEST(FecParser, RejectFecRowFilesTheColumn) {
  model::FileReport report;
  RejectFecRow(report, 4, absl::InvalidArgumentError("TRANSACTION_AMT: '12.3.4' is not an amount"));
  RejectFecRow(report, 5, absl::InvalidArgumentError("expected 21 fields, got 19"));
  ASSERT_EQ(report.rejects.size(), 2u);
  EXPECT_EQ(report.rows_rejected, 2);
  EXPECT_EQ(report.rejects[0].line, 4);
  EXPECT_EQ(report.rejects[0].field, "TRANSACTION_AMT");
  EXPECT_EQ(report.rejects[0].reason, "'12.3.4' is not an amount");
  EXPECT_EQ(report.rejects[1].field, "");
  EXPECT_EQ(report.rejects[1].reason, "expected 21 fields, got 19");
}

TEST(FecParser, StreamsAFileRejectingBadRowsAndCountingEveryLine) {
  TempDir dir;
  const std::string bytes = ItcontLine() + "\n" +                                     // 1 ok
                            ItcontLine(Itcont("TRANSACTION_AMT"), "12.3.4") + "\n" +  // 2 bad amt
                            "C00432906|N|M2|P|1|15|IND|DOE|X|NY|1|||01182019|5|||1|||\n" +  // 3 ok
                            "C00432906|N|M2|P|1|15|IND|DOE\n" +                  // 4 too short
                            ItcontLine(Itcont("TRANSACTION_DT"), "") + "\r\n" +  // 5 CRLF
                            ItcontLine();                                        // 6 no '\n'
  const std::string path = dir.Write("itcont.txt", bytes);
  const Collected got = CollectContributions(path, FecFileKind::kIndividualContributions);
  ASSERT_TRUE(got.status.ok()) << got.status;
  EXPECT_EQ(got.report.path, path);
  EXPECT_EQ(got.report.kind, "fec_individual_contributions");
  EXPECT_EQ(got.report.rows_read, 6);
  EXPECT_EQ(got.report.rows_rejected, 3);
  ASSERT_EQ(got.rows.size(), 3u);
  EXPECT_EQ(got.rows[0].line, 1);
  EXPECT_EQ(got.rows[1].line, 5);
  EXPECT_FALSE(got.rows[1].date.has_value());
  EXPECT_EQ(got.rows[1].sub_id, 4021320191639407455);  // '\r' stripped from the last field
  EXPECT_EQ(got.rows[2].line, 6);
  ASSERT_EQ(got.report.rejects.size(), 3u);
  EXPECT_EQ(got.report.rejects[0].line, 2);
  EXPECT_EQ(got.report.rejects[0].field, "TRANSACTION_AMT");
  EXPECT_EQ(got.report.rejects[1].line, 3);
  EXPECT_EQ(got.report.rejects[1].field, "SUB_ID");
  EXPECT_EQ(got.report.rejects[2].line, 4);
  EXPECT_EQ(got.report.rejects[2].field, "");
  EXPECT_EQ(got.report.rejects[2].reason, "expected 21 fields, got 8");
  EXPECT_TRUE(got.report.notes.empty());
}

TEST(FecParser, ACutOffLastLineIsATruncatedFile) {
  TempDir dir;
  const std::string cut = ItcontLine().substr(0, 60);
  const std::string path = dir.Write("itcont.txt", ItcontLine() + "\n" + ItcontLine() + "\n" + cut);
  const Collected got = CollectContributions(path, FecFileKind::kIndividualContributions);
  ASSERT_FALSE(got.status.ok());
  EXPECT_EQ(got.status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Message(got.status), path + ":3: file is truncated: expected 21 fields, got 8");
}

TEST(FecParser, TrailingSeparatorBlankLinesBomAndLatin1AreNoted) {
  TempDir dir;
  const std::string latin1_name = ItcontLine(Itcont("NAME"),
                                             "PE\xd1"
                                             "A, JOS\xc9");
  const std::string utf8_name = ItcontLine(Itcont("NAME"),
                                           "PE\xc3\x91"
                                           "A, ANA");
  const std::string bytes =
      "\xef\xbb\xbf" + ItcontLine() + "|\n" + "\n" + latin1_name + "\n" + utf8_name + "\n" + "\r\n";
  const std::string path = dir.Write("itcont.txt", bytes);
  const Collected got = CollectContributions(path, FecFileKind::kIndividualContributions);
  ASSERT_TRUE(got.status.ok()) << got.status;
  EXPECT_EQ(got.report.rows_read, 3);
  EXPECT_EQ(got.report.rows_rejected, 0);
  ASSERT_EQ(got.rows.size(), 3u);
  EXPECT_EQ(got.rows[0].cmte_id, "C00432906");  // BOM dropped
  EXPECT_EQ(got.rows[0].sub_id, 4021320191639407455);
  EXPECT_EQ(got.rows[1].name,
            "PE\xc3\x91"
            "A, JOS\xc3\x89");
  EXPECT_EQ(got.rows[2].name,
            "PE\xc3\x91"
            "A, ANA");
  const std::vector<std::string> want_notes = {
      "2 blank lines skipped", "1 lines end with a trailing '|': ignored",
      "1 fields held bytes that are not UTF-8: read as Latin-1"};
  EXPECT_EQ(got.report.notes, want_notes);
}

TEST(FecParser, ATrailingSeparatorCannotHideAShiftedField) {
  TempDir dir;
  // A '|' inside a name pushes every later field right: the extra field is SUB_ID, not empty.
  const std::string shifted = ItcontLine(Itcont("NAME"), "DOE|JANE");
  const std::string path = dir.Write("itcont.txt", shifted + "\n");
  const Collected got = CollectContributions(path, FecFileKind::kIndividualContributions);
  ASSERT_TRUE(got.status.ok()) << got.status;
  EXPECT_EQ(got.report.rows_rejected, 1);
  EXPECT_EQ(got.report.rejects[0].reason, "expected 21 fields, got 22");
}

TEST(FecParser, BinaryAndOverlongInputsAreWholeFileErrors) {
  TempDir dir;
  const std::string binary = dir.Write("cn.txt", std::string("H0AL\0\x01\x02|x\n", 10));
  model::FileReport report;
  absl::Status status =
      ForEachFecRow(binary, FecFileKind::kCandidates, report,
                    [](int64_t, std::span<const std::string_view>) { return absl::OkStatus(); });
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Message(status), binary + ": binary content (NUL byte), not an FEC text file");

  const std::string overlong = dir.Write("cm.txt", std::string(3 * 1024 * 1024, 'x'));
  model::FileReport long_report;
  status =
      ForEachFecRow(overlong, FecFileKind::kCommittees, long_report,
                    [](int64_t, std::span<const std::string_view>) { return absl::OkStatus(); });
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(Message(status).find(":1: line longer than"), std::string::npos) << status;

  model::FileReport missing_report;
  status =
      ForEachFecRow(dir.File("nope.txt"), FecFileKind::kCommittees, missing_report,
                    [](int64_t, std::span<const std::string_view>) { return absl::OkStatus(); });
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
}

TEST(FecParser, ACallbackErrorStopsTheRead) {
  TempDir dir;
  const std::string path = dir.Write("itcont.txt", ItcontLine() + "\n" + ItcontLine() + "\n");
  model::FileReport report;
  int num_calls = 0;
  const absl::Status status = ForEachContribution(path, FecFileKind::kIndividualContributions,
                                                  report, [&](const model::Contribution&) {
                                                    ++num_calls;
                                                    return absl::CancelledError("enough");
                                                  });
  EXPECT_EQ(status.code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(num_calls, 1);
  EXPECT_EQ(ForEachContribution(path, FecFileKind::kCandidates, report,
                                [](const model::Contribution&) { return absl::OkStatus(); })
                .code(),
            absl::StatusCode::kInvalidArgument);
}

// Lines straddle the 1 MiB read chunks: none may be lost or split.
TEST(FecParser, LinesAcrossChunkBoundariesSurvive) {
  TempDir dir;
  std::string bytes;
  constexpr int kNumRows = 12000;  // ~1.3 MB: past the first 1 MiB chunk
  for (int row_idx = 0; row_idx < kNumRows; ++row_idx) {
    bytes += ItcontLine(Itcont("SUB_ID"), std::to_string(row_idx + 1)) + "\n";
  }
  const std::string path = dir.Write("itcont.txt", bytes);
  int64_t expected_sub_id = 1;
  model::FileReport report;
  const absl::Status status = ForEachContribution(path, FecFileKind::kIndividualContributions,
                                                  report, [&](const model::Contribution& c) {
                                                    EXPECT_EQ(c.sub_id, expected_sub_id);
                                                    EXPECT_EQ(c.line, expected_sub_id);
                                                    ++expected_sub_id;
                                                    return absl::OkStatus();
                                                  });
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(report.rows_read, kNumRows);
  EXPECT_EQ(report.rows_rejected, 0);
  EXPECT_EQ(expected_sub_id, kNumRows + 1);
}

TEST(FecParser, ReadsAZippedFileAndFailsOnATruncatedOne) {
  TempDir dir;
  std::string bytes;
  for (int row_idx = 0; row_idx < 8000; ++row_idx) bytes += ItcontLine() + "\n";
  const std::string zip = dir.File("oth20.zip");
  testing::WriteZip(zip, {{"itoth.txt", std::string(bytes)}});
  const Collected got = CollectContributions(zip, FecFileKind::kCommitteeToCommittee);
  ASSERT_TRUE(got.status.ok()) << got.status;
  EXPECT_EQ(got.report.rows_read, 8000);
  EXPECT_EQ(got.rows.size(), 8000u);

  std::ifstream in(zip, std::ios::binary);
  std::ostringstream whole;
  whole << in.rdbuf();
  const std::string truncated =
      dir.Write("cut20.zip", std::string_view(whole.str()).substr(0, whole.str().size() / 2));
  const Collected cut = CollectContributions(truncated, FecFileKind::kCommitteeToCommittee);
  ASSERT_FALSE(cut.status.ok());
  EXPECT_EQ(cut.status.code(), absl::StatusCode::kDataLoss) << cut.status;
  EXPECT_NE(Message(cut.status).find(truncated), std::string::npos);
}

// ---- The real 2019-20 and 2017-18 samples (MANIFEST.md). ----

std::string SampleFile(std::string_view dir, std::string_view name) {
  return std::string(dir) + "/" + std::string(name);
}

// Prints a file's rejects so the counts in the report can be checked by hand.
std::string DescribeRejects(const model::FileReport& report) {
  std::map<std::string, int> by_reason;
  for (const auto& reject : report.rejects) ++by_reason[reject.field + ": " + reject.reason];
  std::string text;
  for (const auto& [reason, count] : by_reason) text += fmt::format("  {} x {}\n", count, reason);
  return text;
}

TEST(FecParserRealData, Itcont2020ParsesEveryRow) {
  const std::string path = SampleFile(kFec2020Dir, "itcont.txt");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no FEC sample data";
  model::FileReport report;
  std::map<std::string, int> by_amendment;
  int num_parsed = 0;
  int num_negative = 0;
  int num_zero = 0;
  int num_memo = 0;
  int num_no_date = 0;
  base::Cents max_cents = 0;
  base::Cents min_cents = 0;
  const absl::Status status = ForEachContribution(path, FecFileKind::kIndividualContributions,
                                                  report, [&](const model::Contribution& c) {
                                                    ++num_parsed;
                                                    ++by_amendment[c.amendment];
                                                    num_negative += c.amount_cents < 0 ? 1 : 0;
                                                    num_zero += c.amount_cents == 0 ? 1 : 0;
                                                    num_memo += c.memo_code == "X" ? 1 : 0;
                                                    num_no_date += c.date.has_value() ? 0 : 1;
                                                    max_cents = std::max(max_cents, c.amount_cents);
                                                    min_cents = std::min(min_cents, c.amount_cents);
                                                    return absl::OkStatus();
                                                  });
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(report.rows_read, 70671);
  EXPECT_EQ(report.rows_read, num_parsed + report.rows_rejected);
  EXPECT_EQ(report.rows_rejected, 0) << DescribeRejects(report);
  EXPECT_EQ(by_amendment["N"], 69569);
  EXPECT_EQ(by_amendment["A"], 938);
  EXPECT_EQ(by_amendment["T"], 164);
  EXPECT_EQ(num_negative, 85);
  EXPECT_EQ(num_zero, 19);
  EXPECT_EQ(min_cents, -853000);
  EXPECT_EQ(max_cents, 84900000);
  EXPECT_EQ(num_memo, 226);
  EXPECT_EQ(num_no_date, 0);
  EXPECT_TRUE(report.notes.empty());
}

TEST(FecParserRealData, Itpas2AndOth20ZipParseEveryRow) {
  const std::string itpas2 = SampleFile(kFec2020Dir, "itpas2.txt");
  if (!std::filesystem::exists(itpas2)) GTEST_SKIP() << "no FEC sample data";
  model::FileReport report;
  auto rows = ReadFecCommitteeToCandidate(itpas2, report);
  ASSERT_TRUE(rows.ok()) << rows.status();
  EXPECT_EQ(report.rows_read, 3159);
  EXPECT_EQ(report.rows_rejected, 0) << DescribeRejects(report);
  ASSERT_EQ(rows->size(), 3159u);
  EXPECT_EQ(std::count_if(rows->begin(), rows->end(),
                          [](const model::Contribution& c) { return c.cand_id.empty(); }),
            98);
  EXPECT_EQ(std::count_if(rows->begin(), rows->end(),
                          [](const model::Contribution& c) { return c.transaction_type == "24K"; }),
            3033);

  const Collected oth = CollectContributions(SampleFile(kFec2020Dir, "oth20.zip"),
                                             FecFileKind::kCommitteeToCommittee);
  ASSERT_TRUE(oth.status.ok()) << oth.status;
  EXPECT_EQ(oth.report.rows_read, 50921);
  EXPECT_EQ(oth.report.rows_rejected, 0) << DescribeRejects(oth.report);
  EXPECT_EQ(oth.rows.size(), 50921u);
  EXPECT_EQ(std::count_if(oth.rows.begin(), oth.rows.end(),
                          [](const model::Contribution& c) { return c.memo_code == "X"; }),
            44446);
}

TEST(FecParserRealData, MasterAndSummaryFilesLoadWithExactCounts) {
  if (!std::filesystem::exists(std::string(kFec2020Dir))) GTEST_SKIP() << "no FEC sample data";
  struct Case {
    std::string_view dir;
    std::string_view name;
    int64_t want_rows;
  };
  const Case cases[] = {
      {kFec2020Dir, "cn.txt", 3937},   {kFec2020Dir, "cm.txt", 11605},
      {kFec2020Dir, "ccl.txt", 3752},  {kFec2020Dir, "weball20.txt", 141},
      {kFec2020Dir, "webl20.txt", 11}, {kFec2018Dir, "cn.txt", 4282},
      {kFec2018Dir, "cm.txt", 14138},
  };
  for (const Case& c : cases) {
    const std::string path = SampleFile(c.dir, c.name);
    SCOPED_TRACE(path);
    const std::optional<FecFileKind> kind = FecFileKindFromName(c.name);
    ASSERT_TRUE(kind.has_value());
    model::FileReport report;
    size_t num_records = 0;
    switch (*kind) {
      case FecFileKind::kCandidates: {
        auto records = ReadFecCandidates(path, report);
        ASSERT_TRUE(records.ok()) << records.status();
        num_records = records->size();
        break;
      }
      case FecFileKind::kCommittees: {
        auto records = ReadFecCommittees(path, report);
        ASSERT_TRUE(records.ok()) << records.status();
        num_records = records->size();
        break;
      }
      case FecFileKind::kLinkages: {
        auto records = ReadFecLinkages(path, report);
        ASSERT_TRUE(records.ok()) << records.status();
        num_records = records->size();
        break;
      }
      case FecFileKind::kCandidateSummary: {
        auto records = ReadFecCandidateSummaries(path, report);
        ASSERT_TRUE(records.ok()) << records.status();
        num_records = records->size();
        break;
      }
      default:
        FAIL() << "unexpected kind";
    }
    EXPECT_EQ(report.rows_read, c.want_rows);
    EXPECT_EQ(report.rows_rejected, 0) << DescribeRejects(report);
    EXPECT_EQ(static_cast<int64_t>(num_records), c.want_rows);
  }
}

TEST(FecParserRealData, QuotesInCandidateNamesSurvive) {
  const std::string path = SampleFile(kFec2020Dir, "cn.txt");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no FEC sample data";
  model::FileReport report;
  auto candidates = ReadFecCandidates(path, report);
  ASSERT_TRUE(candidates.ok()) << candidates.status();
  const auto cramer =
      std::find_if(candidates->begin(), candidates->end(),
                   [](const model::FecCandidate& c) { return c.cand_id == "H0AL05049"; });
  ASSERT_NE(cramer, candidates->end());
  EXPECT_EQ(cramer->name, "CRAMER, ROBERT E \"BUD\" JR");
  EXPECT_EQ(std::count_if(
                candidates->begin(), candidates->end(),
                [](const model::FecCandidate& c) { return c.name.find('"') != std::string::npos; }),
            17);
  // The FEC lists H8GA04117 twice; both rows are kept.
  EXPECT_EQ(std::count_if(candidates->begin(), candidates->end(),
                          [](const model::FecCandidate& c) { return c.cand_id == "H8GA04117"; }),
            2);
}

TEST(FecParserRealData, SummaryAmountsAreCents) {
  const std::string path = SampleFile(kFec2020Dir, "weball20.txt");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no FEC sample data";
  model::FileReport report;
  auto summaries = ReadFecCandidateSummaries(path, report);
  ASSERT_TRUE(summaries.ok()) << summaries.status();
  const auto baugh =
      std::find_if(summaries->begin(), summaries->end(),
                   [](const model::FecCandidateSummary& s) { return s.cand_id == "H6CA48245"; });
  ASSERT_NE(baugh, summaries->end());
  EXPECT_EQ(baugh->total_receipts, 5950316);
  EXPECT_EQ(baugh->coverage_end_date->ToIso(), "2019-03-31");
  EXPECT_EQ(baugh->individual_refunds, 11440000);
}

}  // namespace
}  // namespace downballot::ingest

namespace downballot::ingest {
namespace {

// What ScanContributions passes on, as text, so the two paths can be compared row for row.
std::string ScanProjection(const model::ContributionView& c) {
  return fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}", c.cmte_id, c.transaction_type,
                     c.entity_type, c.name, c.state, c.zip, c.employer, c.occupation, c.date_key,
                     c.amount_cents, c.memo_code);
}

// The same projection of a row ForEachContribution parsed.
std::string ScanProjection(const model::Contribution& c) {
  return ScanProjection(model::ViewOf(c));
}

struct ScanOutcome {
  std::string status;
  std::vector<std::string> rows;  // in file order
  model::FileReport report;
};

ScanOutcome SerialOutcome(const std::string& path) {
  ScanOutcome outcome;
  const absl::Status status =
      ForEachContribution(path, FecFileKind::kIndividualContributions, outcome.report,
                          [&](const model::Contribution& c) {
                            outcome.rows.push_back(ScanProjection(c));
                            return absl::OkStatus();
                          });
  outcome.status = status.ToString();
  return outcome;
}

ContributionScanOptions Options(int num_threads, int64_t min_chunk_bytes, size_t block_bytes,
                                size_t zip_block_bytes = size_t{4} << 20) {
  ContributionScanOptions options;
  options.num_threads = num_threads;
  options.min_chunk_bytes = min_chunk_bytes;
  options.block_bytes = block_bytes;
  options.zip_block_bytes = zip_block_bytes;
  return options;
}

ScanOutcome ParallelOutcome(const std::string& path, const ContributionScanOptions& options) {
  ScanOutcome outcome;
  std::vector<std::vector<std::pair<int64_t, std::string>>> per_worker(
      static_cast<size_t>(std::max(options.num_threads, 1)));
  const absl::Status status =
      ScanContributions(path, FecFileKind::kIndividualContributions, outcome.report, options,
                        [&](int worker, const model::ContributionView& c) {
                          auto& rows = per_worker[static_cast<size_t>(worker)];
                          // Each worker's rows come in file order.
                          EXPECT_TRUE(rows.empty() || rows.back().first < c.position);
                          rows.emplace_back(c.position, ScanProjection(c));
                          return absl::OkStatus();
                        });
  outcome.status = status.ToString();
  // File order is position order, whichever worker read the row.
  std::vector<std::pair<int64_t, std::string>> all;
  for (const auto& rows : per_worker) all.insert(all.end(), rows.begin(), rows.end());
  std::sort(all.begin(), all.end());
  for (auto& [position, row] : all) outcome.rows.push_back(std::move(row));
  return outcome;
}

// Where each accepted row's line starts: the positions ScanContributions must give.
std::vector<int64_t> LineStarts(std::string_view text) {
  std::vector<int64_t> starts;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = text.find('\n', start);
    starts.push_back(static_cast<int64_t>(start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return starts;
}

void ExpectSameOutcome(const ScanOutcome& got, const ScanOutcome& want) {
  EXPECT_EQ(got.status, want.status);
  EXPECT_EQ(got.report.rows_read, want.report.rows_read);
  EXPECT_EQ(got.report.rows_rejected, want.report.rows_rejected);
  EXPECT_EQ(got.report.notes, want.report.notes);
  ASSERT_EQ(got.report.rejects.size(), want.report.rejects.size());
  for (size_t idx = 0; idx < want.report.rejects.size(); ++idx) {
    const model::RowError& a = got.report.rejects[idx];
    const model::RowError& b = want.report.rejects[idx];
    EXPECT_EQ(std::tie(a.file, a.line, a.field, a.reason),
              std::tie(b.file, b.line, b.field, b.reason))
        << "reject " << idx;
  }
  EXPECT_EQ(got.rows, want.rows);
}

std::string ItcontLine(int idx, std::string_view amount = "250", std::string_view date = "01152020",
                       std::string_view name = "DOE, JANE") {
  return fmt::format(
      "C{:08d}|N|Q1|P|2020|15|IND|{}|TOWN|CT|06880{:04d}|ACME|ENGINEER|{}|{}||T{}|1|||{}\n",
      idx % 7, name, idx, date, amount, idx, 4000000 + idx);
}

TEST(ScanContributions, MatchesForEachContributionOnRealSample) {
  const std::string path = std::string(kFec2020Dir) + "/itcont.txt";
  const ScanOutcome want = SerialOutcome(path);
  ASSERT_EQ(want.status, "OK");
  ASSERT_GT(want.rows.size(), 1000u);
  struct Case {
    int num_threads;
    int64_t min_chunk_bytes;
    size_t block_bytes;
  };
  for (const Case& c : {Case{1, 1, 1 << 20}, Case{2, 1, 4096}, Case{2, 1 << 20, 1 << 20},
                        Case{3, 1, 777}, Case{8, 1, 65536}}) {
    SCOPED_TRACE(fmt::format("threads {} block {}", c.num_threads, c.block_bytes));
    ExpectSameOutcome(
        ParallelOutcome(path, Options(c.num_threads, c.min_chunk_bytes, c.block_bytes)), want);
  }
}

TEST(ScanContributions, RejectsAndLinesExactAtEveryChunkSeam) {
  const TempDir dir;
  std::string text = "\xEF\xBB\xBF" + ItcontLine(0);
  for (int idx = 1; idx < 40; ++idx) {
    switch (idx % 9) {
      case 1:
        text += "C1|N|short row\n";
        break;
      case 2:
        text += ItcontLine(idx, "12.3.4");
        break;
      case 3:
        text += ItcontLine(idx, "250", "13012020");
        break;
      case 4:
        text += "\n";
        break;
      case 5:
        text += ItcontLine(idx, "-75.5", "", "M\xDCLLER, J\xDCRGEN");
        break;
      case 6:
        text += ItcontLine(idx).substr(0, ItcontLine(idx).size() - 1) + "\r\n";
        break;
      case 7:
        text += ItcontLine(idx).substr(0, ItcontLine(idx).size() - 1) + "|\n";
        break;
      default:
        text += ItcontLine(idx);
        break;
    }
  }
  const std::string path = dir.Write("itcont.txt", text);
  const ScanOutcome want = SerialOutcome(path);
  ASSERT_EQ(want.status, "OK");
  ASSERT_GE(want.report.rejects.size(), 10u);
  // A seam lands on every byte in turn, and blocks are small enough to cut lines too.
  for (int num_threads : {2, 3}) {
    for (int64_t chunk = 1; chunk <= static_cast<int64_t>(text.size()); chunk += 7) {
      SCOPED_TRACE(fmt::format("threads {} chunk {}", num_threads, chunk));
      ExpectSameOutcome(ParallelOutcome(path, Options(num_threads, chunk, 64)), want);
    }
  }
}

TEST(ScanContributions, TruncatedLastLineFailsWithItsFileLine) {
  const TempDir dir;
  std::string text;
  for (int idx = 0; idx < 20; ++idx) text += ItcontLine(idx);
  text += "C1|N|cut off";
  const std::string path = dir.Write("itcont.txt", text);
  const ScanOutcome want = SerialOutcome(path);
  EXPECT_NE(want.status.find("itcont.txt:21: file is truncated: expected 21 fields, got 3"),
            std::string::npos)
      << want.status;
  ExpectSameOutcome(ParallelOutcome(path, Options(3, 1, 128)), want);
}

TEST(ScanContributions, ZipBlocksGiveThePlainFilesRowsAndPositions) {
  const TempDir dir;
  std::string text;
  for (int idx = 0; idx < 30; ++idx) text += idx == 11 ? "bad|row\n" : ItcontLine(idx);
  const std::string plain = dir.Write("itcont.txt", text);
  const std::string zip = dir.File("indiv20.zip");
  testing::WriteZip(zip, {{"itcont.txt", std::string(text)}});
  const ScanOutcome want = SerialOutcome(plain);
  std::vector<int64_t> want_positions = LineStarts(text);
  want_positions.erase(want_positions.begin() + 11);  // the rejected line
  // Blocks of one byte up: every seam, and lines longer than a block.
  for (const size_t zip_block : {size_t{1}, size_t{50}, size_t{333}, size_t{4} << 20}) {
    for (const int num_threads : {1, 2, 3}) {
      SCOPED_TRACE(fmt::format("block {} threads {}", zip_block, num_threads));
      ScanOutcome got = ParallelOutcome(zip, Options(num_threads, 1, 64, zip_block));
      for (model::RowError& reject : got.report.rejects) reject.file = plain;
      ExpectSameOutcome(got, want);
      std::vector<int64_t> positions;
      model::FileReport report;
      ASSERT_TRUE(ScanContributions(zip, FecFileKind::kIndividualContributions, report,
                                    Options(num_threads, 1, 64, zip_block),
                                    [&](int, const model::ContributionView& c) {
                                      static std::mutex mutex;
                                      const std::lock_guard<std::mutex> lock(mutex);
                                      positions.push_back(c.position);
                                      return absl::OkStatus();
                                    })
                      .ok());
      std::sort(positions.begin(), positions.end());
      EXPECT_EQ(positions, want_positions);
    }
  }
}

// The FEC's indivYY.zip holds itcont.txt and its by-date splits: the whole file is read
// wherever it stands, and a zip without it gives its first member.
TEST(ScanContributions, ZipReadsTheWholeItcontBesideItsSplits) {
  const TempDir dir;
  std::string whole;
  for (int idx = 0; idx < 40; ++idx) whole += ItcontLine(idx);
  const std::string split = whole.substr(0, whole.find('\n') + 1);
  const std::string zip = dir.File("indiv20.zip");
  testing::WriteZip(zip,
                    {{"by_date/itcont_2020_20190101_20190331.txt", split}, {"itcont.txt", whole}});
  model::FileReport report;
  ASSERT_TRUE(
      ScanContributions(zip, FecFileKind::kIndividualContributions, report, Options(2, 1, 64, 100),
                        [](int, const model::ContributionView&) { return absl::OkStatus(); })
          .ok());
  EXPECT_EQ(report.rows_read, 40);
  const std::string other = dir.File("other20.zip");
  testing::WriteZip(other, {{"itcont_copy.txt", split}});
  model::FileReport first_member;
  ASSERT_TRUE(
      ScanContributions(other, FecFileKind::kIndividualContributions, first_member,
                        Options(2, 1, 64, 100),
                        [](int, const model::ContributionView&) { return absl::OkStatus(); })
          .ok());
  EXPECT_EQ(first_member.rows_read, 1);
}

TEST(ScanContributions, ZipCutShortNamesTheFileAndTheLastLine) {
  const TempDir dir;
  std::string text;
  for (int idx = 0; idx < 3000; ++idx) text += ItcontLine(idx);
  const std::string zip = dir.File("indiv20.zip");
  testing::WriteZip(zip, {{"itcont.txt", std::string(text)}});
  absl::StatusOr<std::string> bytes = base::ReadFile(zip);
  ASSERT_TRUE(bytes.ok());
  const std::string cut = dir.Write("cut20.zip", bytes->substr(0, bytes->size() / 2));
  model::FileReport report;
  const absl::Status status =
      ScanContributions(cut, FecFileKind::kIndividualContributions, report, Options(2, 1, 64, 4096),
                        [](int, const model::ContributionView&) { return absl::OkStatus(); });
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find(cut), std::string::npos) << status;
  EXPECT_NE(status.message().find("truncated"), std::string::npos) << status;
  EXPECT_NE(status.message().find("after line "), std::string::npos) << status;
}

TEST(ScanContributions, ReportsProgressToTheEnd) {
  const TempDir dir;
  std::string text;
  for (int idx = 0; idx < 200000; ++idx) text += ItcontLine(idx);
  const std::string plain = dir.Write("itcont.txt", text);
  const std::string zip = dir.File("indiv20.zip");
  testing::WriteZip(zip, {{"itcont.txt", std::string(text)}});
  for (const std::string& path : {plain, zip}) {
    SCOPED_TRACE(path);
    std::mutex mutex;
    ScanProgress last;
    int calls = 0;
    ContributionScanOptions options = Options(2, 1, 1 << 20);
    options.on_progress = [&](const ScanProgress& progress) {
      const std::lock_guard<std::mutex> lock(mutex);
      EXPECT_LE(progress.bytes_done, progress.bytes_total);
      last.bytes_done = std::max(last.bytes_done, progress.bytes_done);
      last.lines_done = std::max(last.lines_done, progress.lines_done);
      last.bytes_total = progress.bytes_total;
      ++calls;
    };
    model::FileReport report;
    ASSERT_TRUE(
        ScanContributions(path, FecFileKind::kIndividualContributions, report, options,
                          [](int, const model::ContributionView&) { return absl::OkStatus(); })
            .ok());
    EXPECT_GT(calls, 1);
    EXPECT_EQ(last.lines_done, 200000);
    EXPECT_EQ(last.bytes_total, static_cast<int64_t>(std::filesystem::file_size(path)));
    EXPECT_GE(last.bytes_done, last.bytes_total * 9 / 10);
  }
}

}  // namespace
}  // namespace downballot::ingest
