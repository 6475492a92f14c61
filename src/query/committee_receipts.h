// `committees --fec-rules`: each committee's itemized receipts in itcont files, counted by the
// rules `money` uses (docs/money.md), straight from the files (no store).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "base/money.h"
#include "model/ingest_report.h"
#include "query/table.h"

namespace downballot::query {

// One committee's receipts by kind. Every row counts in `rows`; memo rows and a conduit's
// pass-through rows count in `uncounted_rows` and add no money (the money is counted once, at
// the recipient).
struct CommitteeReceipts {
  std::string cmte_id;
  int64_t rows = 0;
  base::Cents individual_cents = 0;  // gifts from people, before refunds (money's "itemized")
  base::Cents refunds_cents = 0;     // returned to donors; never positive
  base::Cents candidate_cents = 0;   // the candidate's own itemized gifts
  base::Cents other_cents = 0;       // every other receipt type
  int64_t uncounted_rows = 0;

  // individual + refunds + candidate + other: what the rows add to the committee's receipts.
  [[nodiscard]] base::Cents ReceiptsCents() const {
    return individual_cents + refunds_cents + candidate_cents + other_cents;
  }
};

struct CommitteeReceiptsAnswer {
  std::vector<CommitteeReceipts> committees;  // sorted by cmte_id
  std::vector<model::FileReport> reports;     // one per file: rows read, rejected and why
};

// Reads each itcont file (with `num_threads` workers per plain file) and sums its rows per
// committee by money::TreatIndividualReceipt. Rejected rows are counted in the reports, never
// fatal; a file that cannot be read is an error naming it.
[[nodiscard]] absl::StatusOr<CommitteeReceiptsAnswer> SumCommitteeReceipts(
    std::span<const std::string> paths, int num_threads);

// Dollars as exact text with two decimals. Columns: cmte_id, rows, individual_dollars,
// refunds_dollars, candidate_dollars, other_dollars, receipts_dollars, uncounted_rows.
[[nodiscard]] Table CommitteeReceiptsTable(const CommitteeReceiptsAnswer& answer);

}  // namespace downballot::query
