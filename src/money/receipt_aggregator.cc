#include "money/receipt_aggregator.h"

#include <algorithm>

#include "money/contribution_rules.h"
#include "money/donor_identity.h"

namespace downballot::money {
namespace {

int DateKey(const model::Contribution& row) {
  return row.date ? row.date->year * 10000 + row.date->month * 100 + row.date->day : 0;
}

void TakeDescription(model::DonorReceipts& totals, const model::DonorReceipts& from) {
  totals.name = from.name;
  totals.state = from.state;
  totals.zip5 = from.zip5;
  totals.employer = from.employer;
  totals.occupation = from.occupation;
}

}  // namespace

void ReceiptAggregator::Add(const model::Contribution& row) {
  ++rows_added_;
  const ReceiptTreatment treatment = TreatIndividualReceipt(row);
  Entry& entry = entries_[Key{row.cmte_id, DonorKey(row.name, row.zip), treatment.kind}];
  model::DonorReceipts& totals = entry.totals;
  if (totals.rows == 0) {
    totals.cmte_id = row.cmte_id;
    totals.donor_key = DonorKey(row.name, row.zip);
    totals.kind = treatment.kind;
  }
  ++totals.rows;
  totals.counted_cents += treatment.counted_cents;
  totals.gross_cents += row.amount_cents;
  const int date = DateKey(row);
  if (date >= entry.latest_date) {
    entry.latest_date = date;
    totals.name = row.name;
    totals.state = row.state;
    totals.zip5 = Zip5(row.zip);
    totals.employer = row.employer;
    totals.occupation = row.occupation;
  }
}

void ReceiptAggregator::Merge(ReceiptAggregator&& other) {
  rows_added_ += other.rows_added_;
  for (auto& [key, theirs] : other.entries_) {
    auto [it, is_new] = entries_.try_emplace(key, std::move(theirs));
    if (is_new) continue;
    Entry& mine = it->second;
    mine.totals.rows += theirs.totals.rows;
    mine.totals.counted_cents += theirs.totals.counted_cents;
    mine.totals.gross_cents += theirs.totals.gross_cents;
    if (theirs.latest_date > mine.latest_date) {
      mine.latest_date = theirs.latest_date;
      TakeDescription(mine.totals, theirs.totals);
    }
  }
  other.entries_.clear();
  other.rows_added_ = 0;
}

std::vector<model::DonorReceipts> ReceiptAggregator::Finish() {
  std::vector<model::DonorReceipts> totals;
  totals.reserve(entries_.size());
  for (auto& [key, entry] : entries_) totals.push_back(std::move(entry.totals));
  entries_.clear();
  std::sort(totals.begin(), totals.end(),
            [](const model::DonorReceipts& a, const model::DonorReceipts& b) {
              return std::tie(a.cmte_id, a.donor_key, a.kind) <
                     std::tie(b.cmte_id, b.donor_key, b.kind);
            });
  return totals;
}

}  // namespace downballot::money
