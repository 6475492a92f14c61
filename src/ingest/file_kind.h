// Tells which parser a data file needs from its name and its first bytes, with a reason a user
// can read when the answer is "unknown".
#pragma once

#include <string>
#include <string_view>

namespace downballot::ingest {

enum class FileKind {
  kOpenElections,
  kFteCandidates,
  kPartisanLean,
  kMedslReturns,
  kCountyFips,  // a table of county FIPS codes (fips, county_name, state_abbr)
  kUnknown,
};

struct DetectedKind {
  FileKind kind = FileKind::kUnknown;
  // Why: "openelections file name and header with office and candidate columns", or for
  // kUnknown what did not match: "binary content", "no recognised header: first line is '...'".
  std::string reason;
};

// Classifies a file by its name (the last component of `path`) and its header, which is the
// first line of `first_bytes` after a UTF-8 BOM (the first few KiB of the file are enough; a
// prefix without a line break is read as the whole header). Header names are compared trimmed
// and case-insensitively.
//   kOpenElections: name like "20180626__ny__primary__county.csv" (8 digits, "__", ".csv")
//                   and a header with "office" and "candidate" columns.
//   kFteCandidates: header starting Candidate,State,District with "Office Type" (2018 primary
//                   candidates), or starting Candidate with State, District, Office and
//                   Primary Outcome (2022 primary project).
//   kPartisanLean:  a two-column header "district,<year>" or "state,<year>".
//   kMedslReturns:  a header with year, state_po, office, candidate, candidatevotes and
//                   totalvotes columns in any order (MEDSL's district_overall, senate_overall
//                   and district_county files), whatever the file name.
// A NUL byte in `first_bytes` gives kUnknown with reason "binary content". Never fails; pure
// and thread-safe.
[[nodiscard]] DetectedKind DetectFileKind(std::string_view path, std::string_view first_bytes);

// "openelections", "fte_candidates", "partisan_lean", "medsl_returns", "county_fips" or
// "unknown": the names
// FileReport::kind and the CLI use.
[[nodiscard]] std::string_view ToString(FileKind kind);

}  // namespace downballot::ingest
