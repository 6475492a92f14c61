#include "money/receipt_aggregator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "base/strings.h"
#include "model/donor_receipts_codec.h"
#include "money/contribution_rules.h"
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

// Numbers the rows' lines, which are their positions (model::ViewOf): file order.
std::vector<model::Contribution> Numbered(std::vector<model::Contribution> rows) {
  for (size_t idx = 0; idx < rows.size(); ++idx) rows[idx].line = static_cast<int64_t>(idx) + 1;
  return rows;
}

ReceiptAggregatorOptions Workers(int num_workers, int64_t memory_budget_bytes = int64_t{1} << 30) {
  ReceiptAggregatorOptions options;
  options.num_workers = num_workers;
  options.memory_budget_bytes = memory_budget_bytes;
  options.temp_folder = ::testing::TempDir();
  return options;
}

// Adds row idx with worker worker_of(idx) and returns SumAndPackAll's totals.
template <typename WorkerOf>
std::vector<model::PackedDonorReceipts> Aggregate(ReceiptAggregator& aggregator,
                                                  const std::vector<model::Contribution>& rows,
                                                  const WorkerOf& worker_of) {
  for (size_t idx = 0; idx < rows.size(); ++idx) {
    const absl::Status status = aggregator.Add(worker_of(idx), model::ViewOf(rows[idx]));
    EXPECT_TRUE(status.ok()) << status;
  }
  absl::StatusOr<std::vector<model::PackedDonorReceipts>> packed = aggregator.SumAndPackAll();
  EXPECT_TRUE(packed.ok()) << packed.status();
  return packed.ok() ? *std::move(packed) : std::vector<model::PackedDonorReceipts>{};
}

// The totals of `packed`, unpacked, sorted by committee, donor key and kind.
std::vector<model::DonorReceipts> Unpacked(const std::vector<model::PackedDonorReceipts>& packed) {
  std::vector<model::DonorReceipts> totals;
  for (const model::PackedDonorReceipts& committee : packed) {
    absl::StatusOr<std::vector<model::DonorReceipts>> unpacked =
        model::UnpackDonorReceipts(committee.cmte_id, committee.packed);
    EXPECT_TRUE(unpacked.ok()) << unpacked.status();
    if (!unpacked.ok()) continue;
    EXPECT_EQ(static_cast<int64_t>(unpacked->size()), committee.entries);
    int64_t rows = 0;
    for (const model::DonorReceipts& total : *unpacked) rows += total.rows;
    EXPECT_EQ(rows, committee.rows);
    totals.insert(totals.end(), unpacked->begin(), unpacked->end());
  }
  std::sort(totals.begin(), totals.end(), [](const auto& a, const auto& b) {
    return std::tie(a.cmte_id, a.donor_key, a.kind) < std::tie(b.cmte_id, b.donor_key, b.kind);
  });
  return totals;
}

TEST(ReceiptAggregator, SumsPerCommitteeDonorAndKind) {
  const std::vector<model::Contribution> rows =
      Numbered({Row("C1", "SMITH, JOHN", "068801234", "15", 10000, {2019, 1, 5}, "OLD CO"),
                Row("C1", "Smith, John Mr.", "06880", "15E", 5000, {2019, 2, 5}, "NEW CO"),
                Row("C1", "SMITH, JOHN", "06880", "22Y", 3000, {2019, 3, 1}),
                Row("C1", "SMITH, JOHN", "06880", "15", 2000, {2018, 12, 1}, "OLDEST CO"),
                Row("C2", "SMITH, JOHN", "06880", "15", 700, {2019, 1, 1})});
  ReceiptAggregator aggregator(Workers(2));
  const std::vector<model::PackedDonorReceipts> packed =
      Aggregate(aggregator, rows, [](size_t idx) { return idx < 3 ? 0 : 1; });
  EXPECT_EQ(aggregator.rows_added(), 5);
  ASSERT_EQ(packed.size(), 2u);
  EXPECT_EQ(packed[0].cmte_id, "C1");
  EXPECT_EQ(packed[0].rows, 4);
  const std::vector<model::DonorReceipts> totals = Unpacked(packed);
  ASSERT_EQ(totals.size(), 3u);
  EXPECT_EQ(totals[0].cmte_id, "C1");
  EXPECT_EQ(totals[0].donor_key, "smith john|06880");
  EXPECT_EQ(totals[0].kind, model::ReceiptKind::kIndividual);
  EXPECT_EQ(totals[0].rows, 3);
  EXPECT_EQ(totals[0].counted_cents, 17000);
  EXPECT_EQ(totals[0].employer, "NEW CO") << "latest-dated row describes the donor";
  EXPECT_EQ(totals[1].kind, model::ReceiptKind::kRefund);
  EXPECT_EQ(totals[1].counted_cents, -3000);
  EXPECT_EQ(totals[1].gross_cents, 3000);
  EXPECT_EQ(totals[2].cmte_id, "C2");
  EXPECT_EQ(totals[2].counted_cents, 700);
}

