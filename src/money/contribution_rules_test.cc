#include "money/contribution_rules.h"

#include <gtest/gtest.h>

#include <iostream>

#include "base/strings.h"
#include "money/donor_identity.h"

namespace downballot::money {
namespace {

// The arguments are literals, so the view's fields outlive the row.
model::ContributionView Row(std::string_view type, base::Cents cents, std::string_view memo = "",
                            std::string_view entity = "IND") {
  model::ContributionView row;
  row.transaction_type = type;
  row.amount_cents = cents;
  row.memo_code = memo;
  row.entity_type = entity;
  return row;
}

TEST(TreatIndividualReceipt, CountsEachDollarOnce) {
  struct Case {
    const char* name;
    model::ContributionView row;
    ReceiptKind want_kind;
    base::Cents want_cents;
  };
  const Case cases[] = {
      {"plain", Row("15", 50000), ReceiptKind::kIndividual, 50000},
      {"earmarked at the recipient counts", Row("15E", 25000), ReceiptKind::kIndividual, 25000},
      {"conduit's forward does not", Row("24T", 30000), ReceiptKind::kConduitPassThrough, 0},
      {"memo detail does not", Row("15", 10000, "X"), ReceiptKind::kMemo, 0},
      {"memo earmark does not", Row("15E", 10000, "X"), ReceiptKind::kMemo, 0},
      {"refund written positive subtracts", Row("22Y", 50000), ReceiptKind::kRefund, -50000},
      {"refund written negative subtracts", Row("22Y", -50000), ReceiptKind::kRefund, -50000},
      {"chargeback stays negative", Row("15", -2500), ReceiptKind::kIndividual, -2500},
      {"candidate's own money", Row("15C", 3500000), ReceiptKind::kCandidateSelf, 3500000},
      {"candidate entity", Row("15", 1000, "", "CAN"), ReceiptKind::kCandidateSelf, 1000},
      {"party account", Row("32", 1000), ReceiptKind::kIndividual, 1000},
      {"unknown type kept apart", Row("19", 1000), ReceiptKind::kOther, 1000},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const ReceiptTreatment treatment = TreatIndividualReceipt(c.row);
    EXPECT_EQ(treatment.kind, c.want_kind);
    EXPECT_EQ(treatment.counted_cents, c.want_cents);
  }
}

TEST(DonorKey, MergesSpellingsOfOnePersonOnly) {
  EXPECT_EQ(DonorKey("SMITH, JOHN A. MR.", "068801234"), "smith john a|06880");
  EXPECT_EQ(DonorKey("Smith, John A", "06880"), "smith john a|06880");
  EXPECT_EQ(DonorKey("O'BRIEN, KATE DR", "10001"), DonorKey("OBRIEN, KATE", "10001-2222"));
  EXPECT_NE(DonorKey("SMITH, JOHN A", "06880"), DonorKey("SMITH, JOHN B", "06880"));
  EXPECT_NE(DonorKey("SMITH, JOHN", "06880"), DonorKey("SMITH, JOHN", "06881"));
  EXPECT_EQ(DonorKey("CRAMER, ROBERT E \"BUD\" JR", "12345"), "cramer robert e bud|12345");
  EXPECT_EQ(Zip5("0688"), "");
  EXPECT_EQ(Zip5("ABCDE"), "");
}

}  // namespace
}  // namespace downballot::money

#include <fstream>
#include <set>

namespace downballot::money {
namespace {

// How much the normalisation merges on the real 2019-20 sample (docs/money.md quotes it).
TEST(DonorKey, MeasuresMergesOnTheRealSample) {
  std::ifstream in(DOWNBALLOT_SOURCE_DIR "/../shared/data/fec/cycle2020_jk3587/itcont.txt");
  if (!in) GTEST_SKIP() << "no FEC sample";
  std::set<std::string> exact;
  std::set<std::string> normalised;
  std::string line;
  while (std::getline(in, line)) {
    const auto fields = base::Split(line, '|');
    if (fields.size() != 21 || fields[7].empty()) continue;
    exact.insert(std::string(fields[7]) + "|" + Zip5(fields[10]));
    normalised.insert(DonorKey(fields[7], fields[10]));
  }
  std::cout << "donors: " << exact.size() << " exact name+zip5, " << normalised.size()
            << " after normalisation (" << exact.size() - normalised.size() << " merged)\n";
  EXPECT_LE(normalised.size(), exact.size());
  EXPECT_GT(normalised.size(), exact.size() * 9 / 10) << "normalisation should merge little";
}

}  // namespace
}  // namespace downballot::money
