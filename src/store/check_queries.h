// Store queries behind `downballot check`: repeated result rows within a file, rows a parser left
// out as repeats, office strings no office rule matched, file notes and the counties named.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "store/database.h"

namespace downballot::store {

// Stored result rows of one file that share county, precinct, office, district, candidate and
// party line: the same vote entered twice, or two different counts for one thing.
struct RepeatedResultRows {
  std::string path;
  std::string state;  // postal code, upper case as stored
  int year = 0;       // of the election
  std::string county;
  std::string precinct;
  std::string office;  // as written
  std::string district;
  std::string candidate;
  std::string party;  // as written
  std::vector<int64_t> lines;
  std::vector<int64_t> votes;  // per line
};
// Of one state (upper-case code, "" = every state) and one year (0 = every year), read through
// the tallies' state index so a state's check does not sort every stored row.
[[nodiscard]] absl::StatusOr<std::vector<RepeatedResultRows>> ReadRepeatedResultRows(
    Database& db, const std::string& state = "", int year = 0);

// Rows a parser rejected because they repeat an earlier row of their file.
struct RejectedRepeat {
  std::string path;
  int64_t line = 0;
  std::string reason;  // "repeats line 12"
};
[[nodiscard]] absl::StatusOr<std::vector<RejectedRepeat>> ReadRejectedRepeats(Database& db);

// An office string of results files that no office-table rule matched, in one state.
struct UnmatchedOffice {
  std::string state;
  std::string office_raw;
  int64_t num_rows = 0;
  std::vector<std::string> paths;     // files with such rows, by path
  std::vector<std::string> counties;  // counties with such rows
};
[[nodiscard]] absl::StatusOr<std::vector<UnmatchedOffice>> ReadUnmatchedOffices(Database& db);

// A note a parser left on a loaded file ("255 rows write the district as a float ...").
struct FileNote {
  std::string path;
  std::string kind;  // the file's kind: "openelections", ...
  std::string note;
};
[[nodiscard]] absl::StatusOr<std::vector<FileNote>> ReadFileNotes(Database& db);

// Every (state, county) named by results (printed totals aside) or MEDSL returns, with the
// number of tallies naming it.
struct NamedCounty {
  std::string state;
  std::string county;
  int64_t num_rows = 0;
};
[[nodiscard]] absl::StatusOr<std::vector<NamedCounty>> ReadNamedCounties(Database& db);

}  // namespace downballot::store