std::string Describe(const model::DonorReceipts& r) {
  return r.cmte_id + "/" + r.donor_key + "/" + std::string(model::ToString(r.kind)) + "/" +
         r.state + "/" + r.employer + "/" + r.occupation + "/" + std::to_string(r.rows) + "/" +
         std::to_string(r.counted_cents) + "/" + std::to_string(r.gross_cents);
}

std::vector<std::string> DescribeAll(const std::vector<model::DonorReceipts>& totals) {
  std::vector<std::string> out;
  for (const model::DonorReceipts& r : totals) out.push_back(Describe(r));
  return out;
}

// Rows with repeated donors, same-dated rows that disagree on the employer, undated rows and
// refunds, so a split among workers that broke a date tie differently from one pass would show.
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
  return Numbered(rows);
}

void ExpectSamePacked(const std::vector<model::PackedDonorReceipts>& got,
                      const std::vector<model::PackedDonorReceipts>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t idx = 0; idx < want.size(); ++idx) {
    EXPECT_EQ(got[idx].cmte_id, want[idx].cmte_id);
    EXPECT_EQ(got[idx].entries, want[idx].entries);
    EXPECT_EQ(got[idx].rows, want[idx].rows);
    EXPECT_EQ(got[idx].packed, want[idx].packed) << want[idx].cmte_id;
  }
}

TEST(ReceiptAggregator, AnySplitAmongWorkersPacksTheSameBytes) {
  const std::vector<model::Contribution> rows = TieRows();
  ReceiptAggregator whole(Workers(1));
  const std::vector<model::PackedDonorReceipts> want =
      Aggregate(whole, rows, [](size_t) { return 0; });
  for (size_t first_seam = 0; first_seam <= rows.size(); ++first_seam) {
    for (size_t second_seam = first_seam; second_seam <= rows.size(); second_seam += 5) {
      SCOPED_TRACE(std::to_string(first_seam) + "," + std::to_string(second_seam));
      ReceiptAggregator parts(Workers(3));
      ExpectSamePacked(Aggregate(parts, rows,
                                 [&](size_t idx) {
                                   return idx < first_seam ? 0 : idx < second_seam ? 1 : 2;
                                 }),
                       want);
      EXPECT_EQ(parts.rows_added(), static_cast<int64_t>(rows.size()));
    }
  }
}

// Blocks of a zip go to the workers in turn, so one worker's rows are not one stretch of the
// file; positions, not the order of the workers, break the ties.
TEST(ReceiptAggregator, InterleavedWorkersPackTheSameBytes) {
  const std::vector<model::Contribution> rows = TieRows();
  ReceiptAggregator whole(Workers(1));
  const std::vector<model::PackedDonorReceipts> want =
      Aggregate(whole, rows, [](size_t) { return 0; });
  for (size_t stride = 1; stride < 8; ++stride) {
    SCOPED_TRACE(stride);
    ReceiptAggregator parts(Workers(2));
    ExpectSamePacked(
        Aggregate(parts, rows, [&](size_t idx) { return static_cast<int>(idx / stride % 2); }),
        want);
  }
}

// A budget so small that every few rows are spilled, and every bucket's totals too: the same
// bytes as with room to spare.
TEST(ReceiptAggregator, SpillingPacksTheSameBytes) {
  std::vector<model::Contribution> rows;
  for (int round = 0; round < 40; ++round) {
    for (model::Contribution row : TieRows()) {
      row.cmte_id += std::to_string(round % 13);
      rows.push_back(std::move(row));
    }
  }
  rows = Numbered(std::move(rows));
  ReceiptAggregator roomy(Workers(2));
  const std::vector<model::PackedDonorReceipts> want =
      Aggregate(roomy, rows, [&](size_t idx) { return idx < rows.size() / 2 ? 0 : 1; });
  EXPECT_EQ(roomy.bytes_spilled(), 0);
  for (const int64_t budget : {int64_t{1} << 14, int64_t{1} << 16, int64_t{1} << 18}) {
    SCOPED_TRACE(budget);
    ReceiptAggregator tight(Workers(2, budget));
    ExpectSamePacked(Aggregate(tight, rows, [&](size_t idx) { return static_cast<int>(idx % 2); }),
                     want);
    EXPECT_GT(tight.bytes_spilled(), 0);
  }
}

