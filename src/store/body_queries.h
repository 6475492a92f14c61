// Store queries behind party bodies: the precincts each party race's returns sit in, and the
// election districts a county's general-election precinct files list.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "store/database.h"

namespace downballot::store {

// For every party-seat race of `state` (a result tally with a body), its race id
// (model::MakeRaceId) and the sorted precincts its precinct-level rows name. Rows that repeat
// others or print a total are left out; races reported only at county level have no entry.
[[nodiscard]] absl::StatusOr<std::map<std::string, std::vector<std::string>>>
ReadPartyRacePrecincts(Database& db, std::string_view state);

// The precincts one county's general-election precinct files of one year name.
struct PrecinctList {
  std::string county;  // as the files spell it
  int year = 0;
  std::vector<std::string> paths;      // the files, sorted
  std::vector<std::string> precincts;  // sorted, each once
};

// The lists of `state`'s counties in `counties` (compared as spelled), one per county and year
// with general-election precinct rows loaded. Rows that repeat others, print a total or name no
// precinct are left out.
[[nodiscard]] absl::StatusOr<std::vector<PrecinctList>> ReadGeneralPrecinctLists(
    Database& db, std::string_view state, std::span<const std::string> counties);

}  // namespace downballot::store
