// Sums a stream of individual-contribution rows into per-committee, per-donor, per-kind totals.
#pragma once

#include <string>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "model/donor_receipts.h"
#include "model/fec.h"

namespace downballot::money {

// Feed rows with Add(), then take Finish(). Memory grows with distinct (committee, donor, kind),
// not with rows. Not thread-safe: use one per thread and Merge() them.
class ReceiptAggregator {
 public:
  // Classifies `row` (TreatIndividualReceipt) and adds it to its donor's totals. The donor's
  // name, state, employer and occupation are those of the latest-dated row.
  void Add(const model::Contribution& row);
  // Adds every total of `other` into this one.
  void Merge(ReceiptAggregator&& other);
  // The totals, sorted by committee, donor key and kind; leaves the aggregator empty.
  [[nodiscard]] std::vector<model::DonorReceipts> Finish();

  [[nodiscard]] int64_t rows_added() const { return rows_added_; }

 private:
  struct Entry {
    model::DonorReceipts totals;
    int latest_date = -1;  // yyyymmdd of the row the descriptive fields came from
  };
  using Key = std::tuple<std::string, std::string, model::ReceiptKind>;
  absl::flat_hash_map<Key, Entry> entries_;
  int64_t rows_added_ = 0;
};

}  // namespace downballot::money