// A committee with more totals than a part holds is stored in several, cut by the data alone:
// the same parts for any budget, and together the totals of one.
TEST(ReceiptAggregator, LargeCommitteesArePackedInParts) {
  const std::vector<model::Contribution> rows = TieRows();
  ReceiptAggregator whole(Workers(2));
  const std::vector<model::PackedDonorReceipts> one_part =
      Aggregate(whole, rows, [](size_t idx) { return static_cast<int>(idx % 2); });
  std::vector<model::PackedDonorReceipts> want_parts;
  for (const int64_t budget : {int64_t{1} << 30, int64_t{1} << 12}) {
    SCOPED_TRACE(budget);
    ReceiptAggregatorOptions options = Workers(2, budget);
    options.max_totals_per_part = 4;
    ReceiptAggregator parts(options);
    const std::vector<model::PackedDonorReceipts> got =
        Aggregate(parts, rows, [](size_t idx) { return static_cast<int>(idx % 2); });
    EXPECT_GT(got.size(), one_part.size());
    for (size_t idx = 1; idx < got.size(); ++idx) {
      EXPECT_LE(got[idx - 1].cmte_id, got[idx].cmte_id) << "a committee's parts come together";
    }
    EXPECT_EQ(DescribeAll(Unpacked(got)), DescribeAll(Unpacked(one_part)));
    if (want_parts.empty()) {
      want_parts = got;
    } else {
      ExpectSamePacked(got, want_parts);
    }
  }
}

TEST(ReceiptAggregator, ASpillFolderThatCannotBeUsedIsAnError) {
  ReceiptAggregatorOptions options = Workers(1, 1 << 12);
  options.temp_folder = "/nonexistent/downballot/spill";
  ReceiptAggregator aggregator(options);
  absl::Status status;
  for (const model::Contribution& row : TieRows()) {
    status = aggregator.Add(0, model::ViewOf(row));
    if (!status.ok()) break;
  }
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("/nonexistent/downballot/spill"), std::string::npos) << status;
}

// Random rows against a plain map that applies the documented rules row by row.
TEST(ReceiptAggregator, MatchesAStraightforwardSum) {
  std::mt19937 random(20201103);
  const std::vector<std::string> committees = {"C00000001", "C00000002", "C00000003"};
  const std::vector<std::string> names = {"SMITH, JOHN", "DOE, JANE", "Doe, Jane Ms.", "ROE, RI",
                                          "LEE, AL"};
  const std::vector<std::string> types = {"15", "15E", "22Y", "24T", "15C", "24K", "11"};
  std::vector<model::Contribution> rows;
  for (int idx = 0; idx < 3000; ++idx) {
    model::Contribution row =
        Row(committees[random() % committees.size()], names[random() % names.size()],
            random() % 2 == 0 ? "06880" : "100011234", types[random() % types.size()],
            static_cast<base::Cents>(random() % 100000) - 5000,
            {2020, static_cast<int>(1 + random() % 3), static_cast<int>(1 + random() % 2)},
            "EMPLOYER " + std::to_string(random() % 50));
    if (random() % 10 == 0) row.date.reset();
    if (random() % 20 == 0) row.memo_code = "X";
    row.state = random() % 2 == 0 ? "CT" : "NY";
    row.occupation = std::string(random() % 200, 'x');  // lengths past one length byte
    rows.push_back(std::move(row));
  }
  rows = Numbered(std::move(rows));
  std::map<std::tuple<std::string, std::string, model::ReceiptKind>, model::DonorReceipts> want;
  std::map<std::tuple<std::string, std::string, model::ReceiptKind>, int> latest_date;
  for (const model::Contribution& row : rows) {
    const ReceiptTreatment treatment = TreatIndividualReceipt(model::ViewOf(row));
    const auto key = std::make_tuple(row.cmte_id, DonorKey(row.name, row.zip), treatment.kind);
    model::DonorReceipts& total = want[key];
    total.cmte_id = row.cmte_id;
    total.donor_key = std::get<1>(key);
    total.kind = treatment.kind;
    ++total.rows;
    total.counted_cents += treatment.counted_cents;
    total.gross_cents += row.amount_cents;
    const auto [date, is_new] = latest_date.try_emplace(key, model::DateKey(row.date));
    if (is_new || model::DateKey(row.date) >= date->second) {
      date->second = model::DateKey(row.date);
      total.state = row.state;
      total.employer = row.employer;
      total.occupation = row.occupation;
    }
  }
  std::vector<model::DonorReceipts> want_totals;
  for (const auto& [key, total] : want) want_totals.push_back(total);

  ReceiptAggregator aggregator(Workers(2));
  EXPECT_EQ(DescribeAll(Unpacked(
                Aggregate(aggregator, rows, [](size_t idx) { return idx < 1234 ? 0 : 1; }))),
            DescribeAll(want_totals));
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
