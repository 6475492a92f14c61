// Reads the MIT Election Data and Science Lab's general-election returns (district_overall,
// senate_overall and district_county files) into GeneralReturn rows, one per line of the file.
#pragma once

#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "ingest/office_table.h"
#include "model/general_return.h"
#include "model/ingest_report.h"

namespace downballot::ingest {

// Parses one MEDSL returns CSV. Columns are found by header name (trimmed, ignoring case), so
// their order does not matter and unmapped columns (state_fips, FIPS, unofficial, version, ...)
// are ignored. Required: year, state_po or state, office, district, candidate, party (or the
// later files' party_detailed) and candidatevotes; optional: stage ("gen" when absent),
// special and writein (false when absent), mode ("total" when absent), totalvotes (0 when
// absent) and county ("" when absent, as in the *_overall files).
//
// Values, each trimmed:
//   state     the postal code of state_po; when the file has no state_po column or the cell is
//             empty, the code of the spelled-out `state` (StatePostalCode)
//   office    "U.S. Representative"/"US House" -> "U.S. House", "US Senate"/"U.S. Senate" ->
//             "U.S. Senate" (any case); other offices as written
//   district  "District 7"/"7"/"07" -> "7"; "District 0", "0", "At Large", "at-large" and "AL"
//             -> "AL"; a U.S. House "District 1" of a state whose only seat is at large (AK,
//             DE, ND, SD, VT, WY; MT before 2022) -> "AL", as the county file writes
//             Delaware's seat; "statewide" and "" -> ""; anything else as written; a U.S.
//             Senate seat gets its class ("Class 1"; OfficeTable::SenateClass with `special`)
//   candidate MEDSL's NA (quoted or not) -> ""; white space runs collapsed
//   party     party_raw as written ("" for NA), party = NormalizeParty(party_raw, state)
//   stage     lowercased; an empty cell or no stage column -> "gen"; runoffs are kept
//   special, writein  TRUE or FALSE (any case)
//   votes     candidatevotes and totalvotes: whole numbers from 0 to 1,000,000,000
//
// A row with a wrong field count, a year outside 1900-2100, an unknown state (territories
// included), an empty office, a special/writein cell that is not TRUE/FALSE, or votes that are
// negative, not whole numbers or too large is left out and recorded with
// report.Reject(line, column name, reason). So is a row that repeats an earlier row of the
// file field for field ("repeats line N"): MEDSL's 2018 district_overall file lists every Florida
// row twice and district_county every Delaware row, which would double those votes. Every data
// row is added to report.rows_read, so rows_read == returned rows + rows_rejected when the
// report starts at zero; report.path and report.kind ("medsl_returns") are filled when empty.
//
// InvalidArgument "<path>:<line>: ..." when the file cannot be read as MEDSL returns at all:
// binary content (a NUL byte), an empty file, a missing required column, a repeated column
// name, a quote left open at the end, or a last row cut off without a line break and with too
// few fields. Bytes that are not UTF-8 are read as Latin-1 (with a note); a BOM and CRLF are
// accepted. U.S. Senate rows get their seat's class from `offices` (its senate_classes).
// `bytes` is only read during the call. Thread-safe for distinct reports.
[[nodiscard]] absl::StatusOr<std::vector<model::GeneralReturn>> ParseMedslReturns(
    std::string_view path, std::string_view bytes, model::FileReport& report,
    const OfficeTable& offices = OfficeTable::Default());

}  // namespace downballot::ingest
