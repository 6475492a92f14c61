#include "money/receipt_aggregator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "base/strings.h"
#include "money/donor_identity.h"

namespace downballot::money {
namespace {

model::Contribution Row(std::string cmte, std::string name, std::string zip, std::string type,
                        base::Cents cents, base::Date date, std::string employer = "") {
  model::Contribution row;
  row.cmte_id = std::move(cmte);
  row.name = std::move(name);
  row.zip = std::move(zip);
  row.transaction_type = std::move(type);
  row.amount_cents = cents;
  row.date = date;
  row.employer = std::move(employer);
  row.entity_type = "IND";
  return row;
}

TEST(ReceiptAggregator, SumsPerCommitteeDonorAndKind) {
  ReceiptAggregator first;
  first.Add(Row("C1", "SMITH, JOHN", "068801234", "15", 10000, {2019, 1, 5}, "OLD CO"));
  first.Add(Row("C1", "Smith, John Mr.", "06880", "15E", 5000, {2019, 2, 5}, "NEW CO"));
  first.Add(Row("C1", "SMITH, JOHN", "06880", "22Y", 3000, {2019, 3, 1}));
  ReceiptAggregator second;
  second.Add(Row("C1", "SMITH, JOHN", "06880", "15", 2000, {2018, 12, 1}, "OLDEST CO"));
  second.Add(Row("C2", "SMITH, JOHN", "06880", "15", 700, {2019, 1, 1}));
  first.Merge(std::move(second));
  EXPECT_EQ(first.rows_added(), 5);
  const std::vector<model::DonorReceipts> totals = first.Finish();
  ASSERT_EQ(totals.size(), 3u);
  EXPECT_EQ(totals[0].cmte_id, "C1");
  EXPECT_EQ(totals[0].kind, model::ReceiptKind::kIndividual);
  EXPECT_EQ(totals[0].rows, 3);
  EXPECT_EQ(totals[0].counted_cents, 17000);
  EXPECT_EQ(totals[0].employer, "NEW CO") << "latest-dated row describes the donor";
  EXPECT_EQ(totals[1].kind, model::ReceiptKind::kRefund);
  EXPECT_EQ(totals[1].counted_cents, -3000);
  EXPECT_EQ(totals[1].gross_cents, 3000);
  EXPECT_EQ(totals[2].cmte_id, "C2");
  EXPECT_EQ(totals[2].zip5, "06880");
}

std::string Describe(const model::DonorReceipts& r) {
  return r.cmte_id + "/" + r.donor_key + "/" + std::string(model::ToString(r.kind)) + "/" + r.name +
         "/" + r.state + "/" + r.zip5 + "/" + r.employer + "/" + r.occupation + "/" +
         std::to_string(r.rows) + "/" + std::to_string(r.counted_cents) + "/" +
         std::to_string(r.gross_cents);
}

std::vector<std::string> DescribeAll(const std::vector<model::DonorReceipts>& totals) {
  std::vector<std::string> out;
  for (const model::DonorReceipts& r : totals) out.push_back(Describe(r));
  return out;
}

// Rows with repeated donors, same-dated rows that disagree on the employer, undated rows and
// refunds, so a merge that broke a date tie differently from one pass would show.
std::vector<model::Contribution> TieRows() {
  std::vector<model::Contribution> rows;
  const std::vector<std::string> names = {"SMITH, JOHN", "Smith, John Mr.", "DOE, JANE",
                                          "O'BRIEN, PAT", "obrien pat"};
  for (int idx = 0; idx < 60; ++idx) {
    model::Contribution row =
        Row(idx % 3 == 0 ? "C2" : "C1", names[static_cast<size_t>(idx) % names.size()],
            idx % 2 == 0 ? "068801234" : "06880", idx % 7 == 0 ? "22Y" : "15", 100 * idx,
            {2020, 1 + idx % 2, 1}, "EMPLOYER " + std::to_string(idx));
    if (idx % 11 == 0) row.date.reset();
    row.occupation = "JOB " + std::to_string(idx);
    row.state = idx % 2 == 0 ? "CT" : "NY";
    rows.push_back(row);
  }
  return rows;
}

TEST(ReceiptAggregator, MergingConsecutiveChunksInOrderEqualsOnePass) {
  const std::vector<model::Contribution> rows = TieRows();
  ReceiptAggregator whole;
  for (const model::Contribution& row : rows) whole.Add(row);
  const std::vector<std::string> want = DescribeAll(whole.Finish());
  for (size_t first_seam = 0; first_seam <= rows.size(); ++first_seam) {
    for (size_t second_seam = first_seam; second_seam <= rows.size(); second_seam += 5) {
      SCOPED_TRACE(std::to_string(first_seam) + "," + std::to_string(second_seam));
      ReceiptAggregator parts[3];
      for (size_t idx = 0; idx < rows.size(); ++idx) {
        parts[idx < first_seam ? 0 : idx < second_seam ? 1 : 2].Add(rows[idx]);
      }
      parts[0].Merge(std::move(parts[1]));
      parts[0].Merge(std::move(parts[2]));
      EXPECT_EQ(parts[0].rows_added(), static_cast<int64_t>(rows.size()));
      ASSERT_EQ(DescribeAll(parts[0].Finish()), want);
    }
  }
}

// The key as first specified: clean, split on spaces, drop titles, join.
std::string ReferenceDonorKey(std::string_view name, std::string_view zip) {
  std::string cleaned;
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
      cleaned.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      cleaned.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c != '\'' && c != '.') {
      cleaned.push_back(' ');
    }
  }
  static const std::vector<std::string_view> kDropped = {
      "mr", "mrs", "ms", "dr", "jr", "sr", "ii", "iii", "iv", "esq", "md", "phd", "miss"};
  std::string key;
  for (const std::string_view token : base::Split(cleaned, ' ')) {
    if (token.empty() || std::find(kDropped.begin(), kDropped.end(), token) != kDropped.end()) {
      continue;
    }
    if (!key.empty()) key.push_back(' ');
    key.append(token);
  }
  return key + "|" + Zip5(zip);
}

TEST(DonorKey, MatchesReferenceOnTrickyNames) {
  const std::vector<std::string> names = {"",
                                          " ",
                                          "MR",
                                          "MR. JOHN SMITH JR.",
                                          "SMITH, JOHN A. MR.",
                                          "  Smith ,John   A ",
                                          "DR. MRS. MISS",
                                          "O'BRIEN, PAT III",
                                          "JR SMITH",
                                          "SMITH JR",
                                          "A.B.C",
                                          "\xC3\x9C"
                                          "BER, MD",
                                          "Ms.Jones",
                                          "III, II",
                                          "X-Y Z",
                                          "smith,,,,john",
                                          "PHD",
                                          "esq.",
                                          "ESQUIRE",
                                          "LEE, DR, MD, PHD, JO"};
  std::string scratch = "stale contents";
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    EXPECT_EQ(DonorKey(name, "06880-1234"), ReferenceDonorKey(name, "06880-1234"));
    AssignDonorKey(name, "0688", scratch);
    EXPECT_EQ(scratch, ReferenceDonorKey(name, "0688"));
  }
}

}  // namespace
}  // namespace downballot::money
