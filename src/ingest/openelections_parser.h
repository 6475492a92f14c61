// Parses one OpenElections results CSV into normalised result rows and an account of its rejects.
#pragma once

#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "ingest/office_table.h"
#include "model/ingest_report.h"
#include "model/result_row.h"

namespace downballot::ingest {

struct ParsedResults {
  model::ResultFileInfo info;          // from the file name
  std::vector<model::ResultRow> rows;  // in file order; race_party is left for AssignRaceParties
};

struct ResultsParseOptions {
  // The office table offices are normalised by; nullptr means OfficeTable::Default(). Must
  // outlive the call.
  const OfficeTable* offices = nullptr;
};

// Parses `bytes`, the whole content of the results file at `path` (the name is parsed with
// ParseResultFileName; the file is not opened). Columns are found by header name in any order
// and case; docs/results.md describes every rule. Per-row problems are rejected into `report`
// (report.Reject(line, field, reason)) and the rest of the file still loads; on success
// report.rows_read == rows.size() + report.rows_rejected, and report.notes says what was
// repaired (summed vote modes, total rows, Latin-1 bytes, short records, repeated rows and
// precinct blocks kept as model::RowKind::kRepeat, sub-tabulations kept with a `breakdown`).
//
// Returns InvalidArgument "<path>:<line>: ..." and no rows when the whole file must fail:
//   - the name does not follow the OpenElections convention;
//   - a NUL byte in the first 64 KiB ("binary content (NUL byte), not a CSV file");
//   - an empty file, or a header without 'office', 'candidate' and a 'votes' or vote-mode
//     column (naming ';', tab or '|' when the file looks delimited by one);
//   - a truncated file: a quoted field still open at the end, or a last record with fewer fields
//     than the header and no line break.
// Sets report.path and report.kind when they are empty. Thread-compatible: `report` must not be
// shared across concurrent calls.
[[nodiscard]] absl::StatusOr<ParsedResults> ParseOpenElections(
    std::string_view path, std::string_view bytes, model::FileReport& report,
    const ResultsParseOptions& options = {});

}  // namespace downballot::ingest
