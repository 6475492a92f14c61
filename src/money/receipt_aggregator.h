// Sums a stream of individual-contribution rows into per-committee, per-donor, per-kind totals,
// packed for the store, in a bounded amount of memory.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "base/spill_file.h"
#include "model/donor_receipts_codec.h"
#include "model/fec.h"

namespace downballot::money {

struct ReceiptAggregatorOptions {
  // Threads that call Add (worker ids 0..num_workers-1), and that Sum and Pack use.
  int num_workers = 2;
  // What the whole ingest may hold in memory, in bytes: rows waiting to be summed take up to
  // 40% (split among the workers), summed totals up to 20%, a batch being packed up to 10%;
  // the rest is left to the reader, the store's cache, a committee part and the allocator's
  // slack (a 70M-row file peaked at 1,036 MiB of 1,024 with 45/30/10). Beyond that, rows and
  // totals go to temporary files in `temp_folder`.
  int64_t memory_budget_bytes = int64_t{1} << 30;
  // Where temporary files are made: beside the store, as /tmp is often memory itself. They
  // have no name (base::SpillFile), so a killed run leaves none. "" is the current folder.
  std::string temp_folder;
  // A committee with more donor totals than this is packed and stored in parts of at most this
  // many (whole buckets each), so that no single blob needs more than ~20 MB of records (and
  // about three times that to pack). Part of the store's format, not of the budget: tests
  // shrink it.
  int64_t max_totals_per_part = 250'000;
};

// Called once per committee, in cmte_id order, from the thread that called Pack; several times
// in a row, a part of its totals each time, for a committee with more than
// options.max_totals_per_part totals. The totals are valid only during the call; a non-OK
// return stops Pack and is returned by it.
using PackedReceiptsSink = std::function<absl::Status(const model::PackedDonorReceipts&)>;

// Feed rows with Add() from up to options.num_workers threads, then Sum(), then Pack().
//
// Add() only appends the row (its hash, amounts, position and text) to one of 1,024 buckets
// picked by the hash of (committee, kind, donor key); Sum() sums each bucket on its own, with
// the workers taking buckets in turn. Equal keys land in the same bucket whichever worker
// read them, so nothing needs merging, and one bucket's table stays in cache (a single table
// of all totals sent nearly every row to DRAM: bench/README.md). When a worker's rows outgrow
// its share of the budget it writes its buckets to its temporary file and starts afresh; Sum
// reads each bucket's pieces back, one bucket at a time. Summed totals that do not fit go to a
// file too, and Pack reads them back a batch of committees at a time.
//
// The result depends only on the rows, never on the workers' split or the budget: a total is
// described (state, employer, occupation) by its latest-dated row, and of rows with the same
// date by the one with the greatest position; a committee's totals are packed in bucket
// order, and within a bucket in the order of their first rows' positions.
//
// Memory beyond the budget: one bucket's rows per thread while summing (the file's rows / 1,024),
// one part (max_totals_per_part totals) while it is packed, and the store's own cache.
//
// Example: two threads over the two halves of a file.
//   ReceiptAggregator aggregator({.num_workers = 2, .temp_folder = "/data"});
//   // thread w: RETURN_IF_ERROR(aggregator.Add(w, row)) for each row of half w.
//   ASSIGN_OR_RETURN(const int64_t num_totals, aggregator.Sum());
//   RETURN_IF_ERROR(aggregator.Pack([&](const model::PackedDonorReceipts& c) { ... }));
class ReceiptAggregator {
 public:
  explicit ReceiptAggregator(ReceiptAggregatorOptions options);
  ~ReceiptAggregator();
  ReceiptAggregator(const ReceiptAggregator&) = delete;
  ReceiptAggregator& operator=(const ReceiptAggregator&) = delete;

  // Classifies `row` (TreatIndividualReceipt) and adds it to its donor's total for its
  // committee and kind. 0 <= worker < options.num_workers; thread-safe for distinct workers.
  // Errors: those of writing the worker's temporary file (Internal, naming the folder).
  [[nodiscard]] absl::Status Add(int worker, const model::ContributionView& row);

  // Sums every row added; returns the number of donor totals. Call once, after every Add.
  // Errors: those of the temporary files.
  [[nodiscard]] absl::StatusOr<int64_t> Sum();

  // Packs the summed totals committee by committee, in cmte_id order, passing each to `sink`.
  // Call once, after Sum. Errors: the sink's, or those of reading the temporary files.
  [[nodiscard]] absl::Status Pack(const PackedReceiptsSink& sink);

  // Sum and Pack into one vector (a committee's parts as they come): for tests and small
  // inputs.
  [[nodiscard]] absl::StatusOr<std::vector<model::PackedDonorReceipts>> SumAndPackAll();

  [[nodiscard]] int64_t rows_added() const;
  // Bytes written to temporary files so far (0 when everything fit).
  [[nodiscard]] int64_t bytes_spilled() const;

 private:
  struct Worker;
  struct SummedBucket;
  ReceiptAggregatorOptions options_;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::vector<std::string> committees_;          // every worker's, sorted; set by Sum
  std::vector<SummedBucket> summed_;             // per bucket; set by Sum
  std::optional<base::SpillFile> totals_spill_;  // summed totals that did not fit
  int64_t totals_bytes_spilled_ = 0;
};

}  // namespace downballot::money
