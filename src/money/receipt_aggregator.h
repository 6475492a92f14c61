// Sums a stream of individual-contribution rows into per-committee, per-donor, per-kind totals,
// packed for the store.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "model/donor_receipts_codec.h"
#include "model/fec.h"

namespace downballot::money {

// Feed rows with Add() from up to `num_workers` threads, then take Finish().
//
// Add() only appends the row (its hash, amounts and text) to one of 1,024 buckets picked by the
// hash of (committee, kind, donor key); Finish() sums each bucket on its own, with both cores
// taking buckets in turn, then packs each committee's totals. Equal keys land in the same
// bucket whichever worker read them, so nothing needs merging, and one bucket's table stays in
// cache. A single table of all totals, probed once a row, sent nearly every row to DRAM, and
// merging and sorting per-thread tables took longer than the scan (bench/README.md).
//
// Memory until Finish: a 40-byte header per row plus its donor key, state, employer and
// occupation (1.2 GB peak for the 10M-row benchmark file).
//
// Example: two threads over the two halves of a file.
//   ReceiptAggregator aggregator(2);
//   // thread 0: aggregator.Add(0, row) for each row of half 1, in file order;
//   // thread 1: aggregator.Add(1, row) for each row of half 2, in file order.
//   std::vector<model::PackedDonorReceipts> totals = aggregator.Finish(2);
class ReceiptAggregator {
 public:
  explicit ReceiptAggregator(int num_workers);
  ~ReceiptAggregator();
  ReceiptAggregator(const ReceiptAggregator&) = delete;
  ReceiptAggregator& operator=(const ReceiptAggregator&) = delete;

  // Classifies `row` (TreatIndividualReceipt) and adds it to its donor's total for its
  // committee and kind. A total is described (state, employer, occupation) by its latest-dated
  // row; of rows with the same date, by the one latest in the file. That assumes each worker
  // adds its rows in file order and all of worker w's rows come before worker w + 1's, as
  // ingest::ScanContributions hands them on. 0 <= worker < num_workers; thread-safe for
  // distinct workers.
  void Add(int worker, const model::ContributionView& row);

  // One entry per committee, sorted by cmte_id. Within a committee the totals' order depends
  // on the rows and their order only, not on how they were split among workers, so the packed
  // bytes are the same for any split. Uses up to `num_threads` threads; leaves the aggregator
  // empty.
  [[nodiscard]] std::vector<model::PackedDonorReceipts> Finish(int num_threads);

  [[nodiscard]] int64_t rows_added() const;

 private:
  struct Worker;
  std::vector<std::unique_ptr<Worker>> workers_;
};

}  // namespace downballot::money
