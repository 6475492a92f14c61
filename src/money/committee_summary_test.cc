#include "money/committee_summary.h"

#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace downballot::money {
namespace {

using ::testing::ElementsAreArray;

constexpr char kRealSample[] =
    DOWNBALLOT_SOURCE_DIR "/../shared/data/fec/cycle2020_jk3587/itcont.txt";

// One itcont line (no newline) with the four fields the summary reads; the rest look real.
std::string Row(const std::string& cmte_id, const std::string& name, const std::string& zip,
                const std::string& amount) {
  return absl::StrCat(cmte_id, "|N|M2|P|201902209144448437|15|IND|", name, "|WASHINGTON|DC|", zip,
                      "|ACME|ENGINEER|02012019|", amount,
                      "||SA11AI.4|1315226|||4022020191640412345");
}

// The lines, each followed by `ending`.
std::string Text(const std::vector<std::string>& lines, const std::string& ending = "\n") {
  std::string text;
  for (const std::string& line : lines) text.append(line).append(ending);
  return text;
}

std::vector<std::string> Lines(const CommitteeSummary& summary) {
  std::vector<std::string> lines;
  for (const CommitteeTotals& totals : summary.committees) {
    lines.push_back(FormatCommitteeLine(totals));
  }
  return lines;
}

// Every way of cutting the input must give the same answer: one chunk, and several chunks
// with blocks so small that chunk and block seams fall inside lines.
std::vector<SummaryOptions> AllSplits() {
  const auto split = [](int num_threads, size_t block_bytes, int64_t memory_budget_bytes) {
    SummaryOptions options;
    options.num_threads = num_threads;
    options.block_bytes = block_bytes;
    options.min_chunk_bytes = 1;
    options.memory_budget_bytes = memory_budget_bytes;
    options.temp_folder = ::testing::TempDir();
    return options;
  };
  constexpr int64_t kRoomy = int64_t{1} << 30;
  // 1 byte: every donor entry spills the thread's buckets to its temporary file.
  return {SummaryOptions{},     split(2, 8, kRoomy),   split(3, 1, kRoomy),
          split(4, 64, kRoomy), split(7, 200, kRoomy), split(2, 8, 1)};
}

TEST(CommitteeSummary, TotalsSmallInputs) {
  struct Case {
    std::string name;
    std::string input;
    std::vector<std::string> want;
    int64_t want_read;
    int64_t want_rejected;
  };
  const std::vector<Case> cases = {
      {"empty input", "", {}, 0, 0},
      {"one row", Text({Row("C1", "DOE, JANE", "20002", "250")}), {"C1|1|250.00|0|0.00|1"}, 1, 0},
      {"sorted by cmte_id bytewise",
       Text({Row("C2", "A", "1", "1"), Row("C10", "A", "1", "1"), Row("C1", "A", "1", "1")}),
       {"C1|1|1.00|1|1.00|1", "C10|1|1.00|1|1.00|1", "C2|1|1.00|1|1.00|1"},
       3,
       0},
      {"quotes are data",
       Text({Row("C1", "SMITH, ROBERT \"BUD\"", "10001", "10"),
             Row("C1", "SMITH, ROBERT \"BUD\"", "10001", "20"),
             Row("C1", "\"SMITH, ROBERT", "10001", "30")}),
       {"C1|3|60.00|3|60.00|2"},
       3,
       0},
      {"latin-1 bytes are data",
       Text({Row("C1", "M\xc9NDEZ, ANA", "33101", "5"), Row("C1", "MENDEZ, ANA", "33101", "5"),
             Row("C1", "M\xc9NDEZ, ANA", "33101", "5")}),
       {"C1|3|15.00|3|15.00|2"},
       3,
       0},
      {"empty name or zip is no donor",
       Text({Row("C1", "", "20002", "7"), Row("C1", "DOE, JANE", "", "8"), Row("C1", "", "", "9")}),
       {"C1|3|24.00|3|24.00|0"},
       3,
       0},
      {"zip keeps first five characters",
       Text({Row("C1", "DOE, JANE", "200021234", "1"), Row("C1", "DOE, JANE", "20002", "1"),
             Row("C1", "DOE, JANE", "2000", "1"), Row("C1", "DOE, JANE", "KT207NS", "1"),
             Row("C1", "DOE, JANE", "KT207", "1")}),
       {"C1|5|5.00|5|5.00|3"},
       5,
       0},
      {"small is strictly between 0 and 200",
       Text({Row("C1", "A", "1", "-5"), Row("C1", "B", "1", "0"), Row("C1", "C", "1", "0.01"),
             Row("C1", "D", "1", "199.99"), Row("C1", "E", "1", "200"),
             Row("C1", "F", "1", "200.01"), Row("C1", "G", "1", "-8530")}),
       {"C1|7|-7934.99|2|200.00|7"},
       7,
       0},
      {"a negative total prints with a sign",
       Text({Row("C1", "A", "1", "-0.05")}),
       {"C1|1|-0.05|0|0.00|1"},
       1,
       0},
      {"wrong field counts are rejected",
       Text(
           {absl::StrCat(Row("C1", "A", "1", "5"), "|EXTRA"), "C1|N|M2", Row("C1", "A", "1", "6")}),
       {"C1|1|6.00|1|6.00|1"},
       3,
       2},
      {"a pipe in a name is a 22nd field", Text({Row("C1", "A|B", "1", "5")}), {}, 1, 1},
      {"bad amounts are rejected",
       Text({Row("C1", "A", "1", "12.3.4"), Row("C1", "A", "1", ""), Row("C1", "A", "1", "1,000"),
             Row("C1", "A", "1", "12.345"), Row("C1", "A", "1", "1.5")}),
       {"C1|1|1.50|1|1.50|1"},
       5,
       4},
      {"crlf line ends",
       Text({Row("C1", "A", "1", "5"), Row("C1", "A", "1", "5")}, "\r\n"),
       {"C1|2|10.00|2|10.00|1"},
       2,
       0},
      {"missing final newline",
       absl::StrCat(Row("C1", "A", "1", "5"), "\n", Row("C2", "A", "1", "5")),
       {"C1|1|5.00|1|5.00|1", "C2|1|5.00|1|5.00|1"},
       2,
       0},
      {"empty lines are not rows",
       Text({"", Row("C1", "A", "1", "5"), "\r", "", Row("C1", "A", "1", "5"), ""}),
       {"C1|2|10.00|2|10.00|1"},
       2,
       0},
      {"same donor in two committees counts in each",
       Text({Row("C1", "A", "1", "5"), Row("C2", "A", "1", "5"), Row("C1", "A", "1", "5")}),
       {"C1|2|10.00|2|10.00|1", "C2|1|5.00|1|5.00|1"},
       3,
       0},
      {"a long name hashes whole",
       Text({Row("C1", absl::StrCat(std::string(300, 'N'), "A"), "1", "5"),
             Row("C1", absl::StrCat(std::string(300, 'N'), "B"), "1", "5")}),
       {"C1|2|10.00|2|10.00|2"},
       2,
       0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    for (const SummaryOptions& options : AllSplits()) {
      SCOPED_TRACE(::testing::Message()
                   << "threads=" << options.num_threads << " block=" << options.block_bytes);
      const CommitteeSummary summary = SummarizeCommitteesInBuffer(c.input, "in.txt", options);
      EXPECT_THAT(Lines(summary), ElementsAreArray(c.want));
      EXPECT_EQ(summary.report.rows_read, c.want_read);
      EXPECT_EQ(summary.report.rows_rejected, c.want_rejected);
      EXPECT_EQ(summary.report.rows_read,
                summary.report.rows_aggregated + summary.report.rows_rejected);
    }
  }
}

TEST(CommitteeSummary, ReportsRejectsWithFileAndLine) {
  std::vector<std::string> lines = {"", Row("C1", "A", "1", "5"), "C1|N|M2"};    // lines 1..3
  for (int idx = 0; idx < 20; ++idx) lines.push_back(Row("C1", "A", "1", "5"));  // 4..23
  lines.push_back(Row("C1", "A", "1", "12.3.4"));                                // 24
  for (int idx = 0; idx < 12; ++idx) lines.push_back(Row("C1", "A", "1", "x"));  // 25..36
  const std::string input = Text(lines);
  for (const SummaryOptions& options : AllSplits()) {
    SCOPED_TRACE(::testing::Message() << "threads=" << options.num_threads);
    const CommitteeSummary summary = SummarizeCommitteesInBuffer(input, "itcont.txt", options);
    const SummaryReport& report = summary.report;
    EXPECT_EQ(report.rows_read, 35);
    EXPECT_EQ(report.rows_rejected, 14);
    EXPECT_EQ(report.rows_aggregated, 21);
    ASSERT_EQ(report.first_rejects.size(), kMaxReportedRejects);
    EXPECT_EQ(report.first_rejects[0].file, "itcont.txt");
    EXPECT_EQ(report.first_rejects[0].line, 3);
    EXPECT_EQ(report.first_rejects[0].field, "");
    EXPECT_EQ(report.first_rejects[0].reason, "expected 21 fields, got 3");
    EXPECT_EQ(report.first_rejects[1].line, 24);
    EXPECT_EQ(report.first_rejects[1].field, "TRANSACTION_AMT");
    EXPECT_EQ(report.first_rejects[1].reason, "TRANSACTION_AMT '12.3.4' is not an amount");
    for (size_t idx = 2; idx < kMaxReportedRejects; ++idx) {
      EXPECT_EQ(report.first_rejects[idx].line, static_cast<int64_t>(23 + idx));
    }
  }
}

TEST(CommitteeSummary, FailsOnUnreadableFiles) {
  const std::vector<std::string> missing = {"/nonexistent/itcont.txt"};
  const absl::StatusOr<CommitteeSummary> result = SummarizeCommittees(missing);
  EXPECT_EQ(result.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(result.status().message()),
              ::testing::HasSubstr("/nonexistent/itcont.txt"));
  const std::vector<std::string> directory = {DOWNBALLOT_SOURCE_DIR};
  EXPECT_EQ(SummarizeCommittees(directory).status().code(), absl::StatusCode::kInternal);
}

TEST(CommitteeSummary, FormatsOneLine) {
  const CommitteeTotals totals{"C00401224", 70, 1234550, 52, 321050, 48};
  EXPECT_EQ(FormatCommitteeLine(totals), "C00401224|70|12345.50|52|3210.50|48");
}

// The straightforward computation the fast path must agree with: getline, split, std::set.
std::vector<std::string> ReferenceLines(const std::string& path, int64_t& rows_read,
                                        int64_t& rows_rejected) {
  struct Totals {
    int64_t rows = 0;
    base::Cents sum = 0;
    int64_t small_rows = 0;
    base::Cents small_sum = 0;
    std::set<std::string> donors;
  };
  std::map<std::string, Totals> by_committee;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    ++rows_read;
    std::vector<std::string> fields(1);
    for (const char c : line) {
      if (c == '|') {
        fields.emplace_back();
      } else {
        fields.back() += c;
      }
    }
    const std::optional<base::Cents> amount =
        fields.size() == 21 ? base::ParseCents(fields[14]) : std::nullopt;
    if (!amount) {
      ++rows_rejected;
      continue;
    }
    Totals& totals = by_committee[fields[0]];
    ++totals.rows;
    totals.sum += *amount;
    if (*amount > 0 && *amount < 20000) {
      ++totals.small_rows;
      totals.small_sum += *amount;
    }
    if (!fields[7].empty() && !fields[10].empty()) {
      totals.donors.insert(absl::StrCat(fields[7], "\n", fields[10].substr(0, 5)));
    }
  }
  std::vector<std::string> lines;
  for (const auto& [cmte_id, totals] : by_committee) {
    lines.push_back(absl::StrCat(cmte_id, "|", totals.rows, "|", base::FormatDollars(totals.sum),
                                 "|", totals.small_rows, "|", base::FormatDollars(totals.small_sum),
                                 "|", totals.donors.size()));
  }
  return lines;
}

TEST(CommitteeSummary, MatchesReferenceOnRealSample) {
  if (!std::ifstream(kRealSample)) GTEST_SKIP() << "no FEC sample at " << kRealSample;
  int64_t want_read = 0;
  int64_t want_rejected = 0;
  const std::vector<std::string> want = ReferenceLines(kRealSample, want_read, want_rejected);
  ASSERT_EQ(want_read, 70671);
  ASSERT_GT(want.size(), 900u);
  const std::vector<std::string> paths = {kRealSample};
  for (const int num_threads : {1, 2}) {
    // 64 KiB spills the donor hashes to temporary files every few thousand rows.
    for (const int64_t budget : {int64_t{1} << 30, int64_t{1} << 16}) {
      SCOPED_TRACE(::testing::Message() << "threads=" << num_threads << " budget=" << budget);
      SummaryOptions options;
      options.num_threads = num_threads;
      options.memory_budget_bytes = budget;
      options.temp_folder = ::testing::TempDir();
      const absl::StatusOr<CommitteeSummary> summary = SummarizeCommittees(paths, options);
      ASSERT_TRUE(summary.ok()) << summary.status();
      EXPECT_EQ(Lines(*summary), want);
      EXPECT_EQ(summary->report.rows_read, want_read);
      EXPECT_EQ(summary->report.rows_rejected, want_rejected);
      EXPECT_EQ(summary->report.bytes_spilled > 0, budget < (int64_t{1} << 20));
    }
  }
  SummaryOptions unusable;
  unusable.memory_budget_bytes = 1 << 16;
  unusable.temp_folder = "/nonexistent/downballot/spill";
  const absl::StatusOr<CommitteeSummary> failed = SummarizeCommittees(paths, unusable);
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("/nonexistent/downballot/spill"), std::string::npos);
  // Two files add up: every count doubles except donors, which are the same people.
  const std::vector<std::string> twice = {kRealSample, kRealSample};
  const absl::StatusOr<CommitteeSummary> doubled = SummarizeCommittees(twice);
  ASSERT_TRUE(doubled.ok()) << doubled.status();
  const absl::StatusOr<CommitteeSummary> once = SummarizeCommittees(paths);
  ASSERT_TRUE(once.ok());
  ASSERT_EQ(doubled->committees.size(), once->committees.size());
  for (size_t idx = 0; idx < once->committees.size(); ++idx) {
    CommitteeTotals expected = once->committees[idx];
    expected.rows *= 2;
    expected.sum *= 2;
    expected.small_rows *= 2;
    expected.small_sum *= 2;
    EXPECT_EQ(doubled->committees[idx], expected);
  }
  EXPECT_EQ(doubled->report.rows_read, 2 * want_read);
}

}  // namespace
}  // namespace downballot::money
