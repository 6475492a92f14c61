// Store queries behind `downballot check`: repeated result rows within a file, and the rows a
// parser already left out as repeats.
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
  std::string state;  // postal code, lowercase as stored
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
[[nodiscard]] absl::StatusOr<std::vector<RepeatedResultRows>> ReadRepeatedResultRows(Database& db);

// Rows a parser rejected because they repeat an earlier row of their file.
struct RejectedRepeat {
  std::string path;
  int64_t line = 0;
  std::string reason;  // "repeats line 12"
};
[[nodiscard]] absl::StatusOr<std::vector<RejectedRepeat>> ReadRejectedRepeats(Database& db);

}  // namespace downballot::store
