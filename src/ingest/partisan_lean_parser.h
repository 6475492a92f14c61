// Reads FiveThirtyEight's partisan-lean files (one lean per state or district); see
// docs/fivethirtyeight.md for the two value formats and the district codes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "model/ingest_report.h"
#include "model/partisan_lean.h"

namespace downballot::ingest {

// Parses one lean value into a Democratic margin in points: "R+15.21" -> -15.21, "D+3" -> 3,
// "EVEN" -> 0, or a signed number ("-14.6111", negative = Republican). Case and surrounding
// white space are ignored. Returns nullopt for anything else, including NaN, infinities and
// magnitudes above 100.
[[nodiscard]] std::optional<double> ParseLeanMargin(std::string_view text);

// Parses a partisan-lean CSV: the header is `district,<year>` or `state,<year>` (a UTF-8 BOM,
// CRLF and a last line without a line break are accepted). District rows like "NY-14" give
// state "NY", district "14"; "AK-AL" and the "-1" of a state with a single at-large seat in
// that year give district "AL". State rows give the postal code of the full name (or code)
// and district "".
//
// A row with a bad value, an unknown district or state, a wrong field count or a repeated key
// is left out and recorded with report.Reject(line, column name, reason). The function adds
// every data row to report.rows_read, so rows_read == returned rows + rows_rejected when the
// report starts at zero; it fills report.path and report.kind when they are empty.
//
// InvalidArgument "<path>:<line>: ..." for a file that cannot be read as partisan lean at all:
// binary content (a NUL byte), an empty file, a header of another shape, a quote left open at
// the end, or a last row cut off without a line break and with too few fields.
// `bytes` is only read during the call. Thread-safe for distinct reports.
[[nodiscard]] absl::StatusOr<std::vector<model::PartisanLean>> ParsePartisanLean(
    std::string_view path, std::string_view bytes, model::FileReport& report);

}  // namespace downballot::ingest
