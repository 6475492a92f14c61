// Per-committee receipt totals straight from FEC itcont files, without a store: the hot path
// behind `downballot committees` (semantics in docs/committees.md, layout in docs/formats.md).
//
// Example:
//   const std::vector<std::string> paths = {"itcont.txt"};
//   ASSIGN_OR_RETURN(const CommitteeSummary summary, SummarizeCommittees(paths));
//   for (const CommitteeTotals& totals : summary.committees) {
//     std::cout << FormatCommitteeLine(totals) << '\n';
//   }
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "base/money.h"
#include "model/ingest_report.h"

namespace downballot::money {

// An itcont row has exactly this many '|'-separated fields (FEC indiv layout).
inline constexpr int kItcontFieldCount = 21;
// A row counts as small-dollar when 0 < amount < $200: below FEC's itemization threshold.
inline constexpr base::Cents kSmallDollarLimitCents = 200'00;
// Rejected rows kept verbatim in a report; the rest are only counted.
inline constexpr size_t kMaxReportedRejects = 10;

// One output line: totals over every aggregated row of one CMTE_ID.
struct CommitteeTotals {
  std::string cmte_id;
  int64_t rows = 0;
  base::Cents sum = 0;
  int64_t small_rows = 0;  // rows with 0 < amount < kSmallDollarLimitCents
  base::Cents small_sum = 0;
  int64_t donors = 0;  // distinct (exact NAME, first five bytes of ZIP_CODE), both non-empty

  friend bool operator==(const CommitteeTotals&, const CommitteeTotals&) = default;
};

// The account of a pass. Invariant: rows_read == rows_aggregated + rows_rejected. Empty lines
// (zero bytes, or a lone "\r") are not rows and are not counted, but they do count as lines.
struct SummaryReport {
  int64_t rows_read = 0;
  int64_t rows_aggregated = 0;
  int64_t rows_rejected = 0;
  // The first kMaxReportedRejects rejected rows in input order (file, then line), with
  // field "" for a wrong field count and "TRANSACTION_AMT" for an amount that does not parse.
  std::vector<model::RowError> first_rejects;
  // Donor entries written to temporary files to stay within the memory budget.
  int64_t bytes_spilled = 0;
};

// How a pass splits and reads its input. The defaults suit files; tests shrink them to put
// chunk and block seams inside tiny inputs.
struct SummaryOptions {
  int num_threads = 2;                   // chunks per file, one thread each; values < 1 mean 1
  size_t block_bytes = size_t{1} << 20;  // read size per thread; grows for longer lines
  int64_t min_chunk_bytes = 1 << 20;     // a file is split only into chunks at least this big
  // What the donor counts may hold in memory (80% of it, split among the threads): beyond it
  // they go to unnamed temporary files in `temp_folder` ("" is the current folder), with the
  // same result.
  int64_t memory_budget_bytes = int64_t{1} << 30;
  std::string temp_folder;
};

struct CommitteeSummary {
  std::vector<CommitteeTotals> committees;  // sorted by cmte_id, bytewise
  SummaryReport report;
};

// Reads every file in `paths` (itcont layout: no header, no quoting, any bytes, LF or CRLF, last
// newline optional) and totals the rows per CMTE_ID across all of them. Rows with a field
// count other than kItcontFieldCount, or whose TRANSACTION_AMT base::ParseCents rejects, are
// counted in the report and otherwise skipped; they never fail the call. Each file is split
// into up to `options.num_threads` chunks at line boundaries, read and totalled in parallel;
// the result does not depend on the options.
// Returns NotFound if a file does not exist and Internal if one cannot be read or a temporary
// file written (the message names the path); nothing partial is returned then. Memory: a fixed
// read buffer per thread plus 16 bytes per row with a donor (its committee and donor hash,
// deduplicated at the end), up to options.memory_budget_bytes; the files are never held whole.
// Thread-compatible: concurrent calls share nothing.
[[nodiscard]] absl::StatusOr<CommitteeSummary> SummarizeCommittees(
    std::span<const std::string> paths, const SummaryOptions& options = {});

// As SummarizeCommittees, over `bytes` already in memory, reported as file `name` (which need
// not exist). `bytes` need only live for the call. Dies if a temporary file cannot be written:
// give a budget that needs none, or a usable options.temp_folder.
[[nodiscard]] CommitteeSummary SummarizeCommitteesInBuffer(std::string_view bytes,
                                                           const std::string& name,
                                                           const SummaryOptions& options = {});

// "C00401224|70|12345.00|52|3210.50|48": cmte_id|rows|sum|small_rows|small_sum|donors, money
// as base::FormatDollars prints it. No trailing newline.
[[nodiscard]] std::string FormatCommitteeLine(const CommitteeTotals& totals);

}  // namespace downballot::money
