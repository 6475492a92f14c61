// Reads what an OpenElections results file name says: date, state, stage, party, county, level.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "model/result_row.h"

namespace downballot::ingest {

// Parses the name of `path` (folders are ignored) against the OpenElections convention
// `YYYYMMDD__st__[party__]stage[__special][__county]__level.csv`, tolerating the variants real
// files use (docs/results.md "File names"):
//
//   20180626__ny__primary__county.csv                  statewide county-level file
//   20160913__ny__primary_county.csv                   single underscore before the level
//   20160419__ny__primary__president.csv               office-named, no level word: county level
//   20160628__ny__primary__us_house__counties.csv      office-named, "counties" level
//   20160913__ny__republican__primary__richmond__precinct.csv   party "REP", county "Richmond"
//
// The state is upper-cased, the county title-cased ("st_lawrence" -> "St. Lawrence"); a
// `special` token next to `general` or `primary` makes the stage kSpecial. Returns
// InvalidArgument naming the file and what is wrong when the name does not follow the
// convention (bad date, no stage, unknown token before the stage, not a .csv). Thread-safe.
[[nodiscard]] absl::StatusOr<model::ResultFileInfo> ParseResultFileName(std::string_view path);

// A county name as stored: underscores become spaces, all-caps or all-lowercase text is
// title-cased, and the saint abbreviation gets its period ("ST LAWRENCE", "St.Lawrence",
// "st_lawrence" -> "St. Lawrence"). Mixed-case names keep their capitals ("McKean").
[[nodiscard]] std::string NormalizeCountyName(std::string_view raw);

}  // namespace downballot::ingest
