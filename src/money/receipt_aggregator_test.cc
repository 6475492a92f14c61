#include "money/receipt_aggregator.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace downballot::money
