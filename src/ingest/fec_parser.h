// Reads the FEC's pipe-delimited bulk files (cn, cm, ccl, itcont, itpas2, itoth, weball/webl)
// as a stream of rows and turns each row into a model struct, rejecting what does not validate.
// Layouts, field notes and the validation rules: docs/formats.md.
//
// Example: total the individual receipts of a cycle without holding the file.
//   model::FileReport report;
//   base::Cents total = 0;
//   RETURN_IF_ERROR(ForEachContribution(
//       "indiv20.zip", FecFileKind::kIndividualContributions, report,
//       [&](const model::Contribution& c) {
//         total += c.amount_cents;
//         return absl::OkStatus();
//       }));
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "base/date.h"
#include "ingest/fec_layout.h"
#include "model/fec.h"
#include "model/ingest_report.h"

namespace downballot::ingest {

// Called once per row that has the layout's field count. `fields` are the row's fields in FEC
// order, as valid UTF-8; they (and the span) are valid only during the call. `line` is the
// 1-based line number. A non-OK return stops the read and is returned by ForEachFecRow.
using FecRowCallback =
    std::function<absl::Status(int64_t line, std::span<const std::string_view> fields)>;

// Streams the rows of the FEC file at `path` (plain, or the first member of a zip: see
// OpenByteSource) in chunks, never holding the whole file. Lines end at '\n'; a '\r' before it
// is dropped; fields are split on '|' with no quoting ('"' is data: CRAMER, ROBERT E "BUD" JR)
// and are not trimmed. A field with a byte outside ASCII is made valid UTF-8 by
// base::ToUtf8Lenient (stray bytes read as Latin-1, as the FEC's older files are), with a note
// in `report`. A line with one field too many whose last field is empty (a trailing '|', as
// in oppexp.txt) is read as the layout's fields, with a note. Blank lines are skipped, with a note,
// and not counted as rows.
//
// Every other line adds 1 to report.rows_read. A line with the wrong field count is rejected
// (report.Reject(line, "", "expected 21 fields, got 19")) and not passed on; every other line
// goes to `on_row`. Fills report.path and report.kind when they are empty.
//
// Whole-file errors (the report then holds the rows seen so far):
//   InvalidArgument "PATH:LINE: file is truncated: expected 21 fields, got 19" when the last
//     line has no '\n' and the wrong field count (a cut-off download);
//   InvalidArgument "PATH: binary content (NUL byte), not an FEC text file" for a NUL in the
//     first chunk, and "PATH:LINE: line longer than N bytes, not an FEC bulk file";
//   any error of OpenByteSource / ByteSource::Read (NotFound, DataLoss for a truncated zip, ...);
//   the first non-OK status returned by `on_row`.
// Thread-safe for distinct reports.
[[nodiscard]] absl::Status ForEachFecRow(const std::string& path, FecFileKind kind,
                                         model::FileReport& report, const FecRowCallback& on_row);

// The typed row parsers. Each takes the fields of one row of its layout (as ForEachFecRow
// passes them) and the row's line, validates every typed field and returns the record. On a bad
// field they return InvalidArgument whose message is "COLUMN: reason", COLUMN being the FEC
// column name (RejectFecRow files it under that field):
//   "expected 21 fields, got 19"                   (no column) wrong field count;
//   "CAND_ID: is empty"                            a required id is empty;
//   "TRANSACTION_AMT: '12.3.4' is not an amount"   amounts must pass base::ParseCents;
//   "TRANSACTION_DT: '13012019' is not a date (MMDDYYYY)";
//   "FILE_NUM: '12a' is not an integer", "CAND_ELECTION_YR: '20' is not a year";
//   "AMNDT_IND: 'Q' is not one of N, A, T" (likewise MEMO_CD "" or X, CAND_OFFICE H, S or P).
// Text fields are copied as given. Pure and thread-safe.
[[nodiscard]] absl::StatusOr<model::FecCandidate> ParseCandidate(
    std::span<const std::string_view> fields, int64_t line);
[[nodiscard]] absl::StatusOr<model::FecCommittee> ParseCommittee(
    std::span<const std::string_view> fields, int64_t line);
[[nodiscard]] absl::StatusOr<model::FecLinkage> ParseLinkage(
    std::span<const std::string_view> fields, int64_t line);
// `kind` is kIndividualContributions or kCommitteeToCommittee (21 fields) or
// kCommitteeToCandidate (22 fields, with CAND_ID); InvalidArgument for any other kind.
// TRANSACTION_DT may be empty (date nullopt); FILE_NUM may be empty (0); SUB_ID is required.
[[nodiscard]] absl::StatusOr<model::Contribution> ParseContribution(
    FecFileKind kind, std::span<const std::string_view> fields, int64_t line);
// Empty amounts read as 0; CVG_END_DT is MM/DD/YYYY or empty (nullopt).
[[nodiscard]] absl::StatusOr<model::FecCandidateSummary> ParseCandidateSummary(
    std::span<const std::string_view> fields, int64_t line);

// Parses an FEC date "MMDDYYYY" ("01182019"), checking the calendar (leap years included) and a
// year in 1900..2100; nullopt for anything else, "" included. Pure.
[[nodiscard]] std::optional<base::Date> ParseFecDate(std::string_view text);

// Records a row error from one of the parsers above: report.Reject(line, COLUMN, reason) when
// the message starts with "COLUMN: ", else report.Reject(line, "", message).
void RejectFecRow(model::FileReport& report, int64_t line, const absl::Status& row_error);

// Streams the parsed rows of an itcont, itpas2 or itoth file (plain or zipped) to
// `on_contribution`, rejecting into `report` the rows ForEachFecRow or ParseContribution
// reject; `kind` picks the layout (InvalidArgument for a non-contribution kind). When it
// returns OK, report.rows_read - report.rows_rejected rows (counting from the report's values on
// entry) were passed on; setting report.rows_stored is the caller's business. The contribution
// is valid only during the call. Errors: those of ForEachFecRow.
[[nodiscard]] absl::Status ForEachContribution(
    const std::string& path, FecFileKind kind, model::FileReport& report,
    const std::function<absl::Status(const model::Contribution&)>& on_contribution);

// How far a ScanContributions pass has got: for a progress bar.
struct ScanProgress {
  int64_t bytes_done = 0;   // of the file as it is on disk (a zip's compressed bytes)
  int64_t bytes_total = 0;  // the file's size
  int64_t lines_done = 0;
};

// How ScanContributions splits and reads a file. The defaults suit multi-GB itcont files;
// tests shrink them to put chunk and block seams inside tiny inputs.
struct ContributionScanOptions {
  int num_threads = 2;                   // chunks (one thread each) per plain file; < 1 means 1
  int64_t min_chunk_bytes = 8 << 20;     // a file is split only into chunks at least this big
  size_t block_bytes = size_t{1} << 20;  // read size per thread; lines up to 1 MiB still fit
  // A zip member is inflated on the calling thread and cut into blocks of about this many
  // bytes, at line ends, which the num_threads workers parse.
  size_t zip_block_bytes = size_t{4} << 20;
  // Called now and then (every few MB) from any worker; must be thread-safe. May be empty.
  std::function<void(const ScanProgress&)> on_progress;
};

// Called by ScanContributions once per accepted row, from worker `worker` (0 <= worker <
// max(num_threads, 1)). Different workers call it concurrently; one worker's calls are in file
// order (increasing row.position). A non-OK return stops the scan and is returned by
// ScanContributions. The row's views are valid only during the call.
using ContributionSink =
    std::function<absl::Status(int worker, const model::ContributionView& row)>;

// ForEachContribution for bulk aggregation, with the same validation, rejects (file, line,
// field, reason, in line order), notes, accounting and whole-file errors, but:
//   - a plain file is cut at line boundaries into up to options.num_threads chunks scanned in
//     parallel, chunk k by worker k; a zip member is inflated on this thread and its blocks of
//     whole lines go to the workers in turn;
//   - each accepted row is passed on as the views the aggregation reads (model::ContributionView),
//     its text valid UTF-8 (Latin-1 bytes decoded as ForEachFecRow does), copying no text, with
//     its position: where its line starts in the unzipped bytes, the same for a plain file and
//     its zip.
// Which rows reach which worker depends on the options and the timing; the rows and their
// positions do not. A zip cut short fails with DataLoss naming the file and the last whole
// line read. Thread-safe for distinct reports.
[[nodiscard]] absl::Status ScanContributions(const std::string& path, FecFileKind kind,
                                             model::FileReport& report,
                                             const ContributionScanOptions& options,
                                             const ContributionSink& on_row);

// Read a whole master or summary file into memory (they are small: cn.txt 2020 is 377 KB),
// rejecting bad rows into `report`; so rows_read == returned size + rows_rejected for a report
// starting at zero. Errors: those of ForEachFecRow.
[[nodiscard]] absl::StatusOr<std::vector<model::FecCandidate>> ReadFecCandidates(
    const std::string& path, model::FileReport& report);
[[nodiscard]] absl::StatusOr<std::vector<model::FecCommittee>> ReadFecCommittees(
    const std::string& path, model::FileReport& report);
[[nodiscard]] absl::StatusOr<std::vector<model::FecLinkage>> ReadFecLinkages(
    const std::string& path, model::FileReport& report);
[[nodiscard]] absl::StatusOr<std::vector<model::FecCandidateSummary>> ReadFecCandidateSummaries(
    const std::string& path, model::FileReport& report);
// itpas2 (committee-to-candidate) rows, for store::LoadFecCommitteeContributions: a few
// thousand rows per cycle in the sample, but tens of thousands in a full cycle.
[[nodiscard]] absl::StatusOr<std::vector<model::Contribution>> ReadFecCommitteeToCandidate(
    const std::string& path, model::FileReport& report);

}  // namespace downballot::ingest
