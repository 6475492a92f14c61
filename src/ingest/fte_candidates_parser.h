// Reads FiveThirtyEight's candidate-level primary files (primary-candidates-2018 and the
// primary-project-2022 layout) into PrimaryCandidacy rows; rules in docs/fivethirtyeight.md.
#pragma once

#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "model/ingest_report.h"
#include "model/primary_candidacy.h"

namespace downballot::ingest {

// Parses one FiveThirtyEight primary-candidates CSV. Columns are found by header name (trimmed,
// ignoring case), so column order and extra columns do not matter:
//   2018: Candidate, State, District, Office Type, Race Type, Race Primary Election Date,
//         Primary Status, Primary Runoff Status, General Status, Partisan Lean, Primary %,
//         Won Primary; the dem file's Elected Official? and Self-Funder?.
//   2022: Candidate, State (spelled out), Office, District, Primary Date, Primary %
//         ("12%"), Primary Outcome, Runoff Outcome, Incumbent, Incumbent Challenger, Primary
//         Votes and Runoff Votes ("1,881"), Runoff %.
// Endorsement columns: every column ending "Endorsed?" or "Support?", and every other column
// that is not mapped, not a candidate attribute (Veteran?, LGBTQ?, STEM?, Obama Alum?) and whose
// cells are all endorsement values with at least one "Yes" (2022's bare "Trump", "Club for
// Growth", ...): no endorser is named in code. Those whose name says "party support" or "party
// committee" are marked is_party_committee.
// The party comes from the file name: a "dem_" or "rep_" prefix (any case) gives "DEM" or
// "REP". The cycle is the year of the primary date. Bytes that are not UTF-8 are read as
// Latin-1 (and a note is added), so no row is lost to them; a UTF-8 BOM and CRLF are accepted.
//
// Endorsement cells: "Yes" -> kYes, "No" -> kNo, empty or "N/A" -> kNotTracked; 2022's
// "Yes (runoff only)" / "No (runoff only)" count as kYes / kNo (with a note in the report).
// Won Primary: "Yes"/"No"/empty -> true/false/nullopt (2022: from the primary and runoff
// outcomes). Yes/No attributes: empty or "N/A" -> nullopt. Partisan Lean and percents:
// numbers, empty or "N/A" -> nullopt. Vote counts: whole numbers >= 0, empty or "N/A" ->
// nullopt.
//
// A row with a wrong field count ("expected N fields, got M"), a bad value in a mapped column,
// an unknown state, an empty candidate or a missing primary date is left out and recorded with
// report.Reject(line, column name, reason). Every data row is added to report.rows_read, so
// rows_read == returned rows + rows_rejected when the report starts at zero; report.path and
// report.kind are filled when empty.
//
// InvalidArgument "<path>:<line>: ..." when the file cannot be read as such a file at all:
// no dem_/rep_ prefix (message "<path>: ..."), binary content (a NUL byte), an empty file, a
// missing Candidate, State, District, office (Office Type or Office) or primary-date column, a
// repeated column name, a quote left open at the end, or a last row cut off without a line
// break and with too few fields. `bytes` is only read during the call. Thread-safe for
// distinct reports.
[[nodiscard]] absl::StatusOr<std::vector<model::PrimaryCandidacy>> ParseFteCandidates(
    std::string_view path, std::string_view bytes, model::FileReport& report);

}  // namespace downballot::ingest
